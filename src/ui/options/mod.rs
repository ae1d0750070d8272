//! Option tabs: switch between the plan's options; add, duplicate, rename
//! and delete them.

use leptos::prelude::*;
use stackfit_core::model::bounds;
use stackfit_core::model::PlanOption;
use stackfit_core::Action;

use crate::state::planner::fresh_id;
use crate::state::{use_lang, use_planner, Planner};
use crate::ui::fields::NameField;
use crate::ui::verdict::{PortClashBadge, VerdictBadge};

fn option_ids(planner: &Planner) -> Vec<String> {
    planner.with_plan(|p| p.options.iter().map(|o| o.id.clone()).collect())
}

/// The tabs above the board.
#[component]
pub fn OptionTabs() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let tabs = Memo::new(move |_| {
        planner.with_plan(|p| {
            p.options
                .iter()
                .map(|o| (o.id.clone(), o.name.clone(), o.load))
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let ids = option_ids(&planner);
        let id = fresh_id("option", ids.iter().map(String::as_str));
        let name = format!(
            "{} {}",
            lang.get_untracked().pick("方案", "Option"),
            ids.len() + 1
        );
        planner.dispatch(Action::AddOption {
            option: PlanOption::new(&id, &name),
        });
        planner.pick_option(&id);
    };
    let duplicate = move |_| {
        let Some(mut copy) = planner.with_option(|o| o.cloned()) else {
            return;
        };
        let ids = option_ids(&planner);
        copy.id = fresh_id(&copy.id, ids.iter().map(String::as_str));
        let suffix = lang.get_untracked().pick("（副本）", " (copy)");
        let room = (bounds::OPTION_NAME_CHARS.max as usize).saturating_sub(suffix.chars().count());
        copy.name = format!(
            "{}{suffix}",
            copy.name.chars().take(room).collect::<String>()
        );
        let id = copy.id.clone();
        planner.dispatch(Action::AddOption { option: copy });
        planner.pick_option(&id);
    };
    let remove = move |_| {
        let option = planner.option_id.get_untracked();
        planner.dispatch(Action::RemoveOption { option });
    };
    // The rename field edits the option on screen.
    let current_name = Signal::derive(move || {
        let id = planner.option_id.get();
        planner.with_plan(|p| p.option(&id).map(|o| o.name.clone()).unwrap_or_default())
    });
    let rename = Callback::new(move |name: String| {
        let option = planner.option_id.get_untracked();
        planner.dispatch(Action::RenameOption { option, name })
    });
    view! {
        <nav class="option-tabs" data-testid="option-tabs" aria-label=move || lang.get().pick("方案选项", "Options")>
            <div class="tab-list" role="tablist">
                {move || {
                    tabs
                        .get()
                        .into_iter()
                        .map(|(id, name, load)| {
                            let active = {
                                let id = StoredValue::new(id.clone());
                                move || planner.option_id.with(|o| *o == id.get_value())
                            };
                            let verdict = {
                                let id = id.clone();
                                // An option without servers has nothing to judge: no badge.
                                Signal::derive(move || {
                                    planner.report.with(|r| r.option(&id).filter(|o| !o.servers.is_empty()).map(|o| o.verdict))
                                })
                            };
                            // Host ports published twice: beside the verdict, as the card and the summary say it.
                            let (clashes, clash_words) = {
                                let (a, b) = (id.clone(), id.clone());
                                (
                                    Signal::derive(move || planner.report.with(|r| r.option(&a).map_or(0, |o| o.port_clashes()))),
                                    Signal::derive(move || {
                                        planner.report.with(|r| {
                                            r.option(&b).and_then(|o| o.port_clash_finding()).map(|f| f.message(lang.get().into()))
                                        })
                                    }),
                                )
                            };
                            let pick = {
                                let id = id.clone();
                                move |_| planner.pick_option(&id)
                            };
                            view! {
                                <button
                                    role="tab"
                                    class="option-tab"
                                    class:active=active
                                    data-testid=format!("option-tab-{id}")
                                    aria-selected=move || active().to_string()
                                    title=name.clone()
                                    on:click=pick
                                >
                                    <VerdictBadge verdict compact=true />
                                    <PortClashBadge clashes title=clash_words compact=true />
                                    <span class="option-tab-name">{name.clone()}</span>
                                    {(load != stackfit_core::whatif::LOAD_ONE).then(|| view! {
                                        <span class="load-tag" data-testid=format!("option-load-{id}") title=move || lang.get().pick("按这个负载倍数显示", "shown at this load")>
                                            {stackfit_core::whatif::load_words(load)}
                                        </span>
                                    })}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <div class="option-tools edit-only">
                <NameField
                    bound=bounds::OPTION_NAME_CHARS
                    value=current_name
                    on_apply=rename
                    testid="option-name"
                    label=("当前选项名称", "Name of this option")
                    class="option-name"
                />
                <button class="tool" data-testid="option-add" on:click=add>
                    {move || lang.get().pick("＋ 新方案", "+ Option")}
                </button>
                <button class="tool" data-testid="option-duplicate" on:click=duplicate>
                    {move || lang.get().pick("复制", "Duplicate")}
                </button>
                <button
                    class="tool"
                    data-testid="option-delete"
                    disabled=move || planner.with_plan(|p| p.options.len() < 2)
                    on:click=remove
                >
                    {move || lang.get().pick("删除", "Delete")}
                </button>
            </div>
        </nav>
    }
}
