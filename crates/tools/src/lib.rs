//! StackFit's tools worker: what only some visits need, kept out of the
//! first load. The page starts the worker on first use and talks to it with
//! the [`protocol`] below; [`handle`] answers a request. It is pure (the
//! random source comes in as a function), so it is tested natively; the
//! worker's `main` only moves messages and supplies the browser's crypto.
//!
//! Today it exports an option's files (the export dialog). The compose
//! importer and the report's Markdown export are the next requests: add a
//! variant to [`protocol::Request`] and [`protocol::Response`], and an arm to
//! [`handle`].

pub mod highlight;
pub mod protocol;

use protocol::{ExportedFile, Request, Response};
use stackfit_core::export::{self, Secrets};
use stackfit_core::findings::Lang;
use stackfit_core::{codec, evaluate};

/// The answer to one request, and the bytes that go beside it (the zip of
/// an export), if any.
pub struct Answer {
    pub response: Response,
    pub attachment: Option<Vec<u8>>,
}

impl Answer {
    fn refused(en: String, zh: String) -> Answer {
        Answer {
            response: Response::Error {
                message_en: en,
                message_zh: zh,
            },
            attachment: None,
        }
    }
}

/// Answers `request`. `random_secret` makes one secret (32 letters and
/// digits) from a random source: the worker scope's crypto in the browser.
///
/// ```
/// use stackfit_tools::{handle, protocol::{Request, Response, UiLang}};
/// let plan = stackfit_core::codec::to_json(&stackfit_core::templates::get("s4").unwrap());
/// let mut n = 0;
/// let answer = handle(
///     Request::Export { plan, option: "as-planned".into(), lang: UiLang::En },
///     &mut || { n += 1; format!("secret-{n}") },
/// );
/// let Response::Export { files, zip_name } = answer.response else { panic!() };
/// assert!(files.iter().any(|f| f.name == "docker-compose.a.yml"));
/// assert_eq!(zip_name, "stackfit-as-planned.zip");
/// assert!(answer.attachment.unwrap().starts_with(b"PK"));
/// ```
pub fn handle(request: Request, random_secret: &mut dyn FnMut() -> String) -> Answer {
    match request {
        Request::Export { plan, option, lang } => {
            let restored = match codec::from_json(&plan) {
                Ok(r) => r,
                Err(e) => return Answer::refused(e.describe(false), e.describe(true)),
            };
            let plan = restored.plan;
            let report = evaluate(&plan);
            let lang = match lang {
                protocol::UiLang::Zh => Lang::Zh,
                protocol::UiLang::En => Lang::En,
            };
            let mut secrets = Secrets::new(random_secret);
            let Some(files) = export::files(&plan, &report, &option, &mut secrets, lang) else {
                return Answer::refused(
                    format!("The plan has no option {option:?} to export."),
                    format!("方案里没有可导出的选项“{option}”。"),
                );
            };
            let zip = export::zip_files(&files);
            // The engine's file records, in the protocol's own types (the
            // same field names and kinds; a test keeps them in step).
            let mut files: Vec<ExportedFile> = serde_json::to_value(&files)
                .and_then(serde_json::from_value)
                .expect("the protocol's file type reads the engine's");
            for f in &mut files {
                f.html = highlight::to_html(&f.text, highlight::syntax_of(f.kind));
            }
            Answer {
                response: Response::Export {
                    files,
                    zip_name: format!("stackfit-{option}.zip"),
                },
                attachment: Some(zip),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::{FileKind, UiLang};

    fn export(template: &str, option: &str, lang: UiLang) -> Answer {
        let plan = codec::to_json(&stackfit_core::templates::get(template).unwrap());
        let mut n = 0;
        handle(
            Request::Export {
                plan,
                option: option.into(),
                lang,
            },
            &mut || {
                n += 1;
                format!("s{n:031}")
            },
        )
    }

    /// The dialog shows exactly what the CLI writes: the same names, kinds
    /// and texts as `export::files` for the same secrets.
    #[test]
    fn the_worker_answers_with_the_engines_files() {
        let answer = export("s4", "as-planned", UiLang::Zh);
        let Response::Export { files, .. } = answer.response else {
            panic!("no export")
        };
        let plan = stackfit_core::templates::get("s4").unwrap();
        let report = evaluate(&plan);
        let mut n = 0;
        let mut secrets = Secrets::new(|| {
            n += 1;
            format!("s{n:031}")
        });
        let expected = export::files(&plan, &report, "as-planned", &mut secrets, Lang::Zh).unwrap();
        assert_eq!(files.len(), expected.len());
        for (got, want) in files.iter().zip(&expected) {
            assert_eq!(got.name, want.name);
            assert_eq!(got.text, want.text);
            assert_eq!(got.server, want.server);
            assert_eq!(
                serde_json::to_value(got.kind).unwrap(),
                serde_json::to_value(want.kind).unwrap()
            );
        }
        assert!(files.iter().any(|f| f.kind == FileKind::Markdown));
        assert!(files.iter().all(|f| f.html.contains("<span class=")));
        // The zip holds the same files, in the same order.
        assert_eq!(answer.attachment.unwrap(), export::zip_files(&expected));
    }

    #[test]
    fn a_bad_plan_or_option_is_refused_in_both_languages() {
        let answer = export("s4", "no-such-option", UiLang::En);
        let Response::Error {
            message_en,
            message_zh,
        } = answer.response
        else {
            panic!("not refused")
        };
        assert!(message_en.contains("no-such-option") && message_zh.contains("no-such-option"));
        assert!(answer.attachment.is_none());
        let answer = handle(
            Request::Export {
                plan: "{".into(),
                option: "a".into(),
                lang: UiLang::Zh,
            },
            &mut String::new,
        );
        assert!(matches!(answer.response, Response::Error { .. }));
    }

    /// Requests and responses cross the worker boundary as JSON text.
    #[test]
    fn messages_round_trip_as_json() {
        let env = protocol::Envelope {
            id: 7,
            request: Request::Export {
                plan: "{}".into(),
                option: "a".into(),
                lang: UiLang::Zh,
            },
        };
        let text = serde_json::to_string(&env).unwrap();
        assert!(
            text.starts_with("{\"id\":7,\"request\":{\"export\":{") && text.contains("\"zh-CN\""),
            "{text}"
        );
        assert_eq!(
            serde_json::from_str::<protocol::Envelope>(&text).unwrap(),
            env
        );
        let reply = protocol::Reply {
            id: 7,
            response: Response::Ready,
        };
        let text = serde_json::to_string(&reply).unwrap();
        assert_eq!(
            serde_json::from_str::<protocol::Reply>(&text).unwrap(),
            reply
        );
    }
}
