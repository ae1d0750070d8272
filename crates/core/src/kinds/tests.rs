//! Each kind's tuning against the limits that once broke it.

use super::*;
use crate::catalog::service;
use crate::model::Placement;

const HOST: HostView = HostView::new(3816, 2);

fn tuning(p: &Placement, vcpu: u32) -> Tuning {
    let def = service(&p.service).unwrap();
    let host = HostView { vcpu, ..HOST };
    kind(def.kind).tune(&Cx::new(def, p, host), p.limit_mib.unwrap())
}

fn suggested(t: &Tuning, knob: &str) -> Option<i64> {
    t.suggestions
        .iter()
        .find(|s| s.knob == knob)
        .map(|s| s.tuned)
}

fn written(t: &Tuning, name: &str) -> Option<String> {
    t.written
        .settings()
        .into_iter()
        .find(|s| s.name == name)
        .map(|s| s.value)
}

/// S1: Kibana under 576 MiB was given --max-old-space-size=432, and 432 +
/// the 250 MiB outside the heap overflowed the limit. Node's own heap (¼ of
/// the limit) fits there, so nothing is suggested; where it does not, the
/// suggestion leaves room for what lives outside the heap.
#[test]
fn kibana_old_space_plus_outside_heap_fits_the_limit() {
    let t = tuning(&Placement::new("kibana", "kibana").limit(576), 2);
    assert_eq!(suggested(&t, "max_old_space_mib"), None);
    let t = tuning(
        &Placement::new("kibana", "kibana")
            .knob("max_old_space_mib", 432)
            .limit(576),
        2,
    );
    let h = suggested(&t, "max_old_space_mib").expect("432 + 250 overflows 576");
    assert_eq!(h, (576 - 250 - crate::tune::HEAP_MARGIN_MIB) as i64);
    assert_eq!(
        written(&t, "NODE_OPTIONS").as_deref(),
        Some("--max-old-space-size=432")
    );
}

/// Half the limit as heap plus the catalog's 700 MiB off-heap overflowed
/// any limit under 1.4 GiB.
#[test]
fn es_heap_plus_offheap_fits_the_limit() {
    for limit in [1024, 1280] {
        let t = tuning(&Placement::new("es", "elasticsearch").limit(limit), 2);
        let h = suggested(&t, "heap_mib").expect("auto heap + off-heap overflows");
        assert!(h as u64 + 700 <= limit, "{limit}: {h} + 700");
        assert!(h as u64 <= limit / 2);
    }
    // From 1.5 GiB, Elasticsearch's own half-the-limit heap leaves the off-heap room.
    for limit in [1536, 2048] {
        let t = tuning(&Placement::new("es", "elasticsearch").limit(limit), 2);
        assert_eq!(suggested(&t, "heap_mib"), None, "{limit}");
    }
    // An explicit heap is written through ES_JAVA_OPTS with -Xms = -Xmx.
    let t = tuning(
        &Placement::new("es", "elasticsearch")
            .knob("heap_mib", 512)
            .limit(2048),
        2,
    );
    assert_eq!(
        written(&t, "ES_JAVA_OPTS").as_deref(),
        Some("-Xms512m -Xmx512m")
    );
}

/// JAVA_TOOL_OPTIONS=-Xmx is overridden by the start scripts' own -Xmx:
/// each image's own variable carries the heap.
#[test]
fn jvm_heap_uses_each_images_own_variable() {
    for (id, var) in [
        ("kafka", "KAFKA_HEAP_OPTS"),
        ("zookeeper", "JVMFLAGS"),
        ("logstash", "LS_JAVA_OPTS"),
    ] {
        let t = tuning(&Placement::new(id, id).limit(4096), 2);
        let v = written(&t, var).unwrap_or_else(|| panic!("{id}: no {var}"));
        assert!(v.starts_with("-Xms") && v.contains("-Xmx"), "{id}: {v}");
    }
    let t = tuning(
        &Placement::new("app", "spring-boot")
            .knob("heap_mib", 512)
            .limit(2048),
        2,
    );
    assert_eq!(
        written(&t, "JAVA_TOOL_OPTIONS").as_deref(),
        Some("-Xmx512m")
    );
    // Kafka's 1 GiB default heap cannot fit 256 MiB: a risky suggestion.
    let t = tuning(&Placement::new("k", "kafka").limit(256), 2);
    assert!(t
        .suggestions
        .iter()
        .any(|s| s.knob == "heap_mib" && s.risky));
}

