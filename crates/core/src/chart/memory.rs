//! The memory allocation diagram of one server: a stacked bar from 0 MiB —
//! reserve, each placement's expected use, each placement's peak beyond its
//! expected use, then the headroom left below the allocatable line — with a
//! thin track of the placements' limits stacked under it.

use super::palette::{self, Rgb};
use super::scale::{nice_scale, Scale};
use super::{placement_name, Lang};
use crate::model::units::{format_mib, Mib};
use crate::report::{ServerReport, Verdict};

/// What a bar segment stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// OS, Docker daemon and per-container overhead.
    Reserve,
    /// A placement's expected (typical) use, all replicas.
    Expected,
    /// A placement's peak beyond its expected use; drawn lighter and hatched.
    Peak,
    /// Free memory between the end of the peaks and the allocatable line.
    Headroom,
}

impl SegmentKind {
    /// "reserve", "expected", "peak", "headroom" (for CSS classes and test ids).
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Reserve => "reserve",
            SegmentKind::Expected => "expected",
            SegmentKind::Peak => "peak",
            SegmentKind::Headroom => "headroom",
        }
    }
}

/// One piece of the stacked bar, `start_mib..end_mib` along the axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    /// The placement's id, for `Expected` and `Peak`.
    pub placement: Option<String>,
    pub start_mib: Mib,
    pub end_mib: Mib,
    /// Full label, e.g. "PostgreSQL 512 MiB" or "PostgreSQL peak +128 MiB".
    pub label: String,
    /// Short label for narrow segments: the name alone ("PostgreSQL").
    pub short_label: String,
    pub color: Rgb,
}

impl Segment {
    pub fn size_mib(&self) -> Mib {
        self.end_mib - self.start_mib
    }
}

/// A placement's limit on the limits track: limits are stacked from the end
/// of the reserve in placement order, so the track ends at reserve + the sum
/// of limits, and a track running past the allocatable line means the limits
/// promise more memory than the server has (overcommitted limits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitMarker {
    pub placement: String,
    pub start_mib: Mib,
    pub end_mib: Mib,
    /// E.g. "PostgreSQL limit 768 MiB".
    pub label: String,
    pub color: Rgb,
}

/// A bracket over a range of the axis, e.g. the allocatable memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub start_mib: Mib,
    pub end_mib: Mib,
    pub label: String,
}

/// One line of the legend: a swatch and a placement's (or the reserve's) numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub color: Rgb,
    /// The placement's id; `None` for the reserve.
    pub placement: Option<String>,
    /// "PostgreSQL".
    pub name: String,
    /// "expected 512 MiB · peak 640 MiB · limit 768 MiB".
    pub detail: String,
}

/// Everything the memory diagram draws, in MiB along one axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryChart {
    pub lang: Lang,
    /// The memory verdict (CPU has its own bar): what the caption's colour says.
    pub verdict: Verdict,
    pub scale: Scale,
    /// Reserve, expected ×N, peak ×N, headroom: contiguous from 0.
    pub segments: Vec<Segment>,
    /// The limits track (see [`LimitMarker`]).
    pub limits: Vec<LimitMarker>,
    /// Reserve + the sum of limits: where the limits track ends.
    pub limits_end_mib: Mib,
    /// Key for the limits track, e.g. "limits 3 GiB in total (track under the bar)".
    pub limits_label: String,
    /// Key for the hatched peak segments, e.g. "peak beyond expected (hatched)".
    pub peak_key_label: String,
    /// The allocatable line: reserve + allocatable, i.e. the usable memory.
    /// Anything drawn past it does not fit.
    pub allocatable_line_mib: Mib,
    /// Label of the allocatable line, e.g. "usable 3.5 GiB".
    pub allocatable_line_label: String,
    /// The bracket over reserve..allocatable line, "allocatable 2.9 GiB".
    pub allocatable_span: Span,
    /// Memory as sold; drawn as a thin line when it differs from usable.
    pub capacity_line_mib: Mib,
    /// E.g. "sold 4 GiB".
    pub capacity_line_label: String,
    /// "expected 2.7 GiB · peak 3 GiB of 3.3 GiB allocatable · 9 % headroom".
    pub caption: String,
    pub legend: Vec<LegendEntry>,
    /// The chart as sentences, for screen readers and text-only reports.
    pub description: Vec<String>,
}

impl MemoryChart {
    /// The chart without the placements' legend lines, for a view that lists
    /// the placements itself (the server card's chips carry the colours).
    pub fn without_placement_legend(mut self) -> MemoryChart {
        self.legend.retain(|e| e.placement.is_none());
        self
    }

    /// The colour of each placement's segment, by placement id.
    pub fn placement_colors(&self) -> Vec<(String, Rgb)> {
        self.legend
            .iter()
            .filter_map(|e| e.placement.clone().map(|p| (p, e.color)))
            .collect()
    }

