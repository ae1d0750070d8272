//! Recommendation: the cheapest tier of the same provider on which a server
//! fits with the headroom target, with the monthly delta. It is the fix
//! offered for "does not fit" and "OOM risk".

use serde::Serialize;

use super::{measure, resolve, Resolved, Verdict};
use crate::catalog;
use crate::model::units::{Fen, Mib};
use crate::model::{Plan, Server, Settings, TierDef};

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
    /// Against the server's current price; None when either is unknown.
    pub monthly_delta_fen: Option<Fen>,
}

/// The recommended tier for server `server` of option `option`, if any tier
/// of its provider makes it fit with the plan's headroom target.
///
/// Among fitting tiers with at least the current vCPUs and more memory, the
/// cheapest known price wins; when the provider's prices are unknown (Alibaba
/// ECS subscriptions could not be sourced) the smallest tier wins and the
/// delta is unknown.
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
    // Ties go to the current family, and to fixed-performance tiers unless
    // the server already is burstable.
    let (family, burstable) = current.tier.map_or(("", false), |t| {
        (t.family, t.burstable_baseline_pct.is_some())
    });
    let key = |t: &TierDef| {
        (
            t.memory_mib,
            t.vcpu,
            (t.burstable_baseline_pct.is_some() != burstable),
            t.family != family,
        )
    };
    let mut best: Option<(&'static TierDef, Mib, Verdict, Option<Fen>)> = None;
    for t in catalog::tiers() {
        if t.provider != provider || t.vcpu < current.vcpu || t.memory_mib <= current.capacity_mib {
            continue;
        }
        let r = resolve(&probe, Some(t));
        let m = measure(&probe, &r, settings, rate).report;
        if m.verdict != Verdict::Fits {
            continue;
        }
        let price = t.monthly_fen(rate);
        let better = match &best {
            None => true,
            Some((b, _, _, bp)) => match (price, bp) {
                (Some(p), Some(q)) => p < *q || (p == *q && key(t) < key(b)),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => key(t) < key(b),
            },
        };
        if better {
            best = Some((t, m.allocatable_mib, m.verdict, price));
        }
    }
    let (t, allocatable, verdict, price) = best?;
    Some(Recommendation {
        tier: t.id,
        tier_name: t.name,
        vcpu: t.vcpu,
        memory_mib: t.memory_mib,
        allocatable_mib: allocatable,
        verdict,
        monthly_fen: price,
        monthly_delta_fen: match (price, current_monthly) {
            (Some(p), Some(c)) => Some(p - c),
            _ => None,
        },
    })
}
