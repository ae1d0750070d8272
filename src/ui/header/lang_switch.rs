//! The zh-CN / English switch.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::use_lang;

/// A button naming the other language; pressing it switches the whole UI.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    view! {
        // The accessible name starts with the visible text (the other
        // language's own name), then says what pressing it does.
        <button
            class="lang-switch"
            data-testid="lang-switch"
            title=move || Msg::SwitchLabel.text(lang.get())
            on:click=move |_| lang.update(|l| *l = l.toggled())
        >
            <span lang=move || lang.get().toggled().tag()>{move || Msg::SwitchTo.text(lang.get())}</span>
            <span class="visually-hidden">{move || format!(" — {}", Msg::SwitchLabel.text(lang.get()))}</span>
        </button>
    }
}
