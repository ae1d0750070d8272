//! The inspector of the selected server or placement: what the extras
//! mount in the page's inspector panel (`crate::extras::inspect`), apart
//! from the panel itself, which the page draws and which hosts it.

use leptos::prelude::*;

use super::placement_inspector::PlacementInspector;
use super::server_inspector::ServerInspector;
use crate::state::{use_planner, Selection};

/// The inspector of the selected server or placement, on the extras' copy
/// of the planner; nothing when nothing is selected. What is shown changes
/// only when the selection does: selecting what is already selected (its
/// chip clicked again) keeps the open panels and the fields' drafts.
#[component]
pub fn SelectedInspector() -> impl IntoView {
    let planner = use_planner();
    let shown = Memo::new(move |_| planner.selection.get());
    move || match shown.get() {
        Selection::Placement(id) => view! { <PlacementInspector placement_id=id /> }.into_any(),
        Selection::Server(id) => view! { <ServerInspector server_id=id /> }.into_any(),
        Selection::None => ().into_any(),
    }
}
