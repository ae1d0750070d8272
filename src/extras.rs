//! The extras: the screens a user needs only sometimes — the report page,
//! the compare view, the export, import, layout-search, price-book and
//! share dialogs — run from their own wasm (`stackfit-extras`,
//! src/bin/extras.rs), which the page loads on first use
//! (`browser::extras`), so they are not part of the first load.
//!
//! A dialog runs on a copy of the page's planner: the page hands over the
//! plan, the option on screen, the language, the price book, the selected
//! server and the tier asked for ([`Context`]). Every change the screen
//! makes — the plan after an action the engine accepted, another option
//! shown, a new price book, a plan to open as a new saved plan, a plan file
//! picked — is echoed back and made by the page too, so there is one plan,
//! one undo history, one saved price book and one library: the page's.
//! Closing the screen closes the page's popover, and closing the popover
//! unmounts the screen.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use stackfit_core::model::price::{book_from_csv, book_to_csv};
use wasm_bindgen::prelude::*;

use crate::browser::extras::function_of;
use crate::i18n::Lang;
use crate::state::planner::{echo_changes, echo_nothing, Echo};
use crate::state::prices::provide_copied_prices;
use crate::state::{provide_announcer, provide_planner, provide_popovers, Selection};
use crate::ui::{compare, export, import, layout_search, prices, share};

/// The popover keys of the dialogs the extras show.
pub const SCREENS: [&str; 6] = [
    compare::KEY,
    export::KEY,
    import::KEY,
    layout_search::KEY,
    prices::KEY,
    share::KEY,
];

/// What the page hands a dialog.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Context {
    /// The plan, as `codec::to_json` writes it.
    pub plan: String,
    /// The option on screen.
    pub option: String,
    pub lang: Lang,
    /// The user's price book, as `book_to_csv` writes it.
    pub book: String,
    /// The server selected on the board, if one is.
    pub selected_server: Option<String>,
    /// The tier whose quote the price book should open on.
    pub asked_tier: Option<String>,
}

/// The page's side of an open dialog: functions the dialog calls.
pub struct Host {
    /// `changed(plan_json)`: the plan after an action the engine accepted.
    pub changed: js_sys::Function,
    /// `picked(option_id)`: another option shown.
    pub picked: js_sys::Function,
    /// `priced(book_csv)`: the user's price book changed.
    pub priced: js_sys::Function,
    /// `opened(plan_json)`: a plan to open as a new saved plan.
    pub opened: js_sys::Function,
    /// `file(file)`: a plan file the user picked.
    pub file: js_sys::Function,
    /// `said(text)`: what the screen reader should hear.
    pub said: js_sys::Function,
    /// `closed()`: the dialog was dismissed.
    pub closed: js_sys::Function,
}

impl Host {
    /// Reads the functions from the object the page passed.
    pub fn from_js(host: &JsValue) -> Result<Host, String> {
        let get = |name: &str| {
            function_of(host, name).ok_or_else(|| format!("the page passed no `{name}`"))
        };
        Ok(Host {
            changed: get("changed")?,
            picked: get("picked")?,
            priced: get("priced")?,
            opened: get("opened")?,
            file: get("file")?,
            said: get("said")?,
            closed: get("closed")?,
        })
    }
}

