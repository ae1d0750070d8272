//! Tuning from a limit: the settings inside a container that keep it under
//! its memory limit — PostgreSQL by PGTune, Redis maxmemory, Elasticsearch,
//! JVM and Node heaps, GOMEMLIMIT, Celery concurrency and
//! max-memory-per-child, uvicorn/gunicorn workers.

pub mod pgtune;

use serde::Serialize;

use crate::fit::footprint::{footprint, HostView, Knobs};
use crate::model::units::Mib;
use crate::model::{MemoryModel, Placement, Plan, ServiceDef};
use pgtune::{pg_size, pgtune, DbType};

/// One derived setting, as it would be written, with the rule that gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Setting {
    /// Name as the service spells it, e.g. "shared_buffers", "--maxmemory", "GOMEMLIMIT".
    pub name: &'static str,
    pub value: String,
    pub rule: &'static str,
}

/// The settings for one placement under `limit_mib`, plus the knob values
/// that make the plan model match them (applicable as `SetKnob` actions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tuning {
    pub placement: String,
    pub limit_mib: Mib,
    pub settings: Vec<Setting>,
    pub knobs: Vec<(&'static str, i64)>,
}

/// Redis `maxmemory` under a limit: what is left after the empty server,
/// divided by fragmentation, and by 1 + copy-on-write when persisting
/// (redis.io: a fork may use up to 2× while saving).
///
/// ```
/// assert_eq!(stackfit_core::tune::redis_maxmemory(256, 10, 110, false, 100), 223);
/// assert_eq!(stackfit_core::tune::redis_maxmemory(256, 10, 110, true, 100), 111);
/// ```
pub fn redis_maxmemory(
    limit_mib: Mib,
    base_mib: Mib,
    frag_pct: u64,
    persistent: bool,
    cow_pct: u64,
) -> Mib {
    let room = limit_mib.saturating_sub(base_mib) * 100;
    let per = frag_pct.max(100) * if persistent { 100 + cow_pct } else { 100 } / 100;
    room / per
}

/// Elasticsearch heap: half the limit (Elastic's rule), at most 31 GiB
/// (compressed oops), in 32 MiB steps.
pub fn es_heap(limit_mib: Mib) -> Mib {
    (limit_mib / 2).min(31 * 1024) / 32 * 32
}

/// JVM heap that keeps the whole JVM at 80 % of the limit (research digest
/// §2.4: MaxRAMPercentage 50–75 and total JVM ≤ 80 % of memory).
pub fn jvm_heap(limit_mib: Mib, nonheap_mib: Mib, threads: u64) -> Mib {
    (limit_mib * 80 / 100)
        .saturating_sub(nonheap_mib + threads)
        .max(64)
        / 32
        * 32
}

/// Node `--max-old-space-size`: 75 % of the limit (digest §2.4: 60–75 %).
pub fn node_old_space(limit_mib: Mib) -> Mib {
    limit_mib * 3 / 4
}

/// GOMEMLIMIT: 85 % of the limit (Go GC guide and Weaviate: 80–90 %).
pub fn go_memlimit(limit_mib: Mib) -> Mib {
    limit_mib * 85 / 100
}

