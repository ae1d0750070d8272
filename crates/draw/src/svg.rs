//! The memory diagram as an SVG document, drawn by [`crate::memory`] through
//! plotters' SVG backend: for golden tests and printable reports.

use plotters::prelude::*;

use stackfit_core::chart::MemoryChart;

use crate::memory::{draw_memory, layout, DrawOptions};

/// The SVG of `chart` at `width` CSS pixels; the height follows the legend.
pub fn memory_svg(chart: &MemoryChart, width: u32) -> String {
    let height = layout(chart, f64::from(width), true).height.ceil() as u32;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw_memory(
            &root,
            chart,
            DrawOptions {
                scale: 1.0,
                // plotters' SVG backend writes font-size as size / 1.24.
                font_factor: 1.24,
                caption: true,
            },
        )
        .expect("drawing into a string does not fail");
        root.present().expect("drawing into a string does not fail");
    }
    out
}
