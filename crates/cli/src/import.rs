//! `stackfit import` and `stackfit check`: compose files (with a `.env` and
//! a `docker stats` capture) become a plan, printed as JSON, or a verdict
//! whose exit code a CI job can act on.
//!
//! Unlike the engine, the command has a disk: files a compose file names
//! (`include`, `extends`, `env_file`) are read from beside it, as
//! `docker compose` reads them.

use std::path::{Path, PathBuf};

use stackfit_core::findings::Severity;
use stackfit_core::fit::{self, Lang, Verdict};
use stackfit_core::import::{self, ComposeImport, InputFile, Note};
use stackfit_core::model::bounds;
use stackfit_core::report::port_clash_words;
use stackfit_core::{codec, Plan};

/// The tier `import` puts the stack on when none is given (the engine's,
/// shared with the planner's import dialog).
pub use stackfit_core::import::DEFAULT_TIER;

/// How `check` exits, for CI.
pub mod exit {
    pub const FITS: u8 = 0;
    /// Tight or at risk of an OOM kill at peak.
    pub const AT_RISK: u8 = 1;
    /// Does not fit, or would not start: a host port published twice,
    /// which Docker refuses whatever the memory.
    pub const DOES_NOT_FIT: u8 = 2;
    pub const BAD_INPUT: u8 = 3;
}

/// What the caller asked to import.
pub struct Request<'a> {
    pub files: Vec<&'a str>,
    pub env: Option<&'a str>,
    pub stats: Option<&'a str>,
    pub profiles: Vec<&'a str>,
    pub project: Option<&'a str>,
    pub tier: &'a str,
}

/// A command's output and exit code.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // Read no more than the importer accepts: it says so in its own error.
    if meta.len() > import::limits::FILE_BYTES as u64 * 2 {
        return Err(format!(
            "{}: {} bytes is larger than any compose file or capture the importer reads ({} bytes)",
            path.display(),
            meta.len(),
            import::limits::FILE_BYTES
        ));
    }
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn note_line(n: &Note, lang: Lang) -> String {
    let at =
        n.at.as_ref()
            .map(|a| format!("{}:{}:{}: ", a.file, a.line, a.column))
            .unwrap_or_default();
    let text = match lang {
        Lang::En => &n.en,
        Lang::Zh => &n.zh,
    };
    format!("{at}{text}")
}

/// The import's notes for a person: errors, warnings, what was ignored,
/// and one line per service saying what it became.
fn describe(got: &ComposeImport, lang: Lang) -> String {
    let mut out = String::new();
    let label = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    for s in &got.services {
        out.push_str(&format!(
            "{}: {}\n",
            label("服务", "service"),
            match lang {
                Lang::En => &s.en,
                Lang::Zh => &s.zh,
            }
        ));
        // What the export keeps of it: its command, environment and
        // secrets (by name), as the planner's preview lists them.
        for n in s
            .read
            .iter()
            .filter(|n| matches!(n.code, "command" | "env" | "secret"))
        {
            out.push_str(&format!(
                "  {}: {}\n",
                label("保留", "kept"),
                note_line(n, lang)
            ));
        }
    }
    for (what, notes) in [
        (label("已忽略", "ignored"), &got.ignored),
        (label("警告", "warning"), &got.warnings),
        (label("错误", "error"), &got.errors),
    ] {
        for n in notes {
            out.push_str(&format!("{what}: {}\n", note_line(n, lang)));
        }
    }
    out
}

