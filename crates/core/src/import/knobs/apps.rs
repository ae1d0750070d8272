//! Application runtimes and workers: worker counts, heaps, Go's memory
//! limit, Celery's flags.

use super::{count, flag, words, Read};
use crate::import::note::Pos;
use crate::import::sizes::docker_mib;

/// `celery worker --concurrency/-c N --max-memory-per-child K
/// --max-tasks-per-child N --autoscale MAX,MIN -Q queues`.
pub(super) fn celery(r: &mut Read) {
    let at = r.cmd_at();
    let argv = r.argv.clone();
    if let Some((v, shown)) = flag(&argv, &["-c", "--concurrency"]) {
        match count(&v) {
            Some(n) => r.set("concurrency", n, shown, at),
            None => r.unreadable("--concurrency", &v, at),
        }
    }
    if let Some((v, shown)) = flag(&argv, &["--autoscale"]) {
        let max = v.split(',').next().and_then(count);
        match max {
            Some(n) => r.set("concurrency", n, format!("{shown} (its maximum)"), at),
            None => r.unreadable("--autoscale", &v, at),
        }
    }
    for (names, knob) in [
        (&["--max-memory-per-child"][..], "max_memory_per_child_kib"),
        (&["--max-tasks-per-child"][..], "max_tasks_per_child"),
    ] {
        if let Some((v, shown)) = flag(&argv, names) {
            match count(&v) {
                Some(n) => r.set(knob, n, shown, at),
                None => r.unreadable(names[0], &v, at),
            }
        }
    }
    // `-Q` is not a knob: the placement's queues (`import::place`).
}

fn workers_from(r: &mut Read, argv: &[String], at: Option<Pos>, prefix: &str) {
    if let Some((v, shown)) = flag(argv, &["-w", "--workers"]) {
        match count(&v) {
            Some(n) => r.set("workers", n, format!("{prefix}{shown}"), at),
            None => r.unreadable("--workers", &v, at),
        }
    }
    if let Some((v, shown)) = flag(argv, &["--threads"]) {
        match count(&v) {
            Some(n) => r.set("threads", n, format!("{prefix}{shown}"), at),
            None => r.unreadable("--threads", &v, at),
        }
    }
}

fn env_count(r: &mut Read, var: &str, knob: &'static str) {
    if let Some((v, at)) = r.env(var) {
        match count(v) {
            Some(n) => r.set(knob, n, format!("{var}={v}"), Some(at)),
            None => r.unreadable(var, v, Some(at)),
        }
    }
}

/// gunicorn / uvicorn / hypercorn / granian: WEB_CONCURRENCY (what export
/// writes), then GUNICORN_CMD_ARGS, then the command's `-w/--workers`.
pub(super) fn python_web(r: &mut Read) {
    env_count(r, "WEB_CONCURRENCY", "workers");
    if let Some((v, at)) = r.env("GUNICORN_CMD_ARGS") {
        workers_from(r, &words(v), Some(at), "GUNICORN_CMD_ARGS: ");
    }
    let argv = r.argv.clone();
    let at = r.cmd_at();
    workers_from(r, &argv, at, "");
}

/// Puma: WEB_CONCURRENCY and RAILS_MAX_THREADS (what export writes), or
/// `-w N -t MIN:MAX`.
pub(super) fn puma(r: &mut Read) {
    env_count(r, "WEB_CONCURRENCY", "workers");
    env_count(r, "RAILS_MAX_THREADS", "threads");
    let argv = r.argv.clone();
    let at = r.cmd_at();
    if let Some((v, shown)) = flag(&argv, &["-w", "--workers"]) {
        match count(&v) {
            Some(n) => r.set("workers", n, shown, at),
            None => r.unreadable("--workers", &v, at),
        }
    }
    if let Some((v, shown)) = flag(&argv, &["-t", "--threads"]) {
        match v.rsplit(':').next().and_then(count) {
            Some(n) => r.set("threads", n, shown, at),
            None => r.unreadable("--threads", &v, at),
        }
    }
}

/// Sidekiq: `-c N` (what export writes) or SIDEKIQ_CONCURRENCY.
pub(super) fn sidekiq(r: &mut Read) {
    env_count(r, "SIDEKIQ_CONCURRENCY", "concurrency");
    let argv = r.argv.clone();
    if let Some((v, shown)) = flag(&argv, &["-c", "--concurrency"]) {
        match count(&v) {
            Some(n) => r.set("concurrency", n, shown, r.cmd_at()),
            None => r.unreadable("--concurrency", &v, r.cmd_at()),
        }
    }
}

/// Variables JVM images read their options from.
const JVM_VARS: &[&str] = &[
    "JAVA_TOOL_OPTIONS",
    "JDK_JAVA_OPTIONS",
    "_JAVA_OPTIONS",
    "JAVA_OPTS",
    "CATALINA_OPTS",
    "ES_JAVA_OPTS",
    "OPENSEARCH_JAVA_OPTS",
    "KAFKA_HEAP_OPTS",
    "JVMFLAGS",
    "SERVER_JVMFLAGS",
    "LS_JAVA_OPTS",
];

fn jvm_var(name: &str) -> bool {
    JVM_VARS.contains(&name)
        || name.ends_with("_JAVA_OPTS")
        || name.ends_with("_JAVA_OPTIONS")
        || name.ends_with("_HEAP_OPTS")
        || name.starts_with("JAVA_OPTS")
}

