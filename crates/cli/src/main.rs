//! The `stackfit` command: StackFit's engine from the terminal — catalogs,
//! templates, evaluation (a readable table or JSON), tuning and exports.

mod export;
mod import;
mod recommend;
mod table;
mod whatif;

use std::process::ExitCode;

use stackfit_core::fit::Lang;
use stackfit_core::model::price::{book_from_csv, PriceBook};
use stackfit_core::{catalog, codec, cost, fit, present, templates};

const USAGE: &str = "usage:
  stackfit --version
  stackfit catalog services|tiers [--json]
  stackfit template list [--json]
  stackfit template show NAME
  stackfit evaluate PLAN.json [--json] [--lang en|zh]
  stackfit tune PLAN.json OPTION PLACEMENT [--json]
  stackfit link PLAN.json            (the share link's fragment)
  stackfit open LINK                 (the plan JSON of a share link)
  stackfit export compose|env|postgres|k8s|swarm|deploy|all PLAN.json
          [--option NAME] [--server LABEL] [--out DIR] [--lang en|zh]
  stackfit report PLAN.json --format md|csv [--lang en|zh]
  stackfit import COMPOSE.yml... [--env FILE] [--stats FILE] [--profile P]...
          [--project NAME] [--tier TIER]    (the plan JSON; what was read on stderr)
  stackfit recommend PLAN.json [--option NAME] [--providers aliyun,tencent,aws]
          [--max-servers N] [--families c7,g7] [--headroom PCT]
          [--keep-together a,b]... [--keep-apart a,b]... [--pin PLACEMENT=SERVER]...
          [--catalog-prices] [--allow-unknown-prices] [--json] [--lang en|zh]
          the cheapest layouts that fit; exits 0 found, 1 nothing fits, 2 bad input
  stackfit whatif PLAN.json --load 2.0 [--option NAME] [--json] [--lang en|zh]
          each server's verdict at that load and where it breaks (×0.5 … ×10)
  stackfit check COMPOSE.yml... [--env FILE] [--stats FILE] [--profile P]...
          --tier TIER [--headroom PCT] [--json]
          exits 0 fits, 1 tight or at risk, 2 does not fit or would not start
          (a host port published twice), 3 bad input
PLAN.json may be a template name (s0 … s4) instead of a file.
--prices BOOK.csv (any command that prices a plan): your quotes, the planner's
price-book CSV; a link then carries the quotes for the tiers the plan uses.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(out) = run_import(&args) {
        print!("{}", out.stdout);
        eprint!("{}", out.stderr);
        return ExitCode::from(out.code);
    }
    match run_with_code(&args) {
        Ok((out, code)) => {
            print!("{out}");
            ExitCode::from(code)
        }
        Err(e) => {
            eprintln!("stackfit: {e}");
            ExitCode::from(2)
        }
    }
}

/// `import` and `check`, which have their own exit codes; `None` for any
/// other command.
fn run_import(args: &[String]) -> Option<import::Outcome> {
    let command = args.first()?.as_str();
    if command != "import" && command != "check" {
        return None;
    }
    let takes_value = [
        "--env",
        "--stats",
        "--profile",
        "--project",
        "--tier",
        "--headroom",
        "--lang",
    ];
    let mut files = Vec::new();
    let mut values: Vec<(&str, &str)> = Vec::new();
    let mut flags = Vec::new();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        if takes_value.contains(&a.as_str()) {
            match it.next() {
                Some(v) => values.push((a.as_str(), v.as_str())),
                None => return Some(usage_error(&format!("{a} needs a value"))),
            }
        } else if a.starts_with("--") {
            flags.push(a.as_str());
        } else {
            files.push(a.as_str());
        }
    }
    let value = |name: &str| values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let lang = match value("--lang") {
        Some("zh") => Lang::Zh,
        Some("en") | None => Lang::En,
        Some(other) => {
            return Some(usage_error(&format!(
                "unknown language {other:?} (en or zh)"
            )))
        }
    };
    if let Some(f) = flags.iter().find(|f| **f != "--json") {
        return Some(usage_error(&format!("unknown option {f}")));
    }
    if files.is_empty() {
        return Some(usage_error("give at least one compose file"));
    }
    let tier = match (command, value("--tier")) {
        (_, Some(t)) => t,
        ("import", None) => import::DEFAULT_TIER,
        _ => {
            return Some(usage_error(
                "check needs --tier TIER (see `stackfit catalog tiers`)",
            ))
        }
    };
    let req = import::Request {
        files,
        env: value("--env"),
        stats: value("--stats"),
        profiles: values
            .iter()
            .filter(|(n, _)| *n == "--profile")
            .map(|(_, v)| *v)
            .collect(),
        project: value("--project"),
        tier,
    };
    Some(if command == "import" {
        import::run_import(&req, lang)
    } else {
        import::run_check(&req, value("--headroom"), flags.contains(&"--json"), lang)
    })
}

