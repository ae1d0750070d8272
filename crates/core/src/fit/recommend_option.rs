//! The recommended option, by a rule the screen states: the cheapest option
//! that fits (every server keeps the headroom target in memory, and its CPU
//! is within its vCPUs), among options whose monthly cost is known and that
//! are not kept only for comparison (today's setup). A tie goes to the
//! option with fewer findings that need attention, then to the one with
//! more headroom, then to the earlier one.
//! An option's name ("… (recommended)") plays no part.

use crate::findings::{Lang, Severity};
use crate::model::units::format_fen;
use crate::report::{OptionReport, Verdict};

/// The recommended option and the rule that chose it, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionRecommendation {
    /// The option's id; `None` when no option fits at a known price.
    pub option: Option<String>,
    /// The rule, e.g. "Recommended: the cheapest option that fits …".
    pub rule_en: String,
    pub rule_zh: String,
    /// Why this option, with its numbers; empty when none is recommended.
    pub reason_en: String,
    pub reason_zh: String,
}

impl OptionRecommendation {
    pub fn rule(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.rule_en,
            Lang::Zh => &self.rule_zh,
        }
    }

    pub fn reason(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.reason_en,
            Lang::Zh => &self.reason_zh,
        }
    }
}

const RULE_EN: &str = "Recommended: the cheapest option that fits — every server keeps the headroom target in memory and needs no more CPU than it has. Options with an unknown monthly cost, and today's setup kept for comparison, are not candidates.";
const RULE_ZH: &str = "推荐规则：在能容纳的方案中选月费最低的——每台服务器的内存都留足目标余量，CPU 需求不超过其 vCPU。月费未知的方案和仅作对照的现状方案不参与推荐。";

fn attention(o: &OptionReport) -> usize {
    o.findings()
        .filter(|f| f.severity >= Severity::Warning)
        .count()
}

