//! The page's side of the extras (`crate::extras`, loaded on first use by
//! `browser::extras`): [`ExtraScreens`] shows an extras dialog while its
//! popover is open and makes the changes the dialog echoes back, and
//! [`report_page`] runs the report page.

use leptos::prelude::*;
use stackfit_core::codec;
use stackfit_core::model::price::{book_from_csv, book_to_csv};
use wasm_bindgen::prelude::*;

use crate::browser::extras::{retry_advice, with_extras, Extras};
use crate::extras::{Context, Inspected, SCREENS};
use crate::i18n::Lang;
use crate::state::{
    use_announcer, use_lang, use_library, use_my_prices, use_planner, use_popovers, use_sharing,
    Selection,
};

/// Opens an extras dialog when its popover opens (with the plan as it is
/// when the extras are there to show it: the page can still change while
/// they load, not once the modal dialog is up) and closes it when the
/// popover closes. A load that takes a while says so; one that fails
/// says why.
#[component]
pub fn ExtraScreens() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let popovers = use_popovers();
    let announcer = use_announcer();
    let my_prices = use_my_prices();
    let library = use_library();
    let sharing = use_sharing();
    let failed = RwSignal::new(None::<String>);
    // Which opening is waiting for the extras (0: none), and whether it has
    // waited long enough to say so (a quick load shows nothing).
    let waiting = RwSignal::new(0u32);
    let slow = RwSignal::new(false);
    // Whether an extras dialog is mounted now.
    let mounted = StoredValue::new(false);
    // The host functions live as long as the page.
    let host = js_sys::Object::new();
    type HostFn = Closure<dyn Fn(String)>;
    let functions: [(&str, HostFn); 6] = [
        (
            "changed",
            Closure::new(move |json: String| {
                if let Ok(restored) = codec::from_json(&json) {
                    planner.adopt(restored.plan);
                }
            }),
        ),
        (
            "picked",
            Closure::new(move |id: String| planner.pick_option(&id)),
        ),
        (
            "priced",
            Closure::new(move |csv: String| {
                if let Ok(book) = book_from_csv(&csv) {
                    my_prices.commit(book);
                }
            }),
        ),
        (
            "opened",
            Closure::new(move |json: String| {
                if let Ok(restored) = codec::from_json(&json) {
                    library.open_new(&planner, restored.plan);
                }
            }),
        ),
        (
            "said",
            Closure::new(move |text: String| announcer.say(text)),
        ),
        ("closed", Closure::new(move |_: String| popovers.close())),
    ];
    for (name, f) in functions {
        let _ = js_sys::Reflect::set(&host, &JsValue::from_str(name), f.as_ref());
        f.forget();
    }
    let file = Closure::<dyn Fn(web_sys::File)>::new(move |f| sharing.open_picked(f));
    let _ = js_sys::Reflect::set(&host, &JsValue::from_str("file"), file.as_ref());
    file.forget();
    let host = JsValue::from(host);
    Effect::new(move |shown: Option<Option<String>>| {
        let key = popovers.key().filter(|k| SCREENS.contains(&k.as_str()));
        if key == shown.clone().flatten() {
            return key;
        }
        match &key {
            Some(screen) => {
                failed.set(None);
                // Taken now: the dialog opens on it once, and an opening
                // given up while the extras load leaves nothing behind.
                let asked_tier = my_prices.asked_tier.try_update(Option::take).flatten();
                let (screen, host) = (screen.clone(), host.clone());
                let opening = waiting.get_untracked().wrapping_add(1).max(1);
                waiting.set(opening);
                slow.set(false);
                set_timeout(
                    move || {
                        if waiting.get_untracked() == opening {
                            slow.set(true);
                        }
                    },
                    std::time::Duration::from_millis(300),
                );
                with_extras(move |extras| {
                    // Closed, or another dialog asked for, while loading.
                    if waiting.get_untracked() != opening {
                        return;
                    }
                    waiting.set(0);
                    // The page as it is now, not when the loading began: it
                    // could still be edited while the extras were on their way.
                    let context = Context {
                        plan: planner.with_plan(codec::to_json),
                        option: planner.option_id.get_untracked(),
                        lang: lang.get_untracked(),
                        book: planner.book.with_untracked(book_to_csv),
                        selected_server: match planner.selection.get_untracked() {
                            Selection::Server(id) => Some(id),
                            _ => None,
                        },
                        asked_tier,
                    };
                    let context = serde_json::to_string(&context).unwrap_or_default();
                    let opened = extras.and_then(|x| {
                        x.call("open", &[screen.as_str().into(), context.into(), host])
                    });
                    match opened {
                        Ok(_) => mounted.set_value(true),
                        Err(why) => {
                            failed.set(Some(why));
                            popovers.close();
                        }
                    }
                });
            }
            None => {
                waiting.set(0);
                // Only a dialog that opened is closed: closing never loads
                // the extras.
                if mounted.get_value() {
                    mounted.set_value(false);
                    with_extras(|extras| {
                        if let Ok(x) = extras {
                            let _ = x.call("close", &[]);
                        }
                    });
                }
            }
        }
        key
    });
    let loading = move || {
        (slow.get() && waiting.get() != 0).then(|| {
            view! {
                <div class="notice" role="status" data-testid="extras-loading">
                    {move || lang.get().pick("正在加载这个窗口…", "Loading this dialog…")}
                </div>
            }
        })
    };
    let failure = move || {
        failed.get().map(|why| {
            let advice = retry_advice(&why, lang.get());
            let text = match lang.get() {
                Lang::Zh => format!("这个窗口的程序文件没能加载（{why}）。{advice}"),
                Lang::En => format!("This dialog's code could not load ({why}). {advice}"),
            };
            view! {
                <div class="notice refusal" role="alert" data-testid="extras-failed">
                    <span>{text}</span>
                    <button class="tool" on:click=move |_| failed.set(None)>
                        {move || lang.get().pick("知道了", "Dismiss")}
                    </button>
                </div>
            }
        })
    };
    view! { {loading} {failure} }
}

