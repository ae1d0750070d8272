//! Fit evaluation: per server capacity → usable → reserve → allocatable, the
//! sums of expected, peak and limit, headroom, CPU and a verdict; findings
//! with fixes (`rules`); the cheapest upgrade that fits (`recommend`).

pub mod footprint;
mod limiting;
pub mod load;
mod number_words;
pub mod ports;
mod recommend;
mod recommend_option;
pub(crate) mod rules;
mod rules_option;
mod rules_placement;
pub mod scale;

pub use crate::report::{
    Basis, Figures, Finding, FindingKind, Fix, Lang, Number, OptionQuote, OptionReport,
    PlacementReport, PriceBasis, Report, ServerReport, Severity, Verdict, PEAKS_THAT_COINCIDE,
};
pub use limiting::{cpu_verdict, limited_by_words, option_limited_by_words, Resource};
pub use number_words::NumberWords;
pub use recommend::{recommend, PriceComparison, Recommendation};
pub use recommend_option::{recommend_option, OptionRecommendation};

use crate::catalog;
use crate::cost;
use crate::kinds::{self, Cx, Tuning};
use crate::model::price::PriceBook;
use crate::model::units::{Mib, Millicores, MAX_MEMORY_MIB};
use crate::model::{
    KindId, Placement, Plan, PlanOption, Provider, Server, ServiceDef, Settings, TierDef,
};
use footprint::{footprint, Footprint, HostView};

/// A server's spec as the evaluation uses it: from the catalog tier, or from
/// the declared spec when the tier is custom.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolved {
    pub tier: Option<&'static TierDef>,
    pub vcpu: u32,
    pub capacity_mib: Mib,
    pub usable_mib: Mib,
    pub provider: Option<Provider>,
}

pub(crate) fn resolve(server: &Server, tier: Option<&'static TierDef>) -> Resolved {
    let tier = tier.or_else(|| catalog::tier(&server.tier));
    match (tier, server.spec) {
        (Some(t), _) => Resolved {
            tier: Some(t),
            vcpu: t.vcpu,
            capacity_mib: t.memory_mib,
            usable_mib: server.usable_mib.unwrap_or(t.usable_mib),
            provider: Some(t.provider),
        },
        (None, Some(spec)) => Resolved {
            tier: None,
            vcpu: spec.vcpu,
            capacity_mib: spec.memory_mib,
            usable_mib: server
                .usable_mib
                .unwrap_or_else(|| crate::model::tier::usable_mib_for(spec.memory_mib)),
            provider: None,
        },
        (None, None) => Resolved {
            tier: None,
            vcpu: 0,
            capacity_mib: 0,
            usable_mib: server.usable_mib.unwrap_or(0),
            provider: None,
        },
    }
}

/// A server's numbers before findings, plus each placement's footprint.
pub(crate) struct Measured {
    pub report: ServerReport,
    pub footprints: Vec<Footprint>,
}

/// One placement evaluated: its footprint, the limit per replica and the
/// settings tuned for it (once, here; everything downstream reads these).
pub(crate) fn evaluate_placement(
    p: &Placement,
    def: Option<&'static ServiceDef>,
    host: HostView,
) -> (Footprint, PlacementReport) {
    let Some(def) = def else {
        // Validation rejects unknown services; count a measured figure if there is one.
        let m = p.measured_mib.unwrap_or(0);
        let f = Footprint {
            expected_mib: m,
            peak_mib: m,
            default_limit_mib: p.limit_mib.unwrap_or(m),
            processes: 1,
            ..Footprint::default()
        };
        return (f, placement_report(p, None, &f, Tuning::default(), None));
    };
    let f = footprint(def, p, host);
    // What the tuners are given is capped at the plan's bound, so a plan that
    // skipped validation cannot overflow them.
    let limit = p
        .limit_mib
        .unwrap_or(f.default_limit_mib)
        .min(MAX_MEMORY_MIB);
    let tuning = kinds::kind(def.kind).tune(&Cx::new(def, p, host), limit);
    let derived = load::derive(def, p, host);
    let report = placement_report(p, Some(def), &f, tuning, derived);
    (f, report)
}

