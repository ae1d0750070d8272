//! The templates menu: the five reference scenarios and an empty plan. A
//! template opens as a new saved plan; the current one stays saved.

use leptos::prelude::*;
use stackfit_core::templates;

use crate::state::{library::empty_plan, use_lang, use_library, use_planner};

/// A select listing S0–S4 and "empty plan".
#[component]
pub fn TemplateMenu(
    /// data-testid of the select ("template-menu" in the palette,
    /// "template-menu-phone" on a phone's first screen).
    #[prop(default = "template-menu")]
    testid: &'static str,
    /// Extra class (e.g. "phone-only").
    #[prop(optional)]
    class: &'static str,
    /// Offer "empty plan" (not on a read-only phone layout).
    #[prop(default = true)]
    with_empty: bool,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let library = use_library();
    view! {
        <label class=format!("template-menu {class}")>
            <span>{move || lang.get().pick("从模板开始", "Start from a template")}</span>
            <select
                data-testid=testid
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    // A template opens with its names in the UI language.
                    let plan = if id == "empty" { Some(empty_plan(lang.get_untracked())) } else { templates::get_in(&id, lang.get_untracked().into()) };
                    if let Some(plan) = plan {
                        library.open_new(&planner, plan);
                    }
                    // Back to the prompt, so the same template can be opened again.
                    event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
                }
            >
                <option value="" selected>{move || lang.get().pick("选择模板…", "Choose…")}</option>
                {templates::list()
                    .into_iter()
                    .map(|t| {
                        view! {
                            <option value=t.id title=move || lang.get().pick(t.summary_zh, t.summary_en)>
                                {move || lang.get().pick(t.name_zh, t.name_en)}
                            </option>
                        }
                    })
                    .collect_view()}
                {with_empty.then(|| view! { <option value="empty">{move || lang.get().pick("空白方案", "Empty plan")}</option> })}
            </select>
        </label>
    }
}
