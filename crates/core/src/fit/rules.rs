//! The rules that turn an evaluated option into findings: verdict findings
//! with upgrade fixes, CPU, burstable tiers, tier label vs spec, prices; the
//! per-placement rules live in `rules_placement`, the option-wide ones
//! (connection budget, cross-server dependencies, moves) in `rules_option`.

use std::collections::HashMap;

use super::recommend::{recommend_server, PriceComparison};
use super::rules_placement::PlacementInput;
use super::{rules_option, rules_placement, Measured, Resolved, Verdict};
use crate::catalog;
use crate::cost;
use crate::findings::{Finding, FindingKind as K, Fix, Lang, Severity};
use crate::model::tier::parse_size_claim;
use crate::model::units::{format_mib, Mib};
use crate::model::{Action, Placement, PlanOption, Server, ServiceDef, Settings};
use crate::report::PriceBasis;

/// A server's estimate is called mostly assumed from this share up.
pub const ASSUMED_WARNING_PCT: u32 = 30;

pub(crate) fn apply_rules(
    option: &PlanOption,
    resolved: &[Resolved],
    measured: &mut [Measured],
    settings: &Settings,
    prices: &cost::Prices,
) {
    let dependents = dependents(option);
    for (si, server) in option.servers.iter().enumerate() {
        let mut out = Vec::new();
        server_rules(
            option,
            server,
            &resolved[si],
            &measured[si],
            &dependents,
            settings,
            prices,
            &mut out,
        );
        measured[si].report.findings = out;
    }
    let idx = rules_option::index(option);
    rules_option::connection_budget(option, &idx, measured);
    rules_option::cross_server(option, &idx, measured);
    rules_option::port_clashes(option, measured);
    rules_option::move_fixes(option, measured, settings);
}

fn size_text(vcpu: u32, mib: Mib) -> String {
    if mib.is_multiple_of(1024) {
        format!("{vcpu}C{}G", mib / 1024)
    } else {
        format!("{vcpu}C{:.1}G", mib as f64 / 1024.0)
    }
}

