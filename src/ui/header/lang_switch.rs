//! The zh-CN / English switch.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::use_lang;

/// A button naming the other language; pressing it switches the whole UI.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    // The planner's built-in plan follows the switch when untouched; the
    // report page has no planner.
    let planner = use_context::<crate::state::Planner>();
    view! {
        // The accessible name starts with the visible text (the other
        // language's own name), then says what pressing it does.
        <button
            class="lang-switch"
            data-testid="lang-switch"
            title=move || Msg::SwitchLabel.text(lang.get())
            on:click=move |_| {
                let from = lang.get_untracked();
                lang.set(from.toggled());
                if let Some(planner) = planner {
                    planner.follow_language(from, from.toggled());
                }
            }
        >
            <span lang=move || lang.get().toggled().tag()>{move || Msg::SwitchTo.text(lang.get())}</span>
            <span class="visually-hidden">{move || format!(" — {}", Msg::SwitchLabel.text(lang.get()))}</span>
        </button>
    }
}
