//! The CPU bar of one server: each placement's expected millicores stacked
//! against the server's vCPUs, with any overcommit past the capacity line.

use super::palette::{self, Rgb};
use super::scale::{nice_scale_with, Scale};
use super::{format_vcpu, placement_name, Lang};
use crate::model::units::Millicores;
use crate::report::ServerReport;

/// One placement's share of the CPU bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CpuSegment {
    pub placement: String,
    pub start_millicores: Millicores,
    pub end_millicores: Millicores,
    /// "PostgreSQL 0.5 vCPU".
    pub label: String,
    pub color: Rgb,
}

/// Everything the CPU bar shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CpuChart {
    pub lang: Lang,
    /// 0 .. max(capacity, expected), in millicores.
    pub scale: Scale,
    pub capacity_millicores: Millicores,
    pub expected_millicores: Millicores,
    /// Placements with a non-zero CPU figure, stacked from 0.
    pub segments: Vec<CpuSegment>,
    /// Expected use past the capacity (0 when it fits).
    pub overcommit_millicores: Millicores,
    /// Expected use as a percent of capacity, rounded down (0 without capacity).
    pub used_pct: u64,
    /// "1.2 of 2 vCPU expected · 60 %" / "预计 1.2 / 2 vCPU · 60 %".
    pub caption: String,
    /// The caption and each segment, for screen readers.
    pub description: Vec<String>,
}

impl CpuChart {
    pub fn overcommitted(&self) -> bool {
        self.overcommit_millicores > 0
    }
}

/// Builds the CPU bar of one server. Colours match [`super::memory_chart`]'s.
///
/// ```
/// use stackfit_core::chart::{cpu_chart, Lang};
/// use stackfit_core::{fit, templates};
/// let report = fit::evaluate(&templates::get("s0").unwrap());
/// let server = &report.options[0].servers[0];
/// let chart = cpu_chart(server, Lang::Zh);
/// assert_eq!(chart.capacity_millicores, server.cpu_capacity_millicores);
/// assert!(chart.caption.starts_with("预计"));
/// ```
pub fn cpu_chart(server: &ServerReport, lang: Lang) -> CpuChart {
    cpu_chart_in(server, None, lang)
}

/// [`cpu_chart`] with the option's colours (see [`super::memory_chart_in`]).
pub fn cpu_chart_in(
    server: &ServerReport,
    colors: Option<&[(String, Rgb)]>,
    lang: Lang,
) -> CpuChart {
    let colors = palette::for_server(server, colors);
    let mut segments = Vec::new();
    let mut at = 0;
    for (p, color) in server.placements.iter().zip(colors) {
        if p.total.cpu_millicores == 0 {
            continue;
        }
        let name = placement_name(&p.id, &p.service, p.replicas, lang);
        segments.push(CpuSegment {
            placement: p.id.clone(),
            start_millicores: at,
            end_millicores: at + p.total.cpu_millicores,
            label: format!("{name} {}", format_vcpu(p.total.cpu_millicores)),
            color,
        });
        at += p.total.cpu_millicores;
    }
    let capacity = server.cpu_capacity_millicores;
    let expected = server.cpu_expected_millicores;
    let overcommit = expected.saturating_sub(capacity);
    let used_pct = (expected * 100).checked_div(capacity).unwrap_or(0);
    let scale = nice_scale_with(capacity.max(expected).max(at), 8, 250, format_vcpu);
    let whole = format_vcpu(capacity);
    let part = whole_number(expected);
    let caption = match (lang, overcommit > 0) {
        (Lang::En, false) => format!("{part} of {whole} expected · {used_pct} %"),
        (Lang::En, true) => format!(
            "{part} of {whole} expected · overcommitted by {}",
            format_vcpu(overcommit)
        ),
        (Lang::Zh, false) => format!("预计 {part} / {whole} · {used_pct} %"),
        (Lang::Zh, true) => format!("预计 {part} / {whole} · 超配 {}", format_vcpu(overcommit)),
    };
    let mut description = vec![caption.clone()];
    description.extend(segments.iter().map(|s| s.label.clone()));
    CpuChart {
        lang,
        scale,
        capacity_millicores: capacity,
        expected_millicores: expected,
        segments,
        overcommit_millicores: overcommit,
        used_pct,
        caption,
        description,
    }
}

/// "1.25" for 1250 millicores: [`format_vcpu`] without the unit.
fn whole_number(milli: Millicores) -> String {
    format_vcpu(milli).trim_end_matches(" vCPU").to_string()
}
