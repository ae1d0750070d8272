//! A server's CPU bar: core's [`CpuChart`] as plain HTML, each placement's
//! expected millicores against the vCPUs, overcommit past the capacity line.

use leptos::prelude::*;

use stackfit_core::chart::CpuChart;

use super::TextAlternative;

/// Percent of the axis, for CSS `left` / `width`.
fn pct(chart: &CpuChart, value: u64) -> f64 {
    (chart.scale.fraction(value) * 1000.0).round() / 10.0
}

/// The stacked CPU bar of one server with its caption.
#[component]
pub fn CpuBar(
    /// The chart to draw: `stackfit_core::chart::cpu_chart(&server_report, lang)`.
    /// `None` draws nothing (a server that is being removed).
    #[prop(into)]
    chart: Signal<Option<CpuChart>>,
) -> impl IntoView {
    let caption = move || {
        chart.with(|c| {
            c.as_ref()
                .map(|c| crate::i18n::keep_units(&c.caption))
                .unwrap_or_default()
        })
    };
    let bars = move || {
        chart.with(|c| {
            let c = c.as_ref()?;
            let segments = c
                .segments
                .iter()
                .map(|s| {
                    let style = format!(
                        "left:{}%;width:{}%;background:{};color:{}",
                        pct(c, s.start_millicores),
                        pct(c, s.end_millicores) - pct(c, s.start_millicores),
                        s.color.hex(),
                        s.color.text_on().hex(),
                    );
                    view! {
                        <span
                            class="cpu-bar-segment"
                            data-placement=s.placement.clone()
                            style=style
                            title=s.label.clone()
                        ></span>
                    }
                })
                .collect_view();
            let capacity = pct(c, c.capacity_millicores);
            let over = c.overcommitted().then(|| {
                let style = format!(
                    "left:{capacity}%;width:{}%",
                    pct(c, c.expected_millicores) - capacity
                );
                view! { <span class="cpu-bar-over" style=style></span> }
            });
            Some(view! {
                {over}
                {segments}
                <span class="cpu-bar-capacity" style=format!("left:{capacity}%")></span>
            })
        })
    };
    view! {
        <div
            class="cpu-bar"
            data-testid="cpu-bar"
            data-overcommitted=move || chart.with(|c| c.as_ref().map(|c| c.overcommitted().to_string()))
        >
            <div class="cpu-bar-track" role="img" aria-label=caption>
                {bars}
            </div>
            <p class="diagram-caption" data-testid="cpu-caption">
                {caption}
            </p>
            <TextAlternative lines=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.description.clone()).unwrap_or_default())) />
        </div>
    }
}
