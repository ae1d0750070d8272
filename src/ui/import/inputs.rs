//! The import dialog's inputs: a tab per compose file (in `-f` order, one
//! more with +), the `.env` and the `docker stats` capture, each a text
//! area; files chosen or dropped go to their tab (`draft::Draft::add_file`);
//! the profiles and the target tier.

use leptos::prelude::*;
use leptos::task::spawn_local;
use stackfit_core::catalog;
use stackfit_core::import::limits::FILE_BYTES;
use stackfit_core::model::Provider;

use super::draft::{compose_name, Draft, Slot};
use crate::browser::files;
use crate::i18n::Lang;
use crate::state::use_lang;

/// A tab of the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Compose(usize),
    Env,
    Stats,
}

impl Tab {
    fn testid(self) -> String {
        match self {
            Tab::Compose(i) => format!("import-tab-compose-{i}"),
            Tab::Env => "import-tab-env".into(),
            Tab::Stats => "import-tab-stats".into(),
        }
    }
}

/// The inputs column; also where files are dropped.
#[component]
pub fn Inputs(draft: RwSignal<Draft>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let tab = RwSignal::new(Tab::Compose(0));
    // Files that were not read (too large, unreadable), by name.
    let unread = RwSignal::new(Vec::<String>::new());
    let file_input = NodeRef::<leptos::html::Input>::new();
    let take_files = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        let list = files::take(&list);
        spawn_local(async move {
            let read = files::read_texts(list, FILE_BYTES).await;
            let mut last = None;
            let mut bad = Vec::new();
            draft.update(|d| {
                for f in read {
                    match f {
                        Ok((name, text)) => last = Some(d.add_file(&name, text)),
                        Err(name) => bad.push(name),
                    }
                }
            });
            unread.set(bad);
            if let Some((slot, i)) = last {
                tab.set(match slot {
                    Slot::Compose => Tab::Compose(i),
                    Slot::Env => Tab::Env,
                    Slot::Stats => Tab::Stats,
                });
            }
        });
    };
    let tabs = move || {
        let n = draft.with(|d| d.compose.len());
        (0..n)
            .map(Tab::Compose)
            .chain([Tab::Env, Tab::Stats])
            .collect::<Vec<_>>()
    };
    let tab_name = move |t: Tab| match t {
        Tab::Compose(i) => {
            draft.with(|d| d.compose.get(i).map(|(n, _)| n.clone()).unwrap_or_default())
        }
        Tab::Env => ".env".into(),
        Tab::Stats => "docker stats".into(),
    };
    // Arrow keys, Home and End move along the tabs (one Tab stop).
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let all = tabs();
        let at = all
            .iter()
            .position(|t| *t == tab.get_untracked())
            .unwrap_or(0);
        let n = all.len();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1) % n,
            "ArrowLeft" | "ArrowUp" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        tab.set(all[next]);
        crate::browser::focus::focus_testid(&all[next].testid());
    };
    let text = move || {
        draft.with(|d| match tab.get() {
            Tab::Compose(i) => d.compose.get(i).map(|(_, t)| t.clone()).unwrap_or_default(),
            Tab::Env => d.env.clone(),
            Tab::Stats => d.stats.clone(),
        })
    };
    let set_text = move |ev| {
        let v = event_target_value(&ev);
        draft.update(|d| match tab.get_untracked() {
            Tab::Compose(i) => {
                if let Some(f) = d.compose.get_mut(i) {
                    f.1 = v;
                }
            }
            Tab::Env => d.env = v,
            Tab::Stats => d.stats = v,
        });
    };
    let add_compose = move |_| {
        let i = draft.with_untracked(|d| d.compose.len());
        draft.update(|d| d.compose.push((compose_name(i), String::new())));
        tab.set(Tab::Compose(i));
    };
    let remove_compose = move |_| {
        if let Tab::Compose(i) = tab.get_untracked() {
            draft.update(|d| {
                if d.compose.len() > 1 {
                    d.compose.remove(i);
                }
            });
            tab.set(Tab::Compose(i.saturating_sub(1)));
        }
    };
    let placeholder = move || match tab.get() {
        Tab::Compose(_) => "services:\n  db:\n    image: postgres:16\n  …",
        Tab::Env => "POSTGRES_PASSWORD=…\nCOMPOSE_PROFILES=…",
        Tab::Stats => "CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT   …",
    };
    let area_label = move || match (tab.get(), lang) {
        (Tab::Compose(_), Lang::Zh) => format!("{} 的内容", tab_name(tab.get())),
        (Tab::Compose(_), Lang::En) => format!("Contents of {}", tab_name(tab.get())),
        (Tab::Env, _) => lang
            .pick(".env 文件的内容", "Contents of the .env file")
            .to_string(),
        (Tab::Stats, _) => lang
            .pick(
                "docker stats --no-stream 的输出",
                "Output of docker stats --no-stream",
            )
            .to_string(),
    };
    view! {
        <div
            class="import-input"
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                ev.stop_propagation();
            }
            on:drop=move |ev: leptos::ev::DragEvent| {
                // Not the page's own drop target (a plan file to open).
                ev.prevent_default();
                ev.stop_propagation();
                take_files(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <div class="import-drop">
                <button class="tool" data-testid="import-choose" on:click=move |_| {
                    if let Some(i) = file_input.get_untracked() {
                        i.click();
                    }
                }>
                    {lang.pick("选择文件…", "Choose files…")}
                </button>
                <span>
                    {lang.pick(
                        "或拖到这里。多个 compose 文件按顺序合并（同 -f a -f b）；名为 .env 或 *.env 的文件作为 .env；docker stats 的输出按表头识别。",
                        "or drop them here. Compose files merge in order (as -f a -f b); a file named .env or *.env is the .env; docker stats output is known by its header.",
                    )}
                </span>
                <input
                    node_ref=file_input
                    type="file"
                    multiple
                    hidden
                    data-testid="import-file-input"
                    on:change=move |ev| {
                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                        take_files(input.files());
                        input.set_value("");
                    }
                />
            </div>
            {move || {
                let bad = unread.get();
                (!bad.is_empty()).then(|| {
                    let words = match lang {
                        Lang::Zh => format!("未读取：{}（超过 1 MiB 或无法读取）。", bad.join("、")),
                        Lang::En => format!("Not read: {} (over 1 MiB, or unreadable).", bad.join(", ")),
                    };
                    view! { <p class="field-error" data-testid="import-unread" role="alert">{words}</p> }
                })
            }}
            <div class="import-tabs" role="tablist" aria-label=lang.pick("要导入的文件", "Files to import") on:keydown=on_tab_key>
                {move || {
                    tabs()
                        .into_iter()
                        .map(|t| {
                            let active = move || tab.get() == t;
                            view! {
                                <button
                                    role="tab"
                                    id=t.testid()
                                    class="export-tab import-tab"
                                    data-testid=t.testid()
                                    aria-selected=move || active().to_string()
                                    aria-controls="import-panel"
                                    tabindex=move || if active() { "0" } else { "-1" }
                                    on:click=move |_| tab.set(t)
                                >
                                    <code class="export-tab-name">{move || tab_name(t)}</code>
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <div class="import-panel" role="tabpanel" id="import-panel" aria-labelledby=move || tab.get().testid()>
                <div class="import-file-tools">
                    <button class="tool" data-testid="import-add-compose" on:click=add_compose>
                        {lang.pick("＋ 再加一个 compose 文件", "+ Another compose file")}
                    </button>
                    <Show when=move || matches!(tab.get(), Tab::Compose(_)) && draft.with(|d| d.compose.len() > 1)>
                        <button class="tool" data-testid="import-remove-compose" on:click=remove_compose>
                            {lang.pick("移除这个文件", "Remove this file")}
                        </button>
                    </Show>
                </div>
                <textarea
                    class="import-text"
                    data-testid="import-text"
                    spellcheck="false"
                    autocomplete="off"
                    aria-label=area_label
                    placeholder=placeholder
                    prop:value=text
                    on:input=set_text
                ></textarea>
            </div>
            <div class="import-options">
                <label>
                    <span>{lang.pick("启用的 profile（逗号分隔）", "Profiles to enable (comma-separated)")}</span>
                    <input
                        type="text"
                        data-testid="import-profiles"
                        placeholder=lang.pick("留空则用 .env 里的 COMPOSE_PROFILES", "empty: COMPOSE_PROFILES from the .env")
                        prop:value=move || draft.with(|d| d.profiles.clone())
                        on:input=move |ev| draft.update(|d| d.profiles = event_target_value(&ev))
                    />
                </label>
                <label>
                    <span>{lang.pick("放在哪种服务器上", "On which server")}</span>
                    <select
                        data-testid="import-tier"
                        on:change=move |ev| draft.update(|d| d.tier = event_target_value(&ev))
                    >
                        {Provider::ALL
                            .into_iter()
                            .map(|p| {
                                let chosen = draft.with_untracked(|d| d.tier.clone());
                                view! {
                                    <optgroup label=lang.pick(p.name_zh(), p.name_en())>
                                        {catalog::tiers()
                                            .iter()
                                            .filter(|t| t.provider == p)
                                            .map(|t| view! {
                                                <option value=t.id selected=t.id == chosen>
                                                    {format!("{} · {}", t.name, t.size_label())}
                                                </option>
                                            })
                                            .collect_view()}
                                    </optgroup>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
        </div>
    }
}
