//! The hand-written SVG writer (what "save SVG" downloads) draws what
//! plotters' SVG backend draws from the same routine: the same texts in the
//! same order and the same number of shapes, in a well-formed document.

use stackfit_core::chart::{memory_chart, Lang};
use stackfit_core::{fit, templates};
use stackfit_draw::svg::memory_svg;
use stackfit_draw::svg_writer::memory_svg_document;

/// The text content of every `<text>` element, in order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
            body.trim().to_string()
        })
        .collect()
}

fn count(svg: &str, tag: &str) -> usize {
    svg.matches(&format!("<{tag} ")).count()
}

/// Every element opened is closed, in order; nothing but known tags.
fn well_formed(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("a tag ends");
        let tag = &rest[..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap().to_string();
            assert!(
                ["svg", "title", "text"].contains(&name.as_str()),
                "unexpected open tag {name}"
            );
            stack.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn check(template: &str, option: &str, lang: Lang) {
    let report = fit::evaluate(&templates::get(template).unwrap());
    for server in &report.option(option).unwrap().servers {
        let chart = memory_chart(server, lang);
        let ours = memory_svg_document(&chart, 640);
        let theirs = memory_svg(&chart, 640);
        well_formed(&ours);
        let unescape = |s: &str| s.replace("&apos;", "'").replace("&quot;", "\"");
        let a: Vec<String> = texts(&ours).iter().map(|t| unescape(t)).collect();
        let b: Vec<String> = texts(&theirs).iter().map(|t| unescape(t)).collect();
        assert_eq!(a, b, "{template}/{option}/{}", server.id);
        assert_eq!(count(&ours, "rect"), count(&theirs, "rect"));
        assert_eq!(count(&ours, "polyline"), count(&theirs, "polyline"));
        assert!(ours.contains(&format!("<title>{}</title>", chart.caption)));
    }
}

#[test]
fn the_saved_svg_draws_what_the_golden_svg_draws() {
    check("s0", "lean-2c4g", Lang::En);
    check("s0", "lean-2c4g", Lang::Zh);
    check("s2", "plus-standard", Lang::En);
    check("s4", "as-planned", Lang::Zh);
}

/// Text from a plan (a placement id) cannot break the document.
#[test]
fn markup_in_plan_text_is_escaped() {
    let mut plan = templates::get("s0").unwrap();
    plan.options[0].servers[0].placements[0].id = "pg<&>\"'".into();
    let report = fit::evaluate(&plan);
    let chart = memory_chart(&report.options[0].servers[0], Lang::En);
    let svg = memory_svg_document(&chart, 480);
    well_formed(&svg);
    assert!(!svg.contains("pg<&>"));
}
