//! One server on the board: label, tier, price, verdict, the memory and CPU
//! diagrams, and its placements; services dropped on it are placed there.

use leptos::prelude::*;
use stackfit_core::chart::palette::Rgb;
use stackfit_core::chart::{cpu_chart_in, memory_chart_in, MemoryChart};
use stackfit_core::cost::price_basis_words;
use stackfit_core::fit::{limited_by_words, ServerReport};
use stackfit_core::model::bounds;
use stackfit_core::model::units::format_mib;
use stackfit_core::Action;

use super::{CpuBar, MemoryDiagram, PlacementChip, TierPicker};
use crate::i18n::money_text;
use crate::i18n::{keep_units, Lang};
use crate::state::{use_announcer, use_lang, use_planner, Selection};
use crate::ui::fields::NameField;
use crate::ui::palette::{place_and_announce, DRAG_PLACEMENT_MIME, DRAG_SERVICE_MIME};
use crate::ui::verdict::{PortClashBadge, VerdictBadge};

/// A server of the option on screen.
#[component]
pub fn ServerCard(
    /// The server's id within the option.
    server_id: String,
    /// The option's colour for each placement, by placement id.
    colors: Signal<Vec<(String, Rgb)>>,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let announcer = use_announcer();
    let option_colors = colors;
    let id = StoredValue::new(server_id);
    let server = Memo::new(move |_| {
        let id = id.get_value();
        planner.with_option(|o| o.and_then(|o| o.server(&id)).cloned())
    });
    let report = Memo::new(move |_| {
        let option = planner.option_id.get();
        let id = id.get_value();
        planner.report.with(|r| {
            r.option(&option)
                .and_then(|o| o.servers.iter().find(|s| s.id == id))
                .cloned()
        })
    });
    // Memos, so a card's diagrams are redrawn only when its own numbers change.
    let memory = Memo::new(move |_| {
        let lang = lang.get().into();
        option_colors
            .with(|c| report.with(|r| r.as_ref().map(|r| memory_chart_in(r, Some(c), lang))))
    });
    let cpu = Memo::new(move |_| {
        let lang = lang.get().into();
        option_colors.with(|c| report.with(|r| r.as_ref().map(|r| cpu_chart_in(r, Some(c), lang))))
    });
    // The chips list the placements, each with its colour, so the card's
    // diagram keeps only the reserve and the key in its legend.
    let card_memory = Memo::new(move |_| memory.get().map(MemoryChart::without_placement_legend));
    let colors = Memo::new(move |_| {
        memory.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.placement_colors()
                        .into_iter()
                        .map(|(id, c)| (id, c.hex()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let label = move || server.with(|s| s.as_ref().map(|s| s.label.clone()).unwrap_or_default());
    let placement_ids = move || {
        server.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.placements
                        .iter()
                        .map(|p| p.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let drag_over = RwSignal::new(false);
    let selected = move || {
        planner
            .selection
            .with(|s| *s == Selection::Server(id.get_value()))
    };

    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        let Some(dt) = ev.data_transfer() else { return };
        let option = planner.option_id.get_untracked();
        let to_server = id.get_value();
        if let Ok(placement) = dt.get_data(DRAG_PLACEMENT_MIME) {
            if !placement.is_empty() {
                planner.dispatch(Action::MovePlacement {
                    option,
                    placement,
                    to_server,
                });
                return;
            }
        }
        let service = dt.get_data(DRAG_SERVICE_MIME).unwrap_or_default();
        if service.is_empty() {
            return;
        }
        place_and_announce(
            planner,
            announcer,
            lang.get_untracked(),
            &service,
            &to_server,
        );
    };

    // The verdict is memory and CPU; a host port published twice is not,
    // yet Docker would refuse a container: said beside the verdict, in the
    // first clash finding's own words.
    let clashes =
        Memo::new(move |_| report.with(|r| r.as_ref().map_or(0, |r| r.port_clashes.len())));
    let clash_words = move || {
        report.with(|r| {
            r.as_ref()
                .and_then(|r| r.port_clash_finding())
                .map(|f| f.message(lang.get().into()))
        })
    };

    view! {
        <article
            class="server-card"
            class:drop-target=move || drag_over.get()
            class:selected=selected
            data-testid="server-card"
            data-server-id=move || id.get_value()
            data-server-label=label
            data-expected-mib=move || report.with(|r| r.as_ref().map(|r| r.expected_mib))
            data-peak-mib=move || report.with(|r| r.as_ref().map(|r| r.peak_mib))
            data-allocatable-mib=move || report.with(|r| r.as_ref().map(|r| r.allocatable_mib))
            data-verdict=move || report.with(|r| r.as_ref().map(|r| r.verdict.as_str()))
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                drag_over.set(true);
            }
            on:dragleave=move |_| drag_over.set(false)
            on:drop=on_drop
        >
            <header>
                <NameField
                    bound=bounds::LABEL_CHARS
                    value=Signal::derive(label)
                    on_apply=Callback::new(move |label: String| {
                        let option = planner.option_id.get_untracked();
                        planner.dispatch(Action::SetServerLabel { option, server: id.get_value(), label });
                    })
                    testid="server-label"
                    label=("服务器名称", "Server name")
                    class="server-label"
                    on_focus=Callback::new(move |()| planner.selection.set(Selection::Server(id.get_value())))
                />
                // Together: under a long name they wrap to the next line as one.
                <span class="card-head-end">
                <VerdictBadge verdict=Signal::derive(move || report.with(|r| r.as_ref().map(|r| r.verdict))) />
                <PortClashBadge clashes title=Signal::derive(clash_words) />
                <button
                    class="icon edit-only"
                    data-testid="remove-server"
                    title=move || lang.get().pick("删除服务器", "Remove server")
                    aria-label=move || lang.get().pick("删除服务器", "Remove server")
                    on:click=move |_| {
                        let option = planner.option_id.get_untracked();
                        planner.dispatch(Action::RemoveServer { option, server: id.get_value() });
                    }
                >
                    "×"
                </button>
                </span>
            </header>
            <p class="limited-by" data-testid="limited-by" data-resource=move || report.with(|r| r.as_ref().map(|r| if r.limited_by == stackfit_core::fit::Resource::Cpu { "cpu" } else { "memory" }))>
                {move || report.with(|r| r.as_ref().map(|r| keep_units(&limited_by_words(r, lang.get().into()))))}
            </p>
            <TierPicker server_id=id.get_value() />
            <MemoryDiagram chart=card_memory />
            <CpuBar chart=cpu />
            <p class="server-numbers" data-testid="server-numbers">
                {move || report.with(|r| r.as_ref().map(|r| keep_units(&numbers_line(r, lang.get()))))}
            </p>
            <p class="server-price">
                {move || lang.get().pick("每月 ", "Monthly ")}
                <strong data-testid="server-monthly">{move || report.with(|r| money_text(r.as_ref().and_then(|r| r.monthly_fen), lang.get()))}</strong>
                " "
                <span class="price-basis" data-testid="server-price-source">
                    {move || report.with(|r| r.as_ref().map(|r| price_basis_words(&r.price_basis, lang.get().into())))}
                </span>
            </p>
            <ul class="placements" aria-label=move || lang.get().pick("服务", "Services")>
                <For each=placement_ids key=|p| p.clone() let:placement_id>
                    {
                        let swatch = {
                            let pid = placement_id.clone();
                            Signal::derive(move || {
                                colors.with(|colors| colors.iter().find(|(p, _)| *p == pid).map(|(_, c)| c.clone()))
                            })
                        };
                        view! { <PlacementChip server_id=id.get_value() placement_id swatch /> }
                    }
                </For>
            </ul>
            <Show when=move || server.with(|s| s.as_ref().is_some_and(|s| s.placements.is_empty()))>
                <div class="drop-zone">{move || lang.get().pick("从左侧拖入服务，或在服务上按 Enter 选择服务器。", "Drag services here, or press Enter on a service to pick this server.")}</div>
            </Show>
        </article>
    }
}

/// Where the allocatable memory comes from, and the limits against it:
/// "usable 3.7 GiB − reserve 434 MiB = 3.3 GiB allocatable · limits 3.5 GiB".
/// The card's one expected/peak pair is the diagram's caption.
fn numbers_line(r: &ServerReport, lang: Lang) -> String {
    let [usable, reserve, allocatable, limits] =
        [r.usable_mib, r.reserve_mib, r.allocatable_mib, r.limit_mib].map(format_mib);
    match lang {
        Lang::Zh => {
            format!("可用 {usable} − 系统预留 {reserve} = 可分配 {allocatable} · 上限合计 {limits}")
        }
        Lang::En => format!(
            "usable {usable} − reserve {reserve} = {allocatable} allocatable · limits {limits}"
        ),
    }
}
