//! The load a placement carries at peak (issue 12): requests per second and
//! latency for a web service; tasks per hour, the window they arrive in and
//! their mean and p95 durations for a task worker. Each is optional, typed in
//! the units people think in (minutes, seconds) and checked against the
//! engine's bounds (`stackfit_core::model::load`) before anything is applied;
//! a bad value is named in the field and the plan stays as it was. Under the
//! fields: the engine's derivation in words, verbatim from the report, the
//! option's task workers together, and the `load-needs-concurrency`
//! finding's own fix. Nothing here computes a figure.

use std::time::Duration;

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::fit::load::LoadClass;
use stackfit_core::fit::{FindingKind, Fix};
use stackfit_core::model::bounds::Bound;
use stackfit_core::model::load::{
    ARRIVAL_WINDOW_S, LATENCY_MS, REQUESTS_PER_SECOND, TASKS_PER_HOUR, TASK_MS, WHOLE_HOUR_S,
};
use stackfit_core::model::{LoadInputs, Placement};
use stackfit_core::whatif::load_words;
use stackfit_core::Action;

use crate::i18n::{keep_units, load_at_words, Lang, LoadMsg};
use crate::state::{use_lang, use_planner};
use crate::ui::fields::parse::{parse_thousandths, parse_whole};
use crate::ui::fields::FieldError;

/// How long typing must pause before a complete, valid load is applied (as
/// the other number fields).
const SETTLE: Duration = Duration::from_millis(450);

/// One load input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Input {
    Rps,
    Latency,
    Tasks,
    Window,
    Mean,
    P95,
}

const WEB: &[Input] = &[Input::Rps, Input::Latency];
const TASKS: &[Input] = &[Input::Tasks, Input::Window, Input::Mean, Input::P95];
const COUNT: usize = 6;

/// How a figure is typed against how the engine holds it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Typed {
    /// A whole number, held as typed.
    Whole,
    /// Seconds with up to three decimals, held in ms.
    Seconds,
    /// Minutes with up to three decimals, held in whole seconds.
    Minutes,
}

