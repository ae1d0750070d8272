//! The reference scenarios' "Must show" lines, asserted on the built-in
//! templates. Where the model disagrees with a report's hand figure, the test
//! says why the model is right.

use stackfit_core::fit::{evaluate, OptionReport, Report, ServerReport, Verdict};
use stackfit_core::model::apply;
use stackfit_core::templates;

fn report(id: &str) -> Report {
    evaluate(&templates::get(id).unwrap_or_else(|| panic!("template {id}")))
}

fn option<'a>(r: &'a Report, id: &str) -> &'a OptionReport {
    r.option(id).unwrap_or_else(|| panic!("option {id}"))
}

fn only_server(o: &OptionReport) -> &ServerReport {
    assert_eq!(o.servers.len(), 1);
    &o.servers[0]
}

// ---------------------------------------------------------------- S0

/// "2C4G fits with the lean limits (≈3.5 GB committed, ≈0.5 GB left)".
/// The report's "0.5 GB left" is the nominal 4 GiB minus the limits; the
/// model also counts what the OS sees and Docker's reserve, so the same
/// limits are 202 MiB over allocatable memory — a warning, not a verdict:
/// typical (1.4 GiB) and peak (2.2 GiB) use fit with a third free.
#[test]
fn s0_lean_2c4g_fits_with_the_lean_limits() {
    let r = report("s0");
    let lean = option(&r, "lean-2c4g");
    let s = only_server(lean);
    assert_eq!(lean.verdict, Verdict::Fits);
    assert_eq!(
        s.limit_mib,
        512 + 256 + 1024 + 1536 + 256,
        "≈3.5 GB committed"
    );
    assert_eq!(
        s.capacity_mib - s.limit_mib,
        512,
        "≈0.5 GB left of the nominal 4 GiB"
    );
    assert_eq!(
        s.expected_mib,
        180 + 50 + 350 + 800 + 80,
        "idle total ≈1.5 GB"
    );
    assert!(
        s.peak_mib > s.expected_mib + 700,
        "a crawl adds the browser, a task and Redis filling to maxmemory"
    );
    assert!(s.headroom_pct >= 15);
    assert!(s.has_finding("limits-overcommitted"));
    // What the report missed: maxmemory equal to the container limit.
    assert!(s.has_finding("redis-maxmemory-near-limit"));
}

/// "a Playwright peak warning".
#[test]
fn s0_warns_about_the_playwright_peak() {
    let r = report("s0");
    for id in ["lean-2c4g", "standard-4c8g"] {
        let s = only_server(option(&r, id));
        let f = s
            .findings
            .iter()
            .find(|f| f.id() == "browser-peak")
            .expect("browser-peak");
        assert_eq!(f.placement.as_deref(), Some("worker"));
        assert!(
            f.num("browser_mib") >= 383,
            "{id}: at least one browser with a page (measured 243 + 140 MiB)"
        );
    }
}

/// "2C2G does not fit" — needs ~3 GB by the report; by the model, even the
/// idle 1.4 GiB does not fit the 1.3 GiB left after OS and Docker.
#[test]
fn s0_2c2g_does_not_fit() {
    let r = report("s0");
    let tiny = option(&r, "tiny-2c2g");
    assert_eq!(tiny.verdict, Verdict::DoesNotFit);
    let f = only_server(tiny)
        .findings
        .iter()
        .find(|f| f.id() == "does-not-fit")
        .unwrap();
    assert!(f.num("shortfall_mib") > 0);
    let fix = f.fix.as_ref().expect("an upgrade is offered");
    assert!(matches!(fix.action, stackfit_core::Action::SetTier { .. }));
}

/// "4C8G fits the standard limits" — and the limits fit allocatable memory too.
#[test]
fn s0_4c8g_fits_the_standard_limits() {
    let r = report("s0");
    let std = option(&r, "standard-4c8g");
    let s = only_server(std);
    assert_eq!(std.verdict, Verdict::Fits);
    assert_eq!(s.limit_mib, 1024 + 512 + 2048 + 3072 + 256, "~6.8 GB");
    assert!(s.limit_mib <= s.allocatable_mib);
    assert!(!s.has_finding("limits-overcommitted"));
    assert_eq!(
        std.monthly_delta_fen,
        Some(15_000),
        "report quotes, low ends: ¥300 − ¥150"
    );
}

// ---------------------------------------------------------------- S1

