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
use std::rc::Rc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use stackfit_core::model::price::{book_from_csv, book_to_csv};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
                // A dialog's edits are each a step of the page's history.
                Echo::Changed(plan) | Echo::Live { plan, .. } => changed.call1(
                    &JsValue::NULL,
                    &JsValue::from_str(&stackfit_core::codec::to_json(plan)),
                ),
                // A dialog shows its own refusals.
                Echo::Sealed | Echo::Refused(_) => Ok(JsValue::UNDEFINED),
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

/// The plan JSON share-link `fragment` carries, unpacked with the link
/// decoder the report page needs anyway (the page restores it, as it
/// restores a file): `[json]`, or why not, `[en, zh]`. The page reads
/// links through here, so its own wasm speaks nothing of the tools
/// worker.
pub fn read_link(fragment: &str) -> Vec<String> {
    match stackfit_core::codec::link::json_from_fragment(fragment) {
        Ok(json) => vec![json],
        Err(e) => vec![e.message_en(), e.message_zh()],
    }
}

/// Writes the share-link fragment of `plan` (JSON) through the tools
/// worker and calls `done` with `[fragment]`, or why not, `[en, zh]`.
pub fn write_link(plan: String, done: js_sys::Function) {
    crate::browser::links::write_json(plan, None, None, move |w| {
        reply(
            &done,
            match w {
                Ok(w) => vec![w.fragment],
                Err(why) => vec![why.en, why.zh],
            },
        )
    });
}

/// Reads `file` as a plan file, as `codec::file::read_plan_file` does,
/// and calls `done` with `[text]` for the page to restore, or why it is
/// not one, `[en, zh]`. A file larger than any plan is refused unread.
pub fn read_file(file: web_sys::File, done: js_sys::Function) {
    use stackfit_core::codec::file::{plan_file_text, FileError, MAX_FILE_BYTES};
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        let e = FileError::TooLarge(size);
        return reply(&done, vec![e.message_en(), e.message_zh()]);
    }
    wasm_bindgen_futures::spawn_local(async move {
        let parts = match crate::browser::files::read_bytes(&file).await {
            Ok(bytes) => match plan_file_text(&bytes) {
                Ok(text) => vec![text.to_string()],
                Err(e) => vec![e.message_en(), e.message_zh()],
            },
            Err(why) => vec![
                format!("The browser could not read the file ({why})."),
                format!("浏览器无法读取这个文件（{why}）。"),
            ],
        };
        reply(&done, parts);
    });
}

/// Answers the page: calls `done` with `parts` as an array of strings.
fn reply(done: &js_sys::Function, parts: Vec<String>) {
    let parts: js_sys::Array = parts.into_iter().map(JsValue::from).collect();
    let _ = done.call1(&JsValue::NULL, &parts);
}

/// Unmounts the open dialog, if any.
pub fn close() {
    let mount = OPEN.with(|o| o.borrow_mut().take());
    drop(mount);
    echo_nothing();
}

/// What the page hands the inspector, first and after every change.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Inspected {
    /// The plan, as `codec::to_json` writes it.
    pub plan: String,
    /// The option on screen.
    pub option: String,
    pub lang: Lang,
    /// The user's price book, as `book_to_csv` writes it.
    pub book: String,
    pub selection: Selection,
}

/// The page's side of the inspector: functions the inspector calls.
pub struct InspectorHost {
    /// `changed(plan_json)`: the plan after an action the engine accepted.
    pub changed: js_sys::Function,
    /// `live(plan_json, key)`: the plan after one of a run of edits to `key`.
    pub live: js_sys::Function,
    /// `sealed()`: the run of live edits ended.
    pub sealed: js_sys::Function,
    /// `picked(option_id)`: another option shown.
    pub picked: js_sys::Function,
    /// `selected(selection_json)`: the inspector changed the selection.
    pub selected: js_sys::Function,
    /// `refused(zh, en)`: why an action was refused.
    pub refused: js_sys::Function,
}

impl InspectorHost {
    /// Reads the functions from the object the page passed.
    pub fn from_js(host: &JsValue) -> Result<InspectorHost, String> {
        let get = |name: &str| {
            function_of(host, name).ok_or_else(|| format!("the page passed no `{name}`"))
        };
        Ok(InspectorHost {
            changed: get("changed")?,
            live: get("live")?,
            sealed: get("sealed")?,
            picked: get("picked")?,
            selected: get("selected")?,
            refused: get("refused")?,
        })
    }
}

/// The inspector's copy of the planner and its language, while mounted.
struct Inspecting {
    planner: crate::state::Planner,
    lang: RwSignal<Lang>,
    /// The price book as last handed over (CSV), to set it only on a change.
    book: String,
    /// The selection as last handed over: the page's own, not echoed back.
    mirrored: Rc<RefCell<Selection>>,
    _mount: Box<dyn Any>,
}

