//! Inspects one placement: presets, knobs (live), replicas, measured-memory
//! and limit overrides, /dev/shm, and the settings the engine derives from
//! the limit (shared_buffers, maxmemory, heap, …) beside them.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::model::bounds::{self, Bound};
use stackfit_core::model::units::format_mib;
use stackfit_core::model::{KnobDef, KnobUnit, Placement};
use stackfit_core::Action;

use crate::i18n::{knob_unit, preset_label, Lang};

use crate::state::{use_lang, use_planner, Planner, Selection};
use crate::ui::fields::{MemoryField, NumberField, NumberKind};
use crate::ui::inspector::{CitationsPanel, DeployFields, LoadFields};

/// Sets a knob: one of a run of edits to it (one undo step per run).
fn set_knob(planner: Planner, placement: String, knob: &'static str, value: Option<i64>) {
    let option = planner.option_id.get_untracked();
    planner.dispatch_live(Action::SetKnob {
        option,
        placement,
        knob: knob.to_string(),
        value,
    });
}

/// One knob as an input: a number checked against the knob's range, a
/// checkbox or a choice.
#[component]
fn KnobInput(placement: Memo<Option<Placement>>, knob: &'static KnobDef) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let value = move || {
        placement.with(|p| {
            p.as_ref()
                .and_then(|p| p.knobs.get(knob.id).copied())
                .unwrap_or(knob.default)
        })
    };
    let pid =
        move || placement.with_untracked(|p| p.as_ref().map(|p| p.id.clone()).unwrap_or_default());
    let label = move || lang.get().pick(knob.name_zh, knob.name_en);
    match knob.unit {
        KnobUnit::Bool => view! {
            <label class="field knob">
                <span>{label}</span>
                <span class="knob-input">
                    <input
                        type="checkbox"
                        data-testid=format!("knob-{}", knob.id)
                        prop:checked=move || value() != 0
                        on:change=move |ev| {
                            set_knob(planner, pid(), knob.id, Some(i64::from(event_target_checked(&ev))));
                            planner.end_edit();
                        }
                    />
                </span>
            </label>
        }
        .into_any(),
        KnobUnit::Choice(choices) => view! {
            <label class="field knob">
                <span>{label}</span>
                <span class="knob-input">
                    <select
                        data-testid=format!("knob-{}", knob.id)
                        on:change=move |ev| {
                            set_knob(planner, pid(), knob.id, event_target_value(&ev).parse().ok());
                            planner.end_edit();
                        }
                    >
                        {choices
                            .iter()
                            .enumerate()
                            .map(|(i, c)| view! { <option value=i.to_string() selected=move || value() == i as i64>{*c}</option> })
                            .collect_view()}
                    </select>
                </span>
            </label>
        }
        .into_any(),
        _ => {
            let testid = format!("knob-{}", knob.id);
            view! {
                <NumberField
                    label=(knob.name_zh, knob.name_en)
                    bound=Bound::of_knob(knob)
                    value=Signal::derive(move || Some(value()))
                    on_apply=Callback::new(move |v: Option<i64>| set_knob(planner, pid(), knob.id, v))
                    testid
                    unit=knob_unit(knob.unit)
                    // CPU is typed in CPUs ("0.5"), as its range reads; the
                    // plan holds millicores.
                    kind=if knob.unit == KnobUnit::Millicores { NumberKind::Thousandths } else { NumberKind::Whole }
                    class="knob"
                />
            }
            .into_any()
        }
    }
}