fn placement_report(
    p: &Placement,
    def: Option<&ServiceDef>,
    f: &Footprint,
    tuning: Tuning,
    load: Option<load::LoadDerivation>,
) -> PlacementReport {
    // Saturating: validation bounds every input, but a plan that slips
    // past it must still evaluate, never panic.
    let n = u64::from(p.replicas.max(1));
    let lim = p.limit_mib.unwrap_or(f.default_limit_mib);
    let expected = f.expected_mib.min(lim);
    let per_replica = Figures {
        expected_mib: expected,
        peak_mib: f.peak_mib.min(lim).max(expected),
        limit_mib: lim,
        cpu_millicores: f.cpu_millicores,
    };
    let basis = match def {
        _ if p.measured_mib.is_some() && p.estimated => Basis::Estimated,
        _ if p.measured_mib.is_some() => Basis::Measured,
        Some(d) if !d.assumed => Basis::Sourced { grade: d.grade() },
        _ => Basis::Assumed,
    };
    PlacementReport {
        id: p.id.clone(),
        service: p.service.clone(),
        kind: def.map_or(KindId::Fixed, |d| d.kind),
        replicas: p.replicas.max(1),
        basis,
        per_replica,
        total: Figures {
            expected_mib: per_replica.expected_mib.saturating_mul(n),
            peak_mib: per_replica.peak_mib.saturating_mul(n),
            limit_mib: per_replica.limit_mib.saturating_mul(n),
            cpu_millicores: per_replica.cpu_millicores.saturating_mul(n),
        },
        modelled_expected_mib: f.expected_mib,
        modelled_peak_mib: f.peak_mib,
        limit_is_default: p.limit_mib.is_none(),
        heap_mib: f.heap_mib,
        processes: f.processes,
        tuning,
        load,
    }
}

/// The peak the verdict uses: every placement at its expected use, plus the
/// [`PEAKS_THAT_COINCIDE`] largest excesses of peak over expected.
///
/// ```
/// use stackfit_core::fit::coinciding_peak;
/// // Three placements (expected, peak): the two largest excesses (300, 200) count.
/// assert_eq!(coinciding_peak(&[(100, 400), (100, 300), (100, 150)]), 300 + 300 + 200);
/// ```
pub fn coinciding_peak(placements: &[(Mib, Mib)]) -> Mib {
    let mut excesses: Vec<Mib> = placements
        .iter()
        .map(|(e, p)| p.saturating_sub(*e))
        .collect();
    crate::model::order::sort_by(&mut excesses, |a, b| b.cmp(a));
    let expected: Mib = placements
        .iter()
        .fold(0u64, |acc, (e, _)| acc.saturating_add(*e));
    excesses
        .iter()
        .take(PEAKS_THAT_COINCIDE)
        .fold(expected, |acc, x| acc.saturating_add(*x))
}

