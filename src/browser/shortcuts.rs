//! Keyboard shortcuts: Ctrl+Z / Ctrl+Shift+Z (⌘ on macOS, and Ctrl+Y) for
//! undo and redo, except while typing in a field, where the field's own undo
//! applies, and while a dialog is open: the plan behind a modal dialog does
//! not change (an extras dialog works on a copy of it, `crate::extras`).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::Planner;

/// What a key press asks for, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    Undo,
    Redo,
}

/// Maps a key press to a shortcut. `primary` is Ctrl, or ⌘ on macOS.
pub fn shortcut_for(key: &str, primary: bool, shift: bool) -> Option<Shortcut> {
    if !primary {
        return None;
    }
    match (key.to_ascii_lowercase().as_str(), shift) {
        ("z", false) => Some(Shortcut::Undo),
        ("z", true) | ("y", false) => Some(Shortcut::Redo),
        _ => None,
    }
}

fn is_mac() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().platform().ok())
        .is_some_and(|p| p.to_ascii_lowercase().contains("mac"))
}

fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn a_dialog_is_open() -> bool {
    leptos::prelude::document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

/// Installs the undo/redo shortcuts on the window for the app's lifetime.
pub fn use_undo_shortcuts(planner: Planner) {
    let mac = is_mac();
    let handle = window_event_listener(ev::keydown, move |ev| {
        if typing_in_a_field(&ev) || a_dialog_is_open() {
            return;
        }
        let primary = if mac { ev.meta_key() } else { ev.ctrl_key() };
        match shortcut_for(&ev.key(), primary, ev.shift_key()) {
            Some(Shortcut::Undo) => {
                ev.prevent_default();
                planner.undo();
            }
            Some(Shortcut::Redo) => {
                ev.prevent_default();
                planner.redo();
            }
            None => {}
        }
    });
    on_cleanup(move || handle.remove());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_z_undoes_and_ctrl_shift_z_or_ctrl_y_redo() {
        assert_eq!(shortcut_for("z", true, false), Some(Shortcut::Undo));
        assert_eq!(shortcut_for("Z", true, true), Some(Shortcut::Redo));
        assert_eq!(shortcut_for("y", true, false), Some(Shortcut::Redo));
        assert_eq!(shortcut_for("z", false, false), None);
        assert_eq!(shortcut_for("x", true, false), None);
    }
}
