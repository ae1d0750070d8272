//! The share link as a QR code: the tools worker's path of the code
//! (`stackfit_tools::qr`: error correction L, one SVG path with a
//! four-module quiet zone, made beside the link so qrcodegen stays out of
//! the first load), drawn at least 4 px per module where the screen has room.

use leptos::prelude::*;
use stackfit_tools::protocol::QrPath;
use stackfit_tools::qr::QUIET_MODULES;

use crate::state::use_lang;

/// CSS pixels per module at full size.
pub const PX_PER_MODULE: i32 = 4;

/// The QR code of the share link, or a sentence saying it is too long for one.
#[component]
pub fn QrCodeView(
    /// The link's code, as the worker made it; `None`: too long for any version.
    qr: Option<QrPath>,
    /// The link's length in characters (what the sentence says).
    chars: usize,
) -> impl IntoView {
    let lang = use_lang();
    match qr {
        Some(qr) => {
            let side = qr.modules + 2 * QUIET_MODULES;
            let px = side * PX_PER_MODULE;
            view! {
                <svg
                    class="share-qr"
                    data-testid="share-qr"
                    data-modules=qr.modules
                    data-version=qr.version
                    role="img"
                    aria-label=move || lang.get().pick("方案链接的二维码", "QR code of the plan's link")
                    viewBox=format!("0 0 {side} {side}")
                    width=px
                    height=px
                    shape-rendering="crispEdges"
                >
                    <rect width=side height=side fill="#fff" />
                    <path d=qr.d fill="#000" />
                </svg>
            }
            .into_any()
        }
        None => {
            view! {
                <p class="hint" data-testid="share-qr-too-long">
                    {move || match lang.get() {
                        crate::i18n::Lang::Zh => format!("这个方案的链接有 {chars} 个字符，放不进二维码。请发送链接或方案文件。"),
                        crate::i18n::Lang::En => format!("This plan's link is {chars} characters, too long for a QR code. Send the link or the plan file instead."),
                    }}
                </p>
            }
            .into_any()
        }
    }
}
