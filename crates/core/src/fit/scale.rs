//! An option at a load multiplier (the what-if, `crate::whatif`): every
//! placement's load knobs scaled and the figures the plan overrides
//! following the model. The evaluation scales an option once, at its own
//! load; the what-if asks for other loads.

use crate::catalog;
use crate::fit;
use crate::kinds::{self, round_up, Cx, HostView, LIMIT_STEP_MIB};
use crate::model::multiplier::LOAD_ONE;
use crate::model::units::{Mib, MAX_MEMORY_MIB};
use crate::model::{Placement, PlanOption, Server};

/// `value × num / den`, rounded up, saturating.
fn scale(value: u64, num: u64, den: u64) -> u64 {
    if den == 0 {
        return value;
    }
    let v = (u128::from(value) * u128::from(num)).div_ceil(u128::from(den));
    u64::try_from(v).unwrap_or(u64::MAX)
}

/// One placement at `load`: its load knobs scaled and the figures the plan
/// overrides following the model (see the module's doc).
pub fn scale_placement(p: &Placement, server: &Server, load: u32) -> Placement {
    if load == LOAD_ONE {
        return p.clone();
    }
    // The load inputs' rates follow the multiplier (durations do not).
    let p = &Placement {
        load: p.load.map(|l| l.scaled(load)),
        ..p.clone()
    };
    let Some(def) = catalog::service(&p.service) else {
        return p.clone();
    };
    let r = fit::resolve(server, None);
    let host = HostView {
        usable_mib: r.usable_mib,
        vcpu: r.vcpu,
        disk: server.disk,
    };
    let kind = kinds::kind(def.kind);
    let cx = Cx::new(def, p, host);
    let knobs: Vec<(&'static str, u64)> = kind
        .load_knobs(&cx)
        .into_iter()
        .filter(|(id, _)| def.has_knob(id))
        .collect();
    if knobs.is_empty() {
        return p.clone();
    }
    let mut scaled = p.clone();
    for (id, now) in &knobs {
        let max = def.knob(id).map_or(i64::MAX, |k| k.max).max(0) as u64;
        let v = if *now == 0 {
            0
        } else {
            // To the nearest whole, half up: ×1.2 of one worker is still
            // one, ×1.5 is two (a knob is a count of processes or threads).
            (u128::from(*now) * u128::from(load) + u128::from(LOAD_ONE / 2))
                .checked_div(u128::from(LOAD_ONE))
                .map_or(u64::MAX, |v| u64::try_from(v).unwrap_or(u64::MAX))
                .max(1)
                .min(max)
        };
        scaled.knobs.insert((*id).to_string(), v as i64);
    }
    let sees = p.limit_mib.unwrap_or(host.usable_mib);
    let before = kind.footprint(&cx, sees);
    let after = kind.footprint(&Cx::new(def, &scaled, host), sees);
    // A measurement with no knobs is the whole figure (expected = peak): it
    // stays that way, scaled, so ×1 and ×1.01 differ only by the load.
    if p.measured_mib.is_some() && p.knobs.is_empty() {
        scaled.knobs.clear();
    }
    if let Some(m) = p.measured_mib {
        scaled.measured_mib =
            Some(scale(m, after.expected_mib, before.expected_mib).min(MAX_MEMORY_MIB));
    }
    if let Some(c) = p.measured_cpu_millicores {
        scaled.measured_cpu_millicores =
            Some(scale(c, after.cpu_millicores, before.cpu_millicores));
    }
    if let Some(l) = p.limit_mib {
        let (num, den) = if p.measured_mib.is_some() && p.knobs.is_empty() {
            (after.expected_mib, before.expected_mib)
        } else {
            (after.peak_mib, before.peak_mib)
        };
        let grown = scale(l, num, den);
        let l2: Mib = if grown == l {
            l
        } else {
            round_up(grown, LIMIT_STEP_MIB)
        };
        scaled.limit_mib = Some(l2.min(MAX_MEMORY_MIB));
    }
    scaled
}

/// The option with every placement at `load` (thousandths of the plan as
/// set; ×1 is the option as it is). It ignores and keeps the option's own
/// [`PlanOption::load`]: the evaluation calls it with that load, once.
///
/// ```
/// use stackfit_core::fit::scale::scale_option;
/// let plan = stackfit_core::templates::get("s3").unwrap();
/// let a = plan.option("a-single").unwrap();
/// let twice = scale_option(a, 2000);
/// let (_, w) = twice.find_placement("worker-normal").unwrap();
/// assert_eq!(w.knobs["concurrency"], 12); // 6 children at ×1
/// ```
pub fn scale_option(option: &PlanOption, load: u32) -> PlanOption {
    let mut out = option.clone();
    if load == LOAD_ONE {
        return out;
    }
    for s in &mut out.servers {
        let server = s.clone();
        for p in &mut s.placements {
            *p = scale_placement(p, &server, load);
        }
    }
    out
}
