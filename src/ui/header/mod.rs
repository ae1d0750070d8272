//! The top bar: product name, tagline and the language switch.

mod lang_switch;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::use_lang;
pub use lang_switch::LangSwitch;

/// The top bar.
#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <h1>"StackFit"</h1>
                <p class="tagline">{move || Msg::Tagline.text(lang.get())}</p>
            </div>
            <LangSwitch />
        </header>
    }
}