/// "the full stack does not fit 4 GB and names ELK as the cause".
#[test]
fn s1_full_stack_does_not_fit_and_names_elk() {
    let r = report("s1");
    let full = option(&r, "full");
    assert_eq!(full.verdict, Verdict::DoesNotFit);
    let f = only_server(full)
        .findings
        .iter()
        .find(|f| f.id() == "does-not-fit")
        .unwrap();
    let named: Vec<&str> = f
        .subjects
        .iter()
        .map(|s| s.split(' ').next().unwrap())
        .collect();
    assert_eq!(named, ["elasticsearch", "logstash", "kibana"]);
    assert!(f.message_en().contains("elasticsearch") && f.message_zh().contains("logstash"));
}

/// "the recommended layout fits with the report's ~0.8 GB free". The report
/// keeps 500 MB of file cache and a 544 MB buffer inside its 4 GB; the model
/// keeps its reserve instead and still has well over 0.8 GiB free at peak.
#[test]
fn s1_recommended_layout_fits_with_room_to_spare() {
    let r = report("s1");
    let rec = option(&r, "recommended");
    let s = only_server(rec);
    assert_eq!(rec.verdict, Verdict::Fits);
    assert!(s.headroom_mib >= 800, "{}", s.headroom_mib);
    assert_eq!(s.limit_mib, 250 + 800 + 256 + 150 + 100 + 64);
    // Persistence on with maxmemory at the limit: the fork needs headroom.
    assert!(s.has_finding("redis-fork-headroom"));
}

// ---------------------------------------------------------------- S2

/// "does not fit with the shortfall for min and standard sizes". The report:
/// 2350 / 3030 MB against 1800 MB; the model's shortfalls are against
/// allocatable memory (1.8 GiB minus OS and Docker), so they are larger.
#[test]
fn s2_min_and_standard_do_not_fit_with_their_shortfall() {
    let r = report("s2");
    for (id, expected) in [("plus-min", 1131 + 1220), ("plus-standard", 1131 + 1900)] {
        let o = option(&r, id);
        let s = only_server(o);
        assert_eq!(o.verdict, Verdict::DoesNotFit, "{id}");
        assert_eq!(s.expected_mib, expected, "{id}");
        let f = s
            .findings
            .iter()
            .find(|f| f.id() == "does-not-fit")
            .unwrap();
        assert_eq!(
            f.num("shortfall_mib"),
            expected as i64 - s.allocatable_mib as i64
        );
        assert!(
            f.num("shortfall_mib") > expected as i64 - 1800,
            "{id}: worse than the report's, which forgot Docker"
        );
    }
}

/// "only the shared service fits" — as tight: 58 MiB (4 %) left.
#[test]
fn s2_only_the_shared_service_is_tight() {
    let r = report("s2");
    let o = option(&r, "plus-shared");
    assert_eq!(o.verdict, Verdict::Tight);
    assert!(only_server(o).has_finding("low-headroom"));
    // The measured box: 1.8 GiB usable less OS and Docker leaves ≈ the 264 MB
    // the report found "really available".
    let now = only_server(option(&r, "now"));
    assert!(
        (250..=300).contains(&(now.allocatable_mib - now.expected_mib)),
        "{}",
        now.allocatable_mib - now.expected_mib
    );
}

/// "the upgrade to 2C4G fits; the monthly delta". At the standard sizes the
/// report's own 2C4G allocation leaves 96 MB of a nominal 4 GB; counting what
/// the OS sees and Docker, the model calls its memory tight (8 % free), which
/// is the honest reading. At the min sizes the memory fits with the target
/// headroom. Neither option fits as a whole: the five services expect more
/// CPU than the two vCPUs (2.8 and 3.6 cores), and the verdict says that CPU
/// is what limits them instead of showing "fits" in green beside a red CPU bar.
#[test]
fn s2_upgrade_to_2c4g_fits_and_costs_40_more() {
    use stackfit_core::fit::Resource;
    let r = report("s2");
    let standard = option(&r, "upgrade-2c4g");
    assert_eq!(only_server(standard).memory_verdict, Verdict::Tight);
    assert!(only_server(standard).peak_mib <= only_server(standard).allocatable_mib);
    let min = option(&r, "upgrade-2c4g-min");
    assert_eq!(only_server(min).memory_verdict, Verdict::Fits);
    for o in [standard, min] {
        assert_eq!(o.verdict, Verdict::DoesNotFit, "{}", o.id);
        assert_eq!(o.limited_by, Some(Resource::Cpu), "{}", o.id);
        assert!(only_server(o).has_finding("cpu-oversubscribed"));
    }
    assert_eq!(
        standard.monthly_delta_fen,
        Some(4_000),
        "+¥40/month (report: +¥40–50)"
    );
    assert_eq!(min.yearly_fen, Some(12 * 12_000));
}

