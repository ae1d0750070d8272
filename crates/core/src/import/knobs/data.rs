//! Databases, caches, brokers: what their commands and environment set.

use super::{count, flag, words, Read};
use crate::import::sizes::{docker_mib, mysql_mib, pg_mib, ratio_pct, redis_mib};

/// PostgreSQL settings the plan holds, with the unit of a bare number (KiB).
const PG_KNOBS: &[(&str, &str, u128)] = &[
    ("shared_buffers", "shared_buffers_mib", 8),
    ("work_mem", "work_mem_mib", 1),
    ("maintenance_work_mem", "maintenance_work_mem_mib", 1),
];

/// PostgreSQL counts the plan holds, named as their knobs are.
const PG_COUNTS: &[&str] = &["max_connections", "max_parallel_workers_per_gather"];

/// PostgreSQL settings StackFit derives from the limit itself.
const PG_DERIVED: &[&str] = &[
    "effective_cache_size",
    "wal_buffers",
    "min_wal_size",
    "max_wal_size",
    "max_worker_processes",
    "max_parallel_workers",
    "max_parallel_maintenance_workers",
];

/// `postgres -c name=value` and `--name=value`, as the official image passes them.
pub(super) fn postgres(r: &mut Read) {
    let at = r.cmd_at();
    let mut pairs: Vec<(String, String, String)> = Vec::new();
    let mut i = 0;
    while i < r.argv.len() {
        let a = &r.argv[i];
        let (kv, shown) = if a == "-c" {
            i += 1;
            match r.argv.get(i) {
                Some(v) => (v.clone(), format!("-c {v}")),
                None => break,
            }
        } else if let Some(v) = a.strip_prefix("-c") {
            (v.to_string(), a.clone())
        } else if let Some(v) = a.strip_prefix("--") {
            (v.to_string(), a.clone())
        } else {
            i += 1;
            continue;
        };
        i += 1;
        if let Some((k, v)) = kv.split_once('=') {
            pairs.push((
                k.trim().to_ascii_lowercase().replace('-', "_"),
                v.trim().to_string(),
                shown,
            ));
        }
    }
    let mut other = Vec::new();
    for (name, value, shown) in pairs {
        if let Some((_, knob, unit)) = PG_KNOBS.iter().find(|(n, _, _)| *n == name) {
            match pg_mib(&value, *unit) {
                Some(m) => r.set(knob, m as i64, shown, at),
                None => r.unreadable(&name, &value, at),
            }
        } else if let Some(knob) = PG_COUNTS.iter().find(|k| **k == name) {
            match count(&value) {
                Some(n) => r.set(knob, n, shown, at),
                None => r.unreadable(&name, &value, at),
            }
        } else if PG_DERIVED.contains(&name.as_str()) {
            r.unused(
                at,
                format!("{shown}: StackFit derives {name} from the memory limit (PGTune)"),
                format!("{shown}：{name} 由 StackFit 按内存上限推算（PGTune）"),
            );
        } else if name == "config_file" {
            r.unused(
                at,
                format!("{shown}: the config file is not read; settings in it are not imported"),
                format!("{shown}：不读取配置文件，其中的设置不会导入"),
            );
        } else {
            other.push(name);
        }
    }
    if !other.is_empty() {
        let list = other.join(", ");
        r.unused(
            at,
            format!("PostgreSQL settings that do not change sizing: {list}"),
            format!("与容量规划无关的 PostgreSQL 设置：{list}"),
        );
    }
}

/// `mysqld --innodb-buffer-pool-size=… --max-connections=… --performance-schema=…`,
/// also in MYSQL_EXTRA_FLAGS / MARIADB_EXTRA_FLAGS.
pub(super) fn mysql(r: &mut Read) {
    let mut args: Vec<(String, Option<crate::import::note::Pos>)> =
        r.argv.iter().map(|a| (a.clone(), r.cmd_at())).collect();
    for (_, v, at) in r.env_where(|k| k == "MYSQL_EXTRA_FLAGS" || k == "MARIADB_EXTRA_FLAGS") {
        args.extend(words(v).into_iter().map(|w| (w, Some(at))));
    }
    for (a, at) in args {
        let Some(body) = a.strip_prefix("--") else {
            continue;
        };
        let (name, value) = body.split_once('=').unwrap_or((body, ""));
        let name = name.replace('_', "-").to_ascii_lowercase();
        match name.as_str() {
            "innodb-buffer-pool-size" => match mysql_mib(value) {
                Some(m) => r.set("buffer_pool_mib", m as i64, a.clone(), at),
                None => r.unreadable("innodb_buffer_pool_size", value, at),
            },
            "max-connections" => match count(value) {
                Some(n) => r.set("max_connections", n, a.clone(), at),
                None => r.unreadable("max_connections", value, at),
            },
            "performance-schema" => {
                let on = !matches!(value.to_ascii_lowercase().as_str(), "off" | "0" | "false");
                r.set("performance_schema", i64::from(on), a.clone(), at);
            }
            "skip-performance-schema" => r.set("performance_schema", 0, a.clone(), at),
            _ => {}
        }
    }
}

