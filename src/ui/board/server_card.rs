//! One server on the board: its label, tier and what is placed on it.

use leptos::prelude::*;
use stackfit_core::model::{Currency, TierDef};

use crate::i18n::{Lang, Msg};
use crate::state::use_lang;

/// A server of the plan.
#[component]
pub fn ServerCard(
    /// The server's label, e.g. "A — master".
    label: &'static str,
    /// The tier the server is bought as.
    tier: &'static TierDef,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="server-card" data-testid="server-card" data-server-label=label>
            <header>
                <h3>{label}</h3>
                <span class="tier-name">{tier.name}</span>
            </header>
            <dl class="spec">
                <div>
                    <dt>{move || Msg::Vcpu.text(lang.get())}</dt>
                    <dd>{tier.vcpu}</dd>
                </div>
                <div>
                    <dt>{move || Msg::Memory.text(lang.get())}</dt>
                    <dd>
                        {format!("{} GiB", tier.memory_mib / 1024)}
                        <small>
                            {move || {
                                format!(
                                    " · {} {} MiB",
                                    Msg::Usable.text(lang.get()),
                                    tier.usable_mib,
                                )
                            }}
                        </small>
                    </dd>
                </div>
            </dl>
            <p class="price">{move || price_text(tier, lang.get())}</p>
            <div class="drop-zone">{move || Msg::EmptyServer.text(lang.get())}</div>
        </article>
    }
}

fn price_text(tier: &TierDef, lang: Lang) -> String {
    match tier.price.price() {
        Some(price) => {
            let symbol = match price.currency {
                Currency::Cny => "¥",
                Currency::Usd => "US$",
            };
            let minor = price.minor_per_month;
            format!("{symbol}{}.{:02}{}", minor / 100, minor % 100, Msg::PerMonth.text(lang))
        }
        None => Msg::PriceUnknown.text(lang).to_string(),
    }
}
