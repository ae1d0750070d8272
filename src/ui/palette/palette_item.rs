//! One draggable service in the palette.

use leptos::prelude::*;
use stackfit_core::model::ServiceDef;

use crate::state::use_lang;

/// MIME type carrying a service id in a drag from the palette.
pub const DRAG_SERVICE_MIME: &str = "application/x-stackfit-service";

/// A catalog service the user can drag onto a server.
#[component]
pub fn PaletteItem(
    /// The catalog entry shown.
    service: &'static ServiceDef,
) -> impl IntoView {
    let lang = use_lang();
    let id = service.id;
    view! {
        <li
            class="palette-item"
            data-testid=format!("palette-item-{id}")
            draggable="true"
            tabindex="0"
            on:dragstart=move |ev| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data(DRAG_SERVICE_MIME, id);
                    let _ = dt.set_data("text/plain", id);
                    dt.set_effect_allowed("copy");
                }
            }
        >
            <span class="name">{move || lang.get().pick(service.name_zh, service.name_en)}</span>
            {service.images.first().map(|image| view! { <code class="image">{*image}</code> })}
        </li>
    }
}