/// The does-not-fit fix is an upgrade within Alibaba ECS that fits.
#[test]
fn s2_does_not_fit_fix_upgrades_to_a_tier_that_fits() {
    let mut plan = templates::get("s2").unwrap();
    let r = evaluate(&plan);
    let f = only_server(option(&r, "plus-standard"))
        .findings
        .iter()
        .find(|f| f.id() == "does-not-fit")
        .unwrap()
        .clone();
    apply(&mut plan, &f.fix.unwrap().action).unwrap();
    let after = evaluate(&plan);
    let s = only_server(option(&after, "plus-standard"));
    assert_eq!(s.verdict, Verdict::Fits);
    assert_eq!(s.provider, Some(stackfit_core::model::Provider::AlibabaEcs));
}

// ---------------------------------------------------------------- S3

/// "today's 2C4G cannot run the proposed workers".
#[test]
fn s3_todays_2c4g_cannot_run_the_proposed_workers() {
    let r = report("s3");
    let o = option(&r, "now-proposed");
    assert!(o.verdict >= Verdict::OomRisk, "{:?}", o.verdict);
    let s = only_server(o);
    assert!(s.has_finding("peak-oom-risk") || s.has_finding("does-not-fit"));
    assert!(
        s.has_finding("cpu-oversubscribed"),
        "12 children on 2 vCPUs"
    );
}

/// "option A fits".
#[test]
fn s3_option_a_fits() {
    let r = report("s3");
    assert_eq!(option(&r, "a-single").verdict, Verdict::Fits);
}

/// "the connection budget (sum of pools across processes) against
/// max_connections". The report counted one pool (80 ≤ 150); every prefork
/// child and every uvicorn worker holds its own pool: 20 processes × 80.
#[test]
fn s3_connection_budget_counts_every_process() {
    let r = report("s3");
    let s = only_server(option(&r, "a-single"));
    let f = s
        .findings
        .iter()
        .find(|f| f.id() == "db-connections-over-max")
        .expect("over max_connections");
    assert_eq!(f.num("max_connections"), 150);
    assert_eq!(f.num("pools_total"), (4 + 4 + 6 + 2) * 80);
    assert_eq!(f.placement.as_deref(), Some("postgres"));
}

/// "the A+ label/spec mismatch caught by a catalog that knows real specs".
#[test]
fn s3_a_plus_label_disagrees_with_the_tier() {
    let r = report("s3");
    let s = only_server(option(&r, "a-plus"));
    let f = s
        .findings
        .iter()
        .find(|f| f.id() == "tier-spec-mismatch")
        .expect("mismatch");
    assert_eq!(f.num("claimed_vcpu"), 8);
    assert_eq!(f.num("vcpu"), 16);
    assert!(!only_server(option(&r, "a-single")).has_finding("tier-spec-mismatch"));
}

/// "the three options side by side with monthly and yearly cost".
#[test]
fn s3_three_options_with_monthly_and_yearly_cost() {
    let r = report("s3");
    let costs: Vec<_> = ["a-single", "b-split", "a-plus"]
        .iter()
        .map(|id| (option(&r, id).monthly_fen, option(&r, id).yearly_fen))
        .collect();
    assert_eq!(
        costs,
        [
            (Some(80_000), Some(960_000)),
            (Some(200_000), Some(2_400_000)),
            (Some(120_000), Some(1_440_000))
        ]
    );
    assert_eq!(option(&r, "a-plus").monthly_delta_fen, Some(40_000));
    // The split option reaches its database across the private network.
    assert!(option(&r, "b-split")
        .findings()
        .any(|f| f.id() == "cross-server-dependency"));
}

// ---------------------------------------------------------------- S4

/// "server B is over its usable memory once the OS and Docker are counted
/// (the report counted none)": 7.8 GB of workers against 7.2 GiB allocatable.
#[test]
fn s4_worker_node_does_not_fit_once_os_and_docker_count() {
    let r = report("s4");
    let o = option(&r, "as-planned");
    let b = o.server("b").unwrap();
    assert_eq!(b.verdict, Verdict::DoesNotFit);
    assert!(b.expected_mib > b.allocatable_mib);
    assert!(
        b.expected_mib < b.capacity_mib,
        "it only 'fits' if nothing else runs"
    );
    assert_eq!(o.server("a").unwrap().verdict, Verdict::Fits);
    assert_eq!(
        o.monthly_fen, None,
        "Alibaba ECS prices are unknown: no ¥0 totals"
    );
}