impl Input {
    fn of(class: LoadClass) -> &'static [Input] {
        match class {
            LoadClass::Web => WEB,
            LoadClass::Tasks => TASKS,
        }
    }

    fn testid(self) -> &'static str {
        match self {
            Input::Rps => "load-rps",
            Input::Latency => "load-latency",
            Input::Tasks => "load-tasks-per-hour",
            Input::Window => "load-window",
            Input::Mean => "load-mean",
            Input::P95 => "load-p95",
        }
    }

    fn label(self) -> LoadMsg {
        match self {
            Input::Rps => LoadMsg::Rps,
            Input::Latency => LoadMsg::Latency,
            Input::Tasks => LoadMsg::Tasks,
            Input::Window => LoadMsg::Window,
            Input::Mean => LoadMsg::Mean,
            Input::P95 => LoadMsg::P95,
        }
    }

    fn unit(self) -> LoadMsg {
        match self {
            Input::Rps => LoadMsg::RpsUnit,
            Input::Latency => LoadMsg::LatencyUnit,
            Input::Tasks => LoadMsg::TasksUnit,
            Input::Window => LoadMsg::WindowUnit,
            Input::Mean | Input::P95 => LoadMsg::SecondsUnit,
        }
    }

    /// The engine's bound, in the unit the engine holds.
    fn bound(self) -> &'static Bound {
        match self {
            Input::Rps => &REQUESTS_PER_SECOND,
            Input::Latency => &LATENCY_MS,
            Input::Tasks => &TASKS_PER_HOUR,
            Input::Window => &ARRIVAL_WINDOW_S,
            Input::Mean | Input::P95 => &TASK_MS,
        }
    }

    fn typed(self) -> Typed {
        match self {
            Input::Rps | Input::Latency | Input::Tasks => Typed::Whole,
            Input::Window => Typed::Minutes,
            Input::Mean | Input::P95 => Typed::Seconds,
        }
    }

    /// Whether the inputs are incomplete without it (the window defaults to
    /// the whole hour, the p95 to the mean).
    fn required(self) -> bool {
        !matches!(self, Input::Window | Input::P95)
    }

    /// What an empty field means, when it means something.
    fn empty_means(self) -> Option<LoadMsg> {
        match self {
            Input::Window => Some(LoadMsg::WindowEmpty),
            Input::P95 => Some(LoadMsg::P95Empty),
            _ => None,
        }
    }

    /// The figure the plan holds, in the engine's unit (`None`: not set, or
    /// the default an empty field means).
    fn held(self, load: Option<LoadInputs>) -> Option<u64> {
        match (self, load?) {
            (
                Input::Rps,
                LoadInputs::Web {
                    requests_per_second,
                    ..
                },
            ) => Some(requests_per_second),
            (Input::Latency, LoadInputs::Web { latency_ms, .. }) => Some(latency_ms),
            (Input::Tasks, LoadInputs::Tasks { tasks_per_hour, .. }) => Some(tasks_per_hour),
            (
                Input::Window,
                LoadInputs::Tasks {
                    arrival_window_s, ..
                },
            ) => Some(arrival_window_s).filter(|s| *s < WHOLE_HOUR_S),
            (Input::Mean, LoadInputs::Tasks { mean_ms, .. }) => Some(mean_ms),
            (Input::P95, LoadInputs::Tasks { p95_ms, .. }) => p95_ms,
            _ => None,
        }
    }

    /// A held figure as the field shows it: 36000 ms → "36", 180 s → "3".
    fn show(self, v: u64) -> String {
        match self.typed() {
            Typed::Whole => v.to_string(),
            Typed::Seconds => decimal(v, false),
            Typed::Minutes => decimal((v * 1000 + 30) / 60, false),
        }
    }

    /// What was typed, in the engine's unit and inside its bound; `None` for
    /// an empty field.
    fn read(self, text: &str) -> Result<Option<u64>, LoadError> {
        let held = match self.typed() {
            Typed::Whole => parse_whole(text)?,
            Typed::Seconds => parse_thousandths(text)?,
            // Thousandths of a minute to the nearest second.
            Typed::Minutes => parse_thousandths(text)?.map(|t| {
                if t >= 0 {
                    (t * 60 + 500) / 1000
                } else {
                    t
                }
            }),
        };
        let Some(v) = held else {
            return Ok(None);
        };
        self.bound()
            .check(v)
            .map(|v| Some(v as u64))
            .map_err(|_| LoadError::Range(self, text.trim().to_string()))
    }

    /// The allowed range in the field's unit, from the engine's bound:
    /// "from 1 s to 60 min", "1 秒到 60 分钟之间".
    fn range(self, lang: Lang) -> String {
        let b = self.bound();
        let (min, max) = (b.min.max(0) as u64, b.max.max(0) as u64);
        let (a, z) = match self.typed() {
            Typed::Whole => (grouped(min), grouped(max)),
            Typed::Seconds => (
                decimal(min, true),
                format!("{} {}", decimal(max, true), LoadMsg::SecondsUnit.text(lang)),
            ),
            Typed::Minutes => (
                format!("{min} {}", LoadMsg::SecondsUnit.text(lang)),
                format!("{} {}", max / 60, LoadMsg::WindowUnit.text(lang)),
            ),
        };
        match lang {
            // A space only between a Latin letter or digit and a Chinese word.
            Lang::Zh => format!("{a}{}到 {z}{}之间", zh_gap(&a), zh_gap(&z)),
            Lang::En => format!("from {a} to {z}"),
        }
    }

    /// What was typed, with the field's unit where the unit is not obvious
    /// from the number: "61 min", "0.5 秒".
    fn typed_words(self, typed: &str, lang: Lang) -> String {
        match self {
            Input::Rps | Input::Tasks => typed.to_string(),
            _ => format!("{typed} {}", self.unit().text(lang)),
        }
    }
}

/// " " after a number or a Latin unit, nothing after a Chinese one.
fn zh_gap(words: &str) -> &'static str {
    if words.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        " "
    } else {
        ""
    }
}

