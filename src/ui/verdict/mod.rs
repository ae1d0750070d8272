//! The verdict badge: colour, a symbol and words — never colour alone.

use leptos::prelude::*;
use stackfit_core::report::port_clash_words;
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

/// Beside a verdict: host ports published twice, which the verdict (memory
/// and CPU) does not count though Docker would refuse a container. Shows
/// nothing without a clash; `title` is the first clash finding's words.
#[component]
pub fn PortClashBadge(
    /// How many clashes.
    #[prop(into)]
    clashes: Signal<usize>,
    /// The first clash finding's message, in the language on screen.
    #[prop(into)]
    title: Signal<Option<String>>,
    /// Symbol only, its words read out and in the tooltip, for tight spaces.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        port_clash_words(clashes.get(), lang.into()).map(|words| {
            // Compact, the words are not on screen: the tooltip leads with them.
            let title = move || match (compact, title.get()) {
                (false, message) => message,
                (true, None) => port_clash_words(clashes.get(), lang.into()),
                (true, Some(message)) => port_clash_words(clashes.get(), lang.into()).map(|w| {
                    // With several, the message is the first one's.
                    let sep = match clashes.get() {
                        1 => lang.pick("：", ": "),
                        _ => lang.pick("，其一：", "; the first: "),
                    };
                    format!("{w}{sep}{message}")
                }),
            };
            view! {
                <span class="verdict verdict-does-not-fit" data-testid="port-clash-badge" title=title>
                    <span aria-hidden="true">"⚠"</span>
                    {(!compact).then(|| view! { <span class="verdict-words">{words.clone()}</span> })}
                    {compact.then(|| view! { <span class="visually-hidden">{words}</span> })}
                </span>
            }
        })
    }
}
