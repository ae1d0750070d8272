//! A Docker Swarm stack file for an option: every placement pinned to its
//! planned server by a node label, with `deploy.resources` and replicas from
//! the report. Services reach each other by name on the stack's overlay
//! network, so no private address is needed; variables come from the shell
//! (`.env.swarm`), which `docker stack deploy` does not read by itself.

use std::collections::{BTreeMap, HashMap};

use super::compose::{volumes_section, LOG_MAX_FILE, LOG_MAX_SIZE};
use super::env::env_value;
use super::mem_size;
use super::spec::{port_has_address, Container, OptionExport, Value};
use super::yaml::{comment, key, literal, scalar};
use crate::fit::ports::PortSpec;

pub const FILE_NAME: &str = "stack.yml";
pub const ENV_FILE_NAME: &str = ".env.swarm";

/// The node label that pins a service to its planned server.
pub const NODE_LABEL: &str = "stackfit.server";

/// The host ports a stack publishes. The routing mesh publishes each on
/// every node, so a port is published once per stack, whatever the server
/// and however its address was written: `docker stack deploy` refuses a
/// second service on it.
#[derive(Default)]
struct Published<'a> {
    /// Per protocol, the ranges taken (disjoint), by their first port:
    /// (last port, the service).
    taken: HashMap<String, BTreeMap<u32, (u32, &'a str)>>,
}

impl<'a> Published<'a> {
    /// Takes `spec`'s host ports for `service`, or names the service that
    /// already publishes one of them. A port Docker picks, or one whose
    /// number is a variable, takes nothing it could name.
    fn take(&mut self, spec: &str, service: &'a str) -> Result<(), &'a str> {
        let ps = PortSpec::of(spec);
        let (low, high) = ps.host.split_once('-').unwrap_or((ps.host, ps.host));
        let (Ok(low), Ok(high)) = (low.parse::<u32>(), high.parse::<u32>()) else {
            return Ok(());
        };
        let ranges = self.taken.entry(ps.protocol.to_string()).or_default();
        // Disjoint ranges: the last one starting at or below `high` is the
        // only one that can reach `low`.
        if let Some((_, (last, other))) = ranges.range(..=high).next_back() {
            if *last >= low {
                return Err(other);
            }
        }
        ranges.insert(low, (high, service));
        Ok(())
    }
}

fn service<'a>(
    out: &mut String,
    e: &OptionExport,
    si: usize,
    c: &'a Container,
    published: &mut Published<'a>,
) {
    let s = &e.servers[si];
    let p = c.placement;
    out.push_str(&format!("  {}:\n", key(&p.id)));
    out.push_str(&format!(
        "    # {}: {} MiB typical, {} MiB peak per replica; planned on server {}\n",
        comment(c.def.map_or(p.service.as_str(), |d| d.name_en)),
        c.report.per_replica.expected_mib,
        c.report.per_replica.peak_mib,
        comment(&s.server.id)
    ));
    if p.shm_mib.is_some() {
        out.push_str("    # shm_size is not honoured by docker stack deploy: mount a tmpfs on /dev/shm if the service needs more than 64 MB.\n");
    }
    out.push_str(&format!("    image: {}\n", scalar(&c.image)));
    if !c.command.is_empty() {
        out.push_str("    command:\n");
        for a in &c.command {
            out.push_str(&format!("      - {}\n", literal(a)));
        }
    }
    if !c.environment.is_empty() {
        out.push_str("    environment:\n");
        for (k, v) in &c.environment {
            let dep = c.dependency_hosts.get(k);
            let written = match (dep, v) {
                // On the overlay network a dependency is its service name.
                (Some(d), _) => scalar(d),
                (None, Value::Literal(x)) => literal(x),
                (None, Value::Var(name)) => {
                    scalar(&format!("${{{name}:?set {name} (see {ENV_FILE_NAME})}}"))
                }
            };
            out.push_str(&format!("      {}: {written}\n", key(k)));
        }
    }
    let public: Vec<_> = c.ports.iter().filter(|x| x.bind.is_none()).collect();
    // The swarm's routing mesh publishes on every node's every address: a
    // port the compose file bound to one address is said, not published.
    let (bound, kept): (Vec<&String>, Vec<&String>) =
        c.placement.ports.iter().partition(|x| port_has_address(x));
    for x in bound {
        out.push_str(&format!(
            "    # the compose file published {} on one address; a swarm publishes on every node's every address, so it is left out\n",
            comment(x)
        ));
    }
    let planned: Vec<String> = public
        .iter()
        .map(|x| format!("{}:{}", x.host, x.container))
        .collect();
    let mut ports = Vec::new();
    for x in planned.iter().chain(kept) {
        match published.take(x, &p.id) {
            Ok(()) => ports.push(x),
            Err(other) => out.push_str(&format!(
                "    # {} is left out: {} publishes that host port in this stack already, and a swarm publishes a port once, on every node\n",
                comment(x),
                comment(other)
            )),
        }
    }
    if !ports.is_empty() {
        out.push_str("    ports:\n");
        for x in ports {
            out.push_str(&format!("      - {}\n", scalar(x)));
        }
    }
    let mounts = c.mounts();
    if !mounts.is_empty() {
        out.push_str("    volumes:\n");
        for m in &mounts {
            out.push_str(&format!("      - {}\n", scalar(m)));
        }
    }
    if !c.healthcheck.is_empty() {
        out.push_str("    healthcheck:\n      test:\n");
        for t in c.healthcheck {
            out.push_str(&format!("        - {}\n", literal(t)));
        }
        out.push_str(
            "      interval: 30s\n      timeout: 10s\n      retries: 5\n      start_period: 60s\n",
        );
    }
    out.push_str(&format!(
        "    logging:\n      driver: json-file\n      options:\n        max-size: {LOG_MAX_SIZE}\n        max-file: \"{LOG_MAX_FILE}\"\n"
    ));
    // docker stack deploy honours ulimits (docker/cli#2712, moby/moby#41284)
    // and the Compose Specification schema allows them on a service.
    super::compose::ulimits(out, c);
    out.push_str("    deploy:\n");
    out.push_str(&format!("      replicas: {}\n", c.report.replicas));
    out.push_str(&format!(
        "      placement:\n        constraints:\n          - {}\n",
        scalar(&format!("node.labels.{NODE_LABEL} == {}", s.server.id))
    ));
    out.push_str(&format!(
        "      resources:\n        limits:\n          memory: {}\n          cpus: \"{}\"\n        reservations:\n          memory: {}\n",
        mem_size(c.limit_mib()),
        c.cpus(s.report.vcpu),
        mem_size(c.reservation_mib().max(1))
    ));
    out.push_str("      restart_policy:\n        condition: any\n");
}

