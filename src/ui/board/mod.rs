//! The board: the servers of the option on screen, side by side, and a
//! button to add one.

mod add_server;
mod cpu_bar;
mod memory_diagram;
mod placement_chip;
mod server_card;
mod text_alternative;
mod tier_picker;

use leptos::prelude::*;

use crate::state::{use_lang, use_planner};
pub use add_server::AddServer;
pub use cpu_bar::CpuBar;
pub use memory_diagram::MemoryDiagram;
pub use placement_chip::PlacementChip;
pub use server_card::ServerCard;
pub use text_alternative::TextAlternative;
pub use tier_picker::TierPicker;

/// The servers of the option on screen.
#[component]
pub fn Board() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let server_ids = Memo::new(move |_| {
        planner.with_option(|o| {
            o.map(|o| o.servers.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="board" data-testid="board">
            <h2 class="visually-hidden">{move || lang.get().pick("服务器", "Servers")}</h2>
            <div class="server-row">
                <For each=move || server_ids.get() key=|id| id.clone() let:id>
                    <ServerCard server_id=id />
                </For>
                <AddServer />
            </div>
        </section>
    }
}
