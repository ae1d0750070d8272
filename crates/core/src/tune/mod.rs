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

/// How every "limit too small" rule starts: the limit cannot hold the
/// process outside the heap (or the empty server) plus the smallest useful
/// heap, so the value written is that minimum and it will not fit.
pub const LIMIT_TOO_SMALL: &str = "limit too small";

/// One derived setting, as it would be written, with the rule that gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Setting {
    /// Name as the service spells it, e.g. "shared_buffers", "--maxmemory", "GOMEMLIMIT".
    pub name: &'static str,
    pub value: String,
    pub rule: &'static str,
}

impl Setting {
    /// True when the limit cannot hold what this setting needs (its rule
    /// starts with [`LIMIT_TOO_SMALL`]): raise the limit.
    pub fn limit_too_small(&self) -> bool {
        self.rule.starts_with(LIMIT_TOO_SMALL)
    }
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
/// (redis.io: a fork may use up to 2× while saving). Never 0, which Redis
/// reads as "no limit": when the limit holds nothing beyond the empty server
/// the answer is 1 (MiB), and [`tune_placement`] says the limit is too small.
///
/// ```
/// assert_eq!(stackfit_core::tune::redis_maxmemory(256, 10, 110, false, 100), 223);
/// assert_eq!(stackfit_core::tune::redis_maxmemory(256, 10, 110, true, 100), 111);
/// assert_eq!(stackfit_core::tune::redis_maxmemory(8, 10, 110, false, 100), 1);
/// ```
pub fn redis_maxmemory(
    limit_mib: Mib,
    base_mib: Mib,
    frag_pct: u64,
    persistent: bool,
    cow_pct: u64,
) -> Mib {
    redis_room(limit_mib, base_mib, frag_pct, persistent, cow_pct).max(1)
}

fn redis_room(limit_mib: Mib, base_mib: Mib, frag_pct: u64, persistent: bool, cow_pct: u64) -> Mib {
    let room = limit_mib.saturating_sub(base_mib).saturating_mul(100);
    let cow = if persistent {
        cow_pct.saturating_add(100)
    } else {
        100
    };
    let per = frag_pct.max(100).saturating_mul(cow) / 100;
    room / per
}

/// Memory kept free between a heap and the limit, beyond the process outside
/// the heap: allocator slack and short-lived buffers. A planner assumption.
pub const HEAP_MARGIN_MIB: Mib = 32;
/// The smallest Node old space written: a planner assumption (a trivial
/// http server runs in it; Kibana needs far more).
pub const NODE_HEAP_FLOOR_MIB: Mib = 64;
/// Elasticsearch's own minimum auto heap (MachineDependentHeap: 128 MB).
pub const ES_HEAP_FLOOR_MIB: Mib = 128;
/// The smallest JVM heap written: a planner assumption.
pub const JVM_HEAP_FLOOR_MIB: Mib = 64;

/// A heap sized for a limit: `mib`, and whether heap + what lives outside it
/// fits the limit. When it does not, `mib` is the floor and the limit must grow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heap {
    pub mib: Mib,
    pub fits: bool,
}

/// min(the rule's `share`, limit − `outside` − [`HEAP_MARGIN_MIB`]) in
/// `step` MiB steps, never below `floor`.
fn heap_within(share: Mib, limit: Mib, outside: Mib, floor: Mib, step: Mib) -> Heap {
    let room = limit.saturating_sub(outside.saturating_add(HEAP_MARGIN_MIB));
    let h = share.min(room) / step * step;
    if h >= floor {
        Heap { mib: h, fits: true }
    } else {
        Heap {
            mib: floor,
            fits: false,
        }
    }
}

/// Elasticsearch heap by Elastic's rule alone: half the limit, at most
/// 31 GiB (compressed oops), in 32 MiB steps. It ignores the off-heap; what
/// is written is [`es_heap_within`].
pub fn es_heap(limit_mib: Mib) -> Mib {
    (limit_mib / 2).min(31 * 1024) / 32 * 32
}

/// Elasticsearch heap that leaves room for the off-heap (direct buffers,
/// Lucene, threads): min(half the limit, limit − off-heap − margin), ≥ 128 MiB.
///
/// ```
/// use stackfit_core::tune::es_heap_within;
/// // 2 GiB limit, 700 MiB off-heap: 1024 would leave 1024 for 700 + margin → fine.
/// assert_eq!(es_heap_within(2048, 700).mib, 1024);
/// // 1 GiB limit: half (512) + 700 overflows; limit − 700 − 32 = 292 → 288.
/// assert_eq!(es_heap_within(1024, 700).mib, 288);
/// assert!(!es_heap_within(512, 700).fits);
/// ```
pub fn es_heap_within(limit_mib: Mib, offheap_mib: Mib) -> Heap {
    heap_within(
        es_heap(limit_mib),
        limit_mib,
        offheap_mib,
        ES_HEAP_FLOOR_MIB,
        32,
    )
}

