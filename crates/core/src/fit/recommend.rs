//! Recommendation: the smallest tier of the same provider and region on
//! which a server fits with the headroom target, with the monthly delta when
//! the two prices are on the same basis. It is the fix
//! offered for "does not fit", "OOM risk" and CPU beyond the vCPUs; "fits"
//! counts CPU as well as memory (see `limiting`).

use serde::Serialize;

use super::{measure, resolve, Resolved, Verdict};
use crate::catalog;
use crate::cost::{self, Prices};
use crate::model::price::PriceBook;
use crate::model::units::{Fen, Mib};
use crate::model::{Plan, Server, Settings, TierDef};
use crate::report::{PriceBasis, ServerReport};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Recommendation {
    pub tier: &'static str,
    pub tier_name: &'static str,
    pub vcpu: u32,
    pub memory_mib: Mib,
    pub allocatable_mib: Mib,
    pub verdict: Verdict,
    /// The tier's price in fen as the reader's prices give it (their quote,
    /// the sender's, the catalog's); None when unknown.
    pub monthly_fen: Option<Fen>,
    /// Where that price comes from.
    pub price_basis: PriceBasis,
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
    /// Both are quotes someone was given (none a promotion).
    Quoted,
    /// The two are on different bases (a quote against a catalog price, a
    /// promotion), or one of them is unknown: no delta.
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
    // At the option's own load, as its evaluation sees it.
    let o = super::scale::scale_option(plan.option(option)?, plan.option(option)?.load);
    let s = o.server(server)?;
    let book = PriceBook::default();
    let prices = Prices::of(plan, &book);
    let current = resolve(s, None);
    let now = measure(s, &current, &plan.settings, &prices).report;
    recommend_server(s, &current, &now, &plan.settings, &prices)
}

pub(crate) fn recommend_server(
    server: &Server,
    current: &Resolved,
    now: &ServerReport,
    settings: &Settings,
    prices: &Prices,
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
            prices.tier(t.id, Some(t)).monthly_fen.is_none(),
            prices.tier(t.id, Some(t)).monthly_fen.unwrap_or(0),
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
        let m = measure(&probe, &r, settings, prices).report;
        if m.verdict != Verdict::Fits {
            continue;
        }
        best = Some((t, m.allocatable_mib, m.verdict));
    }
    let (t, allocatable, verdict) = best?;
    let candidate = prices.tier(t.id, Some(t));
    let comparison = if !cost::comparable(&now.price_basis, &candidate.basis) {
        PriceComparison::Unknown
    } else {
        match (&now.price_basis, &candidate.basis) {
            (
                PriceBasis::Catalog { estimated: a, .. },
                PriceBasis::Catalog { estimated: b, .. },
            ) => {
                if *a || *b {
                    PriceComparison::Estimated
                } else {
                    PriceComparison::Listed
                }
            }
            _ => PriceComparison::Quoted,
        }
    };
    Some(Recommendation {
        tier: t.id,
        tier_name: t.name,
        vcpu: t.vcpu,
        memory_mib: t.memory_mib,
        allocatable_mib: allocatable,
        verdict,
        monthly_fen: candidate.monthly_fen,
        price_basis: candidate.basis,
        monthly_delta_fen: match comparison {
            PriceComparison::Unknown => None,
            _ => cost::delta_fen(now.monthly_fen, candidate.monthly_fen),
        },
        price_comparison: comparison,
    })
}
