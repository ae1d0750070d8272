//! The verdict badge: colour, a symbol and words — never colour alone.

use leptos::prelude::*;
use stackfit_core::Verdict;

use crate::state::use_lang;

/// A verdict as a badge. `None` (nothing to judge) shows nothing.
#[component]
pub fn VerdictBadge(
    /// The verdict to show.
    #[prop(into)]
    verdict: Signal<Option<Verdict>>,
    /// Symbol only with the words as a tooltip, for tight spaces.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        verdict.get().map(|v| {
            let words = lang.get().pick(v.name_zh(), v.name_en());
            let symbol = match v {
                Verdict::Fits => "✓",
                Verdict::Tight => "◐",
                Verdict::OomRisk => "▲",
                Verdict::DoesNotFit => "✕",
            };
            view! {
                <span class=format!("verdict verdict-{}", v.as_str()) data-verdict=v.as_str() title=words>
                    <span aria-hidden="true">{symbol}</span>
                    {(!compact).then(|| view! { <span class="verdict-words">{words}</span> })}
                    {compact.then(|| view! { <span class="visually-hidden">{words}</span> })}
                </span>
            }
        })
    }
}
