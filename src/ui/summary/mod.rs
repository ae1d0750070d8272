//! The summary of the option on screen — verdict, monthly and yearly ¥,
//! findings by severity — and, when the plan has several options, the
//! options side by side with their cost differences.

mod breaking;
mod compare;
mod load;

use leptos::prelude::*;
use stackfit_core::cost::price_basis_words;
use stackfit_core::fit::{option_limited_by_words, OptionReport, Severity};
use stackfit_core::model::units::format_fen;

use crate::i18n::{keep_units, money_text, Lang};
use crate::state::{use_lang, use_planner, WhatIf};
use crate::ui::export::ExportButton;
use crate::ui::layout_search::SearchButton;
use crate::ui::verdict::{PortClashBadge, VerdictBadge};
pub use breaking::BreakingPoints;
pub use compare::OptionCompare;
pub use load::{step_of, LoadSlider, STEPS};

fn count(option: &OptionReport, severity: Severity) -> usize {
    option.findings().filter(|f| f.severity == severity).count()
}

/// What an option's quoted total covers and where it comes from.
fn quote_text(o: &OptionReport, lang: Lang) -> Option<String> {
    let q = o.quote.as_ref()?;
    let money = format_fen(q.monthly_fen);
    let labels: Vec<&str> = o.servers.iter().map(|s| s.label.as_str()).collect();
    let n = labels.len();
    let source = if q.note.is_empty() {
        lang.pick("未注明", "not given").to_string()
    } else {
        q.note.clone()
    };
    Some(match lang {
        // Managed services only (no servers of its own): the quote is all of it.
        Lang::Zh if n == 0 => format!("这是整个方案的报价：{money}/月（方案中没有自建服务器）。来源：{source}"),
        Lang::En if n == 0 => format!(
            "A quote for the whole option: {money}/month (it has no servers of its own). Source: {source}"
        ),
        Lang::Zh => format!(
            "这是整个方案的报价：{money}/月，覆盖全部 {n} 台服务器（{}），不再逐台累加服务器价格。来源：{source}",
            labels.join("、")
        ),
        Lang::En => format!(
            "A quote for the whole option: {money}/month covering all {n} servers ({}); the servers' own prices are not added. Source: {source}",
            labels.join(", ")
        ),
    })
}

/// Where the option's server prices come from, each source once:
/// "Prices: your quote (2026-11-30); catalog list price, read 2026-11-01".
fn price_sources_text(o: &OptionReport, lang: Lang) -> String {
    let mut sources: Vec<String> = Vec::new();
    for s in &o.servers {
        let words = price_basis_words(&s.price_basis, lang.into());
        if !sources.contains(&words) {
            sources.push(words);
        }
    }
    match lang {
        Lang::Zh => format!("价格来源：{}", sources.join("；")),
        Lang::En => format!("Prices: {}", sources.join("; ")),
    }
}

