//! Import: the header's "Import…" button and its dialog. Compose files, a
//! `.env` and a `docker stats` capture are pasted, chosen or dropped; the
//! tools worker (`browser::tools_worker`) imports them as the user types and
//! answers with a preview (written there as HTML, so neither the importer
//! nor the preview's code is in the first load). Nothing changes until the
//! user confirms: a new saved plan, a new option of the plan on screen, or
//! the imported server merged into the option on screen — each one undo
//! step (`edit::adopt`).

mod dialog;
mod draft;
mod inputs;

use std::cell::RefCell;

use leptos::prelude::*;
use stackfit_core::edit::adopt;
use stackfit_core::model::Action;
use stackfit_core::{codec, import::DEFAULT_TIER};
use stackfit_tools::protocol::{InputText, Request, Response, UiLang};

use crate::browser::tools_worker;
use crate::i18n::Lang;
use crate::state::library::Library;
use crate::state::planner::{echo, Echo};
use crate::state::{use_announcer, use_lang, use_planner, use_popovers, Planner};
use crate::ui::dialog::OpenButton;
use dialog::ImportDialog;
pub use draft::{slot_of, Draft, Slot};

/// The test id of the button that opens the dialog (focus returns to it).
pub const OPEN_TESTID: &str = "import-open";

/// The popover key of the import dialog.
pub const KEY: &str = "import";

/// How long typing must pause before the files are imported again.
const SETTLE_MS: u64 = 350;

/// The worker's last answer for the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Preview {
    /// Nothing pasted yet.
    Empty,
    Ready {
        html: String,
        /// The plan to adopt; `None` while there are errors.
        plan: Option<String>,
        errors: u32,
        project: Option<String>,
    },
    /// The worker could not answer: (zh, en).
    Failed(String, String),
}

/// Where the import goes when confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A new saved plan; the plan on screen stays as it is.
    NewPlan,
    /// A new option of the plan on screen.
    NewOption,
    /// The imported server added to the option on screen.
    Merge,
}

fn text(name: &str, text: &str) -> InputText {
    InputText {
        name: name.to_string(),
        text: text.to_string(),
    }
}

/// The worker's request for `draft`.
fn request_of(draft: &Draft, lang: Lang) -> Request {
    Request::Import {
        files: draft.compose.iter().map(|(n, t)| text(n, t)).collect(),
        env: Some(text(&draft.env_name, &draft.env)),
        stats: Some(text(&draft.stats_name, &draft.stats)),
        profiles: draft.profiles.clone(),
        tier: draft.tier.clone(),
        lang: match lang {
            Lang::Zh => UiLang::Zh,
            Lang::En => UiLang::En,
        },
    }
}

/// Adopts the imported plan as `target`. Returns what to announce, or why
/// it was refused: (zh, en).
fn adopt_import(
    target: Target,
    plan_json: &str,
    project: Option<&str>,
    lang: Lang,
    planner: Planner,
    library: Option<Library>,
) -> Result<String, (String, String)> {
    let mut imported = codec::from_json(plan_json)
        .map_err(|e| (e.describe(true), e.describe(false)))?
        .plan;
    let name = stackfit_core::import::import_name(project, lang.into());
    let Some(option) = imported.options.first_mut() else {
        return Err((
            "导入的方案是空的。".into(),
            "The import has no option.".into(),
        ));
    };
    option.name = name.clone();
    let option = option.clone();
    let refused = |e: stackfit_core::edit::ActionError| (e.message_zh(), e.message_en());
    match target {
        Target::NewPlan => {
            imported.name = name.clone();
            if !echo(Echo::NewPlan(&imported)) {
                if let Some(library) = library {
                    library.open_new(&planner, imported);
                }
            }
            Ok(match lang {
                Lang::Zh => format!("已导入为新方案“{name}”。"),
                Lang::En => format!("Imported as a new plan, “{name}”."),
            })
        }
        Target::NewOption => {
            let action = planner.with_plan(|p| adopt::as_option(p, &option, &name));
            let Action::AddOption { option: added } = &action else {
                unreachable!("as_option adds an option")
            };
            let id = added.id.clone();
            planner.try_dispatch(action).map_err(refused)?;
            planner.pick_option(&id);
            Ok(match lang {
                Lang::Zh => format!("已导入为新选项“{name}”，可撤销。"),
                Lang::En => format!("Imported as a new option, “{name}”; undo takes it back."),
            })
        }
        Target::Merge => {
            let on_screen = planner.option_id.get_untracked();
            let action = planner
                .with_plan(|p| adopt::merge_into(p, &on_screen, &option))
                .map_err(refused)?;
            planner.try_dispatch(action).map_err(refused)?;
            Ok(match lang {
                Lang::Zh => "已把导入的服务器合并到当前选项，可撤销。".to_string(),
                Lang::En => {
                    "Merged the imported server into this option; undo takes it back.".to_string()
                }
            })
        }
    }
}

