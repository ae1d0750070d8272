//! A memory field: accepts what people write ("512", "512m", "1.5g",
//! "2Gi"); a bare number means MiB; empty clears the override. A value that
//! cannot be read or is outside the engine's bound is named, nothing
//! changes, and the field shows the plan's value again.

use leptos::prelude::*;
use stackfit_core::model::bounds::{check_mib, Bound};
use stackfit_core::model::units::Mib;

use super::parse::parse_memory_field;
use super::FieldError;
use crate::i18n::keep_units;
use crate::state::use_lang;

/// A labelled memory input bound to an optional MiB value.
#[component]
pub fn MemoryField(
    /// Field label, (zh, en).
    label: (&'static str, &'static str),
    /// The engine's range for this figure.
    bound: Bound,
    /// The current value; `None` shows the placeholder.
    #[prop(into)]
    value: Signal<Option<Mib>>,
    /// What empty means, (zh, en), e.g. ("模型估算", "model estimate").
    placeholder: (&'static str, &'static str),
    /// Called with the new value when it is read and in range.
    on_set: Callback<Option<Mib>>,
    /// data-testid of the input.
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<FieldError>);
    let show = |v: Option<Mib>| v.map(|m| format!("{m} MiB")).unwrap_or_default();
    let shown = move || show(value.get());
    let range_id = format!("{testid}-range");
    let error_id = format!("{testid}-error");
    let described = format!("{range_id} {error_id}");
    view! {
        <label class="field memory-field">
            <span class="field-label">{move || lang.get().pick(label.0, label.1)}</span>
            <input
                data-testid=testid
                prop:value=shown
                placeholder=move || lang.get().pick(placeholder.0, placeholder.1)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                on:change=move |ev| {
                    // Fired as the field leaves the page: the edit goes with it.
                    if error.is_disposed() {
                        return;
                    }
                    let text = event_target_value(&ev);
                    let checked = parse_memory_field(&text)
                        .and_then(|mib| check_mib(&bound, mib).map(|()| mib).map_err(FieldError::Range));
                    match checked {
                        Ok(mib) => {
                            error.set(None);
                            on_set.run(mib);
                        }
                        Err(e) => {
                            error.set(Some(e));
                            event_target::<web_sys::HtmlInputElement>(&ev).set_value(&show(value.get_untracked()));
                        }
                    }
                }
            />
            <span class="range" id=range_id.clone() data-testid=range_id>
                {move || keep_units(&match lang.get() {
                    crate::i18n::Lang::Zh => format!("可填 {}", bound.range_zh()),
                    crate::i18n::Lang::En => format!("Allowed {}", bound.range_en()),
                })}
            </span>
            <span class="field-error" role="alert" id=error_id.clone() data-testid=error_id>
                {move || error.get().map(|e| keep_units(&e.text(lang.get())))}
            </span>
        </label>
    }
}
