//! The inspector: edits the selected placement or server, or the plan's
//! settings when nothing is selected. Every edit is an engine action.

mod citations;
mod deploy_fields;
mod load_fields;
mod placement_inspector;
mod plan_settings;
pub mod selected;
mod server_inspector;

use leptos::prelude::*;

use crate::state::{use_lang, use_planner, Selection};
pub use citations::CitationsPanel;
pub use deploy_fields::DeployFields;
pub use load_fields::LoadFields;
pub use placement_inspector::PlacementInspector;
pub use plan_settings::PlanSettings;
pub use server_inspector::ServerInspector;

/// The inspector panel. With nothing selected it shows the plan's
/// settings; a selected server or placement is inspected by
/// [`selected::SelectedInspector`], which runs in the extras (loaded on the first
/// selection: `ui::extras::InspectorHost`). With something selected, a
/// button (like Escape or a click on the empty board) goes back to the plan
/// settings.
#[component]
pub fn Inspector() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let nothing = move || planner.selection.with(|s| *s == Selection::None);
    view! {
        <section class="inspector edit-only" data-testid="inspector">
            <Show when=move || !nothing()>
                <button
                    class="tool back"
                    data-testid="show-plan-settings"
                    title=move || lang.get().pick("也可按 Esc 或点击空白处", "Or press Esc, or click the empty board")
                    on:click=move |_| {
                        planner.selection.set(Selection::None);
                        crate::browser::focus::focus_testid_later("inspector-heading");
                    }
                >
                    {move || lang.get().pick("← 方案设置", "← Plan settings")}
                </button>
            </Show>
            <Show when=nothing>
                <PlanSettings />
            </Show>
            <crate::ui::extras::InspectorHost />
        </section>
    }
}
