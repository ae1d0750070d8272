//! The zh-CN / English switch.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::use_lang;

/// A button naming the other language; pressing it switches the whole UI.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    view! {
        <button
            class="lang-switch"
            data-testid="lang-switch"
            title=move || Msg::SwitchLabel.text(lang.get())
            aria-label=move || Msg::SwitchLabel.text(lang.get())
            on:click=move |_| lang.update(|l| *l = l.toggled())
        >
            {move || Msg::SwitchTo.text(lang.get())}
        </button>
    }
}