fn usage_error(what: &str) -> import::Outcome {
    import::Outcome {
        stdout: String::new(),
        stderr: format!("stackfit: {what}\n{USAGE}\n"),
        code: import::exit::BAD_INPUT,
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("serializable") + "\n"
}

/// Loads a plan from a file, or from a template name (in `lang`).
fn load(path: &str, lang: Lang) -> Result<stackfit_core::Plan, String> {
    if !std::path::Path::new(path).exists() {
        if let Some(plan) = templates::get_in(path, lang) {
            return Ok(plan);
        }
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let restored = codec::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    for fix in &restored.fixes {
        eprintln!("stackfit: {path}: fixed: {}", fix.text_en());
    }
    Ok(restored.plan)
}

/// A command's output; see [`run_with_code`].
#[cfg(test)]
fn run(args: &[String]) -> Result<String, String> {
    run_with_code(args).map(|(out, _)| out)
}

/// A command's output and exit status (0 unless the command has its own,
/// like `recommend`'s 1 when nothing fits); an error exits 2.
fn run_with_code(args: &[String]) -> Result<(String, u8), String> {
    let flag = |name: &str| args.iter().any(|a| a == name);
    if matches!(args, [a] if a == "--version" || a == "-V") {
        return Ok((format!("stackfit {}\n", env!("CARGO_PKG_VERSION")), 0));
    }
    let positional: Vec<&str> = {
        let mut v = Vec::new();
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
            } else if [
                "--lang",
                "--option",
                "--server",
                "--out",
                "--prices",
                "--format",
                "--load",
                "--providers",
                "--max-servers",
                "--families",
                "--headroom",
                "--keep-together",
                "--keep-apart",
                "--pin",
            ]
            .contains(&a.as_str())
            {
                skip = true;
            } else if !a.starts_with("--") {
                v.push(a.as_str());
            }
        }
        v
    };
    let lang = match args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
    {
        Some("zh") => Lang::Zh,
        Some("en") | None => Lang::En,
        Some(other) => return Err(format!("unknown language {other:?} (en or zh)")),
    };
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    let book = match value("--prices") {
        None => PriceBook::default(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            book_from_csv(&text).map_err(|e| match lang {
                Lang::En => format!("{path}: line {}, column {}: {}", e.line, e.column, e.en),
                Lang::Zh => format!("{path}：第 {} 行第 {} 列：{}", e.line, e.column, e.zh),
            })?
        }
    };
    let values = |name: &str| -> Vec<&str> {
        args.windows(2)
            .filter(|w| w[0] == name)
            .map(|w| w[1].as_str())
            .collect()
    };
    if let ["recommend", path] = positional.as_slice() {
        let plan = load(path, lang)?;
        let req = recommend::Request {
            option: value("--option"),
            providers: value("--providers"),
            families: value("--families"),
            max_servers: value("--max-servers"),
            headroom: value("--headroom"),
            keep_together: values("--keep-together"),
            keep_apart: values("--keep-apart"),
            pin: values("--pin"),
            catalog_prices_only: flag("--catalog-prices"),
            allow_unknown_prices: flag("--allow-unknown-prices"),
            json: flag("--json"),
        };
        return recommend::run(&plan, &req, &book, lang);
    }
    match positional.as_slice() {
        ["catalog", "services"] => Ok(if flag("--json") {
            json(&catalog::services())
        } else {
            table::services()
        }),
        ["catalog", "tiers"] => Ok(if flag("--json") {
            json(&catalog::tiers())
        } else {
            table::tiers()
        }),
        ["template", "list"] => Ok(if flag("--json") {
            json(&templates::list())
        } else {
            templates::list()
                .iter()
                .map(|t| format!("{:<18} {}\n", t.id, t.name_en))
                .collect()
        }),
        ["template", "show", name] => {
            let plan = templates::get(name)
                .ok_or_else(|| format!("no template {name:?} (see `stackfit template list`)"))?;
            Ok(codec::to_json(&plan) + "\n")
        }
        ["evaluate", path] => {
            let plan = load(path, lang)?;
            let report = fit::evaluate_with(&plan, &book);
            Ok(if flag("--json") {
                json(&report)
            } else {
                table::report(&plan, &report, lang)
            })
        }
        ["tune", path, option, placement] => {
            let plan = load(path, lang)?;
            let report = fit::evaluate(&plan);
            let p = report
                .placement(option, placement)
                .ok_or_else(|| format!("no placement {placement:?} in option {option:?}"))?;
            Ok(if flag("--json") {
                json(&p.tuning)
            } else {
                table::tuning(p)
            })
        }
        ["link", path] => {
            let mut plan = load(path, lang)?;
            plan.quotes = cost::carry(&plan, &book);
            Ok(codec::link::plan_to_fragment(&plan) + "\n")
        }
        ["report", path] => {
            let plan = load(path, lang)?;
            let p = present::present(&plan, &fit::evaluate_with(&plan, &book), lang);
            match value("--format") {
                Some("md") | None => Ok(present::markdown(&p)),
                Some("csv") => Ok(present::cost_csv(&p)),
                Some(other) => Err(format!("unknown report format {other:?} (md or csv)")),
            }
        }
        ["open", link] => {
            let restored = codec::link::plan_from_fragment(link).map_err(|e| match lang {
                Lang::Zh => e.message_zh(),
                Lang::En => e.message_en(),
            })?;
            for fix in &restored.fixes {
                eprintln!("stackfit: fixed: {}", fix.text_en());
            }
            Ok(codec::to_json(&restored.plan) + "\n")
        }
        ["export", what, path] => {
            let plan = load(path, lang)?;
            export::run(
                &plan,
                &fit::evaluate_with(&plan, &book),
                what,
                value("--option"),
                value("--server"),
                value("--out"),
                lang,
            )
        }
        ["whatif", path] => {
            let plan = load(path, lang)?;
            whatif::run(
                &plan,
                value("--option"),
                value("--load"),
                &book,
                flag("--json"),
                lang,
            )
        }
        _ => Err(USAGE.to_string()),
    }
    .map(|out| (out, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn version_names_the_package_version() {
        assert_eq!(
            run(&args("--version")).unwrap(),
            format!("stackfit {}\n", env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(run(&args("-V")).unwrap(), run(&args("--version")).unwrap());
        assert!(run(&args("--version extra")).is_err());
    }

    #[test]
    fn catalog_services_json_lists_every_service_with_its_names() {
        let out = run(&args("catalog services --json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let list = v.as_array().unwrap();
        assert_eq!(list.len(), catalog::services().len());
        for (item, def) in list.iter().zip(catalog::services()) {
            assert_eq!(item["id"], def.id);
            assert_eq!(item["name_zh"], def.name_zh);
            assert!(item["images"].is_array() && item["knobs"].is_array());
        }
    }

    #[test]
    fn evaluate_json_has_the_documented_shape() {
        let out = run(&args("evaluate s3 --json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let o = &v["options"][0];
        for key in ["name", "verdict", "monthly_fen", "yearly_fen", "servers"] {
            assert!(o.get(key).is_some(), "option lacks {key}");
        }
        let s = &o["servers"][0];
        for key in [
            "label",
            "tier",
            "verdict",
            "capacity_mib",
            "usable_mib",
            "reserve_mib",
            "allocatable_mib",
            "expected_mib",
            "peak_mib",
            "limit_mib",
            "monthly_fen",
            "findings",
        ] {
            assert!(s.get(key).is_some(), "server lacks {key}");
        }
        assert_eq!(o["verdict"], "fits");
        assert_eq!(o["yearly_fen"], 960_000);
        let f = &s["findings"][0];
        assert!(f["id"].is_string() && f["severity"].is_string());
    }

    #[test]
    fn unknown_prices_are_null_not_zero() {
        let v: serde_json::Value =
            serde_json::from_str(&run(&args("evaluate s4 --json")).unwrap()).unwrap();
        assert!(v["options"][0]["monthly_fen"].is_null());
        assert!(v["options"][0]["servers"][0]["monthly_fen"].is_null());
    }

    #[test]
    fn a_bad_plan_file_names_the_field_and_line() {
        let dir = std::env::temp_dir().join(format!("stackfit-cli-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.json");
        std::fs::write(&path, "{\n  \"name\": \"x\",\n  \"options\": [{\"id\": \"a\", \"name\": \"A\",\n    \"servers\": \"none\"}]\n}").unwrap();
        let e = run(&args(&format!("evaluate {}", path.display()))).unwrap_err();
        assert!(e.contains("line 4") && e.contains("`servers`"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn template_show_round_trips_through_evaluate() {
        let shown = run(&args("template show s0")).unwrap();
        let plan = codec::from_json(&shown).unwrap().plan;
        assert_eq!(plan, templates::get("s0").unwrap());
        assert!(run(&args("template show nope")).is_err());
        assert!(run(&args("frobnicate")).unwrap_err().contains("usage"));
    }

    /// `stackfit link` then `stackfit open` gives back the plan; a bad link
    /// says what is wrong, in the language asked for.
    #[test]
    fn link_and_open_round_trip() {
        let fragment = run(&args("link s2")).unwrap();
        let json = run(&[
            "open".to_string(),
            format!("https://planner.example/#{}", fragment.trim()),
        ])
        .unwrap();
        assert_eq!(
            codec::from_json(&json).unwrap().plan,
            templates::get("s2").unwrap()
        );
        let cut = &fragment.trim()[..fragment.len() / 2];
        let e = run(&[
            "open".to_string(),
            cut.to_string(),
            "--lang".into(),
            "zh".into(),
        ])
        .unwrap_err();
        assert!(e.contains("链接不完整"), "{e}");
    }

    #[test]
    fn export_writes_one_servers_compose_and_env() {
        let b = run(&args("export compose s4 --option as-planned --server b")).unwrap();
        // S4's report gives A's private address: B's workers reach it there.
        assert!(b.contains("POSTGRES_HOST: \"192.168.36.36\""), "{b}");
        assert!(b.contains("  worker-backup:\n") && !b.contains("  postgres:\n"));
        let env = run(&args("export env s4 --option as-planned --server b")).unwrap();
        assert!(env.starts_with("# .env.b"), "{env}");
        let e = run(&args("export compose s4 --option as-planned --server c")).unwrap_err();
        assert!(e.contains("servers: a, b"), "{e}");
        let e = run(&args("export env s4 --option nope")).unwrap_err();
        assert!(e.contains("options: as-planned"), "{e}");
        assert!(run(&args("export yaml s4"))
            .unwrap_err()
            .contains("unknown export"));
    }

    /// `export all --out DIR` writes every file under the dialog's names and
    /// the zip; secrets come from the OS, the same in every .env.
    #[test]
    fn export_all_writes_the_dialogs_files() {
        let dir = std::env::temp_dir().join(format!("stackfit-export-{}", std::process::id()));
        let out = run(&args(&format!("export all s4 --out {}", dir.display()))).unwrap();
        for name in [
            "docker-compose.a.yml",
            ".env.a",
            "docker-compose.b.yml",
            ".env.b",
            "kubernetes.yml",
            "stack.yml",
            "DEPLOY.md",
            "stackfit-as-planned.zip",
        ] {
            assert!(dir.join(name).exists(), "{name}: {out}");
        }
        let secret = |f: &str| {
            std::fs::read_to_string(dir.join(f))
                .unwrap()
                .lines()
                .find_map(|l| l.strip_prefix("POSTGRES_PASSWORD=").map(str::to_string))
        };
        if let (Some(a), Some(b)) = (secret(".env.a"), secret(".env.b")) {
            assert_eq!(a, b);
            assert_eq!(a.len(), 32);
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn tables_print_each_templates_verdicts() {
        let out = run(&args("evaluate s0")).unwrap();
        assert!(
            out.contains("lean-2c4g") && out.contains("FITS") && out.contains("DOES-NOT-FIT"),
            "{out}"
        );
        let zh = run(&args("evaluate s2 --lang zh")).unwrap();
        assert!(zh.contains("放不下"), "{zh}");
        assert!(run(&args("catalog services")).unwrap().contains("postgres"));
        assert!(run(&args("catalog tiers"))
            .unwrap()
            .contains("aws-t3-medium"));
        assert!(run(&args("tune s1 recommended postgres"))
            .unwrap()
            .contains("shared_buffers"));
    }

    #[test]
    fn report_writes_markdown_and_csv_in_either_language() {
        let md = run(&args("report s3 --format md --lang zh")).unwrap();
        assert!(md.starts_with("# ") && md.contains("## 方案对比"), "{md}");
        let csv = run(&args("report s3 --format csv")).unwrap();
        assert!(csv.starts_with(present::COST_CSV_HEADER), "{csv}");
        assert_eq!(
            csv.lines().count(),
            1 + templates::get("s3").unwrap().options.len()
        );
        assert!(run(&args("report s3 --format pdf")).is_err());
    }

    #[test]
    fn a_price_book_prices_evaluations_reports_and_links() {
        let dir = std::env::temp_dir().join(format!("stackfit-prices-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let book = dir.join("book.csv");
        std::fs::write(
            &book,
            "tier,monthly_cny,yearly_cny,billing,date,note\naliyun-ecs-c7-large,180,1836,yearly-prepaid,2026-11-30,sales\n",
        )
        .unwrap();
        let prices = format!("--prices {}", book.display());
        let csv = run(&args(&format!("report s3 --format csv {prices}"))).unwrap();
        let now = csv.lines().find(|l| l.starts_with("now,")).unwrap();
        assert!(now.contains(",180.00,1836.00,"), "{now}");
        let link = run(&args(&format!("link s3 {prices}"))).unwrap();
        let plan = run(&args(&format!("open {}", link.trim()))).unwrap();
        assert!(
            plan.contains("\"sender\""),
            "the link carries the quote as the sender's"
        );
        std::fs::write(&book, "tier,monthly\n").unwrap();
        let e = run(&args(&format!("evaluate s3 --lang zh {prices}"))).unwrap_err();
        assert!(e.contains("第 1 行第 1 列"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }

    /// `whatif --json`: the option at that load and each server's breaking
    /// point; a bad multiplier or option is refused (exit status 2).
    #[test]
    fn whatif_prints_verdicts_at_a_load_and_breaking_points() {
        let v: serde_json::Value = serde_json::from_str(
            &run(&args("whatif s4 --load 2.0 --option as-planned --json")).unwrap(),
        )
        .unwrap();
        assert_eq!(v["option"], "as-planned");
        assert_eq!(v["load"], 2000);
        assert!(v["report"]["servers"][0]["verdict"].is_string());
        let b = &v["breaking"][1];
        assert_eq!(b["server"], "b");
        assert!(b["load"].as_u64().unwrap() <= 1000, "{b}");
        assert!(b["gives"][0].is_string());
        assert_eq!(b["per_resource"].as_array().unwrap().len(), 3);
        let text = run(&args("whatif s0 --load 1.5 --option lean-2c4g")).unwrap();
        assert!(
            text.contains("at load ×1.5") && text.contains("breaks at ×"),
            "{text}"
        );
        let zh = run(&args("whatif s0 --load 1 --lang zh")).unwrap();
        assert!(zh.contains("负载 ×1"), "{zh}");
        assert!(run(&args("whatif s0 --load 20"))
            .unwrap_err()
            .contains("×0.5 … ×10"));
        assert!(run(&args("whatif s0")).unwrap_err().contains("--load"));
        assert!(run(&args("whatif s0 --load 2 --option nope"))
            .unwrap_err()
            .contains("options:"));
    }

    /// `recommend --json`: up to three layouts, each with its servers, cost,
    /// reason in both languages and the option to add.
    #[test]
    fn recommend_json_has_layouts_with_reasons_and_options() {
        let out = run(&args("recommend s3 --option a-single --json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["option"], "a-single");
        assert_eq!(v["exact"], true);
        let layouts = v["layouts"].as_array().unwrap();
        assert!(!layouts.is_empty() && layouts.len() <= 3);
        let l = &layouts[0];
        for key in [
            "monthly_fen",
            "known_monthly_fen",
            "unknown_prices",
            "headroom_pct",
            "servers",
            "reason_en",
            "reason_zh",
            "option",
        ] {
            assert!(l.get(key).is_some(), "layout lacks {key}");
        }
        let s = &l["servers"][0];
        for key in [
            "id",
            "tier",
            "size",
            "placements",
            "monthly_fen",
            "headroom_pct",
        ] {
            assert!(s.get(key).is_some(), "server lacks {key}");
        }
        assert!(l["option"]["servers"].is_array());
        let a = run(&args(
            "recommend s3 --option a-single --providers aws --max-servers 2",
        ))
        .unwrap();
        assert!(a.contains("aws-") && !a.contains("aliyun-"), "{a}");
        let zh = run(&args("recommend s4 --option as-planned --lang zh")).unwrap();
        assert!(zh.contains("余量"), "{zh}");
        let pinned = run(&args(
            "recommend s4 --option as-planned --pin postgres=a --allow-unknown-prices",
        ))
        .unwrap();
        assert!(pinned.contains("pinned"), "{pinned}");
    }
}
