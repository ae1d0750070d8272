//! The import request: compose files, a `.env` and a `docker stats`
//! capture through the engine's importer (the same two calls as `stackfit
//! import`), and the preview the dialog shows before anything changes,
//! written here as HTML so its code stays out of the page's first load.

use stackfit_core::findings::Lang;
use stackfit_core::import::{self, ComposeInput, InputFile, Note, Outcome};
use stackfit_core::model::units::{format_mib, keep_units};
use stackfit_core::report::port_clash_words;
use stackfit_core::{catalog, codec, evaluate, fit};

use crate::protocol::{InputText, UiLang};
use stackfit_core::present::escape_html_into as escape_into;

/// What an import makes of the files, before anything changes: each
/// service and what it became, everything ignored, warned about or wrong
/// (every text in English and Chinese, with file:line:column), the
/// verdict of the imported plan on the chosen tier, and the plan itself
/// (the codec's JSON; `None` while there is an error, so nothing can be
/// adopted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// The Compose project name, if known (containers are named after it).
    pub project: Option<String>,
    pub services: Vec<PreviewService>,
    /// Containers of the capture that are no service of the project.
    pub unknown_containers: Vec<PreviewNote>,
    pub ignored: Vec<PreviewNote>,
    pub warnings: Vec<PreviewNote>,
    /// The compose files' errors, then the capture's.
    pub errors: Vec<PreviewNote>,
    pub verdict: Option<PreviewVerdict>,
    pub plan: Option<String>,
}

/// What became of a compose service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceOutcome {
    /// A catalog service, by its image, its command or StackFit's label.
    Recognised,
    /// Not in the catalog: a custom service with assumed figures.
    Assumed,
    /// Not running (a one-shot job, scaled to zero, an unused profile).
    NotRunning,
}

/// One compose service in the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewService {
    /// The compose service name (the placement id when it runs).
    pub name: String,
    pub outcome: ServiceOutcome,
    /// Where it is defined: `file:line:column`.
    pub at: String,
    /// The catalog entry it became, in both languages (not for services
    /// that do not run).
    pub catalog_en: Option<String>,
    pub catalog_zh: Option<String>,
    /// Memory measured by the capture, per replica, as the engine words it.
    pub measured: Option<String>,
    /// The image, ports and mounts the plan keeps for the export, as
    /// written (`postgres:13.4-alpine`, `8080:80`, `./pgdata:/var/lib/postgresql/data`).
    pub kept: Vec<String>,
    /// The importer's one line on it.
    pub en: String,
    pub zh: String,
}

/// One thing the import says, with where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewNote {
    /// `file:line:column`, when it is about a place in a file.
    pub at: Option<String>,
    pub en: String,
    pub zh: String,
}

/// The imported plan's verdict on its server, from the engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewVerdict {
    pub verdict: stackfit_core::Verdict,
    /// The tier's name as the catalog gives it.
    pub tier: String,
    /// What limits the server, in numbers (`fit::limited_by_words`).
    pub en: String,
    pub zh: String,
    /// The most severe finding's fix, if it has one ("upgrade to …").
    pub fix_en: Option<String>,
    pub fix_zh: Option<String>,
    /// Host ports published twice (Docker would refuse a container,
    /// whatever the verdict), and the first such finding's message.
    pub port_clashes: usize,
    pub port_clash_en: Option<String>,
    pub port_clash_zh: Option<String>,
}

fn input(f: &InputText) -> InputFile<'_> {
    InputFile::new(&f.name, f.text.as_bytes())
}

/// Empty areas are not files: a dialog with nothing pasted says so once.
fn given(f: Option<&InputText>) -> Option<&InputText> {
    f.filter(|f| !f.text.trim().is_empty())
}

fn note(n: &Note) -> PreviewNote {
    PreviewNote {
        at: n.at.as_ref().map(ToString::to_string),
        en: n.en.clone(),
        zh: n.zh.clone(),
    }
}

