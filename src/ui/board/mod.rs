//! The board: the plan's servers side by side.

mod server_card;

use leptos::prelude::*;
use stackfit_core::catalog;

use crate::i18n::Msg;
use crate::state::use_lang;
pub use server_card::ServerCard;

/// The servers of the current plan.
#[component]
pub fn Board() -> impl IntoView {
    let lang = use_lang();
    let tier = catalog::tiers().first();
    view! {
        <section class="board" data-testid="board">
            <h2 class="visually-hidden">{move || Msg::Board.text(lang.get())}</h2>
            <div class="server-row">
                {tier.map(|tier| view! { <ServerCard label="A" tier /> })}
            </div>
        </section>
    }
}
