//! The tools worker (`crates/tools`) seen from the page: started on the first
//! request (so its wasm is not part of the first load), then kept. Requests
//! wait until the worker says it is ready; each reply goes to the callback
//! of its request. If the worker cannot start or fails, every waiting
//! request gets the error and the next request starts a fresh worker.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use stackfit_tools::protocol::{Request, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, next to index.html (src/browser/stackfit-tools_loader.js:
/// worker files carry no hash, so the page starts it with the planner's
/// hash as a version, which it passes on to the worker's script and wasm).
pub const LOADER_URL: &str = "./stackfit-tools_loader.js";

/// A reply and the bytes that came with it (an export's zip).
pub struct Answer<R = Response> {
    pub response: R,
    pub attachment: Option<Vec<u8>>,
}

/// A request's reply as it came (its JSON text and attachment), for the
/// request's own reader.
type Pending = Box<dyn FnOnce(Result<(String, Option<Vec<u8>>), String>)>;
/// Reads a reply's text; whether it was a progress reply it handled.
type OnProgress = Box<dyn Fn(&str) -> bool>;

/// `protocol::Envelope`'s wire format, for any request type.
#[derive(Serialize)]
struct Outgoing<'a, Q> {
    id: u32,
    request: &'a Q,
}

/// `protocol::Reply`'s response, for any answer type (its id is the
/// [`Head`]'s).
#[derive(Deserialize)]
struct Incoming<R> {
    response: R,
}

/// A reply's id alone (0: the worker's `Ready`).
#[derive(Deserialize)]
struct Head {
    id: u32,
}

struct Tools {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests (as JSON) posted before the worker was ready.
    queued: Vec<String>,
    pending: HashMap<u32, Pending>,
    /// Requests that hear how they are going (a layout search).
    progress: HashMap<u32, OnProgress>,
    next_id: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
}

/// Sends `request` to the tools worker (starting it if needed); `reply`
/// gets the answer, or why there is none.
pub fn ask(request: Request, reply: impl FnOnce(Result<Answer, String>) + 'static) {
    post(&request, None, reading(reply));
}

/// [`ask`], with `on_progress` told each progress reply (a
/// `Response::SearchProgress`) before the answer. Returns the request's id.
pub fn ask_with_progress(
    request: Request,
    on_progress: impl Fn(Response) + 'static,
    reply: impl FnOnce(Result<Answer, String>) + 'static,
) -> Option<u32> {
    let progress: OnProgress =
        Box::new(
            move |text| match serde_json::from_str::<Incoming<Response>>(text) {
                Ok(Incoming {
                    response: r @ Response::SearchProgress { .. },
                    ..
                }) => {
                    on_progress(r);
                    true
                }
                _ => false,
            },
        );
    post(&request, Some(progress), reading(reply))
}

/// The pending entry of a request whose answer is read as `R`.
fn reading<R: DeserializeOwned + 'static>(
    reply: impl FnOnce(Result<Answer<R>, String>) + 'static,
) -> Pending {
    Box::new(move |got| reply(got.and_then(|(text, a)| read(&text, a))))
}

/// Reads a reply as an answer of type `R`.
fn read<R: DeserializeOwned>(text: &str, attachment: Option<Vec<u8>>) -> Result<Answer<R>, String> {
    serde_json::from_str::<Incoming<R>>(text)
        .map(|i| Answer {
            response: i.response,
            attachment,
        })
        .map_err(|e| format!("an answer the page cannot read ({e})"))
}

