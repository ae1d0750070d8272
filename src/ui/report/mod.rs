//! The report for budget holders: a read-only page with its own link,
//! `#report.<share-link payload>`, that shows the engine's presentation of
//! a plan (`present::present`) — the summary, the comparison, each option's
//! allocation diagrams and findings, the assumptions — in zh-CN or English,
//! printable on A4 and readable on a phone. Its link carries the plan with
//! the sender's quotes (`cost::as_sent`), so it prices exactly as sent; opening
//! it reads nothing from and writes nothing to the reader's saved plans.

pub mod button;
mod page;
mod server_figure;

use leptos::prelude::*;
use stackfit_core::codec::link;
#[cfg(test)]
use stackfit_core::model::price::PriceBook;
use stackfit_core::model::Plan;

use crate::browser::address;
use crate::browser::links::Refusal;
use crate::i18n::Lang;
use crate::state::lang::provide_page_lang;
use page::ReportPage;

/// The fragment of `plan`'s report link, read with `book`: the plan with
/// the quotes it uses carried as the sender's, then the share link's payload.
/// The page writes it through the tools worker
/// ([`crate::browser::links::write`] of the same plan); this is the same
/// fragment, for tests.
#[cfg(test)]
pub fn report_fragment(plan: &Plan, book: &PriceBook) -> String {
    format!(
        "{}{}",
        address::REPORT_PREFIX,
        stackfit_core::codec::link::plan_to_fragment(&stackfit_core::cost::as_sent(plan, book))
    )
}

/// A file name from a plan's name: letters, digits and CJK kept, the rest
/// a dash, at most 60 characters.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "stackfit".into()
    } else {
        out
    }
}

/// The report page: the whole app when the address asks for a report.
/// It reads its link as it mounts (the report, or why it cannot be
/// opened); its root carries `data-testid="report-ready"` once mounted.
#[component]
pub fn ReportApp(
    /// The share-link payload after `#report.`.
    payload: String,
) -> impl IntoView {
    let lang = provide_page_lang();
    let opened = payload.clone();
    // Another fragment (the planner's link, another report) is another page.
    address::reload_when_fragment(move |f| address::report_payload_of(f) != Some(opened.as_str()));
    // The plan, unpacked here in the extras: opening a report starts no
    // tools worker (only its Markdown and CSV buttons do), so a budget
    // holder's phone fetches the planner and the extras, not the worker too.
    let read: Result<Plan, Refusal> = link::plan_from_fragment(&payload)
        .map(|r| r.plan)
        .map_err(Refusal::from);
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    let body = match read {
        Ok(plan) => view! { <ReportPage plan payload=payload.clone() /> }.into_any(),
        Err(Refusal { en, zh }) => view! {
            <main class="report report-error" data-testid="report-error">
                <h1>{move || lang.get().pick("无法打开这份报告", "This report can't be opened")}</h1>
                <p role="alert">{move || if lang.get() == Lang::Zh { zh.clone() } else { en.clone() }}</p>
                <p><a href="./">{move || lang.get().pick("打开 StackFit 规划器", "Open the StackFit planner")}</a></p>
            </main>
        }
        .into_any(),
    };
    view! {
        <div class="report-app" data-testid=move || mounted.get().then_some("report-ready")>
            {body}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackfit_core::model::price::{Billing, Quote, QuoteFrom};

    /// The report link carries the sender's quotes for the tiers the plan
    /// uses, and reads back as the same plan with them.
    #[test]
    fn a_report_link_carries_the_quotes_it_uses() {
        let plan = stackfit_core::templates::get("s3").unwrap();
        let mut book = PriceBook::default();
        book.set(Quote {
            tier: "aliyun-ecs-c7-large".into(),
            monthly_fen: 18_000,
            yearly_fen: Some(183_600),
            billing: Billing::YearlyPrepaid,
            date: "2026-11-30".into(),
            note: "sales".into(),
            from: QuoteFrom::Mine,
        });
        let fragment = report_fragment(&plan, &book);
        let payload = address::report_payload_of(&fragment).unwrap();
        let back = stackfit_core::codec::link::plan_from_fragment(payload)
            .unwrap()
            .plan;
        assert_eq!(back.quotes.len(), 1);
        assert_eq!(back.quotes[0].from, QuoteFrom::Sender);
        assert_eq!(back.options, plan.options);
    }

    #[test]
    fn file_stems_keep_words_and_drop_the_rest() {
        assert_eq!(
            file_stem("FinRep daily reports (S0)"),
            "FinRep-daily-reports-S0"
        );
        assert_eq!(file_stem("欧拉流 / 方案"), "欧拉流-方案");
        assert_eq!(file_stem("///"), "stackfit");
    }
}
