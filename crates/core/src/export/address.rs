//! How servers reach each other: a server's private address (the plan's, or
//! a variable the `.env` sets, never an invented one) and the default ports
//! a service is published on.

use super::env_name;
use crate::model::Server;

/// The variable that holds a server's private address when the plan gives
/// none: `SERVER_A_PRIVATE_ADDRESS` for server "a".
///
/// ```
/// assert_eq!(stackfit_core::export::address_variable("worker-1"), "SERVER_WORKER_1_PRIVATE_ADDRESS");
/// ```
pub fn address_variable(server_id: &str) -> String {
    format!("SERVER_{}_PRIVATE_ADDRESS", env_name(server_id))
}

/// A server's private address as the plan gives it, if it is a plausible
/// host name or IP (anything else is treated as unknown, never written).
pub(super) fn known_address(s: &Server) -> Option<&str> {
    s.private_address.as_deref().map(str::trim).filter(|a| {
        !a.is_empty()
            && a.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".:-_[]%".contains(c))
    })
}

/// The address as compose should read it: the literal, or the variable with
/// compose's "required" form, so `docker compose up` stops with a message
/// instead of connecting to (or publishing on) an empty address.
pub(super) fn address(s: &Server) -> String {
    match known_address(s) {
        Some(a) => a.to_string(),
        None => format!("${{{}:?set it in .env}}", address_variable(&s.id)),
    }
}

/// The port a service listens on by default (the image's documented port),
/// for publishing it to other servers. Services that run your own code have
/// none: their port is yours.
pub(super) fn default_port(service: &str) -> Option<u16> {
    Some(match service {
        "postgres" => 5432,
        "mysql" => 3306,
        "mongodb" => 27017,
        "redis" | "valkey" => 6379,
        "memcached" => 11211,
        "rabbitmq" => 5672,
        "kafka" => 9092,
        "zookeeper" => 2181,
        "elasticsearch" => 9200,
        "logstash" => 5044,
        "kibana" => 5601,
        "neo4j" => 7687,
        "weaviate" => 8080,
        "prometheus" => 9090,
        "grafana" => 3000,
        "alertmanager" => 9093,
        "flower" => 5555,
        "minio" => 9000,
        _ => return None,
    })
}
