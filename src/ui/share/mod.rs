//! Sharing a plan and opening one from outside: the Share button (header),
//! the share dialog (link, QR code, plan file), the notice of what a link
//! or file opened, and the page-wide drop target for plan files.

mod dialog;
mod drop_overlay;
mod notice;
pub mod qr;

use leptos::prelude::*;

pub use dialog::ShareDialog;
pub use drop_overlay::DropOverlay;
pub use notice::{outcome_text, OpenNotice};

use crate::ui::dialog::OpenButton;

/// The popover key of the share dialog.
pub const KEY: &str = "share";

/// The header's Share button: opens the share dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
    view! { <OpenButton key=KEY class="tool share-button" testid="share-open" label=("分享", "Share") /> }
}
