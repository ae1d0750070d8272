//! The share link as a QR code: qrcodegen's matrix at error correction L
//! (the most data per module; a phone screen or a printed page is clean),
//! drawn as one SVG path with a four-module quiet zone, at least 4 px per
//! module where the screen has room.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

use crate::state::use_lang;

/// Modules of white around the code, as the QR standard asks.
pub const QUIET_MODULES: i32 = 4;
/// CSS pixels per module at full size.
pub const PX_PER_MODULE: i32 = 4;

/// A QR code as an SVG path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPath {
    /// Modules per side, without the quiet zone.
    pub modules: i32,
    /// The QR version (1–40).
    pub version: u8,
    /// One path of unit squares (runs of dark modules merged per row), in
    /// module units, offset by the quiet zone.
    pub d: String,
}

/// Encodes `text` (byte mode, error correction L); `None` when it is too
/// long for any QR version.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let n = code.size();
    let mut d = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if code.get_module(x, y) {
                let start = x;
                while x < n && code.get_module(x, y) {
                    x += 1;
                }
                let run = x - start;
                d.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_MODULES,
                    y + QUIET_MODULES
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(QrPath {
        modules: n,
        version: code.version().value(),
        d,
    })
}

/// The QR code of `text`, or a sentence saying it is too long for one.
#[component]
pub fn QrCodeView(
    /// What to encode (the whole share link).
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let qr = Memo::new(move |_| text.with(|t| qr_path(t)));
    move || match qr.get() {
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
            let chars = text.with(|t| t.chars().count());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest template's link fits in a QR code, at a version a phone
    /// camera reads from a screen.
    #[test]
    fn every_template_link_fits_in_a_qr_code() {
        let page = "https://stackfit.example/planner/";
        let mut largest = 0;
        for t in stackfit_core::templates::list() {
            for lang in [
                stackfit_core::findings::Lang::En,
                stackfit_core::findings::Lang::Zh,
            ] {
                let plan = stackfit_core::templates::get_in(t.id, lang).unwrap();
                let link = format!(
                    "{page}#{}",
                    stackfit_core::codec::link::plan_to_fragment(&plan)
                );
                let qr = qr_path(&link)
                    .unwrap_or_else(|| panic!("{} {lang:?}: {} chars", t.id, link.len()));
                largest = largest.max(qr.version);
            }
        }
        eprintln!("largest QR version of a template link: {largest}");
        assert!(largest <= 30, "version {largest}");
    }

    #[test]
    fn the_path_is_unit_squares_inside_the_quiet_zone() {
        let qr = qr_path("https://stackfit.example/#p2.eAAAA").unwrap();
        assert_eq!(qr.modules, 17 + 4 * qr.version as i32);
        assert!(
            qr.d.starts_with(&format!("M{QUIET_MODULES} {QUIET_MODULES}h7v1h-7z")),
            "{}",
            &qr.d[..40]
        );
        assert!(qr_path(&"x".repeat(3000)).is_none());
    }
}
