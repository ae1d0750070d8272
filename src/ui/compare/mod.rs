//! Comparing a plan's options: the compare view (a dialog opened from the
//! options table) with the baseline the differences are against, the cost
//! bar chart, the full comparison, today's setup marked for comparison, the
//! recommendation and its rule, and the way to the report page. The table
//! and the chart are the report page's too.

mod cost_chart;
mod table;

use leptos::prelude::*;
use stackfit_core::present::{present, Presentation};
use stackfit_core::Action;

pub use cost_chart::CostChart;
pub use table::ComparisonTable;

use crate::i18n::keep_units;
use crate::state::{use_lang, use_planner};
use crate::ui::dialog::{Modal, OpenButton};
use crate::ui::report::button::ReportButton;

/// The popover key of the compare view.
pub const KEY: &str = "compare";

/// Opens the compare view.
#[component]
pub fn CompareButton() -> impl IntoView {
    view! { <OpenButton key=KEY class="tool" testid="compare-open" label=("详细对比…", "Compare in detail…") /> }
}

/// The compare view, shown while its popover is open.
#[component]
pub fn CompareDialog() -> impl IntoView {
    view! {
        <Modal key=KEY class="compare-dialog" testid="compare-view" labelledby="compare-view-title" title=("方案对比", "Options side by side")>
            <CompareView />
        </Modal>
    }
}

#[component]
fn CompareView() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let presentation: Memo<Presentation> = Memo::new(move |_| {
        let lang = lang.get().into();
        planner.with_plan(|plan| planner.report.with(|report| present(plan, report, lang)))
    });
    let options = Memo::new(move |_| {
        planner.with_plan(|p| {
            p.options
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let references = Signal::derive(move || {
        planner.with_plan(|p| {
            p.options
                .iter()
                .filter(|o| o.reference)
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let baseline = Memo::new(move |_| presentation.with(|p| p.baseline.clone()));
    let set_reference = Callback::new(move |(option, reference): (String, bool)| {
        planner.dispatch(Action::SetReference { option, reference });
    });
    view! {
        <div class="compare-tools">
            <label class="field compare-baseline">
                <span>{move || lang.get().pick("费用差额的对比基准", "Differences against")}</span>
                <select
                    data-testid="compare-baseline"
                    on:change=move |ev| planner.dispatch(Action::SetBaseline { option: Some(event_target_value(&ev)) })
                >
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|(id, name)| {
                                let selected = {
                                    let id = id.clone();
                                    move || baseline.with(|b| b.as_deref() == Some(id.as_str()))
                                };
                                view! { <option value=id prop:selected=selected>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <ReportButton />
        </div>
        <p class="compare-summary" data-testid="compare-rule">
            <strong>{move || presentation.with(|p| keep_units(&p.rule))}</strong>
            " "
            <span data-testid="compare-reason">{move || presentation.with(|p| keep_units(&p.reason))}</span>
        </p>
        <CostChart presentation references />
        <ComparisonTable presentation references on_reference=set_reference />
    }
}
