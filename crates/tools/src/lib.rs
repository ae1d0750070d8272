//! StackFit's tools worker: what only some visits need, kept out of the
//! first load. The page starts the worker on first use and talks to it with
//! the [`protocol`] below; [`handle`] answers a request. It is pure (the
//! random source comes in as a function), so it is tested natively; the
//! worker's `main` only moves messages and supplies the browser's crypto.
//!
//! Today it exports an option's files (the export dialog), imports
//! compose files, a `.env` and a `docker stats` capture (the import dialog),
//! writes and reads share links with their QR code (the share dialog, the
//! report button, a share link in the address), and writes the report's
//! Markdown and cost CSV. A new request: add a variant at the end of
//! [`protocol::Request`] and [`protocol::Response`], and an arm to
//! [`handle`].

pub mod highlight;
pub mod import;
pub mod protocol;
pub mod qr;
pub mod search;

use protocol::{ExportedFile, Request, Response};
use stackfit_core::export::{self, Secrets};
use stackfit_core::{codec, evaluate, present};

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
    handle_with_progress(request, random_secret, &mut |_| {})
}

/// [`handle`], telling `progress` how a long request (a layout search) is
/// going: each call is a reply to post before the answer.
pub fn handle_with_progress(
    request: Request,
    random_secret: &mut dyn FnMut() -> String,
    progress: &mut dyn FnMut(Response),
) -> Answer {
    match request {
        Request::Search {
            plan,
            option,
            book,
            constraints,
            lang,
        } => Answer {
            response: search::run(&plan, &option, &book, &constraints, lang, progress),
            attachment: None,
        },
        Request::Import {
            files,
            env,
            stats,
            profiles,
            tier,
            lang,
        } => {
            let p = import::preview(&files, env.as_ref(), stats.as_ref(), &profiles, &tier);
            Answer {
                response: Response::Import {
                    html: import::to_html(&p, lang),
                    errors: p.errors.len() as u32,
                    project: p.project.clone(),
                    plan: p.plan,
                },
                attachment: None,
            }
        }
        Request::Export { plan, option, lang } => {
            let restored = match codec::from_json(&plan) {
                Ok(r) => r,
                Err(e) => return Answer::refused(e.describe(false), e.describe(true)),
            };
            let plan = restored.plan;
            let report = evaluate(&plan);
            let lang = lang.into();
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
        Request::LinkWrite { plan, page, option } => match codec::from_json(&plan) {
            Ok(r) => {
                let fragment = codec::link::plan_to_fragment(&r.plan);
                // The first option is where a link opens anyway.
                let fragment = match option {
                    Some(id) if r.plan.options.iter().skip(1).any(|o| o.id == id) => {
                        codec::link::with_option(&fragment, &id)
                    }
                    _ => fragment,
                };
                let qr = page.and_then(|page| qr::qr_path(&format!("{page}#{fragment}")));
                Answer {
                    response: Response::Link { fragment, qr },
                    attachment: None,
                }
            }
            Err(e) => Answer::refused(e.describe(false), e.describe(true)),
        },
        Request::ReportText { plan, lang, format } => match codec::from_json(&plan) {
            Ok(r) => {
                let report = evaluate(&r.plan);
                let presentation = present::present(&r.plan, &report, lang.into());
                let text = match format {
                    protocol::TextFormat::Markdown => present::markdown(&presentation),
                    protocol::TextFormat::CostCsv => present::cost_csv(&presentation),
                };
                Answer {
                    response: Response::ReportText { text },
                    attachment: None,
                }
            }
            Err(e) => Answer::refused(e.describe(false), e.describe(true)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::{FileKind, UiLang};
    use stackfit_core::findings::Lang;

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

    fn text(name: &str, text: &str) -> protocol::InputText {
        protocol::InputText {
            name: name.into(),
            text: text.into(),
        }
    }

    fn request(
        files: &[(&str, &str)],
        env: Option<&str>,
        stats: Option<&str>,
        lang: UiLang,
    ) -> Request {
        Request::Import {
            files: files.iter().map(|(n, t)| text(n, t)).collect(),
            env: env.map(|t| text(".env", t)),
            stats: stats.map(|t| text("docker-stats.txt", t)),
            profiles: String::new(),
            tier: stackfit_core::import::DEFAULT_TIER.into(),
            lang,
        }
    }

    fn import(
        files: &[(&str, &str)],
        env: Option<&str>,
        stats: Option<&str>,
    ) -> import::ImportPreview {
        let Request::Import {
            files,
            env,
            stats,
            profiles,
            tier,
            ..
        } = request(files, env, stats, UiLang::En)
        else {
            unreachable!()
        };
        import::preview(&files, env.as_ref(), stats.as_ref(), &profiles, &tier)
    }

    /// The reply the page gets: the preview as HTML in its language (every
    /// text escaped), the plan, and how many errors block it; through JSON,
    /// as in the browser.
    fn answer(
        files: &[(&str, &str)],
        env: Option<&str>,
        stats: Option<&str>,
        lang: UiLang,
    ) -> Response {
        let answer = handle(request(files, env, stats, lang), &mut String::new);
        assert!(answer.attachment.is_none());
        let json = serde_json::to_string(&answer.response).unwrap();
        serde_json::from_str(&json).unwrap()
    }

    /// Before the user confirms, the preview says what the plan keeps for
    /// the export: the image, ports and mounts each service ran, escaped.
    #[test]
    fn the_preview_lists_what_the_export_keeps() {
        const RUN: &str = "services:\n  db:\n    image: postgres:13.4-alpine\n    ports:\n      - 127.0.0.1:5432:5432\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n  cache:\n    image: redis:7-alpine\n";
        let p = import(&[("compose.yaml", RUN)], None, None);
        let kept = |name: &str| {
            p.services
                .iter()
                .find(|s| s.name == name)
                .unwrap()
                .kept
                .clone()
        };
        assert_eq!(
            kept("db"),
            [
                "postgres:13.4-alpine",
                "127.0.0.1:5432:5432",
                "./pgdata:/var/lib/postgresql/data"
            ]
        );
        assert!(
            kept("cache").is_empty(),
            "the catalog's own image adds nothing"
        );
        for (lang, lead) in [
            (UiLang::En, "Kept for the export: "),
            (UiLang::Zh, "导出时沿用："),
        ] {
            let Response::Import { html, .. } = answer(&[("compose.yaml", RUN)], None, None, lang)
            else {
                panic!("not an import")
            };
            assert!(
                html.contains(&format!(
                    "data-testid=\"import-kept\">{lead}<code>postgres:13.4-alpine</code>"
                )),
                "{html}"
            );
            assert_eq!(
                html.matches("data-testid=\"import-kept\"").count(),
                1,
                "{html}"
            );
        }
    }

    #[test]
    fn the_worker_answers_an_import_with_html_in_the_ui_language() {
        let Response::Import {
            html,
            plan,
            errors,
            project,
        } = answer(
            &[("docker-compose.yml", SHOP)],
            None,
            Some(STATS),
            UiLang::Zh,
        )
        else {
            panic!("not an import")
        };
        assert_eq!((errors, project.as_deref()), (0, Some("shop")));
        assert!(plan.is_some());
        for part in [
            "import-verdict",
            "import-recognised",
            "import-assumed",
            "import-not-running",
            "import-unknown-containers",
            "import-service-db",
        ] {
            assert!(
                html.contains(&format!("data-testid=\"{part}\"")),
                "{part}: {html}"
            );
        }
        assert!(
            html.contains("已识别（1）") && html.contains("实测 210\u{a0}MiB"),
            "{html}"
        );
        let Response::Import {
            html, plan, errors, ..
        } = answer(
            &[(
                "docker-compose.yml",
                "services:\n  web:\n    image: [nginx<b>\n",
            )],
            None,
            None,
            UiLang::En,
        )
        else {
            panic!("not an import")
        };
        assert!(plan.is_none() && errors > 0);
        assert!(
            html.contains("Errors (")
                && html.contains("<code class=\"import-at\">docker-compose.yml:"),
            "{html}"
        );
        assert!(
            !html.contains("<b>\n") && !html.contains("nginx<b>"),
            "text is escaped: {html}"
        );
    }

    const SHOP: &str = "name: shop\nservices:\n  db:\n    image: postgres:16\n    mem_limit: ${DB_MEM:-1g}\n  app:\n    image: registry.example.com/shop/app:3\n    depends_on: [db]\n  migrate:\n    image: registry.example.com/shop/app:3\n    command: ./migrate\n    restart: \"no\"\n";
    const STATS: &str = "CONTAINER ID   NAME           CPU %     MEM USAGE / LIMIT     MEM %     NET I/O   BLOCK I/O   PIDS\n\
                         1a2b3c4d5e6f   shop-db-1      0.50%     210MiB / 3.7GiB       5.5%      0B / 0B   0B / 0B     9\n\
                         3c4d5e6f7a8b   legacy-cron    0.00%     4MiB / 3.7GiB         0.1%      0B / 0B   0B / 0B     1\n";

    /// The preview is the engine's import: the same plan as `import::compose`
    /// then `import::with_stats`, and every service with what it became.
    #[test]
    fn an_import_previews_services_the_verdict_and_the_engines_plan() {
        let p = import(
            &[("docker-compose.yml", SHOP)],
            Some("DB_MEM=512m\n"),
            Some(STATS),
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let by = |n: &str| p.services.iter().find(|s| s.name == n).unwrap();
        assert_eq!(by("db").outcome, import::ServiceOutcome::Recognised);
        assert_eq!(by("db").catalog_en.as_deref(), Some("PostgreSQL"));
        assert_eq!(by("db").measured.as_deref(), Some("210 MiB"));
        assert_eq!(by("db").at, "docker-compose.yml:3:3");
        assert_eq!(by("app").outcome, import::ServiceOutcome::Assumed);
        assert_eq!(by("migrate").outcome, import::ServiceOutcome::NotRunning);
        assert!(
            by("migrate").zh.contains("一次性任务"),
            "{}",
            by("migrate").zh
        );
        assert_eq!(p.unknown_containers.len(), 1);
        assert!(p.unknown_containers[0].en.contains("legacy-cron"));
        let v = p.verdict.expect("a verdict");
        assert_eq!(v.verdict, stackfit_core::Verdict::Fits);
        assert!(!v.en.is_empty() && !v.zh.is_empty());
        // The plan is exactly the engine's, through the codec.
        let compose = stackfit_core::import::compose(&stackfit_core::import::ComposeInput {
            files: vec![stackfit_core::import::InputFile::new(
                "docker-compose.yml",
                SHOP.as_bytes(),
            )],
            env: Some(stackfit_core::import::InputFile::new(
                ".env",
                b"DB_MEM=512m\n",
            )),
            tier: stackfit_core::import::DEFAULT_TIER,
            ..Default::default()
        });
        let want = stackfit_core::import::with_stats(
            compose,
            Some(stackfit_core::import::InputFile::new(
                "docker-stats.txt",
                STATS.as_bytes(),
            )),
        )
        .plan
        .unwrap();
        let got = codec::from_json(p.plan.as_deref().unwrap()).unwrap();
        assert!(got.fixes.is_empty());
        assert_eq!(got.plan, want);
        let (_, db) = want.options[0].find_placement("db").unwrap();
        assert_eq!(db.limit_mib, Some(512), "the .env's value");
    }

    /// Broken YAML: no plan (nothing can be adopted) and the error says
    /// file, line and column in both languages.
    #[test]
    fn a_broken_file_gives_errors_with_file_line_and_column_and_no_plan() {
        let p = import(
            &[(
                "docker-compose.yml",
                "services:\n  web:\n    image: [nginx\n",
            )],
            None,
            None,
        );
        assert!(p.plan.is_none() && p.verdict.is_none());
        let e = &p.errors[0];
        assert!(
            e.at.as_deref()
                .is_some_and(|a| a.starts_with("docker-compose.yml:")),
            "{e:?}"
        );
        assert!(!e.en.is_empty() && !e.zh.is_empty());
        // An empty dialog says there is no compose file, once.
        let p = import(&[], Some("  \n"), Some(""));
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert!(p.errors[0].en.contains("no compose file"));
    }

    /// A real stack (tests/corpus/immich) with its `.env`, which its
    /// services also name as `env_file`, and a capture with a container of
    /// another project.
    #[test]
    fn a_real_stack_imports_with_its_env_file_and_stats() {
        let compose = include_str!("../../core/tests/corpus/immich/docker-compose.yml");
        let env = "UPLOAD_LOCATION=./library\nDB_DATA_LOCATION=./postgres\nIMMICH_VERSION=v1.135.3\nDB_PASSWORD=postgres\nDB_USERNAME=postgres\nDB_DATABASE_NAME=immich\n";
        let stats = "CONTAINER ID   NAME                      CPU %     MEM USAGE / LIMIT     MEM %     NET I/O   BLOCK I/O   PIDS\n\
                     3f1a2b4c5d6e   immich_server             1.52%     412.3MiB / 3.618GiB   11.13%    0B / 0B   0B / 0B     24\n\
                     7d5e6f7a8b9c   portainer                 0.00%     21.7MiB / 3.618GiB    0.59%     0B / 0B   0B / 0B     7\n";
        let p = import(&[("docker-compose.yml", compose)], Some(env), Some(stats));
        assert!(
            p.errors.is_empty() && p.warnings.is_empty(),
            "{:?} {:?}",
            p.errors,
            p.warnings
        );
        assert_eq!(p.services.len(), 4);
        assert!(p
            .services
            .iter()
            .all(|s| s.outcome == import::ServiceOutcome::Recognised));
        let server = p
            .services
            .iter()
            .find(|s| s.name == "immich-server")
            .unwrap();
        assert_eq!(server.measured.as_deref(), Some("413 MiB"));
        assert_eq!(p.unknown_containers.len(), 1);
        assert!(p.plan.is_some() && p.verdict.is_some());
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

    /// The share links the worker writes: a template's link, with the QR
    /// code of the whole address, reads back as its plan.
    #[test]
    fn the_worker_writes_share_links() {
        let plan = stackfit_core::templates::get("s3").unwrap();
        let mut no_secret = || unreachable!("links need no secret");
        let written = handle(
            Request::LinkWrite {
                plan: codec::to_json(&plan),
                page: Some("https://stackfit.example/".into()),
                option: None,
            },
            &mut no_secret,
        );
        let Response::Link { fragment, qr } = written.response else {
            panic!("{:?}", written.response)
        };
        assert_eq!(fragment, codec::link::plan_to_fragment(&plan));
        assert_eq!(
            qr,
            qr::qr_path(&format!("https://stackfit.example/#{fragment}"))
        );
        assert!(qr.is_some());
        // It reads back as the plan (the extras read it with the same codec).
        assert_eq!(
            codec::link::plan_from_fragment(&fragment).unwrap().plan,
            plan
        );
    }

    /// A link written from another option than the first opens on it, and
    /// its QR code says so too; the first option or an unknown id adds nothing.
    #[test]
    fn a_link_opens_on_the_option_on_the_senders_screen() {
        let plan = stackfit_core::templates::get("s3").unwrap();
        let mut no_secret = || unreachable!("links need no secret");
        let mut write = |option: &str| {
            let answer = handle(
                Request::LinkWrite {
                    plan: codec::to_json(&plan),
                    page: Some("https://stackfit.example/".into()),
                    option: Some(option.into()),
                },
                &mut no_secret,
            );
            match answer.response {
                Response::Link { fragment, qr } => (fragment, qr),
                other => panic!("{other:?}"),
            }
        };
        let bare = codec::link::plan_to_fragment(&plan);
        let (fragment, qr) = write("b-split");
        assert_eq!(fragment, format!("{bare}&o=b-split"));
        assert_eq!(codec::link::opening_option(&fragment), Some("b-split"));
        assert_eq!(
            qr,
            qr::qr_path(&format!("https://stackfit.example/#{fragment}"))
        );
        assert_eq!(write(&plan.options[0].id).0, bare);
        assert_eq!(write("no-such-option").0, bare);
    }

    /// The report's Markdown and cost CSV from the worker are the engine's,
    /// for the plan as the page holds it.
    #[test]
    fn the_worker_writes_the_reports_texts() {
        let plan = stackfit_core::templates::get("s3").unwrap();
        let report = evaluate(&plan);
        for (lang, core_lang) in [(UiLang::En, Lang::En), (UiLang::Zh, Lang::Zh)] {
            let presentation = present::present(&plan, &report, core_lang);
            for (format, want) in [
                (
                    protocol::TextFormat::Markdown,
                    present::markdown(&presentation),
                ),
                (
                    protocol::TextFormat::CostCsv,
                    present::cost_csv(&presentation),
                ),
            ] {
                let answer = handle(
                    Request::ReportText {
                        plan: codec::to_json(&plan),
                        lang,
                        format,
                    },
                    &mut || unreachable!("texts need no secret"),
                );
                assert_eq!(answer.response, Response::ReportText { text: want });
            }
        }
    }
}
