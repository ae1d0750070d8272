//! Draws a [`MemoryChart`] on any plotters backend. The web app hands it a
//! canvas backend and the SVG renderer an SVG one, so the diagram in the
//! browser and the golden files come from this one routine.
//!
//! Positions are computed in CSS pixels by [`layout`] (pure, tested) and
//! multiplied by [`DrawOptions::scale`] when drawn, so a canvas whose backing
//! store is `devicePixelRatio` times its CSS size draws crisply.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use stackfit_core::chart::palette::{self, Rgb};
use stackfit_core::chart::{text_width_px, MemoryChart, SegmentKind};

/// The font stack: system UI fonts, then fonts with Chinese glyphs.
pub const FONT_FAMILY: &str =
    "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/// How to draw: device pixels per CSS pixel, and a font-size factor for
/// backends that shrink text (plotters' SVG backend writes `size / 1.24`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawOptions {
    pub scale: f64,
    pub font_factor: f64,
    /// Draw the caption as a last line (SVG reports); the web app shows it as
    /// HTML text under the canvas instead.
    pub caption: bool,
}

impl Default for DrawOptions {
    fn default() -> Self {
        DrawOptions {
            scale: 1.0,
            font_factor: 1.0,
            caption: false,
        }
    }
}

const PAD_X: f64 = 22.0;
const LABEL_PX: f64 = 12.0;
const TICK_PX: f64 = 11.0;
const SPAN_TEXT_Y: f64 = 9.0;
const BRACKET_Y: f64 = 18.0;
const BAR_TOP: f64 = 26.0;
const BAR_BOTTOM: f64 = 62.0;
const TRACK_TOP: f64 = 66.0;
const TRACK_BOTTOM: f64 = 74.0;
const AXIS_Y: f64 = 80.0;
const LEGEND_TOP: f64 = 106.0;
const LEGEND_ROW: f64 = 18.0;
const SWATCH: f64 = 11.0;

/// What a legend item's swatch looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swatch {
    Fill(Rgb),
    Hatched(Rgb),
    Outline(Rgb),
    Line(Rgb, u32),
}

/// One legend item placed at (`x`, row `row`); a long text is wrapped onto
/// `lines.len()` rows.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub swatch: Swatch,
    pub lines: Vec<String>,
    pub x: f64,
    pub row: usize,
}

/// The label drawn inside a segment, if one fits.
#[derive(Clone, Debug, PartialEq)]
pub struct InBarLabel {
    pub segment: usize,
    pub text: String,
}

/// The diagram laid out for a width, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub labels: Vec<InBarLabel>,
    pub legend: Vec<LegendItem>,
}

impl Layout {
    /// The x of `mib` on the axis.
    pub fn x(&self, chart: &MemoryChart, mib: u64) -> f64 {
        self.plot_left + chart.scale.fraction(mib) * (self.plot_right - self.plot_left)
    }
}

