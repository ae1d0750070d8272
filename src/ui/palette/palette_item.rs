//! One service in the palette: drag it onto a server, or open its menu
//! (Enter, or the ＋ button on touch screens) and pick the server.

use leptos::prelude::*;
use stackfit_core::model::ServiceDef;

use super::PlaceMenu;
use crate::state::use_lang;

/// MIME type carrying a service id in a drag from the palette.
pub const DRAG_SERVICE_MIME: &str = "application/x-stackfit-service";
/// MIME type carrying a placement id in a drag between servers.
pub const DRAG_PLACEMENT_MIME: &str = "application/x-stackfit-placement";

/// A catalog service the user can put on a server.
#[component]
pub fn PaletteItem(
    /// The catalog entry shown.
    service: &'static ServiceDef,
) -> impl IntoView {
    let lang = use_lang();
    let menu_open = RwSignal::new(false);
    let id = service.id;
    view! {
        <li
            class="palette-item"
            data-testid=format!("palette-item-{id}")
            draggable="true"
            tabindex="0"
            aria-haspopup="menu"
            on:dragstart=move |ev| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data(DRAG_SERVICE_MIME, id);
                    let _ = dt.set_data("text/plain", id);
                    dt.set_effect_allowed("copy");
                }
            }
            on:keydown=move |ev| {
                // Only keys pressed on the item itself: Enter on a button of
                // its menu must reach that button.
                let on_item = ev.target() == ev.current_target();
                if on_item && (ev.key() == "Enter" || ev.key() == " ") {
                    ev.prevent_default();
                    menu_open.set(true);
                }
            }
        >
            <span class="name">{move || lang.get().pick(service.name_zh, service.name_en)}</span>
            {service.images.first().map(|image| view! { <code class="image">{*image}</code> })}
            <button
                class="place-button"
                tabindex="-1"
                aria-label=move || lang.get().pick("放到服务器上", "Place on a server")
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                "＋"
            </button>
            <Show when=move || menu_open.get()>
                <PlaceMenu service=id open=menu_open />
            </Show>
        </li>
    }
}
