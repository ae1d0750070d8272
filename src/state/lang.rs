//! The UI language: starts from what the user chose before, else from the
//! browser's language; remembered in local storage.

use leptos::prelude::*;

use crate::browser::{language, storage};
use crate::i18n::Lang;

const KEY: &str = "stackfit.lang";

/// Creates the language signal and keeps storage and `<html lang>` in step.
pub fn provide_lang() -> RwSignal<Lang> {
    let initial = storage::load::<Lang>(KEY)
        .ok()
        .flatten()
        .unwrap_or_else(|| Lang::from_tag(&language::browser_language().unwrap_or_default()));
    let lang = RwSignal::new(initial);
    Effect::new(move |_| {
        let current = lang.get();
        language::set_document_lang(current.tag());
        // Remembering is a convenience: a failing storage must not stop the switch.
        let _ = storage::save(KEY, &current);
    });
    provide_context(lang);
    lang
}

/// The language signal provided by [`provide_lang`].
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The language of a page that changes nothing the user keeps (the report
/// page): starts like [`provide_lang`] and sets `<html lang>`, but its
/// switch is not remembered.
pub fn provide_page_lang() -> RwSignal<Lang> {
    let initial = storage::load::<Lang>(KEY)
        .ok()
        .flatten()
        .unwrap_or_else(|| Lang::from_tag(&language::browser_language().unwrap_or_default()));
    let lang = RwSignal::new(initial);
    Effect::new(move |_| language::set_document_lang(lang.get().tag()));
    provide_context(lang);
    lang
}