thread_local! {
    static INSPECTOR: RefCell<Option<Inspecting>> = const { RefCell::new(None) };
}

/// Reads what the page handed over.
fn inspected(context: &str) -> Result<(Inspected, stackfit_core::model::Plan), String> {
    let context: Inspected = serde_json::from_str(context).map_err(|e| e.to_string())?;
    let plan = stackfit_core::codec::from_json(&context.plan)
        .map_err(|e| e.to_string())?
        .plan;
    Ok((context, plan))
}

/// Mounts the inspector of the page's selection in `element`, on a copy of
/// the page's planner that follows [`inspect_sync`] and passes every
/// change back to `host`. Once: a second call only syncs.
pub fn inspect(element: JsValue, context: &str, host: InspectorHost) -> Result<(), String> {
    console_error_panic_hook::set_once();
    if INSPECTOR.with(|i| i.borrow().is_some()) {
        return inspect_sync(context);
    }
    let element: web_sys::HtmlElement = element
        .dyn_into()
        .map_err(|_| "the inspector's place is not an element".to_string())?;
    let (context, plan) = inspected(context)?;
    let book = book_from_csv(&context.book).map_err(|e| format!("{e:?}"))?;
    let book_csv = context.book.clone();
    let handles = Rc::new(RefCell::new(None));
    let made = handles.clone();
    let mirrored = Rc::new(RefCell::new(context.selection.clone()));
    let last = mirrored.clone();
    let InspectorHost {
        changed,
        live,
        sealed,
        picked,
        selected,
        refused,
    } = host;
    let mount = leptos::mount::mount_to(element, move || {
        let lang = RwSignal::new(context.lang);
        provide_context(lang);
        let planner = provide_planner(plan);
        planner.book.set(book);
        planner.mirror(
            planner.with_plan(Clone::clone),
            &context.option,
            context.selection,
        );
        planner.echo_to(move |change| {
            let json = |plan| JsValue::from_str(&stackfit_core::codec::to_json(plan));
            let _ = match change {
                Echo::Changed(plan) => changed.call1(&JsValue::NULL, &json(plan)),
                Echo::Live { plan, key } => {
                    live.call2(&JsValue::NULL, &json(plan), &JsValue::from_str(key))
                }
                Echo::Sealed => sealed.call0(&JsValue::NULL),
                Echo::Picked(id) => picked.call1(&JsValue::NULL, &JsValue::from_str(id)),
                Echo::Refused(e) => refused.call2(
                    &JsValue::NULL,
                    &JsValue::from_str(&crate::ui::notice::refusal_text(e, Lang::Zh)),
                    &JsValue::from_str(&crate::ui::notice::refusal_text(e, Lang::En)),
                ),
                // The inspector opens no plan and prices nothing.
                Echo::NewPlan(_) | Echo::File(_) | Echo::Book(_) => Ok(JsValue::UNDEFINED),
            };
        });
        // A selection the inspector changed (a placement removed, a server
        // gone) is the page's too; one the page handed over is not echoed.
        Effect::new(move |first: Option<()>| {
            let now = planner.selection.get();
            if first.is_some() && *last.borrow() != now {
                let json = serde_json::to_string(&now).unwrap_or_default();
                let _ = selected.call1(&JsValue::NULL, &JsValue::from_str(&json));
            }
        });
        *made.borrow_mut() = Some((planner, lang));
        view! { <crate::ui::inspector::selected::SelectedInspector /> }
    });
    let (planner, lang) = handles
        .borrow_mut()
        .take()
        .ok_or("the inspector did not start")?;
    INSPECTOR.with(|i| {
        *i.borrow_mut() = Some(Inspecting {
            planner,
            lang,
            book: book_csv,
            mirrored,
            _mount: Box::new(mount),
        })
    });
    Ok(())
}

/// Makes the inspector's copy follow the page: its plan, option on screen,
/// selection, language and price book, each set only when it changed.
pub fn inspect_sync(context: &str) -> Result<(), String> {
    let (context, plan) = inspected(context)?;
    INSPECTOR.with(|i| {
        let mut i = i.borrow_mut();
        let i = i.as_mut().ok_or("the inspector is not mounted")?;
        // The plan and the selection first: a price book that cannot be
        // read must not leave the inspector showing an older plan.
        if i.lang.get_untracked() != context.lang {
            i.lang.set(context.lang);
        }
        *i.mirrored.borrow_mut() = context.selection.clone();
        i.planner.mirror(plan, &context.option, context.selection);
        if i.book != context.book {
            let book = book_from_csv(&context.book).map_err(|e| format!("{e:?}"))?;
            i.planner.book.set(book);
            i.book = context.book;
        }
        Ok(())
    })
}
