//! The report for budget holders: a plan's options turned into a decision,
//! in one language. [`present`] builds it from the engine's report once;
//! the planner's report page and compare view draw it, [`markdown`] writes
//! it as Markdown and [`cost_csv`] its cost table, so the page, the file and
//! the diagrams show the same figures.
//!
//! ```
//! use stackfit_core::{evaluate, findings::Lang, present, templates};
//! let plan = templates::get("s3").unwrap();
//! let p = present::present(&plan, &evaluate(&plan), Lang::En);
//! assert_eq!(p.recommended.as_deref(), Some("a-tencent"));
//! assert!(p.summary.contains("¥750.00/month"));
//! ```

mod csv;
mod html;
mod markdown;
mod words;

pub use csv::{cost_csv, COST_CSV_HEADER};
pub use html::{escape_html, escape_html_into};
pub use markdown::markdown;

use crate::chart::{memory_chart, placement_name};
use crate::cost::price_basis_words;
use crate::findings::{Lang, Severity};
use crate::fit::{option_limited_by_words, recommend_option};
use crate::model::units::{format_fen, Fen, Mib};
use crate::model::Plan;
use crate::report::{Basis, OptionReport, Report, ServerReport, Verdict};
use words::Words;

/// Findings shown per option in the comparison (the rest are in its section).
pub const TOP_FINDINGS: usize = 3;

/// The whole report, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Presentation {
    pub lang: Lang,
    /// The plan's name: the question it answers.
    pub title: String,
    /// The plan's description, as its author wrote it.
    pub context: String,
    /// One paragraph: the question, the answer, the cost, the risk.
    pub summary: String,
    /// The rule that picks the recommended option, as the page states it.
    pub rule: String,
    /// Why the recommended option, with its numbers.
    pub reason: String,
    pub recommended: Option<String>,
    /// The option the monthly differences are against.
    pub baseline: Option<String>,
    pub rows: Vec<CompareRow>,
    pub options: Vec<OptionSection>,
    /// What the figures rest on: prices, the reserve formula, the headroom
    /// target, what was assumed.
    pub assumptions: Vec<String>,
}

/// One option in the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub id: String,
    pub name: String,
    /// "web 4C8G (ecs.c7.xlarge) + worker …".
    pub servers: String,
    pub verdict: Verdict,
    /// An option without servers (a managed-cloud quote) is not evaluated.
    pub evaluated: bool,
    /// Nothing to price (no servers, no quote): its money reads "—".
    pub unpriced: bool,
    pub verdict_words: String,
    /// Host ports published twice on its servers, said beside the verdict
    /// ([`crate::report::port_clash_words`]), and the first such finding's
    /// message.
    pub port_clashes: usize,
    pub port_clash_message: Option<String>,
    pub monthly_fen: Option<Fen>,
    pub yearly_fen: Option<Fen>,
    pub delta_fen: Option<Fen>,
    /// "¥800.00", "unknown".
    pub monthly: String,
    pub yearly: String,
    /// "+¥400.00", "—" for the baseline, "unknown".
    pub delta: String,
    pub headroom_pct: Option<i64>,
    pub assumed_pct: u32,
    /// What limits it, in words with numbers.
    pub limited_by: String,
    /// Where its prices come from, one phrase per distinct source.
    pub price_sources: Vec<String>,
    /// The worst of its findings, most severe first.
    pub top_findings: Vec<String>,
    /// "1 critical · 2 warnings", "nothing to fix".
    pub finding_counts: String,
    pub recommended: bool,
    pub baseline: bool,
}

/// One option's allocation and findings.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionSection {
    pub id: String,
    pub name: String,
    pub note: String,
    pub servers: Vec<ServerSection>,
    /// Every finding, most severe first, with its fix when it has one.
    pub findings: Vec<FindingLine>,
}

