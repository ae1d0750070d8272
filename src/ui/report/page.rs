//! The report page's content: a toolbar (language, print, Markdown, cost
//! CSV, open in the planner) that never prints, then the report as the
//! engine presents it — title and summary, the comparison with its cost
//! chart, one section per option with each server's diagram and findings,
//! and the assumptions.

use leptos::prelude::*;
use stackfit_core::chart::palette::option_colors;
use stackfit_core::codec;
use stackfit_core::present::{present, OptionSection, Presentation};
use stackfit_core::{evaluate, Plan, Report};
use stackfit_tools::protocol::{Request, Response, TextFormat, UiLang};

use super::file_stem;
use super::server_figure::ServerFigure;
use crate::browser::{address, download, tools_worker};
use crate::i18n::{keep_units, Lang};
use crate::state::use_lang;
use crate::ui::compare::{ComparisonTable, CostChart};
use crate::ui::header::LangSwitch;

/// What the last download did, for the status line.
#[derive(Clone, PartialEq)]
enum Status {
    None,
    Saved(String),
    Failed(String),
}

/// The report of `plan`, priced as it was sent (its own prices and the
/// sender's quotes; the reader's price book is not used).
#[component]
pub fn ReportPage(plan: Plan, payload: String) -> impl IntoView {
    let lang = use_lang();
    let report: StoredValue<Report> = StoredValue::new(evaluate(&plan));
    let references: Vec<String> = plan
        .options
        .iter()
        .filter(|o| o.reference)
        .map(|o| o.id.clone())
        .collect();
    let plan = StoredValue::new(plan);
    let presentation: Memo<Presentation> = Memo::new(move |_| {
        let lang = lang.get().into();
        plan.with_value(|p| report.with_value(|r| present(p, r, lang)))
    });
    let references = Signal::derive(move || references.clone());
    let status = RwSignal::new(Status::None);
    let stem = plan.with_value(|p| file_stem(&p.name));
    let stem = StoredValue::new(stem);

    Effect::new(move |_| {
        let title = presentation.with(|p| format!("{} — StackFit", p.title));
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&title);
        }
    });

    let save_text = move |ext: &str, mime: &str, text: String| {
        let name = format!("{}.{}.{ext}", stem.get_value(), lang.get_untracked().tag());
        status.set(match download::download_text(&name, mime, &text) {
            Ok(()) => Status::Saved(name),
            Err(e) => Status::Failed(e),
        });
    };
    // The texts are written by the tools worker (the engine's Markdown and
    // CSV writers stay out of the first load), from the same plan.
    let save_report_text = move |format: TextFormat| {
        let request = Request::ReportText {
            plan: plan.with_value(codec::to_json),
            lang: match lang.get_untracked() {
                Lang::Zh => UiLang::Zh,
                Lang::En => UiLang::En,
            },
            format,
        };
        tools_worker::ask(request, move |answer| match answer.map(|a| a.response) {
            Ok(Response::ReportText { text }) => match format {
                TextFormat::Markdown => save_text("md", "text/markdown;charset=utf-8", text),
                // A byte-order mark, so spreadsheet programs read Chinese as UTF-8.
                TextFormat::CostCsv => {
                    save_text("csv", "text/csv;charset=utf-8", format!("\u{feff}{text}"))
                }
            },
            Ok(Response::Error {
                message_en,
                message_zh,
            }) => {
                let _ = status.try_set(Status::Failed(
                    lang.get_untracked()
                        .pick(&message_zh, &message_en)
                        .to_string(),
                ));
            }
            Ok(_) => {
                let _ = status.try_set(Status::Failed("an unexpected answer".into()));
            }
            Err(why) => {
                let _ = status.try_set(Status::Failed(why));
            }
        });
    };
    let save_markdown = move |_| save_report_text(TextFormat::Markdown);
    let save_csv = move |_| save_report_text(TextFormat::CostCsv);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let planner_link = format!("{}#{payload}", address::page_url());
    let saved = Callback::new(move |result: Result<String, String>| {
        status.set(match result {
            Ok(name) => Status::Saved(name),
            Err(e) => Status::Failed(e),
        });
    });

    view! {
        <header class="report-toolbar no-print" data-testid="report-toolbar">
            <span class="report-brand"><span class="brand-mark" aria-hidden="true"></span>"StackFit"</span>
            <div class="report-actions">
                <LangSwitch />
                <button class="tool primary" data-testid="report-print" on:click=print>
                    {move || lang.get().pick("打印 / 存为 PDF", "Print / save as PDF")}
                </button>
                <button class="tool" data-testid="report-markdown" on:click=save_markdown>
                    {move || lang.get().pick("下载 Markdown", "Download Markdown")}
                </button>
                <button class="tool" data-testid="report-csv" on:click=save_csv>
                    {move || lang.get().pick("下载费用表 CSV", "Download cost CSV")}
                </button>
                <a class="tool" data-testid="report-open-planner" href=planner_link>
                    {move || lang.get().pick("在规划器中打开副本", "Open a copy in the planner")}
                </a>
            </div>
            <p class="report-status" role="status" aria-live="polite" data-testid="report-status">
                {move || match (status.get(), lang.get()) {
                    (Status::None, _) => String::new(),
                    (Status::Saved(n), Lang::Zh) => format!("已下载“{n}”。"),
                    (Status::Saved(n), Lang::En) => format!("Downloaded “{n}”."),
                    (Status::Failed(e), Lang::Zh) => format!("浏览器未能保存：{e}"),
                    (Status::Failed(e), Lang::En) => format!("The browser could not save it: {e}"),
                }}
            </p>
        </header>
        <main class="report" data-testid="report">
            <header class="report-head">
                <p class="report-kicker">{move || lang.get().pick("容器部署方案报告", "Container deployment report")}</p>
                <h1 data-testid="report-title">{move || presentation.with(|p| p.title.clone())}</h1>
                <p class="hint">
                    {move || lang.get().pick(
                        "只读报告：所有数字由 StackFit 引擎按发送时的方案计算，价格注明来源和日期。",
                        "Read-only: every figure is computed by the StackFit engine from the plan as it was sent; each price says where it comes from and when.",
                    )}
                </p>
            </header>
            <section class="report-section report-summary" aria-labelledby="report-summary-title">
                <h2 id="report-summary-title">{move || lang.get().pick("结论", "Summary")}</h2>
                <p class="report-lead" data-testid="report-summary">{move || presentation.with(|p| keep_units(&p.summary))}</p>
                <p class="report-rule" data-testid="report-rule">{move || presentation.with(|p| keep_units(&p.rule))}</p>
                <Show when=move || presentation.with(|p| !p.context.is_empty())>
                    <p class="report-context">{move || presentation.with(|p| p.context.clone())}</p>
                </Show>
            </section>
            <section class="report-section report-comparison" aria-labelledby="report-compare-title">
                <h2 id="report-compare-title">{move || lang.get().pick("方案对比", "Options side by side")}</h2>
                <CostChart presentation references />
                <ComparisonTable presentation references />
            </section>
            {move || {
                presentation.with(|p| {
                    p.options
                        .iter()
                        .cloned()
                        .map(|section| view! { <OptionReport section recommended=p.recommended.clone() report stem saved /> })
                        .collect_view()
                })
            }}
            <section class="report-section report-assumptions" aria-labelledby="report-assumptions-title">
                <h2 id="report-assumptions-title">{move || lang.get().pick("前提与假设", "Assumptions")}</h2>
                <ul data-testid="report-assumptions">
                    {move || presentation.with(|p| p.assumptions.iter().map(|a| view! { <li>{keep_units(a)}</li> }).collect_view())}
                </ul>
            </section>
            <footer class="report-foot hint">
                {move || lang.get().pick(
                    "由 StackFit 生成。链接里就是完整的方案，不经过任何服务器。",
                    "Made with StackFit. The whole plan is in the link; no server is involved.",
                )}
            </footer>
        </main>
    }
}