/// "Import…": opens the import dialog.
#[component]
pub fn ImportButton() -> impl IntoView {
    view! { <OpenButton key=KEY class="tool" testid=OPEN_TESTID label=("导入…", "Import…") /> }
}

thread_local! {
    /// What was pasted and where it was to go, kept while the page is open.
    static KEPT: RefCell<Option<(Draft, Target)>> = const { RefCell::new(None) };
}

/// The import dialog while its popover is open (an extras screen). The
/// worker starts on the first text pasted or file dropped, not before.
#[component]
pub fn ImportScreen() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    // The page's library; an extras screen's copy of the planner has none
    // and hands a new plan to the page instead.
    let library = use_context::<Library>();
    let announcer = use_announcer();
    let popovers = use_popovers();
    let open = Signal::derive(move || popovers.is_open(KEY));
    // What was pasted stays while the page is open, so a closed dialog can
    // be opened again to fix one line.
    let (kept_draft, kept_target) = KEPT
        .with(|k| k.borrow_mut().take())
        .unwrap_or_else(|| (Draft::new(DEFAULT_TIER), Target::NewPlan));
    let draft = RwSignal::new(kept_draft);
    let preview = RwSignal::new(Preview::Empty);
    let busy = RwSignal::new(false);
    let target = RwSignal::new(kept_target);
    on_cleanup(move || {
        if let (Some(d), Some(t)) = (draft.try_get_untracked(), target.try_get_untracked()) {
            KEPT.with(|k| *k.borrow_mut() = Some((d, t)));
        }
    });
    let refusal = RwSignal::new(None::<(String, String)>);
    // Each request has a number; an answer to an older one is dropped.
    let latest = StoredValue::new(0u32);
    let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    // A request still waiting for the typing to pause is not sent once the
    // dialog closes.
    let unsend = move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    };
    on_cleanup(unsend);
    Effect::new(move |_| {
        if !open.get() {
            unsend();
            return;
        }
        let d = draft.get();
        let lang = lang.get();
        unsend();
        refusal.set(None);
        if d.is_blank() {
            busy.set(false);
            preview.set(Preview::Empty);
            return;
        }
        busy.set(true);
        let n = latest.get_value().wrapping_add(1);
        latest.set_value(n);
        let send = move || {
            tools_worker::ask(request_of(&d, lang), move |answer| {
                // An answer to an older request, or one that arrives after
                // the dialog closed (its state gone), is dropped.
                if latest.try_get_value() != Some(n) {
                    return;
                }
                busy.set(false);
                preview.set(match answer {
                    Ok(tools_worker::Answer {
                        response:
                            Response::Import {
                                html,
                                plan,
                                errors,
                                project,
                            },
                        ..
                    }) => Preview::Ready {
                        html,
                        plan,
                        errors,
                        project,
                    },
                    Ok(tools_worker::Answer {
                        response: Response::Error { message_en, message_zh },
                        ..
                    }) => Preview::Failed(message_zh, message_en),
                    Ok(_) => Preview::Failed(
                        "导入工具返回了意外的应答。".into(),
                        "The import worker gave an unexpected answer.".into(),
                    ),
                    Err(detail) => Preview::Failed(
                        format!("导入工具无法启动（{detail}）。请刷新页面后重试。"),
                        format!("The import worker could not start ({detail}). Reload the page and try again."),
                    ),
                });
            });
        };
        pending.set_value(
            set_timeout_with_handle(send, std::time::Duration::from_millis(SETTLE_MS)).ok(),
        );
    });
    // Closing gives focus back to the opener once the dialog is gone.
    let close = Callback::new(move |()| {
        popovers.close();
        crate::browser::focus::focus_testid_later(OPEN_TESTID);
    });
    let confirm = Callback::new(move |()| {
        let Preview::Ready {
            plan: Some(plan),
            project,
            errors: 0,
            ..
        } = preview.get_untracked()
        else {
            return;
        };
        let lang = lang.get_untracked();
        match adopt_import(
            target.get_untracked(),
            &plan,
            project.as_deref(),
            lang,
            planner,
            library,
        ) {
            Ok(said) => {
                announcer.say(said);
                close.run(());
            }
            Err(why) => refusal.set(Some(why)),
        }
    });
    let option_name = Signal::derive(move || {
        planner.with_option(|o| o.map(|o| o.name.clone()).unwrap_or_default())
    });
    view! {
        <Show when=move || open.get()>
            <ImportDialog
                draft
                preview=preview.read_only()
                busy=busy.read_only()
                target
                refusal=refusal.read_only()
                option_name
                on_confirm=confirm
                on_close=close
            />
        </Show>
    }
}