/// Runs the report page of share-link `payload` (the address asked for a
/// report); if the extras cannot load, says so in both languages.
pub fn report_page(payload: String) {
    with_extras(move |extras| {
        if let Err(why) = extras.and_then(|x| x.call("report", &[payload.into()])) {
            leptos::mount::mount_to_body(move || {
                view! {
                    <main class="report-error" data-testid="report-error" style="max-width: 62rem; margin: 0 auto; padding: 3rem 1.2rem; line-height: 1.55">
                        <p role="alert">
                            {format!(
                                "报告页的程序文件没能加载（{why}）。{} / The report page's code could not load ({why}). {}",
                                retry_advice(&why, Lang::Zh),
                                retry_advice(&why, Lang::En),
                            )}
                        </p>
                    </main>
                }
            });
        }
    });
}

/// Where the extras mount the inspector of a selected server or placement
/// (`ui::inspector::selected::SelectedInspector`, on the extras' copy of the
/// planner): they load on the first selection (and start loading when the
/// pointer or the focus first reaches the workspace, [`warm_once`]), then
/// follow the page's plan, option, selection, language and price book
/// while something is selected (with nothing selected the copy is told
/// once and left alone). What the inspector changes comes back as the
/// page's: a run of live edits is one undo step of the page's history, as
/// if typed here. Not on phones, whose layout hides the inspector.
#[component]
pub fn InspectorHost() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let place = NodeRef::<leptos::html::Div>::new();
    // A signal: the effect below starts following the page once they load.
    let loaded = RwSignal::new_local(None::<Extras>);
    // Whether the extras have been asked for and have not failed.
    let asked = StoredValue::new(false);
    let slow = RwSignal::new(false);
    let failed = RwSignal::new(None::<Failure>);
    let retry = RwSignal::new(0u32);
    let host = inspector_host(planner);
    let context = move || Inspected {
        plan: planner.with_plan(codec::to_json),
        option: planner.option_id.get(),
        lang: lang.get(),
        book: planner.book.with(book_to_csv),
        selection: planner.selection.get(),
    };
    let json = |c: &Inspected| serde_json::to_string(c).unwrap_or_default();
    // Whether the copy was last handed a selection: with nothing selected
    // it is told once and then left alone (it shows nothing, so it need not
    // read or evaluate the plan at every change).
    let following = StoredValue::new(false);
    Effect::new(move |_| {
        retry.track();
        let nothing = planner.selection.with(|s| *s == Selection::None);
        if let Some(x) = loaded.get() {
            if nothing && !following.get_value() {
                return;
            }
            following.set_value(!nothing);
            let now = if nothing { untrack(context) } else { context() };
            match x.call("inspect_sync", &[json(&now).into()]) {
                Ok(_) if failed.with_untracked(Option::is_some) => failed.set(None),
                Ok(_) => {}
                Err(why) => failed.set(Some(Failure::Sync(why))),
            }
            return;
        }
        // Phones show a read-only layout without the inspector: nothing
        // to load for.
        if nothing || asked.get_value() || !inspector_displayed() {
            return;
        }
        asked.set_value(true);
        failed.set(None);
        set_timeout(
            move || slow.set(asked.get_value() && loaded.with_untracked(Option::is_none)),
            std::time::Duration::from_millis(300),
        );
        let host = host.clone();
        with_extras(move |extras| {
            slow.set(false);
            let Some(element) = place.get_untracked() else {
                return;
            };
            // The page as it is now: it could change while the extras loaded.
            let now = json(&untrack(context));
            let mounted = extras.and_then(|x| {
                x.call("inspect", &[JsValue::from(element), now.into(), host])?;
                Ok(x)
            });
            match mounted {
                Ok(x) => {
                    following.set_value(true);
                    loaded.set(Some(x));
                }
                Err(why) => {
                    asked.set_value(false);
                    failed.set(Some(Failure::Load(why)));
                }
            }
        });
    });
    let nothing = move || planner.selection.with(|s| *s == Selection::None);
    let waiting = move || {
        (slow.get() && !nothing()).then(|| {
            view! {
                <p class="hint" role="status" data-testid="inspector-loading">
                    {move || lang.get().pick("正在加载检查器…", "Loading the inspector…")}
                </p>
            }
        })
    };
    let failure = move || {
        failed.get().filter(|_| !nothing()).map(|failure| {
            let text = match (failure, lang.get()) {
                (Failure::Load(why), Lang::Zh) => format!(
                    "检查器的程序文件没能加载（{why}）。{}",
                    retry_advice(&why, Lang::Zh)
                ),
                (Failure::Load(why), Lang::En) => format!(
                    "The inspector's code could not load ({why}). {}",
                    retry_advice(&why, Lang::En)
                ),
                (Failure::Sync(why), Lang::Zh) => {
                    format!("检查器没能跟上刚才的改动（{why}）。计划本身没有受影响，请重试。")
                }
                (Failure::Sync(why), Lang::En) => format!(
                    "The inspector could not follow the last change ({why}). The plan itself is unaffected; try again."
                ),
            };
            view! {
                <div class="notice refusal" role="alert" data-testid="inspector-failed">
                    <span>{text}</span>
                    <button class="tool" on:click=move |_| retry.update(|n| *n += 1)>
                        {move || lang.get().pick("重试", "Try again")}
                    </button>
                </div>
            }
        })
    };
    view! {
        {waiting}
        {failure}
        // Hidden while it failed: it would show the plan as it was.
        <div
            node_ref=place
            class="inspector-selected"
            hidden=move || nothing() || failed.with(Option::is_some)
            data-testid="inspector-selected"
        ></div>
    }
}