/// One server's allocation, as its diagram draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerSection {
    pub id: String,
    pub label: String,
    /// "ecs.c7.xlarge · 4 vCPU · 8 GiB" (the tier id when the catalog lacks it).
    pub tier: String,
    pub verdict: Verdict,
    pub verdict_words: String,
    /// Host ports published twice on it, and the first such finding's message.
    pub port_clashes: usize,
    pub port_clash_message: Option<String>,
    /// The memory diagram's caption: "expected … · peak … of … allocatable · …".
    pub caption: String,
    /// "usable 7.3 GiB − reserve 426 MiB = allocatable 6.9 GiB".
    pub arithmetic: String,
    /// "CPU 1.2 of 4 vCPU".
    pub cpu: String,
    /// "¥300.00/month — catalog list price, read 2026-11-01".
    pub price: String,
    pub rows: Vec<AllocationRow>,
}

/// A placement on a server: its memory and where the figure comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct AllocationRow {
    pub id: String,
    pub name: String,
    pub expected_mib: Mib,
    pub peak_mib: Mib,
    pub limit_mib: Mib,
    /// "measured", "estimated", "sourced (B)", "assumed".
    pub basis: String,
}

/// A finding in plain language.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingLine {
    pub severity: Severity,
    /// The server's label it concerns.
    pub server: String,
    pub message: String,
    pub fix: Option<String>,
}

/// Builds the report of `plan` as `report` evaluated it, in `lang`.
pub fn present(plan: &Plan, report: &Report, lang: Lang) -> Presentation {
    let w = Words::of(lang);
    let rec = recommend_option(&report.options);
    let rows: Vec<CompareRow> = report
        .options
        .iter()
        .map(|o| compare_row(o, report, &w))
        .collect();
    let options = plan
        .options
        .iter()
        .zip(&report.options)
        .map(|(po, o)| OptionSection {
            id: o.id.clone(),
            name: o.name.clone(),
            note: po.note.clone(),
            servers: o.servers.iter().map(|s| server_section(s, &w)).collect(),
            findings: findings(o, &w),
        })
        .collect();
    let summary = summary(plan, report, &rows, rec.reason(lang), &w);
    Presentation {
        lang,
        title: plan.name.clone(),
        context: plan.description.clone(),
        summary,
        rule: rec.rule(lang).to_string(),
        reason: rec.reason(lang).to_string(),
        recommended: rec.option.clone(),
        baseline: report.baseline_option.clone(),
        rows,
        options,
        assumptions: assumptions(plan, report, &w),
    }
}

fn money(fen: Option<Fen>, w: &Words) -> String {
    fen.map(format_fen).unwrap_or_else(|| w.unknown.to_string())
}

fn signed(fen: Fen) -> String {
    if fen > 0 {
        format!("+{}", format_fen(fen))
    } else {
        format_fen(fen)
    }
}

fn server_tier(s: &ServerReport) -> String {
    let name = crate::catalog::tier(&s.tier).map_or(s.tier.as_str(), |t| t.name);
    format!(
        "{name} · {} vCPU · {}",
        s.vcpu,
        crate::model::units::format_mib(s.capacity_mib)
    )
}

