//! The CLI from the built binary: the exit statuses of `stackfit whatif` and
//! `stackfit recommend` (0 answered, 1 nothing fits, 2 bad input), and what
//! `stackfit import` names its plan.

use std::process::Command;

fn stackfit(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stackfit"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn whatif_exits_0_when_answered_and_2_on_bad_input() {
    let (code, out, _) = stackfit(&["whatif", "s0", "--load", "2.0", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["breaking"].is_array());
    assert_eq!(stackfit(&["whatif", "s0", "--load", "0.1"]).0, 2);
    assert_eq!(
        stackfit(&["whatif", "s0", "--load", "2", "--option", "nope"]).0,
        2
    );
    assert_eq!(
        stackfit(&["whatif", "/nonexistent/plan.json", "--load", "2"]).0,
        2
    );
}

#[test]
fn recommend_exits_0_found_1_nothing_fits_2_bad_input() {
    let (code, out, _) = stackfit(&["recommend", "s3", "--option", "a-single", "--json"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = stackfit(&[
        "recommend",
        "s4",
        "--option",
        "as-planned",
        "--providers",
        "aws",
        "--max-servers",
        "1",
        "--families",
        "t3",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("fits no allowed tier") || out.contains("at most 1"),
        "{out}"
    );
    assert_eq!(stackfit(&["recommend", "s3", "--providers", "azure"]).0, 2);
    assert_eq!(stackfit(&["recommend", "s3", "--max-servers", "0"]).0, 2);
    assert_eq!(
        stackfit(&["recommend", "s3", "--keep-apart", "postgres,nope"]).0,
        2
    );
}

/// `stackfit import` names the plan and its option after the Compose
/// project, in the language asked for, as the planner's import does.
#[test]
fn import_names_the_plan_in_the_language_asked_for() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/e2e/fixtures/import"
    );
    let (compose, env) = (format!("{dir}/docker-compose.yml"), format!("{dir}/.env"));
    for (lang, name) in [("zh", "导入：shop"), ("en", "Imported: shop")] {
        let (code, out, err) = stackfit(&[
            "import",
            &compose,
            "--env",
            &env,
            "--project",
            "shop",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 0, "{err}");
        // What the export keeps is said: Immich's .env, less its password.
        let kept = match lang {
            "zh" => "保留: .env:1:1: environment：保留",
            _ => "kept: .env:1:1: environment: 4 kept",
        };
        assert!(err.contains(kept), "{err}");
        let file: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(file["plan"]["name"], name);
        assert_eq!(file["plan"]["options"][0]["name"], name);
    }
}

/// A compose file whose two services publish host port 80: `stackfit
/// evaluate` on the imported plan says the clash beside the option's and
/// the server's verdicts, which judge only memory and CPU; so does
/// `stackfit whatif`.
#[test]
fn evaluate_says_a_port_clash_beside_the_verdict() {
    let dir = std::env::temp_dir().join(format!("stackfit-clash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let compose = dir.join("docker-compose.yml");
    std::fs::write(
        &compose,
        "services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n  proxy:\n    image: caddy:2\n    ports: [\"80:80\"]\n",
    )
    .unwrap();
    let (code, plan, err) = stackfit(&["import", compose.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let plan_path = dir.join("plan.json");
    std::fs::write(&plan_path, plan).unwrap();
    for (lang, option_verdict) in [("en", "FITS · port clash"), ("zh", "放得下 · 端口冲突")]
    {
        let (code, out, err) = stackfit(&["evaluate", plan_path.to_str().unwrap(), "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        let option = out.lines().find(|l| l.starts_with("== ")).unwrap();
        assert!(option.contains(&format!(": {option_verdict} ")), "{out}");
        let server = out.lines().find(|l| l.starts_with("  server ")).unwrap();
        assert!(server.ends_with("): fits · port clash"), "{out}");
        // And `whatif`, at any load: a port sizes nothing.
        let (code, out, err) = stackfit(&[
            "whatif",
            plan_path.to_str().unwrap(),
            "--load",
            "2",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 0, "{err}");
        let said = if lang == "zh" {
            "放得下 · 端口冲突"
        } else {
            "fits · port clash"
        };
        assert_eq!(
            out.matches(said).count(),
            2,
            "the option and its server: {out}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
