//! A tier's catalog price in words, written once so that the tier picker and
//! the upgrade fixes say the same thing: "¥300.00/month", "≈¥401.00/month
//! (estimated)", "price unknown".

use crate::fit::Lang;
use crate::model::units::format_fen;
use crate::model::{PriceStatus, TierDef};

/// The tier's monthly catalog price at `usd_cny_rate_milli`, as people read it.
///
/// ```
/// use stackfit_core::cost::tier_price_words;
/// use stackfit_core::fit::Lang;
/// let t = stackfit_core::catalog::tier("aws-t3-medium").unwrap();
/// assert!(tier_price_words(t, 7000, Lang::En).contains("/month"));
/// assert!(tier_price_words(t, 7000, Lang::Zh).contains("/月"));
/// let unknown = stackfit_core::catalog::tier("aliyun-ecs-c7-large").unwrap();
/// assert_eq!(tier_price_words(unknown, 7000, Lang::Zh), "价格未知");
/// ```
pub fn tier_price_words(tier: &TierDef, usd_cny_rate_milli: i64, lang: Lang) -> String {
    let per_month = match lang {
        Lang::En => "/month",
        Lang::Zh => "/月",
    };
    match &tier.price {
        PriceStatus::Listed { price, .. } => {
            format!(
                "{}{per_month}",
                format_fen(price.to_fen(usd_cny_rate_milli))
            )
        }
        PriceStatus::Estimated { price, .. } => {
            let money = format_fen(price.to_fen(usd_cny_rate_milli));
            match lang {
                Lang::En => format!("≈{money}{per_month} (estimated)"),
                Lang::Zh => format!("≈{money}{per_month}（估算）"),
            }
        }
        PriceStatus::Unknown => match lang {
            Lang::En => "price unknown".to_string(),
            Lang::Zh => "价格未知".to_string(),
        },
    }
}
