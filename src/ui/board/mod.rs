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

use stackfit_core::chart::palette::{option_colors, Rgb};

use crate::state::{use_lang, use_planner, Selection};
pub use add_server::AddServer;
pub use cpu_bar::CpuBar;
pub use memory_diagram::MemoryDiagram;
pub use placement_chip::PlacementChip;
pub use server_card::ServerCard;
pub use text_alternative::TextAlternative;
pub use tier_picker::TierPicker;

/// The servers of the option on screen. A click on the board itself (not on
/// a card) clears the selection, so the inspector shows the plan settings.
#[component]
pub fn Board() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    // One colour per placement for the whole option: it keeps its colour
    // when it moves to another server.
    let colors = Memo::new(move |_| {
        let option = planner.option_id.get();
        planner.report.with(|r| {
            r.option(&option)
                .map(|o| {
                    option_colors(o.servers.iter().flat_map(|s| {
                        s.placements
                            .iter()
                            .map(|p| (p.id.as_str(), p.service.as_str()))
                    }))
                })
                .unwrap_or_default()
        })
    });
    let colors: Signal<Vec<(String, Rgb)>> = colors.into();
    let server_ids = Memo::new(move |_| {
        planner.with_option(|o| {
            o.map(|o| o.servers.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <section
            class="board"
            data-testid="board"
            on:click=move |ev| {
                // Only the board's own background, not a card or a chip.
                if !crate::browser::focus::is_inside(ev.target(), ".server-card, .add-server") {
                    planner.selection.set(Selection::None);
                }
            }
        >
            <h2 class="visually-hidden">{move || lang.get().pick("服务器", "Servers")}</h2>
            <div class="server-row">
                <For each=move || server_ids.get() key=|id| id.clone() let:id>
                    <ServerCard server_id=id colors />
                </For>
                <AddServer />
            </div>
        </section>
    }
}