pub(crate) fn measure(
    server: &Server,
    r: &Resolved,
    settings: &Settings,
    prices: &cost::Prices,
) -> Measured {
    let host = HostView {
        usable_mib: r.usable_mib,
        vcpu: r.vcpu,
        disk: server.disk,
    };
    let mut placements = Vec::with_capacity(server.placements.len());
    let mut footprints = Vec::with_capacity(server.placements.len());
    for p in &server.placements {
        let (f, pr) = evaluate_placement(p, catalog::service(&p.service), host);
        footprints.push(f);
        placements.push(pr);
    }
    let t = server_totals(&placements, r, server.swap_mib.unwrap_or(0), settings);
    let price = prices.server(server, r.tier);
    let report = ServerReport {
        id: server.id.clone(),
        label: server.label.clone(),
        tier: server.tier.clone(),
        tier_known: r.tier.is_some(),
        provider: r.provider,
        vcpu: r.vcpu,
        capacity_mib: r.capacity_mib,
        usable_mib: r.usable_mib,
        reserve_mib: t.reserve_mib,
        allocatable_mib: t.allocatable_mib,
        expected_mib: t.expected_mib,
        peak_mib: t.peak_mib,
        peak_all_at_once_mib: t.peak_all_at_once_mib,
        limit_mib: t.limit_mib,
        swap_mib: t.swap_mib,
        assumed_mib: t.assumed_mib,
        assumed_pct: percent(t.assumed_mib, t.expected_mib),
        headroom_mib: t.headroom_mib,
        headroom_pct: t.headroom_pct,
        cpu_capacity_millicores: t.cpu_capacity_millicores,
        cpu_expected_millicores: t.cpu_expected_millicores,
        cpu_sustained_millicores: t.cpu_sustained_millicores,
        monthly_fen: price.monthly_fen,
        yearly_fen: price.yearly_fen,
        price_basis: price.basis,
        verdict: t.judged.verdict,
        memory_verdict: t.judged.memory,
        cpu_verdict: t.judged.cpu,
        limited_by: t.judged.limited_by,
        placements,
        port_clashes: Vec::new(),
        findings: Vec::new(),
    };
    Measured { report, footprints }
}

/// A server's totals and verdict from its placements' reports: the sums,
/// the reserve for its containers, the coinciding peak, headroom, memory's
/// verdict (swap absorbing a short peak), CPU, and the two judged together.
/// The one rule: [`measure`] uses it for every evaluation, and the layout
/// search (`crate::search`) for every candidate server.
pub(crate) struct ServerTotals {
    pub reserve_mib: Mib,
    pub allocatable_mib: Mib,
    pub expected_mib: Mib,
    pub peak_mib: Mib,
    pub peak_all_at_once_mib: Mib,
    pub limit_mib: Mib,
    pub swap_mib: Mib,
    pub assumed_mib: Mib,
    pub headroom_mib: i64,
    pub headroom_pct: i64,
    pub cpu_capacity_millicores: Millicores,
    pub cpu_expected_millicores: Millicores,
    pub cpu_sustained_millicores: Option<Millicores>,
    pub judged: limiting::Judged,
}

pub(crate) fn server_totals<P: std::borrow::Borrow<PlacementReport>>(
    placements: &[P],
    r: &Resolved,
    swap: Mib,
    settings: &Settings,
) -> ServerTotals {
    let sum = |get: fn(&PlacementReport) -> Mib| {
        placements
            .iter()
            .fold(0u64, |acc, p| acc.saturating_add(get(p.borrow())))
    };
    let expected = sum(|p| p.total.expected_mib);
    let peak_all = sum(|p| p.total.peak_mib);
    let limit = sum(|p| p.total.limit_mib);
    let cpu = sum(|p| p.total.cpu_millicores);
    let assumed = sum(|p| {
        if p.basis.is_assumed() {
            p.total.expected_mib
        } else {
            0
        }
    });
    let containers = sum(|p| u64::from(p.replicas));
    let pairs: Vec<(Mib, Mib)> = placements
        .iter()
        .map(|p| (p.borrow().total.expected_mib, p.borrow().total.peak_mib))
        .collect();
    let peak = coinciding_peak(&pairs);
    let reserve = settings.reserve.reserve_mib(containers);
    let allocatable = r.usable_mib.saturating_sub(reserve);
    let as_i64 = |m: Mib| i64::try_from(m).unwrap_or(i64::MAX);
    let headroom = as_i64(allocatable).saturating_sub(as_i64(peak));
    let headroom_pct = if allocatable > 0 {
        i64::try_from(i128::from(headroom) * 100 / i128::from(as_i64(allocatable)))
            .unwrap_or(i64::MIN)
    } else {
        -100
    };
    // A server whose usable memory is below its reserve cannot run even the
    // OS and Docker: it does not fit, with or without containers.
    let memory_verdict = if r.usable_mib < reserve {
        Verdict::DoesNotFit
    } else if expected <= allocatable
        && peak > allocatable
        && peak <= allocatable.saturating_add(swap)
    {
        // Swap absorbs a short peak: slow, not killed.
        Verdict::Tight
    } else {
        Verdict::from_totals(allocatable, expected, peak, settings.headroom_target_pct)
    };
    let cpu_capacity = Millicores::from(r.vcpu).saturating_mul(1000);
    let sustained = r.tier.and_then(|t| t.sustained_millicores());
    let judged = limiting::judge(
        memory_verdict,
        peak,
        allocatable,
        cpu,
        cpu_capacity,
        sustained,
    );
    ServerTotals {
        reserve_mib: reserve,
        allocatable_mib: allocatable,
        expected_mib: expected,
        peak_mib: peak,
        peak_all_at_once_mib: peak_all,
        limit_mib: limit,
        swap_mib: swap,
        assumed_mib: assumed,
        headroom_mib: headroom,
        headroom_pct,
        cpu_capacity_millicores: cpu_capacity,
        cpu_expected_millicores: cpu,
        cpu_sustained_millicores: sustained,
        judged,
    }
}

