//! Golden SVGs of the memory diagram: S0's and S2's first server, and S2's
//! server that does not fit, in both languages. `UPDATE_GOLDEN=1 cargo test
//! -p stackfit-draw` rewrites them; review the diff (or the PNG) first.

use std::path::PathBuf;

use stackfit_core::chart::{memory_chart, Lang};
use stackfit_core::{fit, templates};
use stackfit_draw::svg::memory_svg;

fn check(name: &str, template: &str, option: &str, lang: Lang) {
    let report = fit::evaluate(&templates::get(template).unwrap());
    let server = &report.option(option).unwrap().servers[0];
    let svg = memory_svg(&memory_chart(server, lang), 640);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &svg).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        want == svg,
        "{} differs from the drawing; run with UPDATE_GOLDEN=1 and review the diff",
        path.display()
    );
}

#[test]
fn golden_s0_first_server_en() {
    check("s0-lean-2c4g-a.en", "s0", "lean-2c4g", Lang::En);
}

#[test]
fn golden_s0_first_server_zh() {
    check("s0-lean-2c4g-a.zh", "s0", "lean-2c4g", Lang::Zh);
}

#[test]
fn golden_s2_first_server_en() {
    check("s2-now-a.en", "s2", "now", Lang::En);
}

#[test]
fn golden_s2_does_not_fit_en() {
    check("s2-plus-standard-a.en", "s2", "plus-standard", Lang::En);
}
