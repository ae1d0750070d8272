//! The page's address: the fragment a share link carries its plan in, the
//! address without it, and a hook for `hashchange` (a link pasted into the
//! address bar of an open planner).

use leptos::ev;
use leptos::prelude::*;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The fragment without its `#`; empty when there is none.
pub fn fragment() -> String {
    location()
        .and_then(|l| l.hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The page's address without its fragment: what a share link starts with.
pub fn page_url() -> String {
    let Some(l) = location() else {
        return String::new();
    };
    format!(
        "{}{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    )
}

/// Removes the fragment from the address bar without a reload or a new
/// history entry (and without a `hashchange`), so a reload does not open
/// the same link again.
pub fn clear_fragment() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_url()));
    }
}

/// Whether `fragment` is the id of an element on the page (an in-page
/// anchor, not a link to open).
pub fn names_an_element(fragment: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(fragment))
        .is_some()
}

/// Calls `f` with the new fragment whenever it changes, for the app's lifetime.
pub fn use_hashchange(f: impl Fn(String) + 'static) {
    let handle = window_event_listener(ev::hashchange, move |_| f(fragment()));
    on_cleanup(move || handle.remove());
}
