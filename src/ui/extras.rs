//! The page's side of the extras (`crate::extras`, loaded on first use by
//! `browser::extras`): [`ExtraScreens`] shows an extras dialog while its
//! popover is open and makes the changes the dialog echoes back, and
//! [`report_page`] runs the report page.

use leptos::prelude::*;
use stackfit_core::codec;
use stackfit_core::model::price::{book_from_csv, book_to_csv};
use wasm_bindgen::prelude::*;

use crate::browser::extras::with_extras;
use crate::extras::{Context, SCREENS};
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
            let text = match lang.get() {
                Lang::Zh => format!("这个窗口的程序文件没能加载（{why}）。请检查网络后重试。"),
                Lang::En => format!(
                    "This dialog's code could not load ({why}). Check the connection and try again."
                ),
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
                            {format!("报告页的程序文件没能加载（{why}）。请检查网络后刷新。 / The report page's code could not load ({why}). Check the connection and reload.")}
                        </p>
                    </main>
                }
            });
        }
    });
}
