//! Per-service memory and CPU formulas: knobs → expected, peak, default limit
//! and CPU for one replica. The constants are knob defaults in the catalog,
//! each with its source; this file holds only the arithmetic.

use crate::model::units::{Mib, Millicores};
use crate::model::{MemoryModel, Placement, ServiceDef};

/// Margin a default limit keeps over the modelled peak, in percent. The same
/// 15 % the headroom target uses: a limit is the per-container version of it.
pub const DEFAULT_LIMIT_MARGIN_PCT: u64 = 15;

/// Limits are rounded up to this many MiB, as people write them (…, 448m, 512m).
pub const LIMIT_STEP_MIB: Mib = 32;

/// What a placement sees of its host.
#[derive(Clone, Copy, Debug)]
pub struct HostView {
    /// Memory the OS sees on the server.
    pub usable_mib: Mib,
    pub vcpu: u32,
}

/// The result for one replica.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Footprint {
    /// Typical working set (the measured figure when one is given).
    pub expected_mib: Mib,
    /// Worst case: a crawl, a fork, a heap at its max, every task at its payload.
    pub peak_mib: Mib,
    /// The limit we would write into compose when the user sets none.
    pub default_limit_mib: Mib,
    pub cpu_millicores: Millicores,
    /// Processes that each hold their own database pool.
    pub processes: u64,
    /// JVM / Node heap at its maximum, when the service has one.
    pub heap_mib: Option<Mib>,
    /// Memory added at peak by headless Chromium.
    pub browser_peak_mib: Mib,
    /// Some memory is sized from what the process sees (no explicit heap/cache)
    /// and there is no explicit limit, so it sized itself from the host.
    pub sized_from_host: bool,
}

/// Reads knobs by id, falling back to the catalog default; negative values read as 0.
pub struct Knobs<'a> {
    def: &'a ServiceDef,
    placement: &'a Placement,
}

impl<'a> Knobs<'a> {
    pub fn new(def: &'a ServiceDef, placement: &'a Placement) -> Self {
        Knobs { def, placement }
    }

    pub fn get(&self, id: &str) -> u64 {
        let v = self
            .placement
            .knobs
            .get(id)
            .copied()
            .unwrap_or_else(|| self.def.knob_default(id));
        v.max(0) as u64
    }
}

pub fn round_up(mib: Mib, step: Mib) -> Mib {
    mib.div_ceil(step).saturating_mul(step)
}

fn with_margin(mib: Mib) -> Mib {
    round_up(
        mib.saturating_mul(100 + DEFAULT_LIMIT_MARGIN_PCT) / 100,
        LIMIT_STEP_MIB,
    )
}

/// The model's own figures for one replica when the process sees `sees_mib`.
struct Raw {
    expected: Mib,
    peak: Mib,
    cpu: Millicores,
    processes: u64,
    heap: Option<Mib>,
    browser_peak: Mib,
    /// Memory depends on `sees_mib` (an auto-sized heap or cache).
    auto: bool,
    /// A fixed default limit from the catalog (Fixed budgets).
    fixed_limit: Option<Mib>,
}

impl Raw {
    fn new(expected: Mib, peak: Mib, cpu: Millicores) -> Self {
        Raw {
            expected,
            peak: peak.max(expected),
            cpu,
            processes: 1,
            heap: None,
            browser_peak: 0,
            auto: false,
            fixed_limit: None,
        }
    }
}

fn chromium_peak(k: &Knobs, browsers: u64) -> Mib {
    if browsers == 0 {
        return 0;
    }
    let pages = k.get("pages_per_browser").max(1);
    browsers
        * (k.get("browser_mib") + k.get("first_page_mib") + (pages - 1) * k.get("extra_page_mib"))
}

/// Elasticsearch's automatic heap (MachineDependentHeap): 40 % under 1 GiB
/// (at least 128 MiB), else 50 %, at most 31 GiB.
fn es_auto_heap(sees: Mib) -> Mib {
    if sees < 1024 {
        (sees * 40 / 100).max(128)
    } else {
        (sees / 2).min(31 * 1024)
    }
}

/// Node's default old space from the memory it sees: about a quarter, at most 4 GiB.
fn node_auto_heap(sees: Mib) -> Mib {
    (sees / 4).min(4096)
}

