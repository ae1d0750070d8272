//! Cost: what a server costs a month and a year, and where that figure comes
//! from. In order: the plan's own price for that server (a quote the plan
//! records), the reader's price book, the quotes a shared plan carries (the
//! sender's), the catalog's list or estimated price at the plan's dated
//! exchange rate. An unknown price is never counted as ¥0, and a yearly
//! figure is a prepaid quote's own year where there is one.

mod words;

pub use words::{price_basis_words, tier_price_words};

use crate::model::price::{Billing, PriceBook, Quote, QuoteFrom};
use crate::model::units::Fen;
use crate::model::{Plan, PlanOption, PriceStatus, Server, TierDef};
use crate::report::{PriceBasis, ServerReport};

/// Months in a year of subscription: a yearly figure without a prepaid
/// quote is twelve monthly ones.
pub const MONTHS_PER_YEAR: i64 = 12;

/// Where a plan's prices come from: the exchange rate, the reader's price
/// book and the quotes the plan carries.
#[derive(Clone, Copy, Debug)]
pub struct Prices<'a> {
    /// Yuan per US dollar × 1000.
    pub usd_cny_rate_milli: i64,
    pub book: &'a PriceBook,
    pub carried: &'a [Quote],
}

/// A price and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Priced {
    pub monthly_fen: Option<Fen>,
    pub yearly_fen: Option<Fen>,
    pub basis: PriceBasis,
}

impl Priced {
    fn unknown() -> Priced {
        Priced {
            monthly_fen: None,
            yearly_fen: None,
            basis: PriceBasis::Unknown,
        }
    }
}

static NO_BOOK: PriceBook = PriceBook { quotes: Vec::new() };

impl<'a> Prices<'a> {
    /// The catalog's prices only, at `usd_cny_rate_milli`.
    pub fn catalog(usd_cny_rate_milli: i64) -> Prices<'static> {
        Prices {
            usd_cny_rate_milli,
            book: &NO_BOOK,
            carried: &[],
        }
    }

    /// The prices `plan` is read with by someone whose book is `book`.
    pub fn of(plan: &'a Plan, book: &'a PriceBook) -> Prices<'a> {
        Prices {
            usd_cny_rate_milli: plan
                .settings
                .usd_cny_rate_milli
                .unwrap_or(crate::catalog::USD_CNY_RATE_MILLI),
            book,
            carried: &plan.quotes,
        }
    }

    /// The quote for `tier`: the reader's own, else the plan's.
    pub fn quote(&self, tier: &str) -> Option<&'a Quote> {
        self.book
            .quote(tier)
            .or_else(|| self.carried.iter().find(|q| q.tier == tier))
    }

    /// What tier `tier` (of definition `def`, when the catalog has it) costs.
    pub fn tier(&self, tier: &str, def: Option<&TierDef>) -> Priced {
        if let Some(q) = self.quote(tier) {
            return Priced {
                monthly_fen: Some(q.monthly_fen),
                yearly_fen: Some(q.yearly()),
                basis: PriceBasis::Quote {
                    // A quote from the reader's own book is theirs, whatever
                    // it was marked; one the plan carries is the sender's.
                    from: if self.book.quote(tier).is_some() {
                        QuoteFrom::Mine
                    } else {
                        QuoteFrom::Sender
                    },
                    billing: q.billing,
                    date: q.date.clone(),
                    note: q.note.clone(),
                },
            };
        }
        let Some(def) = def else {
            return Priced::unknown();
        };
        let (estimated, date) = match &def.price {
            PriceStatus::Listed { source, .. } => (false, source.date),
            PriceStatus::Estimated { source, .. } => (true, source.date),
            PriceStatus::Unknown => return Priced::unknown(),
        };
        let monthly = def.monthly_fen(self.usd_cny_rate_milli);
        Priced {
            monthly_fen: monthly,
            yearly_fen: monthly.map(yearly_fen),
            basis: PriceBasis::Catalog { estimated, date },
        }
    }

    /// What `server` costs: the plan's own price for it first.
    ///
    /// ```
    /// use stackfit_core::cost::Prices;
    /// use stackfit_core::model::Server;
    /// let quoted = Server::new("a", "2C4G", "aliyun-ecs-c7-large").price(15_000, "report quote");
    /// assert_eq!(Prices::catalog(7000).server(&quoted, None).monthly_fen, Some(15_000));
    /// ```
    pub fn server(&self, server: &Server, def: Option<&TierDef>) -> Priced {
        match &server.price {
            Some(p) => Priced {
                monthly_fen: Some(p.monthly_fen),
                yearly_fen: Some(yearly_fen(p.monthly_fen)),
                basis: PriceBasis::Override {
                    note: p.note.clone(),
                },
            },
            None => self.tier(&server.tier, def),
        }
    }
}