/// Lays the chart out at `width` CSS pixels: which segment labels fit (the
/// full label, else the name, else none — the legend always has it) and how
/// the legend wraps. The height follows from the legend's rows.
pub fn layout(chart: &MemoryChart, width: f64, caption: bool) -> Layout {
    let width = width.max(200.0);
    let mut l = Layout {
        width,
        height: 0.0,
        plot_left: PAD_X,
        plot_right: width - PAD_X,
        labels: Vec::new(),
        legend: Vec::new(),
    };
    for (i, s) in chart.segments.iter().enumerate() {
        let room = l.x(chart, s.end_mib) - l.x(chart, s.start_mib) - 6.0;
        let text = [&s.label, &s.short_label]
            .into_iter()
            .find(|t| text_width_px(t, LABEL_PX) <= room);
        if let Some(t) = text {
            l.labels.push(InBarLabel {
                segment: i,
                text: t.clone(),
            });
        }
    }

    let mut items: Vec<(Swatch, String)> = Vec::new();
    items.push((
        Swatch::Line(palette::INK, 2),
        chart.allocatable_line_label.clone(),
    ));
    if chart.capacity_line_mib != chart.allocatable_line_mib {
        items.push((
            Swatch::Line(palette::RESERVE, 1),
            chart.capacity_line_label.clone(),
        ));
    }
    items.push((Swatch::Outline(palette::INK), chart.limits_label.clone()));
    if chart.segments.iter().any(|s| s.kind == SegmentKind::Peak) {
        items.push((
            Swatch::Hatched(palette::RESERVE),
            chart.peak_key_label.clone(),
        ));
    }
    for e in &chart.legend {
        items.push((Swatch::Fill(e.color), format!("{} — {}", e.name, e.detail)));
    }
    if let Some(h) = chart
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::Headroom)
    {
        items.push((Swatch::Outline(palette::RESERVE), h.label.clone()));
    }
    let (mut x, mut row) = (PAD_X, 0usize);
    let text_room = width - 2.0 * PAD_X - SWATCH - 5.0;
    for (swatch, text) in items {
        let lines = wrap(&text, text_room);
        // A tenth more than the estimate: wide sans-serif fonts (DejaVu Sans
        // on Linux) would otherwise run one item into the next.
        let w = SWATCH + 5.0 + text_width_px(&lines[0], LABEL_PX) * 1.1 + 16.0;
        if x > PAD_X && (lines.len() > 1 || x + w > width - PAD_X) {
            x = PAD_X;
            row += 1;
        }
        let tall = lines.len();
        l.legend.push(LegendItem {
            swatch,
            lines,
            x,
            row,
        });
        if tall > 1 {
            // A wrapped item keeps its rows to itself.
            row += tall - 1;
            x = width;
        } else {
            x += w;
        }
    }
    let rows = row as f64 + if caption { 2.2 } else { 1.0 };
    l.height = LEGEND_TOP + rows * LEGEND_ROW + 4.0;
    l
}

