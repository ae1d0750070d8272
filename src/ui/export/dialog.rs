//! The export dialog: a modal `<dialog>` with a tab per file (a proper
//! tablist: arrow keys, Home and End move and select), the selected file
//! highlighted, a copy button (announced in the live region), a download
//! with the file's exact name, and one zip of every file. Escape or the close
//! button closes it; the opener gets focus back.

use leptos::html;
use leptos::prelude::*;
use stackfit_tools::protocol::{ExportedFile, FileKind};

use super::ExportState;
use crate::browser::{clipboard, files};
use crate::i18n::Lang;
use crate::state::{use_announcer, use_lang};

/// What a file is, in words, for its tab: (zh, en).
fn describe(f: &ExportedFile, server: Option<&str>) -> (String, String) {
    let (zh, en) = match f.kind {
        FileKind::Compose => ("Compose 文件", "Compose file"),
        FileKind::Env => ("环境变量（.env）", "Variables (.env)"),
        FileKind::PostgresConf => ("PostgreSQL 配置", "PostgreSQL settings"),
        FileKind::Sql => ("ALTER SYSTEM 语句", "ALTER SYSTEM lines"),
        FileKind::Kubernetes => ("Kubernetes 清单", "Kubernetes manifests"),
        FileKind::Swarm => ("Swarm 栈文件", "Swarm stack"),
        FileKind::Markdown => ("部署说明", "How to deploy"),
    };
    match server {
        Some(s) => (format!("{zh} · {s}"), format!("{en} · {s}")),
        None => (zh.to_string(), en.to_string()),
    }
}

/// The DOM id of tab `i` (its panel is labelled by it).
fn tab_id(i: usize) -> String {
    format!("export-tab-{i}")
}