/// Imports the request: the compose files, then any file they name read
/// from beside the first one, then the stats capture.
pub fn import(req: &Request, lang: Lang) -> Result<(Plan, String), String> {
    let bytes: Vec<(String, Vec<u8>)> = req
        .files
        .iter()
        .map(|f| Ok((f.to_string(), read(Path::new(f))?)))
        .collect::<Result<_, String>>()?;
    let env = req
        .env
        .map(|f| Ok::<_, String>((f.to_string(), read(Path::new(f))?)))
        .transpose()?;
    let base: PathBuf = req
        .files
        .first()
        .and_then(|f| Path::new(f).parent())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut others: Vec<(String, Vec<u8>)> = Vec::new();
    let mut got;
    // Each round reads the files the last one named; includes can name more.
    let mut rounds = 0;
    loop {
        let input = import::ComposeInput {
            files: bytes.iter().map(|(n, b)| InputFile::new(n, b)).collect(),
            others: others.iter().map(|(n, b)| InputFile::new(n, b)).collect(),
            env: env.as_ref().map(|(n, b)| InputFile::new(n, b)),
            profiles: req.profiles.clone(),
            project: req.project,
            tier: req.tier,
        };
        got = import::compose(&input);
        let wanted: Vec<String> = got
            .missing_files
            .iter()
            .filter(|f| !others.iter().any(|(n, _)| n == *f))
            .cloned()
            .collect();
        rounds += 1;
        if wanted.is_empty() || rounds > import::limits::FILES {
            break;
        }
        for f in wanted {
            let path = base.join(&f);
            // A file that is not there stays missing: the importer says where.
            if let Ok(b) = read(&path) {
                others.push((f, b));
            } else {
                others.push((f, Vec::new()));
            }
        }
    }
    let capture = req
        .stats
        .map(|p| read(Path::new(p)).map(|b| (p, b)))
        .transpose()?;
    // The same call as the planner's import dialog: compose, then the capture.
    let all = import::with_stats(got, capture.as_ref().map(|(p, b)| InputFile::new(p, b)));
    let mut notes = describe(&all.compose, lang);
    if let Some(measured) = &all.stats {
        for n in &measured.notes {
            notes.push_str(&format!("docker stats: {}\n", note_line(n, lang)));
        }
    }
    for n in &all.stats_errors {
        notes.push_str(&format!("docker stats: {}\n", note_line(n, lang)));
    }
    let Some(mut plan) = all.plan else {
        return Err(notes);
    };
    // Named in the user's language, as the planner names an import.
    let name = import::import_name(all.compose.project.as_deref(), lang);
    plan.name = name.clone();
    for o in &mut plan.options {
        o.name = name.clone();
    }
    Ok((plan, notes))
}

/// `stackfit import`: the plan JSON on stdout, what was read on stderr.
pub fn run_import(req: &Request, lang: Lang) -> Outcome {
    match import(req, lang) {
        Ok((plan, notes)) => Outcome {
            stdout: codec::to_json(&plan) + "\n",
            stderr: notes,
            code: 0,
        },
        Err(notes) => Outcome {
            stdout: String::new(),
            stderr: notes,
            code: exit::BAD_INPUT,
        },
    }
}