/// The quotes to send with `plan`: for every tier its servers use without a
/// price of their own, the reader's quote, else the one the plan already
/// carries; marked as the sender's. Put them in `plan.quotes` before the
/// plan leaves the browser (link or file).
///
/// ```
/// use stackfit_core::cost::carry;
/// use stackfit_core::model::price::{Billing, PriceBook, Quote, QuoteFrom};
/// let plan = stackfit_core::templates::get("s3").unwrap();
/// let mut book = PriceBook::default();
/// for tier in ["aliyun-ecs-c7-large", "tencent-cvm-s5-medium4"] {
///     book.set(Quote { tier: tier.into(), monthly_fen: 18_000, yearly_fen: None,
///         billing: Billing::Monthly, date: "2026-11-30".into(), note: String::new(), from: QuoteFrom::Mine });
/// }
/// let sent = carry(&plan, &book);
/// // Only the tier the plan uses goes, as the sender's.
/// assert_eq!(sent.len(), 1);
/// assert_eq!((sent[0].tier.as_str(), sent[0].from), ("aliyun-ecs-c7-large", QuoteFrom::Sender));
/// ```
pub fn carry(plan: &Plan, book: &PriceBook) -> Vec<Quote> {
    let prices = Prices::of(plan, book);
    let mut tiers: Vec<&str> = plan
        .options
        .iter()
        .flat_map(|o| &o.servers)
        .filter(|s| s.price.is_none())
        .map(|s| s.tier.as_str())
        .collect();
    crate::model::order::sort(&mut tiers);
    tiers.dedup();
    tiers
        .into_iter()
        .filter_map(|t| prices.quote(t))
        .map(|q| Quote {
            from: QuoteFrom::Sender,
            ..q.clone()
        })
        .collect()
}

/// The plan as it leaves this browser (a share link, a plan file, the
/// report's link): the quotes of `book` it uses ride along as the sender's,
/// so whoever opens it sees the same totals, marked as the sender's prices.
pub fn as_sent(plan: &Plan, book: &PriceBook) -> Plan {
    let mut sent = plan.clone();
    sent.quotes = carry(plan, book);
    sent
}

/// Twelve months.
pub fn yearly_fen(monthly_fen: Fen) -> Fen {
    monthly_fen.saturating_mul(MONTHS_PER_YEAR)
}

/// An option's totals and the servers it could not price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionTotals {
    /// The quoted total if the option has one; else the sum of server prices
    /// when every server has one; else `None`.
    pub monthly_fen: Option<Fen>,
    /// Likewise for a year: prepaid quotes count their own yearly figure.
    pub yearly_fen: Option<Fen>,
    pub unpriced_servers: Vec<String>,
}

pub fn option_totals(option: &PlanOption, servers: &[ServerReport]) -> OptionTotals {
    let unpriced_servers: Vec<String> = servers
        .iter()
        .filter(|s| s.monthly_fen.is_none())
        .map(|s| s.id.clone())
        .collect();
    let sum = |f: fn(&ServerReport) -> Option<Fen>| {
        servers.iter().filter_map(f).fold(0, Fen::saturating_add)
    };
    let (monthly_fen, yearly_fen) = match &option.quoted_monthly {
        Some(q) => (Some(q.monthly_fen), Some(yearly_fen(q.monthly_fen))),
        None if unpriced_servers.is_empty() => {
            (Some(sum(|s| s.monthly_fen)), Some(sum(|s| s.yearly_fen)))
        }
        None => (None, None),
    };
    OptionTotals {
        monthly_fen,
        yearly_fen,
        unpriced_servers,
    }
}

/// The monthly difference `to − from`, when both are known.
pub fn delta_fen(from: Option<Fen>, to: Option<Fen>) -> Option<Fen> {
    Some(to?.saturating_sub(from?))
}

