//! Chart models: what the per-server memory diagram and CPU bar show, built
//! from a [`ServerReport`](crate::fit::ServerReport) as plain data (scale,
//! segments, markers, labels, colours) so that the numbers are tested natively
//! and the drawing code only draws.
//!
//! - [`memory_chart`] and [`cpu_chart`] build the models, in either language.
//! - The `stackfit-draw` crate draws a memory chart on any plotters backend:
//!   the web app passes a canvas backend, its SVG renderer an SVG one for
//!   golden files and reports, so both come from one drawing routine. Drawing
//!   lives outside the engine because plotters pulls in wasm-bindgen and
//!   web-sys when built for wasm32.
//!
//! Invariant: nothing here recomputes a fit figure; every number comes from
//! the report, only positions and labels are derived.

mod cpu;
mod memory;
pub mod palette;
mod scale;

#[cfg(test)]
mod tests;

pub use cpu::{cpu_chart, cpu_chart_in, CpuChart, CpuSegment};
pub use memory::{
    memory_chart, memory_chart_in, LegendEntry, LimitMarker, MemoryChart, Segment, SegmentKind,
    Span,
};
pub use palette::Rgb;
pub use scale::{nice_scale, Scale, Tick};

pub use crate::findings::Lang;
pub use crate::model::units::format_vcpu;

use crate::model::units::Mib;

/// The catalog's id of the user-defined service.
const CUSTOM_SERVICE: &str = "custom";

/// A placement's display name: the catalog name in `lang`; the placement's
/// own id for custom services and services the catalog does not know (their
/// catalog name, "Custom service", would not tell them apart); "×N" for replicas.
pub fn placement_name(id: &str, service: &str, replicas: u32, lang: Lang) -> String {
    let base = match crate::catalog::service(service) {
        Some(def) if def.id != CUSTOM_SERVICE => match lang {
            Lang::En => def.name_en,
            Lang::Zh => def.name_zh,
        },
        _ => id,
    };
    if replicas > 1 {
        format!("{base} ×{replicas}")
    } else {
        base.to_string()
    }
}

/// Formats `part` and `whole` in the unit of the larger, for "3.1 of 3.5 GiB":
/// returns ("3.1", "3.5 GiB"). Below 1 GiB both are whole MiB.
///
/// ```
/// use stackfit_core::chart::format_mib_pair;
/// assert_eq!(format_mib_pair(3174, 3584), ("3.1".to_string(), "3.5 GiB".to_string()));
/// assert_eq!(format_mib_pair(300, 900), ("300".to_string(), "900 MiB".to_string()));
/// ```
pub fn format_mib_pair(part: Mib, whole: Mib) -> (String, String) {
    if part.max(whole) < 1024 {
        return (part.to_string(), format!("{whole} MiB"));
    }
    let gib = |m: Mib| {
        let tenths = (m * 10 + 512) / 1024;
        if tenths.is_multiple_of(10) {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        }
    };
    (gib(part), format!("{} GiB", gib(whole)))
}

/// A deterministic estimate of a label's width in pixels at `font_px`, used
/// to decide whether a label fits inside its segment: CJK and other wide
/// characters count 1 em, narrow Latin ones a little over half an em. It errs
/// wide so that a label judged to fit does fit in common sans-serif fonts.
///
/// ```
/// use stackfit_core::chart::text_width_px;
/// assert!(text_width_px("余量", 12.0) > text_width_px("ab", 12.0));
/// ```
pub fn text_width_px(text: &str, font_px: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | '.' | ',' | '·' | 'i' | 'l' | 'I' | '|' | '1' => 0.32,
            'M' | 'W' | 'm' | 'w' | '×' | '%' | '@' => 0.86,
            // An em dash is an em wide in every font.
            '—' => 1.0,
            c if c.is_ascii_uppercase() => 0.68,
            c if c.is_ascii() => 0.58,
            // CJK ideographs, kana, full-width punctuation.
            c if (c as u32) >= 0x2E80 => 1.0,
            _ => 0.62,
        })
        .sum();
    ems * font_px
}
