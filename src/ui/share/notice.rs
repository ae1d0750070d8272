//! What opening a link or a file did, under the header: the plan that
//! opened and the fixes the restore step made, or why nothing opened (the
//! current plan being unchanged). In the UI's language; dismissible.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::share::{Outcome, Source};
use crate::state::{use_lang, use_sharing};

/// Ends `text` with a full stop of its language.
fn sentence(text: &str, lang: Lang) -> String {
    let stop = lang.pick("。", ".");
    if text.ends_with(['。', '.', '！', '？', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}{stop}")
    }
}

/// The notice's heading and body in `lang`.
pub fn outcome_text(outcome: &Outcome, lang: Lang) -> (String, String) {
    match (outcome, lang) {
        (
            Outcome::Opened {
                source: Source::Link,
                name,
                ..
            },
            Lang::Zh,
        ) => (
            "已打开分享链接".into(),
            format!("方案“{name}”已另存为新方案；其他方案均未改动。"),
        ),
        (
            Outcome::Opened {
                source: Source::Link,
                name,
                ..
            },
            Lang::En,
        ) => (
            "Opened a shared link".into(),
            format!("“{name}” is saved as a new plan; your other plans are unchanged."),
        ),
        (
            Outcome::Opened {
                source: Source::File(file),
                name,
                ..
            },
            Lang::Zh,
        ) => (
            format!("已打开文件“{file}”"),
            format!("方案“{name}”已另存为新方案；其他方案均未改动。"),
        ),
        (
            Outcome::Opened {
                source: Source::File(file),
                name,
                ..
            },
            Lang::En,
        ) => (
            format!("Opened “{file}”"),
            format!("“{name}” is saved as a new plan; your other plans are unchanged."),
        ),
        (Outcome::Refused { source, en, zh }, _) => {
            let heading = match (source, lang) {
                (Source::Link, Lang::Zh) => "链接未打开".to_string(),
                (Source::Link, Lang::En) => "Link not opened".to_string(),
                (Source::File(f), Lang::Zh) => format!("未打开“{f}”"),
                (Source::File(f), Lang::En) => format!("“{f}” not opened"),
            };
            let why = sentence(lang.pick(zh, en), lang);
            let kept = lang.pick("当前方案保持不变。", " Your current plan is unchanged.");
            (heading, format!("{why}{kept}"))
        }
    }
}

/// The notice of the last link or file opened or refused.
#[component]
pub fn OpenNotice() -> impl IntoView {
    let lang = use_lang();
    let sharing = use_sharing();
    move || {
        let outcome = sharing.outcome.get()?;
        let refused = matches!(outcome, Outcome::Refused { .. });
        let source = match &outcome {
            Outcome::Opened { source, .. } | Outcome::Refused { source, .. } => source.clone(),
        };
        let fixes = match &outcome {
            Outcome::Opened { fixes, .. } => fixes.clone(),
            Outcome::Refused { .. } => Vec::new(),
        };
        let text = {
            let outcome = outcome.clone();
            move || outcome_text(&outcome, lang.get())
        };
        let heading = {
            let text = text.clone();
            move || text().0
        };
        let body = move || text().1;
        let count = fixes.len();
        Some(view! {
            <div
                class="notice open-notice"
                class:refusal=refused
                role=if refused { "alert" } else { "status" }
                data-testid="open-notice"
                data-outcome=if refused { "refused" } else { "opened" }
                data-source=match source { Source::Link => "link", Source::File(_) => "file" }
            >
                <div class="open-notice-text">
                    <strong>{heading}</strong>
                    " "
                    <span data-testid="open-notice-body">{body}</span>
                    {(count > 0).then(|| view! {
                        <details class="open-fixes" open>
                            <summary>
                                {move || match lang.get() {
                                    Lang::Zh => format!("读取时做了 {count} 处修正："),
                                    Lang::En if count == 1 => "While reading it, StackFit made 1 fix:".to_string(),
                                    Lang::En => format!("While reading it, StackFit made {count} fixes:"),
                                }}
                            </summary>
                            <ul data-testid="open-fixes">
                                {fixes.iter().map(|n| {
                                    let n = n.clone();
                                    view! { <li>{move || match lang.get() { Lang::Zh => n.text_zh(), Lang::En => n.text_en() }}</li> }
                                }).collect_view()}
                            </ul>
                        </details>
                    })}
                </div>
                <button class="tool" data-testid="open-notice-dismiss" on:click=move |_| sharing.outcome.set(None)>
                    {move || lang.get().pick("知道了", "Dismiss")}
                </button>
            </div>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_link_says_why_and_that_the_plan_is_kept_in_either_language() {
        let result = stackfit_core::codec::link::plan_from_fragment("p2.e这不是链接")
            .map_err(crate::browser::links::Refusal::from);
        let outcome = Outcome::of_link(&result);
        let (heading, body) = outcome_text(&outcome, Lang::Zh);
        assert_eq!(heading, "链接未打开");
        assert_eq!(
            body,
            "链接已损坏：其中有字符被改动，请对方重新发送。当前方案保持不变。"
        );
        let (heading, body) = outcome_text(&outcome, Lang::En);
        assert_eq!(heading, "Link not opened");
        assert!(
            body.ends_with("Ask for it again. Your current plan is unchanged."),
            "{body}"
        );
    }

    #[test]
    fn a_message_without_a_full_stop_gets_one() {
        assert_eq!(
            sentence("第 2 行第 3 列：缺少字段“name”", Lang::Zh),
            "第 2 行第 3 列：缺少字段“name”。"
        );
        assert_eq!(sentence("line 2: x", Lang::En), "line 2: x.");
        assert_eq!(sentence("done.", Lang::En), "done.");
    }
}
