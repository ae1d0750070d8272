//! The share dialog: the plan's link with a copy button, its QR code, and
//! the plan as a file (download, or open one). A modal `<dialog>` that is
//! also the "share" popover, so Escape closes it and gives focus back to
//! the Share button. Sharing reads the plan and never changes it.

use leptos::html;
use leptos::prelude::*;
use stackfit_core::codec::{self, file::file_name};
use stackfit_core::cost;
use wasm_bindgen::JsCast;

use super::qr::QrCodeView;
use super::KEY;
use crate::browser::links::{self, Refusal, Written};
use crate::browser::{clipboard, files, focus, location};
use crate::i18n::Lang;
use crate::state::planner::{echo, Echo};
use crate::state::{use_lang, use_planner, use_popovers, Sharing};

/// What the status line under the buttons says.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    None,
    Copied,
    CopyBlocked,
    Downloaded(String),
    DownloadFailed,
}

fn status_text(status: &Status, lang: Lang) -> String {
    match (status, lang) {
        (Status::None, _) => String::new(),
        (Status::Copied, Lang::Zh) => "已复制链接。".into(),
        (Status::Copied, Lang::En) => "Link copied.".into(),
        (Status::CopyBlocked, Lang::Zh) => {
            "浏览器不允许复制；链接已选中，请按 Ctrl+C（Mac 上按 ⌘C）。".into()
        }
        (Status::CopyBlocked, Lang::En) => {
            "The browser did not allow copying; the link is selected — press Ctrl+C (⌘C on a Mac)."
                .into()
        }
        (Status::Downloaded(name), Lang::Zh) => format!("已下载“{name}”。"),
        (Status::Downloaded(name), Lang::En) => format!("Downloaded “{name}”."),
        (Status::DownloadFailed, Lang::Zh) => "浏览器未能下载这个文件。".into(),
        (Status::DownloadFailed, Lang::En) => "The browser could not download the file.".into(),
    }
}

/// The share dialog, shown while the "share" popover is open.
#[component]
pub fn ShareDialog() -> impl IntoView {
    let popovers = use_popovers();
    view! {
        <Show when=move || popovers.is_open(KEY)>
            <DialogBody />
        </Show>
    }
}

