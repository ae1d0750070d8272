//! The page's address as far as the report page cares: whether the
//! fragment asks for a report (`#report.<share-link payload>`), the page's
//! own URL to build report links on, opening one in a new tab, and
//! reloading when a report fragment arrives in an open page.

pub use super::location::page_url;
use super::location::{fragment, use_hashchange};

/// What a report link's fragment starts with, before the share link's
/// payload (`p2.…`).
pub const REPORT_PREFIX: &str = "report.";

/// The share-link payload of a report fragment (`report.p2.…` → `p2.…`).
pub fn report_payload_of(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').strip_prefix(REPORT_PREFIX)
}

/// The report asked for by the address, if it asks for one.
pub fn report_payload() -> Option<String> {
    report_payload_of(&fragment()).map(str::to_string)
}

/// Opens `url` in a new tab (from a click, so no popup blocker stops it).
pub fn open_in_new_tab(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target(url, "_blank");
    }
}

/// Opens an empty new tab (from a click, so no popup blocker stops it) to
/// be sent to an address that is not known yet ([`send_tab`]).
pub fn open_blank_tab() -> Option<web_sys::Window> {
    web_sys::window()?
        .open_with_url_and_target("", "_blank")
        .ok()
        .flatten()
}

/// Sends a tab from [`open_blank_tab`] to `url`; without one (the browser
/// refused it), opens `url` in a new tab.
pub fn send_tab(tab: Option<web_sys::Window>, url: &str) {
    match tab {
        Some(tab) => {
            let _ = tab.location().set_href(url);
        }
        None => open_in_new_tab(url),
    }
}

/// Reloads the page when the fragment changes and `wants_reload` says the
/// new one belongs to the other page (the planner and the report page are
/// started once, from the address they load with).
pub fn reload_when_fragment(wants_reload: impl Fn(&str) -> bool + 'static) {
    use_hashchange(move |fragment| {
        if wants_reload(&fragment) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_fragment_carries_a_share_link_payload() {
        assert_eq!(report_payload_of("#report.p2.eabc"), Some("p2.eabc"));
        assert_eq!(report_payload_of("report.p2.eabc"), Some("p2.eabc"));
        assert_eq!(report_payload_of("p2.eabc"), None);
        assert_eq!(report_payload_of(""), None);
    }
}
