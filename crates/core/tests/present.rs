//! The report for budget holders: every figure is the engine's, every
//! option and finding is there, each language reads in its own words, and
//! the CSV is a table a spreadsheet reads.

use stackfit_core::findings::Lang;
use stackfit_core::model::units::{format_fen, format_mib};
use stackfit_core::present::{cost_csv, markdown, present};
use stackfit_core::{evaluate, templates};

const TEMPLATES: [&str; 5] = ["s0", "s1", "s2", "s3", "s4"];

/// A CSV record split by the RFC 4180 rules the exporter writes.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn every_option_server_placement_and_finding_is_in_the_markdown_with_the_engines_figures() {
    for t in TEMPLATES {
        for lang in [Lang::En, Lang::Zh] {
            let plan = templates::get_in(t, lang).unwrap();
            let report = evaluate(&plan);
            let p = present(&plan, &report, lang);
            let md = markdown(&p);
            for o in &report.options {
                let row = p.rows.iter().find(|r| r.id == o.id).unwrap();
                assert_eq!(row.monthly_fen, o.monthly_fen);
                if let Some(m) = o.monthly_fen {
                    assert_eq!(row.monthly, format_fen(m));
                    assert!(
                        md.contains(&format!("| {} |", format_fen(m))),
                        "{t} {}",
                        o.id
                    );
                }
                for s in &o.servers {
                    for pl in &s.placements {
                        let line = md.lines().find(|l| {
                            l.starts_with("| ")
                                && l.contains(&format!("| {} |", format_mib(pl.total.expected_mib)))
                                && l.contains(&format!("| {} |", format_mib(pl.total.limit_mib)))
                        });
                        assert!(line.is_some(), "{t} {} {}", o.id, pl.id);
                    }
                }
                for f in o.findings() {
                    // Escaped for Markdown, so compare the words only.
                    let words: String = f
                        .message(lang)
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .collect();
                    let md_words: String = md.chars().filter(|c| c.is_alphanumeric()).collect();
                    assert!(
                        md_words.contains(&words),
                        "{t} {}: {}",
                        o.id,
                        f.message(lang)
                    );
                }
            }
        }
    }
}

#[test]
fn each_language_reads_in_its_own_words() {
    for t in TEMPLATES {
        let plan = templates::get_in(t, Lang::Zh).unwrap();
        let md = markdown(&present(&plan, &evaluate(&plan), Lang::Zh));
        for english in [
            "The question",
            "It costs",
            "Risk:",
            "Fix:",
            "Headroom target",
            "Options side by side",
            "Assumptions",
            "allocatable",
            "unknown",
        ] {
            assert!(
                !md.contains(english),
                "{t}: {english:?} in the Chinese report"
            );
        }
        // Full-width punctuation takes no space after it ("。 建议： 升级" reads
        // as typed by a machine).
        for line in md.lines() {
            assert!(
                !["： ", "。 ", "， ", "； "]
                    .iter()
                    .any(|p| line.contains(p)),
                "{t}: a space after full-width punctuation: {line}"
            );
        }
        let plan = templates::get_in(t, Lang::En).unwrap();
        let md = markdown(&present(&plan, &evaluate(&plan), Lang::En));
        for chinese in ["问题", "费用", "风险", "建议", "余量目标", "方案对比"] {
            assert!(
                !md.contains(chinese),
                "{t}: {chinese:?} in the English report"
            );
        }
    }
}

/// S2: today's 2C2G is kept for comparison; the cheapest candidate that
/// fits is the 2C4G with the five services at min size, +¥40 a month.
#[test]
fn the_summary_gives_the_question_the_answer_the_cost_and_the_risk() {
    let plan = templates::get("s2").unwrap();
    let report = evaluate(&plan);
    let p = present(&plan, &report, Lang::En);
    assert_eq!(p.recommended.as_deref(), Some("upgrade-2c4g-min"));
    assert!(p.summary.starts_with("The question: "), "{}", p.summary);
    assert!(
        p.summary.contains("2C4G + five at min size"),
        "{}",
        p.summary
    );
    assert!(
        p.summary.contains("¥120.00/month, ¥1,440.00/year"),
        "{}",
        p.summary
    );
    assert!(p.summary.contains("Risk: "), "{}", p.summary);
    let row = p.rows.iter().find(|r| r.id == "upgrade-2c4g-min").unwrap();
    assert_eq!(row.delta, "+¥40.00");
    assert!(p.rows.iter().find(|r| r.id == "now").unwrap().baseline);
    // What was assumed, the reserve formula and the prices are stated.
    assert!(p
        .assumptions
        .iter()
        .any(|a| a.starts_with("Reserve = OS 256 MiB")));
    assert!(p.assumptions.iter().any(|a| a.starts_with("Price · ")));
}

#[test]
fn nothing_recommended_says_why() {
    let mut plan = templates::get("s0").unwrap();
    plan.options.retain(|o| o.id.contains("2c2g"));
    let p = present(&plan, &evaluate(&plan), Lang::Zh);
    assert_eq!(p.recommended, None);
    assert!(p.summary.contains("没有一个方案放得下"), "{}", p.summary);
}

