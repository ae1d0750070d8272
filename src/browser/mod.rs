//! Browser APIs behind small functions and hooks, so that components never
//! touch `web_sys` directly.

pub mod address;
pub mod clipboard;
pub mod clock;
pub mod dismiss;
pub mod download;
pub mod extras;
pub mod fetch;
pub mod files;
pub mod focus;
pub mod language;
pub mod links;
pub mod location;
pub mod shortcuts;
pub mod storage;
pub mod tools_worker;

/// What a browser error says, for a message: an `Error`'s message, a
/// thrown string, or the value as JSON. (Not `{:?}`: `JsValue`'s `Debug`
/// brings float formatting into the first load.)
pub fn error_text(e: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        // `undefined`, a function or a symbol stringify to `undefined`.
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "an unknown error".to_string())
}
