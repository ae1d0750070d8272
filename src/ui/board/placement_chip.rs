//! A placement on a server card: its service, replicas and memory; drag it
//! to another server, or use its "move to" menu; select it to inspect it.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::model::units::format_mib;
use stackfit_core::Action;

use crate::browser::focus::focus_selector_later;
use crate::i18n::{keep_units, Lang};
use crate::state::{use_announcer, use_lang, use_planner, Selection};

/// "PostgreSQL removed from A — master." in `lang`.
fn removed_text(name: &str, server: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已从 {server} 移除 {name}。"),
        Lang::En => format!("{name} removed from {server}."),
    }
}
use crate::ui::palette::DRAG_PLACEMENT_MIME;

/// One placement in a server card.
#[component]
pub fn PlacementChip(
    /// The server it is on.
    server_id: String,
    /// The placement's id within the option.
    placement_id: String,
    /// Its colour in the memory diagram ("#rrggbb").
    #[prop(into)]
    swatch: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let announcer = use_announcer();
    let pid = StoredValue::new(placement_id);
    let sid = StoredValue::new(server_id);
    let placement = Memo::new(move |_| {
        let id = pid.get_value();
        planner.with_option(|o| {
            o.and_then(|o| o.find_placement(&id))
                .map(|(_, p)| p.clone())
        })
    });
    let numbers = Memo::new(move |_| {
        let option = planner.option_id.get();
        let id = pid.get_value();
        planner.report.with(|r| {
            r.option(&option)
                .and_then(|o| {
                    o.servers
                        .iter()
                        .flat_map(|s| &s.placements)
                        .find(|p| p.id == id)
                })
                .map(|p| (p.total.expected_mib, p.total.peak_mib, p.total.limit_mib))
        })
    });
    let service_id =
        move || placement.with(|p| p.as_ref().map(|p| p.service.clone()).unwrap_or_default());
    let name_untracked = move || {
        placement.with_untracked(|p| {
            p.as_ref().map_or(String::new(), |p| {
                catalog::service(&p.service)
                    .map_or(p.service.as_str(), |s| {
                        lang.get_untracked().pick(s.name_zh, s.name_en)
                    })
                    .to_string()
            })
        })
    };
    let server_label = move || {
        let here = sid.get_value();
        planner.with_plan(|plan| {
            plan.option(&planner.option_id.get_untracked())
                .and_then(|o| o.server(&here))
                .map(|s| s.label.clone())
                .unwrap_or_default()
        })
    };
    let name = move || {
        placement.with(|p| {
            let Some(p) = p else { return String::new() };
            catalog::service(&p.service)
                .map_or(p.service.as_str(), |s| {
                    lang.get().pick(s.name_zh, s.name_en)
                })
                .to_string()
        })
    };
    // The placement's own id tells apart placements of one service (S3's
    // worker-high, worker-normal, worker-low); shown when it is not just
    // the service's id.
    let short_label = move || {
        placement.with(|p| {
            p.as_ref()
                .filter(|p| p.id != p.service)
                .map(|p| p.id.clone())
        })
    };
    let title = move || match short_label() {
        Some(id) => format!("{} · {id}", name()),
        None => name(),
    };
    let replicas = move || placement.with(|p| p.as_ref().map_or(1, |p| p.replicas));
    let other_servers = move || {
        let here = sid.get_value();
        planner.with_option(|o| {
            o.map(|o| {
                o.servers
                    .iter()
                    .filter(|s| s.id != here)
                    .map(|s| (s.id.clone(), s.label.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    };
    let selected = move || {
        planner
            .selection
            .with(|s| *s == Selection::Placement(pid.get_value()))
    };
    // Removes the placement, says so, and puts focus on its server's name
    // (the chip that had it is gone).
    let remove = move || {
        let option = planner.option_id.get_untracked();
        let text = removed_text(&name_untracked(), &server_label(), lang.get_untracked());
        planner.dispatch(Action::RemovePlacement {
            option,
            placement: pid.get_value(),
        });
        if planner.refusal.with_untracked(Option::is_none) {
            announcer.say(text);
            focus_selector_later(format!(
                "[data-server-id=\"{}\"] [data-testid=\"server-label\"]",
                sid.get_value()
            ));
        }
    };
    view! {
        <li
            class="placement"
            class:selected=selected
            data-testid=move || format!("placement-{}", service_id())
            data-placement-id=move || pid.get_value()
            draggable="true"
            tabindex="0"
            on:dragstart=move |ev| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data(DRAG_PLACEMENT_MIME, &pid.get_value());
                    dt.set_effect_allowed("move");
                }
            }
            on:click=move |_| planner.selection.set(Selection::Placement(pid.get_value()))
            on:keydown=move |ev| {
                if ev.target() != ev.current_target() {
                    return;
                }
                if ev.key() == "Enter" {
                    planner.selection.set(Selection::Placement(pid.get_value()));
                } else if ev.key() == "Delete" {
                    remove();
                }
            }
        >
            <span class="swatch" aria-hidden="true" style:background-color=move || swatch.get()></span>
            <span class="placement-text" title=title>
                <span class="placement-name">
                    {name}
                    <Show when=move || { replicas() > 1 }>
                        " "<span class="replicas">"×"{replicas}</span>
                    </Show>
                </span>
                {move || short_label().map(|id| view! { <code class="placement-id">{id}</code> })}
                <span class="placement-mem">
                    {move || {
                        let lang = lang.get();
                        numbers.get().map(|(e, p, l)| {
                            let [e, p, l] = [e, p, l].map(format_mib);
                            keep_units(&match lang {
                                Lang::Zh => format!("预计 {e} · 峰值 {p} · 上限 {l}"),
                                Lang::En => format!("expected {e} · peak {p} · limit {l}"),
                            })
                        })
                    }}
                </span>
            </span>
            <Show when=move || !other_servers().is_empty()>
                <select
                    class="move-to edit-only"
                    data-testid="move-to"
                    aria-label=move || lang.get().pick("移到其他服务器", "Move to another server")
                    on:click=|ev| ev.stop_propagation()
                    on:change=move |ev| {
                        let to_server = event_target_value(&ev);
                        if !to_server.is_empty() {
                            let option = planner.option_id.get_untracked();
                            planner.dispatch(Action::MovePlacement { option, placement: pid.get_value(), to_server });
                        }
                    }
                >
                    <option value="" selected>{move || lang.get().pick("移到…", "Move to…")}</option>
                    {move || other_servers().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                </select>
            </Show>
            <button
                class="icon edit-only"
                data-testid="remove-placement"
                aria-label=move || lang.get().pick("移除", "Remove")
                title=move || lang.get().pick("移除", "Remove")
                on:click=move |ev| {
                    ev.stop_propagation();
                    remove();
                }
            >
                "×"
            </button>
        </li>
    }
}