thread_local! {
    /// The open dialog's mount: dropping it unmounts the dialog.
    static OPEN: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// The style sheets of the extras' screens, not part of the first load:
/// added to the page once, when the extras first show a screen (before it
/// mounts, so it never shows unstyled). The report page's own sheet is
/// here too: the planner's message for a report link whose extras cannot
/// load carries its few styles inline (`ui::extras::report_page`).
const SHEETS: [&str; 7] = [
    include_str!("ui/report/report.css"),
    include_str!("ui/share/share.css"),
    include_str!("ui/prices/prices.css"),
    include_str!("ui/compare/compare.css"),
    include_str!("ui/export/export.css"),
    include_str!("ui/import/import.css"),
    include_str!("ui/layout_search/layout_search.css"),
];

/// Adds [`SHEETS`] to the page's `<head>`, if they are not there yet.
fn add_sheets() {
    const ID: &str = "stackfit-extras-sheets";
    let document = leptos::prelude::document();
    if document.get_element_by_id(ID).is_some() {
        return;
    }
    let added = document.create_element("style").and_then(|style| {
        style.set_id(ID);
        style.set_text_content(Some(&SHEETS.concat()));
        let head = document.query_selector("head")?.ok_or(JsValue::NULL)?;
        head.append_child(&style).map(drop)
    });
    if added.is_err() {
        leptos::logging::warn!("the extras' style sheets could not be added");
    }
}

/// Mounts the report page of share-link `payload` on `<body>`.
pub fn report(payload: String) {
    console_error_panic_hook::set_once();
    add_sheets();
    leptos::mount::mount_to_body(move || view! { <crate::ui::report::ReportApp payload /> });
}

/// Shows dialog `screen` (one of [`SCREENS`]) on the page's `context`.
pub fn open(screen: &str, context: &str, host: Host) -> Result<(), String> {
    console_error_panic_hook::set_once();
    add_sheets();
    close();
    let screen = SCREENS
        .into_iter()
        .find(|s| *s == screen)
        .ok_or_else(|| format!("no screen `{screen}`"))?;
    let context: Context = serde_json::from_str(context).map_err(|e| e.to_string())?;
    let plan = stackfit_core::codec::from_json(&context.plan)
        .map_err(|e| e.to_string())?
        .plan;
    let book = book_from_csv(&context.book).map_err(|e| format!("{e:?}"))?;
    let body = leptos::prelude::document()
        .body()
        .ok_or("the page has no body")?;
    let mount = leptos::mount::mount_to(body, move || {
        provide_context(RwSignal::new(context.lang));
        let planner = provide_planner(plan);
        planner.pick_option(&context.option);
        planner.book.set(book);
        if let Some(id) = context.selected_server {
            planner.selection.set(Selection::Server(id));
        }
        provide_copied_prices(planner, context.asked_tier);
        let Host {
            changed,
            picked,
            priced,
            opened,
            file,
            said,
            closed,
        } = host;
        echo_changes(move |change| {
            let _ = match change {
                Echo::Changed(plan) => changed.call1(
                    &JsValue::NULL,
                    &JsValue::from_str(&stackfit_core::codec::to_json(plan)),
                ),
                Echo::Picked(id) => picked.call1(&JsValue::NULL, &JsValue::from_str(id)),
                Echo::NewPlan(plan) => opened.call1(
                    &JsValue::NULL,
                    &JsValue::from_str(&stackfit_core::codec::to_json(plan)),
                ),
                Echo::File(f) => file.call1(&JsValue::NULL, f),
                Echo::Book(book) => {
                    priced.call1(&JsValue::NULL, &JsValue::from_str(&book_to_csv(book)))
                }
            };
        });
        let popovers = provide_popovers();
        popovers.open(screen);
        let announcer = provide_announcer();
        Effect::new(move |first: Option<()>| {
            let text = announcer.text();
            if first.is_some() {
                let _ = said.call1(&JsValue::NULL, &JsValue::from_str(&text));
            }
        });
        Effect::new(move |_| {
            if popovers.key().is_none() {
                let _ = closed.call0(&JsValue::NULL);
            }
        });
        match screen {
            compare::KEY => view! { <compare::CompareDialog /> }.into_any(),
            export::KEY => view! { <export::ExportScreen /> }.into_any(),
            prices::KEY => view! { <prices::PriceBookDialog /> }.into_any(),
            import::KEY => view! { <import::ImportScreen /> }.into_any(),
            share::KEY => view! { <share::ShareDialog /> }.into_any(),
            _ => view! { <layout_search::SearchDialog /> }.into_any(),
        }
    });
    OPEN.with(|o| *o.borrow_mut() = Some(Box::new(mount)));
    Ok(())
}

/// Unmounts the open dialog, if any.
pub fn close() {
    let mount = OPEN.with(|o| o.borrow_mut().take());
    drop(mount);
    echo_nothing();
}
