//! The "place on…" menu: lists the servers of the option on screen; picking
//! one adds the service there, says so in the live region and gives focus
//! back to the palette. It is how the keyboard and touch place services.

use leptos::html;
use leptos::prelude::*;
use stackfit_core::catalog;

use crate::i18n::Lang;
use crate::state::{use_announcer, use_lang, use_planner, use_popovers, Announcer, Planner};

/// "PostgreSQL placed on A — master." in `lang`.
pub fn placed_text(service: &str, server_label: &str, lang: Lang) -> String {
    let name = catalog::service(service).map_or(service, |s| lang.pick(s.name_zh, s.name_en));
    match lang {
        Lang::Zh => format!("已把 {name} 放到 {server_label}。"),
        Lang::En => format!("{name} placed on {server_label}."),
    }
}

/// Places `service` on `server` and announces it (drag and drop, the menu).
pub fn place_and_announce(
    planner: Planner,
    announcer: Announcer,
    lang: Lang,
    service: &str,
    server: &str,
) {
    if planner.place(service, server).is_some() {
        let label = planner.with_option(|o| {
            o.and_then(|o| o.server(server))
                .map(|s| s.label.clone())
                .unwrap_or_default()
        });
        announcer.say(placed_text(service, &label, lang));
    }
}

/// A menu of servers for placing `service`; closes on a choice, Escape or a
/// click outside (see `browser::dismiss`).
#[component]
pub fn PlaceMenu(
    /// Catalog id of the service to place.
    service: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let popovers = use_popovers();
    let announcer = use_announcer();
    let menu = NodeRef::<html::Div>::new();
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
        place_and_announce(planner, announcer, lang.get_untracked(), service, &server);
        popovers.dismiss();
    };
    view! {
        <div
            class="menu place-menu"
            role="menu"
            data-testid="place-menu"
            node_ref=menu
            on:keydown=move |ev| {
                let delta = match ev.key().as_str() {
                    "ArrowDown" => 1,
                    "ArrowUp" => -1,
                    _ => return,
                };
                ev.prevent_default();
                if let Some(menu) = menu.get_untracked() {
                    crate::browser::focus::step_focus(&menu, "[role=menuitem]", delta);
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
            <button role="menuitem" class="cancel" on:click=move |_| popovers.dismiss()>
                {move || lang.get().pick("取消", "Cancel")}
            </button>
        </div>
    }
}
