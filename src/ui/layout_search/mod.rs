//! Layout search: the button on the summary and the dialog that asks the
//! tools worker for the cheapest layouts of the option on screen under the
//! user's constraints (`form.rs`, `rules.rs`), shows the best three with
//! their cost, headroom, servers and reason (`results.rs`), and keeps one
//! as a new option (`Action::AddOption`). The search runs in the worker, so
//! its code is not in the first load; a search that runs past half a second
//! shows its progress and a Cancel that stops the worker.

mod form;
mod results;
mod rules;

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use stackfit_core::codec;
use stackfit_core::model::price::book_to_csv;
use stackfit_core::model::units::format_fen;
use stackfit_core::model::Provider;
use stackfit_core::whatif::{load_words, LOAD_ONE};
use stackfit_tools::protocol::{FoundLayout, Request, Response, UiLang};

pub use form::{provider_name, Rule, SearchForm};

use crate::browser::tools_worker;
use crate::i18n::{keep_units, Lang};
use crate::state::{use_lang, use_planner};
use crate::ui::dialog::{Modal, OpenButton};
use results::Results;
use rules::RuleBuilder;

/// The popover key of the search dialog.
pub const KEY: &str = "layout-search";

/// `live` once the dialog is gone: no run matches it.
const CLOSED: u32 = u32::MAX;

/// After this long a running search shows its progress and Cancel.
const SLOW: Duration = Duration::from_millis(500);

/// What the worker found for one request.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The option searched.
    pub option: String,
    pub layouts: Vec<FoundLayout>,
    pub one_server: Option<FoundLayout>,
    pub exact: bool,
    pub within_pct: Option<u32>,
    /// Why nothing fits: (zh, en).
    pub no_fit: Option<(String, String)>,
    pub tiers: u32,
    /// How long the search took on this page, ms.
    pub elapsed_ms: f64,
}

/// Where the search is.
#[derive(Clone, Debug, PartialEq)]
pub enum Run {
    Idle,
    Running {
        /// Past [`SLOW`]: progress and Cancel are shown.
        slow: bool,
        providers_done: u32,
        providers: u32,
        nodes: u64,
    },
    Done(Arc<Found>),
    /// (zh, en).
    Failed(String, String),
    Cancelled,
}

/// Changes a running search's progress, and only a running one: `run`
/// notifies nothing once the answer is on screen, so a late timer or
/// progress message never rebuilds the results (and never forgets which
/// layout was just kept).
fn while_running(run: RwSignal<Run>, change: impl FnOnce(&mut bool, &mut u32, &mut u32, &mut u64)) {
    if run.try_with_untracked(|r| matches!(r, Run::Running { .. })) == Some(true) {
        run.try_update(|r| {
            if let Run::Running {
                slow,
                providers_done,
                providers,
                nodes,
            } = r
            {
                change(slow, providers_done, providers, nodes);
            }
        });
    }
}

/// "Find cheaper layouts…": opens the dialog for the option on screen.
#[component]
pub fn SearchButton() -> impl IntoView {
    view! { <OpenButton key=KEY class="tool" testid="search-open" label=("寻找更省的布局…", "Find cheaper layouts…") /> }
}

/// The search dialog, shown while its popover is open.
#[component]
pub fn SearchDialog() -> impl IntoView {
    view! {
        <Modal key=KEY class="search-dialog" testid="search-dialog" labelledby="search-dialog-title" title=("寻找更省的服务器布局", "Find cheaper layouts")>
            <SearchView />
        </Modal>
    }
}

/// The tier families of the providers named (kebab-case), in catalog order.
fn families_of(providers: &[String]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for t in stackfit_core::catalog::tiers() {
        if providers.iter().any(|p| p == provider_name(t.provider)) && !out.contains(&t.family) {
            out.push(t.family);
        }
    }
    out
}

/// A provider's name in the UI language, from its kebab-case name.
fn provider_words(name: &str, lang: Lang) -> String {
    Provider::ALL
        .into_iter()
        .find(|p| provider_name(*p) == name)
        .map(|p| lang.pick(p.name_zh(), p.name_en()).to_string())
        .unwrap_or_else(|| name.to_string())
}