#[test]
fn the_cost_csv_is_one_row_per_option_with_the_engines_figures() {
    for t in TEMPLATES {
        let plan = templates::get(t).unwrap();
        let report = evaluate(&plan);
        let csv = cost_csv(&present(&plan, &report, Lang::En));
        let mut lines = csv.lines();
        let header = fields(lines.next().unwrap());
        let rows: Vec<Vec<String>> = lines.map(fields).collect();
        assert_eq!(rows.len(), report.options.len(), "{t}");
        for (row, o) in rows.iter().zip(&report.options) {
            assert_eq!(row.len(), header.len(), "{t} {}", o.id);
            assert_eq!(row[0], o.id);
            let monthly = o
                .monthly_fen
                .map(|f| format!("{}.{:02}", f / 100, f % 100))
                .unwrap_or_default();
            assert_eq!(row[4], monthly, "{t} {}", o.id);
        }
    }
}

#[test]
fn plan_text_cannot_add_markdown() {
    let mut plan = templates::get("s0").unwrap();
    plan.name = "# Approved <img src=x onerror=alert(1)> [click](http://x)".into();
    plan.options[0].name = "a | b".into();
    let md = markdown(&present(&plan, &evaluate(&plan), Lang::En));
    assert!(md.starts_with("# \\# Approved \\<img"), "{}", &md[..80]);
    assert!(!md.replace("\\<", "").contains("<img"), "an unescaped tag");
    assert!(!md.contains("[click]("));
    assert!(md.contains("a \\| b"));
}

/// A new option has no servers: nothing is judged or priced, so its money
/// reads "—", never ¥0.00; S3's managed-cloud option has no servers either,
/// but its quote prices it.
#[test]
fn an_option_with_nothing_to_price_reads_a_dash_not_zero() {
    let mut plan = templates::get_in("s3", Lang::En).unwrap();
    plan.options
        .push(stackfit_core::model::PlanOption::new("blank", "Blank"));
    let report = evaluate(&plan);
    let p = present(&plan, &report, Lang::En);
    let blank = p.rows.iter().find(|r| r.id == "blank").unwrap();
    assert!(blank.unpriced && !blank.evaluated);
    assert_eq!(
        (
            blank.monthly.as_str(),
            blank.yearly.as_str(),
            blank.delta.as_str()
        ),
        ("—", "—", "—")
    );
    let cloud = p.rows.iter().find(|r| r.id == "c-cloud-native").unwrap();
    assert!(!cloud.unpriced && !cloud.evaluated);
    assert_eq!(cloud.monthly, "¥3,000.00");
}

/// Two public proxies on one server both take host port 80: Docker would
/// refuse the second, though memory and CPU fit. Wherever the report
/// shows a verdict (the comparison row and the server's heading) it says
/// the clash beside it, in each language, and only for the option that
/// has it.
#[test]
fn a_port_clash_is_said_beside_every_verdict_it_concerns() {
    use stackfit_core::model::{Placement, Plan, PlanOption, Server, Settings};
    let server = |id: &str, public: bool| {
        ["nginx", "caddy"].into_iter().fold(
            Server::new(id, "Edge", "aliyun-ecs-c7-large"),
            |s, p| {
                let mut placement = Placement::new(p, p);
                placement.public = public;
                s.with(placement)
            },
        )
    };
    let plan = Plan {
        quotes: Vec::new(),
        name: "edge".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![
            PlanOption::new("clash", "Both public").with(server("a", true)),
            PlanOption::new("calm", "One public").with(server("b", false)),
        ],
    };
    let report = evaluate(&plan);
    assert_eq!(report.options[0].port_clashes(), 1);
    assert_eq!(report.options[1].port_clashes(), 0);
    for (lang, verdict, words) in [
        (Lang::En, "fits", "fits · ⚠ port clash"),
        (Lang::Zh, "放得下", "放得下 · ⚠ 端口冲突"),
    ] {
        let p = present(&plan, &report, lang);
        let clash = &p.rows[0];
        assert_eq!(
            (clash.port_clashes, clash.verdict_words.as_str()),
            (1, verdict)
        );
        // The tooltip is the clash finding's own message, for the option
        // and for its server.
        let message = clash.port_clash_message.as_deref().unwrap_or_default();
        let said = [
            "caddy publishes host port 80/tcp",
            "caddy 发布的主机端口 80/tcp",
        ];
        assert!(said.iter().any(|s| message.starts_with(s)), "{message}");
        assert_eq!(
            p.options[0].servers[0].port_clash_message.as_deref(),
            Some(message)
        );
        assert_eq!(p.rows[1].port_clashes, 0);
        assert_eq!(p.rows[1].port_clash_message, None);
        assert_eq!(p.options[0].servers[0].port_clashes, 1);

        let md = markdown(&p);
        let row = |name: &str| {
            md.lines()
                .find(|l| l.starts_with(&format!("| {name}")))
                .unwrap_or_else(|| panic!("no row {name}\n{md}"))
                .to_string()
        };
        assert!(row("Both public").contains(&format!("| {words} |")), "{md}");
        assert!(
            row("One public").contains(&format!("| {verdict} |")),
            "{md}"
        );
        assert!(!row("One public").contains('⚠'), "{md}");
        let csv = stackfit_core::present::cost_csv(&p);
        assert!(
            csv.lines().next().unwrap().ends_with(",port_clashes"),
            "{csv}"
        );
        let clashes: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|l| l.rsplit(',').next().unwrap())
            .collect();
        assert_eq!(clashes, ["1", "0"], "{csv}");
        let headings: Vec<_> = md
            .lines()
            .filter(|l| l.starts_with("### Edge · "))
            .collect();
        assert_eq!(headings.len(), 2, "{md}");
        assert!(headings[0].ends_with(&format!(" · {words}")), "{md}");
        assert!(headings[1].ends_with(&format!(" · {verdict}")), "{md}");
    }
}
