//! A memory field: accepts what people write ("512", "512m", "1.5g", "2Gi");
//! a bare number means MiB; empty clears the override. A bad value is named
//! and nothing changes.

use leptos::prelude::*;
use stackfit_core::model::units::{parse_memory_mib, Mib};

use crate::i18n::Lang;
use crate::state::use_lang;

/// Parses a memory field: `Ok(None)` for empty, a bare number as MiB.
pub fn parse_memory_field(text: &str) -> Result<Option<Mib>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().all(|c| c.is_ascii_digit()) {
        return t
            .parse()
            .map(Some)
            .map_err(|_| format!("“{t}” is too large"));
    }
    parse_memory_mib(t).map(Some).map_err(|e| e.to_string())
}

fn error_text(input: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法识别“{input}”：{why}。可写 512、512m、1.5g 或 2Gi。"),
        Lang::En => format!("Can't read “{input}”: {why}. Write e.g. 512, 512m, 1.5g or 2Gi."),
    }
}

/// A labelled memory input bound to an optional MiB value.
#[component]
pub fn MemoryField(
    /// Field label, (zh, en).
    label: (&'static str, &'static str),
    /// The current value; `None` shows the placeholder.
    #[prop(into)]
    value: Signal<Option<Mib>>,
    /// What empty means, (zh, en), e.g. ("模型估算", "model estimate").
    placeholder: (&'static str, &'static str),
    /// Called with the new value when it parses.
    on_set: impl Fn(Option<Mib>) + 'static,
    /// data-testid of the input.
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<(String, String)>);
    view! {
        <label class="field">
            <span>{move || lang.get().pick(label.0, label.1)}</span>
            <input
                data-testid=testid
                prop:value=move || value.get().map(|m| format!("{m} MiB")).unwrap_or_default()
                placeholder=move || lang.get().pick(placeholder.0, placeholder.1)
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    match parse_memory_field(&text) {
                        Ok(mib) => {
                            error.set(None);
                            on_set(mib);
                        }
                        Err(why) => error.set(Some((text, why))),
                    }
                }
            />
        </label>
        <Show when=move || error.with(Option::is_some)>
            <p class="field-error" role="alert">
                {move || error.get().map(|(input, why)| error_text(&input, &why, lang.get()))}
            </p>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_numbers_are_mib_and_units_are_understood() {
        assert_eq!(parse_memory_field("512"), Ok(Some(512)));
        assert_eq!(parse_memory_field("1.5g"), Ok(Some(1536)));
        assert_eq!(parse_memory_field("1.5 GiB"), Ok(Some(1536)));
        assert_eq!(parse_memory_field("  "), Ok(None));
        assert!(parse_memory_field("lots").is_err());
    }
}
