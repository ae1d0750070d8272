//! The report as Markdown: the summary, the comparison, each option's
//! allocation as tables (the diagrams' own figures) and findings, and the
//! assumptions. Text from the plan is escaped, so a name cannot become a
//! heading, a link or HTML.

use super::{CompareRow, OptionSection, Presentation, ServerSection};
use crate::findings::{Lang, Severity};
use crate::model::units::format_mib;
use crate::report::port_clash_words;

/// Escapes text from the plan for Markdown: every character Markdown could
/// read as syntax gets a backslash; line breaks become spaces.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The report as a Markdown document.
///
/// ```
/// use stackfit_core::{evaluate, findings::Lang, present, templates};
/// let plan = templates::get("s0").unwrap();
/// let md = present::markdown(&present::present(&plan, &evaluate(&plan), Lang::Zh));
/// assert!(md.contains("## 方案对比"));
/// assert!(md.contains("| 方案 | 服务器 | 结论 | 月费 | 年费 |"));
/// ```
pub fn markdown(p: &Presentation) -> String {
    let zh = p.lang == Lang::Zh;
    let t = |zh_s: &'static str, en_s: &'static str| if zh { zh_s } else { en_s };
    let mut out = format!(
        "# {}\n\n{}\n\n> {}\n\n",
        esc(&p.title),
        esc(&p.summary),
        esc(&p.rule)
    );
    out.push_str(&format!("## {}\n\n", t("方案对比", "Options side by side")));
    let baseline = p
        .rows
        .iter()
        .find(|r| r.baseline)
        .map(|r| esc(&r.name))
        .unwrap_or_default();
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} | {} {} | {} | {} | {} | {} |\n",
        t("方案", "Option"),
        t("服务器", "Servers"),
        t("结论", "Verdict"),
        t("月费", "Monthly"),
        t("年费", "Yearly"),
        t("对比", "vs"),
        baseline,
        t("余量", "Headroom"),
        t("假设占比", "Assumed"),
        t("瓶颈", "Limited by"),
        t("问题", "Findings"),
    ));
    out.push_str("|---|---|---|--:|--:|--:|--:|--:|---|---|\n");
    for r in &p.rows {
        out.push_str(&row(r, p.lang));
    }
    out.push('\n');
    if !p.reason.is_empty() {
        out.push_str(&format!("★ {}\n\n", esc(&p.reason)));
    }
    for o in &p.options {
        out.push_str(&option(o, p, zh));
    }
    out.push_str(&format!("## {}\n\n", t("前提与假设", "Assumptions")));
    for a in &p.assumptions {
        out.push_str(&format!("- {}\n", esc(a)));
    }
    if !p.context.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            t("背景", "Context"),
            esc(&p.context)
        ));
    }
    out
}

/// A verdict with its port clashes beside it: "fits · ⚠ port clash".
fn with_clashes(verdict: &str, clashes: usize, lang: Lang) -> String {
    match port_clash_words(clashes, lang) {
        Some(clash) => format!("{verdict} · ⚠ {clash}"),
        None => verdict.to_string(),
    }
}

fn lang(zh: bool) -> Lang {
    if zh {
        Lang::Zh
    } else {
        Lang::En
    }
}

fn row(r: &CompareRow, lang: Lang) -> String {
    let mark = if r.recommended { " ★" } else { "" };
    let headroom = r
        .headroom_pct
        .map(|h| format!("{h} %"))
        .unwrap_or_else(|| "—".into());
    let findings = &r.finding_counts;
    format!(
        "| {}{mark} | {} | {} | {} | {} | {} | {headroom} | {} % | {} | {findings} |\n",
        esc(&r.name),
        esc(&r.servers),
        with_clashes(&r.verdict_words, r.port_clashes, lang),
        r.monthly,
        r.yearly,
        r.delta,
        r.assumed_pct,
        esc(&r.limited_by),
    )
}

fn option(o: &OptionSection, p: &Presentation, zh: bool) -> String {
    let t = |zh_s: &'static str, en_s: &'static str| if zh { zh_s } else { en_s };
    let recommended = if p.recommended.as_deref() == Some(o.id.as_str()) {
        t("（★ 推荐）", " (★ recommended)")
    } else {
        ""
    };
    let mut out = format!("## {}{recommended}\n\n", esc(&o.name));
    if !o.note.is_empty() {
        out.push_str(&format!("{}\n\n", esc(&o.note)));
    }
    for s in &o.servers {
        out.push_str(&server(s, zh));
    }
    if !o.findings.is_empty() {
        out.push_str(&format!("### {}\n\n", t("发现的问题", "Findings")));
        for f in &o.findings {
            let sev = match (f.severity, zh) {
                (Severity::Critical, true) => "严重",
                (Severity::Warning, true) => "警告",
                (Severity::Info, true) => "提示",
                (Severity::Critical, false) => "Critical",
                (Severity::Warning, false) => "Warning",
                (Severity::Info, false) => "Note",
            };
            out.push_str(&format!(
                "- **{sev}** · {} · {}",
                esc(&f.server),
                esc(&f.message)
            ));
            if let Some(fix) = &f.fix {
                // A Chinese sentence ends in 。 and its colon is full width:
                // neither takes a space after it.
                out.push_str(&format!("{}{}", t("建议：", " Fix: "), esc(fix)));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn server(s: &ServerSection, zh: bool) -> String {
    let t = |zh_s: &'static str, en_s: &'static str| if zh { zh_s } else { en_s };
    let mut out = format!(
        "### {} · {} · {}\n\n{}  \n{} · {}  \n{}\n\n",
        esc(&s.label),
        esc(&s.tier),
        with_clashes(&s.verdict_words, s.port_clashes, lang(zh)),
        esc(&s.caption),
        esc(&s.arithmetic),
        esc(&s.cpu),
        esc(&s.price)
    );
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} |\n|---|--:|--:|--:|---|\n",
        t("服务", "Service"),
        t("预计", "Expected"),
        t("高峰", "Peak"),
        t("上限", "Limit"),
        t("数据来源", "Figure"),
    ));
    for r in &s.rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            esc(&r.name),
            format_mib(r.expected_mib),
            format_mib(r.peak_mib),
            format_mib(r.limit_mib),
            r.basis
        ));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn plan_text_cannot_become_markdown() {
        assert_eq!(esc("# <script>|[x](y)"), "\\# \\<script\\>\\|\\[x\\](y)");
        assert_eq!(esc("a\nb\u{2028}c"), "a b c");
    }
}
