//! The layout of the memory diagram: what is labelled inside the bar and
//! what is left to the legend at a given width.

use stackfit_core::chart::{memory_chart, placement_name, text_width_px, Lang};
use stackfit_core::fit::{self, ServerReport};
use stackfit_core::templates;
use stackfit_draw::memory::layout;

fn first_server(template: &str) -> ServerReport {
    let report = fit::evaluate(&templates::get(template).unwrap());
    report.options[0].servers[0].clone()
}

#[test]
fn labels_that_do_not_fit_are_left_to_the_legend() {
    let c = memory_chart(&first_server("s0"), Lang::En);
    let wide = layout(&c, 1200.0, false);
    let narrow = layout(&c, 320.0, false);
    assert!(narrow.labels.len() < wide.labels.len());
    assert!(narrow.height > wide.height);
    for l in &narrow.labels {
        let s = &c.segments[l.segment];
        let room = narrow.x(&c, s.end_mib) - narrow.x(&c, s.start_mib);
        assert!(text_width_px(&l.text, 12.0) < room);
    }
    // Every placement is in the legend whatever the width.
    for p in &first_server("s0").placements {
        let name = placement_name(&p.id, &p.service, p.replicas, Lang::En);
        assert!(
            narrow.legend.iter().any(|i| i.lines[0].starts_with(&name)),
            "{name}"
        );
    }
    // Legend lines wrap to the width rather than running off the card.
    for item in &narrow.legend {
        for line in &item.lines {
            let right = item.x + 16.0 + text_width_px(line, 12.0);
            assert!(right <= 320.0, "{line:?} ends at {right}");
        }
    }
    let lines = narrow.legend.iter().flat_map(|i| i.lines.iter());
    assert!(lines
        .clone()
        .all(|l| !l.starts_with("MiB") && !l.starts_with("GiB")));
    let rows: Vec<usize> = narrow.legend.iter().map(|i| i.row).collect();
    assert!(rows.windows(2).all(|w| w[0] <= w[1]));
}
