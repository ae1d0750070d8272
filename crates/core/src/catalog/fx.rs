//! The dated USD→CNY rate that turns USD tier prices into ¥. A plan can
//! override it; this is only the built-in default.

use crate::model::{Confidence, Source};

/// Yuan per US dollar × 1000 (6789 = ¥6.789 per $1).
///
/// The People's Bank of China / CFETS central parity rate (人民币汇率中间价)
/// for 2026-07-31: 1 USD = 6.7894 CNY, rounded to three decimals. It was not
/// read from pbc.gov.cn directly: the sentence of that day's announcement is
/// quoted in a public repository (an FX-import tool whose change log is dated
/// 2026-08-01), and a second, independent repository quotes the 2026-07-01
/// announcement as 6.8067, which agrees. No later 2026 rate could be sourced;
/// re-check against the announcement list before relying on a conversion.
pub const USD_CNY_RATE_MILLI: i64 = 6789;

/// Where [`USD_CNY_RATE_MILLI`] comes from (date = the rate's own date).
pub const USD_CNY_SOURCE: Source = Source {
    title: "PBOC/CFETS central parity 2026-07-31: 1 USD = 6.7894 CNY (announcement quoted second-hand in a public repository; 2026-07-01 = 6.8067 cross-checks)",
    url: "https://www.pbc.gov.cn/zhengcehuobisi/125207/125217/125925/index.html",
    date: "2026-07-31",
    confidence: Confidence::C,
};

/// [`USD_CNY_SOURCE`]'s title in Chinese, for a Chinese screen.
pub const USD_CNY_SOURCE_ZH: &str = "中国人民银行授权中国外汇交易中心公布的 2026-07-31 人民币汇率中间价：1 美元 = 6.7894 元（公告原文转引自公开代码仓库；2026-07-01 为 6.8067，可相互印证）";

#[cfg(test)]
mod tests {
    use super::*;

    /// A rate entered as yuan instead of milli-yuan (7) or as basis points
    /// (67894) would be off by 1000×; keep it in the band the yuan has traded in.
    #[test]
    fn rate_is_in_milli_yuan_and_plausible() {
        assert!(
            (5_000..=9_000).contains(&USD_CNY_RATE_MILLI),
            "{USD_CNY_RATE_MILLI}"
        );
    }

    #[test]
    fn source_is_dated_and_cited() {
        let d = USD_CNY_SOURCE.date.as_bytes();
        assert!(
            d.len() == 10 && d[4] == b'-' && d[7] == b'-',
            "not ISO: {}",
            USD_CNY_SOURCE.date
        );
        assert!(!USD_CNY_SOURCE.title.is_empty() && !USD_CNY_SOURCE.url.is_empty());
    }
}
