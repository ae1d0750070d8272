//! The chart models against the reference scenarios: contiguous segments
//! that add up to the report's totals, overflow past the allocatable line,
//! labels in both languages, stable order and colours.

use super::*;
use crate::fit::{self, ServerReport, Verdict};
use crate::model::units::format_mib;
use crate::templates;

fn server(template: &str, option: &str, server: &str) -> ServerReport {
    let report = fit::evaluate(&templates::get(template).unwrap());
    report
        .option(option)
        .unwrap_or_else(|| panic!("{template} has no option {option}"))
        .server(server)
        .unwrap_or_else(|| panic!("{template}/{option} has no server {server}"))
        .clone()
}

fn first_server(template: &str) -> ServerReport {
    fit::evaluate(&templates::get(template).unwrap()).options[0].servers[0].clone()
}

fn total(chart: &MemoryChart, kind: SegmentKind) -> u64 {
    chart
        .segments
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.size_mib())
        .sum()
}

/// Every template's every server: the bar has no gaps or overlaps and its
/// parts equal the report's reserve, expected and peak totals.
#[test]
fn segments_are_contiguous_and_add_up_to_the_report() {
    for t in templates::list() {
        let report = fit::evaluate(&templates::get(t.id).unwrap());
        for o in &report.options {
            for s in &o.servers {
                let c = memory_chart(s, Lang::En);
                let at = format!("{}/{}/{}", t.id, o.id, s.id);
                assert_eq!(c.segments[0].start_mib, 0, "{at}");
                for pair in c.segments.windows(2) {
                    assert_eq!(pair[0].end_mib, pair[1].start_mib, "{at}: gap");
                }
                assert_eq!(total(&c, SegmentKind::Reserve), s.reserve_mib, "{at}");
                assert_eq!(total(&c, SegmentKind::Expected), s.expected_mib, "{at}");
                assert_eq!(
                    total(&c, SegmentKind::Expected) + total(&c, SegmentKind::Peak),
                    s.peak_mib,
                    "{at}"
                );
                assert_eq!(c.bar_end_mib(), s.reserve_mib + s.peak_mib, "{at}");
                let headroom = total(&c, SegmentKind::Headroom) as i64;
                assert_eq!(headroom, s.headroom_mib.max(0), "{at}");
                assert_eq!(c.limits_end_mib, s.reserve_mib + s.limit_mib, "{at}");
                assert!(c.scale.max >= c.bar_end_mib().max(c.limits_end_mib), "{at}");
                assert!(c.scale.max >= s.capacity_mib.max(s.usable_mib), "{at}");
            }
        }
    }
}

#[test]
fn a_server_that_does_not_fit_runs_past_the_allocatable_line() {
    let s = server("s2", "plus-standard", "a");
    assert_eq!(s.verdict, Verdict::DoesNotFit);
    let c = memory_chart(&s, Lang::En);
    assert!(c.overflows());
    // The expected segments alone already cross the line.
    let expected_end = c
        .segments
        .iter()
        .filter(|x| x.kind == SegmentKind::Expected)
        .map(|x| x.end_mib)
        .max()
        .unwrap();
    assert!(expected_end > c.allocatable_line_mib);
    assert!(!c.segments.iter().any(|x| x.kind == SegmentKind::Headroom));
    assert!(c.caption.contains("over by"), "{}", c.caption);
}

#[test]
fn a_server_that_fits_ends_in_headroom_at_the_allocatable_line() {
    let s = server("s0", "lean-2c4g", "a");
    assert!(s.verdict <= Verdict::Tight, "{:?}", s.verdict);
    let c = memory_chart(&s, Lang::En);
    assert!(!c.overflows());
    let last = c.segments.last().unwrap();
    assert_eq!(last.kind, SegmentKind::Headroom);
    assert_eq!(last.end_mib, c.allocatable_line_mib);
    assert_eq!(c.allocatable_line_mib, s.usable_mib);
    assert_eq!(
        c.allocatable_span.end_mib - c.allocatable_span.start_mib,
        s.allocatable_mib
    );
}

#[test]
fn labels_in_both_languages() {
    let s = first_server("s0");
    let en = memory_chart(&s, Lang::En);
    let zh = memory_chart(&s, Lang::Zh);
    assert_eq!(en.segments.len(), zh.segments.len());
    let pg = s.placement("postgres").unwrap();
    let label = |c: &MemoryChart| {
        c.segments
            .iter()
            .find(|x| x.kind == SegmentKind::Expected && x.placement.as_deref() == Some("postgres"))
            .unwrap()
            .label
            .clone()
    };
    assert_eq!(
        label(&en),
        format!("PostgreSQL {}", format_mib(pg.total.expected_mib))
    );
    assert!(label(&zh).ends_with(&format_mib(pg.total.expected_mib)));
    assert!(en.segments[0].label.starts_with("System reserve "));
    assert!(zh.segments[0].label.starts_with("系统预留 "));
    assert!(en.caption.starts_with("expected "), "{}", en.caption);
    assert!(en.caption.contains(" · peak "), "{}", en.caption);
    assert!(en.caption.ends_with("% headroom"), "{}", en.caption);
    assert!(zh.caption.starts_with("预计 "), "{}", zh.caption);
    assert!(zh.caption.contains(" · 峰值 "), "{}", zh.caption);
    assert!(zh.caption.contains("余量"), "{}", zh.caption);
    assert!(zh.allocatable_span.label.starts_with("可分配 "));
    assert!(en.description.iter().any(|d| d == &en.caption));
}

