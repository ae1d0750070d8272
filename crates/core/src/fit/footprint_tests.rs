//! Tests of the per-service formulas.

use super::*;
use crate::catalog::service;

const HOST: HostView = HostView::new(3816, 2);

fn fp(p: &Placement) -> Footprint {
    footprint(service(&p.service).unwrap(), p, HOST)
}

#[test]
fn redis_fork_doubles_a_full_dataset_when_persisting() {
    let off = fp(&Placement::new("r", "redis")
        .knob("maxmemory_mib", 256)
        .knob("persistence", 0));
    let rdb = fp(&Placement::new("r", "redis")
        .knob("maxmemory_mib", 256)
        .knob("persistence", 1));
    let base = service("redis").unwrap().knob_default("base_mib") as u64;
    assert_eq!(off.peak_mib, base + 256 * 110 / 100);
    assert_eq!(rdb.peak_mib, off.peak_mib + 256 * 110 / 100);
}

#[test]
fn elasticsearch_without_heap_sizes_from_host_or_limit() {
    let es = Placement::new("es", "elasticsearch");
    let host = fp(&es);
    assert_eq!(host.heap_mib, Some(3816 / 2));
    assert!(host.sized_from_host);
    let limited = fp(&es.clone().limit(2048));
    assert_eq!(limited.heap_mib, Some(1024));
    assert!(!limited.sized_from_host);
    // The default limit leaves room for the off-heap 700 MiB at a 50 % heap.
    assert!(host.default_limit_mib >= 1400, "{}", host.default_limit_mib);
}

#[test]
fn celery_concurrency_defaults_to_host_cpus() {
    let auto = fp(&Placement::new("w", "celery-prefork"));
    assert_eq!(auto.processes, 2);
    let four = fp(&Placement::new("w", "celery-prefork").knob("concurrency", 4));
    assert_eq!(four.expected_mib, 60 + 4 * 100);
    assert_eq!(four.processes, 4);
}

#[test]
fn max_memory_per_child_bounds_each_child_plus_one_task() {
    let p = Placement::new("w", "celery-prefork")
        .knob("concurrency", 4)
        .knob("max_memory_per_child_kib", 300_000);
    assert_eq!(fp(&p).peak_mib, 60 + 4 * (292 + 100));
}

#[test]
fn measured_replaces_expected_and_keeps_modelled_transients() {
    let bare = fp(&Placement::new("w", "celery-prefork").measured(800));
    assert_eq!((bare.expected_mib, bare.peak_mib), (800, 800));
    let crawl = Placement::new("w", "celery-prefork")
        .knob("concurrency", 1)
        .knob("browsers", 1)
        .measured(800);
    let f = fp(&crawl);
    assert_eq!(f.expected_mib, 800);
    assert_eq!(f.peak_mib, 800 + 100 + 243 + 140);
    assert_eq!(f.browser_peak_mib, 383);
}

#[test]
fn weaviate_follows_the_two_times_vectors_rule() {
    let p = Placement::new("v", "weaviate")
        .knob("objects", 1_000_000)
        .knob("dimensions", 384);
    // 1 M × 384 × 4 B × 2 = 2.86 GiB (the docs' "3 GB" example).
    assert_eq!(fp(&p).expected_mib, 50 + 2929);
}

#[test]
fn every_service_has_a_positive_footprint_with_defaults() {
    for def in crate::catalog::services() {
        let f = footprint(def, &Placement::new("x", def.id), HOST);
        assert!(
            f.expected_mib > 0 && f.peak_mib >= f.expected_mib,
            "{}",
            def.id
        );
        assert!(
            f.default_limit_mib >= f.expected_mib,
            "{}: limit {} < expected {}",
            def.id,
            f.default_limit_mib,
            f.expected_mib
        );
    }
}
