//! The findings of the option on screen, worst first, each with its numbers
//! and, where the engine offers one, a fix the user applies with one click.

mod finding_item;

use leptos::prelude::*;
use stackfit_core::fit::Finding;
use stackfit_core::model::units::format_count;

use crate::state::{use_lang, use_library, use_planner};
pub use finding_item::FindingItem;

/// Findings drawn at first, and added by each "show more".
const PAGE: usize = 50;

/// The findings panel.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let findings = Memo::new(move |_| {
        let id = planner.option_id.get();
        planner.report.with(|r| {
            let Some(option) = r.option(&id) else {
                return Vec::new();
            };
            // The option's own findings (e.g. "no servers"), then each
            // server's; each with its option, which its fixes act on.
            let mut all: Vec<(String, String, Finding)> = option
                .findings
                .iter()
                .map(|f| (id.clone(), option.name.clone(), f.clone()))
                .chain(option.servers.iter().flat_map(|s| {
                    let id = &id;
                    s.findings
                        .iter()
                        .map(move |f| (id.clone(), s.label.clone(), f.clone()))
                }))
                .collect();
            stackfit_core::model::order::sort_by_key(&mut all, |(_, _, f)| {
                std::cmp::Reverse(f.severity)
            });
            all
        })
    });
    // The worst first, a page at a time: a plan can hold thousands of
    // findings (a shared link of 2,000 placements), and drawing them all
    // at once would freeze the page. The pages shown belong to one option
    // of one saved plan: another starts at one page, from its first draw.
    let library = use_library();
    let shown_for = move || (library.current.get(), planner.option_id.get());
    let drawn = RwSignal::new((
        (
            library.current.get_untracked(),
            planner.option_id.get_untracked(),
        ),
        PAGE,
    ));
    let count = move || {
        let at = shown_for();
        drawn.with(|(of, n)| if *of == at { *n } else { PAGE })
    };
    let hidden = move || findings.with(Vec::len).saturating_sub(count());
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
                        each=move || findings.with(|f| f.iter().take(count()).cloned().collect::<Vec<_>>())
                        key=|(option, label, finding)| shown(option, label, finding)
                        let:item
                    >
                        <FindingItem server_label=item.1 finding=item.2 />
                    </For>
                </ul>
                <Show when=move || { hidden() > 0 }>
                    <button class="findings-more" data-testid="findings-more" on:click=move |_| drawn.set((shown_for(), count() + PAGE))>
                        {move || {
                            let (page, rest) = (PAGE.min(hidden()), format_count(hidden() as u64));
                            lang.get().pick(
                                &format!("再显示 {page} 条（还有 {rest} 条未显示）"),
                                &format!("Show {page} more ({rest} not shown)"),
                            ).to_string()
                        }}
                    </button>
                </Show>
            </Show>
        </section>
    }
}

/// The option a finding's fixes act on, and everything finding `f` of
/// `label` shows — kind, server, placement, subjects, numbers and fixes (a
/// fix's label names its action; the action names the option) — as one
/// key: two findings with the same key read the same and do the same, so
/// a kept item's buttons never act on another option (a duplicated option
/// has the same findings). (Its `Debug` text would do too, but would bring
/// the formatting code of every type a finding holds into the first load.)
fn shown(option: &str, label: &str, f: &Finding) -> String {
    let mut key = format!(
        "{option}|{label}|{}|{}|{}",
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