#[test]
fn caption_numbers_come_from_the_report() {
    let s = first_server("s0");
    let c = memory_chart(&s, Lang::En);
    // One expected/peak pair per card: the report's own totals (the same as
    // the card's data-expected-mib), not a second pair with the reserve in it.
    let expect = format!(
        "expected {} · peak {} of {} allocatable · {} % headroom",
        format_mib(s.expected_mib),
        format_mib(s.peak_mib),
        format_mib(s.allocatable_mib),
        s.headroom_pct
    );
    assert_eq!(c.caption, expect);
}

#[test]
fn order_follows_placements_and_is_stable() {
    let s = first_server("s0");
    let a = memory_chart(&s, Lang::En);
    let b = memory_chart(&s, Lang::En);
    assert_eq!(a, b);
    let ids = |kind| -> Vec<String> {
        a.segments
            .iter()
            .filter(|x| x.kind == kind)
            .map(|x| x.placement.clone().unwrap())
            .collect()
    };
    let placements: Vec<String> = s.placements.iter().map(|p| p.id.clone()).collect();
    assert_eq!(ids(SegmentKind::Expected), placements);
    // The peaks drawn are the ones the verdict counts as striking together,
    // in placement order, and the bar ends at the server's peak.
    let peaks = ids(SegmentKind::Peak);
    let mut by_excess: Vec<&crate::report::PlacementReport> = s
        .placements
        .iter()
        .filter(|p| p.total.peak_mib > p.total.expected_mib)
        .collect();
    by_excess.sort_by_key(|p| std::cmp::Reverse(p.total.peak_mib - p.total.expected_mib));
    by_excess.truncate(crate::report::PEAKS_THAT_COINCIDE);
    let counted: Vec<String> = s
        .placements
        .iter()
        .filter(|p| by_excess.iter().any(|q| q.id == p.id))
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(peaks, counted);
    let peak_end = a
        .segments
        .iter()
        .filter(|x| x.kind != SegmentKind::Headroom)
        .map(|x| x.end_mib)
        .max()
        .unwrap();
    assert_eq!(peak_end, s.reserve_mib + s.peak_mib);
    // Reserve first, expected before peak, headroom last.
    let kinds: Vec<SegmentKind> = a.segments.iter().map(|x| x.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|k| *k as u8);
    assert_eq!(kinds, sorted);
}

#[test]
fn colours_are_distinct_on_a_server_and_follow_the_service() {
    let s = server("s4", "as-planned", "a");
    let c = memory_chart(&s, Lang::En);
    let colours: Vec<Rgb> = c.limits.iter().map(|l| l.color).collect();
    let mut unique = colours.clone();
    unique.sort_by_key(|c| (c.0, c.1, c.2));
    unique.dedup();
    assert_eq!(unique.len(), colours.len().min(7));
    // PostgreSQL has the same colour on S0 and S4.
    let pg = |c: &MemoryChart| {
        c.limits
            .iter()
            .find(|l| l.placement == "postgres")
            .unwrap()
            .color
    };
    assert_eq!(pg(&c), pg(&memory_chart(&first_server("s0"), Lang::En)));
}

/// S4 option "as planned", server B (4C8G, four gevent workers): the report
/// records it as not fitting, and the chart must show that plainly.
#[test]
fn s4_server_b_as_planned() {
    let s = server("s4", "as-planned", "b");
    let c = memory_chart(&s, Lang::En);
    assert_eq!(s.placements.len(), 4);
    assert_eq!(total(&c, SegmentKind::Expected), s.expected_mib);
    assert_eq!(c.limits.len(), 4);
    assert_eq!(c.capacity_line_mib, 8192);
    assert_eq!(c.verdict, s.verdict);
    assert!(s.verdict >= Verdict::OomRisk, "{:?}", s.verdict);
    assert!(c.overflows());
    assert!(c.caption.contains("over by"), "{}", c.caption);
    let moved = server("s4", "trans2-on-a", "b");
    let after = memory_chart(&moved, Lang::En);
    assert_eq!(after.limits.len(), 3);
    assert!(after.bar_end_mib() < c.bar_end_mib());
}

#[test]
fn scale_has_nice_ticks() {
    let s = nice_scale(1843, 8);
    assert_eq!((s.max, s.step), (2048, 256));
    assert_eq!(s.ticks.len(), 9);
    assert_eq!(s.ticks[2].label, "512 MiB");
    assert_eq!(s.ticks[6].label, "1.5 GiB");
    let big = nice_scale(16384 + 1, 8);
    assert_eq!(big.step, 4096);
    assert_eq!(big.max, 20480);
}