fn raw(def: &ServiceDef, k: &Knobs, host: HostView, sees: Mib) -> Raw {
    let cpu = k.get("cpu_millicores");
    match def.model {
        MemoryModel::Postgres => {
            let expected = k.get("base_mib")
                + k.get("shared_buffers_mib")
                + k.get("connections") * k.get("per_connection_mib");
            let transient = k.get("active_queries") * k.get("work_mem_mib") * 2
                + k.get("maintenance_work_mem_mib");
            Raw::new(expected, expected + transient, cpu)
        }
        MemoryModel::Mysql => {
            let ps = if k.get("performance_schema") > 0 {
                k.get("performance_schema_mib")
            } else {
                0
            };
            let conns = k.get("connections") * k.get("per_connection_mib");
            let expected = k.get("base_mib") + k.get("buffer_pool_mib") + ps + conns;
            Raw::new(expected, expected + conns, cpu)
        }
        MemoryModel::Mongo => {
            let set = k.get("cache_mib");
            let cache = if set > 0 {
                set
            } else {
                (sees.saturating_sub(1024) / 2).max(256)
            };
            let expected = k.get("base_mib") + cache;
            let mut r = Raw::new(expected, expected + k.get("index_build_mib"), cpu);
            r.auto = set == 0;
            r
        }
        MemoryModel::Redis => {
            let frag = k.get("fragmentation_pct");
            let maxmemory = k.get("maxmemory_mib");
            let data = if maxmemory > 0 {
                k.get("dataset_mib").min(maxmemory)
            } else {
                k.get("dataset_mib")
            };
            let base = k.get("base_mib");
            let expected = base + data * frag / 100;
            let full = if maxmemory > 0 {
                base + maxmemory * frag / 100
            } else {
                expected
            };
            let fork = if k.get("persistence") > 0 {
                (full - base) * k.get("cow_pct") / 100
            } else {
                0
            };
            Raw::new(expected, full + fork, cpu)
        }
        MemoryModel::Memcached => {
            let expected = k.get("base_mib") + k.get("memory_limit_mib");
            Raw::new(expected, expected, cpu)
        }
        MemoryModel::Rabbitmq => {
            let expected = k.get("base_mib") + k.get("queue_mib");
            // Erlang's garbage collector can briefly double what it holds.
            let mut r = Raw::new(expected, k.get("base_mib") + 2 * k.get("queue_mib"), cpu);
            r.auto = true;
            r
        }
        MemoryModel::Jvm => {
            let set = k.get("heap_mib");
            let heap = if set > 0 { set } else { sees / 4 };
            let expected = heap + k.get("nonheap_mib") + k.get("threads");
            let mut r = Raw::new(expected, expected, cpu);
            r.heap = Some(heap);
            r.auto = set == 0;
            r
        }
        MemoryModel::Elasticsearch => {
            let set = k.get("heap_mib");
            let heap = if set > 0 { set } else { es_auto_heap(sees) };
            let expected = heap + k.get("offheap_mib");
            let mut r = Raw::new(expected, expected, cpu);
            r.heap = Some(heap);
            r.auto = set == 0;
            r
        }
        MemoryModel::Neo4j => {
            let (h, pc) = (k.get("heap_mib"), k.get("pagecache_mib"));
            let heap = if h > 0 { h } else { sees / 4 };
            let cache = if pc > 0 { pc } else { sees / 2 };
            let expected = heap + cache + k.get("nonheap_mib");
            let mut r = Raw::new(expected, expected, cpu);
            r.heap = Some(heap);
            r.auto = h == 0 || pc == 0;
            r
        }
        MemoryModel::Weaviate => {
            let bytes = k.get("objects") as u128
                * k.get("dimensions") as u128
                * 4
                * k.get("vector_copies") as u128;
            let expected = k.get("base_mib") + (bytes >> 20) as u64;
            Raw::new(expected, expected, cpu)
        }
        MemoryModel::Prometheus => {
            let series =
                ((k.get("active_series") as u128 * k.get("bytes_per_series") as u128) >> 20) as u64;
            let expected = k.get("base_mib") + series;
            // Head compaction and queries briefly hold another half of the head.
            Raw::new(expected, expected + series / 2, cpu)
        }
        MemoryModel::Node => {
            let set = k.get("max_old_space_mib");
            let heap = if set > 0 { set } else { node_auto_heap(sees) };
            let expected = k.get("base_mib") + k.get("heap_used_mib");
            let mut r = Raw::new(expected, k.get("base_mib") + heap, cpu);
            r.heap = Some(heap);
            r.auto = set == 0;
            r
        }
        MemoryModel::GoService => {
            let live = k.get("live_heap_mib");
            let grown = live * (100 + k.get("gogc")) / 100;
            let limit = k.get("gomemlimit_mib");
            let heap_peak = if limit > 0 {
                grown.min(limit.max(live))
            } else {
                grown
            };
            let base = k.get("base_mib");
            Raw::new(base + live, base + heap_peak, cpu)
        }
        MemoryModel::PythonWeb => {
            let workers = k.get("workers").max(1);
            let master = if workers > 1 { k.get("master_mib") } else { 0 };
            let expected = master + workers * k.get("app_mib");
            let mut r = Raw::new(
                expected,
                expected + workers * k.get("request_mib"),
                workers * k.get("worker_cpu_millicores"),
            );
            r.processes = workers;
            r
        }
        MemoryModel::CeleryPrefork => {
            let set = k.get("concurrency");
            let children = if set > 0 {
                set
            } else {
                u64::from(host.vcpu.max(1))
            };
            let child = k.get("child_mib");
            let mmpc_mib = k.get("max_memory_per_child_kib") / 1024;
            // A child is recycled only after the task that crossed the limit,
            // so it can hold up to the limit plus one task's payload.
            let per_child_peak = child.max(mmpc_mib) + k.get("task_mib");
            let browsers = k.get("browsers");
            let browser_peak = chromium_peak(k, browsers);
            let main = k.get("main_mib");
            let mut r = Raw::new(
                main + children * child,
                main + children * per_child_peak + browser_peak,
                children * k.get("task_cpu_millicores"),
            );
            r.processes = children;
            r.browser_peak = browser_peak;
            r
        }
        MemoryModel::CeleryGevent => {
            let set = k.get("concurrency");
            let greenlets = if set > 0 {
                set
            } else {
                u64::from(host.vcpu.max(1))
            };
            let payload = greenlets * k.get("inflight_mib");
            let base = k.get("base_mib");
            Raw::new(
                base + payload,
                base + payload * k.get("peak_pct") / 100,
                cpu,
            )
        }
        MemoryModel::Chromium => {
            let browsers = k.get("browsers");
            let driver = k.get("driver_mib");
            let browser_peak = chromium_peak(k, browsers);
            let mut r = Raw::new(
                driver + browsers * k.get("browser_mib"),
                driver + browser_peak,
                browsers * cpu,
            );
            r.browser_peak = browser_peak.saturating_sub(browsers * k.get("browser_mib"));
            r
        }
        MemoryModel::Fixed => {
            let expected = k.get("expected_mib");
            let peak = k.get("peak_mib").max(expected);
            let mut r = Raw::new(expected, peak, cpu);
            let limit = k.get("limit_mib");
            r.fixed_limit = (limit > 0).then_some(limit);
            r.processes = if def.knob("processes").is_some() {
                k.get("processes").max(1)
            } else {
                1
            };
            r
        }
    }
}

