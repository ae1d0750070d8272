//! Moving keyboard focus to an element found by selector (after a menu
//! closes, after the element it was on went away).

use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector`; false when there is none.
pub fn focus_selector(selector: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(e) => e.focus().is_ok(),
        None => false,
    }
}

/// Focuses the element whose `data-testid` is `testid`.
pub fn focus_testid(testid: &str) -> bool {
    focus_selector(&format!("[data-testid=\"{testid}\"]"))
}

/// Whether `target` (an event's target) is inside an element matching `selector`.
pub fn is_inside(target: Option<web_sys::EventTarget>, selector: &str) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(selector).ok().flatten())
        .is_some()
}

/// Whether keys pressed on `target` are typing into a field.
pub fn is_field(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Focuses `testid` once the views have redrawn (after a change that
/// replaces the element that had focus).
pub fn focus_testid_later(testid: &'static str) {
    focus_selector_later(format!("[data-testid=\"{testid}\"]"));
}

/// Focuses the first element matching `selector` once the views have redrawn.
pub fn focus_selector_later(selector: String) {
    leptos::prelude::request_animation_frame(move || {
        focus_selector(&selector);
    });
}

/// Moves focus to the next (`delta` 1) or previous (-1) element matching
/// `items` inside `container`, wrapping around (arrow keys in a menu).
pub fn step_focus(container: &web_sys::Element, items: &str, delta: i32) {
    let Ok(list) = container.query_selector_all(items) else {
        return;
    };
    let n = list.length() as i32;
    if n == 0 {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let current = (0..n).find(|&i| {
        list.item(i as u32)
            .zip(active.as_ref())
            .is_some_and(|(node, a)| node.is_same_node(Some(a)))
    });
    let next = match current {
        Some(i) => (i + delta).rem_euclid(n),
        None => 0,
    };
    if let Some(el) = list
        .item(next as u32)
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
