//! The templates menu: the five reference scenarios and an empty plan. A
//! template opens as a new saved plan; the current one stays saved. The
//! first template is built in; the others are plan files of the site
//! (`assets/templates/`, the engine's own output), fetched when picked so
//! their code is not in the first load.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use stackfit_core::{codec, templates};

use crate::browser::fetch;
use crate::i18n::Lang;
use crate::state::library::{empty_plan, Library, Notice, FIRST_TEMPLATE};
use crate::state::{use_lang, use_library, use_planner, Planner};

thread_local! {
    /// How many templates were picked: a fetch that arrives after a later
    /// pick is dropped.
    static PICKS: Cell<u32> = const { Cell::new(0) };
}

/// Opens template `id` in `lang` as a new saved plan. The last choice wins:
/// a template still on its way when another is picked, or when another plan
/// is opened, does not replace it.
fn open_template(id: String, lang: Lang, library: Library, planner: Planner) {
    let pick = PICKS.get().wrapping_add(1);
    PICKS.set(pick);
    let opened = library.current.get_untracked();
    if id == FIRST_TEMPLATE {
        library.open_new(&planner, templates::first_in(lang.into()));
        return;
    }
    let name = templates::list()
        .into_iter()
        .find(|t| t.id == id)
        .map(|t| lang.pick(t.name_zh, t.name_en).to_string())
        .unwrap_or_else(|| id.clone());
    let url = format!("templates/{}", templates::asset_name(&id, lang.into()));
    spawn_local(async move {
        // Versioned like the extras: a CDN never hands this planner an
        // earlier deploy's template, written by an earlier catalog.
        let plan = fetch::text(&fetch::versioned(&url))
            .await
            .and_then(|text| codec::from_json(&text).map_err(|e| e.describe(lang == Lang::Zh)));
        let superseded =
            PICKS.get() != pick || library.current.try_get_untracked().as_ref() != Some(&opened);
        match plan {
            _ if superseded => {}
            Ok(restored) => {
                library.open_new(&planner, restored.plan);
            }
            Err(reason) => library
                .notice
                .set(Some(Notice::TemplateUnavailable { name, reason })),
        }
    });
}

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
                    if id == "empty" {
                        library.open_new(&planner, empty_plan(lang.get_untracked()));
                    } else if !id.is_empty() {
                        open_template(id, lang.get_untracked(), library, planner);
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
