//! The browser's preferred language.

/// `navigator.language`, e.g. "zh-CN" or "en-US"; `None` outside a browser.
pub fn browser_language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}

/// Sets `<html lang>` so that fonts, hyphenation and screen readers follow
/// the UI language.
pub fn set_document_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}