#[allow(clippy::too_many_arguments)]
fn server_rules(
    option: &PlanOption,
    server: &Server,
    r: &Resolved,
    m: &Measured,
    dependents: &Dependents,
    settings: &Settings,
    prices: &cost::Prices,
    out: &mut Vec<Finding>,
) {
    let rep = &m.report;
    let sid = server.id.as_str();
    if r.tier.is_none() && server.spec.is_none() {
        out.push(
            Finding::new(K::UnknownTier, Severity::Critical, sid).subject(server.tier.clone()),
        );
    }
    if let (Some(t), Some((vcpu, mib))) = (r.tier, parse_size_claim(&server.label)) {
        if vcpu != t.vcpu || mib != t.memory_mib {
            out.push(
                Finding::new(K::TierSpecMismatch, Severity::Warning, sid)
                    .subject(size_text(vcpu, mib))
                    .subject(format!("{} ({})", size_text(t.vcpu, t.memory_mib), t.name))
                    .n("claimed_vcpu", vcpu)
                    .n("claimed_mib", mib)
                    .n("vcpu", t.vcpu)
                    .n("memory_mib", t.memory_mib),
            );
        }
    }

    let upgrade = || -> Option<Fix> {
        let rec = recommend_server(server, r, rep, settings, prices)?;
        let action = Action::SetTier {
            option: option.id.clone(),
            server: sid.to_string(),
            tier: rec.tier.to_string(),
        };
        // The candidate's price in the words the tier picker uses, then why
        // no difference is given when it cannot be compared.
        let tier = catalog::tier(rec.tier);
        let price = |lang| tier.map(|t| cost::tier_price_words(t, prices, lang));
        let (price_en, price_zh) = (
            price(Lang::En).unwrap_or_default(),
            price(Lang::Zh).unwrap_or_default(),
        );
        let (note_en, note_zh) = match (rec.price_comparison, rec.monthly_fen, &rep.price_basis) {
            (PriceComparison::Unknown, None, _) => (
                format!(" — {price_en}: enter your quote"),
                format!("——{price_zh}，请填写报价"),
            ),
            (PriceComparison::Unknown, Some(_), PriceBasis::Catalog { .. }) => (
                format!(" — {price_en}, not comparable with the current tier's catalog price"),
                format!("——{price_zh}，与当前规格的目录价不可比"),
            ),
            (PriceComparison::Unknown, Some(_), PriceBasis::Unknown) => (
                format!(" — {price_en}; the current price is unknown"),
                format!("——{price_zh}；当前价格未知"),
            ),
            (PriceComparison::Unknown, Some(_), _) => (
                format!(
                    " — {price_en}, not comparable with your quoted price: enter your quote for it"
                ),
                format!("——{price_zh}，与你填写的报价不可比，请填写该规格的报价"),
            ),
            _ => (format!(" — {price_en}"), format!("——{price_zh}")),
        };
        let mut fix = Fix::new(
            action,
            format!(
                "Upgrade to {} ({} vCPU / {}){note_en}",
                rec.tier_name,
                rec.vcpu,
                format_mib(rec.memory_mib)
            ),
            format!(
                "升级到 {}（{} vCPU / {}）{note_zh}",
                rec.tier_name,
                rec.vcpu,
                format_mib(rec.memory_mib)
            ),
        );
        fix.monthly_delta_fen = rec.monthly_delta_fen;
        Some(fix)
    };

    let mut by_expected: Vec<_> = rep.placements.iter().collect();
    crate::model::order::sort_by_key(&mut by_expected, |p| {
        std::cmp::Reverse(p.total.expected_mib)
    });
    // Memory's own verdict: CPU has its findings below.
    match rep.memory_verdict {
        Verdict::DoesNotFit => {
            let mut f = Finding::new(K::DoesNotFit, Severity::Critical, sid)
                .n("expected_mib", rep.expected_mib)
                .n("allocatable_mib", rep.allocatable_mib)
                // Against usable − reserve, so an empty server whose usable
                // memory is below its reserve still shows what is missing.
                .n(
                    "shortfall_mib",
                    (rep.expected_mib.saturating_add(rep.reserve_mib))
                        .saturating_sub(rep.usable_mib),
                )
                .n("usable_mib", rep.usable_mib)
                .n("reserve_mib", rep.reserve_mib);
            for p in by_expected.iter().take(3) {
                f = f.subject(format!("{} {}", p.id, format_mib(p.total.expected_mib)));
            }
            out.push(f.fix(upgrade()));
        }
        Verdict::OomRisk => {
            let mut by_transient: Vec<_> = rep
                .placements
                .iter()
                .filter(|p| p.total.peak_mib > p.total.expected_mib)
                .collect();
            crate::model::order::sort_by_key(&mut by_transient, |p| {
                std::cmp::Reverse(p.total.peak_mib - p.total.expected_mib)
            });
            let mut f = Finding::new(K::PeakOomRisk, Severity::Critical, sid)
                .n("expected_mib", rep.expected_mib)
                .n("peak_mib", rep.peak_mib)
                .n("allocatable_mib", rep.allocatable_mib)
                .n("over_mib", rep.peak_mib.saturating_sub(rep.allocatable_mib));
            for p in by_transient.iter().take(3) {
                f = f.subject(format!(
                    "{} +{}",
                    p.id,
                    format_mib(p.total.peak_mib - p.total.expected_mib)
                ));
            }
            out.push(f.fix(upgrade()));
        }
        Verdict::Tight => out.push(
            Finding::new(K::LowHeadroom, Severity::Warning, sid)
                .n("headroom_mib", rep.headroom_mib)
                .n("headroom_pct", rep.headroom_pct)
                .n("target_pct", settings.headroom_target_pct)
                .n("allocatable_mib", rep.allocatable_mib)
                .fix(upgrade()),
        ),
        Verdict::Fits => {}
    }
    if rep.swap_mib > 0 && rep.expected_mib > rep.allocatable_mib {
        let swapped = rep.expected_mib - rep.allocatable_mib;
        if swapped <= rep.swap_mib {
            out.push(
                Finding::new(K::TypicalNeedsSwap, Severity::Critical, sid)
                    .n("expected_mib", rep.expected_mib)
                    .n("allocatable_mib", rep.allocatable_mib)
                    .n("swapped_mib", swapped)
                    .n("swap_mib", rep.swap_mib),
            );
        }
    } else if rep.swap_mib > 0 && rep.peak_mib > rep.allocatable_mib {
        let over = rep.peak_mib - rep.allocatable_mib;
        if over <= rep.swap_mib {
            out.push(
                Finding::new(K::PeakUsesSwap, Severity::Warning, sid)
                    .n("peak_mib", rep.peak_mib)
                    .n("allocatable_mib", rep.allocatable_mib)
                    .n("over_mib", over)
                    .n("swap_mib", rep.swap_mib),
            );
        }
    }
    if rep.limit_mib > rep.allocatable_mib {
        out.push(
            Finding::new(K::LimitsOvercommitted, Severity::Warning, sid)
                .n("limits_mib", rep.limit_mib)
                .n("allocatable_mib", rep.allocatable_mib)
                .n(
                    "over_mib",
                    rep.limit_mib.saturating_sub(rep.allocatable_mib),
                ),
        );
    }
    if rep.cpu_capacity_millicores > 0 && rep.cpu_expected_millicores > rep.cpu_capacity_millicores
    {
        out.push(
            // It decides the verdict (see `limiting`), so it is critical and
            // offers the upgrade that fits in CPU as well as memory.
            Finding::new(K::CpuOversubscribed, Severity::Critical, sid)
                .n("cpu_millicores", rep.cpu_expected_millicores)
                .n("vcpu", rep.vcpu)
                .fix(upgrade()),
        );
    }
    if let Some(baseline) = r.tier.and_then(|t| t.sustained_millicores()) {
        if rep.cpu_expected_millicores > baseline {
            out.push(
                Finding::new(K::BurstableSustained, Severity::Warning, sid)
                    .n("cpu_millicores", rep.cpu_expected_millicores)
                    .n("baseline_millicores", baseline)
                    .fix(upgrade()),
            );
        }
    }
    if rep.monthly_fen.is_none() {
        out.push(Finding::new(K::PriceUnknown, Severity::Info, sid).subject(server.tier.clone()));
    }
    assumed_rule(rep, settings, out);
    for (i, p) in server.placements.iter().enumerate() {
        if let Some(def) = catalog::service(&p.service) {
            let input = PlacementInput {
                def,
                placement: p,
                footprint: &m.footprints[i],
                report: &rep.placements[i],
                dependents: dependents.get(p.id.as_str()).map_or(&[], Vec::as_slice),
            };
            rules_placement::placement_rules(option, server, r, &input, out);
        }
    }
}