/// JVM heap that keeps the whole JVM at 80 % of the limit (research digest
/// §2.4: MaxRAMPercentage 50–75 and total JVM ≤ 80 % of memory), ≥ 64 MiB.
pub fn jvm_heap(limit_mib: Mib, nonheap_mib: Mib, threads: u64) -> Heap {
    let share =
        (limit_mib.saturating_mul(80) / 100).saturating_sub(nonheap_mib.saturating_add(threads));
    heap_within(
        share,
        limit_mib,
        nonheap_mib + threads,
        JVM_HEAP_FLOOR_MIB,
        32,
    )
}

/// Node `--max-old-space-size` by the digest's rule alone: 75 % of the limit
/// (§2.4: 60–75 %). What is written is [`node_heap`].
pub fn node_old_space(limit_mib: Mib) -> Mib {
    limit_mib.saturating_mul(3) / 4
}

/// Node old space that leaves room for the process outside the heap:
/// min(75 % of the limit, limit − outside − margin), ≥ 64 MiB.
///
/// ```
/// use stackfit_core::tune::node_heap;
/// // Kibana (250 MiB outside the heap) under 576 MiB: not 432 but 576 − 250 − 32.
/// assert_eq!(node_heap(576, 250).mib, 294);
/// ```
pub fn node_heap(limit_mib: Mib, outside_mib: Mib) -> Heap {
    heap_within(
        node_old_space(limit_mib),
        limit_mib,
        outside_mib,
        NODE_HEAP_FLOOR_MIB,
        1,
    )
}

/// Which environment variable a JVM image reads for its heap, and how the
/// value is written. A start script's own -Xmx overrides JAVA_TOOL_OPTIONS
/// (the JVM reads that variable first), so each image's variable is used:
/// - Kafka: `kafka-server-start.sh` sets `-Xmx1G -Xms1G` only when
///   `KAFKA_HEAP_OPTS` is unset (apache/kafka, bitnami/kafka, cp-kafka).
/// - ZooKeeper: the official image runs `zkServer.sh`, which puts `JVMFLAGS`
///   after zkEnv.sh's `-Xmx` (the last -Xmx wins); the image's docs name `JVMFLAGS`.
/// - Logstash: `LS_JAVA_OPTS` is appended after `config/jvm.options` (Elastic's
///   Docker docs set the heap with it).
/// - Elasticsearch (`ES_JAVA_OPTS`) and Neo4j (`server.memory.*`) have their own arms.
/// - Anything else (Spring Boot, plain JVMs): `JAVA_TOOL_OPTIONS`.
fn jvm_heap_var(service_id: &str) -> (&'static str, bool) {
    match service_id {
        "kafka" => ("KAFKA_HEAP_OPTS", true),
        "zookeeper" => ("JVMFLAGS", true),
        "logstash" => ("LS_JAVA_OPTS", true),
        _ => ("JAVA_TOOL_OPTIONS", false),
    }
}