/// `-Xmx` in any JVM options variable, then the one the image reads (the
/// catalog's `heap_env`), then the command; the last one wins, as in the JVM.
/// `-XX:MaxRAMPercentage` becomes a heap when a limit is set.
pub(super) fn jvm_heap(r: &mut Read) {
    let mut sources: Vec<(String, String, Option<Pos>)> = Vec::new();
    if let Some((v, at)) = r.env("ES_HEAP_SIZE") {
        sources.push(("ES_HEAP_SIZE: ".into(), format!("-Xmx{v}"), Some(at)));
    }
    for (k, v, at) in r.env_where(jvm_var) {
        if Some(k) != r.def.deploy.heap_env {
            sources.push((format!("{k}="), v.to_string(), Some(at)));
        }
    }
    if let Some(var) = r.def.deploy.heap_env {
        if let Some((v, at)) = r.env(var) {
            sources.push((format!("{var}="), v.to_string(), Some(at)));
        }
    }
    sources.push((String::new(), r.argv.join(" "), r.cmd_at()));
    for (prefix, value, at) in sources {
        for w in words(&value) {
            if let Some(size) = w.strip_prefix("-Xmx") {
                match docker_mib(size) {
                    Some(m) => r.set("heap_mib", m as i64, format!("{prefix}{w}"), at),
                    None => r.unreadable("-Xmx", size, at),
                }
            } else if let Some(p) = w.strip_prefix("-XX:MaxRAMPercentage=") {
                let pct = p.split('.').next().and_then(count);
                match (pct, r.limit) {
                    (Some(p), Some(limit)) => {
                        let heap = (limit as i64).saturating_mul(p) / 100;
                        r.set("heap_mib", heap, format!("{prefix}{w} of the {limit} MiB limit"), at);
                    }
                    _ => r.unused(
                        at,
                        format!("{w}: a share of memory with no limit set; the heap stays the runtime's choice"),
                        format!("{w}：未设置内存上限，无法换算堆大小，按运行时默认处理"),
                    ),
                }
            }
        }
    }
}

/// NODE_OPTIONS or the command's `--max-old-space-size=N` (MiB).
pub(super) fn node(r: &mut Read) {
    let mut sources: Vec<(String, Option<Pos>, &str)> = Vec::new();
    if let Some((v, at)) = r.env("NODE_OPTIONS") {
        sources.push((v.to_string(), Some(at), "NODE_OPTIONS="));
    }
    sources.push((r.argv.join(" "), r.cmd_at(), ""));
    for (value, at, prefix) in sources {
        let w = words(&value);
        if let Some((v, shown)) = flag(&w, &["--max-old-space-size", "--max_old_space_size"]) {
            match count(&v) {
                Some(n) => r.set("max_old_space_mib", n, format!("{prefix}{shown}"), at),
                None => r.unreadable("--max-old-space-size", &v, at),
            }
        }
    }
}

/// GOMEMLIMIT (a Go size, or "off"), for every service with that knob.
pub(super) fn gomemlimit(r: &mut Read) {
    let Some((v, at)) = r.env("GOMEMLIMIT") else {
        return;
    };
    let value = if v.trim().eq_ignore_ascii_case("off") {
        Some(0)
    } else {
        docker_mib(v)
    };
    match value {
        Some(m) => r.set(
            "gomemlimit_mib",
            m as i64,
            format!("GOMEMLIMIT={v}"),
            Some(at),
        ),
        None => r.unreadable("GOMEMLIMIT", v, Some(at)),
    }
}

/// .NET's GC heap cap, a hexadecimal percentage (DOTNET_GCHeapHardLimitPercent).
pub(super) fn dotnet(r: &mut Read) {
    for var in [
        "DOTNET_GCHeapHardLimitPercent",
        "COMPlus_GCHeapHardLimitPercent",
    ] {
        if let Some((v, at)) = r.env(var) {
            let hex = v.trim().trim_start_matches("0x").trim_start_matches("0X");
            match i64::from_str_radix(hex, 16) {
                Ok(p) => r.set(
                    "gc_heap_pct",
                    p,
                    format!("{var}={v} (hexadecimal)"),
                    Some(at),
                ),
                Err(_) => r.unreadable(var, v, Some(at)),
            }
        }
    }
}

/// PHP-FPM's pm.max_children and PHP's memory_limit from the variables
/// FPM images read.
pub(super) fn php_fpm(r: &mut Read) {
    for (k, v, at) in r.env_where(|k| k.ends_with("PM_MAX_CHILDREN")) {
        match count(v) {
            Some(n) => r.set("max_children", n, format!("{k}={v}"), Some(at)),
            None => r.unreadable(k, v, Some(at)),
        }
    }
    for (k, v, at) in r.env_where(|k| k.starts_with("PHP") && k.ends_with("MEMORY_LIMIT")) {
        if v.trim() == "-1" {
            continue;
        }
        match docker_mib(v) {
            Some(m) => r.set("memory_limit_mib", m as i64, format!("{k}={v}"), Some(at)),
            None => r.unreadable(k, v, Some(at)),
        }
    }
}

/// Ollama's parallel requests and context length (what export writes).
pub(super) fn ollama(r: &mut Read) {
    env_count(r, "OLLAMA_NUM_PARALLEL", "num_parallel");
    env_count(r, "OLLAMA_CONTEXT_LENGTH", "context_tokens");
}
