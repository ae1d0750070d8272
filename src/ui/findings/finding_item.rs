//! One finding: severity in symbol and words, the engine's message in the
//! UI language, the numbers behind it, and its fixes.

use leptos::prelude::*;
use stackfit_core::fit::{Finding, Fix, Severity};
use stackfit_core::model::units::format_fen;

use crate::i18n::{keep_units, Lang};
use crate::state::{use_lang, use_planner};

fn severity_words(severity: Severity, lang: Lang) -> (&'static str, &'static str) {
    match severity {
        Severity::Critical => ("✕", lang.pick("严重", "Critical")),
        Severity::Warning => ("▲", lang.pick("警告", "Warning")),
        Severity::Info => ("ℹ", lang.pick("提示", "Note")),
    }
}

fn fix_text(fix: &Fix, lang: Lang) -> String {
    let label = lang.pick(&fix.label_zh, &fix.label_en);
    match fix.monthly_delta_fen {
        Some(d) => {
            let sign = if d >= 0 { "+" } else { "" };
            match lang {
                Lang::Zh => format!("{label}（{sign}{}/月）", format_fen(d)),
                Lang::En => format!("{label} ({sign}{}/month)", format_fen(d)),
            }
        }
        None => label.to_string(),
    }
}

/// A finding in the findings panel.
#[component]
pub fn FindingItem(
    /// Label of the server the finding is about.
    server_label: String,
    /// The engine's finding.
    finding: Finding,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let severity = finding.severity;
    let id = finding.id();
    let message = {
        let finding = finding.clone();
        move || keep_units(&finding.message(lang.get().into()))
    };
    let has_numbers = !finding.numbers.is_empty();
    let numbers = {
        let finding = finding.clone();
        move || {
            finding
                .numbers_in_words(lang.get().into())
                .into_iter()
                .map(|(name, value)| view! { <div><dt>{name}</dt><dd>{keep_units(&value)}</dd></div> })
                .collect_view()
        }
    };
    let fix_button = |fix: Fix, primary: bool| {
        let text = {
            let fix = fix.clone();
            move || keep_units(&fix_text(&fix, lang.get()))
        };
        let action = fix.action.clone();
        view! {
            <button
                class=if primary { "fix primary" } else { "fix" }
                data-testid=if primary { "apply-fix" } else { "apply-alternative" }
                on:click=move |_| planner.dispatch(action.clone())
            >
                {text}
            </button>
        }
    };
    view! {
        <li class=format!("finding severity-{}", severity_words(severity, Lang::En).1.to_ascii_lowercase()) data-testid=format!("finding-{id}")>
            <p class="finding-head">
                <span class="severity" aria-hidden="true">{move || severity_words(severity, lang.get()).0}</span>
                <strong>{move || severity_words(severity, lang.get()).1}</strong>
                <span class="where">{server_label}</span>
            </p>
            <p class="message">{message}</p>
            // A finding with no numbers (a port clash, an unknown tier) has nothing to open.
            {has_numbers.then(|| view! {
                <details class="numbers">
                    <summary>{move || lang.get().pick("依据的数字", "The numbers")}</summary>
                    <dl>{numbers}</dl>
                </details>
            })}
            <div class="fixes edit-only">
                {finding.fix.clone().map(|fix| fix_button(fix, true))}
                {finding.alternatives.clone().into_iter().map(|fix| fix_button(fix, false)).collect_view()}
            </div>
        </li>
    }
}