fn compare_row(o: &OptionReport, report: &Report, w: &Words) -> CompareRow {
    let baseline = report.baseline_option.as_deref() == Some(o.id.as_str());
    let servers = if o.servers.is_empty() {
        w.no_servers.to_string()
    } else {
        o.servers
            .iter()
            .map(|s| match w.lang {
                Lang::En => format!("{} ({})", s.label, server_tier(s)),
                Lang::Zh => format!("{}（{}）", s.label, server_tier(s)),
            })
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let mut price_sources: Vec<String> = Vec::new();
    if let Some(q) = &o.quote {
        price_sources.push(w.option_quote(&q.note));
    } else {
        for s in &o.servers {
            let p = price_basis_words(&s.price_basis, w.lang);
            if !price_sources.contains(&p) {
                price_sources.push(p);
            }
        }
    }
    let mut top: Vec<_> = o.findings().collect();
    crate::model::order::sort_by_key(&mut top, |f| std::cmp::Reverse(f.severity));
    CompareRow {
        id: o.id.clone(),
        name: o.name.clone(),
        servers,
        verdict: o.verdict,
        evaluated: !o.servers.is_empty(),
        unpriced: unpriced(o),
        verdict_words: if o.servers.is_empty() {
            w.not_evaluated.to_string()
        } else {
            w.verdict(o.verdict).to_string()
        },
        port_clashes: o.port_clashes(),
        port_clash_message: o.port_clash_finding().map(|f| f.message(w.lang)),
        monthly_fen: o.monthly_fen,
        yearly_fen: o.yearly_fen,
        delta_fen: o.monthly_delta_fen,
        // Without servers or a quote there is nothing to price: "—", not ¥0.00.
        monthly: unpriced_or(o, || money(o.monthly_fen, w)),
        yearly: unpriced_or(o, || money(o.yearly_fen, w)),
        delta: match (baseline || unpriced(o), o.monthly_delta_fen) {
            (true, _) => "—".to_string(),
            (false, Some(d)) => signed(d),
            (false, None) => w.unknown.to_string(),
        },
        headroom_pct: o.headroom_pct,
        assumed_pct: o.assumed_pct,
        limited_by: option_limited_by_words(o, w.lang),
        price_sources,
        top_findings: top
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .take(TOP_FINDINGS)
            .map(|f| f.message(w.lang))
            .collect(),
        finding_counts: w.counts(
            top.iter()
                .filter(|f| f.severity == Severity::Critical)
                .count(),
            top.iter()
                .filter(|f| f.severity == Severity::Warning)
                .count(),
        ),
        recommended: report.recommended_option.as_deref() == Some(o.id.as_str()),
        baseline,
    }
}

/// Whether an option has nothing to price: no servers and no quote for
/// the whole (an option of managed services is priced by its quote).
pub fn unpriced(o: &OptionReport) -> bool {
    o.servers.is_empty() && o.quote.is_none()
}

/// "—" for an option with nothing to price, else `text()`.
fn unpriced_or(o: &OptionReport, text: impl FnOnce() -> String) -> String {
    if unpriced(o) {
        "—".to_string()
    } else {
        text()
    }
}

fn server_section(s: &ServerReport, w: &Words) -> ServerSection {
    let chart = memory_chart(s, w.lang);
    let rows = s
        .placements
        .iter()
        .map(|p| AllocationRow {
            id: p.id.clone(),
            name: row_name(&p.id, &p.service, p.replicas, w.lang),
            expected_mib: p.total.expected_mib,
            peak_mib: p.total.peak_mib,
            limit_mib: p.total.limit_mib,
            basis: w.basis(p.basis),
        })
        .collect();
    ServerSection {
        id: s.id.clone(),
        label: s.label.clone(),
        tier: server_tier(s),
        verdict: s.verdict,
        verdict_words: w.verdict(s.verdict).to_string(),
        port_clashes: s.port_clashes.len(),
        port_clash_message: s.port_clash_finding().map(|f| f.message(w.lang)),
        caption: chart.caption,
        arithmetic: w.arithmetic(s),
        cpu: w.cpu(s),
        price: match s.monthly_fen {
            Some(m) => format!(
                "{}{} — {}",
                format_fen(m),
                w.per_month,
                price_basis_words(&s.price_basis, w.lang)
            ),
            None => price_basis_words(&s.price_basis, w.lang),
        },
        rows,
    }
}

/// The diagram's name, and the placement's id where the name alone would
/// not tell two apart (S3's three Celery workers).
fn row_name(id: &str, service: &str, replicas: u32, lang: Lang) -> String {
    let name = placement_name(id, service, replicas, lang);
    if name.contains(id) || id == service {
        name
    } else {
        format!("{name} · {id}")
    }
}

fn findings(o: &OptionReport, w: &Words) -> Vec<FindingLine> {
    let label = |id: &str| {
        o.server(id)
            .map(|s| s.label.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let mut all: Vec<_> = o.findings().collect();
    crate::model::order::sort_by_key(&mut all, |f| std::cmp::Reverse(f.severity));
    all.into_iter()
        .map(|f| FindingLine {
            severity: f.severity,
            server: label(&f.server),
            message: f.message(w.lang),
            fix: f.fix.as_ref().map(|x| match w.lang {
                Lang::En => x.label_en.clone(),
                Lang::Zh => x.label_zh.clone(),
            }),
        })
        .collect()
}

fn summary(plan: &Plan, report: &Report, rows: &[CompareRow], reason: &str, w: &Words) -> String {
    let question = w.question(&plan.name, rows.len());
    let Some(best) = rows.iter().find(|r| r.recommended) else {
        let fitting = rows.iter().filter(|r| r.verdict == Verdict::Fits).count();
        return [question, w.no_answer(fitting)].join(w.lang.pick("", " "));
    };
    let o = report.option(&best.id).expect("a row per option");
    let attention = o
        .findings()
        .filter(|f| f.severity >= Severity::Warning)
        .count();
    let cost = w.cost(best);
    let risk = w.risk(o, attention);
    let gap = w.lang.pick("", " ");
    [question.as_str(), reason, &cost, &risk].join(gap)
}

fn assumptions(plan: &Plan, report: &Report, w: &Words) -> Vec<String> {
    let mut out = vec![
        w.headroom_rule(report.headroom_target_pct),
        w.reserve_rule(&plan.settings.reserve),
        w.peak_rule(),
        w.rate(
            report.usd_cny_rate_milli,
            plan.settings.usd_cny_rate_milli.is_some(),
        ),
    ];
    // Every distinct price source, once.
    let mut prices: Vec<String> = Vec::new();
    for r in rows_of(report) {
        for s in &r.servers {
            let p = format!("{}: {}", s.label, price_basis_words(&s.price_basis, w.lang));
            if !prices.contains(&p) {
                prices.push(p);
            }
        }
    }
    out.extend(prices.into_iter().map(|p| w.price_line(&p)));
    // An option shown at a load other than ×1 says so; the load inputs'
    // derivations, once per distinct line, with the options they belong to.
    let zh = w.lang == Lang::Zh;
    for o in rows_of(report).filter(|o| o.load != crate::whatif::LOAD_ONE) {
        let l = crate::whatif::load_words(o.load);
        out.push(if zh {
            format!("{}：按方案设定的 {l} 负载评估（假设分析），它的所有数字都是这个负载下的。", o.name)
        } else {
            format!("{}: evaluated at {l} the load the plan sets (the what-if); every figure of it is at that load.", o.name)
        });
    }
    let mut derivations: Vec<(String, Vec<String>)> = Vec::new();
    for o in rows_of(report) {
        if let Some(t) = &o.task_load {
            let line = if zh { t.zh.clone() } else { t.en.clone() };
            match derivations.iter_mut().find(|(l, _)| *l == line) {
                Some((_, names)) => names.push(o.name.clone()),
                None => derivations.push((line, vec![o.name.clone()])),
            }
        }
    }
    for (line, names) in derivations {
        out.push(if zh {
            format!("任务负载（{}）：{line}", names.join("、"))
        } else {
            format!("Task load ({}): {line}", names.join(", "))
        });
    }
    // What rests on an assumption rather than a measurement or a source.
    let mut assumed: Vec<String> = Vec::new();
    for o in &report.options {
        for s in &o.servers {
            for p in s.placements.iter().filter(|p| p.basis == Basis::Assumed) {
                let name = placement_name(&p.id, &p.service, p.replicas, w.lang);
                if !assumed.contains(&name) {
                    assumed.push(name);
                }
            }
        }
    }
    if !assumed.is_empty() {
        out.push(w.assumed_list(&assumed));
    }
    out
}

fn rows_of(report: &Report) -> impl Iterator<Item = &OptionReport> {
    report.options.iter()
}
