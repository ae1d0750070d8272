//! What-if: one load multiplier for an option, and each server's breaking
//! point — the smallest multiplier at which it stops fitting and the
//! resource that gives out first (memory, CPU or database connections).
//!
//! What "load" moves is decided by each kind ([`crate::kinds::Kind::load_knobs`]):
//! the knobs that count concurrent work — web workers, Celery children and
//! greenlets, Sidekiq threads, PHP-FPM children, Chromium browsers, a
//! database's open connections and running queries. At ×2 each of them is
//! doubled (to the nearest whole, half up, at least one, inside the knob's
//! range); the memory, CPU and
//! connections that follow are the kind's own model, evaluated by
//! [`crate::fit::evaluate_with`] — there is no second formula here. What is
//! sized by configuration rather than by load stays as the plan has it:
//! heaps, caches, buffer pools, fixed budgets, replicas and max_connections.
//!
//! A figure the plan overrides follows its model: a measured (or estimated)
//! memory or CPU figure is scaled by the ratio of the kind's modelled
//! expected use (or CPU) after and before, and a limit the plan sets by the
//! ratio of the modelled peak (so the what-if shows the server running out,
//! not a container killed at a limit sized for today's load).
//!
//! Multipliers are integers in thousandths (`1000` = ×1), like every other
//! figure of the engine (no floats in totals).

use serde::Serialize;

use crate::catalog;
use crate::findings::{FindingKind, Severity};
use crate::fit::{self, OptionReport, ServerReport, Verdict};
use crate::kinds::{self, round_up, Cx, HostView, LIMIT_STEP_MIB};
use crate::model::price::PriceBook;
use crate::model::units::{Mib, MAX_MEMORY_MIB};
use crate::model::{Placement, Plan, PlanOption, Server};

/// ×1: the plan as it is.
pub const LOAD_ONE: u32 = 1000;
/// The smallest multiplier the what-if takes (×0.5).
pub const LOAD_MIN: u32 = 500;
/// The largest multiplier the what-if takes and the breaking-point search
/// goes to (×10).
pub const LOAD_MAX: u32 = 10_000;
/// The breaking point's resolution: ×0.01.
pub const LOAD_STEP: u32 = 10;
/// The coarse scan's step before the breaking point is refined (×0.1).
const SCAN_STEP: u32 = 100;

/// A server resource that can give out as load grows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gives {
    /// The memory verdict reaches OOM risk (peaks over allocatable) or worse.
    Memory,
    /// Expected CPU is more than the server's vCPUs.
    Cpu,
    /// The database on this server accepts fewer connections than its
    /// clients hold at peak (the `db-connections-over-max` finding, critical).
    DatabaseConnections,
}

impl Gives {
    pub const ALL: [Gives; 3] = [Gives::Memory, Gives::Cpu, Gives::DatabaseConnections];

    pub fn name_en(self) -> &'static str {
        match self {
            Gives::Memory => "memory",
            Gives::Cpu => "CPU",
            Gives::DatabaseConnections => "database connections",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Gives::Memory => "内存",
            Gives::Cpu => "CPU",
            Gives::DatabaseConnections => "数据库连接数",
        }
    }

    /// True when this resource has given out on `server`.
    fn broken(self, server: &ServerReport) -> bool {
        match self {
            Gives::Memory => server.memory_verdict >= Verdict::OomRisk,
            Gives::Cpu => server.cpu_verdict >= Verdict::OomRisk,
            Gives::DatabaseConnections => server.findings.iter().any(|f| {
                f.kind == FindingKind::DbConnectionsOverMax && f.severity == Severity::Critical
            }),
        }
    }
}

/// Where one server breaks as load grows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Breaking {
    pub server: String,
    pub label: String,
    /// The smallest multiplier (thousandths) at which the server stops
    /// fitting; `None` when it still fits at [`LOAD_MAX`]. [`LOAD_MIN`]
    /// means it is already broken there (at or below ×0.5).
    pub load: Option<u32>,
    /// What gives out at that multiplier (several when they go together).
    pub gives: Vec<Gives>,
    /// Each resource's own breaking multiplier, `None` when it holds to ×10.
    pub per_resource: Vec<(Gives, Option<u32>)>,
}

