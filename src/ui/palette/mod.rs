//! The service palette: the engine's catalog grouped by category, each entry
//! draggable onto a server.

mod palette_item;

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::model::Category;

use crate::i18n::Msg;
use crate::state::use_lang;
pub use palette_item::PaletteItem;

/// The left-hand catalog of services.
#[component]
pub fn Palette() -> impl IntoView {
    let lang = use_lang();
    let groups: Vec<_> = Category::ALL
        .into_iter()
        .filter_map(|category| {
            let services: Vec<_> =
                catalog::services().iter().filter(|s| s.category == category).collect();
            (!services.is_empty()).then_some((category, services))
        })
        .collect();
    view! {
        <aside class="palette" data-testid="palette">
            <h2>{move || Msg::Palette.text(lang.get())}</h2>
            <p class="hint">{move || Msg::PaletteHint.text(lang.get())}</p>
            {groups
                .into_iter()
                .map(|(category, services)| {
                    view! {
                        <section class="palette-group">
                            <h3>{move || lang.get().pick(category.name_zh(), category.name_en())}</h3>
                            <ul>
                                {services
                                    .into_iter()
                                    .map(|service| view! { <PaletteItem service /> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </aside>
    }
}
