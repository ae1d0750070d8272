//! Share links through the tools worker: writing a plan's link and reading
//! one back. The link codec's deflate, inflate, base64 and its two preset
//! dictionaries (`core::codec::link`) run in the worker, so the page's first
//! load does not carry them; the page reads the unpacked JSON with
//! `codec::from_json`, as it reads a plan file. Both answers are callbacks.
//! The page speaks only the link part of the worker's protocol
//! (`LinkRequest`, `LinkResponse`), so its wasm carries no (de)serializer
//! of the rest.

use stackfit_core::codec::link::{self, LinkError};
use stackfit_core::codec::{self, Restored};
use stackfit_core::model::Plan;
use stackfit_tools::protocol::{LinkRequest, LinkResponse, QrPath};

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

/// `plan`'s share-link fragment, from the worker; with `page` (the
/// address before `#`), the QR code of `page#fragment` too; with
/// `option`, a link that opens on that option (the one on screen).
pub fn write(
    plan: &Plan,
    page: Option<String>,
    option: Option<String>,
    done: impl FnOnce(Result<Written, Refusal>) + 'static,
) {
    let request = LinkRequest::LinkWrite {
        plan: codec::to_json(plan),
        page,
        option,
    };
    tools_worker::ask_as(&request, move |answer| {
        done(match answer {
            Ok(a) => match a.response {
                LinkResponse::Link { fragment, qr } => Ok(Written { fragment, qr }),
                other => Err(refusal_of(other)),
            },
            Err(why) => Err(unavailable(&why)),
        })
    });
}

/// The plan a link's fragment carries, restored like a plan file, or why
/// not (the codec's words). What is plainly not a link this StackFit reads
/// (foreign, far too long, newer) is refused here, at once, without
/// starting the worker.
pub fn read(fragment: &str, done: impl FnOnce(Result<Restored, Refusal>) + 'static) {
    if let Err(e) = link::link_payload(fragment) {
        done(Err(e.into()));
        return;
    }
    let request = LinkRequest::LinkRead {
        fragment: fragment.to_string(),
    };
    tools_worker::ask_as(&request, move |answer| {
        done(match answer {
            Ok(a) => match a.response {
                LinkResponse::LinkJson { json } => {
                    codec::from_json(&json).map_err(|e| LinkError::Plan(e).into())
                }
                other => Err(refusal_of(other)),
            },
            Err(why) => Err(unavailable(&why)),
        })
    });
}

fn refusal_of(response: LinkResponse) -> Refusal {
    match response {
        LinkResponse::Error {
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
