//! Which popover (a menu or a picker) is open: at most one at a time, named
//! by a key such as "plan-menu", "tier:a" or "place:postgres". The popover's
//! container carries `data-popover=KEY` and the control that opened it
//! `data-popover-trigger=KEY`, so Escape and a click outside can close it and
//! give focus back where it came from (`browser::dismiss`).

use leptos::prelude::*;

/// Handles to the open popover; `Copy`.
#[derive(Clone, Copy)]
pub struct Popovers {
    open: RwSignal<Option<String>>,
}

impl Popovers {
    /// Whether popover `key` is open (tracked).
    pub fn is_open(&self, key: &str) -> bool {
        self.open.with(|o| o.as_deref() == Some(key))
    }

    /// The open popover's key (tracked).
    pub fn key(&self) -> Option<String> {
        self.open.get()
    }

    /// The open popover's key, untracked.
    pub fn current(&self) -> Option<String> {
        self.open.get_untracked()
    }

    /// Opens `key` (closing any other).
    pub fn open(&self, key: &str) {
        self.open.set(Some(key.to_string()));
    }

    /// Opens `key`, or closes it when it is open.
    pub fn toggle(&self, key: &str) {
        if self.open.with_untracked(|o| o.as_deref() == Some(key)) {
            self.open.set(None);
        } else {
            self.open(key);
        }
    }

    /// Closes whatever is open; focus stays where it is (an outside click).
    pub fn close(&self) {
        if self.open.with_untracked(Option::is_some) {
            self.open.set(None);
        }
    }

    /// Closes whatever is open and gives focus back to the control that
    /// opened it (Escape, a choice made).
    pub fn dismiss(&self) {
        if let Some(key) = self.open.get_untracked() {
            self.open.set(None);
            crate::browser::focus::focus_selector(&format!("[data-popover-trigger=\"{key}\"]"));
        }
    }
}

/// Creates the popover state and provides it.
pub fn provide_popovers() -> Popovers {
    let popovers = Popovers {
        open: RwSignal::new(None),
    };
    provide_context(popovers);
    popovers
}

/// The popover state provided by [`provide_popovers`].
pub fn use_popovers() -> Popovers {
    expect_context::<Popovers>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_popover_at_a_time() {
        let owner = Owner::new();
        owner.with(|| {
            let p = provide_popovers();
            p.open("tier:a");
            p.toggle("plan-menu");
            assert!(p.is_open("plan-menu") && !p.is_open("tier:a"));
            p.toggle("plan-menu");
            assert_eq!(p.current(), None);
        });
    }
}