/// `part` as a whole percent of `whole`, rounded down (0 when whole is 0).
pub(crate) fn percent(part: Mib, whole: Mib) -> u32 {
    if whole == 0 {
        0
    } else {
        u32::try_from(u128::from(part) * 100 / u128::from(whole)).unwrap_or(100)
    }
}

/// Evaluates every option of a plan. Never fails: problems become findings.
///
/// ```
/// use stackfit_core::fit::{evaluate, Verdict};
/// let plan = stackfit_core::templates::get("s0-finrep").unwrap();
/// let report = evaluate(&plan);
/// let lean = report.option("lean-2c4g").unwrap();
/// assert_eq!(lean.verdict, Verdict::Fits);
/// assert_eq!(report.option("tiny-2c2g").unwrap().verdict, Verdict::DoesNotFit);
/// ```
pub fn evaluate(plan: &Plan) -> Report {
    evaluate_with(plan, &PriceBook::default())
}

/// Evaluates a plan as a reader whose price book is `book` sees it: their
/// quotes price the tiers first (see `cost`).
///
/// ```
/// use stackfit_core::fit::evaluate_with;
/// use stackfit_core::model::price::{Billing, PriceBook, Quote, QuoteFrom};
/// let plan = stackfit_core::templates::get("s3").unwrap();
/// let mut book = PriceBook::default();
/// book.set(Quote { tier: "aliyun-ecs-c7-large".into(), monthly_fen: 18_000, yearly_fen: Some(183_600),
///     billing: Billing::YearlyPrepaid, date: "2026-11-30".into(), note: String::new(), from: QuoteFrom::Mine });
/// let now = evaluate_with(&plan, &book);
/// assert_eq!(now.option("now").unwrap().monthly_fen, Some(18_000));
/// assert_eq!(now.option("now").unwrap().yearly_fen, Some(183_600));
/// ```
pub fn evaluate_with(plan: &Plan, book: &PriceBook) -> Report {
    let prices = cost::Prices::of(plan, book);
    let mut options: Vec<OptionReport> = plan
        .options
        .iter()
        .map(|o| evaluate_option(o, &plan.settings, &prices))
        .collect();
    // The baseline the others are compared with: the plan's pick if it
    // still names an option, else the first.
    let baseline = plan
        .settings
        .baseline_option
        .as_deref()
        .and_then(|id| options.iter().find(|o| o.id == id))
        .or(options.first())
        .map(|o| (o.id.clone(), o.monthly_fen));
    for o in &mut options {
        o.monthly_delta_fen = baseline
            .as_ref()
            .and_then(|(_, base)| cost::delta_fen(*base, o.monthly_fen));
    }
    let recommended_option = recommend_option(&options).option;
    Report {
        headroom_target_pct: plan.settings.headroom_target_pct,
        usd_cny_rate_milli: prices.usd_cny_rate_milli,
        baseline_option: baseline.map(|(id, _)| id),
        options,
        recommended_option,
    }
}

