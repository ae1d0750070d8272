//! The summary of the option on screen — verdict, monthly and yearly ¥,
//! findings by severity — and, when the plan has several options, the
//! options side by side with their cost differences.

mod compare;

use leptos::prelude::*;
use stackfit_core::fit::{OptionReport, Severity};
use stackfit_core::model::units::format_fen;

use crate::i18n::Lang;
use crate::state::{use_lang, use_planner};
use crate::ui::verdict::VerdictBadge;
pub use compare::OptionCompare;

/// "¥1,234.00" or, when a server has no price, what is missing.
pub fn money_text(fen: Option<i64>, lang: Lang) -> String {
    match fen {
        Some(fen) => format_fen(fen),
        None => lang.pick("价格未知", "price unknown").to_string(),
    }
}

fn count(option: &OptionReport, severity: Severity) -> usize {
    option.findings().filter(|f| f.severity == severity).count()
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
    let verdict = Signal::derive(move || option.with(|o| o.as_ref().map(|o| o.verdict)));
    view! {
        <section class="summary" data-testid="summary">
            <div class="summary-verdict" data-testid="verdict" data-verdict=move || verdict.get().map(|v| v.as_str())>
                <VerdictBadge verdict />
            </div>
            <div class="summary-cost">
                <span class="label">{move || lang.get().pick("每月", "Monthly")}</span>
                <strong data-testid="total-monthly">
                    {move || option.with(|o| money_text(o.as_ref().and_then(|o| o.monthly_fen), lang.get()))}
                </strong>
                <span class="label">{move || lang.get().pick("每年", "Yearly")}</span>
                <span data-testid="total-yearly">
                    {move || option.with(|o| money_text(o.as_ref().and_then(|o| o.yearly_fen), lang.get()))}
                </span>
            </div>
            <Show when=move || option.with(|o| o.as_ref().is_some_and(|o| !o.unpriced_servers.is_empty()))>
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
                            Lang::Zh => format!("未计入：{names}（目录里没有可靠来源的价格，请在服务器卡片上填写实际价格）"),
                            Lang::En => format!("Not counted: {names} (no sourced catalog price — enter yours on the server card)"),
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
        </section>
        <OptionCompare />
    }
}
