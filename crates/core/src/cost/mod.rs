//! Cost: a server's monthly price (the plan's override, else the catalog's
//! price converted to fen at the plan's dated rate), option totals, yearly
//! figures and deltas. An unknown price is never counted as ¥0.

mod words;

pub use words::tier_price_words;

use crate::model::units::Fen;
use crate::model::{PlanOption, Server, TierDef};
use crate::report::{PriceBasis, ServerReport};

/// Months in a year of subscription. Annual-prepay discounts are not modelled:
/// a yearly figure is twelve monthly ones.
pub const MONTHS_PER_YEAR: i64 = 12;

/// A server's monthly price in fen and where it comes from.
///
/// ```
/// use stackfit_core::cost::server_monthly;
/// use stackfit_core::model::Server;
/// let quoted = Server::new("a", "2C4G", "aliyun-ecs-c7-large").price(15_000, "report quote");
/// assert_eq!(server_monthly(&quoted, None, 7000).0, Some(15_000));
/// ```
pub fn server_monthly(
    server: &Server,
    tier: Option<&TierDef>,
    usd_cny_rate_milli: i64,
) -> (Option<Fen>, PriceBasis) {
    if let Some(p) = &server.price {
        return (
            Some(p.monthly_fen),
            PriceBasis::Override {
                note: p.note.clone(),
            },
        );
    }
    match tier.and_then(|t| t.monthly_fen(usd_cny_rate_milli)) {
        Some(f) => (Some(f), PriceBasis::Catalog),
        None => (None, PriceBasis::Unknown),
    }
}

pub fn yearly_fen(monthly_fen: Fen) -> Fen {
    monthly_fen.saturating_mul(MONTHS_PER_YEAR)
}

/// An option's monthly total and the servers it could not price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionTotals {
    /// The quoted total if the option has one; else the sum of server prices
    /// when every server has one; else `None`.
    pub monthly_fen: Option<Fen>,
    pub unpriced_servers: Vec<String>,
}

pub fn option_totals(option: &PlanOption, servers: &[ServerReport]) -> OptionTotals {
    let unpriced_servers: Vec<String> = servers
        .iter()
        .filter(|s| s.monthly_fen.is_none())
        .map(|s| s.id.clone())
        .collect();
    let monthly_fen = match &option.quoted_monthly {
        Some(q) => Some(q.monthly_fen),
        None if unpriced_servers.is_empty() => Some(
            servers
                .iter()
                .filter_map(|s| s.monthly_fen)
                .fold(0, Fen::saturating_add),
        ),
        None => None,
    };
    OptionTotals {
        monthly_fen,
        unpriced_servers,
    }
}

/// The monthly difference `to − from`, when both are known.
pub fn delta_fen(from: Option<Fen>, to: Option<Fen>) -> Option<Fen> {
    Some(to?.saturating_sub(from?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_prices_stay_unknown() {
        assert_eq!(delta_fen(None, Some(100)), None);
        assert_eq!(delta_fen(Some(100), Some(250)), Some(150));
        let s = Server::new("a", "custom", "no-such-tier");
        assert_eq!(server_monthly(&s, None, 7000), (None, PriceBasis::Unknown));
    }

    #[test]
    fn usd_tiers_convert_at_the_plan_rate() {
        let t = crate::catalog::tier("aws-t3-medium").expect("aws-t3-medium in catalog");
        let usd = t.price.price().unwrap().minor_per_month;
        let s = Server::new("a", "t3", t.id);
        let (fen, basis) = server_monthly(&s, Some(t), 7000);
        assert_eq!(basis, PriceBasis::Catalog);
        assert_eq!(fen, Some((usd * 7000 + 500) / 1000));
        assert_eq!(yearly_fen(fen.unwrap()), fen.unwrap() * 12);
    }
}
