//! The service palette: the templates menu, a search box, and the engine's
//! catalog grouped by category, each entry draggable onto a server or placed
//! through its menu (keyboard and touch).

mod palette_item;
mod place_menu;
pub mod search;
mod template_menu;

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::model::Category;

use crate::i18n::Msg;
use crate::state::use_lang;
pub use palette_item::{PaletteItem, Roving, DRAG_PLACEMENT_MIME, DRAG_SERVICE_MIME};
pub use place_menu::{place_and_announce, placed_text, PlaceMenu};
pub use template_menu::TemplateMenu;

/// The left-hand catalog of services.
#[component]
pub fn Palette() -> impl IntoView {
    let lang = use_lang();
    let query = RwSignal::new(String::new());
    let groups = Memo::new(move |_| {
        let q = query.get();
        Category::ALL
            .into_iter()
            .filter_map(|category| {
                let services: Vec<_> = catalog::services()
                    .iter()
                    .filter(|s| s.category == category && search::matches(s, &q))
                    .collect();
                (!services.is_empty()).then_some((category, services))
            })
            .collect::<Vec<_>>()
    });
    let roving = Roving {
        visible: Memo::new(move |_| {
            groups.with(|g| {
                g.iter()
                    .flat_map(|(_, services)| services.iter().map(|s| s.id))
                    .collect()
            })
        }),
        active: RwSignal::new(None),
    };
    view! {
        <aside class="palette edit-only" data-testid="palette">
            <TemplateMenu />
            <h2>{move || Msg::Palette.text(lang.get())}</h2>
            <input
                type="search"
                class="palette-search"
                data-testid="palette-search"
                placeholder=move || lang.get().pick("搜索：名称或镜像，如 redis、数据库", "Search names or images, e.g. redis")
                aria-label=move || lang.get().pick("搜索服务", "Search services")
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <p class="hint">{move || Msg::PaletteHint.text(lang.get())}</p>
            {move || {
                let groups = groups.get();
                if groups.is_empty() {
                    return view! {
                        <p class="hint" data-testid="palette-empty">
                            {move || lang.get().pick("没有匹配的服务。可以用“自定义服务”。", "No service matches. Try the custom service.")}
                        </p>
                    }
                    .into_any();
                }
                groups
                    .into_iter()
                    .map(|(category, services)| {
                        view! {
                            <section class="palette-group">
                                <h3>{move || lang.get().pick(category.name_zh(), category.name_en())}</h3>
                                <ul>
                                    {services.into_iter().map(|service| view! { <PaletteItem service roving /> }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </aside>
    }
}
