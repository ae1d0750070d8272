//! The tiers a search may use: which providers, which tiers of each, and
//! what each costs (quotes, the plan's own prices, the catalog).

use super::space::{BinType, Cost};
use super::Constraints;
use crate::catalog;
use crate::cost::Prices;
use crate::fit;
use crate::model::units::Fen;
use crate::model::{DiskType, Plan, PlanOption, PriceOverride, Provider, Server, TierDef};

/// The providers a search draws tiers from.
pub(super) fn providers_for(option: &PlanOption, c: &Constraints) -> Vec<Provider> {
    if !c.providers.is_empty() {
        let mut v = c.providers.clone();
        v.sort();
        v.dedup();
        return v;
    }
    let mut v: Vec<Provider> = option
        .servers
        .iter()
        .filter_map(|s| catalog::tier(&s.tier).map(|t| t.provider))
        .collect();
    v.sort();
    v.dedup();
    if v.is_empty() {
        Provider::ALL.to_vec()
    } else {
        v
    }
}

/// The tiers of `provider` the constraints allow, priced, cheapest first.
pub(super) fn tier_bins(
    plan: &Plan,
    prices: &Prices,
    provider: Provider,
    c: &Constraints,
) -> Vec<BinType> {
    let mut bins: Vec<BinType> = catalog::tiers()
        .iter()
        .filter(|t| t.provider == provider)
        .filter(|t| {
            c.families.is_empty() || c.families.iter().any(|f| f.eq_ignore_ascii_case(t.family))
        })
        .filter_map(|t| {
            let (monthly, price_override) = price_of(plan, prices, t, c);
            if monthly.is_none() && !c.allow_unknown_prices {
                return None;
            }
            let server = Server::new("x", "", t.id);
            Some(BinType {
                tier: Some(t),
                tier_id: t.id.to_string(),
                resolved: fit::resolve(&server, Some(t)),
                disk: DiskType::Ssd,
                swap: 0,
                cost: match monthly {
                    Some(fen) => Cost {
                        fen,
                        ..Cost::default()
                    },
                    None => Cost {
                        unknown: 1,
                        unknown_mib: t.memory_mib,
                        unknown_vcpu: u64::from(t.vcpu),
                        ..Cost::default()
                    },
                },
                monthly_fen: monthly,
                price_override,
                fixed: None,
                server_id: String::new(),
            })
        })
        .collect();
    bins.sort_by(|a, b| {
        (a.cost, a.resolved.usable_mib, a.resolved.vcpu, &a.tier_id).cmp(&(
            b.cost,
            b.resolved.usable_mib,
            b.resolved.vcpu,
            &b.tier_id,
        ))
    });
    bins
}

/// A tier's monthly price for the search: the reader's or the plan's quote,
/// else the plan's own price for a server of that tier (carried onto the new
/// servers), else the catalog; only the catalog with `catalog_prices_only`.
fn price_of(
    plan: &Plan,
    prices: &Prices,
    t: &'static TierDef,
    c: &Constraints,
) -> (Option<Fen>, Option<PriceOverride>) {
    if c.catalog_prices_only {
        return (t.monthly_fen(prices.usd_cny_rate_milli), None);
    }
    if let Some(q) = prices.quote(t.id) {
        return (Some(q.monthly_fen), None);
    }
    let own = plan
        .options
        .iter()
        .flat_map(|o| o.servers.iter())
        .filter(|s| {
            s.tier == t.id
                && s.spec
                    .is_none_or(|sp| sp.vcpu == t.vcpu && sp.memory_mib == t.memory_mib)
        })
        .find_map(|s| s.price.clone());
    if let Some(p) = own {
        return (Some(p.monthly_fen), Some(p));
    }
    (t.monthly_fen(prices.usd_cny_rate_milli), None)
}