/// Whether two prices can be subtracted: both from the catalog, or both
/// quotes someone was given. A quote against a list price would look exact
/// and is not (discounts, promotions, other billing).
pub fn comparable(a: &PriceBasis, b: &PriceBasis) -> bool {
    // 0: the catalog's; 1: a quote; a promotion or an unknown price
    // compares with nothing.
    let kind = |p: &PriceBasis| match p {
        PriceBasis::Catalog { .. } => Some(0),
        PriceBasis::Override { .. } => Some(1),
        PriceBasis::Quote { billing, .. } if *billing != Billing::Promotion => Some(1),
        PriceBasis::Quote { .. } | PriceBasis::Unknown => None,
    };
    matches!((kind(a), kind(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(tier: &str, monthly: Fen, yearly: Option<Fen>, billing: Billing) -> Quote {
        Quote {
            tier: tier.into(),
            monthly_fen: monthly,
            yearly_fen: yearly,
            billing,
            date: "2026-11-30".into(),
            note: String::new(),
            from: QuoteFrom::Mine,
        }
    }

    #[test]
    fn unknown_prices_stay_unknown() {
        assert_eq!(delta_fen(None, Some(100)), None);
        assert_eq!(delta_fen(Some(100), Some(250)), Some(150));
        let s = Server::new("a", "custom", "no-such-tier");
        assert_eq!(Prices::catalog(7000).server(&s, None), Priced::unknown());
    }

    #[test]
    fn usd_tiers_convert_at_the_plan_rate() {
        let t = crate::catalog::tier("aws-t3-medium").expect("aws-t3-medium in catalog");
        let usd = t.price.price().unwrap().minor_per_month;
        let s = Server::new("a", "t3", t.id);
        let p = Prices::catalog(7000).server(&s, Some(t));
        assert!(matches!(p.basis, PriceBasis::Catalog { .. }));
        assert_eq!(p.monthly_fen, Some((usd * 7000 + 500) / 1000));
    }

    #[test]
    fn my_quote_beats_the_senders_which_beats_the_catalog() {
        let t = crate::catalog::tier("aws-t3-medium").unwrap();
        let s = Server::new("a", "t3", t.id);
        let carried = [quote(t.id, 20_000, None, Billing::Monthly)];
        let empty = PriceBook::default();
        let prices = Prices {
            usd_cny_rate_milli: 7000,
            book: &empty,
            carried: &carried,
        };
        let p = prices.server(&s, Some(t));
        assert_eq!(p.monthly_fen, Some(20_000));
        assert!(matches!(
            p.basis,
            PriceBasis::Quote {
                from: QuoteFrom::Sender,
                ..
            }
        ));
        let mut book = PriceBook::default();
        book.set(quote(t.id, 18_000, Some(183_600), Billing::YearlyPrepaid));
        let prices = Prices {
            book: &book,
            ..prices
        };
        let p = prices.server(&s, Some(t));
        assert_eq!((p.monthly_fen, p.yearly_fen), (Some(18_000), Some(183_600)));
        assert!(matches!(
            p.basis,
            PriceBasis::Quote {
                from: QuoteFrom::Mine,
                ..
            }
        ));
        // The plan's own price for the server comes first.
        let quoted = s.clone().price(15_000, "report");
        assert_eq!(prices.server(&quoted, Some(t)).monthly_fen, Some(15_000));
    }

    #[test]
    fn only_like_prices_compare() {
        let catalog = PriceBasis::Catalog {
            estimated: false,
            date: "2026-11-01",
        };
        let q = |billing| PriceBasis::Quote {
            from: QuoteFrom::Mine,
            billing,
            date: "2026-11-30".into(),
            note: String::new(),
        };
        let over = PriceBasis::Override { note: "x".into() };
        assert!(comparable(&catalog, &catalog));
        assert!(comparable(&q(Billing::Monthly), &over));
        assert!(!comparable(&q(Billing::Monthly), &catalog));
        assert!(!comparable(&q(Billing::Promotion), &over));
        assert!(!comparable(&q(Billing::Promotion), &catalog));
        assert!(!comparable(&PriceBasis::Unknown, &PriceBasis::Unknown));
    }
}
