//! Where a placement's figures come from: the basis of its memory figures
//! (the user's measurement, the catalog with its grade, or an assumption),
//! and, when opened, the citation of each default it reads. The planner's
//! wasm carries the grades but not the citations' texts
//! (`stackfit_core::model::cite`): they come from the catalog's citations
//! file, fetched the first time a user opens them.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use stackfit_core::catalog::citations::{self, Backs, Citations, Cited};
use stackfit_core::model::units::{format_cpus, format_mib};
use stackfit_core::model::{Confidence, KnobDef, KnobUnit, ServiceDef};
use stackfit_core::present::escape_html as escape;
use stackfit_core::report::Basis;

use crate::browser::fetch;
use crate::i18n::{knob_unit, preset_label, Lang};
use crate::state::use_lang;

thread_local! {
    /// The file once read: every inspector after the first shows it at once.
    static READ: RefCell<Option<Arc<Citations>>> = const { RefCell::new(None) };
}

#[derive(Clone)]
enum State {
    Closed,
    Reading,
    Read(Arc<Citations>),
    Failed(String),
}

/// The citations file, read once per visit.
async fn load() -> Result<Arc<Citations>, String> {
    if let Some(c) = READ.with_borrow(Clone::clone) {
        return Ok(c);
    }
    let text = fetch::text(&fetch::versioned(citations::FILE)).await?;
    let c = Arc::new(Citations::from_tsv(&text)?);
    READ.set(Some(c.clone()));
    Ok(c)
}

/// Reads the citations file into `state` (at once when it was read before).
fn read(state: RwSignal<State>) {
    if let Some(c) = READ.with_borrow(Clone::clone) {
        state.set(State::Read(c));
        return;
    }
    state.set(State::Reading);
    spawn_local(async move {
        let next = match load().await {
            Ok(c) => State::Read(c),
            Err(why) => State::Failed(why),
        };
        // The inspector may have closed while the file was on its way.
        let _ = state.try_set(next);
    });
}

/// Reads the citations file into `out`, unless it holds it already; a
/// file that cannot be read leaves it `None` (what it carries is then not
/// shown).
pub fn read_into(out: RwSignal<Option<Arc<Citations>>>) {
    if out.with_untracked(Option::is_some) {
        return;
    }
    spawn_local(async move {
        if let Ok(c) = load().await {
            let _ = out.try_set(Some(c));
        }
    });
}

/// A grade in words, with what it means.
fn grade_words(grade: Confidence, lang: Lang) -> (String, &'static str) {
    let meaning = match grade {
        Confidence::A => lang.pick("A 级：厂商官方文档或源码", "Grade A: the vendor's own documentation or source code"),
        Confidence::B => lang.pick(
            "B 级：维护者的说法，或公开的实测（docker stats 等）",
            "Grade B: a maintainer's statement, or a published measurement (docker stats, …)",
        ),
        Confidence::C => lang.pick(
            "C 级：第三方文章、转述，或 StackFit 的规划假设，最好换成你自己的实测",
            "Grade C: a third-party article, a second-hand quote or a StackFit planning assumption; best replaced by your own measurement",
        ),
    };
    let short = match lang {
        Lang::Zh => format!("{grade:?} 级"),
        Lang::En => format!("grade {grade:?}"),
    };
    (short, meaning)
}

/// A knob's default as written: "128 MiB", "4", "on".
fn default_words(knob: &KnobDef, lang: Lang) -> String {
    let v = knob.default;
    match knob.unit {
        KnobUnit::Mib => u64::try_from(v).map_or_else(|_| v.to_string(), format_mib),
        KnobUnit::Millicores => match (u64::try_from(v), lang) {
            (Ok(m), Lang::Zh) => format!("{} 核", format_cpus(m)),
            (Ok(m), Lang::En) => format!("{} CPUs", format_cpus(m)),
            (Err(_), _) => v.to_string(),
        },
        KnobUnit::Bool => lang
            .pick(
                if v != 0 { "开" } else { "关" },
                if v != 0 { "on" } else { "off" },
            )
            .to_string(),
        KnobUnit::Choice(choices) => usize::try_from(v)
            .ok()
            .and_then(|i| choices.get(i))
            .map_or_else(|| v.to_string(), |c| (*c).to_string()),
        unit => match knob_unit(unit) {
            Some((zh, en)) => format!("{v} {}", lang.pick(zh, en)),
            None => v.to_string(),
        },
    }
}