/// An option at one load multiplier: its report there and each server's
/// breaking point.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhatIf {
    pub option: String,
    pub load: u32,
    /// The option evaluated at `load`, as `fit::evaluate_with` reports it.
    pub report: OptionReport,
    pub breaking: Vec<Breaking>,
}

/// `load` thousandths written as a multiplier: "×2", "×0.5", "×1.25".
///
/// ```
/// use stackfit_core::whatif::load_words;
/// assert_eq!(load_words(2000), "×2");
/// assert_eq!(load_words(500), "×0.5");
/// assert_eq!(load_words(1250), "×1.25");
/// ```
pub fn load_words(load: u32) -> String {
    let whole = load / 1000;
    let frac = load % 1000;
    if frac == 0 {
        format!("×{whole}")
    } else {
        let s = format!("{frac:03}");
        format!("×{whole}.{}", s.trim_end_matches('0'))
    }
}

/// Reads "2", "2.0", "0.5", "×1.5", "1.25x" as thousandths, inside
/// [`LOAD_MIN`]..=[`LOAD_MAX`]; the error says why in en and zh.
///
/// ```
/// use stackfit_core::whatif::parse_load;
/// assert_eq!(parse_load("2.0"), Ok(2000));
/// assert_eq!(parse_load("×0.75"), Ok(750));
/// assert!(parse_load("11").is_err());
/// ```
pub fn parse_load(text: &str) -> Result<u32, (String, String)> {
    let t = text
        .trim()
        .trim_start_matches('×')
        .trim_end_matches(['x', 'X']);
    let bad = || {
        (
            format!("\"{text}\" is not a load multiplier (a number from 0.5 to 10, e.g. 2.0)"),
            format!("“{text}”不是负载倍数（0.5 到 10 之间的数，例如 2.0）"),
        )
    };
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 3
        || whole.len() > 3
    {
        return Err(bad());
    }
    let w: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let f: u32 = format!("{frac:0<3}").parse().map_err(|_| bad())?;
    let load = w * 1000 + f;
    if !(LOAD_MIN..=LOAD_MAX).contains(&load) {
        return Err((
            format!("load {} is outside ×0.5 … ×10", load_words(load)),
            format!("负载 {} 超出 ×0.5 … ×10 的范围", load_words(load)),
        ));
    }
    Ok(load)
}

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
/// use stackfit_core::whatif::scale_option;
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

/// The option `option_id` of `plan` evaluated at `load`, as a reader with
/// `book` sees it; `None` when the plan has no such option.
pub fn evaluate_at(
    plan: &Plan,
    option_id: &str,
    load: u32,
    book: &PriceBook,
) -> Option<OptionReport> {
    let option = plan.option(option_id)?;
    Some(evaluate_option_at(plan, option, load, book))
}

fn evaluate_option_at(
    plan: &Plan,
    option: &PlanOption,
    load: u32,
    book: &PriceBook,
) -> OptionReport {
    // The evaluation scales the option by its own load, once.
    let mut at = option.clone();
    at.load = load;
    let one = Plan {
        name: plan.name.clone(),
        description: String::new(),
        settings: plan.settings.clone(),
        options: vec![at],
        quotes: plan.quotes.clone(),
    };
    let mut report = fit::evaluate_with(&one, book);
    report.options.remove(0)
}

/// The option at `load` and each server's breaking point (see [`WhatIf`]).
///
/// ```
/// use stackfit_core::model::price::PriceBook;
/// use stackfit_core::whatif::{whatif, Gives};
/// let plan = stackfit_core::templates::get("s0").unwrap();
/// let w = whatif(&plan, "lean-2c4g", 1000, &PriceBook::default()).unwrap();
/// let b = &w.breaking[0];
/// // The lean 2C4G fits today and gives out somewhere above ×1.
/// assert!(b.load.unwrap() > 1000);
/// assert!(!b.gives.is_empty());
/// ```
pub fn whatif(plan: &Plan, option_id: &str, load: u32, book: &PriceBook) -> Option<WhatIf> {
    let option = plan.option(option_id)?;
    let report = evaluate_option_at(plan, option, load, book);
    let breaking = breaking_points(plan, option, book);
    Some(WhatIf {
        option: option.id.clone(),
        load,
        report,
        breaking,
    })
}