/// Breaks `text` at spaces into lines no wider than `room` (a single word
/// wider than `room` keeps a line of its own), never between a number and its unit.
fn wrap(text: &str, room: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    // A number stays on the line of its unit: "256 MiB", "12 %".
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match words.last_mut() {
            Some(last) if matches!(word, "MiB" | "GiB" | "vCPU" | "%") => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    for word in &words {
        let word = word.as_str();
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if !current.is_empty() && text_width_px(&candidate, LABEL_PX) > room {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            current = candidate;
        }
    }
    lines.push(current);
    lines
}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Draws `chart` to fill `area`; the area's width in device pixels divided
/// by `opts.scale` is the CSS width the layout uses.
pub fn draw_memory<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &MemoryChart,
    opts: DrawOptions,
) -> Result<Layout, DrawingAreaErrorKind<DB::ErrorType>> {
    let k = opts.scale.max(0.1);
    let (w_px, _) = area.dim_in_pixel();
    let l = layout(chart, f64::from(w_px) / k, opts.caption);
    let p = |v: f64| (v * k).round() as i32;
    let pt = |x: f64, y: f64| (p(x), p(y));
    let font = |size: f64, c: Rgb, h: HPos, v: VPos| TextStyle {
        font: (FontFamily::Name(FONT_FAMILY), size * k * opts.font_factor).into(),
        color: color(c).to_backend_color(),
        pos: Pos::new(h, v),
    };
    let stroke = |c: Rgb, w: f64| ShapeStyle {
        color: color(c).to_rgba(),
        filled: false,
        stroke_width: (w * k).round().max(1.0) as u32,
    };
    let x = |mib: u64| l.x(chart, mib);

    area.fill(&WHITE)?;
    let line_x = x(chart.allocatable_line_mib);

    // Past the allocatable line: a red wash behind the bar and the limits
    // track, each where it runs over.
    for (end, top, bottom) in [
        (chart.bar_end_mib(), BAR_TOP - 2.0, BAR_BOTTOM),
        (chart.limits_end_mib, TRACK_TOP - 2.0, TRACK_BOTTOM + 2.0),
    ] {
        if end > chart.allocatable_line_mib {
            area.draw(&Rectangle::new(
                [pt(line_x, top), pt(x(end) + 2.0, bottom)],
                color(palette::OVER.lighten(80)).filled(),
            ))?;
        }
    }

    // The bar.
    for s in &chart.segments {
        let (x0, x1) = (x(s.start_mib), x(s.end_mib));
        if x1 - x0 < 0.01 {
            continue;
        }
        area.draw(&Rectangle::new(
            [pt(x0, BAR_TOP), pt(x1, BAR_BOTTOM)],
            color(s.color).filled(),
        ))?;
        match s.kind {
            SegmentKind::Peak => {
                let base = chart
                    .segments
                    .iter()
                    .find(|e| e.kind == SegmentKind::Expected && e.placement == s.placement)
                    .map_or(palette::RESERVE, |e| e.color);
                hatch(area, [x0, BAR_TOP, x1, BAR_BOTTOM], base, k)?;
            }
            SegmentKind::Headroom => {
                area.draw(&Rectangle::new(
                    [pt(x0, BAR_TOP), pt(x1, BAR_BOTTOM)],
                    stroke(palette::RESERVE, 1.0),
                ))?;
            }
            _ => {}
        }
        // A white hairline between neighbours.
        area.draw(&PathElement::new(
            vec![pt(x1, BAR_TOP), pt(x1, BAR_BOTTOM)],
            stroke(Rgb(255, 255, 255), 1.0),
        ))?;
    }
    for label in &l.labels {
        let s = &chart.segments[label.segment];
        let cx = (x(s.start_mib) + x(s.end_mib)) / 2.0;
        let ink = if s.kind == SegmentKind::Peak || s.kind == SegmentKind::Headroom {
            palette::INK
        } else {
            s.color.text_on()
        };
        area.draw(&Text::new(
            label.text.clone(),
            pt(cx, (BAR_TOP + BAR_BOTTOM) / 2.0),
            font(LABEL_PX, ink, HPos::Center, VPos::Center),
        ))?;
    }

    // The limits track.
    for m in &chart.limits {
        let (x0, x1) = (x(m.start_mib), x(m.end_mib));
        if x1 - x0 < 0.01 {
            continue;
        }
        area.draw(&Rectangle::new(
            [pt(x0, TRACK_TOP), pt(x1, TRACK_BOTTOM)],
            color(m.color.lighten(70)).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [pt(x0, TRACK_TOP), pt(x1, TRACK_BOTTOM)],
            stroke(m.color, 1.0),
        ))?;
    }

    // The allocatable bracket and line, and the capacity line.
    let span = &chart.allocatable_span;
    let (sx0, sx1) = (x(span.start_mib), x(span.end_mib));
    area.draw(&PathElement::new(
        vec![
            pt(sx0, BRACKET_Y + 5.0),
            pt(sx0, BRACKET_Y),
            pt(sx1, BRACKET_Y),
        ],
        stroke(palette::INK, 1.0),
    ))?;
    let half = text_width_px(&span.label, LABEL_PX) / 2.0;
    let span_cx = ((sx0 + sx1) / 2.0).clamp(half + 2.0, l.width - half - 2.0);
    area.draw(&Text::new(
        span.label.clone(),
        pt(span_cx, SPAN_TEXT_Y),
        font(LABEL_PX, palette::INK, HPos::Center, VPos::Center),
    ))?;
    if chart.capacity_line_mib != chart.allocatable_line_mib {
        let cx = x(chart.capacity_line_mib);
        area.draw(&PathElement::new(
            vec![pt(cx, BAR_TOP), pt(cx, AXIS_Y)],
            stroke(palette::RESERVE, 1.0),
        ))?;
    }
    area.draw(&PathElement::new(
        vec![pt(line_x, BRACKET_Y), pt(line_x, AXIS_Y)],
        stroke(palette::INK, 2.0),
    ))?;

    // The axis.
    area.draw(&PathElement::new(
        vec![pt(l.plot_left, AXIS_Y), pt(l.plot_right, AXIS_Y)],
        stroke(palette::RESERVE, 1.0),
    ))?;
    let min_gap = chart
        .scale
        .ticks
        .iter()
        .map(|t| text_width_px(&t.label, TICK_PX) + 6.0)
        .fold(0.0, f64::max);
    let tick_px = x(chart.scale.step) - x(0);
    let every = (min_gap / tick_px.max(1.0)).ceil().max(1.0) as usize;
    for (i, t) in chart.scale.ticks.iter().enumerate() {
        let tx = x(t.value);
        area.draw(&PathElement::new(
            vec![pt(tx, AXIS_Y), pt(tx, AXIS_Y + 4.0)],
            stroke(palette::RESERVE, 1.0),
        ))?;
        if i % every == 0 {
            area.draw(&Text::new(
                t.label.clone(),
                pt(tx, AXIS_Y + 6.0),
                font(TICK_PX, palette::INK, HPos::Center, VPos::Top),
            ))?;
        }
    }

    // The legend.
    for item in &l.legend {
        let y = LEGEND_TOP + item.row as f64 * LEGEND_ROW;
        let (x0, y0, x1, y1) = (item.x, y, item.x + SWATCH, y + SWATCH);
        match item.swatch {
            Swatch::Fill(c) => {
                area.draw(&Rectangle::new([pt(x0, y0), pt(x1, y1)], color(c).filled()))?;
            }
            Swatch::Hatched(c) => {
                area.draw(&Rectangle::new(
                    [pt(x0, y0), pt(x1, y1)],
                    color(c.lighten(55)).filled(),
                ))?;
                hatch(area, [x0, y0, x1, y1], c, k)?;
            }
            Swatch::Outline(c) => {
                area.draw(&Rectangle::new([pt(x0, y0), pt(x1, y1)], stroke(c, 1.0)))?;
            }
            Swatch::Line(c, w) => {
                let mx = (x0 + x1) / 2.0;
                area.draw(&PathElement::new(
                    vec![pt(mx, y0 - 1.0), pt(mx, y1 + 1.0)],
                    stroke(c, f64::from(w)),
                ))?;
            }
        }
        for (i, line) in item.lines.iter().enumerate() {
            area.draw(&Text::new(
                line.clone(),
                pt(x1 + 5.0, y + i as f64 * LEGEND_ROW + SWATCH / 2.0),
                font(LABEL_PX, palette::INK, HPos::Left, VPos::Center),
            ))?;
        }
    }
    if opts.caption {
        let row = l.legend.last().map_or(0, |i| i.row + i.lines.len() - 1) as f64 + 1.2;
        area.draw(&Text::new(
            chart.caption.clone(),
            pt(PAD_X, LEGEND_TOP + row * LEGEND_ROW + SWATCH / 2.0),
            TextStyle {
                font: FontDesc::new(
                    FontFamily::Name(FONT_FAMILY),
                    13.0 * k * opts.font_factor,
                    FontStyle::Bold,
                ),
                color: color(palette::INK).to_backend_color(),
                pos: Pos::new(HPos::Left, VPos::Center),
            },
        ))?;
    }
    Ok(l)
}

/// Diagonal lines across a rectangle [x0, y0, x1, y1] (CSS px), clipped to it.
fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    [x0, y0, x1, y1]: [f64; 4],
    c: Rgb,
    k: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let h = y1 - y0;
    let style = ShapeStyle {
        color: color(c).to_rgba(),
        filled: false,
        stroke_width: k.round().max(1.0) as u32,
    };
    let mut c0 = x0 - h;
    while c0 < x1 {
        // The line from (c0, y1) up to (c0 + h, y0), clipped to x0..x1.
        let (mut ax, mut ay) = (c0, y1);
        let (mut bx, mut by) = (c0 + h, y0);
        if ax < x0 {
            ay -= x0 - ax;
            ax = x0;
        }
        if bx > x1 {
            by += bx - x1;
            bx = x1;
        }
        if bx > ax {
            let p = |x: f64, y: f64| ((x * k).round() as i32, (y * k).round() as i32);
            area.draw(&PathElement::new(vec![p(ax, ay), p(bx, by)], style))?;
        }
        c0 += 6.0;
    }
    Ok(())
}
