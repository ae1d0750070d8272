//! Recommendation: the smallest tier of the same provider and region on
//! which a server fits with the headroom target, with the monthly delta when
//! the two prices are on the same basis. It is the fix
//! offered for "does not fit", "OOM risk" and CPU beyond the vCPUs; "fits"
//! counts CPU as well as memory (see `limiting`).

use serde::Serialize;

use super::{measure, resolve, Resolved, Verdict};
use crate::catalog;
use crate::model::units::{Fen, Mib};
use crate::model::{Plan, PriceStatus, Server, Settings, TierDef};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Recommendation {
    pub tier: &'static str,
    pub tier_name: &'static str,
    pub vcpu: u32,
    pub memory_mib: Mib,
    pub allocatable_mib: Mib,
    pub verdict: Verdict,
    /// The tier's catalog price in fen; None when unknown.
    pub monthly_fen: Option<Fen>,
    /// Against the server's current price; None when either is unknown or
    /// when the two are not on the same basis (a quote against a catalog
    /// price): such a difference would look exact and is not.
    pub monthly_delta_fen: Option<Fen>,
    /// How far the candidate's price can be trusted against the current one.
    pub price_comparison: PriceComparison,
}

/// How a recommendation's price compares with the server's current price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PriceComparison {
    /// Both are catalog list prices: the delta is exact.
    Listed,
    /// Both come from the catalog, at least one is an estimate.
    Estimated,
    /// The current price is the plan's quote and the candidate's is the
    /// catalog's (different bases), or one of them is unknown: no delta.
    Unknown,
}

/// The recommended tier for server `server` of option `option`, if any tier
/// of its provider (and of its region, when the current tier is in the
/// catalog) makes it fit with the plan's headroom target.
///
/// Among fitting tiers with at least the current vCPUs and more memory, the
/// smallest wins: least memory, then fewest vCPUs, then the current family
/// and the current kind (burstable or not); a known catalog price only breaks
/// the remaining ties. A price is never compared across bases: against a
/// quoted current price, or with an unknown one, the delta is unknown.
///
/// ```
/// let plan = stackfit_core::templates::get("s0-finrep").unwrap();
/// let r = stackfit_core::fit::recommend(&plan, "tiny-2c2g", "a").unwrap();
/// assert!(r.memory_mib >= 4096);
/// ```
pub fn recommend(plan: &Plan, option: &str, server: &str) -> Option<Recommendation> {
    let o = plan.option(option)?;
    let s = o.server(server)?;
    let rate = plan
        .settings
        .usd_cny_rate_milli
        .unwrap_or(catalog::USD_CNY_RATE_MILLI);
    let current = resolve(s, None);
    let current_monthly = measure(s, &current, &plan.settings, rate)
        .report
        .monthly_fen;
    recommend_server(s, &current, current_monthly, &plan.settings, rate)
}

fn is_estimate(t: &TierDef) -> bool {
    matches!(t.price, PriceStatus::Estimated { .. })
}

pub(crate) fn recommend_server(
    server: &Server,
    current: &Resolved,
    current_monthly: Option<Fen>,
    settings: &Settings,
    rate: i64,
) -> Option<Recommendation> {
    let provider = current.provider?;
    // The user's usable-memory override describes the current machine only.
    let mut probe = server.clone();
    probe.usable_mib = None;
    let (family, burstable, region) = current.tier.map_or(("", false, None), |t| {
        (t.family, t.burstable_baseline_pct.is_some(), Some(t.region))
    });
    // Size first; then the current family and kind; a known price last.
    let key = |t: &TierDef| {
        (
            t.memory_mib,
            t.vcpu,
            t.family != family,
            (t.burstable_baseline_pct.is_some() != burstable),
            t.monthly_fen(rate).is_none(),
            t.monthly_fen(rate).unwrap_or(0),
        )
    };
    let mut best: Option<(&'static TierDef, Mib, Verdict)> = None;
    for t in catalog::tiers() {
        // Bigger in memory or in vCPUs (a CPU-bound server may need only
        // more cores), and smaller in neither.
        if t.provider != provider
            || region.is_some_and(|r| t.region != r)
            || t.vcpu < current.vcpu
            || t.memory_mib < current.capacity_mib
            || (t.memory_mib == current.capacity_mib && t.vcpu == current.vcpu)
        {
            continue;
        }
        if best.is_some_and(|(b, _, _)| key(t) >= key(b)) {
            continue;
        }
        let r = resolve(&probe, Some(t));
        let m = measure(&probe, &r, settings, rate).report;
        if m.verdict != Verdict::Fits {
            continue;
        }
        best = Some((t, m.allocatable_mib, m.verdict));
    }
    let (t, allocatable, verdict) = best?;
    let price = t.monthly_fen(rate);
    // The current price is comparable only when it is the catalog's own.
    let current_catalog = server.price.is_none() && current.tier.is_some();
    let comparison = match (price, current_monthly) {
        (Some(_), Some(_)) if current_catalog => {
            if is_estimate(t) || current.tier.is_some_and(is_estimate) {
                PriceComparison::Estimated
            } else {
                PriceComparison::Listed
            }
        }
        _ => PriceComparison::Unknown,
    };
    Some(Recommendation {
        tier: t.id,
        tier_name: t.name,
        vcpu: t.vcpu,
        memory_mib: t.memory_mib,
        allocatable_mib: allocatable,
        verdict,
        monthly_fen: price,
        monthly_delta_fen: match (comparison, price, current_monthly) {
            (PriceComparison::Unknown, _, _) => None,
            (_, Some(p), Some(c)) => Some(p.saturating_sub(c)),
            _ => None,
        },
        price_comparison: comparison,
    })
}
