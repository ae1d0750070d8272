//! `stackfit whatif`: an option at a load multiplier — each server's verdict
//! there — and where each server breaks as load grows.

use stackfit_core::fit::{Lang, Verdict};
use stackfit_core::model::price::PriceBook;
use stackfit_core::model::units::{format_cpus, format_mib};
use stackfit_core::report::with_port_clashes;
use stackfit_core::whatif::{self, breaking_words, load_words, WhatIf};
use stackfit_core::Plan;

/// The option a command works on: the one named, else the report's
/// recommended one, else the first.
pub fn pick_option<'a>(plan: &'a Plan, named: Option<&str>) -> Result<&'a str, String> {
    match named {
        Some(id) => plan
            .options
            .iter()
            .find(|o| o.id == id || o.name == id)
            .map(|o| o.id.as_str())
            .ok_or_else(|| {
                let ids: Vec<&str> = plan.options.iter().map(|o| o.id.as_str()).collect();
                format!("no option {id:?} (options: {})", ids.join(", "))
            }),
        None => {
            let report = stackfit_core::fit::evaluate(plan);
            let id = report
                .recommended_option
                .or_else(|| plan.options.first().map(|o| o.id.clone()))
                .ok_or("the plan has no options")?;
            Ok(plan
                .options
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.id.as_str())
                .unwrap_or_default())
        }
    }
}

pub fn run(
    plan: &Plan,
    option: Option<&str>,
    load: Option<&str>,
    book: &PriceBook,
    as_json: bool,
    lang: Lang,
) -> Result<String, String> {
    let load = match load {
        None => return Err("whatif needs --load MULTIPLIER (0.5 … 10, e.g. 2.0)".into()),
        Some(text) => whatif::parse_load(text).map_err(|(en, zh)| match lang {
            Lang::En => en,
            Lang::Zh => zh,
        })?,
    };
    let id = pick_option(plan, option)?;
    let w = whatif::whatif(plan, id, load, book).ok_or("no such option")?;
    Ok(if as_json {
        serde_json::to_string_pretty(&w).expect("serializable") + "\n"
    } else {
        table(&w, lang)
    })
}

/// A verdict in words, with its host ports published twice beside it.
fn verdict_name(v: Verdict, clashes: usize, lang: Lang) -> String {
    let name = match lang {
        Lang::En => v.name_en(),
        Lang::Zh => v.name_zh(),
    };
    with_port_clashes(name, clashes, lang)
}

fn table(w: &WhatIf, lang: Lang) -> String {
    let mut out = match lang {
        Lang::En => format!(
            "{} at load {}: {}\n",
            w.report.name,
            load_words(w.load),
            verdict_name(w.report.verdict, w.report.port_clashes(), lang)
        ),
        Lang::Zh => format!(
            "{} 在负载 {} 时：{}\n",
            w.report.name,
            load_words(w.load),
            verdict_name(w.report.verdict, w.report.port_clashes(), lang)
        ),
    };
    out += &crate::table::load_lines(&w.report, lang, "  ", false);
    for (s, b) in w.report.servers.iter().zip(&w.breaking) {
        let (en, zh) = breaking_words(b);
        // The planner's own CPU figure ("2.035"), not a second rounding of it.
        let cpu = format_cpus(s.cpu_expected_millicores);
        out += &match lang {
            Lang::En => format!(
                "  {} ({}): {} — expected {} · peak {} of {} allocatable · CPU {} of {} — {}\n",
                s.label,
                s.tier,
                verdict_name(s.verdict, s.port_clashes.len(), lang),
                format_mib(s.expected_mib),
                format_mib(s.peak_mib),
                format_mib(s.allocatable_mib),
                cpu,
                s.vcpu,
                en
            ),
            Lang::Zh => format!(
                "  {}（{}）：{} — 预计 {} · 峰值 {}，可分配 {} · CPU {} / {} — {}\n",
                s.label,
                s.tier,
                verdict_name(s.verdict, s.port_clashes.len(), lang),
                format_mib(s.expected_mib),
                format_mib(s.peak_mib),
                format_mib(s.allocatable_mib),
                cpu,
                s.vcpu,
                zh
            ),
        };
    }
    out
}
