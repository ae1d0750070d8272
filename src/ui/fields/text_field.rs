//! A one-line text field whose value the engine checks: applied on Enter or
//! on leaving the field, capped at its bound's length, with what it accepts
//! in words under it. The engine's refusal (from the action) is shown in the
//! UI's language and the field goes back to the plan's value.

use leptos::prelude::*;
use stackfit_core::edit::ActionError;
use stackfit_core::model::bounds::Bound;

use crate::i18n::Lang;
use crate::state::use_lang;

/// Why a typed line was not applied: the engine's refusal, or the field's
/// own words (zh, en) when it could not even be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineRefusal {
    Engine(ActionError),
    Unread(&'static str, &'static str),
}

impl LineRefusal {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (LineRefusal::Engine(e), Lang::Zh) => e.message_zh(),
            (LineRefusal::Engine(e), Lang::En) => e.message_en(),
            (LineRefusal::Unread(zh, en), lang) => lang.pick(zh, en).to_string(),
        }
    }
}

/// A text input for one line (an address, a list of queues, `NAME=value`).
#[component]
pub fn TextLineField(
    /// The label, (zh, en).
    label: (&'static str, &'static str),
    /// The text the plan holds (shown when not typing).
    #[prop(into)]
    value: Signal<String>,
    /// The engine's length bound (maxlength).
    bound: Bound,
    /// What the field accepts, in words, (zh, en).
    hint: (&'static str, &'static str),
    /// Applies the trimmed text; returns why it was refused, if it was.
    on_apply: Callback<String, Option<LineRefusal>>,
    /// data-testid of the input; `<testid>-range` and `<testid>-error` name
    /// the hint and the error.
    testid: &'static str,
    /// Placeholder, (zh, en).
    #[prop(default = ("", ""))]
    placeholder: (&'static str, &'static str),
    /// Empty the field after a line was applied (an "add a line" field).
    #[prop(optional)]
    clear_after: bool,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<LineRefusal>);
    let range_id = format!("{testid}-range");
    let error_id = format!("{testid}-error");
    let described = format!("{range_id} {error_id}");
    view! {
        <label class="field text-line-field">
            <span class="field-label">{move || lang.get().pick(label.0, label.1)}</span>
            <input
                type="text"
                data-testid=testid
                maxlength=bound.max.max(0) as usize
                spellcheck="false"
                autocomplete="off"
                placeholder=move || lang.get().pick(placeholder.0, placeholder.1)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |_| error.set(None)
                on:change=move |ev| {
                    // Fired as the field leaves the page: the edit goes with it.
                    if error.is_disposed() {
                        return;
                    }
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    let text = input.value().trim().to_string();
                    if text == value.get_untracked() {
                        return;
                    }
                    match on_apply.run(text) {
                        Some(refusal) => {
                            error.set(Some(refusal));
                            input.set_value(&value.get_untracked());
                        }
                        None => {
                            error.set(None);
                            if clear_after {
                                input.set_value("");
                            }
                        }
                    }
                }
            />
            <span class="range" id=range_id.clone() data-testid=range_id>
                {move || lang.get().pick(hint.0, hint.1)}
            </span>
            <span class="field-error" role="alert" id=error_id.clone() data-testid=error_id>
                {move || error.get().map(|e| e.text(lang.get()))}
            </span>
        </label>
    }
}