/// Computes one replica's footprint on `host`.
///
/// - A measured figure replaces the model's expected. When the user also set
///   knobs, the model's transient part (peak − expected) is added on top of
///   the measurement; with no knobs the measurement is taken as the peak too
///   (the planner does not invent a configuration it was not told).
/// - Auto-sized heaps and caches size from the explicit limit when there is
///   one, otherwise from the host, as those runtimes do.
/// - The default limit is the peak plus [`DEFAULT_LIMIT_MARGIN_PCT`] (the
///   larger of the measured and the modelled peak); for
///   auto-sized services it is the smallest limit under which the service,
///   sizing itself from that limit, still fits.
///
/// ```
/// use stackfit_core::fit::footprint::{footprint, HostView};
/// use stackfit_core::model::Placement;
/// let pg = stackfit_core::catalog::service("postgres").unwrap();
/// let p = Placement::new("db", "postgres").knob("shared_buffers_mib", 256);
/// let f = footprint(pg, &p, HostView { usable_mib: 3816, vcpu: 2 });
/// assert_eq!(f.expected_mib, 30 + 256 + 10 * 2);
/// assert!(f.peak_mib > f.expected_mib && f.default_limit_mib >= f.peak_mib);
/// ```
pub fn footprint(def: &ServiceDef, placement: &Placement, host: HostView) -> Footprint {
    let k = Knobs::new(def, placement);
    let sees = placement.limit_mib.unwrap_or(host.usable_mib);
    let r = raw(def, &k, host, sees);
    let (expected, peak) = match placement.measured_mib {
        Some(m) if placement.knobs.is_empty() => (m, m),
        Some(m) => (m, m.saturating_add(r.peak - r.expected)),
        None => (r.expected, r.peak),
    };
    // The model's own default for its configuration; a measurement can only raise it.
    let default_limit = match r.fixed_limit {
        // The catalog's budget, unless the peak is above it.
        Some(l) => l.max(peak),
        None if r.auto => self_consistent_limit(def, &k, host).max(with_margin(expected)),
        None => with_margin(r.peak).max(with_margin(peak)),
    };
    Footprint {
        expected_mib: expected,
        peak_mib: peak,
        default_limit_mib: default_limit,
        cpu_millicores: r.cpu,
        processes: r.processes,
        heap_mib: r.heap,
        browser_peak_mib: r.browser_peak,
        sized_from_host: r.auto && placement.limit_mib.is_none(),
    }
}

/// The smallest limit (in steps of [`LIMIT_STEP_MIB`], from 256 MiB) under
/// which an auto-sizing service, sizing itself from that limit, peaks below it.
fn self_consistent_limit(def: &ServiceDef, k: &Knobs, host: HostView) -> Mib {
    let mut limit = 256;
    let ceiling = host.usable_mib.max(256).saturating_mul(4);
    while limit < ceiling {
        if raw(def, k, host, limit).peak <= limit {
            return limit;
        }
        limit += LIMIT_STEP_MIB;
    }
    ceiling
}

#[cfg(test)]
#[path = "footprint_tests.rs"]
mod tests;
