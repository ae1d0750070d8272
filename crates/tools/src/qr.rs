//! The share link as a QR code: qrcodegen's matrix at error correction L
//! (the most data per module; a phone screen or a printed page is clean),
//! as one SVG path with a four-module quiet zone. Made in the worker beside
//! the link (`Request::LinkWrite`), so qrcodegen is not in the first load;
//! the page's share dialog draws the path.

use qrcodegen::{QrCode, QrCodeEcc};

pub use crate::protocol::QrPath;

/// Modules of white around the code, as the QR standard asks.
pub const QUIET_MODULES: i32 = 4;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest template's link fits in a QR code, at a version a phone
    /// camera reads from a screen: version 32 (145 modules) drawn at 4 px a
    /// module is 612 px with its quiet zone. S3's links grew from version 30
    /// to 32 when its workers gained their load inputs and the notes that
    /// say where those come from.
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
        assert!(largest <= 32, "version {largest}");
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
