//! A number field bound to an engine range. While typing, a valid value is
//! applied after a short pause (so the diagrams follow), an invalid one is
//! named at once and applied never; on Enter or leaving the field a valid
//! value is applied and the run of typing ends (one undo step), an invalid
//! one is refused and the field shows the plan's value again.

use std::time::Duration;

use leptos::prelude::*;
use stackfit_core::model::bounds::Bound;

use super::parse::{parse_thousandths, parse_whole};
use super::FieldError;
use crate::i18n::keep_units;
use crate::state::{use_lang, use_planner};

/// How long typing must pause before a valid value is applied.
const SETTLE: Duration = Duration::from_millis(450);

/// What the field holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumberKind {
    /// A whole number in the bound's unit.
    #[default]
    Whole,
    /// Thousandths typed as a decimal ("7.1" is 7100): the exchange rate.
    Thousandths,
}

impl NumberKind {
    fn parse(self, text: &str) -> Result<Option<i64>, FieldError> {
        match self {
            NumberKind::Whole => parse_whole(text),
            NumberKind::Thousandths => parse_thousandths(text),
        }
    }

    fn show(self, value: i64) -> String {
        match self {
            NumberKind::Whole => value.to_string(),
            NumberKind::Thousandths => format!("{}.{:03}", value / 1000, (value % 1000).abs()),
        }
    }
}

/// A labelled number input checked against `bound` before anything is applied.
#[component]
pub fn NumberField(
    /// The label, (zh, en).
    label: (&'static str, &'static str),
    /// The engine's range for this figure.
    bound: Bound,
    /// The value the plan holds (`None` shows the field empty).
    #[prop(into)]
    value: Signal<Option<i64>>,
    /// Applies a valid value (`None` when the field was emptied and `optional`).
    on_apply: Callback<Option<i64>>,
    /// data-testid of the input.
    #[prop(into)]
    testid: String,
    /// The unit beside the input, (zh, en).
    #[prop(default = None)]
    unit: Option<(&'static str, &'static str)>,
    /// Whole numbers or thousandths.
    #[prop(optional)]
    kind: NumberKind,
    /// Whether an empty field is a value (back to the default).
    #[prop(optional)]
    optional: bool,
    /// Extra class on the label (e.g. "knob").
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    // What the user is typing; `None` shows the plan's value.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<FieldError>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(None);
    };
    on_cleanup(cancel);

    // The typed text as a value the plan may take (`Ok(None)`: a required
    // field left blank, which waits for a value), or why not.
    let check = move |text: &str| -> Result<Option<Option<i64>>, FieldError> {
        match kind.parse(text)? {
            None if optional => Ok(Some(None)),
            None => Ok(None),
            Some(v) => bound
                .check(v)
                .map(|v| Some(Some(v)))
                .map_err(FieldError::Range),
        }
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        cancel();
        let checked = check(&text);
        draft.set(Some(text));
        match checked {
            Ok(Some(v)) => {
                error.set(None);
                // Applied once the typing pauses.
                let handle = set_timeout_with_handle(move || on_apply.run(v), SETTLE).ok();
                pending.set_value(handle);
            }
            Ok(None) => error.set(None),
            Err(e) => error.set(Some(e)),
        }
    };
    let on_change = move |ev| {
        // Fired as the field is taken off the page (another plan opened):
        // its state is gone, and the unfinished edit goes with it.
        if draft.is_disposed() {
            return;
        }
        let text = event_target_value(&ev);
        cancel();
        match check(&text) {
            Ok(Some(v)) => {
                error.set(None);
                on_apply.run(v);
            }
            Ok(None) => error.set(None),
            // Refused: the field shows the plan's value again and says why.
            Err(e) => error.set(Some(e)),
        }
        draft.set(None);
        planner.end_edit();
    };
    let shown = move || {
        draft
            .get()
            .unwrap_or_else(|| value.get().map(|v| kind.show(v)).unwrap_or_default())
    };
    let range_id = format!("{testid}-range");
    let error_id = format!("{testid}-error");
    let described = format!("{range_id} {error_id}");
    view! {
        <label class=format!("field number-field {class}")>
            <span class="field-label">{move || lang.get().pick(label.0, label.1)}</span>
            <span class="knob-input">
                <input
                    type="text"
                    inputmode=match kind { NumberKind::Whole => "numeric", NumberKind::Thousandths => "decimal" }
                    data-testid=testid.clone()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=described
                    prop:value=shown
                    on:input=on_input
                    on:change=on_change
                    on:blur=move |_| {
                        // Leaving an untouched field ends any run too.
                        if draft.try_with_untracked(Option::is_none) == Some(true) {
                            planner.end_edit();
                        }
                    }
                />
                {unit.map(|u| view! { <span class="unit">{move || lang.get().pick(u.0, u.1)}</span> })}
            </span>
            <span class="range" id=range_id.clone() data-testid=range_id>
                {move || {
                    let words = match lang.get() {
                        crate::i18n::Lang::Zh => format!("可填 {}", bound.range_zh()),
                        crate::i18n::Lang::En => format!("Allowed {}", bound.range_en()),
                    };
                    keep_units(&words)
                }}
            </span>
            <span class="field-error" role="alert" id=error_id.clone() data-testid=error_id>
                {move || error.get().map(|e| keep_units(&e.text(lang.get())))}
            </span>
        </label>
    }
}
