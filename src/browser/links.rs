//! Share links: written by the tools worker, read by the extras. The link
//! codec's deflate and its two preset dictionaries (`core::codec::link`)
//! run in the worker, its inflate and base64 in the extras (whose report
//! page reads its own link), so the page's first load carries neither —
//! nor any of the worker's protocol: the page asks the extras, which ask
//! the worker to write ([`write_from_page`]) and read a link themselves
//! ([`read`]). The page restores the unpacked JSON with `codec::from_json`,
//! as it restores a plan file. Every answer is a callback.

use stackfit_core::codec::link::{self, LinkError};
use stackfit_core::codec::{self, Restored};
use stackfit_core::model::Plan;
use stackfit_tools::protocol::{QrPath, Request, Response};

use wasm_bindgen::prelude::*;

use super::extras::{ask, strings_of, with_extras};
use super::tools_worker;

/// Why a link could not be written or read, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub en: String,
    pub zh: String,
}

impl From<LinkError> for Refusal {
    fn from(e: LinkError) -> Self {
        Refusal {
            en: e.message_en(),
            zh: e.message_zh(),
        }
    }
}

/// A link the worker wrote: its fragment (without `#`), and the QR code of
/// the whole link when [`write`] was given the page's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub fragment: String,
    pub qr: Option<QrPath>,
}

/// `plan`'s share-link fragment, from the worker (the extras' side: the
/// share dialog, and [`write_from_page`] through them); with `page` (the
/// address before `#`), the QR code of `page#fragment` too; with
/// `option`, a link that opens on that option (the one on screen).
pub fn write(
    plan: &Plan,
    page: Option<String>,
    option: Option<String>,
    done: impl FnOnce(Result<Written, Refusal>) + 'static,
) {
    write_json(codec::to_json(plan), page, option, done);
}

/// [`write`] of a plan as `codec::to_json` wrote it (the page's, handed
/// over as it is: the worker reads and checks it).
pub fn write_json(
    plan: String,
    page: Option<String>,
    option: Option<String>,
    done: impl FnOnce(Result<Written, Refusal>) + 'static,
) {
    let request = Request::LinkWrite { plan, page, option };
    tools_worker::ask(request, move |answer| {
        done(match answer {
            Ok(a) => match a.response {
                Response::Link { fragment, qr } => Ok(Written { fragment, qr }),
                other => Err(refusal_of(other)),
            },
            Err(why) => Err(unavailable(&why)),
        })
    });
}

/// `plan`'s share-link fragment, for the page: written by the worker
/// through the extras (`crate::extras::write_link`).
pub fn write_from_page(plan: &Plan, done: impl FnOnce(Result<String, Refusal>) + 'static) {
    let plan = JsValue::from(codec::to_json(plan));
    ask("write_link", vec![plan], move |answer| {
        done(match answer.as_deref() {
            Ok([fragment]) => Ok(fragment.clone()),
            Ok(parts) => Err(refusal_in(parts)),
            Err(why) => Err(unavailable(why)),
        })
    });
}

/// The plan a link's fragment carries, restored like a plan file, or why
/// not (the codec's words). What is plainly not a link this StackFit reads
/// (foreign, far too long, newer) is refused here, at once, without
/// loading the extras, which unpack the rest.
pub fn read(fragment: &str, done: impl FnOnce(Result<Restored, Refusal>) + 'static) {
    if let Err(e) = link::link_payload(fragment) {
        done(Err(e.into()));
        return;
    }
    let fragment = fragment.to_string();
    with_extras(move |extras| {
        let answer = extras.and_then(|e| e.call("read_link", &[JsValue::from(fragment)]));
        done(match answer.as_ref().map(strings_of).as_deref() {
            Ok([json]) => codec::from_json(json).map_err(|e| LinkError::Plan(e).into()),
            Ok(parts) => Err(refusal_in(parts)),
            Err(why) => Err(unavailable(why)),
        })
    });
}

/// The refusal an extras answer `[en, zh]` carries.
pub fn refusal_in(parts: &[String]) -> Refusal {
    match parts {
        [en, zh] => Refusal {
            en: en.clone(),
            zh: zh.clone(),
        },
        _ => unavailable("an unexpected answer"),
    }
}

fn refusal_of(response: Response) -> Refusal {
    match response {
        Response::Error {
            message_en,
            message_zh,
        } => Refusal {
            en: message_en,
            zh: message_zh,
        },
        _ => unavailable("an unexpected answer"),
    }
}

fn unavailable(why: &str) -> Refusal {
    Refusal {
        en: format!("The page's link tools did not answer ({why}). Reload the page to try again."),
        zh: format!("页面的链接工具没有响应（{why}），请重新加载页面再试。"),
    }
}
