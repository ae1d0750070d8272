//! One service in the palette: drag it onto a server, or open its menu
//! (click, tap, Enter or Space) and pick the server. The palette is one Tab
//! stop: arrow keys move between services (a roving tabindex).

use leptos::prelude::*;
use stackfit_core::model::ServiceDef;

use super::PlaceMenu;
use crate::browser::focus::focus_testid;
use crate::state::{use_lang, use_popovers};

/// MIME type carrying a service id in a drag from the palette.
pub const DRAG_SERVICE_MIME: &str = "application/x-stackfit-service";
/// MIME type carrying a placement id in a drag between servers.
pub const DRAG_PLACEMENT_MIME: &str = "application/x-stackfit-placement";

/// The palette's one Tab stop and the order arrow keys follow.
#[derive(Clone, Copy)]
pub struct Roving {
    /// The services on screen, in order.
    pub visible: Memo<Vec<&'static str>>,
    /// The service that last had focus.
    pub active: RwSignal<Option<&'static str>>,
}

impl Roving {
    /// The service that takes Tab: the last focused one while it is on
    /// screen, else the first.
    fn tab_stop(&self) -> Option<&'static str> {
        let active = self.active.get();
        self.visible
            .with(|v| active.filter(|a| v.contains(a)).or(v.first().copied()))
    }

    /// Moves focus `key` away from `from` (arrows, Home, End); false for other keys.
    fn step(&self, from: &'static str, key: &str) -> bool {
        let target = self.visible.with_untracked(|v| {
            let i = v.iter().position(|s| *s == from)?;
            let last = v.len().checked_sub(1)?;
            let j = match key {
                "ArrowDown" | "ArrowRight" => (i + 1).min(last),
                "ArrowUp" | "ArrowLeft" => i.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                _ => return None,
            };
            Some(v[j])
        });
        match target {
            Some(t) => {
                self.active.set(Some(t));
                focus_testid(&format!("palette-item-{t}"));
                true
            }
            None => false,
        }
    }
}

/// A catalog service the user can put on a server.
#[component]
pub fn PaletteItem(
    /// The catalog entry shown.
    service: &'static ServiceDef,
    /// The palette's roving tab stop.
    roving: Roving,
) -> impl IntoView {
    let lang = use_lang();
    let popovers = use_popovers();
    let id = service.id;
    let key = format!("place:{id}");
    let open = {
        let key = key.clone();
        Memo::new(move |_| popovers.is_open(&key))
    };
    let toggle = {
        let key = key.clone();
        move || popovers.toggle(&key)
    };
    let toggle2 = toggle.clone();
    let trigger = key.clone();
    view! {
        <li class="palette-row" data-popover=key>
            <div
                class="palette-item"
                role="button"
                data-testid=format!("palette-item-{id}")
                data-popover-trigger=trigger
                draggable="true"
                tabindex=move || if roving.tab_stop() == Some(id) { "0" } else { "-1" }
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                title=move || lang.get().pick("拖到服务器上，或点击 / 按 Enter 选择服务器", "Drag onto a server, or click / press Enter to pick one")
                on:focus=move |_| roving.active.set(Some(id))
                on:dragstart=move |ev| {
                    if let Some(dt) = ev.data_transfer() {
                        let _ = dt.set_data(DRAG_SERVICE_MIME, id);
                        let _ = dt.set_data("text/plain", id);
                        dt.set_effect_allowed("copy");
                    }
                }
                on:click=move |_| toggle()
                on:keydown=move |ev| {
                    let key = ev.key();
                    if key == "Enter" || key == " " {
                        ev.prevent_default();
                        toggle2();
                    } else if roving.step(id, &key) {
                        ev.prevent_default();
                    }
                }
            >
                <span class="name">{move || lang.get().pick(service.name_zh, service.name_en)}</span>
                {service.images.first().map(|image| view! { <code class="image">{*image}</code> })}
                <span class="place-button" aria-hidden="true">"＋"</span>
            </div>
            <Show when=move || open.get()>
                <PlaceMenu service=id />
            </Show>
        </li>
    }
}