/// A service's citations as a list's HTML: each citation once, the figures
/// it backs listed together above it, in the catalog's order. Written as
/// text, not as views: the list is static once read, and a view per item
/// cost the first load more than this whole panel should.
fn list_html(def: &ServiceDef, c: &Citations, lang: Lang) -> String {
    let colon = lang.pick("：", ": ");
    // Each citation with the figures it backs, as HTML.
    let mut groups: Vec<(usize, &Cited, Vec<String>)> = Vec::new();
    let mut add = |backs, id: &str, testid: String, what: String| {
        // A figure the file does not cite (a deploy older than the catalog) is left out.
        if let Some((record, cited)) = c.of(def.id, backs, id) {
            let note = if record.note.is_empty() {
                String::new()
            } else {
                format!(
                    r#" <span class="cited-note">{}</span>"#,
                    escape(&record.note)
                )
            };
            let figure = format!(
                r#"<span class="cited-figure"><b data-testid="{testid}">{}</b>{note}</span>"#,
                escape(&what)
            );
            match groups.iter_mut().find(|(j, ..)| *j == record.source) {
                Some((.., figures)) => figures.push(figure),
                None => groups.push((record.source, cited, vec![figure])),
            }
        }
    };
    for k in def.knobs {
        let what = format!(
            "{}{colon}{}",
            lang.pick(k.name_zh, k.name_en),
            default_words(k, lang)
        );
        add(Backs::Knob, k.id, format!("citation-{}", k.id), what);
    }
    for p in def.presets {
        let (zh, en) = preset_label(p.id);
        let what = match lang {
            Lang::Zh => format!("预设「{zh}」"),
            Lang::En => format!("preset “{en}”"),
        };
        add(
            Backs::Preset,
            p.id,
            format!("citation-preset-{}", p.id),
            what,
        );
    }
    if let Some(s) = def.self_sizing {
        let what = format!(
            "{}{colon}{}",
            lang.pick("不设上限时", "without a limit"),
            s.rule
        );
        add(Backs::SelfSizing, "", "citation-self-sizing".into(), what);
    }
    let mut html = String::new();
    for (_, cited, figures) in groups {
        let (grade, meaning) = grade_words(cited.grade, lang);
        let title = escape(&cited.title);
        let title = if cited.url.is_empty() {
            format!(r#"<span class="cited-title">{title}</span>"#)
        } else {
            format!(
                r#"<a class="cited-title" href="{}" target="_blank" rel="noopener noreferrer">{title}</a>"#,
                escape(&cited.url)
            )
        };
        html += &format!(
            r#"<li><span class="cited-what">{}</span><span class="grade grade-{}" title="{}">{grade}</span>{title}<span class="cited-date">{}</span></li>"#,
            figures.concat(),
            format!("{:?}", cited.grade).to_lowercase(),
            escape(meaning),
            escape(&cited.date),
        );
    }
    html
}

/// The panel: its summary says how sure the placement's memory figures
/// are; opening it lists each default's citation.
#[component]
pub fn CitationsPanel(
    /// The placement's service, if the catalog knows it.
    def: Signal<Option<&'static ServiceDef>>,
    /// The basis of the placement's memory figures, from the report.
    basis: Signal<Option<Basis>>,
) -> impl IntoView {
    let lang = use_lang();
    let state = RwSignal::new(State::Closed);
    let on_open = move |_| {
        if matches!(state.get_untracked(), State::Closed | State::Failed(_)) {
            read(state);
        }
    };
    view! {
        <details class="citations" data-testid="citations">
            <summary on:click=on_open>
                {move || lang.get().pick("数字的出处", "Where the figures come from")}
                " "
                <small data-testid="basis">{move || basis.get().map(|b| b.words(lang.get().into()))}</small>
            </summary>
            <div inner_html=move || {
                let lang = lang.get();
                state.with(|state| match state {
                    State::Closed => String::new(),
                    State::Reading => format!(r#"<p class="hint">{}</p>"#, lang.pick("正在读取出处…", "Reading the sources…")),
                    State::Failed(why) => {
                        let said = match lang {
                            Lang::Zh => format!("读不到出处文件 {}（{why}）。收起后再展开可重试。", citations::FILE),
                            Lang::En => format!("The sources file {} could not be read ({why}). Close and open this again to retry.", citations::FILE),
                        };
                        format!(r#"<p class="hint" role="alert" data-testid="citations-error">{}</p>"#, escape(&said))
                    }
                    State::Read(c) => def.get().map_or_else(String::new, |def| {
                        format!(
                            r#"<p class="hint">{}</p><ul class="cited">{}</ul>"#,
                            lang.pick(
                                "下面是各项默认值的出处；填了实测内存后，估算以你的实测为准。",
                                "Each default's source. With a measured memory figure, the estimate uses your measurement instead.",
                            ),
                            list_html(def, c, lang)
                        )
                    }),
                })
            }></div>
        </details>
    }
}
