//! A small hand-written SVG backend for plotters: the same drawing routine
//! ([`crate::memory::draw_memory`]) that paints the canvas writes the SVG a
//! user saves, without plotters' own SVG backend crate in the web app. It
//! writes only what the diagrams use — rectangles, polylines, lines and
//! text — as one self-contained document.

use std::fmt::Write as _;

use plotters::prelude::*;
use plotters_backend::{
    text_anchor::{HPos, VPos},
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

use stackfit_core::chart::MemoryChart;

use crate::memory::{draw_memory, layout, DrawOptions, FONT_FAMILY};

/// Writing into a `String` cannot fail; plotters still wants an error type.
#[derive(Debug)]
pub struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unreachable")
    }
}

impl std::error::Error for Never {}

/// A plotters backend that appends SVG elements to a string; [`present`]
/// closes the document.
///
/// [`present`]: DrawingBackend::present
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> SvgWriter<'a> {
    /// Starts a document of `size` CSS pixels in `out`, titled `title` (what
    /// a screen reader or an image viewer shows for it).
    pub fn new(out: &'a mut String, size: (u32, u32), title: &str) -> Self {
        let (w, h) = size;
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" font-family=\""
        );
        escape_into(out, FONT_FAMILY);
        out.push_str("\"><title>");
        escape_into(out, title);
        out.push_str("</title>\n");
        SvgWriter {
            out,
            size,
            closed: false,
        }
    }
}

/// XML text: markup characters escaped, characters XML forbids dropped.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

fn hex(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// ` opacity="…"` unless opaque.
fn opacity(c: BackendColor) -> String {
    if c.alpha >= 1.0 {
        String::new()
    } else {
        format!(" opacity=\"{}\"", c.alpha)
    }
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Never>> {
        if color.alpha > 0.0 {
            let _ = writeln!(
                self.out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" fill=\"{}\"{}/>",
                hex(color),
                opacity(color)
            );
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha <= 0.0 {
            return Ok(());
        }
        let paint = if fill {
            format!("fill=\"{}\"", hex(c))
        } else {
            format!(
                "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
                hex(c),
                style.stroke_width()
            )
        };
        let _ = writeln!(
            self.out,
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" {paint}{}/>",
            x1 - x0,
            y1 - y0,
            opacity(c)
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha <= 0.0 {
            return Ok(());
        }
        let mut points = String::new();
        for (x, y) in path {
            if !points.is_empty() {
                points.push(' ');
            }
            let _ = write!(points, "{x},{y}");
        }
        let _ = writeln!(
            self.out,
            "<polyline points=\"{points}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
            hex(c),
            style.stroke_width(),
            opacity(c)
        );
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha <= 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        // The same baseline shifts as the canvas's textBaseline.
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.35em",
            VPos::Bottom => "-0.2em",
        };
        let weight = if matches!(style.style(), FontStyle::Bold) {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-size=\"{}\" fill=\"{}\"{weight}{}>",
            style.size(),
            hex(c),
            opacity(c)
        );
        escape_into(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        // The layout measures text itself (`chart::text_width_px`); this is
        // only asked by plotters' own elements, which the diagram does not use.
        let w = stackfit_core::chart::text_width_px(text, style.size());
        Ok((w.ceil() as u32, style.size().ceil() as u32))
    }
}

/// The memory diagram of `chart` as an SVG document `width` CSS pixels
/// wide, with its caption as the last line: what "save SVG" writes. Drawn
/// by the same routine as the canvas.
///
/// ```
/// use stackfit_core::{chart::{memory_chart, Lang}, evaluate, templates};
/// let report = evaluate(&templates::get("s0").unwrap());
/// let chart = memory_chart(&report.options[0].servers[0], Lang::En);
/// let svg = stackfit_draw::svg_writer::memory_svg_document(&chart, 640);
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\""));
/// assert!(svg.trim_end().ends_with("</svg>"));
/// assert!(svg.contains(&chart.caption));
/// ```
pub fn memory_svg_document(chart: &MemoryChart, width: u32) -> String {
    let width = width.max(200);
    let height = layout(chart, f64::from(width), true).height.ceil() as u32;
    let mut out = String::with_capacity(16 * 1024);
    {
        let root = SvgWriter::new(&mut out, (width, height), &chart.caption).into_drawing_area();
        let opts = DrawOptions {
            scale: 1.0,
            font_factor: 1.0,
            caption: true,
        };
        // Writing into a string does not fail.
        let _ = draw_memory(&root, chart, opts);
        let _ = root.present();
    }
    out
}