/// One option: its servers with their diagrams, then its findings.
#[component]
fn OptionReport(
    section: OptionSection,
    recommended: Option<String>,
    report: StoredValue<Report>,
    stem: StoredValue<String>,
    saved: Callback<Result<String, String>>,
) -> impl IntoView {
    let lang = use_lang();
    let is_recommended = recommended.as_deref() == Some(section.id.as_str());
    let option_id = section.id.clone();
    let colors = report.with_value(|r| {
        r.option(&option_id)
            .map(|o| {
                option_colors(o.servers.iter().flat_map(|s| {
                    s.placements
                        .iter()
                        .map(|p| (p.id.as_str(), p.service.as_str()))
                }))
            })
            .unwrap_or_default()
    });
    let colors = StoredValue::new(colors);
    let heading_id = format!("report-option-{}", section.id);
    let labelled_by = heading_id.clone();
    let findings = section.findings.clone();
    view! {
        <section class="report-section report-option" data-testid="report-option" data-option-id=section.id.clone() aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {section.name.clone()}
                {is_recommended.then(|| view! { " " <span class="recommended-tag">{move || lang.get().pick("★ 推荐", "★ Recommended")}</span> })}
            </h2>
            {(!section.note.is_empty()).then(|| view! { <p class="report-note">{section.note.clone()}</p> })}
            {section
                .servers
                .iter()
                .cloned()
                .map(|server| {
                    let server_report = report.with_value(|r| {
                        r.option(&option_id).and_then(|o| o.server(&server.id)).cloned()
                    });
                    view! { <ServerFigure section=server server_report colors option_id=option_id.clone() stem saved /> }
                })
                .collect_view()}
            <h3>{move || lang.get().pick("问题与建议", "Findings")}</h3>
            {if findings.is_empty() {
                view! { <p class="hint">{move || lang.get().pick("没有发现问题。", "Nothing found.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="report-findings">
                        {findings
                            .into_iter()
                            .map(|f| {
                                let severity = f.severity;
                                let (zh, en, class) = match severity {
                                    stackfit_core::fit::Severity::Critical => ("严重", "Critical", "critical"),
                                    stackfit_core::fit::Severity::Warning => ("警告", "Warning", "warning"),
                                    stackfit_core::fit::Severity::Info => ("提示", "Note", "info"),
                                };
                                view! {
                                    <li class=format!("report-finding severity-{class}") data-testid="report-finding">
                                        <span class=format!("severity severity-{class}")>{move || lang.get().pick(zh, en)}</span>
                                        " "
                                        <span class="finding-server">{f.server.clone()}</span>
                                        {move || lang.get().pick("：", ": ")}
                                        {keep_units(&f.message)}
                                        {f.fix.clone().map(|fix| view! {
                                            <span class="finding-fix">{move || lang.get().pick("建议：", "Fix: ")}{keep_units(&fix)}</span>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