/// 10000000 → "10,000,000".
fn grouped(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Thousandths as a decimal: 36000 → "36", 500 → "0.5", 1 → "0.001";
/// `group` puts commas in the whole part (for words, never for a field).
fn decimal(thousandths: u64, group: bool) -> String {
    let whole = thousandths / 1000;
    let whole = if group {
        grouped(whole)
    } else {
        whole.to_string()
    };
    match thousandths % 1000 {
        0 => whole,
        f => format!("{whole}.{}", format!("{f:03}").trim_end_matches('0')),
    }
}

/// Why what was typed was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
enum LoadError {
    /// Not a number of the field's kind.
    Typed(FieldError),
    /// Outside the engine's bound: the field and what was typed.
    Range(Input, String),
    /// The p95 duration is shorter than the mean (ms each).
    P95BelowMean { p95_ms: u64, mean_ms: u64 },
}

impl From<FieldError> for LoadError {
    fn from(e: FieldError) -> Self {
        LoadError::Typed(e)
    }
}

impl LoadError {
    /// The message, entirely in `lang`.
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Typed(e), _) => e.text(lang),
            (LoadError::Range(input, typed), Lang::Zh) => format!(
                "{}须在 {}，未应用 {}。",
                input.label().text(lang),
                input.range(lang),
                input.typed_words(typed, lang)
            ),
            (LoadError::Range(input, typed), Lang::En) => format!(
                "{} must be {}; {} was not applied.",
                input.label().text(lang),
                input.range(lang),
                input.typed_words(typed, lang)
            ),
            (LoadError::P95BelowMean { p95_ms, mean_ms }, Lang::Zh) => format!(
                "p95 耗时（{} 秒）短于平均耗时（{} 秒），未应用。",
                decimal(*p95_ms, true),
                decimal(*mean_ms, true)
            ),
            (LoadError::P95BelowMean { p95_ms, mean_ms }, Lang::En) => format!(
                "The p95 duration ({} s) is shorter than the mean ({} s); nothing was applied.",
                decimal(*p95_ms, true),
                decimal(*mean_ms, true)
            ),
        }
    }
}

/// What the fields add up to.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// Load inputs to set (`None`: every field empty).
    Apply(Option<LoadInputs>),
    /// Some fields are filled, these required ones are not.
    Missing(Vec<Input>),
}

/// The load the fields describe: each field's draft where it has one, else
/// the plan's figure. An error names the field it belongs to.
fn assemble(
    class: LoadClass,
    held: Option<LoadInputs>,
    drafts: &[Option<String>; COUNT],
) -> Result<Outcome, (Input, LoadError)> {
    let mut values = [None; COUNT];
    for &input in Input::of(class) {
        values[input as usize] = match &drafts[input as usize] {
            Some(text) => input.read(text).map_err(|e| (input, e))?,
            None => input.held(held),
        };
    }
    let inputs = Input::of(class);
    if inputs.iter().all(|i| values[*i as usize].is_none()) {
        return Ok(Outcome::Apply(None));
    }
    let missing: Vec<Input> = inputs
        .iter()
        .copied()
        .filter(|i| i.required() && values[*i as usize].is_none())
        .collect();
    if !missing.is_empty() {
        return Ok(Outcome::Missing(missing));
    }
    let v = |i: Input| values[i as usize].unwrap_or_default();
    Ok(Outcome::Apply(Some(match class {
        LoadClass::Web => LoadInputs::web(v(Input::Rps), v(Input::Latency)),
        LoadClass::Tasks => {
            let (mean_ms, p95_ms) = (v(Input::Mean), values[Input::P95 as usize]);
            if let Some(p95_ms) = p95_ms.filter(|p| *p < mean_ms) {
                return Err((Input::P95, LoadError::P95BelowMean { p95_ms, mean_ms }));
            }
            LoadInputs::Tasks {
                tasks_per_hour: v(Input::Tasks),
                arrival_window_s: values[Input::Window as usize].unwrap_or(WHOLE_HOUR_S),
                mean_ms,
                p95_ms,
            }
        }
    })))
}

/// What the report says of this placement's load: its derivation (en, zh),
/// the option's task workers together when it is one of several, the
/// option's load multiplier, and the finding's fix.
#[derive(Clone, Debug, PartialEq, Default)]
struct Derived {
    words: Option<(String, String)>,
    option_words: Option<(String, String)>,
    load: u32,
    fix: Option<Fix>,
}

