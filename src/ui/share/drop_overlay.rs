//! The page as a drop target for plan files: while a file is dragged over
//! the page a veil says what dropping does; the dropped file opens as a new
//! plan (or is refused with its reason) through `state::share`.

use leptos::prelude::*;

use crate::browser::files::use_file_drop;
use crate::state::{use_lang, use_popovers, use_sharing};

/// Installs the page-wide file drop and shows the veil during a drag.
#[component]
pub fn DropOverlay() -> impl IntoView {
    let lang = use_lang();
    let sharing = use_sharing();
    let popovers = use_popovers();
    use_file_drop(sharing.dragging, move |file| {
        // A file dropped on the open share dialog: close it, so the notice
        // of what opened is not hidden behind it.
        if popovers.current().is_some_and(|key| key == super::KEY) {
            popovers.dismiss();
        }
        sharing.open_picked(file);
    });
    view! {
        <Show when=move || sharing.dragging.get()>
            <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                <p>
                    {move || lang.get().pick(
                        "松开即可打开方案文件（.stackfit.json），它会另存为新方案。",
                        "Drop a plan file (.stackfit.json) to open it as a new saved plan.",
                    )}
                </p>
            </div>
        </Show>
    }
}