fn post<Q: Serialize>(request: &Q, on_progress: Option<OnProgress>, reply: Pending) -> Option<u32> {
    let started = TOOLS.with(|t| {
        let mut guard = t.borrow_mut();
        if guard.is_none() {
            *guard = Some(start()?);
        }
        Ok::<(), String>(())
    });
    if let Err(e) = started {
        reply(Err(e));
        return None;
    }
    TOOLS.with(|t| {
        let mut guard = t.borrow_mut();
        let tools = guard.as_mut().expect("started above");
        tools.next_id = tools.next_id.wrapping_add(1).max(1);
        let id = tools.next_id;
        let text = serde_json::to_string(&Outgoing { id, request }).expect("requests serialize");
        tools.pending.insert(id, reply);
        if let Some(f) = on_progress {
            tools.progress.insert(id, f);
        }
        if tools.ready {
            let _ = tools.worker.post_message(&JsValue::from_str(&text));
        } else {
            tools.queued.push(text);
        }
        Some(id)
    })
}

/// Stops the worker now (a long search the user cancelled: a busy worker
/// cannot read a message, so it is terminated). Every waiting request is
/// told `why`; the next request starts a fresh worker.
pub fn restart(why: &str) {
    let pending = TOOLS.with(|t| {
        t.borrow_mut().take().map(|tools| {
            tools.worker.terminate();
            tools.worker.set_onmessage(None);
            tools.worker.set_onerror(None);
            tools.pending
        })
    });
    for (_, reply) in pending.into_iter().flatten() {
        reply(Err(why.to_string()));
    }
}

/// Whether the worker has been started (for tests: it is not, before the
/// first export).
pub fn is_started() -> bool {
    TOOLS.with(|t| t.borrow().is_some())
}

fn start() -> Result<Tools, String> {
    let worker = web_sys::Worker::new(&crate::browser::fetch::versioned(LOADER_URL))
        .map_err(crate::browser::error_text)?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        ev.prevent_default();
        let detail = ev
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "the worker could not be loaded".into());
        fail_all(detail);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Tools {
        worker,
        ready: false,
        queued: Vec::new(),
        pending: HashMap::new(),
        progress: HashMap::new(),
        next_id: 0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The worker failed: stop it and tell every waiting request.
fn fail_all(detail: String) {
    let pending = TOOLS.with(|t| {
        t.borrow_mut().take().map(|tools| {
            tools.worker.terminate();
            // This runs inside the error handler: its closure must outlive
            // the call, so the failed worker's two handlers are leaked.
            std::mem::forget(tools._on_message);
            std::mem::forget(tools._on_error);
            tools.pending
        })
    });
    // The callbacks run with no borrow held.
    for (_, reply) in pending.into_iter().flatten() {
        reply(Err(detail.clone()));
    }
}

fn on_message(ev: web_sys::MessageEvent) {
    let data: js_sys::Array = match ev.data().dyn_into() {
        Ok(a) => a,
        Err(_) => return,
    };
    let Some(text) = data.get(0).as_string() else {
        return;
    };
    let attachment = data
        .get(1)
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .map(|a| a.to_vec());
    let Ok(head) = serde_json::from_str::<Head>(&text) else {
        return;
    };
    if head.id == 0 {
        TOOLS.with(|t| {
            if let Some(tools) = t.borrow_mut().as_mut() {
                tools.ready = true;
                for text in tools.queued.drain(..) {
                    let _ = tools.worker.post_message(&JsValue::from_str(&text));
                }
            }
        });
        return;
    }
    // A progress reply goes to its request's progress reader. The reader
    // runs with no borrow held; it goes back afterwards.
    let on_progress = TOOLS.with(|t| {
        t.borrow_mut()
            .as_mut()
            .and_then(|tools| tools.progress.remove(&head.id))
    });
    if let Some(f) = on_progress {
        let handled = f(&text);
        TOOLS.with(|t| {
            if let Some(tools) = t.borrow_mut().as_mut() {
                if tools.pending.contains_key(&head.id) {
                    tools.progress.insert(head.id, f);
                }
            }
        });
        if handled {
            return;
        }
    }
    let callback = TOOLS.with(|t| {
        t.borrow_mut().as_mut().and_then(|tools| {
            tools.progress.remove(&head.id);
            tools.pending.remove(&head.id)
        })
    });
    if let Some(callback) = callback {
        callback(Ok((text, attachment)));
    }
}
