//! The findings of the option on screen, worst first, each with its numbers
//! and, where the engine offers one, a fix the user applies with one click.

mod finding_item;

use leptos::prelude::*;
use stackfit_core::fit::Finding;

use crate::state::{use_lang, use_planner};
pub use finding_item::FindingItem;

/// The findings panel.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let findings =
        Memo::new(move |_| {
            let id = planner.option_id.get();
            planner.report.with(|r| {
                let Some(option) = r.option(&id) else {
                    return Vec::new();
                };
                // The option's own findings (e.g. "no servers"), then each server's.
                let mut all: Vec<(String, Finding)> =
                    option
                        .findings
                        .iter()
                        .map(|f| (option.name.clone(), f.clone()))
                        .chain(option.servers.iter().flat_map(|s| {
                            s.findings.iter().map(move |f| (s.label.clone(), f.clone()))
                        }))
                        .collect();
                stackfit_core::model::order::sort_by_key(&mut all, |(_, f)| {
                    std::cmp::Reverse(f.severity)
                });
                all
            })
        });
    view! {
        <section class="findings" data-testid="findings">
            <h2>
                {move || lang.get().pick("发现的问题", "Findings")}
                <span class="count">{move || findings.with(Vec::len)}</span>
            </h2>
            <Show
                when=move || findings.with(|f| !f.is_empty())
                fallback=move || view! { <p class="hint">{move || lang.get().pick("没有问题。", "Nothing to report.")}</p> }
            >
                <ul>
                    // Keyed by all a finding shows: an unchanged finding keeps its DOM.
                    <For
                        each=move || findings.get()
                        key=|(label, finding)| shown(label, finding)
                        let:item
                    >
                        <FindingItem server_label=item.0 finding=item.1 />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// Everything finding `f` of `label` shows — kind, server, placement,
/// subjects, numbers and fixes (a fix's label names its action) — as one
/// key: two findings with the same key read the same. (Its `Debug` text
/// would do too, but would bring the formatting code of every type a
/// finding holds into the first load.)
fn shown(label: &str, f: &Finding) -> String {
    let mut key = format!(
        "{label}|{}|{}|{}",
        f.id(),
        f.server,
        f.placement.as_deref().unwrap_or("")
    );
    for s in f.subjects.iter().chain(&f.subjects_zh) {
        key.push('|');
        key.push_str(s);
    }
    for n in &f.numbers {
        key.push_str(&format!("|{}={}", n.name, n.value));
    }
    for fix in f.fix.iter().chain(&f.alternatives) {
        key.push_str(&format!(
            "|{}|{}|{:?}",
            fix.label_en, fix.label_zh, fix.monthly_delta_fen
        ));
    }
    key
}