/// The inspector for a placement.
#[component]
pub fn PlacementInspector(
    /// The placement's id within the option on screen.
    placement_id: String,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let pid = StoredValue::new(placement_id);
    let placement = Memo::new(move |_| {
        let id = pid.get_value();
        planner.with_option(|o| {
            o.and_then(|o| o.find_placement(&id))
                .map(|(_, p)| p.clone())
        })
    });
    // The service changes only when another placement is shown: an edit of
    // this one (a knob applied while its field is still being typed in)
    // rebuilds none of the fields below.
    let service = Memo::new(move |_| placement.with(|p| p.as_ref().map(|p| p.service.clone())));
    let def = move || service.with(|s| s.as_deref().and_then(catalog::service));
    // The settings the report holds for this placement: what the export writes.
    let tuning = Memo::new(move |_| {
        let option = planner.option_id.get();
        let id = pid.get_value();
        planner
            .report
            .with(|r| r.placement(&option, &id).map(|p| p.tuning.clone()))
    });
    // How sure its memory figures are: what the verdicts count as assumed.
    let basis = Memo::new(move |_| {
        let option = planner.option_id.get();
        let id = pid.get_value();
        planner
            .report
            .with(|r| r.placement(&option, &id).map(|p| p.basis))
    });
    let dispatch = move |make: fn(String, String, Option<u64>) -> Action, mib: Option<u64>| {
        planner.dispatch(make(
            planner.option_id.get_untracked(),
            pid.get_value(),
            mib,
        ));
    };
    view! {
        <Show
            when=move || placement.with(Option::is_some)
            fallback=move || {
                planner.selection.set(Selection::None);
            }
        >
            <h2 tabindex="-1" data-testid="inspector-heading">
                {move || def().map(|d| lang.get().pick(d.name_zh, d.name_en).to_string())}
                <small>{move || pid.get_value()}</small>
            </h2>
            <Show when=move || def().is_some_and(|d| !d.presets.is_empty())>
                <div class="presets" role="group" aria-label=move || lang.get().pick("预设", "Presets")>
                    {move || {
                        def()
                            .map(|d| {
                                d.presets
                                    .iter()
                                    .map(|preset| {
                                        let label = preset_label(preset.id);
                                        view! {
                                            <button
                                                class="tool"
                                                data-testid=format!("preset-{}", preset.id)
                                                on:click=move |_| {
                                                    planner.dispatch(Action::ApplyPreset {
                                                        option: planner.option_id.get_untracked(),
                                                        placement: pid.get_value(),
                                                        preset: preset.id.to_string(),
                                                    })
                                                }
                                            >
                                                {move || lang.get().pick(label.0, label.1)}
                                            </button>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </div>
            </Show>
            <div class="knobs">
                {move || def().map(|d| d.knobs.iter().map(|knob| view! { <KnobInput placement knob /> }).collect_view())}
            </div>
            <CitationsPanel def=Signal::derive(def) basis=Signal::derive(move || basis.get()) />
            <NumberField
                label=("副本数", "Replicas")
                bound=bounds::REPLICAS
                value=Signal::derive(move || placement.with(|p| p.as_ref().map(|p| i64::from(p.replicas))))
                on_apply=Callback::new(move |v: Option<i64>| {
                    if let Some(replicas) = v.and_then(|v| u32::try_from(v).ok()) {
                        planner.dispatch_live(Action::SetReplicas { option: planner.option_id.get_untracked(), placement: pid.get_value(), replicas });
                    }
                })
                testid="replicas"
            />
            <MemoryField
                label=("实测内存（每副本）", "Measured memory (per replica)")
                bound=bounds::MEASURED_MIB
                value=Signal::derive(move || placement.with(|p| p.as_ref().and_then(|p| p.measured_mib)))
                placeholder=("用模型估算", "use the model's estimate")
                on_set=Callback::new(move |mib| dispatch(|option, placement, mib| Action::SetMeasured { option, placement, mib }, mib))
                testid="measured"
            />
            <MemoryField
                label=("内存上限（每副本）", "Memory limit (per replica)")
                bound=bounds::LIMIT_MIB
                value=Signal::derive(move || placement.with(|p| p.as_ref().and_then(|p| p.limit_mib)))
                placeholder=("用默认上限", "use the default limit")
                on_set=Callback::new(move |mib| dispatch(|option, placement, mib| Action::SetLimit { option, placement, mib }, mib))
                testid="limit"
            />
            <MemoryField
                label=("/dev/shm 大小", "/dev/shm size")
                bound=bounds::SHM_MIB
                value=Signal::derive(move || placement.with(|p| p.as_ref().and_then(|p| p.shm_mib)))
                placeholder=("Docker 默认 64 MiB", "Docker default 64 MiB")
                on_set=Callback::new(move |mib| dispatch(|option, placement, mib| Action::SetShm { option, placement, mib }, mib))
                testid="shm"
            />
            <LoadFields placement />
            <DeployFields placement />
            <section class="tuning" data-testid="tuning">
                <h3>
                    {move || lang.get().pick("按上限推导的设置", "Settings for this limit")}
                    " "
                    <small>{move || tuning.with(|t| t.as_ref().map(|t| format_mib(t.limit_mib)))}</small>
                </h3>
                <Show
                    when=move || tuning.with(|t| t.as_ref().is_some_and(|t| !t.written.settings().is_empty()))
                    fallback=move || view! { <p class="hint">{move || lang.get().pick("这个服务没有需要按上限调整的设置。", "Nothing inside this service depends on its limit.")}</p> }
                >
                    <dl>
                        {move || {
                            tuning
                                .get()
                                .map(|t| {
                                    let zh = lang.get() == Lang::Zh;
                                    t.written
                                        .settings()
                                        .into_iter()
                                        .map(|s| {
                                            let rule = if zh { s.rule_zh } else { s.rule_en };
                                            view! { <div title=rule><dt><code>{s.name}</code></dt><dd><code>{s.value}</code></dd></div> }
                                        })
                                        .collect_view()
                                })
                        }}
                    </dl>
                </Show>
            </section>
        </Show>
    }
}
