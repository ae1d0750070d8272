//! Readable text output: catalogs, the evaluation table and tuning.

use std::fmt::Write;

use stackfit_core::fit::PlacementReport;
use stackfit_core::fit::{Lang, OptionReport, Report};
use stackfit_core::model::units::{format_cpus, format_fen};
use stackfit_core::report::port_clash_words;
use stackfit_core::{catalog, Plan};

fn money(fen: Option<i64>) -> String {
    fen.map_or_else(|| "price unknown".to_string(), format_fen)
}

pub fn services() -> String {
    let mut out = String::new();
    for s in catalog::services() {
        let _ = writeln!(
            out,
            "{:<16} {:<28} {:<12} knobs: {}",
            s.id,
            s.name_en,
            format!("{:?}", s.category),
            s.knobs.iter().map(|k| k.id).collect::<Vec<_>>().join(", ")
        );
    }
    out
}

pub fn tiers() -> String {
    let mut out = String::new();
    for t in catalog::tiers() {
        let price = t.monthly_fen(catalog::USD_CNY_RATE_MILLI);
        let _ = writeln!(
            out,
            "{:<34} {:>3} vCPU {:>7} MiB (usable {:>6})  {}",
            t.id,
            t.vcpu,
            t.memory_mib,
            t.usable_mib,
            money(price)
        );
    }
    out
}

/// Text for a terminal: no escape sequences or other control characters
/// from plan text (a label could otherwise recolour or clear the screen).
pub fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || !stackfit_core::edit::validate::is_unsafe_char(c) {
                c
            } else {
                ' '
            }
        })
        .collect()
}

pub fn report(plan: &Plan, report: &Report, lang: Lang) -> String {
    terminal_safe(&report_text(plan, report, lang))
}

fn report_text(plan: &Plan, report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  (headroom target {} %)",
        plan.name, report.headroom_target_pct
    );
    for o in &report.options {
        let mut verdict = match lang {
            Lang::En => o.verdict.as_str().to_uppercase(),
            Lang::Zh => o.verdict.name_zh().to_string(),
        };
        if let Some(clash) = port_clash_words(o.port_clashes(), lang) {
            let _ = write!(verdict, " · {clash}");
        }
        let yearly = o
            .yearly_fen
            .map_or(String::new(), |y| format!(", {}/year", format_fen(y)));
        let delta = match o.monthly_delta_fen {
            Some(d) if d != 0 => format!(
                " ({}{} vs first)",
                if d > 0 { "+" } else { "" },
                format_fen(d)
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "\n== {} — {}: {}   {}/month{}{}",
            o.id,
            o.name,
            verdict,
            money(o.monthly_fen),
            yearly,
            delta
        );
        out += &load_lines(o, lang, "  ", true);
        for s in &o.servers {
            // The server lines are English, whatever the option line's language.
            let clash = port_clash_words(s.port_clashes.len(), Lang::En)
                .map_or(String::new(), |c| format!(" · {c}"));
            let _ = writeln!(
                out,
                "  server {} \"{}\" ({}, {} vCPU): {}{clash}",
                s.id,
                s.label,
                s.tier,
                s.vcpu,
                s.verdict.as_str()
            );
            let _ = writeln!(
                out,
                "    memory MiB: capacity {} → usable {} − reserve {} = allocatable {}",
                s.capacity_mib, s.usable_mib, s.reserve_mib, s.allocatable_mib
            );
            let _ = writeln!(
                out,
                "    expected {} · peak {} · limits {} · headroom {} MiB ({} %) · CPU {} of {} · {}/month",
                s.expected_mib,
                s.peak_mib,
                s.limit_mib,
                s.headroom_mib,
                s.headroom_pct,
                format_cpus(s.cpu_expected_millicores),
                s.vcpu,
                money(s.monthly_fen)
            );
            let _ = writeln!(
                out,
                "    {:<18} {:<16} {:>9} {:>7} {:>7}",
                "placement", "service", "expected", "peak", "limit"
            );
            for p in &s.placements {
                let lim = if p.limit_is_default {
                    format!("{}*", p.total.limit_mib)
                } else {
                    p.total.limit_mib.to_string()
                };
                let _ = writeln!(
                    out,
                    "    {:<18} {:<16} {:>9} {:>7} {:>7}",
                    p.id, p.service, p.total.expected_mib, p.total.peak_mib, lim
                );
            }
            for f in &s.findings {
                let _ = writeln!(
                    out,
                    "    [{:?}] {}: {}",
                    f.severity,
                    f.id(),
                    f.message(lang)
                );
                if let Some(fix) = &f.fix {
                    let label = if lang == Lang::Zh {
                        &fix.label_zh
                    } else {
                        &fix.label_en
                    };
                    let delta = if fix.monthly_delta_fen.is_some() {
                        format!(" ({})", fix.delta_text())
                    } else {
                        String::new()
                    };
                    let _ = writeln!(out, "        fix: {label}{delta}");
                }
                for alt in &f.alternatives {
                    let label = if lang == Lang::Zh {
                        &alt.label_zh
                    } else {
                        &alt.label_en
                    };
                    let _ = writeln!(out, "        or:  {label}");
                }
            }
        }
    }
    let _ = writeln!(out, "\n(* = default limit: no limit set in the plan)");
    out
}

/// An option's load and its derivations, as the report words them: the
/// option's load when not ×1, the task workers together, then each
/// placement's line ("worker-high: ~50 tasks/h at peak, … → concurrency 13
/// … → 3.2 GiB …"). Empty when the option has none of these.
pub fn load_lines(o: &OptionReport, lang: Lang, indent: &str, say_load: bool) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    if say_load && o.load != stackfit_core::whatif::LOAD_ONE {
        let l = stackfit_core::whatif::load_words(o.load);
        let _ = writeln!(
            out,
            "{indent}{}",
            if zh {
                format!("负载 {l}（相对方案设定的取值）")
            } else {
                format!("load {l} (of the plan as set)")
            }
        );
    }
    if let Some(t) = &o.task_load {
        let _ = writeln!(
            out,
            "{indent}{}{}",
            if zh { "任务负载：" } else { "task load: " },
            if zh { &t.zh } else { &t.en }
        );
    }
    for p in o.servers.iter().flat_map(|s| &s.placements) {
        if let Some(d) = &p.load {
            let _ = writeln!(
                out,
                "{indent}  {}: {}",
                p.id,
                if zh { &d.zh } else { &d.en }
            );
        }
    }
    out
}

/// The settings a placement is started with, and what tuning for its limit
/// would change.
pub fn tuning(p: &PlacementReport) -> String {
    terminal_safe(&tuning_text(p))
}

fn tuning_text(p: &PlacementReport) -> String {
    let t = &p.tuning;
    let mut out = format!("{} under a {} MiB limit:\n", p.id, t.limit_mib);
    for s in t.written.settings() {
        let _ = writeln!(out, "  {:<34} {:<24} {}", s.name, s.value, s.rule_en);
    }
    for s in &t.suggestions {
        let _ = writeln!(
            out,
            "  tuned for the limit: {} {} → {}{}",
            s.knob,
            s.plan,
            s.tuned,
            if s.risky {
                " (the plan's value risks the limit)"
            } else {
                ""
            }
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CLI table printed a label's escape sequences to the terminal.
    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        assert_eq!(terminal_safe("A\u{1b}[2J\nB\u{9b}31m"), "A [2J\nB 31m");
    }
}