/// Tunes a placement for its limit (or its default limit) on a server with `vcpu` CPUs.
///
/// ```
/// use stackfit_core::model::Placement;
/// use stackfit_core::tune::tune_placement;
/// let redis = stackfit_core::catalog::service("redis").unwrap();
/// let p = Placement::new("redis", "redis").knob("persistence", 0).limit(256);
/// let t = tune_placement(redis, &p, 3816, 2);
/// assert_eq!(t.settings[0].name, "--maxmemory");
/// assert_eq!(t.settings[0].value, "223mb");
/// ```
pub fn tune_placement(def: &ServiceDef, p: &Placement, usable_mib: Mib, vcpu: u32) -> Tuning {
    let host = HostView { usable_mib, vcpu };
    let limit = p
        .limit_mib
        .unwrap_or_else(|| footprint(def, p, host).default_limit_mib);
    let k = Knobs::new(def, p);
    let mut settings = Vec::new();
    let mut knobs = Vec::new();
    let mut set = |name, value: String, rule| settings.push(Setting { name, value, rule });
    match def.model {
        MemoryModel::Postgres => {
            let s = pgtune(limit, vcpu, k.get("max_connections"), DbType::Web);
            let rule = "PGTune (web) on the container limit";
            set("max_connections", s.max_connections.to_string(), rule);
            set(
                "shared_buffers",
                pg_size(s.shared_buffers_kib),
                "limit / 4 (PGTune)",
            );
            set(
                "effective_cache_size",
                pg_size(s.effective_cache_size_kib),
                "3 × limit / 4 (PGTune)",
            );
            set(
                "maintenance_work_mem",
                pg_size(s.maintenance_work_mem_kib),
                "limit / 16 (PGTune)",
            );
            set(
                "work_mem",
                pg_size(s.work_mem_kib),
                "(limit − shared_buffers) / ((max_connections + workers) × 3), ≥ 4MB (PGTune)",
            );
            set(
                "wal_buffers",
                pg_size(s.wal_buffers_kib),
                "3 % of shared_buffers, ≤ 16MB (PGTune)",
            );
            set("min_wal_size", format!("{}MB", s.min_wal_size_mib), rule);
            set("max_wal_size", format!("{}MB", s.max_wal_size_mib), rule);
            set(
                "max_worker_processes",
                s.max_worker_processes.to_string(),
                rule,
            );
            set(
                "max_parallel_workers_per_gather",
                s.max_parallel_workers_per_gather.to_string(),
                rule,
            );
            knobs.push(("shared_buffers_mib", (s.shared_buffers_kib / 1024) as i64));
            knobs.push(("work_mem_mib", (s.work_mem_kib / 1024) as i64));
            knobs.push((
                "maintenance_work_mem_mib",
                (s.maintenance_work_mem_kib / 1024) as i64,
            ));
            knobs.push((
                "max_parallel_workers_per_gather",
                s.max_parallel_workers_per_gather as i64,
            ));
        }
        MemoryModel::Redis => {
            let persistent = k.get("persistence") > 0;
            let m = redis_maxmemory(
                limit,
                k.get("base_mib"),
                k.get("fragmentation_pct"),
                persistent,
                k.get("cow_pct"),
            );
            set(
                "--maxmemory",
                format!("{m}mb"),
                "(limit − empty server) / fragmentation, / 2 when persisting",
            );
            knobs.push(("maxmemory_mib", m as i64));
        }
        MemoryModel::Elasticsearch => {
            let h = es_heap(limit);
            set(
                "ES_JAVA_OPTS",
                format!("-Xms{h}m -Xmx{h}m"),
                "heap = half the limit, ≤ 31 GiB (Elastic)",
            );
            knobs.push(("heap_mib", h as i64));
        }
        MemoryModel::Jvm | MemoryModel::Neo4j => {
            let h = jvm_heap(limit, k.get("nonheap_mib"), k.get("threads"));
            if def.model == MemoryModel::Neo4j {
                let heap = (limit / 3) / 32 * 32;
                let cache = (limit * 80 / 100).saturating_sub(heap + k.get("nonheap_mib"));
                set(
                    "server.memory.heap.max_size",
                    format!("{heap}m"),
                    "a third of the limit",
                );
                set(
                    "server.memory.pagecache.size",
                    format!("{cache}m"),
                    "the rest up to 80 % of the limit",
                );
                knobs.push(("heap_mib", heap as i64));
                knobs.push(("pagecache_mib", cache as i64));
            } else {
                set(
                    "JAVA_TOOL_OPTIONS",
                    format!("-Xmx{h}m"),
                    "whole JVM ≤ 80 % of the limit",
                );
                knobs.push(("heap_mib", h as i64));
            }
        }
        MemoryModel::Node => {
            let h = node_old_space(limit);
            set(
                "NODE_OPTIONS",
                format!("--max-old-space-size={h}"),
                "75 % of the limit",
            );
            knobs.push(("max_old_space_mib", h as i64));
        }
        MemoryModel::GoService | MemoryModel::Weaviate => {
            let m = go_memlimit(limit);
            set("GOMEMLIMIT", format!("{m}MiB"), "85 % of the limit");
            if def.knob("gomemlimit_mib").is_some() {
                knobs.push(("gomemlimit_mib", m as i64));
            }
        }
        MemoryModel::CeleryPrefork => {
            let fixed = k.get("main_mib") + footprint(def, p, host).browser_peak_mib;
            let per_child = k.get("child_mib") + k.get("task_mib");
            let by_memory = (limit.saturating_sub(fixed) / per_child.max(1)).max(1);
            let c = if k.get("concurrency") > 0 {
                k.get("concurrency")
            } else {
                by_memory.min(u64::from(vcpu.max(1)))
            };
            let mmpc_mib = (limit.saturating_sub(fixed) / c)
                .saturating_sub(k.get("task_mib"))
                .max(k.get("child_mib"));
            set(
                "--concurrency",
                c.to_string(),
                "the CPUs, or fewer if the limit holds fewer children at peak",
            );
            set(
                "--max-memory-per-child",
                (mmpc_mib * 1024).to_string(),
                "(limit − main − browsers) / children − one task, in KiB",
            );
            knobs.push(("concurrency", c as i64));
            knobs.push(("max_memory_per_child_kib", (mmpc_mib * 1024) as i64));
        }
        MemoryModel::CeleryGevent => {
            let per = k.get("inflight_mib") * k.get("peak_pct") / 100;
            let c = (limit.saturating_sub(k.get("base_mib")) / per.max(1)).clamp(1, 1000);
            set(
                "--concurrency",
                c.to_string(),
                "greenlets whose peak payloads fit the limit (at most 1000)",
            );
            knobs.push(("concurrency", c as i64));
        }
        MemoryModel::PythonWeb => {
            let per = k.get("app_mib") + k.get("request_mib");
            let by_memory = (limit.saturating_sub(k.get("master_mib")) / per.max(1)).max(1);
            let by_cpu = if def.id == "gunicorn" {
                2 * u64::from(vcpu) + 1
            } else {
                u64::from(vcpu.max(1))
            };
            let w = by_memory.min(by_cpu).max(1);
            let rule = if def.id == "gunicorn" {
                "min((2 × cores) + 1, what the limit holds)"
            } else {
                "min(one per core, what the limit holds)"
            };
            set("--workers", w.to_string(), rule);
            knobs.push(("workers", w as i64));
        }
        _ => {}
    }
    Tuning {
        placement: p.id.clone(),
        limit_mib: limit,
        settings,
        knobs,
    }
}

/// Tunes the placement `placement` of option `option` in `plan`.
pub fn tune(plan: &Plan, option: &str, placement: &str) -> Option<Tuning> {
    let o = plan.option(option)?;
    let (si, p) = o.find_placement(placement)?;
    let def = crate::catalog::service(&p.service)?;
    let r = crate::fit::resolve(&o.servers[si], None);
    Some(tune_placement(def, p, r.usable_mib, r.vcpu))
}