    /// Where the bar ends: reserve + the sum of peaks.
    pub fn bar_end_mib(&self) -> Mib {
        self.segments
            .iter()
            .filter(|s| s.kind != SegmentKind::Headroom)
            .map(|s| s.end_mib)
            .max()
            .unwrap_or(0)
    }

    /// True when the bar (reserve + peaks) runs past the allocatable line.
    pub fn overflows(&self) -> bool {
        self.bar_end_mib() > self.allocatable_line_mib
    }
}

struct Words {
    reserve: &'static str,
    reserve_detail: &'static str,
    peak: &'static str,
    limit: &'static str,
    expected: &'static str,
    headroom: &'static str,
    usable: &'static str,
    allocatable: &'static str,
    sold: &'static str,
    limits_total: &'static str,
    limits_track: &'static str,
    peak_key: &'static str,
}

const EN: Words = Words {
    reserve: "System reserve",
    reserve_detail: "OS, Docker and container overhead",
    peak: "peak",
    limit: "limit",
    expected: "expected",
    headroom: "Headroom",
    usable: "usable",
    allocatable: "allocatable",
    sold: "sold",
    limits_total: "limits",
    limits_track: "in total (track under the bar)",
    peak_key: "peak beyond expected (hatched)",
};

const ZH: Words = Words {
    reserve: "系统预留",
    reserve_detail: "操作系统、Docker 与容器开销",
    peak: "峰值",
    limit: "上限",
    expected: "预计",
    headroom: "余量",
    usable: "可用",
    allocatable: "可分配",
    sold: "标称",
    limits_total: "上限合计",
    limits_track: "（条形下方细轨）",
    peak_key: "超出预计的峰值（斜线）",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// The caption under the bar: the server's one expected/peak pair (the
/// report's totals, which leave out the reserve — the reserve is its own
/// segment and legend line) against the allocatable memory: "expected 2.7 GiB
/// · peak 3 GiB of 3.3 GiB allocatable · 9 % headroom"; when peaks do not
/// fit, "… · over by 300 MiB at peak".
fn caption(s: &ServerReport, lang: Lang) -> String {
    let [expected, peak, allocatable] =
        [s.expected_mib, s.peak_mib, s.allocatable_mib].map(format_mib);
    let over = s.headroom_mib < 0;
    let short = format_mib(s.headroom_mib.unsigned_abs());
    match lang {
        Lang::En => {
            let tail = if over {
                format!("over by {short} at peak")
            } else {
                format!("{} % headroom", s.headroom_pct)
            };
            format!("expected {expected} · peak {peak} of {allocatable} allocatable · {tail}")
        }
        Lang::Zh => {
            let tail = if over {
                format!("峰值超出 {short}")
            } else {
                format!("余量 {} %", s.headroom_pct)
            };
            format!("预计 {expected} · 峰值 {peak} / 可分配 {allocatable} · {tail}")
        }
    }
}

/// Builds the memory diagram of one server from its report.
///
/// The axis runs from 0 to a nice step past the largest of the usable memory,
/// the memory as sold, reserve + peaks and reserve + limits, so a server that
/// does not fit shows its bar running past the allocatable line.
///
/// ```
/// use stackfit_core::chart::{memory_chart, Lang, SegmentKind};
/// use stackfit_core::{fit, templates};
/// let report = fit::evaluate(&templates::get("s0").unwrap());
/// let server = &report.options[0].servers[0];
/// let chart = memory_chart(server, Lang::En);
/// assert_eq!(chart.segments[0].kind, SegmentKind::Reserve);
/// // The expected segments add up to the report's total.
/// let expected: u64 = chart.segments.iter()
///     .filter(|s| s.kind == SegmentKind::Expected)
///     .map(|s| s.size_mib()).sum();
/// assert_eq!(expected, server.expected_mib);
/// assert!(chart.caption.contains("expected"));
/// ```
pub fn memory_chart(server: &ServerReport, lang: Lang) -> MemoryChart {
    memory_chart_in(server, None, lang)
}

/// [`memory_chart`] with each placement's colour from `colors` (the option's
/// [`palette::option_colors`]), so a placement keeps its colour when it moves
/// to another server.
pub fn memory_chart_in(
    server: &ServerReport,
    colors: Option<&[(String, Rgb)]>,
    lang: Lang,
) -> MemoryChart {
    let w = words(lang);
    let reserve = server.reserve_mib;
    let colors = palette::for_server(server, colors);
    let names: Vec<String> = server
        .placements
        .iter()
        .map(|p| placement_name(&p.id, &p.service, p.replicas, lang))
        .collect();

    let mut segments = Vec::with_capacity(2 * server.placements.len() + 2);
    segments.push(Segment {
        kind: SegmentKind::Reserve,
        placement: None,
        start_mib: 0,
        end_mib: reserve,
        label: format!("{} {}", w.reserve, format_mib(reserve)),
        short_label: w.reserve.to_string(),
        color: palette::RESERVE,
    });
    let mut at = reserve;
    for ((p, name), color) in server.placements.iter().zip(&names).zip(&colors) {
        segments.push(Segment {
            kind: SegmentKind::Expected,
            placement: Some(p.id.clone()),
            start_mib: at,
            end_mib: at + p.total.expected_mib,
            label: format!("{name} {}", format_mib(p.total.expected_mib)),
            short_label: name.clone(),
            color: *color,
        });
        at += p.total.expected_mib;
    }
    // Only the peaks the verdict counts as striking together are drawn, so
    // the bar ends at the server's peak (the all-at-once case is in words).
    let mut by_excess: Vec<usize> = (0..server.placements.len()).collect();
    crate::model::order::sort_by_key(&mut by_excess, |&i| {
        let p = &server.placements[i];
        std::cmp::Reverse(p.total.peak_mib.saturating_sub(p.total.expected_mib))
    });
    by_excess.truncate(crate::report::PEAKS_THAT_COINCIDE);
    for (i, ((p, name), color)) in server
        .placements
        .iter()
        .zip(&names)
        .zip(&colors)
        .enumerate()
    {
        let extra = p.total.peak_mib.saturating_sub(p.total.expected_mib);
        if extra == 0 || !by_excess.contains(&i) {
            continue;
        }
        segments.push(Segment {
            kind: SegmentKind::Peak,
            placement: Some(p.id.clone()),
            start_mib: at,
            end_mib: at + extra,
            label: format!("{name} {} +{}", w.peak, format_mib(extra)),
            short_label: format!("{name} {}", w.peak),
            color: color.lighten(55),
        });
        at += extra;
    }
    let line = reserve + server.allocatable_mib;
    if at < line {
        segments.push(Segment {
            kind: SegmentKind::Headroom,
            placement: None,
            start_mib: at,
            end_mib: line,
            label: format!("{} {}", w.headroom, format_mib(line - at)),
            short_label: w.headroom.to_string(),
            color: palette::HEADROOM,
        });
    }

    let mut limits = Vec::with_capacity(server.placements.len());
    let mut lim_at = reserve;
    for ((p, name), color) in server.placements.iter().zip(&names).zip(&colors) {
        limits.push(LimitMarker {
            placement: p.id.clone(),
            start_mib: lim_at,
            end_mib: lim_at + p.total.limit_mib,
            label: format!("{name} {} {}", w.limit, format_mib(p.total.limit_mib)),
            color: *color,
        });
        lim_at += p.total.limit_mib;
    }

    let needed = line.max(server.capacity_mib).max(at).max(lim_at);
    let scale = nice_scale(needed, 8);

    let mut legend = vec![LegendEntry {
        color: palette::RESERVE,
        placement: None,
        name: w.reserve.to_string(),
        detail: format!("{} · {}", format_mib(reserve), w.reserve_detail),
    }];
    for ((p, name), color) in server.placements.iter().zip(&names).zip(&colors) {
        legend.push(LegendEntry {
            color: *color,
            placement: Some(p.id.clone()),
            name: name.clone(),
            detail: format!(
                "{} {} · {} {} · {} {}",
                w.expected,
                format_mib(p.total.expected_mib),
                w.peak,
                format_mib(p.total.peak_mib),
                w.limit,
                format_mib(p.total.limit_mib)
            ),
        });
    }

    let caption = caption(server, lang);
    let allocatable_line_label = format!("{} {}", w.usable, format_mib(line));
    let capacity_line_label = format!("{} {}", w.sold, format_mib(server.capacity_mib));
    let allocatable_span = Span {
        start_mib: reserve,
        end_mib: line,
        label: format!("{} {}", w.allocatable, format_mib(server.allocatable_mib)),
    };
    let mut description = vec![caption.clone()];
    description.push(format!(
        "{} · {} · {}",
        capacity_line_label, allocatable_line_label, allocatable_span.label
    ));
    description.extend(segments.iter().map(|s| s.label.clone()));
    let limits_label = match lang {
        Lang::En => format!(
            "{} {} {}",
            w.limits_total,
            format_mib(server.limit_mib),
            w.limits_track
        ),
        Lang::Zh => format!(
            "{} {}{}",
            w.limits_total,
            format_mib(server.limit_mib),
            w.limits_track
        ),
    };
    description.extend(limits.iter().map(|l| l.label.clone()));
    description.push(format!(
        "{} {}",
        w.limits_total,
        format_mib(server.limit_mib)
    ));

    MemoryChart {
        lang,
        verdict: server.memory_verdict,
        scale,
        segments,
        limits,
        limits_end_mib: lim_at,
        limits_label,
        peak_key_label: w.peak_key.to_string(),
        allocatable_line_mib: line,
        allocatable_line_label,
        allocatable_span,
        capacity_line_mib: server.capacity_mib,
        capacity_line_label,
        caption,
        legend,
        description,
    }
}
