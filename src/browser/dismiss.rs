//! Escape and clicks outside: Escape closes the open popover and gives focus
//! back to the control that opened it, or, with none open, clears the
//! selection so the inspector shows the plan settings; a press outside the
//! open popover closes it.

use leptos::ev;
use leptos::prelude::*;

use super::focus::{focus_testid_later, is_field, is_inside};
use crate::state::{Planner, Popovers, Selection};

/// Installs the listeners on the window for the app's lifetime.
pub fn use_dismiss(popovers: Popovers, planner: Planner) {
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.key() != "Escape" {
            return;
        }
        if popovers.current().is_some() {
            e.prevent_default();
            popovers.dismiss();
            return;
        }
        if is_field(e.target()) || planner.selection.get_untracked() == Selection::None {
            return;
        }
        let in_inspector = is_inside(e.target(), "[data-testid=\"inspector\"]");
        planner.selection.set(Selection::None);
        // The inspector redraws as the plan settings: keep focus in it.
        if in_inspector {
            focus_testid_later("inspector-heading");
        }
    });
    let presses = window_event_listener(ev::pointerdown, move |e| {
        if let Some(key) = popovers.current() {
            if !is_inside(e.target(), &format!("[data-popover=\"{key}\"]")) {
                popovers.close();
            }
        }
    });
    on_cleanup(move || {
        keys.remove();
        presses.remove();
    });
}
