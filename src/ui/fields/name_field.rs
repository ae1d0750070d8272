//! A name field (plan, option, server): as long as the engine's bound allows
//! and no longer (the browser stops typing there), with a visible counter;
//! applied on Enter or leaving the field; an empty name is refused and the
//! old one comes back.

use leptos::prelude::*;
use stackfit_core::model::bounds::{check_text, Bound};

use super::FieldError;
use crate::state::use_lang;

/// A text input for a name, capped at `bound.max` characters.
#[component]
pub fn NameField(
    /// The engine's length bound (e.g. `bounds::PLAN_NAME_CHARS`).
    bound: Bound,
    /// The name the plan holds.
    #[prop(into)]
    value: Signal<String>,
    /// Applies a new, valid, trimmed name.
    on_apply: Callback<String>,
    /// data-testid of the input.
    testid: &'static str,
    /// Accessible name of the input, (zh, en).
    label: (&'static str, &'static str),
    /// Class of the input (its look where it sits).
    class: &'static str,
    /// Called when the input gets focus.
    #[prop(optional)]
    on_focus: Option<Callback<()>>,
) -> impl IntoView {
    let lang = use_lang();
    let typed = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<FieldError>);
    let max = bound.max.max(0) as usize;
    let count = move || {
        typed
            .get()
            .unwrap_or_else(|| value.with(|v| v.chars().count()))
    };
    let near_limit = move || count() * 10 >= max * 9;
    let error_id = format!("{testid}-error");
    view! {
        <span class="name-field" class:near-limit=near_limit>
            <input
                class=class
                data-testid=testid
                maxlength=max
                aria-label=move || lang.get().pick(label.0, label.1)
                aria-describedby=error_id.clone()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| {
                    typed.set(Some(event_target_value(&ev).chars().count()));
                    error.set(None);
                }
                on:focus=move |_| {
                    if let Some(f) = on_focus {
                        f.run(());
                    }
                }
                on:change=move |ev| {
                    // Fired as the field leaves the page: the edit goes with it.
                    if error.is_disposed() {
                        return;
                    }
                    let name = event_target_value(&ev).trim().to_string();
                    typed.set(None);
                    let refused = if name.is_empty() {
                        Some(FieldError::Empty(bound.name_en, bound.name_zh))
                    } else {
                        check_text(&bound, &name).err().map(FieldError::Range)
                    };
                    match refused {
                        Some(e) => {
                            error.set(Some(e));
                            // Put the plan's name back.
                            event_target::<web_sys::HtmlInputElement>(&ev).set_value(&value.get_untracked());
                        }
                        None => {
                            error.set(None);
                            if name != value.get_untracked() {
                                on_apply.run(name);
                            }
                        }
                    }
                }
                on:blur=move |_| {
                    typed.try_set(None);
                }
            />
            <span class="counter" aria-hidden="true">{move || format!("{}/{max}", count())}</span>
            <span class="field-error name-error" role="alert" id=error_id.clone() data-testid=error_id>
                {move || error.get().map(|e| e.text(lang.get()))}
            </span>
        </span>
    }
}
