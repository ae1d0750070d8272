//! StackFit's web app: a Leptos (client-side rendered) planner on top of the
//! `stackfit-core` engine. This crate only turns user intent into engine
//! actions and draws what the engine returns; it computes no numbers itself.

pub mod browser;
pub mod extras;
pub mod i18n;
pub mod state;
pub mod ui;

/// Mounts the planner on `<body>` — or runs the report page (from the
/// extras), when the address asks for a report (`#report.…`). Called once
/// by `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    match browser::address::report_payload() {
        // The report page is in the extras: loaded now, not by the planner.
        Some(payload) => ui::extras::report_page(payload),
        None => leptos::mount::mount_to_body(ui::App),
    }
}