/// `mongod --wiredTigerCacheSizeGB 1.5`.
pub(super) fn mongo(r: &mut Read) {
    if let Some((v, shown)) = flag(&r.argv, &["--wiredTigerCacheSizeGB"]) {
        match docker_mib(&format!("{v}g")) {
            Some(m) => r.set("cache_mib", m as i64, shown, r.cmd_at()),
            None => r.unreadable("--wiredTigerCacheSizeGB", &v, r.cmd_at()),
        }
    }
}

/// `redis-server --maxmemory 256mb --maxmemory-policy … --save "" --appendonly yes`,
/// also in REDIS_EXTRA_FLAGS (Bitnami).
pub(super) fn redis(r: &mut Read) {
    let at = r.cmd_at();
    let mut argv = r.argv.clone();
    if let Some((v, _)) = r.env("REDIS_EXTRA_FLAGS") {
        argv.extend(words(v));
    }
    if let Some((v, shown)) = flag(&argv, &["--maxmemory"]) {
        match redis_mib(&v) {
            Some(m) => r.set("maxmemory_mib", m as i64, shown, at),
            None => r.unreadable("--maxmemory", &v, at),
        }
    }
    if let Some((v, shown)) = flag(&argv, &["--maxmemory-policy"]) {
        match r.choice("policy", &v) {
            Some(i) => r.set("policy", i, shown, at),
            None => r.unused(
                at,
                format!("{shown}: a policy StackFit does not model; the catalog default stays"),
                format!("{shown}：StackFit 未建模该淘汰策略，保留目录默认值"),
            ),
        }
    }
    let save = argv.iter().rposition(|a| a == "--save");
    let aof = flag(&argv, &["--appendonly"]);
    if save.is_some() || aof.is_some() {
        let rdb = save.is_none_or(|i| argv.get(i + 1).is_some_and(|v| !v.trim().is_empty()));
        let aof_on = aof
            .as_ref()
            .is_some_and(|(v, _)| v.eq_ignore_ascii_case("yes"));
        let mode = match (rdb, aof_on) {
            (true, false) => "rdb",
            (false, false) => "off",
            (false, true) => "aof",
            (true, true) => "rdb+aof",
        };
        let mut shown = Vec::new();
        if let Some(i) = save {
            shown.push(format!(
                "--save {:?}",
                argv.get(i + 1).map(String::as_str).unwrap_or("")
            ));
        }
        if let Some((_, s)) = &aof {
            shown.push(s.clone());
        }
        if let Some(i) = r.choice("persistence", mode) {
            r.set("persistence", i, shown.join(" "), at);
        }
    }
    if argv.iter().any(|a| a.ends_with(".conf")) {
        r.unused(
            at,
            "a redis.conf is named; settings inside it are not read".into(),
            "命令中指定了 redis.conf，其中的设置不会读取".into(),
        );
    }
}

/// `memcached -m 64` / `--memory-limit=64` (MB).
pub(super) fn memcached(r: &mut Read) {
    if let Some((v, shown)) = flag(&r.argv, &["-m", "--memory-limit"]) {
        let mib = count(&v).or_else(|| docker_mib(&v).map(|m| m as i64));
        match mib {
            Some(m) => r.set("memory_limit_mib", m, shown, r.cmd_at()),
            None => r.unreadable("-m", &v, r.cmd_at()),
        }
    }
}

/// RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS `-rabbit vm_memory_high_watermark
/// {absolute,"1024MiB"}` (what export writes) or a relative fraction.
pub(super) fn rabbitmq(r: &mut Read) {
    let mut found: Option<(String, String, crate::import::note::Pos)> = None;
    if let Some((v, at)) = r.env("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS") {
        if let Some(i) = v.find("vm_memory_high_watermark") {
            let rest = v[i + "vm_memory_high_watermark".len()..].trim();
            found = Some((
                rest.to_string(),
                format!("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=…{}", &v[i..]),
                at,
            ));
        }
    }
    if let Some((v, at)) = r.env("RABBITMQ_VM_MEMORY_HIGH_WATERMARK") {
        found = Some((
            v.to_string(),
            format!("RABBITMQ_VM_MEMORY_HIGH_WATERMARK={v}"),
            at,
        ));
    }
    let Some((value, shown, at)) = found else {
        return;
    };
    let inner = value
        .trim_start_matches('{')
        .split('}')
        .next()
        .unwrap_or("");
    let (kind, amount) = match inner.split_once(',') {
        Some((k, a)) => (k.trim(), a.trim().trim_matches('"')),
        None => ("relative", inner.trim().trim_matches('"')),
    };
    if kind == "relative"
        && amount.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && !amount.contains(|c: char| c.is_ascii_alphabetic())
    {
        match ratio_pct(amount) {
            Some(p) => r.set("watermark_pct", p, shown, Some(at)),
            None => r.unreadable("vm_memory_high_watermark", amount, Some(at)),
        }
        return;
    }
    match (docker_mib(amount), r.limit) {
        (Some(m), Some(limit)) if limit > 0 => {
            let pct = (m.saturating_mul(100) + limit / 2) / limit;
            r.set(
                "watermark_pct",
                pct as i64,
                format!("{shown} (of the {limit} MiB limit)"),
                Some(at),
            );
        }
        (Some(_), _) => r.unused(
            Some(at),
            format!(
                "{shown}: an absolute watermark needs a memory limit to become the plan's share"
            ),
            format!("{shown}：绝对水位需要有内存上限才能换算成方案中的比例"),
        ),
        (None, _) => r.unreadable("vm_memory_high_watermark", amount, Some(at)),
    }
}

/// `max_server_memory_usage_to_ram_ratio` in the command or any variable
/// that carries it (ClickHouse images read config overrides both ways).
pub(super) fn clickhouse(r: &mut Read) {
    const KEY: &str = "max_server_memory_usage_to_ram_ratio";
    for (k, v, at) in r.env_where(|k| k.to_ascii_lowercase().contains(KEY)) {
        match ratio_pct(v) {
            Some(p) => r.set("ram_ratio_pct", p, format!("{k}={v}"), Some(at)),
            None => r.unreadable(k, v, Some(at)),
        }
    }
    let at = r.cmd_at();
    let args = r.argv.clone();
    for a in &args {
        if let Some(v) = a
            .trim_start_matches('-')
            .strip_prefix(KEY)
            .and_then(|s| s.strip_prefix('='))
        {
            match ratio_pct(v) {
                Some(p) => r.set("ram_ratio_pct", p, a.clone(), at),
                None => r.unreadable(KEY, v, at),
            }
        }
    }
}

/// PgBouncer's pool sizes from the variables its images read.
pub(super) fn pgbouncer(r: &mut Read) {
    for (var, knob) in [
        ("MAX_CLIENT_CONN", "max_client_conn"),
        ("DEFAULT_POOL_SIZE", "default_pool_size"),
    ] {
        for name in [var.to_string(), format!("PGBOUNCER_{var}")] {
            if let Some((v, at)) = r.env(&name) {
                match count(v) {
                    Some(n) => r.set(knob, n, format!("{name}={v}"), Some(at)),
                    None => r.unreadable(&name, v, Some(at)),
                }
            }
        }
    }
}

/// Neo4j's `NEO4J_server_memory_heap_max__size` and page cache (also the 4.x `dbms_` names).
pub(super) fn neo4j(r: &mut Read) {
    for (suffix, knob) in [
        ("memory_heap_max__size", "heap_mib"),
        ("memory_pagecache_size", "pagecache_mib"),
    ] {
        for prefix in ["NEO4J_dbms_", "NEO4J_server_"] {
            let name = format!("{prefix}{suffix}");
            if let Some((v, at)) = r.env(&name) {
                match docker_mib(v) {
                    Some(m) => r.set(knob, m as i64, format!("{name}={v}"), Some(at)),
                    None => r.unreadable(&name, v, Some(at)),
                }
            }
        }
    }
}