/// 0 is "no limit" to Redis: a limit at or below the empty server gave
/// `--maxmemory 0mb`. The suggestion is never 0.
#[test]
fn redis_maxmemory_suggestion_is_never_zero() {
    // At or just above the empty server (8 MiB).
    for limit in [1, 8, 9] {
        let p = Placement::new("redis", "redis")
            .knob("persistence", 0)
            .limit(limit);
        assert_eq!(
            suggested(&tuning(&p, 2), "maxmemory_mib"),
            Some(1),
            "{limit}"
        );
    }
    let p = Placement::new("redis", "redis")
        .knob("persistence", 0)
        .limit(256);
    // (256 − 8 empty) / 1.1 fragmentation.
    assert_eq!(suggested(&tuning(&p, 2), "maxmemory_mib"), Some(225));
    // A smaller maxmemory than the limit allows is the plan's choice: no suggestion.
    let p = p.knob("maxmemory_mib", 100);
    assert_eq!(suggested(&tuning(&p, 2), "maxmemory_mib"), None);
    assert_eq!(
        written(&tuning(&p, 2), "--maxmemory").as_deref(),
        Some("100mb")
    );
}

/// Below 4 CPUs PGTune writes no parallel settings; StackFit once wrote
/// max_parallel_workers_per_gather = 0 and max_worker_processes = 8.
#[test]
fn postgres_below_four_cpus_keeps_postgres_parallel_defaults() {
    let p = Placement::new("db", "postgres").limit(1024);
    let t = tuning(&p, 2);
    for name in [
        "max_worker_processes",
        "max_parallel_workers_per_gather",
        "max_parallel_workers",
        "max_parallel_maintenance_workers",
    ] {
        assert!(written(&t, name).is_none(), "{name} written at 2 CPUs");
    }
    let t = tuning(&p, 8);
    assert_eq!(written(&t, "max_worker_processes").as_deref(), Some("8"));
    assert_eq!(written(&t, "max_parallel_workers").as_deref(), Some("8"));
    assert_eq!(
        written(&t, "max_parallel_maintenance_workers").as_deref(),
        Some("4")
    );
    // The plan's per-gather value (PostgreSQL's default 2) is written, PGTune's 4 suggested.
    assert_eq!(
        written(&t, "max_parallel_workers_per_gather").as_deref(),
        Some("2")
    );
    assert_eq!(suggested(&t, "max_parallel_workers_per_gather"), Some(4));
}

/// The plan's values are what is written; PGTune's are suggestions.
#[test]
fn postgres_writes_the_plans_values_and_suggests_pgtunes() {
    let p = Placement::new("db", "postgres")
        .knob("shared_buffers_mib", 256)
        .limit(4096);
    let t = tuning(&p, 8);
    assert_eq!(written(&t, "shared_buffers").as_deref(), Some("256MB"));
    assert_eq!(suggested(&t, "shared_buffers_mib"), Some(1024));
    assert_eq!(written(&t, "effective_cache_size").as_deref(), Some("3GB"));
}

/// Celery's default concurrency is the host's CPUs; the suggestion is what
/// the limit holds at peak, at most the CPUs.
#[test]
fn prefork_concurrency_follows_the_limit_and_cpus() {
    let p = Placement::new("w", "celery-prefork").limit(1024);
    let t = tuning(&p, 8);
    // (1024 − 60 main) / (100 child + 100 task) = 4 children fit.
    assert_eq!(suggested(&t, "concurrency"), Some(4));
    let t = tuning(&Placement::new("w", "celery-prefork").limit(4096), 2);
    assert_eq!(suggested(&t, "concurrency"), Some(2));
    // Set explicitly and fitting: written, nothing suggested.
    let t = tuning(
        &Placement::new("w", "celery-prefork")
            .knob("concurrency", 3)
            .limit(2048),
        2,
    );
    assert_eq!(written(&t, "--concurrency").as_deref(), Some("3"));
    assert_eq!(suggested(&t, "concurrency"), None);
}

/// A Node process cannot hold more live heap than its old space: Ghost's
/// 1.2 GB, measured on a 2 GB droplet, is capped on a 1 GiB server by the
/// quarter of memory Node gives itself there.
#[test]
fn node_heap_in_use_never_exceeds_the_old_space() {
    let def = service("ghost").unwrap();
    let p = Placement::new("ghost", "ghost");
    let small = HostView::new(984, 1);
    let r = kind(def.kind).footprint(&Cx::new(def, &p, small), 984);
    let base = def.knob_default("base_mib") as u64;
    assert_eq!(r.expected_mib, base + 984 / 4);
    assert_eq!(r.peak_mib, r.expected_mib);
    let big = kind(def.kind).footprint(&Cx::new(def, &p, HOST), 16_000);
    assert_eq!(
        big.expected_mib,
        base + def.knob_default("heap_used_mib") as u64
    );
    assert!(big.peak_mib >= big.expected_mib);
}