/// Each server's breaking point: a scan from ×0.5 to ×10 in steps of ×0.1,
/// then a bisection to ×0.01 inside the step where a resource first gives
/// out. Every probe is a full evaluation of the option at that load.
pub fn breaking_points(plan: &Plan, option: &PlanOption, book: &PriceBook) -> Vec<Breaking> {
    let n = option.servers.len();
    let eval = |load: u32| evaluate_option_at(plan, option, load, book);
    // first[server][resource]: the first scanned load at which it is broken.
    let mut first: Vec<[Option<u32>; 3]> = vec![[None; 3]; n];
    let mut load = LOAD_MIN;
    let mut previous: Option<u32> = None;
    let mut pending = n * Gives::ALL.len();
    while load <= LOAD_MAX && pending > 0 {
        let rep = eval(load);
        for (si, s) in rep.servers.iter().enumerate().take(n) {
            for (gi, g) in Gives::ALL.iter().enumerate() {
                if first[si][gi].is_none() && g.broken(s) {
                    // Refine between the last load it held and this one.
                    let at = match previous {
                        None => load,
                        Some(low) => bisect(low, load, |l| g.broken(&eval(l).servers[si])),
                    };
                    first[si][gi] = Some(at);
                    pending -= 1;
                }
            }
        }
        previous = Some(load);
        load += SCAN_STEP;
    }
    option
        .servers
        .iter()
        .zip(first)
        .map(|(s, f)| {
            let per_resource: Vec<(Gives, Option<u32>)> =
                Gives::ALL.iter().copied().zip(f).collect();
            let at = per_resource.iter().filter_map(|(_, l)| *l).min();
            let gives = per_resource
                .iter()
                .filter(|(_, l)| l.is_some() && *l == at)
                .map(|(g, _)| *g)
                .collect();
            Breaking {
                server: s.id.clone(),
                label: s.label.clone(),
                load: at,
                gives,
                per_resource,
            }
        })
        .collect()
}

/// The smallest load in (`low`, `high`] (in [`LOAD_STEP`]s) at which
/// `broken` holds, given it holds at `high` and not at `low`.
fn bisect(mut low: u32, mut high: u32, broken: impl Fn(u32) -> bool) -> u32 {
    while high - low > LOAD_STEP {
        let mid = low + (high - low) / 2 / LOAD_STEP * LOAD_STEP;
        let mid = mid.max(low + LOAD_STEP);
        if broken(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    high
}

/// A breaking point in words, en and zh: "breaks at ×1.6 (memory)", "holds to ×10".
pub fn breaking_words(b: &Breaking) -> (String, String) {
    match b.load {
        None => (
            format!("holds to {}", load_words(LOAD_MAX)),
            format!("到 {} 仍放得下", load_words(LOAD_MAX)),
        ),
        Some(l) => {
            let en: Vec<&str> = b.gives.iter().map(|g| g.name_en()).collect();
            let zh: Vec<&str> = b.gives.iter().map(|g| g.name_zh()).collect();
            if l <= LOAD_MIN {
                (
                    format!(
                        "already over at {} ({})",
                        load_words(LOAD_MIN),
                        en.join(", ")
                    ),
                    format!("在 {} 时已超出（{}）", load_words(LOAD_MIN), zh.join("、")),
                )
            } else {
                (
                    format!(
                        "breaks at {} ({} gives out first)",
                        load_words(l),
                        en.join(", ")
                    ),
                    format!(
                        "在 {} 时撑不住（先耗尽的是{}）",
                        load_words(l),
                        zh.join("、")
                    ),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests;