/// The placements of an option that depend on each id, with their
/// services, in the option's order (each once, however often it names
/// the id). Built once per evaluation: a scan of the option for each
/// placement made the rules quadratic in the plan's size.
type Dependents<'a> = HashMap<&'a str, Vec<(&'a Placement, &'static ServiceDef)>>;

fn dependents(option: &PlanOption) -> Dependents<'_> {
    let mut by: Dependents = HashMap::new();
    for q in option.servers.iter().flat_map(|s| &s.placements) {
        let Some(def) = catalog::service(&q.service) else {
            continue;
        };
        for d in &q.depends_on {
            let list = by.entry(d.as_str()).or_default();
            if !list.last().is_some_and(|(x, _)| std::ptr::eq(*x, q)) {
                list.push((q, def));
            }
        }
    }
    by
}

/// When much of a server's estimate rests on assumed figures, say which
/// placements to measure.
fn assumed_rule(rep: &crate::report::ServerReport, _settings: &Settings, out: &mut Vec<Finding>) {
    if rep.assumed_pct < ASSUMED_WARNING_PCT || rep.assumed_mib == 0 {
        return;
    }
    let mut f = Finding::new(K::MostlyAssumed, Severity::Warning, &rep.id)
        .n("assumed_pct", rep.assumed_pct)
        .n("assumed_mib", rep.assumed_mib)
        .n("expected_mib", rep.expected_mib);
    for p in rep.placements.iter().filter(|p| p.basis.is_assumed()) {
        f = f.subject(p.id.clone());
    }
    out.push(f);
}
