//! A server's memory allocation diagram: core's [`MemoryChart`] drawn on a
//! canvas with plotters-canvas, crisp on high-DPI screens, with the caption
//! as visible text and every segment as text for screen readers.

use leptos::html;
use leptos::prelude::*;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use stackfit_core::chart::MemoryChart;
use stackfit_draw::{draw_memory, layout, DrawOptions};

use super::TextAlternative;

/// The stacked memory bar of one server (reserve, each placement's expected
/// use and peak, headroom, the limits track and the allocatable line), its
/// legend and caption. Redrawn when `chart` changes or the window is resized.
#[component]
pub fn MemoryDiagram(
    /// The chart to draw: `stackfit_core::chart::memory_chart(&server_report, lang)`,
    /// typically a `Memo` over the fit report and the language.
    /// `None` draws nothing (a server that is being removed).
    #[prop(into)]
    chart: Signal<Option<MemoryChart>>,
) -> impl IntoView {
    let wrapper = NodeRef::<html::Div>::new();
    let canvas = NodeRef::<html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1));
    });
    on_cleanup(move || listener.remove());

    // Runs after mount (the node refs are set then) and on every change.
    Effect::new(move |_| {
        resized.track();
        let (Some(wrap), Some(canvas)) = (wrapper.get(), canvas.get()) else {
            return;
        };
        chart.with(|chart| {
            let Some(chart) = chart else { return };
            let css_width = f64::from(wrap.client_width()).max(200.0);
            let css_height = layout(chart, css_width, false).height.ceil();
            // The backing store is devicePixelRatio times the CSS size, and
            // the drawing scales every coordinate by the same factor.
            let dpr = window().device_pixel_ratio().max(1.0);
            canvas.set_width((css_width * dpr).round() as u32);
            canvas.set_height((css_height * dpr).round() as u32);
            let _ = canvas.set_attribute(
                "style",
                &format!("width:{css_width}px;height:{css_height}px"),
            );
            let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
                return;
            };
            let root = backend.into_drawing_area();
            let options = DrawOptions {
                scale: (f64::from(root.dim_in_pixel().0) / css_width).max(0.1),
                font_factor: 1.0,
                caption: false,
            };
            // A failed draw leaves the text below, which carries every number.
            let _ = draw_memory(&root, chart, options);
            let _ = root.present();
        });
    });

    let caption = move || {
        chart.with(|c| {
            c.as_ref()
                .map(|c| crate::i18n::keep_units(&c.caption))
                .unwrap_or_default()
        })
    };
    view! {
        <figure
            class="memory-diagram"
            data-testid="memory-diagram"
            data-verdict=move || chart.with(|c| c.as_ref().map(|c| c.verdict.as_str()))
            data-overflows=move || chart.with(|c| c.as_ref().map(|c| c.overflows().to_string()))
        >
            <div class="memory-diagram-canvas" node_ref=wrapper>
                <canvas node_ref=canvas role="img" aria-label=caption></canvas>
            </div>
            <figcaption class="diagram-caption" data-testid="memory-caption">
                {caption}
            </figcaption>
            <TextAlternative lines=Signal::derive(move || chart.with(|c| c.as_ref().map(|c| c.description.clone()).unwrap_or_default())) testid="memory-diagram-text" />
        </figure>
    }
}
