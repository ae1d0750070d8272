//! A bar under the header for what the user must know: storage problems, a
//! saved plan that could not be read or had to be repaired, a refused change.

use leptos::prelude::*;

use stackfit_core::edit::ActionError;

use crate::browser::extras::retry_advice;
use crate::i18n::{keep_units, Lang};
use crate::state::{use_lang, use_library, use_planner, Notice};

fn notice_text(notice: &Notice, lang: Lang) -> String {
    match (notice, lang) {
        (Notice::Unavailable(why), Lang::Zh) => {
            format!("无法保存到浏览器存储（{why}）。可以继续编辑，但关闭页面后改动会丢失。")
        }
        (Notice::Unavailable(why), Lang::En) => {
            format!("Can't save to browser storage ({why}). You can keep working, but changes will be lost when you close the page.")
        }
        (Notice::Unreadable { name, reason }, Lang::Zh) => {
            format!("已保存的方案“{name}”无法读取：{reason}。它原样保留，没有被覆盖。")
        }
        (Notice::Unreadable { name, reason }, Lang::En) => {
            format!("The saved plan “{name}” could not be read: {reason}. It was left as it is, not overwritten.")
        }
        (Notice::Repaired { name, fixes }, Lang::Zh) => {
            format!("方案“{name}”读取时做了修正：{}", fixes.join("；"))
        }
        (Notice::Repaired { name, fixes }, Lang::En) => format!(
            "While reading “{name}”, StackFit fixed: {}",
            fixes.join("; ")
        ),
        (Notice::TemplateUnavailable { name, reason }, Lang::Zh) => format!(
            "模板“{name}”加载失败（{reason}），当前方案保持不变。{}",
            retry_advice(reason, Lang::Zh)
        ),
        (Notice::TemplateUnavailable { name, reason }, Lang::En) => format!(
            "The template “{name}” could not be loaded ({reason}); the current plan is unchanged. {}",
            retry_advice(reason, Lang::En)
        ),
    }
}

/// A refused change in `lang`. A value out of its range says itself that it
/// was not applied; other refusals are prefixed.
pub fn refusal_text(e: &ActionError, lang: Lang) -> String {
    match (e, lang) {
        (ActionError::OutOfRange(_), Lang::Zh) => e.message_zh(),
        (ActionError::OutOfRange(_), Lang::En) => e.message_en(),
        (_, Lang::Zh) => format!("未执行：{}", e.message_zh()),
        (_, Lang::En) => format!("Not done: {}", e.message_en()),
    }
}

/// Storage notices and refused changes, each dismissible.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let lang = use_lang();
    let library = use_library();
    let planner = use_planner();
    view! {
        <Show when=move || library.notice.with(Option::is_some)>
            <div class="notice" role="status" data-testid="notice">
                <span>{move || library.notice.with(|n| n.as_ref().map(|n| notice_text(n, lang.get())))}</span>
                <button class="tool" on:click=move |_| library.notice.set(None)>
                    {move || lang.get().pick("知道了", "Dismiss")}
                </button>
            </div>
        </Show>
        <Show when=move || planner.refusal.with(Option::is_some)>
            <div class="notice refusal" role="alert" data-testid="refusal">
                <span>
                    {move || {
                        planner.refusal.with(|r| r.as_ref().map(|e| refusal_text(e, lang.get()))).map(|t| keep_units(&t))
                    }}
                </span>
                <button class="tool" on:click=move |_| planner.refusal.set(None)>
                    {move || lang.get().pick("知道了", "Dismiss")}
                </button>
            </div>
        </Show>
        // Refused in the inspector (the extras), worded there.
        <Show when=move || planner.copy_refusal.with(Option::is_some)>
            <div class="notice refusal" role="alert" data-testid="refusal">
                <span>
                    {move || {
                        planner.copy_refusal.with(|r| r.as_ref().map(|(zh, en)| keep_units(lang.get().pick(zh, en))))
                    }}
                </span>
                <button class="tool" on:click=move |_| planner.copy_refusal.set(None)>
                    {move || lang.get().pick("知道了", "Dismiss")}
                </button>
            </div>
        </Show>
    }
}