/// The load section of a placement whose service takes load inputs.
#[component]
pub fn LoadFields(
    /// The placement, as the plan holds it.
    placement: Memo<Option<Placement>>,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    // A placement's service never changes: its class is read once, so the
    // fields are not rebuilt (and focus lost) by each edit.
    let class = placement.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| catalog::service(&p.service))
            .and_then(LoadClass::of)
    });
    let Some(class) = class else {
        return ().into_any();
    };
    let pid =
        move || placement.with_untracked(|p| p.as_ref().map(|p| p.id.clone()).unwrap_or_default());
    let held = move || placement.with_untracked(|p| p.as_ref().and_then(|p| p.load));

    let drafts = RwSignal::new(<[Option<String>; COUNT]>::default());
    let errors = RwSignal::new(<[Option<LoadError>; COUNT]>::default());
    let missing = RwSignal::new(Vec::<Input>::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(None);
    };
    on_cleanup(cancel);

    let apply = move |load: Option<LoadInputs>| {
        planner.dispatch_live(Action::SetLoadInputs {
            option: planner.option_id.get_untracked(),
            placement: pid(),
            load,
        });
    };
    // What is still to be filled in, from the drafts as they now are.
    let refresh_missing = move || {
        let m = match drafts.with_untracked(|d| assemble(class, held(), d)) {
            Ok(Outcome::Missing(m)) => m,
            _ => Vec::new(),
        };
        missing.set(m);
    };
    // A keystroke (`commit` false: applied once typing pauses) or Enter /
    // leaving the field (`commit` true: applied now, the run of edits ends).
    let edit_now = move |input: Input, text: String, commit: bool| {
        cancel();
        let i = input as usize;
        drafts.update(|d| d[i] = Some(text.clone()));
        if let Err(e) = input.read(&text) {
            errors.update(|es| es[i] = Some(e));
            if commit {
                // Refused: the field shows the plan's figure again.
                drafts.update(|d| d[i] = None);
                planner.end_edit();
            }
            return;
        }
        errors.update(|es| es[i] = None);
        match drafts.with_untracked(|d| assemble(class, held(), d)) {
            Err((at, e)) => {
                // The p95 check belongs to whichever of the two was typed.
                let at = if matches!(input, Input::Mean | Input::P95) {
                    input
                } else {
                    at
                };
                errors.update(|es| es[at as usize] = Some(e));
                if commit {
                    drafts.update(|d| d[at as usize] = None);
                    planner.end_edit();
                }
            }
            Ok(Outcome::Missing(_)) => {
                // Kept as typed until the rest is filled in; nothing applied.
                if commit {
                    planner.end_edit();
                }
            }
            Ok(Outcome::Apply(load)) => {
                if commit {
                    apply(load);
                    drafts.set(Default::default());
                    errors.set(Default::default());
                    planner.end_edit();
                } else {
                    let handle = set_timeout_with_handle(move || apply(load), SETTLE).ok();
                    pending.set_value(handle);
                }
            }
        }
    };

    let edit = move |input: Input, text: String, commit: bool| {
        edit_now(input, text, commit);
        refresh_missing();
    };

    let derived = Memo::new(move |_| {
        let option = planner.option_id.get();
        let id = pid();
        planner.report.with(|r| {
            let Some(o) = r.option(&option) else {
                return Derived::default();
            };
            let words = r
                .placement(&option, &id)
                .and_then(|p| p.load.as_ref())
                .map(|d| (d.en.clone(), d.zh.clone()));
            let option_words = o
                .task_load
                .as_ref()
                .filter(|t| t.placements.len() > 1 && t.placements.contains(&id))
                .map(|t| (t.en.clone(), t.zh.clone()));
            let fix = o
                .findings()
                .find(|f| {
                    f.kind == FindingKind::LoadNeedsConcurrency
                        && f.placement.as_deref() == Some(id.as_str())
                })
                .and_then(|f| f.fix.clone());
            Derived {
                words,
                option_words,
                load: o.load,
                fix,
            }
        })
    });
    let pick = move |w: &(String, String)| keep_units(lang.get().pick(&w.1, &w.0));

    let fields = Input::of(class)
        .iter()
        .map(|&input| {
            let i = input as usize;
            let testid = input.testid();
            let range_id = format!("{testid}-range");
            let error_id = format!("{testid}-error");
            let shown = move || {
                drafts.with(|d| d[i].clone()).unwrap_or_else(|| {
                    input
                        .held(placement.with(|p| p.as_ref().and_then(|p| p.load)))
                        .map(|v| input.show(v))
                        .unwrap_or_default()
                })
            };
            // The p95 field shows the mean it falls back to.
            let placeholder = move || match input {
                Input::P95 => Input::Mean
                    .held(placement.with(|p| p.as_ref().and_then(|p| p.load)))
                    .map(|v| Input::Mean.show(v))
                    .unwrap_or_default(),
                Input::Window => (WHOLE_HOUR_S / 60).to_string(),
                _ => String::new(),
            };
            let range = move || {
                let l = lang.get();
                let mut words = format!("{} {}", LoadMsg::Allowed.text(l), input.range(l));
                if let Some(empty) = input.empty_means() {
                    words.push_str(l.pick("；", "; "));
                    words.push_str(empty.text(l));
                }
                keep_units(&words)
            };
            view! {
                <label class="field number-field knob load-field">
                    <span class="field-label">{move || input.label().text(lang.get())}</span>
                    <span class="knob-input">
                        <input
                            type="text"
                            inputmode=if input.typed() == Typed::Whole { "numeric" } else { "decimal" }
                            data-testid=testid
                            aria-invalid=move || errors.with(|e| e[i].is_some()).then_some("true")
                            aria-describedby=format!("{range_id} {error_id} load-missing")
                            placeholder=placeholder
                            prop:value=shown
                            on:input=move |ev| edit(input, event_target_value(&ev), false)
                            on:change=move |ev| edit(input, event_target_value(&ev), true)
                            on:blur=move |_| {
                                if drafts.with_untracked(|d| d[i].is_none()) {
                                    planner.end_edit();
                                }
                            }
                        />
                        <span class="unit">{move || input.unit().text(lang.get())}</span>
                    </span>
                    <span class="range" id=range_id.clone() data-testid=range_id>{range}</span>
                    <span class="field-error" role="alert" id=error_id.clone() data-testid=error_id>
                        {move || errors.with(|e| e[i].as_ref().map(|e| keep_units(&e.text(lang.get()))))}
                    </span>
                </label>
            }
        })
        .collect_view();

    let missing_words = move || {
        missing.with(|m| {
            if m.is_empty() {
                return String::new();
            }
            let l = lang.get();
            let names: Vec<String> = m
                .iter()
                .map(|i| {
                    let name = i.label().text(l);
                    match l {
                        Lang::Zh => name.to_string(),
                        Lang::En => lower_first(name),
                    }
                })
                .collect();
            format!(
                "{}{}{}",
                LoadMsg::StillNeeded.text(l),
                names.join(l.pick("、", ", ")),
                LoadMsg::NothingUntilFilled.text(l)
            )
        })
    };

    view! {
        <section class="load" data-testid="load" data-load-class=match class { LoadClass::Web => "web", LoadClass::Tasks => "tasks" }>
            <h3>{move || LoadMsg::Heading.text(lang.get())}</h3>
            <p class="hint">{move || LoadMsg::Hint.text(lang.get())}</p>
            {fields}
            <p class="load-missing" id="load-missing" role="status" data-testid="load-missing">{missing_words}</p>
            <Show when=move || derived.with(|d| d.words.is_some())>
                <p class="load-derivation" data-testid="load-derivation">
                    <span class="load-lead">{move || LoadMsg::Derived.text(lang.get())}</span>
                    {move || derived.with(|d| d.words.as_ref().map(pick))}
                </p>
            </Show>
            <Show when=move || derived.with(|d| d.load != 1000 && d.words.is_some())>
                <p class="hint" data-testid="load-at">
                    {move || load_at_words(lang.get(), &load_words(derived.with(|d| d.load)))}
                </p>
            </Show>
            {move || {
                derived
                    .with(|d| d.fix.clone())
                    .map(|fix| {
                        let action = fix.action.clone();
                        view! {
                            <button
                                class="fix primary load-fix"
                                data-testid="load-fix"
                                on:click=move |_| planner.dispatch(action.clone())
                            >
                                {move || keep_units(lang.get().pick(&fix.label_zh, &fix.label_en))}
                            </button>
                        }
                    })
            }}
            <Show when=move || derived.with(|d| d.option_words.is_some())>
                <p class="load-option" data-testid="load-option">
                    <span class="load-lead">{move || LoadMsg::OptionWorkers.text(lang.get())}</span>
                    {move || derived.with(|d| d.option_words.as_ref().map(pick))}
                </p>
            </Show>
        </section>
    }
    .into_any()
}

