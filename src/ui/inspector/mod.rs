//! The inspector: edits the selected placement or server, or the plan's
//! settings when nothing is selected. Every edit is an engine action.

mod memory_field;
mod placement_inspector;
mod plan_settings;
mod server_inspector;

use leptos::prelude::*;

use crate::state::{use_planner, Selection};
pub use memory_field::{parse_memory_field, MemoryField};
pub use placement_inspector::PlacementInspector;
pub use plan_settings::PlanSettings;
pub use server_inspector::ServerInspector;

/// The inspector panel.
#[component]
pub fn Inspector() -> impl IntoView {
    let planner = use_planner();
    view! {
        <section class="inspector edit-only" data-testid="inspector">
            {move || match planner.selection.get() {
                Selection::Placement(id) => view! { <PlacementInspector placement_id=id /> }.into_any(),
                Selection::Server(id) => view! { <ServerInspector server_id=id /> }.into_any(),
                Selection::None => view! { <PlanSettings /> }.into_any(),
            }}
        </section>
    }
}
