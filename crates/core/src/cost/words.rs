//! Prices in words, written once so that the tier picker, the upgrade fixes,
//! the option table and the report say the same thing: "¥300.00/month",
//! "≈¥401.00/month (estimated)", "¥180.00/month (your quote, 2026-11-30)",
//! "price unknown"; and where a price comes from.

use super::Prices;
use crate::findings::Lang;
use crate::model::price::{Billing, QuoteFrom};
use crate::model::units::format_fen;
use crate::model::TierDef;
use crate::report::PriceBasis;

/// The tier's monthly price as the reader's prices give it.
///
/// ```
/// use stackfit_core::cost::{tier_price_words, Prices};
/// use stackfit_core::fit::Lang;
/// let prices = Prices::catalog(7000);
/// let t = stackfit_core::catalog::tier("aws-t3-medium").unwrap();
/// assert!(tier_price_words(t, &prices, Lang::En).contains("/month"));
/// assert!(tier_price_words(t, &prices, Lang::Zh).contains("/月"));
/// let unknown = stackfit_core::catalog::tier("aliyun-ecs-c7-large").unwrap();
/// assert_eq!(tier_price_words(unknown, &prices, Lang::Zh), "价格未知");
/// ```
pub fn tier_price_words(tier: &TierDef, prices: &Prices, lang: Lang) -> String {
    let p = prices.tier(tier.id, Some(tier));
    let Some(fen) = p.monthly_fen else {
        return lang.pick("价格未知", "price unknown").to_string();
    };
    let money = format_fen(fen);
    let per_month = lang.pick("/月", "/month");
    match (&p.basis, lang) {
        (
            PriceBasis::Catalog {
                estimated: true, ..
            },
            Lang::En,
        ) => {
            format!("≈{money}{per_month} (estimated)")
        }
        (
            PriceBasis::Catalog {
                estimated: true, ..
            },
            Lang::Zh,
        ) => {
            format!("≈{money}{per_month}（估算）")
        }
        (
            PriceBasis::Quote {
                from,
                billing,
                date,
                ..
            },
            Lang::En,
        ) => {
            format!(
                "{money}{per_month} ({}, {date})",
                quote_name(*from, *billing, lang)
            )
        }
        (
            PriceBasis::Quote {
                from,
                billing,
                date,
                ..
            },
            Lang::Zh,
        ) => {
            format!(
                "{money}{per_month}（{}，{date}）",
                quote_name(*from, *billing, lang)
            )
        }
        _ => format!("{money}{per_month}"),
    }
}

/// "your quote", "the sender's promotion price", in `lang`.
fn quote_name(from: QuoteFrom, billing: Billing, lang: Lang) -> String {
    match (lang, from, billing) {
        (Lang::En, QuoteFrom::Mine, Billing::Promotion) => "your promotion price".into(),
        (Lang::En, QuoteFrom::Sender, Billing::Promotion) => "the sender's promotion price".into(),
        (Lang::En, QuoteFrom::Mine, Billing::YearlyPrepaid) => "your yearly prepaid quote".into(),
        (Lang::En, QuoteFrom::Sender, Billing::YearlyPrepaid) => {
            "the sender's yearly prepaid quote".into()
        }
        (Lang::En, QuoteFrom::Mine, Billing::Monthly) => "your quote".into(),
        (Lang::En, QuoteFrom::Sender, Billing::Monthly) => "the sender's quote".into(),
        (Lang::Zh, QuoteFrom::Mine, b) => format!("你的{}报价", billing_zh(b)),
        (Lang::Zh, QuoteFrom::Sender, b) => format!("分享者的{}报价", billing_zh(b)),
    }
}

fn billing_zh(b: Billing) -> &'static str {
    match b {
        Billing::Monthly => "包月",
        Billing::YearlyPrepaid => "包年",
        Billing::Promotion => "促销",
    }
}

/// Where a price comes from, in a phrase: "catalog list price, read
/// 2026-11-01", "your quote of 2026-11-30 (yearly prepaid): sales, 15 % off".
///
/// ```
/// use stackfit_core::cost::price_basis_words;
/// use stackfit_core::fit::Lang;
/// use stackfit_core::report::PriceBasis;
/// let b = PriceBasis::Catalog { estimated: false, date: "2026-11-01" };
/// assert_eq!(price_basis_words(&b, Lang::En), "catalog list price, read 2026-11-01");
/// assert_eq!(price_basis_words(&b, Lang::Zh), "目录标价，2026-11-01 查询");
/// ```
pub fn price_basis_words(basis: &PriceBasis, lang: Lang) -> String {
    let with_note = |s: String, note: &str| match (note.is_empty(), lang) {
        (true, _) => s,
        (false, Lang::En) => format!("{s}: {note}"),
        (false, Lang::Zh) => format!("{s}：{note}"),
    };
    match (basis, lang) {
        (PriceBasis::Override { note }, Lang::En) => with_note("the plan's own price".into(), note),
        (PriceBasis::Override { note }, Lang::Zh) => with_note("方案中填写的价格".into(), note),
        (
            PriceBasis::Quote {
                from,
                billing,
                date,
                note,
            },
            Lang::En,
        ) => with_note(
            format!("{} of {date}", quote_name(*from, *billing, lang)),
            note,
        ),
        (
            PriceBasis::Quote {
                from,
                billing,
                date,
                note,
            },
            Lang::Zh,
        ) => with_note(
            format!("{}（{date}）", quote_name(*from, *billing, lang)),
            note,
        ),
        (
            PriceBasis::Catalog {
                estimated: false,
                date,
            },
            Lang::En,
        ) => {
            format!("catalog list price, read {date}")
        }
        (
            PriceBasis::Catalog {
                estimated: false,
                date,
            },
            Lang::Zh,
        ) => {
            format!("目录标价，{date} 查询")
        }
        (
            PriceBasis::Catalog {
                estimated: true,
                date,
            },
            Lang::En,
        ) => {
            format!("estimated from the catalog's rates, read {date}")
        }
        (
            PriceBasis::Catalog {
                estimated: true,
                date,
            },
            Lang::Zh,
        ) => {
            format!("按目录费率估算，{date} 查询")
        }
        (PriceBasis::Unknown, Lang::En) => "price unknown: no source, no quote".into(),
        (PriceBasis::Unknown, Lang::Zh) => "价格未知：无来源，也没有报价".into(),
    }
}
