//! Copying text to the clipboard (the share link).

use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; false when the browser refuses (no
/// permission, not a secure context).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // Older browsers have no async clipboard: the property is undefined.
    if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
