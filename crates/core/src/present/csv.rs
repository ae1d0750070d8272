//! The comparison as CSV, one option a row: what a spreadsheet needs to
//! redo the budget. Yuan with two decimals; an unknown price is an empty
//! cell, never 0. Text that a spreadsheet would run as a formula is quoted
//! with a leading apostrophe.

use super::Presentation;
use crate::model::units::Fen;

/// The header (machine-readable names; the cells are in the report's language).
pub const COST_CSV_HEADER: &str = "option_id,option,servers,verdict,monthly_cny,yearly_cny,delta_cny,headroom_pct,assumed_pct,recommended,baseline,price_sources,port_clashes";

fn yuan(fen: Option<Fen>) -> String {
    fen.map(|f| {
        let sign = if f < 0 { "-" } else { "" };
        format!(
            "{sign}{}.{:02}",
            f.unsigned_abs() / 100,
            f.unsigned_abs() % 100
        )
    })
    .unwrap_or_default()
}

fn cell(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The comparison table as CSV.
///
/// ```
/// use stackfit_core::{evaluate, findings::Lang, present, templates};
/// let plan = templates::get("s0").unwrap();
/// let csv = present::cost_csv(&present::present(&plan, &evaluate(&plan), Lang::En));
/// assert!(csv.lines().any(|l| l.starts_with("standard-4c8g,") && l.contains(",300.00,3600.00,150.00,")));
/// ```
pub fn cost_csv(p: &Presentation) -> String {
    let mut out = format!("{COST_CSV_HEADER}\n");
    for r in &p.rows {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
            cell(&r.id),
            cell(&r.name),
            cell(&r.servers),
            if r.evaluated { r.verdict.as_str() } else { "" },
            yuan(r.monthly_fen),
            yuan(r.yearly_fen),
            yuan(r.delta_fen),
            r.headroom_pct.map(|h| h.to_string()).unwrap_or_default(),
            r.assumed_pct,
            r.recommended,
            r.baseline,
            cell(&r.price_sources.join("; ")),
            r.port_clashes,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_and_separators_stay_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("a\nb"), "a b");
    }
}