/// Imports the files on `tier` and describes the result.
pub fn preview(
    files: &[InputText],
    env: Option<&InputText>,
    stats: Option<&InputText>,
    profiles: &str,
    tier: &str,
) -> ImportPreview {
    let profiles: Vec<&str> = profiles
        .split([',', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let compose = import::compose(&ComposeInput {
        files: files.iter().map(input).collect(),
        // The pasted `.env` is also the file an `env_file: .env` names.
        others: given(env).map(input).into_iter().collect(),
        env: given(env).map(input),
        profiles,
        project: None,
        tier,
    });
    let all = import::with_stats(compose, given(stats).map(input));
    let measured = |name: &str| {
        all.stats.as_ref().and_then(|s| {
            s.measured
                .iter()
                .find(|m| m.placement == name)
                .and_then(|m| m.memory_mib)
                .map(format_mib)
        })
    };
    let services = all
        .compose
        .services
        .iter()
        .map(|s| {
            let (outcome, service) = match &s.outcome {
                Outcome::Recognised { service, .. } => (ServiceOutcome::Recognised, Some(*service)),
                Outcome::Assumed { service } => (ServiceOutcome::Assumed, Some(*service)),
                Outcome::NotRunning(_) => (ServiceOutcome::NotRunning, None),
            };
            let def = service.and_then(catalog::service);
            PreviewService {
                name: s.name.clone(),
                outcome,
                at: s.at.to_string(),
                catalog_en: def.map(|d| d.name_en.to_string()),
                catalog_zh: def.map(|d| d.name_zh.to_string()),
                measured: measured(&s.name),
                kept: all
                    .compose
                    .plan
                    .iter()
                    .flat_map(|plan| &plan.options)
                    .flat_map(|o| &o.servers)
                    .flat_map(|server| &server.placements)
                    .filter(|p| p.id == s.name)
                    .take(1)
                    .flat_map(|p| {
                        let command = (!p.command.is_empty())
                            .then(|| stackfit_core::kinds::command::shown(&p.command));
                        p.image
                            .iter()
                            .cloned()
                            .chain(command)
                            .chain(p.ports.iter().chain(&p.mounts).cloned())
                            .chain(p.env.iter().map(|(k, v)| {
                                let mut shown: String = v.chars().take(40).collect();
                                if shown.len() < v.len() {
                                    shown.push('…');
                                }
                                format!("{k}={shown}")
                            }))
                            .chain(p.secrets.iter().map(|(k, var)| format!("{k}=${{{var}}}")))
                            .collect::<Vec<_>>()
                    })
                    .collect(),
                en: s.en.clone(),
                zh: s.zh.clone(),
            }
        })
        .collect();
    let (unknown_containers, stats_notes): (Vec<&Note>, Vec<&Note>) = all
        .stats
        .iter()
        .flat_map(|s| s.notes.iter())
        .partition(|n| n.code == "unknown-container");
    let verdict = all.plan.as_ref().and_then(|plan| {
        let report = evaluate(plan);
        let server = report.options.first()?.servers.first()?;
        let worst = server
            .findings
            .iter()
            .filter(|f| f.fix.is_some())
            .max_by_key(|f| f.severity)
            .and_then(|f| f.fix.as_ref());
        Some(PreviewVerdict {
            verdict: server.verdict,
            tier: catalog::tier(&server.tier).map_or(server.tier.clone(), |t| t.name.to_string()),
            en: fit::limited_by_words(server, Lang::En),
            zh: fit::limited_by_words(server, Lang::Zh),
            fix_en: worst.map(|f| f.label_en.clone()),
            fix_zh: worst.map(|f| f.label_zh.clone()),
            port_clashes: server.port_clashes.len(),
            port_clash_en: server.port_clash_finding().map(|f| f.message(Lang::En)),
            port_clash_zh: server.port_clash_finding().map(|f| f.message(Lang::Zh)),
        })
    });
    ImportPreview {
        project: all.compose.project.clone(),
        services,
        unknown_containers: unknown_containers.into_iter().map(note).collect(),
        ignored: all.compose.ignored.iter().map(note).collect(),
        warnings: all
            .compose
            .warnings
            .iter()
            .chain(stats_notes)
            .map(note)
            .collect(),
        errors: all
            .compose
            .errors
            .iter()
            .chain(&all.stats_errors)
            .map(note)
            .collect(),
        plan: all.plan.as_ref().map(codec::to_json),
        verdict,
    }
}

/// Escaped text, each number kept on the line of its unit (as the planner
/// shows figures).
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, &keep_units(text));
    out
}

fn pick<'a>(lang: UiLang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        UiLang::Zh => zh,
        UiLang::En => en,
    }
}

/// A titled list: `<section data-testid=…><h3>title（n）</h3><ul>…</ul>`.
fn section(html: &mut String, testid: &str, class: &str, title: String, items: &[String]) {
    if items.is_empty() {
        return;
    }
    html.push_str(&format!(
        "<section class=\"import-group {class}\" data-testid=\"{testid}\"><h3>{}</h3><ul>",
        esc(&title)
    ));
    for i in items {
        html.push_str(i);
    }
    html.push_str("</ul></section>");
}

fn at_html(at: Option<&str>) -> String {
    at.map(|a| format!("<code class=\"import-at\">{}</code> ", esc(a)))
        .unwrap_or_default()
}

fn note_items(notes: &[PreviewNote], testid: &str, lang: UiLang) -> Vec<String> {
    notes
        .iter()
        .map(|n| {
            format!(
                "<li data-testid=\"{testid}\">{}{}</li>",
                at_html(n.at.as_deref()),
                esc(pick(lang, &n.zh, &n.en))
            )
        })
        .collect()
}

fn count(lang: UiLang, zh: &str, en: &str, n: usize) -> String {
    match lang {
        UiLang::Zh => format!("{zh}（{n}）"),
        UiLang::En => format!("{en} ({n})"),
    }
}