#[test]
fn cpu_bar_adds_up_and_shows_overcommit() {
    for t in templates::list() {
        let report = fit::evaluate(&templates::get(t.id).unwrap());
        for o in &report.options {
            for s in &o.servers {
                let c = cpu_chart(s, Lang::En);
                let end = c.segments.last().map_or(0, |x| x.end_millicores);
                assert_eq!(end, s.cpu_expected_millicores, "{}/{}", t.id, o.id);
                for pair in c.segments.windows(2) {
                    assert_eq!(pair[0].end_millicores, pair[1].start_millicores);
                }
                assert_eq!(
                    c.overcommitted(),
                    s.cpu_expected_millicores > s.cpu_capacity_millicores
                );
                assert!(c.scale.max >= end.max(s.cpu_capacity_millicores));
            }
        }
    }
    let mut s = first_server("s0");
    s.cpu_capacity_millicores = 500;
    s.cpu_expected_millicores = 1250;
    let en = cpu_chart(&s, Lang::En);
    assert_eq!(en.overcommit_millicores, 750);
    assert_eq!(
        en.caption,
        "1.25 of 0.5 vCPU expected · overcommitted by 0.75 vCPU"
    );
    assert_eq!(
        cpu_chart(&s, Lang::Zh).caption,
        "预计 1.25 / 0.5 vCPU · 超配 0.75 vCPU"
    );
}

#[test]
fn colours_keep_text_readable() {
    for c in palette::PLACEMENT {
        let ink = c.text_on();
        assert!(ink == palette::INK || ink == Rgb(255, 255, 255));
    }
    assert_eq!(Rgb(0xF0, 0xE4, 0x42).text_on(), palette::INK);
    assert_eq!(Rgb(0x00, 0x72, 0xB2).text_on(), Rgb(255, 255, 255));
    assert_eq!(Rgb(0, 0, 0).lighten(100), Rgb(255, 255, 255));
}

/// Five "Custom service" rows told nobody which was which: custom services
/// are named by their placement id.
#[test]
fn custom_services_are_named_by_their_placement() {
    let s = server("s2", "plus-standard", "a");
    let c = memory_chart(&s, Lang::En);
    let custom: Vec<_> = s
        .placements
        .iter()
        .filter(|p| p.service == "custom")
        .collect();
    assert!(!custom.is_empty());
    for p in custom {
        let seg = c
            .segments
            .iter()
            .find(|x| x.placement.as_deref() == Some(p.id.as_str()))
            .unwrap();
        assert!(seg.label.starts_with(&p.id), "{}", seg.label);
    }
}

#[test]
fn the_card_view_keeps_the_reserve_legend_and_lists_placement_colours() {
    let s = first_server("s0");
    let c = memory_chart(&s, Lang::En);
    let colors = c.placement_colors();
    assert_eq!(colors.len(), s.placements.len());
    for (p, (id, color)) in s.placements.iter().zip(&colors) {
        assert_eq!(&p.id, id);
        let seg = c
            .segments
            .iter()
            .find(|g| g.kind == SegmentKind::Expected && g.placement.as_deref() == Some(id))
            .unwrap();
        assert_eq!(seg.color, *color, "{id}");
    }
    let card = c.clone().without_placement_legend();
    assert_eq!(card.legend.len(), 1, "only the reserve stays");
    assert!(card.legend[0].placement.is_none());
    assert_eq!(card.segments, c.segments);
}

/// The trial moved a service to another server and saw its colour change:
/// with the option's colours, a placement keeps its colour wherever it sits.
#[test]
fn a_placement_keeps_its_colour_when_it_moves() {
    use crate::chart::{memory_chart_in, palette::option_colors};
    use crate::edit::apply;
    use crate::model::Action;
    let colour_of = |plan: &crate::model::Plan, id: &str| {
        let r = crate::fit::evaluate(plan);
        let o = r.option("as-planned").unwrap();
        let colors = option_colors(o.servers.iter().flat_map(|s| {
            s.placements
                .iter()
                .map(|p| (p.id.as_str(), p.service.as_str()))
        }));
        o.servers
            .iter()
            .map(|s| memory_chart_in(s, Some(&colors), Lang::En))
            .flat_map(|c| c.placement_colors())
            .find(|(p, _)| p == id)
            .unwrap()
            .1
    };
    let plan = crate::templates::get("s4").unwrap();
    let option = plan.option("as-planned").unwrap();
    for placement in option.servers[1]
        .placements
        .iter()
        .map(|p| p.id.clone())
        .collect::<Vec<_>>()
    {
        let before = colour_of(&plan, &placement);
        let mut moved = plan.clone();
        apply(
            &mut moved,
            &Action::MovePlacement {
                option: "as-planned".into(),
                placement: placement.clone(),
                to_server: "a".into(),
            },
        )
        .unwrap();
        assert_eq!(colour_of(&moved, &placement), before, "{placement}");
    }
}