#[component]
fn DialogBody() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let popovers = use_popovers();
    // The page's; an extras screen's copy of the planner has none and hands
    // a picked file to the page instead.
    let sharing = use_context::<Sharing>();
    let dialog = NodeRef::<html::Dialog>::new();
    let link_box = NodeRef::<html::Textarea>::new();
    let picker = NodeRef::<html::Input>::new();
    let status = RwSignal::new(Status::None);

    // The whole link, recomputed only while the dialog is open.
    let page = location::page_url();
    // The user's quotes for the plan's tiers travel with it, as the sender's.
    let sent = move || {
        planner
            .book
            .with(|book| planner.with_plan(|p| cost::as_sent(p, book)))
    };
    // Written by the tools worker (which keeps the link codec out of the
    // first load): `None` until its answer arrives.
    let written = RwSignal::new(None::<Result<Written, Refusal>>);
    let address = page.clone();
    Effect::new(move |_| {
        // The link opens on the option on screen, as the sender sees it.
        let shown = planner.option_id.get_untracked();
        links::write(&sent(), Some(address.clone()), Some(shown), move |w| {
            let _ = written.try_set(Some(w));
        });
    });
    let link = Signal::derive(move || {
        written.with(|w| match w {
            Some(Ok(w)) => format!("{page}#{}", w.fragment),
            _ => String::new(),
        })
    });
    let chars = move || link.with(|l| l.chars().count());

    // However the dialog closes (Escape, Close, the backdrop, a file picked),
    // focus goes back to the Share button once the dialog has left the page
    // (while the modal dialog is open, the button cannot take focus).
    on_cleanup(|| focus::focus_selector_later(format!("[data-popover-trigger=\"{KEY}\"]")));
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });

    let copy = move |_| {
        let text = link.get_untracked();
        if text.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let copied = clipboard::copy_text(&text).await;
            if status.is_disposed() {
                // The dialog closed while the browser was deciding.
            } else if copied {
                status.set(Status::Copied);
            } else {
                if let Some(t) = link_box.get_untracked() {
                    let _ = t.focus();
                    t.select();
                }
                status.set(Status::CopyBlocked);
            }
        });
    };
    let download = move |_| {
        let plan = sent();
        let (name, text) = (file_name(&plan.name), codec::to_json(&plan));
        status.set(
            match files::download_text(&name, "application/json", &text) {
                Ok(()) => Status::Downloaded(name),
                Err(_) => Status::DownloadFailed,
            },
        );
    };
    let select_all = move |ev: leptos::ev::FocusEvent| {
        event_target::<web_sys::HtmlTextAreaElement>(&ev).select();
    };
    let pick = move |_| {
        if let Some(input) = picker.get_untracked() {
            input.click();
        }
    };
    let picked = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            popovers.dismiss();
            if !echo(Echo::File(&file)) {
                if let Some(sharing) = sharing {
                    sharing.open_picked(file);
                }
            }
        }
        input.set_value("");
    };

    view! {
        <dialog
            class="share-dialog"
            data-testid="share-dialog"
            data-popover=KEY
            aria-labelledby="share-title"
            node_ref=dialog
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                popovers.dismiss();
            }
            on:click=move |ev| {
                // A click on the backdrop lands on the dialog itself.
                let on_backdrop = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|t| t.class_list().contains("share-dialog"));
                if on_backdrop {
                    popovers.dismiss();
                }
            }
        >
            <div class="share-body">
                <header class="share-head">
                    <h2 id="share-title">{move || lang.get().pick("分享方案", "Share this plan")}</h2>
                    <button class="tool" data-testid="share-close" on:click=move |_| popovers.dismiss()>
                        {move || lang.get().pick("关闭", "Close")}
                    </button>
                </header>
                <div class="share-columns">
                    <div class="share-main">
                        <p class="hint share-intro">
                            {move || lang.get().pick(
                                "整个方案都在链接“#”之后的部分里，不会发送到任何服务器。对方打开后得到自己的一份副本（另存为新方案），你的方案不受影响。链接里没有密码：密码在导出时才生成。",
                                "The whole plan travels in the link, after the “#”: it is never sent to a server. Whoever opens it gets their own copy as a new saved plan; yours stays as it is. No passwords are in it: they are generated when you export.",
                            )}
                        </p>
                        <label class="field">
                            <span data-testid="share-link-length">
                                {move || written.with(|w| match (w, lang.get()) {
                                    (Some(Err(r)), Lang::Zh) => r.zh.clone(),
                                    (Some(Err(r)), Lang::En) => r.en.clone(),
                                    (None, l) => l.pick("链接（正在生成…）", "Link (being written…)").to_string(),
                                    (Some(Ok(_)), Lang::Zh) => format!("链接（{} 个字符）", chars()),
                                    (Some(Ok(_)), Lang::En) => format!("Link ({} characters)", chars()),
                                })}
                            </span>
                            <textarea
                                class="share-link"
                                data-testid="share-link"
                                readonly
                                rows="5"
                                spellcheck="false"
                                node_ref=link_box
                                on:focus=select_all
                                prop:value=move || link.get()
                            ></textarea>
                        </label>
                        <div class="share-actions">
                            <button class="tool primary" data-testid="share-copy" autofocus on:click=copy>
                                {move || lang.get().pick("复制链接", "Copy link")}
                            </button>
                        </div>
                        <p class="share-status" role="status" aria-live="polite" data-testid="share-status">
                            {move || status.with(|s| status_text(s, lang.get()))}
                        </p>
                        <h3>{move || lang.get().pick("方案文件", "Plan file")}</h3>
                        <div class="share-actions">
                            <button class="tool" data-testid="plan-download" on:click=download>
                                {move || lang.get().pick("下载方案文件", "Download plan file")}
                            </button>
                            <button class="tool" data-testid="plan-file-open" on:click=pick>
                                {move || lang.get().pick("打开方案文件…", "Open a plan file…")}
                            </button>
                            <input
                                type="file"
                                accept=".json,application/json"
                                hidden
                                data-testid="plan-file-input"
                                node_ref=picker
                                on:change=picked
                            />
                        </div>
                        <p class="hint">
                            {move || lang.get().pick(
                                "也可以把 .stackfit.json 文件拖到页面任意位置来打开。打开的方案会另存为新方案，不会覆盖已有方案。",
                                "You can also drop a .stackfit.json file anywhere on the page. An opened plan is saved as a new plan; no plan is overwritten.",
                            )}
                        </p>
                    </div>
                    <figure class="share-qr-box">
                        {move || written.with(|w| match w {
                            Some(Ok(w)) => Some(view! { <QrCodeView qr=w.qr.clone() chars=chars() /> }),
                            _ => None,
                        })}
                        <figcaption class="hint">
                            {move || lang.get().pick("用手机相机或微信扫码打开。", "Scan with a phone camera or WeChat to open it.")}
                        </figcaption>
                    </figure>
                </div>
            </div>
        </dialog>
    }
}