pub(super) fn render(e: &OptionExport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {FILE_NAME} — option {} \"{}\" of plan \"{}\", for docker stack deploy\n",
        comment(&e.option.id),
        comment(&e.option.name),
        comment(&e.plan.name)
    ));
    if let Some(l) = super::spec::load_line(e.option.load) {
        out.push_str(&format!("# {}\n", comment(&l)));
    }
    out.push_str(&format!(
        "# Label each node with the server it stands for: docker node update --label-add {NODE_LABEL}=<server id> <node>\n"
    ));
    out.push_str(&format!(
        "# Deploy: set -a; . ./{ENV_FILE_NAME}; set +a; docker stack deploy -c {FILE_NAME} {}\n",
        super::k8s::k8s_name(&e.option.id)
    ));
    out.push_str("# Not carried over: depends_on (Swarm starts services in any order; healthchecks gate traffic), shm_size.\n");
    let containers: Vec<(usize, &Container)> = e
        .servers
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.containers.iter().map(move |c| (si, c)))
        .collect();
    if containers.is_empty() {
        out.push_str("services: {}\n");
        return out;
    }
    out.push_str("services:\n");
    let mut published = Published::default();
    for (si, c) in &containers {
        service(&mut out, e, *si, c, &mut published);
    }
    volumes_section(&mut out, containers.iter().map(|(_, c)| *c));
    out
}

/// The variables the stack file reads: secrets and your images (addresses
/// are not needed on an overlay network).
pub(super) fn env(e: &OptionExport) -> String {
    let mut out = format!(
        "# {ENV_FILE_NAME} — the variables {FILE_NAME} reads; load it into the shell before docker stack deploy.\n"
    );
    if let Some(l) = super::spec::load_line(e.option.load) {
        out.push_str(&format!("# {}\n", comment(&l)));
    }
    let mut seen = std::collections::BTreeSet::new();
    for s in &e.servers {
        for l in s
            .env
            .iter()
            .filter(|l| !l.name.ends_with("_PRIVATE_ADDRESS"))
        {
            if seen.insert(l.name.clone()) {
                for c in &l.comment {
                    out.push_str(&format!("# {}\n", comment(c)));
                }
                out.push_str(&format!("{}={}\n", l.name, env_value(&l.value)));
            }
        }
    }
    out
}
