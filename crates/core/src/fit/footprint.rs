//! One replica's footprint: the kind's own figures for its knobs, a
//! measurement in place of the modelled expected use, and the default limit
//! when the plan sets none.

pub use crate::kinds::HostView;
use crate::kinds::{self, limit_for_peak, Cx, Kind};
pub use crate::kinds::{DEFAULT_LIMIT_MARGIN_PCT, LIMIT_STEP_MIB};
use crate::model::units::{Mib, Millicores};
use crate::model::{Placement, ServiceDef};

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
/// let f = footprint(pg, &p, HostView::new(3816, 2));
/// assert_eq!(f.expected_mib, 30 + 256 + 10 * 2);
/// assert!(f.peak_mib > f.expected_mib && f.default_limit_mib >= f.peak_mib);
/// ```
pub fn footprint(def: &ServiceDef, placement: &Placement, host: HostView) -> Footprint {
    let kind = kinds::kind(def.kind);
    let cx = Cx::new(def, placement, host);
    let sees = placement.limit_mib.unwrap_or(host.usable_mib);
    let r = kind.footprint(&cx, sees);
    let (expected, peak) = match placement.measured_mib {
        Some(m) if placement.knobs.is_empty() => (m, m),
        Some(m) => (m, m.saturating_add(r.peak_mib - r.expected_mib)),
        None => (r.expected_mib, r.peak_mib),
    };
    // The model's own default for its configuration; a measurement can only raise it.
    let default_limit = match r.fixed_limit_mib {
        // The catalog's budget, unless the peak is above it.
        Some(l) => l.max(peak),
        None if r.self_sized => {
            self_consistent_limit(kind, &cx, host).max(limit_for_peak(expected))
        }
        None => limit_for_peak(r.peak_mib).max(limit_for_peak(peak)),
    };
    Footprint {
        expected_mib: expected,
        peak_mib: peak,
        default_limit_mib: default_limit,
        cpu_millicores: placement
            .measured_cpu_millicores
            .unwrap_or(r.cpu_millicores),
        processes: r.processes,
        heap_mib: r.heap_mib,
        browser_peak_mib: r.browser_peak_mib,
        sized_from_host: r.self_sized && placement.limit_mib.is_none(),
    }
}

/// The smallest limit (in steps of [`LIMIT_STEP_MIB`], from 256 MiB) under
/// which an auto-sizing service, sizing itself from that limit, peaks below it.
fn self_consistent_limit(kind: &dyn Kind, cx: &Cx, host: HostView) -> Mib {
    let mut limit = 256;
    let ceiling = host.usable_mib.max(256).saturating_mul(4);
    while limit < ceiling {
        if kind.footprint(cx, limit).peak_mib <= limit {
            return limit;
        }
        limit += LIMIT_STEP_MIB;
    }
    ceiling
}

#[cfg(test)]
#[path = "footprint_tests.rs"]
mod tests;
