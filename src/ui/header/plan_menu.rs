//! The plan menu: the plan's name (edit to rename) and the saved plans —
//! open, new, duplicate, delete. On a phone only opening is offered: the
//! layout there is read-only.

use leptos::prelude::*;
use stackfit_core::model::bounds;
use stackfit_core::Action;

use crate::state::{library::empty_plan, use_lang, use_library, use_planner, use_popovers};
use crate::ui::fields::NameField;

const KEY: &str = "plan-menu";

/// The plan name and the saved-plans menu.
#[component]
pub fn PlanMenu() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let library = use_library();
    let popovers = use_popovers();
    let open = Memo::new(move |_| popovers.is_open(KEY));
    let name = Signal::derive(move || planner.with_plan(|p| p.name.clone()));

    let duplicate = move |_| {
        let mut copy = planner.with_plan(|p| p.clone());
        let suffix = lang.get_untracked().pick("（副本）", " (copy)");
        // Keep the copy's name within the bound: shorten the original.
        let room = (bounds::PLAN_NAME_CHARS.max as usize).saturating_sub(suffix.chars().count());
        copy.name = format!(
            "{}{suffix}",
            copy.name.chars().take(room).collect::<String>()
        );
        library.open_new(&planner, copy);
        popovers.dismiss();
    };
    let new_plan = move |_| {
        library.open_new(&planner, empty_plan(lang.get_untracked()));
        popovers.dismiss();
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
            library.delete(
                &planner,
                &library.current.get_untracked(),
                lang.get_untracked(),
            );
            popovers.dismiss();
        }
    };

    view! {
        <div class="plan-menu" data-popover=KEY>
            <NameField
                bound=bounds::PLAN_NAME_CHARS
                value=name
                on_apply=Callback::new(move |name: String| planner.dispatch(Action::RenamePlan { name }))
                testid="plan-name"
                label=("方案名称", "Plan name")
                class="plan-name"
            />
            <button
                class="tool"
                data-testid="plan-menu"
                data-popover-trigger=KEY
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| popovers.toggle(KEY)
            >
                {move || lang.get().pick("我的方案 ▾", "My plans ▾")}
            </button>
            <Show when=move || open.get()>
                <div class="menu" role="menu" on:keydown=move |ev| {
                    let delta = match ev.key().as_str() {
                        "ArrowDown" => 1,
                        "ArrowUp" => -1,
                        _ => return,
                    };
                    ev.prevent_default();
                    if let Some(menu) = event_target::<web_sys::Element>(&ev).closest(".menu").ok().flatten() {
                        crate::browser::focus::step_focus(&menu, "[role=menuitem]", delta);
                    }
                }>
                    <button role="menuitem" class="edit-only" data-testid="plan-new" on:click=new_plan>
                        {move || lang.get().pick("新建空白方案", "New empty plan")}
                    </button>
                    <button role="menuitem" class="edit-only" data-testid="plan-duplicate" on:click=duplicate>
                        {move || lang.get().pick("复制当前方案", "Duplicate this plan")}
                    </button>
                    <button role="menuitem" class="edit-only" data-testid="plan-delete" on:click=delete>
                        {move || lang.get().pick("删除当前方案", "Delete this plan")}
                    </button>
                    <hr class="edit-only" />
                    <p class="menu-title">{move || lang.get().pick("已保存的方案", "Saved plans")}</p>
                    // Rebuilt when the list changes (the menu is open only
                    // briefly): no keyed list's code in the first load.
                    {move || library.entries.get().into_iter().map(|entry| {
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
                                        popovers.dismiss();
                                    }
                                >
                                    {entry.name.clone()}
                                </button>
                            }
                        }).collect_view()}
                </div>
            </Show>
        </div>
    }
}