/// The summary bar above the board.
#[component]
pub fn Summary() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let option = Memo::new(move |_| {
        let id = planner.option_id.get();
        planner.report.with(|r| r.option(&id).cloned())
    });
    // An option without servers has nothing to judge: no badge; without a
    // quote for the whole either, nothing to price: "—".
    let empty = move || option.with(|o| o.as_ref().is_some_and(stackfit_core::present::unpriced));
    let quoted_whole = move || {
        option.with(|o| {
            o.as_ref()
                .is_some_and(|o| o.servers.is_empty() && o.quote.is_some())
        })
    };
    let verdict = Signal::derive(move || {
        option.with(|o| {
            o.as_ref()
                .filter(|o| !o.servers.is_empty())
                .map(|o| o.verdict)
        })
    });
    let money = move |fen: Option<i64>| {
        if empty() {
            "—".to_string()
        } else {
            money_text(fen, lang.get())
        }
    };
    // Host ports published twice on any server: said beside the verdict,
    // as each server's card says it.
    let clashes =
        Signal::derive(move || option.with(|o| o.as_ref().map_or(0, |o| o.port_clashes())));
    let clash_words = Signal::derive(move || {
        option.with(|o| {
            o.as_ref()
                .and_then(|o| o.port_clash_finding())
                .map(|f| f.message(lang.get().into()))
        })
    });
    // Breaking points per plan change (not per slider move).
    let whatif = WhatIf::new(planner).follow();
    view! {
        <section class="summary" data-testid="summary">
            <div class="summary-verdict" data-testid="verdict" data-verdict=move || verdict.get().map(|v| v.as_str())>
                <VerdictBadge verdict />
                <PortClashBadge clashes title=clash_words />
                <span class="limited-by" data-testid="option-limited-by">
                    {move || if empty() {
                        Some(lang.get().pick("尚无服务器：先添加一台", "No servers yet: add one").to_string())
                    } else if quoted_whole() {
                        Some(lang.get().pick("按整体报价计费，没有服务器可评估", "Priced as a whole by its quote: no servers to judge").to_string())
                    } else {
                        option.with(|o| o.as_ref().map(|o| keep_units(&option_limited_by_words(o, lang.get().into()))))
                    }}
                </span>
            </div>
            <div class="summary-cost">
                <span class="label">{move || lang.get().pick("每月", "Monthly")}</span>
                <strong data-testid="total-monthly">
                    {move || money(option.with(|o| o.as_ref().and_then(|o| o.monthly_fen)))}
                </strong>
                <Show when=move || option.with(|o| o.as_ref().is_some_and(|o| o.quote.is_some()))>
                    <span class="quote-tag">{move || lang.get().pick("报价", "quote")}</span>
                </Show>
                <span class="label">{move || lang.get().pick("每年", "Yearly")}</span>
                <span data-testid="total-yearly">
                    {move || money(option.with(|o| o.as_ref().and_then(|o| o.yearly_fen)))}
                </span>
            </div>
            // An option quote says its own source below; else each server price's.
            <Show when=move || option.with(|o| o.as_ref().is_some_and(|o| o.quote.is_none() && !o.servers.is_empty()))>
                <p class="summary-prices" data-testid="total-price-source">
                    {move || option.with(|o| o.as_ref().map(|o| price_sources_text(o, lang.get())))}
                </p>
            </Show>
            <Show when=move || option.with(|o| o.as_ref().is_some_and(|o| o.quote.is_some()))>
                <p class="summary-quote" data-testid="option-quote">
                    {move || option.with(|o| o.as_ref().and_then(|o| quote_text(o, lang.get())))}
                </p>
            </Show>
            // A quote covers every server: nothing is left out of its total.
            <Show when=move || option.with(|o| o.as_ref().is_some_and(|o| o.quote.is_none() && !o.unpriced_servers.is_empty()))>
                <p class="summary-unpriced" data-testid="unpriced">
                    {move || {
                        let names = option.with(|o| {
                            o.as_ref()
                                .map(|o| {
                                    o.servers
                                        .iter()
                                        .filter(|s| o.unpriced_servers.contains(&s.id))
                                        .map(|s| s.label.as_str())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                })
                                .unwrap_or_default()
                        });
                        match lang.get() {
                            Lang::Zh => format!("未计入：{names}（目录里没有可靠来源的价格，请在“我的报价”或服务器卡片上填写实际价格）"),
                            Lang::En => format!("Not counted: {names} (no sourced catalog price — add your quote in My prices, or a price on the server card)"),
                        }
                    }}
                </p>
            </Show>
            <ul class="summary-counts" data-testid="finding-counts">
                {[Severity::Critical, Severity::Warning, Severity::Info]
                    .into_iter()
                    .map(|severity| {
                        let (zh, one, many, class) = match severity {
                            Severity::Critical => ("严重", "critical", "critical", "critical"),
                            Severity::Warning => ("警告", "warning", "warnings", "warning"),
                            Severity::Info => ("提示", "note", "notes", "info"),
                        };
                        let n = move || option.with(|o| o.as_ref().map_or(0, |o| count(o, severity)));
                        view! {
                            <li class=format!("count count-{class}")>
                                <strong>{n}</strong>
                                " "
                                {move || lang.get().pick(zh, if n() == 1 { one } else { many })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ExportButton />
            <SearchButton />
            <div class="whatif" data-testid="whatif">
                <LoadSlider />
                <BreakingPoints whatif />
            </div>
        </section>
        <OptionCompare />
    }
}
