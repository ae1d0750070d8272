//! The "place on…" menu: lists the servers of the option on screen; picking
//! one adds the service there. It is how the keyboard and touch place services.

use leptos::html;
use leptos::prelude::*;

use crate::state::{use_lang, use_planner};

/// A menu of servers for placing `service`; closes on choice or Escape.
#[component]
pub fn PlaceMenu(
    /// Catalog id of the service to place.
    service: &'static str,
    /// Whether the menu is open; the menu closes itself by setting it false.
    open: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let first = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = first.get() {
            let _ = button.focus();
        }
    });
    let servers = move || {
        planner.with_option(|o| {
            o.map(|o| {
                o.servers
                    .iter()
                    .map(|s| (s.id.clone(), s.label.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    };
    let place = move |server: String| {
        planner.place(service, &server);
        open.set(false);
    };
    view! {
        <div
            class="menu place-menu"
            role="menu"
            data-testid="place-menu"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <p class="menu-title">{move || lang.get().pick("放到：", "Place on:")}</p>
            {move || {
                servers()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (id, label))| {
                        let testid = format!("place-on-{id}");
                        let node = if i == 0 { first } else { NodeRef::new() };
                        view! {
                            <button role="menuitem" data-testid=testid node_ref=node on:click=move |_| place(id.clone())>
                                {label}
                            </button>
                        }
                    })
                    .collect_view()
            }}
            <button role="menuitem" class="cancel" on:click=move |_| open.set(false)>
                {move || lang.get().pick("取消", "Cancel")}
            </button>
        </div>
    }
}