/// Evaluates one option at its own load ([`PlanOption::load`]): the knobs
/// are scaled once, here, by [`scale::scale_option`], so every
/// figure and finding of the report reads the same numbers.
fn evaluate_option(
    as_set: &PlanOption,
    settings: &Settings,
    prices: &cost::Prices,
) -> OptionReport {
    // At ×1 the option is evaluated as it is, without a copy (this runs on
    // every edit, for every option).
    let scaled;
    let option = if as_set.load == crate::model::multiplier::LOAD_ONE {
        as_set
    } else {
        scaled = scale::scale_option(as_set, as_set.load);
        &scaled
    };
    let resolved: Vec<Resolved> = option.servers.iter().map(|s| resolve(s, None)).collect();
    let mut measured: Vec<Measured> = option
        .servers
        .iter()
        .zip(&resolved)
        .map(|(s, r)| measure(s, r, settings, prices))
        .collect();
    rules::apply_rules(option, &resolved, &mut measured, settings, prices);
    if option.load != crate::model::multiplier::LOAD_ONE {
        for m in &mut measured {
            for f in &mut m.report.findings {
                keep_fixes_that_hold_at_any_load(f);
            }
        }
    }
    let servers: Vec<ServerReport> = measured.into_iter().map(|m| m.report).collect();
    let verdict = servers
        .iter()
        .map(|s| s.verdict)
        .max()
        .unwrap_or(Verdict::Fits);
    let totals = cost::option_totals(option, &servers);
    let (assumed, expected) = servers.iter().fold((0u64, 0u64), |(a, e), s| {
        (
            a.saturating_add(s.assumed_mib),
            e.saturating_add(s.expected_mib),
        )
    });
    let mut findings = Vec::new();
    if servers.is_empty() {
        findings.push(Finding::new(FindingKind::NoServers, Severity::Info, ""));
    }
    let (limited_by, headroom_pct) = limiting::option_limits(&servers);
    let derivations: Vec<(&str, u32, &load::LoadDerivation)> = servers
        .iter()
        .flat_map(|s| &s.placements)
        .filter_map(|p| p.load.as_ref().map(|d| (p.id.as_str(), p.replicas, d)))
        .collect();
    let task_load = load::summarise(&derivations);
    OptionReport {
        id: option.id.clone(),
        name: option.name.clone(),
        load: option.load,
        reference: option.reference,
        verdict,
        monthly_fen: totals.monthly_fen,
        yearly_fen: totals.yearly_fen,
        assumed_pct: percent(assumed, expected),
        unpriced_servers: totals.unpriced_servers,
        quote: option.quoted_monthly.as_ref().map(|q| OptionQuote {
            monthly_fen: q.monthly_fen,
            note: q.note.clone(),
        }),
        monthly_delta_fen: None,
        limited_by,
        headroom_pct,
        task_load,
        servers,
        findings,
    }
}

/// Off ×1 a finding keeps its words and numbers (they are about the option
/// at that load) but only the fixes that do not write a figure computed on
/// the scaled knobs: a knob, limit or measurement worked out at ×2 would be
/// applied on top of the ×2 and count the load twice. A change of tier, a
/// move, a new server or a published port sizes nothing, so it holds at
/// any load.
fn keep_fixes_that_hold_at_any_load(f: &mut Finding) {
    fn holds(a: &crate::model::Action) -> bool {
        use crate::model::Action;
        match a {
            Action::SetTier { .. }
            | Action::MovePlacement { .. }
            | Action::AddServer { .. }
            | Action::SetPorts { .. }
            | Action::SetPublic { .. } => true,
            Action::Batch { actions } => actions.iter().all(holds),
            _ => false,
        }
    }
    if f.fix.as_ref().is_some_and(|x| !holds(&x.action)) {
        f.fix = None;
    }
    f.alternatives.retain(|x| holds(&x.action));
    if f.fix.is_none() && !f.alternatives.is_empty() {
        f.fix = Some(f.alternatives.remove(0));
    }
}
