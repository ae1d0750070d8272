//! StackFit's web app: a Leptos (client-side rendered) planner on top of the
//! `stackfit-core` engine. This crate only turns user intent into engine
//! actions and draws what the engine returns; it computes no numbers itself.

pub mod browser;
pub mod i18n;
pub mod state;
pub mod ui;

/// Mounts the planner on `<body>` — or the report page, when the address
/// asks for a report (`#report.…`). Called once by `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    match browser::address::report_payload() {
        Some(payload) => leptos::mount::mount_to_body(move || {
            leptos::view! { <ui::report::ReportApp payload /> }
        }),
        None => leptos::mount::mount_to_body(ui::App),
    }
}
