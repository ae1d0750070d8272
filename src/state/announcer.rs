//! What a screen reader should hear after an action that moves nothing
//! visible under the focus (a service placed from the palette): one polite
//! live region, filled by [`Announcer::say`].

use leptos::prelude::*;

/// Handle to the live region's text; `Copy`.
#[derive(Clone, Copy)]
pub struct Announcer {
    message: RwSignal<(u32, String)>,
}

impl Announcer {
    /// Announces `text`.
    pub fn say(&self, text: String) {
        self.message.update(|(n, t)| {
            *n = n.wrapping_add(1);
            *t = text;
        });
    }

    /// The live region's text. The same message twice differs by a trailing
    /// no-break space, so the region changes and is announced again.
    pub fn text(&self) -> String {
        self.message.with(|(n, t)| {
            if n % 2 == 0 {
                format!("{t}\u{a0}")
            } else {
                t.clone()
            }
        })
    }
}

/// Creates the announcer and provides it.
pub fn provide_announcer() -> Announcer {
    let announcer = Announcer {
        message: RwSignal::new((0, String::new())),
    };
    provide_context(announcer);
    announcer
}

/// The announcer provided by [`provide_announcer`].
pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}