/// Applies the rule to the evaluated options.
///
/// ```
/// use stackfit_core::fit::{evaluate, recommend_option};
/// let r = evaluate(&stackfit_core::templates::get("s0").unwrap());
/// let rec = recommend_option(&r.options);
/// assert_eq!(rec.option.as_deref(), Some("lean-2c4g"));
/// assert!(rec.rule_en.starts_with("Recommended: the cheapest option that fits"));
/// ```
pub fn recommend_option(options: &[OptionReport]) -> OptionRecommendation {
    let candidates = options
        .iter()
        .filter(|o| o.verdict == Verdict::Fits && !o.servers.is_empty() && !o.reference)
        .filter_map(|o| o.monthly_fen.map(|m| (o, m)));
    let fitting = candidates.clone().count();
    let best = candidates.min_by_key(|(o, m)| {
        let headroom = o.headroom_pct.unwrap_or(i64::MIN);
        (*m, attention(o), std::cmp::Reverse(headroom))
    });
    let (mut reason_en, mut reason_zh) = match best {
        Some((o, m)) if fitting > 1 => (
            format!(
                "{} fits at {}/month, the lowest of the {fitting} candidates that fit.",
                o.name,
                format_fen(m)
            ),
            format!(
                "{} 可容纳，月费 {}，在 {fitting} 个能容纳的候选方案中最低。",
                o.name,
                format_fen(m)
            ),
        ),
        Some((o, m)) => (
            format!(
                "{} is the only candidate that fits at a known cost ({}/month).",
                o.name,
                format_fen(m)
            ),
            format!(
                "{} 是唯一能容纳且月费已知的候选方案（{}/月）。",
                o.name,
                format_fen(m)
            ),
        ),
        None => (
            "No option fits at a known cost, so none is recommended.".to_string(),
            "没有既能容纳、月费又已知的方案，因此不作推荐。".to_string(),
        ),
    };
    // The rule is about memory, CPU and cost; a critical finding (too many
    // database connections, …) does not stop an option from fitting, but
    // whoever reads the recommendation is told before anything else.
    let critical = best.map_or(0, |(o, _)| {
        o.findings()
            .filter(|f| f.severity == Severity::Critical)
            .count()
    });
    if critical > 0 {
        let s = if critical == 1 { "" } else { "s" };
        reason_en += &format!(
            " It still has {critical} critical finding{s} to fix before it goes live (see its findings)."
        );
        reason_zh += &format!("但它仍有 {critical} 个严重问题，上线前须先解决（见其问题列表）。");
    }
    OptionRecommendation {
        option: best.map(|(o, _)| o.id.clone()),
        rule_en: RULE_EN.to_string(),
        rule_zh: RULE_ZH.to_string(),
        reason_en,
        reason_zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::evaluate;

    /// S3 named its A+ its pick; the rule looks at verdicts and cost, and A
    /// (one 8C16G) fits for less — cheapest on the report's Tencent quote.
    #[test]
    fn the_name_does_not_make_an_option_recommended() {
        let r = evaluate(&crate::templates::get("s3").unwrap());
        let rec = recommend_option(&r.options);
        assert_eq!(rec.option.as_deref(), Some("a-tencent"));
        assert_eq!(r.recommended_option.as_deref(), Some("a-tencent"));
        assert!(rec.reason_en.contains("¥750.00"), "{}", rec.reason_en);
        // A fits in memory and CPU, but its PostgreSQL takes more
        // connections than it accepts: the reason says so.
        let a = r.options.iter().find(|o| o.id == "a-tencent").unwrap();
        let critical = a
            .findings()
            .filter(|f| f.severity == Severity::Critical)
            .count();
        assert_eq!(critical, 1);
        assert!(
            rec.reason_en.ends_with(
                "It still has 1 critical finding to fix before it goes live (see its findings)."
            ),
            "{}",
            rec.reason_en
        );
        assert!(
            rec.reason_zh
                .ends_with("但它仍有 1 个严重问题，上线前须先解决（见其问题列表）。"),
            "{}",
            rec.reason_zh
        );
    }

    #[test]
    fn a_recommendation_without_critical_findings_says_nothing_of_them() {
        let r = evaluate(&crate::templates::get("s0").unwrap());
        let rec = recommend_option(&r.options);
        assert!(!rec.reason_en.contains("critical"), "{}", rec.reason_en);
    }

    #[test]
    fn nothing_is_recommended_when_nothing_fits_at_a_known_cost() {
        let mut plan = crate::templates::get("s0").unwrap();
        plan.options.retain(|o| o.id == "tiny-2c2g");
        let r = evaluate(&plan);
        let rec = recommend_option(&r.options);
        assert_eq!(rec.option, None);
        assert!(rec.reason_zh.contains("不作推荐"));
    }

    /// Two options at the same price with as many findings: the one with
    /// more room is the better buy, whichever comes first.
    #[test]
    fn a_tie_in_cost_goes_to_more_headroom() {
        let mut plan = crate::templates::get("s0").unwrap();
        plan.options.retain(|o| o.id == "lean-2c4g");
        let mut roomier = plan.options[0].clone();
        roomier.id = "roomier".into();
        plan.options.push(roomier);
        // The first one's OS sees 150 MiB less (a kernel that keeps more).
        let tier = crate::catalog::tier(&plan.options[0].servers[0].tier).unwrap();
        plan.options[0].servers[0].usable_mib = Some(tier.usable_mib - 150);
        let r = evaluate(&plan);
        let (a, b) = (&r.options[0], &r.options[1]);
        assert_eq!(a.monthly_fen, b.monthly_fen);
        assert!(
            a.headroom_pct < b.headroom_pct,
            "{:?} {:?}",
            a.headroom_pct,
            b.headroom_pct
        );
        assert_eq!(attention(a), attention(b));
        assert_eq!(
            recommend_option(&r.options).option.as_deref(),
            Some("roomier")
        );
    }

    #[test]
    fn an_option_without_servers_is_never_recommended() {
        let mut plan = crate::templates::get("s0").unwrap();
        plan.options
            .insert(0, crate::model::PlanOption::new("empty", "Empty"));
        let r = evaluate(&plan);
        assert_ne!(r.recommended_option.as_deref(), Some("empty"));
    }
}