/// `stackfit check`: the verdict and findings, and an exit code for CI.
pub fn run_check(req: &Request, headroom: Option<&str>, json: bool, lang: Lang) -> Outcome {
    let bad = |stderr: String| Outcome {
        stdout: String::new(),
        stderr,
        code: exit::BAD_INPUT,
    };
    let (mut plan, notes) = match import(req, lang) {
        Ok(x) => x,
        Err(notes) => return bad(notes),
    };
    if let Some(h) = headroom {
        let pct = h.trim_end_matches('%').parse::<i64>().ok();
        match pct.map(|p| bounds::HEADROOM_PCT.check(p)) {
            Some(Ok(p)) => plan.settings.headroom_target_pct = p as u32,
            Some(Err(e)) => {
                return bad(match lang {
                    Lang::En => e.message_en(),
                    Lang::Zh => e.message_zh(),
                })
            }
            None => return bad(format!("--headroom {h:?}: a whole percent, e.g. 15")),
        }
    }
    let report = fit::evaluate(&plan);
    let option = &report.options[0];
    let code = match option.verdict {
        _ if option.port_clashes() > 0 => exit::DOES_NOT_FIT,
        Verdict::Fits => exit::FITS,
        Verdict::Tight | Verdict::OomRisk => exit::AT_RISK,
        Verdict::DoesNotFit => exit::DOES_NOT_FIT,
    };
    let stdout = if json {
        serde_json::to_string_pretty(&serde_json::json!({
            "verdict": option.verdict,
            "port_clashes": option.port_clashes(),
            "exit_code": code,
            "server": option.servers.first(),
        }))
        .expect("serializable")
            + "\n"
    } else {
        let mut out = String::new();
        for s in &option.servers {
            let clashes = port_clash_words(s.port_clashes.len(), lang)
                .map_or(String::new(), |c| format!(" · {c}"));
            out.push_str(&format!(
                "{} ({}, {} vCPU): {}{clashes} — {}\n",
                s.label,
                s.tier,
                s.vcpu,
                match lang {
                    Lang::En => option.verdict.name_en(),
                    Lang::Zh => option.verdict.name_zh(),
                },
                fit::limited_by_words(s, lang)
            ));
            for f in &s.findings {
                let fix = f.fix.as_ref().map(|x| match lang {
                    Lang::En => format!(" → {}", x.label_en),
                    Lang::Zh => format!(" → {}", x.label_zh),
                });
                let severity = match (f.severity, lang) {
                    (Severity::Critical, Lang::En) => "critical",
                    (Severity::Warning, Lang::En) => "warning",
                    (Severity::Info, Lang::En) => "note",
                    (Severity::Critical, Lang::Zh) => "严重",
                    (Severity::Warning, Lang::Zh) => "警告",
                    (Severity::Info, Lang::Zh) => "提示",
                };
                out.push_str(&format!(
                    "  [{severity}] {}{}\n",
                    f.message(lang),
                    fix.unwrap_or_default()
                ));
            }
        }
        out
    };
    Outcome {
        stdout,
        stderr: notes,
        code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of compose files for one test, removed at the end.
    struct Dir(PathBuf);

    impl Dir {
        fn new(name: &str, files: &[(&str, &str)]) -> Dir {
            let d = std::env::temp_dir().join(format!("stackfit-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&d).unwrap();
            for (f, text) in files {
                std::fs::write(d.join(f), text).unwrap();
            }
            Dir(d)
        }

        fn path(&self, f: &str) -> String {
            self.0.join(f).display().to_string()
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            std::fs::remove_dir_all(&self.0).ok();
        }
    }

    fn request<'a>(files: &[&'a str], tier: &'a str) -> Request<'a> {
        Request {
            files: files.to_vec(),
            env: None,
            stats: None,
            profiles: Vec::new(),
            project: Some("shop"),
            tier,
        }
    }

    const SMALL: &str = "services:\n  web:\n    image: nginx:1.27\n  cache:\n    image: redis:7\n";
    const BIG: &str = "services:\n  search:\n    image: elasticsearch:8.15.0\n    environment:\n      ES_JAVA_OPTS: -Xms2g -Xmx2g\n  db:\n    image: postgres:16\n";

    #[test]
    fn check_exits_by_verdict() {
        let d = Dir::new("check", &[("small.yml", SMALL), ("big.yml", BIG)]);
        let (small, big) = (d.path("small.yml"), d.path("big.yml"));
        let fits = run_check(
            &request(&[&small], "aliyun-ecs-c7-large"),
            None,
            false,
            Lang::En,
        );
        assert_eq!(fits.code, exit::FITS, "{}{}", fits.stdout, fits.stderr);
        assert!(fits.stdout.contains("fits"), "{}", fits.stdout);
        let no = run_check(
            &request(&[&big], "aliyun-ecs-e-c1m1-large"),
            None,
            false,
            Lang::Zh,
        );
        assert_eq!(no.code, exit::DOES_NOT_FIT, "{}", no.stdout);
        assert!(
            no.stdout.contains("放不下") && no.stdout.contains("[严重]"),
            "{}",
            no.stdout
        );
        // A headroom target it cannot keep makes a stack that fits tight.
        let relaxed = run_check(
            &request(&[&big], "aliyun-ecs-c7-2xlarge"),
            None,
            true,
            Lang::En,
        );
        assert_eq!(relaxed.code, exit::FITS, "{}", relaxed.stdout);
        let strict = run_check(
            &request(&[&big], "aliyun-ecs-c7-2xlarge"),
            Some("90"),
            true,
            Lang::En,
        );
        let v: serde_json::Value = serde_json::from_str(&strict.stdout).unwrap();
        assert_eq!(v["exit_code"], serde_json::json!(strict.code));
        assert_eq!(strict.code, exit::AT_RISK, "{}", strict.stdout);
        let bad = run_check(
            &request(&[&small], "aliyun-ecs-c7-large"),
            Some("95"),
            false,
            Lang::En,
        );
        assert_eq!(bad.code, exit::BAD_INPUT);
        assert!(bad.stderr.contains("90"), "{}", bad.stderr);
    }

    /// Two services publishing host port 80 fit in memory, but Docker
    /// would refuse the second: the check says so beside the verdict and
    /// fails as a stack that does not fit.
    #[test]
    fn a_host_port_published_twice_exits_2() {
        let clash = "services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n  proxy:\n    image: caddy:2\n    ports: [\"80:80\"]\n";
        let d = Dir::new("clash", &[("clash.yml", clash)]);
        let path = d.path("clash.yml");
        let req = request(&[&path], "aliyun-ecs-c7-large");
        let out = run_check(&req, None, false, Lang::Zh);
        assert_eq!(out.code, exit::DOES_NOT_FIT, "{}", out.stdout);
        assert!(
            out.stdout.contains("): 放得下 · 端口冲突 — "),
            "{}",
            out.stdout
        );
        let json = run_check(&req, None, true, Lang::En);
        let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(
            (v["verdict"].as_str(), v["port_clashes"].as_u64()),
            (Some("fits"), Some(1))
        );
        assert_eq!(v["exit_code"], serde_json::json!(exit::DOES_NOT_FIT));
    }

    #[test]
    fn bad_input_says_where_and_exits_3() {
        let d = Dir::new(
            "bad",
            &[("broken.yml", "services:\n  web:\n    image: [nginx\n")],
        );
        let out = run_check(
            &request(&[&d.path("broken.yml")], "aliyun-ecs-c7-large"),
            None,
            false,
            Lang::En,
        );
        assert_eq!(out.code, exit::BAD_INPUT);
        assert!(out.stderr.contains("broken.yml:"), "{}", out.stderr);
        let missing = run_import(&request(&["/no/such/compose.yml"], DEFAULT_TIER), Lang::En);
        assert_eq!(missing.code, exit::BAD_INPUT);
        assert!(missing.stdout.is_empty());
    }

    #[test]
    fn files_a_compose_file_names_are_read_from_beside_it() {
        let d = Dir::new(
            "include",
            &[
                ("compose.yml", "include:\n  - db.yml\nservices:\n  web:\n    image: nginx:1.27\n    env_file: web.env\n"),
                ("db.yml", "services:\n  db:\n    image: postgres:16\n"),
                ("web.env", "WORKERS=2\n"),
            ],
        );
        let out = run_import(&request(&[&d.path("compose.yml")], DEFAULT_TIER), Lang::En);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let plan = codec::from_json(&out.stdout).unwrap().plan;
        let ids: Vec<&str> = plan.options[0].servers[0]
            .placements
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
        assert!(ids.contains(&"db") && ids.contains(&"web"), "{ids:?}");
    }

    #[test]
    fn docker_stats_become_measured_figures() {
        let d = Dir::new(
            "stats",
            &[
                ("compose.yml", SMALL),
                (
                    "stats.txt",
                    "CONTAINER ID   NAME            CPU %     MEM USAGE / LIMIT     MEM %     NET I/O   BLOCK I/O   PIDS\n\
                     1a2b3c4d5e6f   shop-web-1      0.10%     12.5MiB / 3.7GiB      0.33%     0B / 0B   0B / 0B     3\n\
                     2b3c4d5e6f7a   shop-cache-1    0.30%     9MiB / 3.7GiB         0.24%     0B / 0B   0B / 0B     5\n\
                     3c4d5e6f7a8b   other-thing-1   1.00%     100MiB / 3.7GiB       2.6%      0B / 0B   0B / 0B     9\n",
                ),
            ],
        );
        let stats = d.path("stats.txt");
        let mut req = request(&[], DEFAULT_TIER);
        let compose = d.path("compose.yml");
        req.files = vec![&compose];
        req.stats = Some(&stats);
        let (plan, notes) = import(&req, Lang::En).unwrap();
        let web = plan.options[0].servers[0]
            .placements
            .iter()
            .find(|p| p.id == "web")
            .unwrap();
        assert_eq!(web.measured_mib, Some(13), "12.5 MiB rounds up");
        assert!(notes.contains("other-thing-1"), "{notes}");
    }
}
