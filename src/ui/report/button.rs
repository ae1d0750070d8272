//! The planner's Report button: the report page of the plan on screen, in
//! a new tab. Apart from the page itself (`report::page`), so the views
//! that carry the button (the header, the compare view) do not import the
//! page that draws the compare view's table.

use leptos::prelude::*;
use stackfit_core::cost::as_sent;

use crate::browser::address::{self, REPORT_PREFIX};
use crate::browser::links;
use crate::state::use_lang;

/// Opens the report of the plan on screen in a new tab (its link is what
/// the budget holder is sent).
#[component]
pub fn ReportButton() -> impl IntoView {
    let lang = use_lang();
    let planner = crate::state::use_planner();
    let open = move |_| {
        let sent = planner
            .book
            .with_untracked(|book| planner.with_plan(|plan| as_sent(plan, book)));
        // The tab opens now, from the click; its address follows once the
        // tools worker has written the link (asked through the extras).
        let tab = address::open_blank_tab();
        links::write_from_page(&sent, move |written| match written {
            Ok(fragment) => address::send_tab(
                tab,
                &format!("{}#{REPORT_PREFIX}{fragment}", address::page_url()),
            ),
            Err(_) => {
                if let Some(tab) = tab {
                    let _ = tab.close();
                }
            }
        });
    };
    view! {
        <button class="tool" data-testid="open-report" on:click=open title=move || lang.get().pick(
            "在新标签页打开给预算负责人看的只读报告；它的链接可以直接发送。",
            "Opens the read-only report for budget holders in a new tab; its link can be sent as it is.",
        )>
            {move || lang.get().pick("报告", "Report")}
        </button>
    }
}
