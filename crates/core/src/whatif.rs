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

use crate::findings::{FindingKind, Severity};
use crate::fit::{self, OptionReport, ServerReport, Verdict};
use crate::model::price::PriceBook;
use crate::model::{Plan, PlanOption};

pub use crate::fit::scale::{scale_option, scale_placement};
pub use crate::model::multiplier::{load_words, LOAD_MAX, LOAD_MIN, LOAD_ONE, LOAD_STEP};

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