/// The export dialog. Mounted while open; it opens itself as a modal.
#[component]
pub fn ExportDialog(
    /// The files, or why there are none yet.
    state: ReadSignal<ExportState>,
    /// The option's name, for the heading.
    #[prop(into)]
    option_name: Signal<String>,
    /// (server id, label) of the option's servers, to name each server's files.
    #[prop(into)]
    server_labels: Signal<Vec<(String, String)>>,
    /// Closes the dialog (the caller gives focus back to the opener).
    on_close: Callback<()>,
) -> impl IntoView {
    // The dialog is modal: the language cannot change while it is open, so
    // its words are fixed when it opens (no reactive text to carry).
    let lang = use_lang().get_untracked();
    let announcer = use_announcer();
    let dialog = NodeRef::<html::Dialog>::new();
    let selected = RwSignal::new(0usize);
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let files = Memo::new(move |_| match state.get() {
        ExportState::Ready(e) => Some(e),
        _ => None,
    });
    // A new set of files keeps the selected tab when it still exists.
    Effect::new(move |_| {
        let n = files.with(|f| f.as_ref().map_or(0, |e| e.files.len()));
        if selected.get_untracked() >= n {
            selected.set(0);
        }
    });
    // When the files first arrive, the selected tab takes the focus (the
    // dialog opened with it on Close, the only control ready then).
    let focused_once = StoredValue::new(false);
    Effect::new(move |_| {
        if files.with(Option::is_some) && !focused_once.get_value() {
            focused_once.set_value(true);
            crate::browser::focus::focus_selector_later(format!(
                "#{}",
                tab_id(selected.get_untracked())
            ));
        }
    });
    let file = move || {
        files.with(|f| {
            f.as_ref()
                .and_then(|e| e.files.get(selected.get()).cloned())
        })
    };
    let label_of = move |server: &Option<String>| {
        server.as_ref().map(|id| {
            server_labels.with(|l| {
                l.iter()
                    .find(|(sid, _)| sid == id)
                    .map_or(id.clone(), |(_, label)| label.clone())
            })
        })
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        on_close.run(());
    };
    // Arrow keys, Home and End move along the tabs and select (the tab
    // list is one Tab stop; the selected tab holds it).
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = files.with_untracked(|f| f.as_ref().map_or(0, |e| e.files.len()));
        if n == 0 {
            return;
        }
        let at = selected.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1) % n,
            "ArrowLeft" | "ArrowUp" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        selected.set(next);
        // The tabs stay in the DOM (only their attributes follow), so the
        // next one can take the focus at once.
        crate::browser::focus::focus_selector(&format!("#{}", tab_id(next)));
    };
    let copy = move |_| {
        let Some(f) = file() else { return };
        let text = f.text.clone();
        leptos::task::spawn_local(async move {
            let ok = clipboard::copy_text(&text).await;
            announcer.say(match (ok, lang) {
                (true, Lang::Zh) => format!("已复制 {} 到剪贴板。", f.name),
                (true, Lang::En) => format!("Copied {} to the clipboard.", f.name),
                (false, Lang::Zh) => format!("浏览器不允许复制 {}，请下载这个文件。", f.name),
                (false, Lang::En) => {
                    format!(
                        "The browser did not allow copying {}; download it instead.",
                        f.name
                    )
                }
            });
        });
    };
    let download_one = move |_| {
        if let Some(f) = file() {
            let _ = files::download_text(&f.name, "text/plain;charset=utf-8", &f.text);
        }
    };
    let download_zip = move |_| {
        if let Some(e) = files.get_untracked() {
            let _ = files::download_bytes(&e.zip_name, "application/zip", &e.zip);
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="export-dialog"
            data-testid="export-dialog"
            data-popover=super::KEY
            aria-labelledby="export-title"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    // The dialog closes itself here, so the window's Escape
                    // (which clears the selection) does not also run.
                    ev.prevent_default();
                    ev.stop_propagation();
                    close();
                }
            }
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                close();
            }
        >
            <header class="export-head">
                <h2 id="export-title">
                    {lang.pick("导出部署文件", "Export files")}
                    <small>{move || option_name.get()}</small>
                </h2>
                <button
                    class="tool primary"
                    data-testid="export-zip"
                    disabled=move || files.with(Option::is_none)
                    on:click=download_zip
                >
                    {lang.pick("全部下载（zip）", "Download all (zip)")}
                </button>
                <button
                    class="tool"
                    data-testid="export-close"
                    on:click=move |_| close()
                >
                    {lang.pick("关闭", "Close")}
                </button>
            </header>
            <p class="export-note">
                {lang.pick(
                    "密码等机密由你的浏览器随机生成，只写进这些文件，不会存进方案或分享链接；每次打开都会重新生成。按 DEPLOY.md 的顺序把文件放到各台服务器上。",
                    "Passwords and other secrets are generated at random by your browser, written only into these files, never into the plan or a share link; they are new each time you open this. DEPLOY.md says which file goes to which server, in order.",
                )}
            </p>
            {move || match state.get() {
                ExportState::Loading => view! {
                    <p class="export-status" data-testid="export-loading" role="status">
                        {lang.pick("正在生成文件…", "Writing the files…")}
                    </p>
                }
                .into_any(),
                ExportState::Failed(zh, en) => view! {
                    <p class="export-status field-error" data-testid="export-error" role="alert">
                        {lang.pick(&zh, &en).to_string()}
                    </p>
                }
                .into_any(),
                ExportState::Ready(_) => view! {
                    <div class="export-body">
                        <div
                            class="export-tabs"
                            role="tablist"
                            aria-orientation="vertical"
                            aria-label=lang.pick("导出的文件", "Exported files")
                            data-testid="export-tabs"
                            on:keydown=on_tab_key
                        >
                            {move || {
                                files
                                    .get()
                                    .map(|e| {
                                        e.files
                                            .iter()
                                            .enumerate()
                                            .map(|(i, f)| {
                                                let active = move || selected.get() == i;
                                                let (zh, en) = describe(f, label_of(&f.server).as_deref());
                                                view! {
                                                    <button
                                                        role="tab"
                                                        id=tab_id(i)
                                                        class="export-tab"
                                                        data-testid=format!("export-tab-{}", f.name)
                                                        aria-selected=move || active().to_string()
                                                        aria-controls="export-panel"
                                                        tabindex=move || if active() { "0" } else { "-1" }
                                                        on:click=move |_| selected.set(i)
                                                    >
                                                        <code class="export-tab-name">{f.name.clone()}</code>
                                                        <span class="export-tab-what">{lang.pick(&zh, &en).to_string()}</span>
                                                    </button>
                                                }
                                            })
                                            .collect_view()
                                    })
                            }}
                        </div>
                        <div
                            class="export-panel"
                            role="tabpanel"
                            id="export-panel"
                            aria-labelledby=move || tab_id(selected.get())
                            data-testid="export-panel"
                        >
                            {move || file().map(|f| {
                                let name = f.name.clone();
                                view! {
                                    <div class="export-file-tools">
                                        <code class="export-file-name" data-testid="export-file-name">{name.clone()}</code>
                                        <button class="tool" data-testid="export-copy" on:click=copy>
                                            {lang.pick("复制", "Copy")}
                                        </button>
                                        <button class="tool" data-testid="export-download" on:click=download_one>
                                            {lang.pick("下载此文件", "Download this file")}
                                        </button>
                                    </div>
                                    {name.starts_with('.').then(|| {
                                        let saved = name.trim_start_matches('.').to_string();
                                        let text = match lang {
                                            Lang::Zh => format!("浏览器保存以点开头的文件时会去掉开头的点（保存为 {saved}）：放到服务器上时请改回 {name}，或用 zip 里的文件，它保留原名。"),
                                            Lang::En => format!("Browsers drop the leading dot when they save a file (you get {saved}): rename it to {name} on the server, or take it from the zip, which keeps the name."),
                                        };
                                        view! { <p class="export-dot-note" data-testid="export-dot-note">{text}</p> }
                                    })}
                                    <pre
                                        class="export-text"
                                        tabindex="0"
                                        data-testid="export-text"
                                        aria-label=name
                                    >
                                        <code inner_html=f.html.clone()></code>
                                    </pre>
                                }
                            })}
                        </div>
                    </div>
                }
                .into_any(),
            }}
        </dialog>
    }
}
