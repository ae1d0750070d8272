//! The top bar: product name, the plan menu, import, undo/redo and the language switch.

mod lang_switch;
mod plan_menu;
mod undo_redo;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::use_lang;
pub use lang_switch::LangSwitch;
pub use plan_menu::PlanMenu;
pub use undo_redo::UndoRedo;

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
            <div class="topbar-tools">
                <PlanMenu />
                <crate::ui::prices::PricesButton />
                <crate::ui::report::button::ReportButton />
                <crate::ui::share::ShareButton />
                <crate::ui::import::ImportButton />
                <UndoRedo />
                <LangSwitch />
            </div>
        </header>
    }
}
