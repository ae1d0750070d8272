//! Export: the button that opens the export dialog for the option on
//! screen, and the dialog (a tab per file, highlighted, copy, download, zip).
//! The files come from the tools worker (`browser::tools_worker`), started
//! on the first export, so the exporter is not part of the first load.

mod dialog;

use std::sync::Arc;

use leptos::prelude::*;
use stackfit_core::codec;
use stackfit_tools::protocol::{ExportedFile, Request, Response, UiLang};

use crate::browser::tools_worker;
use crate::i18n::Lang;
use crate::state::{use_lang, use_planner, use_popovers};
use crate::ui::dialog::OpenButton;
pub use dialog::ExportDialog;

/// An option's files as the worker wrote them, with their zip.
#[derive(Debug, PartialEq, Eq)]
pub struct Exported {
    pub files: Vec<ExportedFile>,
    pub zip: Vec<u8>,
    pub zip_name: String,
}

/// What the dialog shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportState {
    /// Waiting for the worker (it may be loading).
    Loading,
    Ready(Arc<Exported>),
    /// Why there are no files: (zh, en).
    Failed(String, String),
}

/// The test id of the button that opens the dialog (focus returns to it).
pub const OPEN_TESTID: &str = "export-open";

/// Asks the worker for `option`'s files and puts the answer in `state`.
fn request(state: RwSignal<ExportState>, plan_json: String, option: String, lang: Lang) {
    state.set(ExportState::Loading);
    let lang = match lang {
        Lang::Zh => UiLang::Zh,
        Lang::En => UiLang::En,
    };
    tools_worker::ask(
        Request::Export {
            plan: plan_json,
            option,
            lang,
        },
        move |answer| {
            let next = match answer {
                Ok(tools_worker::Answer {
                    response: Response::Export { files, zip_name },
                    attachment,
                }) => ExportState::Ready(Arc::new(Exported {
                    files,
                    zip: attachment.unwrap_or_default(),
                    zip_name,
                })),
                Ok(tools_worker::Answer {
                    response:
                        Response::Error {
                            message_en,
                            message_zh,
                        },
                    ..
                }) => ExportState::Failed(message_zh, message_en),
                Ok(_) => ExportState::Failed(
                    "导出工具返回了意外的应答。".into(),
                    "The export worker gave an unexpected answer.".into(),
                ),
                Err(detail) => ExportState::Failed(
                    format!("导出工具无法启动（{detail}）。请刷新页面后重试。"),
                    format!("The export worker could not start ({detail}). Reload the page and try again."),
                ),
            };
            state.set(next);
        },
    );
}

/// The popover key of the export dialog.
pub const KEY: &str = "export";

/// "Export files…": opens the dialog for the option on screen. On a phone
/// too (downloads work there; the planner is read-only).
#[component]
pub fn ExportButton() -> impl IntoView {
    view! { <OpenButton key=KEY class="tool export-open" testid=OPEN_TESTID label=("导出部署文件…", "Export files…") /> }
}

/// The export dialog while its popover is open (an extras screen).
#[component]
pub fn ExportScreen() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let popovers = use_popovers();
    let open = Signal::derive(move || popovers.is_open(KEY));
    let state = RwSignal::new(ExportState::Loading);
    // While open, the files follow the option on screen and the language
    // (DEPLOY.md and the comments are written in it). Each request makes
    // fresh secrets.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let option = planner.option_id.get();
        let lang = lang.get();
        let plan_json = planner.with_plan(codec::to_json);
        request(state, plan_json, option, lang);
    });
    let option_name = Signal::derive(move || {
        let id = planner.option_id.get();
        planner.with_plan(|p| p.option(&id).map(|o| o.name.clone()).unwrap_or_default())
    });
    let server_labels = Signal::derive(move || {
        planner.with_option(|o| {
            o.map(|o| {
                o.servers
                    .iter()
                    .map(|s| (s.id.clone(), s.label.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    // Closing gives focus back to the opener once the dialog is gone.
    let close = Callback::new(move |()| {
        popovers.close();
        crate::browser::focus::focus_testid_later(OPEN_TESTID);
    });
    view! {
        <Show when=move || open.get()>
            <ExportDialog state=state.read_only() option_name server_labels on_close=close />
        </Show>
    }
}