/// The preview as HTML in `lang`: the verdict, the errors, then each
/// service by what it became, then what the capture could not match and
/// the rest of the notes. Every text is escaped; test ids name the parts.
pub fn to_html(p: &ImportPreview, lang: UiLang) -> String {
    let mut html = String::new();
    if let Some(v) = &p.verdict {
        // The planner's verdict badge: a symbol and words, never colour alone.
        let symbol = match v.verdict {
            stackfit_core::Verdict::Fits => "✓",
            stackfit_core::Verdict::Tight => "◐",
            stackfit_core::Verdict::OomRisk => "▲",
            stackfit_core::Verdict::DoesNotFit => "✕",
        };
        let words = pick(lang, v.verdict.name_zh(), v.verdict.name_en());
        let name = v.verdict.as_str();
        // Beside it, as the planner says it: host ports published twice.
        let clash = port_clash_words(v.port_clashes, lang.into()).map_or(String::new(), |w| {
            format!(
                " <span class=\"verdict verdict-does-not-fit\" data-testid=\"port-clash-badge\" title=\"{}\"><span aria-hidden=\"true\">⚠</span><span class=\"verdict-words\">{}</span></span>",
                esc(pick_opt(lang, &v.port_clash_zh, &v.port_clash_en).unwrap_or_default()),
                esc(&w)
            )
        });
        html.push_str(&format!(
            "<section class=\"import-verdict\" data-testid=\"import-verdict\" data-verdict=\"{name}\"><p><span class=\"verdict verdict-{name}\" data-verdict=\"{name}\"><span aria-hidden=\"true\">{symbol}</span><span class=\"verdict-words\">{}</span></span>{clash} {}</p><p>{}</p>",
            esc(words),
            esc(&match lang {
                UiLang::Zh => format!("导入的方案放在一台 {} 上", v.tier),
                UiLang::En => format!("the imported plan on one {}", v.tier),
            }),
            esc(pick(lang, &v.zh, &v.en)),
        ));
        if let Some(fix) = pick_opt(lang, &v.fix_zh, &v.fix_en) {
            html.push_str(&format!(
                "<p class=\"import-fix\">{}{}</p>",
                esc(pick(lang, "建议：", "Suggested: ")),
                esc(fix)
            ));
        }
        html.push_str("</section>");
    }
    section(
        &mut html,
        "import-errors",
        "import-errors",
        count(lang, "错误", "Errors", p.errors.len()),
        &note_items(&p.errors, "import-error", lang),
    );
    for (outcome, testid, zh, en) in [
        (
            ServiceOutcome::Recognised,
            "import-recognised",
            "已识别",
            "Recognised",
        ),
        (
            ServiceOutcome::Assumed,
            "import-assumed",
            "未识别，按假设估算",
            "Not in the catalog: assumed",
        ),
        (
            ServiceOutcome::NotRunning,
            "import-not-running",
            "不常驻运行，未计入",
            "Not running, not counted",
        ),
    ] {
        let items: Vec<String> = p
            .services
            .iter()
            .filter(|s| s.outcome == outcome)
            .map(|s| {
                let what = pick_opt(lang, &s.catalog_zh, &s.catalog_en)
                    .map(|c| format!(" → <b>{}</b>", esc(c)))
                    .unwrap_or_default();
                let measured = s
                    .measured
                    .as_ref()
                    .map(|m| {
                        format!(
                            " <span class=\"import-measured\">{}</span>",
                            esc(&match lang {
                                UiLang::Zh => format!("实测 {m}"),
                                UiLang::En => format!("measured {m}"),
                            })
                        )
                    })
                    .unwrap_or_default();
                let kept = if s.kept.is_empty() {
                    String::new()
                } else {
                    let items: Vec<String> =
                        s.kept.iter().map(|k| format!("<code>{}</code>", esc(k))).collect();
                    format!(
                        "<small class=\"import-kept\" data-testid=\"import-kept\">{}{}</small>",
                        pick(lang, "导出时沿用：", "Kept for the export: "),
                        items.join(" · ")
                    )
                };
                format!(
                    "<li data-testid=\"import-service-{}\"><code>{}</code>{what}{measured}<small>{}{}</small>{kept}</li>",
                    esc(&s.name),
                    esc(&s.name),
                    at_html(Some(&s.at)),
                    esc(pick(lang, &s.zh, &s.en))
                )
            })
            .collect();
        section(
            &mut html,
            testid,
            testid,
            count(lang, zh, en, items.len()),
            &items,
        );
    }
    section(
        &mut html,
        "import-unknown-containers",
        "import-unknown",
        count(
            lang,
            "docker stats 中未匹配的容器",
            "Containers in docker stats that match no service",
            p.unknown_containers.len(),
        ),
        &note_items(&p.unknown_containers, "import-unknown-container", lang),
    );
    section(
        &mut html,
        "import-warnings",
        "import-warnings",
        count(lang, "警告", "Warnings", p.warnings.len()),
        &note_items(&p.warnings, "import-warning", lang),
    );
    section(
        &mut html,
        "import-ignored",
        "import-ignored",
        count(lang, "已忽略", "Ignored", p.ignored.len()),
        &note_items(&p.ignored, "import-ignored-note", lang),
    );
    html
}

fn pick_opt<'a>(lang: UiLang, zh: &'a Option<String>, en: &'a Option<String>) -> Option<&'a str> {
    match lang {
        UiLang::Zh => zh.as_deref(),
        UiLang::En => en.as_deref(),
    }
}
