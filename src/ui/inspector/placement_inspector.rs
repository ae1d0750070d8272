//! Inspects one placement: presets, knobs (live), replicas, measured-memory
//! and limit overrides, /dev/shm, and the settings the engine derives from
//! the limit (shared_buffers, maxmemory, heap, …) beside them.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::model::units::format_mib;
use stackfit_core::model::{KnobDef, KnobUnit, Placement};
use stackfit_core::Action;

use crate::i18n::Lang;

use super::MemoryField;
use crate::state::{use_lang, use_planner, Planner, Selection};

fn knob_unit_text(unit: KnobUnit) -> &'static str {
    match unit {
        KnobUnit::Mib => "MiB",
        KnobUnit::Kib => "KiB",
        KnobUnit::Millicores => "m",
        KnobUnit::Percent => "%",
        KnobUnit::Days => "d",
        KnobUnit::Count | KnobUnit::Bool | KnobUnit::Choice(_) => "",
    }
}

/// Sets a knob as the user types: live, one undo step per run of typing.
fn set_knob(planner: Planner, placement: String, knob: &'static str, value: Option<i64>) {
    let option = planner.option_id.get_untracked();
    planner.dispatch_live(Action::SetKnob {
        option,
        placement,
        knob: knob.to_string(),
        value,
    });
}

/// One knob as an input: a number, a checkbox or a choice.
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
    let pid = move || placement.with(|p| p.as_ref().map(|p| p.id.clone()).unwrap_or_default());
    let input = match knob.unit {
        KnobUnit::Bool => view! {
            <input
                type="checkbox"
                data-testid=format!("knob-{}", knob.id)
                prop:checked=move || value() != 0
                on:change=move |ev| set_knob(planner, pid(), knob.id, Some(i64::from(event_target_checked(&ev))))
            />
        }
        .into_any(),
        KnobUnit::Choice(choices) => view! {
            <select
                data-testid=format!("knob-{}", knob.id)
                on:change=move |ev| set_knob(planner, pid(), knob.id, event_target_value(&ev).parse().ok())
            >
                {choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| view! { <option value=i.to_string() selected=move || value() == i as i64>{*c}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
        _ => view! {
            <input
                type="number"
                data-testid=format!("knob-{}", knob.id)
                min=knob.min
                max=knob.max
                prop:value=move || value().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).trim().parse::<i64>() {
                        set_knob(planner, pid(), knob.id, Some(v));
                    }
                }
            />
            <span class="unit">{knob_unit_text(knob.unit)}</span>
        }
        .into_any(),
    };
    view! {
        <label class="field knob" title=knob.note>
            <span>{move || lang.get().pick(knob.name_zh, knob.name_en)}</span>
            <span class="knob-input">{input}</span>
        </label>
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
    let def = move || placement.with(|p| p.as_ref().and_then(|p| catalog::service(&p.service)));
    // The settings the report holds for this placement: what the export writes.
    let tuning = Memo::new(move |_| {
        let option = planner.option_id.get();
        let id = pid.get_value();
        planner
            .report
            .with(|r| r.placement(&option, &id).map(|p| p.tuning.clone()))
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
            <h2>
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
                                        let label = match preset.id {
                                            "min" => ("最低", "Min"),
                                            "standard" => ("标准", "Standard"),
                                            "ideal" => ("理想", "Ideal"),
                                            other => (other, other),
                                        };
                                        view! {
                                            <button
                                                class="tool"
                                                data-testid=format!("preset-{}", preset.id)
                                                title=preset.source.title
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
            <label class="field">
                <span>{move || lang.get().pick("副本数", "Replicas")}</span>
                <input
                    type="number"
                    min="1"
                    data-testid="replicas"
                    prop:value=move || placement.with(|p| p.as_ref().map_or(1, |p| p.replicas)).to_string()
                    on:input=move |ev| {
                        if let Ok(replicas) = event_target_value(&ev).trim().parse::<u32>() {
                            planner.dispatch_live(Action::SetReplicas { option: planner.option_id.get_untracked(), placement: pid.get_value(), replicas });
                        }
                    }
                />
            </label>
            <MemoryField
                label=("实测内存（每副本）", "Measured memory (per replica)")
                value=Signal::derive(move || placement.with(|p| p.as_ref().and_then(|p| p.measured_mib)))
                placeholder=("用模型估算", "use the model's estimate")
                on_set=move |mib| dispatch(|option, placement, mib| Action::SetMeasured { option, placement, mib }, mib)
                testid="measured"
            />
            <MemoryField
                label=("内存上限（每副本）", "Memory limit (per replica)")
                value=Signal::derive(move || placement.with(|p| p.as_ref().and_then(|p| p.limit_mib)))
                placeholder=("用默认上限", "use the default limit")
                on_set=move |mib| dispatch(|option, placement, mib| Action::SetLimit { option, placement, mib }, mib)
                testid="limit"
            />
            <MemoryField
                label=("/dev/shm 大小", "/dev/shm size")
                value=Signal::derive(move || placement.with(|p| p.as_ref().and_then(|p| p.shm_mib)))
                placeholder=("Docker 默认 64 MiB", "Docker default 64 MiB")
                on_set=move |mib| dispatch(|option, placement, mib| Action::SetShm { option, placement, mib }, mib)
                testid="shm"
            />
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