/// Why the inspector is not showing the selection.
#[derive(Clone)]
enum Failure {
    /// The extras' code did not load (or did not start).
    Load(String),
    /// The loaded inspector could not take the page's latest state.
    Sync(String),
}

/// Whether the inspector is on screen: a phone's read-only layout hides it.
fn inspector_displayed() -> bool {
    leptos::prelude::document()
        .query_selector("[data-testid=inspector]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.offset_parent().is_some())
}

/// The functions the inspector calls on the page (they live as long as it).
fn inspector_host(planner: crate::state::Planner) -> JsValue {
    let host = js_sys::Object::new();
    let set = |name: &str, f: &JsValue| {
        let _ = js_sys::Reflect::set(&host, &JsValue::from_str(name), f);
    };
    // The copy writes what `codec::to_json` writes, so this cannot fail
    // unless the two wasm builds differ; say so rather than lose the edit
    // silently.
    let plan_of = |json: &str| match codec::from_json(json) {
        Ok(read) => Some(read.plan),
        Err(e) => {
            leptos::logging::warn!("the inspector's plan could not be read: {e}");
            None
        }
    };
    let changed = Closure::<dyn Fn(String)>::new(move |json: String| {
        if let Some(plan) = plan_of(&json) {
            planner.adopt(plan);
        }
    });
    let live = Closure::<dyn Fn(String, String)>::new(move |json: String, key: String| {
        if let Some(plan) = plan_of(&json) {
            planner.adopt_live(plan, &key);
        }
    });
    let sealed = Closure::<dyn Fn()>::new(move || planner.end_edit());
    let picked = Closure::<dyn Fn(String)>::new(move |id: String| planner.pick_option(&id));
    let selected = Closure::<dyn Fn(String)>::new(move |json: String| {
        if let Ok(s) = serde_json::from_str::<Selection>(&json) {
            if planner.selection.with_untracked(|now| *now != s) {
                planner.selection.set(s);
            }
        }
    });
    let refused = Closure::<dyn Fn(String, String)>::new(move |zh: String, en: String| {
        // One refusal at a time: the newest, the inspector's.
        planner.refusal.set(None);
        planner.copy_refusal.set(Some((zh, en)));
    });
    set("changed", changed.as_ref());
    set("live", live.as_ref());
    set("sealed", sealed.as_ref());
    set("picked", picked.as_ref());
    set("selected", selected.as_ref());
    set("refused", refused.as_ref());
    changed.forget();
    live.forget();
    sealed.forget();
    picked.forget();
    selected.forget();
    refused.forget();
    host.into()
}

/// Starts loading the extras the first time the pointer or the focus
/// reaches the workspace: a selection, which needs the inspector, is near.
pub fn warm_once() {
    thread_local! {
        static WARMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if inspector_displayed() && !WARMED.with(|w| w.replace(true)) {
        crate::browser::extras::warm();
    }
}
