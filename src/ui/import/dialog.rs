//! The import dialog: the inputs on the left (`inputs`), the worker's
//! preview on the right, and the confirm choices under it. A modal
//! `<dialog>`; Escape or Close closes it and the opener gets focus back.
//! Files can be dropped anywhere on it.

use leptos::html;
use leptos::prelude::*;

use super::inputs::Inputs;
use super::{Draft, Preview, Target};
use crate::state::use_lang;

/// The import dialog. Mounted while open; it opens itself as a modal.
#[component]
pub fn ImportDialog(
    /// The pasted and dropped files.
    draft: RwSignal<Draft>,
    /// The worker's last answer.
    preview: ReadSignal<Preview>,
    /// A request is on its way (typing, or the worker starting).
    busy: ReadSignal<bool>,
    /// Where a confirmed import goes.
    target: RwSignal<Target>,
    /// Why the last confirm was refused: (zh, en).
    refusal: ReadSignal<Option<(String, String)>>,
    /// The option on screen's name (what "merge" merges into).
    #[prop(into)]
    option_name: Signal<String>,
    on_confirm: Callback<()>,
    /// Closes the dialog (the caller gives focus back to the opener).
    on_close: Callback<()>,
) -> impl IntoView {
    // Modal: the language cannot change while it is open.
    let lang = use_lang().get_untracked();
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        on_close.run(());
    };
    // What stops a confirm, in words (None: it can go ahead).
    let blocked = move || match preview.get() {
        Preview::Empty => Some(
            lang.pick(
                "先粘贴或拖入一个 compose 文件。",
                "Paste or drop a compose file first.",
            )
            .to_string(),
        ),
        Preview::Failed(zh, en) => Some(lang.pick(&zh, &en).to_string()),
        Preview::Ready { errors, .. } if errors > 0 => Some(match lang {
            crate::i18n::Lang::Zh => format!("有 {errors} 个错误，改正后才能导入。"),
            crate::i18n::Lang::En => format!("{errors} error(s) above: fix them to import."),
        }),
        Preview::Ready { plan: None, .. } => Some(
            lang.pick("没有可导入的内容。", "Nothing to import.")
                .to_string(),
        ),
        Preview::Ready { .. } => None,
    };
    let status = move || {
        if busy.get() {
            lang.pick("正在读取…", "Reading…")
        } else {
            match preview.get() {
                Preview::Empty => lang.pick(
                    "粘贴或拖入文件后，这里列出识别到的服务和它们能否放下。",
                    "Paste or drop files: what was recognised and whether it fits shows here.",
                ),
                Preview::Ready { errors: 0, .. } => {
                    lang.pick("预览已更新。", "Preview up to date.")
                }
                Preview::Ready { .. } => {
                    lang.pick("有错误，见下方。", "There are errors, listed below.")
                }
                Preview::Failed(..) => lang.pick("无法读取。", "Could not be read."),
            }
        }
    };
    let choice =
        move |t: Target, testid: &'static str, class: &'static str, words: Signal<String>| {
            view! {
                <label class=format!("import-choice {class}")>
                    <input
                        type="radio"
                        name="import-target"
                        data-testid=testid
                        prop:checked=move || target.get() == t
                        on:change=move |_| target.set(t)
                    />
                    <span>{move || words.get()}</span>
                </label>
            }
        };
    let merge_words = Signal::derive(move || match lang {
        crate::i18n::Lang::Zh => format!("合并到当前选项“{}”（加一台服务器）", option_name.get()),
        crate::i18n::Lang::En => format!(
            "Merge into this option, “{}” (one more server)",
            option_name.get()
        ),
    });
    view! {
        <dialog
            node_ref=dialog
            class="export-dialog import-dialog"
            data-testid="import-dialog"
            data-popover=super::KEY
            aria-labelledby="import-title"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    ev.stop_propagation();
                    close();
                }
            }
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                close();
            }
            // Files dropped on the dialog but outside the inputs are not
            // plan files for the page's own drop target either.
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                ev.stop_propagation();
            }
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                ev.stop_propagation();
            }
        >
            <header class="export-head">
                <h2 id="import-title">{lang.pick("导入 compose 文件", "Import compose files")}</h2>
                <button class="tool" data-testid="import-close" on:click=move |_| close()>
                    {lang.pick("关闭", "Close")}
                </button>
            </header>
            <p class="export-note">
                {lang.pick(
                    "粘贴 docker-compose 文件、.env 和 docker stats --no-stream 的输出，或把文件拖进来。确认之前，当前方案不会有任何改动。",
                    "Paste your docker-compose files, .env and the output of docker stats --no-stream, or drop the files here. Nothing changes until you confirm.",
                )}
            </p>
            <div class="import-body">
                <Inputs draft />
                <div class="import-side">
                    <p
                        class="import-status"
                        role="status"
                        data-testid="import-status"
                        data-busy=move || busy.get().to_string()
                    >
                        {status}
                    </p>
                    <div
                        class="import-preview"
                        data-testid="import-preview"
                        role="region"
                        tabindex="0"
                        aria-label=lang.pick("导入预览", "Import preview")
                        inner_html=move || match preview.get() {
                            Preview::Ready { html, .. } => html,
                            _ => String::new(),
                        }
                    ></div>
                    <fieldset class="import-confirm">
                        <legend>{lang.pick("导入为", "Import as")}</legend>
                        {choice(
                            Target::NewPlan,
                            "import-as-plan",
                            "",
                            Signal::stored(lang.pick("新方案（当前方案保持不变）", "A new plan (this one stays as it is)").to_string()),
                        )}
                        {choice(
                            Target::NewOption,
                            "import-as-option",
                            "edit-only",
                            Signal::stored(lang.pick("当前方案的新选项", "A new option of this plan").to_string()),
                        )}
                        {choice(Target::Merge, "import-as-merge", "edit-only", merge_words)}
                    </fieldset>
                    {move || {
                        let why = refusal
                            .get()
                            .map(|(zh, en)| lang.pick(&zh, &en).to_string())
                            .or_else(blocked);
                        why.map(|w| view! {
                            <p class="import-blocked field-error" data-testid="import-blocked">{w}</p>
                        })
                    }}
                    <button
                        class="tool primary import-confirm-button"
                        data-testid="import-confirm"
                        disabled=move || busy.get() || blocked().is_some()
                        on:click=move |_| on_confirm.run(())
                    >
                        {lang.pick("导入", "Import")}
                    </button>
                </div>
            </div>
        </dialog>
    }
}