/// "the database connection budget across both servers".
#[test]
fn s4_connection_budget_spans_both_servers() {
    let r = report("s4");
    let a = option(&r, "as-planned").server("a").unwrap();
    let f = a
        .findings
        .iter()
        .find(|f| f.id() == "db-connections-over-max")
        .unwrap();
    // api 1 + worker-base 4 children + six gevent processes, 60 each.
    assert_eq!(f.num("pools_total"), (1 + 4 + 6) * 60);
    assert!(
        f.subjects.iter().any(|s| s.starts_with("worker-backup")),
        "B's workers count too"
    );
    let b = option(&r, "as-planned").server("b").unwrap();
    assert!(
        b.findings
            .iter()
            .filter(|f| f.id() == "cross-server-dependency")
            .count()
            >= 4
    );
}

/// "a cheaper or safer layout (e.g. moving one worker to A)": the
/// does-not-fit finding offers a move, and taking it leaves both servers fitting.
#[test]
fn s4_moving_one_worker_to_a_fits() {
    let mut plan = templates::get("s4").unwrap();
    let r = evaluate(&plan);
    let f = option(&r, "as-planned")
        .server("b")
        .unwrap()
        .findings
        .iter()
        .find(|f| f.id() == "does-not-fit")
        .unwrap()
        .clone();
    let mv = f
        .alternatives
        .iter()
        .chain(f.fix.iter())
        .find(|x| matches!(x.action, stackfit_core::Action::MovePlacement { .. }))
        .expect("a move is offered");
    apply(&mut plan, &mv.action).unwrap();
    let after = evaluate(&plan);
    assert_eq!(option(&after, "as-planned").verdict, Verdict::Fits);
    // The template's own alternative (trans-2 on A) is safer but still tight on B.
    assert_eq!(option(&r, "trans2-on-a").verdict, Verdict::Tight);
}

/// A template opened in Chinese is the same question with Chinese names: the
/// same verdicts, findings and totals, every option and the plan renamed.
#[test]
fn chinese_templates_give_the_same_answers() {
    use stackfit_core::fit::Lang;
    for t in templates::list() {
        let en = templates::get_in(t.id, Lang::En).unwrap();
        let zh = templates::get_in(t.id, Lang::Zh).unwrap();
        assert_ne!(en.name, zh.name, "{}", t.id);
        for (a, b) in en.options.iter().zip(&zh.options) {
            assert_ne!(a.name, b.name, "{} {}", t.id, a.id);
        }
        let (re, rz) = (evaluate(&en), evaluate(&zh));
        for (a, b) in re.options.iter().zip(&rz.options) {
            assert_eq!(a.verdict, b.verdict, "{} {}", t.id, a.id);
            assert_eq!(a.monthly_fen, b.monthly_fen);
            for (sa, sb) in a.servers.iter().zip(&b.servers) {
                let ids = |s: &stackfit_core::fit::ServerReport| {
                    s.findings.iter().map(|f| f.id()).collect::<Vec<_>>()
                };
                assert_eq!(ids(sa), ids(sb), "{} {} {}", t.id, a.id, sa.id);
                assert_eq!(
                    (sa.expected_mib, sa.peak_mib),
                    (sb.expected_mib, sb.peak_mib)
                );
            }
        }
    }
}

/// "the per-server compose files, with B's workers pointed at A's private
/// address": every worker on B that depends on A's PostgreSQL or Redis gets
/// `<DEP>_HOST` set to A's private address (a variable, as the report gave
/// none), and nothing that lives on A becomes a compose service on B.
#[test]
fn s4_per_server_compose_points_b_workers_at_a_private_address() {
    use stackfit_core::export;
    let plan = templates::get("s4").unwrap();
    let r = evaluate(&plan);
    let o = plan.option("as-planned").unwrap();
    let (a, b) = (o.server("a").unwrap(), o.server("b").unwrap());
    let yml = export::compose(&plan, &r, "as-planned", "b").unwrap();
    let env = export::env_file(&plan, &r, "as-planned", "b").unwrap();
    let a_address = "\"${SERVER_A_PRIVATE_ADDRESS:?set it in .env}\"";

    let mut workers = 0;
    for p in &b.placements {
        let block = service_block(&yml, &p.id);
        for dep in ["postgres", "redis"] {
            if p.depends_on.iter().any(|d| d == dep) {
                let var = format!("{}_HOST: {a_address}", dep.to_uppercase());
                assert!(block.contains(&var), "{}: no {var}\n{block}", p.id);
            }
        }
        assert!(
            !block.contains("depends_on:"),
            "{}: A's services are not local",
            p.id
        );
        workers += 1;
    }
    assert_eq!(workers, 4);

    // The compose services on B are exactly B's placements; none of A's.
    let services: Vec<&str> = yml
        .lines()
        .skip_while(|l| *l != "services:")
        .skip(1)
        .filter(|l| l.starts_with("  ") && !l.starts_with("   ") && l.ends_with(':'))
        .map(|l| l.trim().trim_end_matches(':'))
        .collect();
    let b_ids: Vec<&str> = b.placements.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(services, b_ids);
    for p in &a.placements {
        assert!(!services.contains(&p.id.as_str()), "{} is A's", p.id);
        // Neither file points anything at A's service by its compose name.
        assert!(
            !yml.contains(&format!(": {}\n", p.id)),
            "{} named as a host",
            p.id
        );
        assert!(
            !yml.contains(&format!("- {}\n", p.id)),
            "{} named as a dependency",
            p.id
        );
        assert!(!env.contains(&format!("={}\n", p.id)), "{} in .env", p.id);
    }
    assert!(env.lines().any(|l| l == "SERVER_A_PRIVATE_ADDRESS="));
    assert!(env.contains("set to server A's private IP"));
}

