//! A diagram's text alternative: every line of the chart's description as a
//! visually hidden list, for screen readers (and for tests).

use leptos::prelude::*;

/// The lines of a chart's description, hidden from sight but not from
/// assistive technology.
#[component]
pub fn TextAlternative(
    /// The description lines; empty when there is no chart.
    #[prop(into)]
    lines: Signal<Vec<String>>,
    /// data-testid of the list, if tests look it up.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <ul class="visually-hidden" data-testid=testid>
            {move || lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}