/// GOMEMLIMIT: 85 % of the limit (Go GC guide and Weaviate: 80–90 %).
pub fn go_memlimit(limit_mib: Mib) -> Mib {
    limit_mib.saturating_mul(85) / 100
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
            // PGTune writes no parallel settings below 4 CPUs: PostgreSQL's
            // defaults (2 workers per gather, 8 worker processes) stay.
            if let Some(par) = s.parallel {
                set(
                    "max_worker_processes",
                    par.max_worker_processes.to_string(),
                    "the CPUs (PGTune)",
                );
                set(
                    "max_parallel_workers_per_gather",
                    par.max_parallel_workers_per_gather.to_string(),
                    "⌈CPUs / 2⌉, at most 4 (PGTune)",
                );
                set(
                    "max_parallel_workers",
                    par.max_parallel_workers.to_string(),
                    "the CPUs (PGTune)",
                );
                set(
                    "max_parallel_maintenance_workers",
                    par.max_parallel_maintenance_workers.to_string(),
                    "⌈CPUs / 2⌉, at most 4 (PGTune)",
                );
            }
            knobs.push(("shared_buffers_mib", (s.shared_buffers_kib / 1024) as i64));
            knobs.push(("work_mem_mib", (s.work_mem_kib / 1024) as i64));
            knobs.push((
                "maintenance_work_mem_mib",
                (s.maintenance_work_mem_kib / 1024) as i64,
            ));
            if let Some(par) = s.parallel {
                knobs.push((
                    "max_parallel_workers_per_gather",
                    par.max_parallel_workers_per_gather as i64,
                ));
            }
        }
        MemoryModel::Redis => {
            let persistent = k.get("persistence") > 0;
            let args = (
                limit,
                k.get("base_mib"),
                k.get("fragmentation_pct"),
                persistent,
                k.get("cow_pct"),
            );
            let m = redis_maxmemory(args.0, args.1, args.2, args.3, args.4);
            let fits = redis_room(args.0, args.1, args.2, args.3, args.4) > 0;
            set(
                "--maxmemory",
                format!("{m}mb"),
                if fits {
                    "(limit − empty server) / fragmentation, / 2 when persisting"
                } else {
                    "limit too small: it holds no data beyond the empty server; 1mb is written because 0 means no limit — raise the limit"
                },
            );
            knobs.push(("maxmemory_mib", m as i64));
        }
        MemoryModel::Elasticsearch => {
            let heap = es_heap_within(limit, k.get("offheap_mib"));
            let h = heap.mib;
            set(
                "ES_JAVA_OPTS",
                format!("-Xms{h}m -Xmx{h}m"),
                if heap.fits {
                    "min(half the limit (Elastic), limit − off-heap − 32 MiB), ≤ 31 GiB"
                } else {
                    "limit too small: it cannot hold the off-heap + 32 MiB + Elasticsearch's 128 MiB minimum heap — raise the limit"
                },
            );
            knobs.push(("heap_mib", h as i64));
        }
        MemoryModel::Jvm | MemoryModel::Neo4j => {
            if def.model == MemoryModel::Neo4j {
                let heap = (limit / 3) / 32 * 32;
                let cache = (limit.saturating_mul(80) / 100)
                    .saturating_sub(heap.saturating_add(k.get("nonheap_mib")));
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
                let heap = jvm_heap(limit, k.get("nonheap_mib"), k.get("threads"));
                let h = heap.mib;
                let (var, with_xms) = jvm_heap_var(def.id);
                let value = if with_xms {
                    format!("-Xms{h}m -Xmx{h}m")
                } else {
                    format!("-Xmx{h}m")
                };
                set(
                    var,
                    value,
                    if heap.fits {
                        "whole JVM ≤ 80 % of the limit"
                    } else {
                        "limit too small: 80 % of it cannot hold the non-heap and thread stacks + a 64 MiB heap — raise the limit"
                    },
                );
                knobs.push(("heap_mib", h as i64));
            }
        }
        MemoryModel::Node => {
            let heap = node_heap(limit, k.get("base_mib"));
            let h = heap.mib;
            set(
                "NODE_OPTIONS",
                format!("--max-old-space-size={h}"),
                if heap.fits {
                    "min(75 % of the limit, limit − process outside the heap − 32 MiB)"
                } else {
                    "limit too small: it cannot hold the process outside the heap + 32 MiB + a 64 MiB old space — raise the limit"
                },
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
                mmpc_mib.saturating_mul(1024).to_string(),
                "(limit − main − browsers) / children − one task, in KiB",
            );
            knobs.push(("concurrency", c as i64));
            knobs.push((
                "max_memory_per_child_kib",
                mmpc_mib.saturating_mul(1024) as i64,
            ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::service;

    fn tuned(id: &str, p: Placement, vcpu: u32) -> Tuning {
        tune_placement(service(id).unwrap(), &p, 3816, vcpu)
    }

    fn setting<'a>(t: &'a Tuning, name: &str) -> Option<&'a Setting> {
        t.settings.iter().find(|s| s.name == name)
    }

    fn num_after(value: &str, prefix: &str) -> u64 {
        value
            .split_whitespace()
            .find_map(|w| w.strip_prefix(prefix))
            .and_then(|v| v.trim_end_matches('m').parse().ok())
            .unwrap()
    }

    /// S1: Kibana under 576 MiB got --max-old-space-size=432, and 432 + the
    /// 250 MiB outside the heap is 682 MiB, over the limit.
    #[test]
    fn kibana_old_space_plus_outside_heap_fits_the_limit() {
        let t = tuned("kibana", Placement::new("kibana", "kibana").limit(576), 2);
        let s = setting(&t, "NODE_OPTIONS").unwrap();
        let h = num_after(&s.value, "--max-old-space-size=");
        assert!(h + 250 <= 576, "{h} + 250 > 576");
        assert_eq!(h, 576 - 250 - HEAP_MARGIN_MIB);
        assert!(!s.limit_too_small());
        // A roomy limit keeps the 75 % rule.
        let t = tuned("kibana", Placement::new("kibana", "kibana").limit(4096), 2);
        assert_eq!(
            setting(&t, "NODE_OPTIONS").unwrap().value,
            "--max-old-space-size=3072"
        );
    }

    #[test]
    fn node_heap_says_when_the_limit_is_too_small() {
        let t = tuned("kibana", Placement::new("kibana", "kibana").limit(300), 2);
        let s = setting(&t, "NODE_OPTIONS").unwrap();
        assert!(s.limit_too_small(), "{}", s.rule);
        assert_eq!(
            s.value,
            format!("--max-old-space-size={NODE_HEAP_FLOOR_MIB}")
        );
    }

    /// Half the limit as heap plus the catalog's 700 MiB off-heap overflowed
    /// any limit under 1.4 GiB.
    #[test]
    fn es_heap_plus_offheap_fits_the_limit() {
        let es = Placement::new("es", "elasticsearch");
        for limit in [1024, 1536, 2048, 4096] {
            let t = tuned("elasticsearch", es.clone().limit(limit), 2);
            let s = setting(&t, "ES_JAVA_OPTS").unwrap();
            let h = num_after(&s.value, "-Xmx");
            assert!(h + 700 <= limit, "{limit}: {h} + 700");
            assert!(h <= limit / 2);
            assert!(!s.limit_too_small());
        }
        let t = tuned("elasticsearch", es.limit(768), 2);
        let s = setting(&t, "ES_JAVA_OPTS").unwrap();
        assert!(s.limit_too_small(), "{}", s.rule);
        assert_eq!(s.value, "-Xms128m -Xmx128m");
    }

    /// JAVA_TOOL_OPTIONS=-Xmx is overridden by the start scripts' own -Xmx.
    #[test]
    fn jvm_heap_uses_each_images_own_variable() {
        for (id, var) in [
            ("kafka", "KAFKA_HEAP_OPTS"),
            ("zookeeper", "JVMFLAGS"),
            ("logstash", "LS_JAVA_OPTS"),
            ("spring-boot", "JAVA_TOOL_OPTIONS"),
        ] {
            let t = tuned(id, Placement::new(id, id).limit(2048), 2);
            let s = setting(&t, var).unwrap_or_else(|| panic!("{id}: no {var}"));
            let h = num_after(&s.value, "-Xmx");
            if var != "JAVA_TOOL_OPTIONS" {
                assert_eq!(num_after(&s.value, "-Xms"), h, "{id}");
            }
            assert!(setting(&t, "JAVA_TOOL_OPTIONS").is_none() || var == "JAVA_TOOL_OPTIONS");
        }
        let t = tuned("kafka", Placement::new("kafka", "kafka").limit(256), 2);
        assert!(setting(&t, "KAFKA_HEAP_OPTS").unwrap().limit_too_small());
    }

    /// 0 is "no limit" to Redis: a limit at or below the empty server gave
    /// `--maxmemory 0mb`.
    #[test]
    fn redis_maxmemory_is_never_zero() {
        for limit in [1, 10, 11] {
            let p = Placement::new("redis", "redis")
                .knob("persistence", 0)
                .limit(limit);
            let t = tuned("redis", p, 2);
            let s = setting(&t, "--maxmemory").unwrap();
            assert_eq!(s.value, "1mb", "{limit}");
            assert!(s.limit_too_small(), "{limit}: {}", s.rule);
        }
        let p = Placement::new("redis", "redis")
            .knob("persistence", 0)
            .limit(256);
        let s = setting(&tuned("redis", p, 2), "--maxmemory")
            .unwrap()
            .clone();
        assert!(!s.limit_too_small());
    }

    /// Below 4 CPUs PGTune writes no parallel settings; StackFit wrote
    /// max_parallel_workers_per_gather = 0 and max_worker_processes = 8.
    #[test]
    fn postgres_below_four_cpus_keeps_postgres_parallel_defaults() {
        let p = Placement::new("db", "postgres").limit(1024);
        let t = tuned("postgres", p.clone(), 2);
        for name in [
            "max_worker_processes",
            "max_parallel_workers_per_gather",
            "max_parallel_workers",
            "max_parallel_maintenance_workers",
        ] {
            assert!(setting(&t, name).is_none(), "{name} written at 2 CPUs");
        }
        assert!(!t
            .knobs
            .iter()
            .any(|(k, _)| *k == "max_parallel_workers_per_gather"));
        let t = tuned("postgres", p, 8);
        let v = |n| setting(&t, n).unwrap().value.clone();
        assert_eq!(v("max_worker_processes"), "8");
        assert_eq!(v("max_parallel_workers_per_gather"), "4");
        assert_eq!(v("max_parallel_workers"), "8");
        assert_eq!(v("max_parallel_maintenance_workers"), "4");
    }
}