#[component]
fn SearchView() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    // The form starts from the option on screen when the dialog opens.
    let option_id = StoredValue::new(planner.option_id.get_untracked());
    let initial = planner.with_plan(|p| {
        p.option(&option_id.get_value())
            .map(|o| SearchForm::for_option(o, p.settings.headroom_target_pct))
            .unwrap_or_default()
    });
    let form = RwSignal::new(initial);
    let error = RwSignal::new(None::<form::FormError>);
    let run = RwSignal::new(Run::Idle);
    // The run whose answer counts, outside the reactive graph: a reply that
    // arrives after the dialog closed finds `CLOSED` here and is dropped.
    let live = Arc::new(AtomicU32::new(0));
    let busy = Arc::new(AtomicBool::new(false));
    on_cleanup({
        let (live, busy) = (live.clone(), busy.clone());
        move || {
            live.store(CLOSED, Ordering::SeqCst);
            // Closing the dialog stops a search nobody will see.
            if busy.swap(false, Ordering::SeqCst) {
                tools_worker::restart("closed");
            }
        }
    });
    let option_name = Signal::derive(move || {
        planner.with_plan(|p| {
            p.option(&option_id.get_value())
                .map(|o| o.name.clone())
                .unwrap_or_default()
        })
    });
    let load = Signal::derive(move || {
        planner.with_plan(|p| {
            p.option(&option_id.get_value())
                .map_or(LOAD_ONE, |o| o.load)
        })
    });
    let today = Signal::derive(move || {
        planner
            .report
            .with(|r| r.option(&option_id.get_value()).map(|o| o.monthly_fen))
    });
    let placements = Memo::new(move |_| {
        planner.with_plan(|p| {
            p.option(&option_id.get_value())
                .map(|o| {
                    o.servers
                        .iter()
                        .flat_map(|s| s.placements.iter().map(|p| p.id.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let servers = Memo::new(move |_| {
        planner.with_plan(|p| {
            p.option(&option_id.get_value())
                .map(|o| {
                    o.servers
                        .iter()
                        .map(|s| (s.id.clone(), s.label.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    let start = {
        let (live, busy) = (live.clone(), busy.clone());
        move || {
            let constraints = match form.with_untracked(|f| f.constraints()) {
                Ok(c) => c,
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            };
            error.set(None);
            let id = live.load(Ordering::SeqCst).wrapping_add(1) % CLOSED;
            live.store(id, Ordering::SeqCst);
            busy.store(true, Ordering::SeqCst);
            let current = {
                let live = live.clone();
                move || live.load(Ordering::SeqCst) == id
            };
            run.set(Run::Running {
                slow: false,
                providers_done: 0,
                providers: 0,
                nodes: 0,
            });
            let on_time = current.clone();
            set_timeout(
                move || {
                    if on_time() {
                        while_running(run, |slow, _, _, _| *slow = true);
                    }
                },
                SLOW,
            );
            let plan = planner.with_plan(codec::to_json);
            let book = planner.book.with_untracked(book_to_csv);
            let ui_lang = match lang.get_untracked() {
                Lang::Zh => UiLang::Zh,
                Lang::En => UiLang::En,
            };
            let started = js_sys::Date::now();
            let option = option_id.get_value();
            tools_worker::ask_with_progress(
                Request::Search {
                    plan,
                    option: option_id.get_value(),
                    book,
                    constraints,
                    lang: ui_lang,
                },
                {
                    let current = current.clone();
                    move |progress| {
                        if !current() {
                            return;
                        }
                        if let Response::SearchProgress {
                            providers_done: d,
                            providers: n,
                            nodes: k,
                        } = progress
                        {
                            while_running(run, |_, providers_done, providers, nodes| {
                                (*providers_done, *providers, *nodes) = (d, n, k);
                            });
                        }
                    }
                },
                {
                    let busy = busy.clone();
                    move |answer| {
                        if !current() {
                            return;
                        }
                        busy.store(false, Ordering::SeqCst);
                        let elapsed_ms = js_sys::Date::now() - started;
                        let next = match answer {
                    Ok(tools_worker::Answer {
                        response:
                            Response::Search {
                                layouts,
                                one_server,
                                exact,
                                within_pct,
                                no_fit_en,
                                no_fit_zh,
                                tiers,
                            },
                        ..
                    }) => Run::Done(Arc::new(Found {
                        option,
                        layouts,
                        one_server: one_server.map(|l| *l),
                        exact,
                        within_pct,
                        no_fit: no_fit_zh.zip(no_fit_en),
                        tiers,
                        elapsed_ms,
                    })),
                    Ok(tools_worker::Answer {
                        response:
                            Response::Error {
                                message_en,
                                message_zh,
                            },
                        ..
                    }) => Run::Failed(message_zh, message_en),
                    Ok(_) => Run::Failed(
                        "搜索工具返回了意外的应答。".into(),
                        "The search worker gave an unexpected answer.".into(),
                    ),
                    Err(detail) => Run::Failed(
                        format!("搜索工具无法启动（{detail}）。请刷新页面后重试。"),
                        format!("The search worker could not start ({detail}). Reload the page and try again."),
                    ),
                };
                        run.try_set(next);
                    }
                },
            );
        }
    };
    let cancel = Callback::new(move |()| {
        // A busy worker reads no message: it is stopped, and the next
        // request starts a fresh one.
        live.store(
            live.load(Ordering::SeqCst).wrapping_add(1) % CLOSED,
            Ordering::SeqCst,
        );
        busy.store(false, Ordering::SeqCst);
        tools_worker::restart("cancelled");
        run.set(Run::Cancelled);
        crate::browser::focus::focus_testid_later("search-run");
    });
    let running = move || matches!(run.get(), Run::Running { .. });
    let slow = move || matches!(run.get(), Run::Running { slow: true, .. });
    let field_error = move |field: &'static str| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|e| e.field == field)
                    .map(|e| lang.get().pick(&e.zh, &e.en).to_string())
            })
        }
    };
    view! {
        <p class="modal-intro" data-testid="search-intro">
            {move || {
                let name = option_name.get();
                let n = placements.with(Vec::len);
                let cost = today.get().flatten();
                let today_words = match (cost, lang.get()) {
                    (Some(f), Lang::Zh) => format!("该方案目前每月 {}", format_fen(f)),
                    (Some(f), Lang::En) => format!("that option costs {} a month today", format_fen(f)),
                    (None, Lang::Zh) => "该方案目前价格未知".to_string(),
                    (None, Lang::En) => "that option's price is unknown today".to_string(),
                };
                keep_units(&match lang.get() {
                    Lang::Zh => format!("为“{name}”的 {n} 个部署寻找最便宜的布局，要求每台服务器都放得下；{today_words}。是否放得下，按引擎的同一套规则判断（峰值叠加、系统预留、余量目标）。"),
                    Lang::En => format!("The cheapest layouts of the {n} placements of “{name}” in which every server fits; {today_words}. Fitting is the engine's own rule (coinciding peaks, the OS reserve, the headroom target)."),
                })
            }}
        </p>
        <Show when=move || load.get() != LOAD_ONE>
            <p class="modal-intro search-load-note" data-testid="search-load-note">
                {move || match lang.get() {
                    Lang::Zh => format!("这个方案当前按 {} 负载显示：搜索按这个负载排布，保留的新方案也带着这个负载倍数（各部署的设定不变）。", load_words(load.get())),
                    Lang::En => format!("This option is shown at {} load: the search lays it out at that load, and a kept layout carries the same multiplier (each placement's settings stay as set).", load_words(load.get())),
                }}
            </p>
        </Show>
        <form
            class="search-form"
            data-testid="search-form"
            on:submit=move |ev| {
                ev.prevent_default();
                if !running() {
                    start();
                }
            }
        >
            <RuleBuilder form placements servers />
            <fieldset class="search-providers" data-testid="search-providers">
                <legend>{move || lang.get().pick("云厂商", "Providers")}</legend>
                {Provider::ALL
                    .into_iter()
                    .map(|p| {
                        let name = provider_name(p);
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    data-testid=format!("search-provider-{name}")
                                    prop:checked=move || form.with(|f| f.providers.iter().any(|x| x == name))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.update(|f| {
                                            f.providers.retain(|x| x != name);
                                            if on {
                                                f.providers.push(name.to_string());
                                            }
                                        });
                                    }
                                />
                                <span>{move || provider_words(name, lang.get())}</span>
                            </label>
                        }
                    })
                    .collect_view()}
                <span class="field-error" data-testid="search-providers-error" role="alert">{field_error("providers")}</span>
            </fieldset>
            <label class="field search-families">
                <span>{move || lang.get().pick("只用这些规格系列（逗号分隔，留空：不限）", "Only these tier families (comma-separated; empty: any)")}</span>
                <input
                    type="text"
                    data-testid="search-families"
                    prop:value=move || form.with(|f| f.families.clone())
                    on:input=move |ev| form.update(|f| f.families = event_target_value(&ev))
                />
                <span class="hint" data-testid="search-families-known">
                    {move || {
                        let known = form.with(|f| families_of(&f.providers)).join(", ");
                        match lang.get() {
                            Lang::Zh => format!("所选云厂商的系列：{known}"),
                            Lang::En => format!("Families of the providers ticked: {known}"),
                        }
                    }}
                </span>
                <span class="field-error" data-testid="search-families-error" role="alert">{field_error("families")}</span>
            </label>
            <div class="search-limits">
                <label class="field">
                    <span>{move || lang.get().pick("最多几台服务器（留空：不限）", "At most N servers (empty: any)")}</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        data-testid="search-max-servers"
                        prop:value=move || form.with(|f| f.max_servers.clone())
                        on:input=move |ev| form.update(|f| f.max_servers = event_target_value(&ev))
                    />
                    <span class="field-error" data-testid="search-max-servers-error" role="alert">{field_error("max-servers")}</span>
                </label>
                <label class="field">
                    <span>{move || lang.get().pick("峰值时每台至少留出的余量 %", "Headroom at peak on every server, %")}</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        data-testid="search-headroom"
                        prop:value=move || form.with(|f| f.headroom_pct.clone())
                        on:input=move |ev| form.update(|f| f.headroom_pct = event_target_value(&ev))
                    />
                    <span class="field-error" data-testid="search-headroom-error" role="alert">{field_error("headroom")}</span>
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="search-my-quotes"
                        prop:checked=move || form.with(|f| f.my_quotes)
                        on:change=move |ev| form.update(|f| f.my_quotes = event_target_checked(&ev))
                    />
                    <span>{move || lang.get().pick("也按我的报价（及方案自带价格）计价", "Also my quotes (and the plan's own prices)")}</span>
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="search-unknown-prices"
                        prop:checked=move || form.with(|f| f.unknown_prices)
                        on:change=move |ev| form.update(|f| f.unknown_prices = event_target_checked(&ev))
                    />
                    <span>{move || lang.get().pick("也考虑价格未知的规格", "Include tiers with unknown prices")}</span>
                </label>
            </div>
            <div class="search-actions">
                <button type="submit" class="tool primary" data-testid="search-run" disabled=running>
                    {move || lang.get().pick("开始搜索", "Find layouts")}
                </button>
                <Show when=slow>
                    <button type="button" class="tool" data-testid="search-cancel" on:click=move |_| cancel.run(())>
                        {move || lang.get().pick("取消", "Cancel")}
                    </button>
                </Show>
            </div>
        </form>
        <div class="search-status" role="status" aria-live="polite" data-testid="search-status" data-state=move || match run.get() {
            Run::Idle => "idle",
            Run::Running { .. } => "running",
            Run::Done(_) => "done",
            Run::Failed(..) => "failed",
            Run::Cancelled => "cancelled",
        }>
            {move || match run.get() {
                Run::Idle => String::new(),
                Run::Running { slow: false, .. } => lang.get().pick("正在搜索…", "Searching…").to_string(),
                Run::Running { providers_done, providers, nodes, .. } => {
                    let at = (providers_done + 1).min(providers.max(1));
                    match (lang.get(), nodes) {
                        (Lang::Zh, 0) => format!("正在搜索：第 {at} 家云厂商，共 {providers} 家。可以随时取消。"),
                        (Lang::Zh, _) => format!("正在搜索：第 {at} 家云厂商，共 {providers} 家，已检查 {nodes} 种组合。可以随时取消。"),
                        (Lang::En, 0) => format!("Searching: provider {at} of {providers}. You can cancel at any time."),
                        (Lang::En, _) => format!("Searching: provider {at} of {providers}, {nodes} combinations checked. You can cancel at any time."),
                    }
                }
                Run::Done(f) => match lang.get() {
                    Lang::Zh => format!("搜索完成，用时 {:.0} 毫秒，比较了 {} 种规格。", f.elapsed_ms, f.tiers),
                    Lang::En => format!("Done in {:.0} ms over {} tiers.", f.elapsed_ms, f.tiers),
                },
                Run::Failed(zh, en) => lang.get().pick(&zh, &en).to_string(),
                Run::Cancelled => lang.get().pick("已取消搜索，方案没有任何改动。", "Search cancelled; the plan is unchanged.").to_string(),
            }}
        </div>
        <Show when=slow>
            <progress
                class="search-progress"
                data-testid="search-progress"
                max=move || match run.get() { Run::Running { providers, .. } => providers.max(1), _ => 1 }
                value=move || match run.get() { Run::Running { providers_done, .. } => providers_done, _ => 0 }
            ></progress>
        </Show>
        {move || match run.get() {
            Run::Done(found) => Some(view! { <Results found /> }.into_any()),
            _ => None,
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many times `run` has changed, as a reader of it sees: a memo
    /// recomputes when read only if `run` notified it.
    fn counter(run: RwSignal<Run>) -> impl Fn() -> u32 {
        let seen = Arc::new(AtomicU32::new(0));
        let memo = {
            let seen = seen.clone();
            Memo::new(move |_| {
                run.track();
                seen.fetch_add(1, Ordering::SeqCst)
            })
        };
        move || {
            memo.get_untracked();
            seen.load(Ordering::SeqCst)
        }
    }

    /// The timer that marks a slow search, or a progress message, arriving
    /// after the answer: the answer on screen is not notified, so its
    /// results (and what the user kept from them) are not rebuilt.
    #[test]
    fn a_late_timer_or_progress_leaves_a_finished_search_alone() {
        Owner::new().with(|| {
            let found = Arc::new(Found {
                option: "a".into(),
                layouts: Vec::new(),
                one_server: None,
                exact: true,
                within_pct: None,
                no_fit: None,
                tiers: 3,
                elapsed_ms: 12.0,
            });
            let run = RwSignal::new(Run::Done(found.clone()));
            let seen = counter(run);
            let before = seen();
            while_running(run, |slow, _, _, _| *slow = true);
            while_running(run, |_, done, of, _| (*done, *of) = (1, 5));
            assert_eq!(seen(), before, "notified");
            assert_eq!(run.get_untracked(), Run::Done(found));
        });
    }

    /// While running, the same changes do show.
    #[test]
    fn a_running_search_shows_it_is_slow_and_its_progress() {
        Owner::new().with(|| {
            let run = RwSignal::new(Run::Running {
                slow: false,
                providers_done: 0,
                providers: 0,
                nodes: 0,
            });
            let seen = counter(run);
            let before = seen();
            while_running(run, |slow, _, _, _| *slow = true);
            while_running(run, |_, done, of, nodes| (*done, *of, *nodes) = (1, 5, 40));
            assert!(seen() > before);
            assert_eq!(
                run.get_untracked(),
                Run::Running {
                    slow: true,
                    providers_done: 1,
                    providers: 5,
                    nodes: 40
                }
            );
        });
    }
}
