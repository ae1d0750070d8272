//! The load a placement carries at peak (issue 12): requests per second and
//! latency for a web service; tasks per hour, the window they arrive in and
//! their mean and p95 durations for a task worker. Each is optional, typed in
//! the units people think in (minutes, seconds) and checked against the
//! engine's bounds before anything is applied (`draft.rs`); a bad value is
//! named in the field and the plan stays as it was. Under the fields: the
//! engine's derivation in words, verbatim from the report, the option's task
//! workers together, and the `load-needs-concurrency` finding's own fix.
//! Nothing here computes a figure.

mod draft;

use std::time::Duration;

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::fit::load::LoadClass;
use stackfit_core::fit::{FindingKind, Fix};
use stackfit_core::model::load::WHOLE_HOUR_S;
use stackfit_core::model::{LoadInputs, Placement};
use stackfit_core::whatif::load_words;
use stackfit_core::Action;

use crate::i18n::{keep_units, load_at_words, Lang, LoadMsg};
use crate::state::{use_lang, use_planner};
use draft::{assemble, lower_first, Input, LoadError, Outcome, Typed, COUNT};

/// How long typing must pause before a complete, valid load is applied (as
/// the other number fields).
const SETTLE: Duration = Duration::from_millis(450);

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
                            on:change=move |ev| {
                                // Fired as the field leaves the page: the edit goes with it.
                                if !drafts.is_disposed() {
                                    edit(input, event_target_value(&ev), true);
                                }
                            }
                            on:blur=move |_| {
                                if drafts.try_with_untracked(|d| d[i].is_none()) == Some(true) {
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
        <section class="load-inputs" data-testid="load-inputs" data-load-class=match class { LoadClass::Web => "web", LoadClass::Tasks => "tasks" }>
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