/// The lines of one service in an exported compose file: its `  id:` line
/// and every line indented deeper, up to the next service.
fn service_block(yml: &str, id: &str) -> String {
    let head = format!("  {id}:");
    let mut lines = yml.lines().skip_while(|l| *l != head);
    let mut out = lines
        .next()
        .unwrap_or_else(|| panic!("no service {id}"))
        .to_string();
    for l in lines.take_while(|l| l.starts_with("   ")) {
        out.push('\n');
        out.push_str(l);
    }
    out.push('\n');
    out
}

// ---------------------------------------------------------- recommendations

/// The upgrade fix of S2 plus-min went to a C-grade ECI-proxy estimate
/// ("+¥126.44") and S1's to an international pay-as-you-go USD g7
/// ("+¥1.37" against a ¥400 quote): a quote against a catalog estimate. The
/// fix now stays in the family and region where it can, ranks by size, and
/// never shows a delta across price bases.
#[test]
fn upgrade_fix_prefers_same_family_and_never_prices_a_quote_against_the_catalog() {
    let r = report("s2");
    let f = only_server(option(&r, "plus-min"))
        .findings
        .iter()
        .find(|f| f.id() == "does-not-fit")
        .unwrap();
    let fix = f.fix.as_ref().unwrap();
    // 2.8 cores expected: the upgrade needs 4 vCPUs, and the ECS e family
    // stops at 2, so it goes to the smallest 4-vCPU Hangzhou tier.
    let tier = match &fix.action {
        stackfit_core::model::Action::SetTier { tier, .. } => {
            stackfit_core::catalog::tier(tier).unwrap()
        }
        a => panic!("{a:?}"),
    };
    assert_eq!((tier.vcpu, tier.memory_mib), (4, 8192), "{}", tier.id);
    assert_eq!(tier.region, "cn-hangzhou");
    // The fix names the candidate's price as the tier picker does.
    let words = stackfit_core::cost::tier_price_words(
        tier,
        r.usd_cny_rate_milli,
        stackfit_core::fit::Lang::En,
    );
    assert!(fix.label_en.contains(&words), "{} / {words}", fix.label_en);
    // The server's price is the report's quote; the catalog's is not on that basis.
    assert_eq!(fix.monthly_delta_fen, None);
    assert!(
        fix.label_en.contains("enter your quote"),
        "{}",
        fix.label_en
    );
    assert!(fix.label_zh.contains("报价"), "{}", fix.label_zh);

    let r1 = report("s1");
    for f in option(&r1, "full").findings() {
        for fix in f.fix.iter().chain(&f.alternatives) {
            if matches!(fix.action, stackfit_core::model::Action::SetTier { .. }) {
                assert_eq!(fix.monthly_delta_fen, None, "{}", fix.label_en);
            }
        }
    }
}

/// A mainland Lighthouse server could be sent to the Hong Kong bundle.
#[test]
fn upgrade_stays_in_the_current_region() {
    use stackfit_core::model::{Placement, Plan, PlanOption, Server, Settings};
    let mut s = Server::new("a", "box", "tencent-lighthouse-2c4g");
    s.placements = vec![Placement::new("x", "custom").measured(5000)];
    let plan = Plan {
        name: "t".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("o", "O").with(s)],
    };
    let current = stackfit_core::catalog::tier("tencent-lighthouse-2c4g").unwrap();
    let rec = stackfit_core::fit::recommend(&plan, "o", "a").expect("a bigger Lighthouse");
    let t = stackfit_core::catalog::tier(rec.tier).unwrap();
    assert_eq!(t.region, current.region, "{}", rec.tier);
    assert_eq!(t.provider, current.provider);
}
