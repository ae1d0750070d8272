//! The plan menu: the plan's name (edit to rename) and the saved plans —
//! open, new, duplicate, delete.

use leptos::prelude::*;
use stackfit_core::Action;

use crate::state::{library::empty_plan, use_lang, use_library, use_planner};

/// The plan name and the saved-plans menu.
#[component]
pub fn PlanMenu() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let library = use_library();
    let open = RwSignal::new(false);
    let name = move || planner.with_plan(|p| p.name.clone());

    let duplicate = move |_| {
        let mut copy = planner.with_plan(|p| p.clone());
        copy.name = format!(
            "{} {}",
            copy.name,
            lang.get_untracked().pick("（副本）", "(copy)")
        );
        library.open_new(&planner, copy);
        open.set(false);
    };
    let new_plan = move |_| {
        library.open_new(&planner, empty_plan());
        open.set(false);
    };
    let delete = move |_| {
        let question = lang.get_untracked().pick(
            "删除这个方案？此操作无法撤销。",
            "Delete this plan? This cannot be undone.",
        );
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(question).ok())
            .unwrap_or(false);
        if confirmed {
            library.delete(&planner, &library.current.get_untracked());
            open.set(false);
        }
    };

    view! {
        <div class="plan-menu">
            <input
                class="plan-name"
                data-testid="plan-name"
                aria-label=move || lang.get().pick("方案名称", "Plan name")
                prop:value=name
                on:change=move |ev| {
                    let new_name = event_target_value(&ev).trim().to_string();
                    if new_name.is_empty() {
                        // An empty name is refused: put the current one back.
                        event_target::<web_sys::HtmlInputElement>(&ev).set_value(&name());
                    } else {
                        planner.dispatch(Action::RenamePlan { name: new_name });
                    }
                }
            />
            <button
                class="tool"
                data-testid="plan-menu"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || lang.get().pick("我的方案 ▾", "My plans ▾")}
            </button>
            <Show when=move || open.get()>
                <div class="menu" role="menu">
                    <button role="menuitem" data-testid="plan-new" on:click=new_plan>
                        {move || lang.get().pick("新建空白方案", "New empty plan")}
                    </button>
                    <button role="menuitem" data-testid="plan-duplicate" on:click=duplicate>
                        {move || lang.get().pick("复制当前方案", "Duplicate this plan")}
                    </button>
                    <button role="menuitem" data-testid="plan-delete" on:click=delete>
                        {move || lang.get().pick("删除当前方案", "Delete this plan")}
                    </button>
                    <hr />
                    <For
                        each=move || library.entries.get()
                        key=|e| (e.id.clone(), e.name.clone())
                        let:entry
                    >
                        {
                            let id = entry.id.clone();
                            let is_current = {
                                let id = id.clone();
                                move || library.current.get() == id
                            };
                            view! {
                                <button
                                    role="menuitem"
                                    class="saved-plan"
                                    class:current=is_current
                                    data-testid="saved-plan"
                                    on:click=move |_| {
                                        library.open_saved(&planner, &id);
                                        open.set(false);
                                    }
                                >
                                    {entry.name.clone()}
                                </button>
                            }
                        }
                    </For>
                </div>
            </Show>
        </div>
    }
}