/// "Mean duration" → "mean duration", for a list inside a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drafts(pairs: &[(Input, &str)]) -> [Option<String>; COUNT] {
        let mut d = <[Option<String>; COUNT]>::default();
        for (i, t) in pairs {
            d[*i as usize] = Some(t.to_string());
        }
        d
    }

    #[test]
    fn the_fields_read_minutes_and_seconds_into_the_engines_units() {
        let d = drafts(&[
            (Input::Tasks, "100"),
            (Input::Window, "3"),
            (Input::Mean, "36"),
            (Input::P95, "54.5"),
        ]);
        assert_eq!(
            assemble(LoadClass::Tasks, None, &d),
            Ok(Outcome::Apply(Some(LoadInputs::Tasks {
                tasks_per_hour: 100,
                arrival_window_s: 180,
                mean_ms: 36_000,
                p95_ms: Some(54_500),
            })))
        );
        // Shown back as typed.
        assert_eq!(Input::Window.show(180), "3");
        assert_eq!(Input::Window.show(90), "1.5");
        assert_eq!(Input::P95.show(54_500), "54.5");
    }

    #[test]
    fn an_empty_window_is_the_whole_hour_and_an_empty_p95_the_mean() {
        let d = drafts(&[(Input::Tasks, "100"), (Input::Mean, "0.25")]);
        assert_eq!(
            assemble(LoadClass::Tasks, None, &d),
            Ok(Outcome::Apply(Some(LoadInputs::Tasks {
                tasks_per_hour: 100,
                arrival_window_s: WHOLE_HOUR_S,
                mean_ms: 250,
                p95_ms: None,
            })))
        );
        assert_eq!(Input::Window.held(Some(LoadInputs::tasks(1, 3600, 1, 1))), None);
    }

    #[test]
    fn a_partial_load_waits_and_an_emptied_one_is_removed() {
        let d = drafts(&[(Input::Tasks, "100")]);
        assert_eq!(
            assemble(LoadClass::Tasks, None, &d),
            Ok(Outcome::Missing(vec![Input::Mean]))
        );
        let held = Some(LoadInputs::web(50, 200));
        let d = drafts(&[(Input::Rps, ""), (Input::Latency, " ")]);
        assert_eq!(assemble(LoadClass::Web, held, &d), Ok(Outcome::Apply(None)));
    }

    #[test]
    fn bad_values_are_named_in_the_ui_language() {
        let held = Some(LoadInputs::tasks(100, 180, 36_000, 54_000));
        let (at, e) = assemble(LoadClass::Tasks, held, &drafts(&[(Input::P95, "10")])).unwrap_err();
        assert_eq!(at, Input::P95);
        assert_eq!(
            e.text(Lang::En),
            "The p95 duration (10 s) is shorter than the mean (36 s); nothing was applied."
        );
        assert_eq!(e.text(Lang::Zh), "p95 耗时（10 秒）短于平均耗时（36 秒），未应用。");
        let e = Input::Tasks.read("0").unwrap_err();
        assert_eq!(
            e.text(Lang::En),
            "Tasks per hour at peak must be from 1 to 10,000,000; 0 was not applied."
        );
        assert_eq!(
            e.text(Lang::Zh),
            "峰值每小时任务数须在 1 到 10,000,000 之间，未应用 0。"
        );
        let e = Input::Window.read("61").unwrap_err();
        assert_eq!(
            e.text(Lang::Zh),
            "集中到达的时间窗口须在 1 秒到 60 分钟之间，未应用 61 分钟。"
        );
        assert!(matches!(Input::Mean.read("abc"), Err(LoadError::Typed(_))));
        for input in TASKS.iter().chain(WEB) {
            for word in ["from", "must", "not", "was"] {
                assert!(!input.range(Lang::Zh).contains(word));
            }
        }
    }
}
