//! The reference scenarios' "Must show" lines, asserted on the built-in
//! templates. Where the model disagrees with a report's hand figure, the test
//! says why the model is right.

use stackfit_core::edit::apply;
use stackfit_core::fit::{evaluate, OptionReport, Report, ServerReport, Verdict};
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
        s.peak_all_at_once_mib > s.expected_mib + 700,
        "a crawl adds the browser, a task and Redis filling to maxmemory"
    );
    // The verdict counts the two largest peaks at once (the crawl and Redis).
    let worker = s.placement("worker").unwrap();
    let redis = s.placement("redis").unwrap();
    let excess = |p: &stackfit_core::fit::PlacementReport| p.total.peak_mib - p.total.expected_mib;
    assert_eq!(s.peak_mib, s.expected_mib + excess(worker) + excess(redis));
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

/// The report's docker stats figures on 2C4G are its 预期输出示例 — the
/// output it expects to see — so they are estimates, not measurements;
/// S2's docker stats are measurements.
#[test]
fn s0_example_output_is_an_estimate_not_a_measurement() {
    use stackfit_core::fit::Basis;
    let r = report("s0");
    let s = only_server(option(&r, "lean-2c4g"));
    for p in &s.placements {
        assert_eq!(p.basis, Basis::Estimated, "{}", p.id);
    }
    let plan = templates::get("s0").unwrap();
    let lean = &plan.option("lean-2c4g").unwrap().servers[0];
    assert!(lean
        .placements
        .iter()
        .all(|p| p.estimated && p.note.contains("预期输出示例")));
    let s2 = report("s2");
    for p in &only_server(option(&s2, "now")).placements {
        assert_eq!(p.basis, Basis::Measured, "{}", p.id);
    }
}

/// The report's "extreme" 2C2G variant: web, worker and beat merged into one
/// 1.5 GB container, PostgreSQL 256 MB, Redis 128 MB — 1.88 GB of limits.
/// With the report's own 500 MB for the system that is over 2 GB; the model
/// finds typical use alone over what the box leaves.
#[test]
fn s0_extreme_2c2g_variant_does_not_fit() {
    let r = report("s0");
    let o = option(&r, "extreme-2c2g");
    let s = only_server(o);
    assert_eq!(
        s.placements.len(),
        3,
        "one container for web + worker + beat"
    );
    assert_eq!(s.limit_mib, 256 + 128 + 1536, "1.88 GB");
    assert!(s.limit_mib + 500 > 2048, "the report's own arithmetic");
    assert_eq!(o.verdict, Verdict::DoesNotFit);
    assert_eq!(o.monthly_fen, Some(10_000));
    assert!(s.has_finding("limits-overcommitted"));
    // No Playwright in the merged container.
    assert_eq!(s.placement("web").unwrap().service, "custom");
    let plan = templates::get("s0").unwrap();
    assert!(plan.option("extreme-2c2g").unwrap().note.contains("¥50"));
}

/// The report runs Redis with `--maxmemory-policy allkeys-lru` while it is
/// Celery's broker: the template holds the policy, the engine says it can
/// evict queued tasks and offers noeviction, and the export writes the
/// plan's value until the fix is applied.
#[test]
fn s0_broker_evicts_with_the_reports_allkeys_lru() {
    use stackfit_core::export;
    let mut plan = templates::get("s0").unwrap();
    let r = evaluate(&plan);
    for id in ["lean-2c4g", "standard-4c8g", "tiny-2c2g"] {
        let f = only_server(option(&r, id))
            .findings
            .iter()
            .find(|f| f.id() == "broker-evicts")
            .unwrap_or_else(|| panic!("{id}: broker-evicts"))
            .clone();
        assert_eq!(f.subjects, ["allkeys-lru", "worker"], "{id}");
        assert!(f.message_zh().contains("allkeys-lru"));
    }
    let yml = export::compose(&plan, &r, "lean-2c4g", "a").unwrap();
    assert!(yml.contains("- allkeys-lru"));
    let f = only_server(option(&r, "lean-2c4g"))
        .findings
        .iter()
        .find(|f| f.id() == "broker-evicts")
        .unwrap()
        .clone();
    apply(&mut plan, &f.fix.unwrap().action).unwrap();
    assert!(!only_server(option(&evaluate(&plan), "lean-2c4g")).has_finding("broker-evicts"));
}

/// The report's compose flags are carried: `--max-tasks-per-child=20` on the
/// lean worker, written into its command.
#[test]
fn s0_worker_recycles_after_20_tasks_as_the_report_writes() {
    use stackfit_core::kinds::Tuned;
    let r = report("s0");
    let w = only_server(option(&r, "lean-2c4g"))
        .placement("worker")
        .unwrap();
    match &w.tuning.written {
        Tuned::Prefork(t) => assert_eq!(t.max_tasks_per_child, Some(20)),
        t => panic!("{t:?}"),
    }
}

/// The report says 2C4G costs "¥30/month more" than 2C2G; its own table
/// says ¥50 at either end. The template's quotes follow the table, and the
/// plan says where the report is wrong, in both languages.
#[test]
fn s0_notes_where_the_reports_price_arithmetic_is_wrong() {
    let r = report("s0");
    assert_eq!(
        option(&r, "lean-2c4g").monthly_fen.unwrap() - option(&r, "tiny-2c2g").monthly_fen.unwrap(),
        5_000
    );
    let en = templates::get_in("s0", stackfit_core::fit::Lang::En).unwrap();
    let zh = templates::get_in("s0", stackfit_core::fit::Lang::Zh).unwrap();
    assert!(en.description.contains("¥30") && en.description.contains("¥50"));
    assert!(zh.description.contains("¥30") && zh.description.contains("¥50"));
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
    // The report's allocation as limits. No Alertmanager: the report leaves
    // it out of this layout (it was in the template before the original was
    // checked), so its 64 MiB is no longer counted.
    assert_eq!(s.limit_mib, 250 + 800 + 256 + 150 + 100);
    assert!(s.placement("alertmanager").is_none());
    // Persistence on with maxmemory at the limit: the fork needs headroom.
    assert!(s.has_finding("redis-fork-headroom"));
}

/// The report compares 2 GB (¥200), 4 GB (¥400) and 8 GB (¥800). The full
/// stack fits 8 GB. On 2 GB the report expects crashes; the model finds
/// the recommended layout's typical use (under 1 GiB) fits, but not the
/// limits it gives each service — the honest reading of its allocation.
#[test]
fn s1_compares_2_4_and_8_gb_at_the_reports_prices() {
    let r = report("s1");
    let prices: Vec<_> = ["full", "recommended", "full-8g", "recommended-2g"]
        .iter()
        .map(|id| option(&r, id).monthly_fen)
        .collect();
    assert_eq!(
        prices,
        [Some(40_000), Some(40_000), Some(80_000), Some(20_000)]
    );
    let full_8g = option(&r, "full-8g");
    assert_eq!(full_8g.verdict, Verdict::Fits);
    assert_eq!(only_server(full_8g).capacity_mib, 8192);
    assert_eq!(
        only_server(full_8g).expected_mib,
        only_server(option(&r, "full")).expected_mib,
        "the same stack"
    );
    let two = only_server(option(&r, "recommended-2g"));
    assert_eq!(two.capacity_mib, 2048);
    assert!(two.has_finding("limits-overcommitted"));
}

/// The report's sums are wrong (3.8–6.5 GB for items that add up to
/// 3.2–5.7; ELK 1.5–2.5 for 1.5–3.0; a 3.2 GB layout that adds up to 2.9),
/// and so are its PostgreSQL comments: the template says so.
#[test]
fn s1_notes_where_the_reports_arithmetic_is_wrong() {
    let low: u64 = [200, 500, 512, 1024, 256, 256, 256, 128, 64].iter().sum();
    let high: u64 = [300, 1024, 512, 2048, 512, 512, 512, 256, 64].iter().sum();
    assert_eq!((low, high), (3196, 5740), "3.2–5.7 GB");
    assert_eq!(
        [300, 250, 800, 256, 150, 100, 500, 544].iter().sum::<u64>(),
        2900
    );
    let plan = templates::get("s1").unwrap();
    for figure in ["3.2–5.7", "3.8–6.5", "1.5–3.0", "2.9"] {
        assert!(plan.description.contains(figure), "{figure}");
    }
    let pg = plan
        .option("recommended")
        .unwrap()
        .find_placement("postgres")
        .unwrap()
        .1;
    assert!(pg.note.contains("25%") && pg.note.contains("2.6MB"));
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
    // At standard size the five new services ask 2.0 cores, and the six
    // measured containers use 0.035: 2 vCPUs are oversubscribed.
    assert_eq!(standard.verdict, Verdict::DoesNotFit);
    assert_eq!(standard.limited_by, Some(Resource::Cpu));
    assert!(only_server(standard).has_finding("cpu-oversubscribed"));
    // At min size (1.2 cores) the 2C4G fits in both memory and CPU.
    let min = option(&r, "upgrade-2c4g-min");
    assert_eq!(only_server(min).memory_verdict, Verdict::Fits);
    assert_eq!(min.verdict, Verdict::Fits);
    assert!(!only_server(min).has_finding("cpu-oversubscribed"));
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

/// S2's figures as its report labels them: the six containers measured by
/// docker stats (memory and CPU, 3.47 % of one core in total), the five new
/// services the team's estimates — nothing assumed.
#[test]
fn s2_measurements_are_measured_and_the_new_services_estimated() {
    use stackfit_core::fit::Basis;
    let r = report("s2");
    let now = only_server(option(&r, "now"));
    assert_eq!(now.cpu_expected_millicores, 35, "3.47 % of a core");
    let s = only_server(option(&r, "plus-standard"));
    let estimated: Vec<&str> = s
        .placements
        .iter()
        .filter(|p| p.basis == Basis::Estimated)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        estimated,
        ["ai-recommend", "ai-nlp", "shared", "looma-crm", "zervigo"]
    );
    for o in &r.options {
        assert_eq!(o.assumed_pct, 0, "{}", o.id);
    }
}

/// The report's headline comparison uses its 推荐配置 (1,550–2,450 MB for
/// the five): at the low end it does not fit either.
#[test]
fn s2_recommended_sizes_do_not_fit() {
    let r = report("s2");
    let o = option(&r, "plus-recommended");
    assert_eq!(only_server(o).expected_mib, 1131 + 1550);
    assert_eq!(o.verdict, Verdict::DoesNotFit);
}

/// The report's first batch (方案三): the shared service and Zervigo,
/// 350 MB. It hoped they would fit; beside 1,131 MiB of databases on a box
/// with 1.8 GiB usable they do not.
#[test]
fn s2_first_batch_of_shared_and_zervigo_does_not_fit() {
    let r = report("s2");
    let o = option(&r, "first-batch");
    let s = only_server(o);
    assert_eq!(s.expected_mib, 1131 + 200 + 150);
    assert_eq!(o.verdict, Verdict::DoesNotFit);
}

/// The report's own 2C4G allocation as limits: 1.5 GB of databases and 2 GB
/// of apps. The Neo4j and Elasticsearch limits are below what they measure
/// today, and the limits with the report's 500 MB for the system fill
/// 4,000 MB, more than the server leaves.
#[test]
fn s2_reports_own_allocation_on_2c4g() {
    let r = report("s2");
    let o = option(&r, "upgrade-2c4g-allocated");
    let s = only_server(o);
    assert_eq!(s.limit_mib, 1500 + 2000);
    assert!(s.limit_mib > s.allocatable_mib);
    let below: Vec<&str> = s
        .findings
        .iter()
        .filter(|f| f.id() == "limit-below-expected")
        .filter_map(|f| f.placement.as_deref())
        .collect();
    assert_eq!(below, ["neo4j", "elasticsearch"]);
    let plan = templates::get("s2").unwrap();
    assert!(plan.description.contains("831") && plan.description.contains("264"));
    assert!(plan.option("plus-min").unwrap().note.contains("1,550"));
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

/// Issue 12: the report's load figures (~100 tasks/h at peak, 10–60 s each)
/// reproduce its "峰值瞬时 ~20-30 个并发任务" by Little's law once the peak's
/// tasks arrive within 3 minutes (spread over the hour they would be 1–2 at
/// once), and the derivation says where it parts from the report's 12.
#[test]
fn s3_load_figures_reproduce_the_reports_20_to_30_in_flight() {
    let r = report("s3");
    let t = option(&r, "a-single").task_load.clone().unwrap();
    assert_eq!(t.tasks_per_hour, 100);
    assert_eq!((t.in_flight_milli, t.in_flight_p95_milli), (20_000, 30_000));
    assert_eq!(t.plan, 12, "the report's 4 + 6 + 2");
    assert!(t.needed > t.plan);
    assert!(t.en.contains("20–30 in flight"), "{}", t.en);
    assert!(t.en.contains("the plan has 12 → 3.1 GiB"), "{}", t.en);
    assert!(t.zh.contains("同时在处理 20–30 个"), "{}", t.zh);
}

/// "the connection budget (sum of pools across processes) against
/// max_connections". The report counted one pool (80 ≤ 150); every prefork
/// child and every uvicorn worker holds its own pool, so the worst case is
/// 16 processes × 80. But a prefork child runs one task at a time, using
/// the 1–3 connections of that task: at peak the 12 children hold about
/// 12 × 2, the four API workers their pools. The fix puts PgBouncer in
/// front; it never proposes max_connections in the thousands.
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
    assert_eq!(f.num("worst"), (4 + 4 + 6 + 2) * 80);
    assert_eq!(f.num("likely"), 4 * 80 + (4 + 6 + 2) * 2);
    assert_eq!(f.placement.as_deref(), Some("postgres"));
    let fixes: Vec<_> = f.fix.iter().chain(&f.alternatives).collect();
    assert!(
        fixes[0].label_en.contains("PgBouncer"),
        "{}",
        fixes[0].label_en
    );
    assert!(
        !fixes.iter().any(|x| x.label_en.contains("max_connections")),
        "no fix raises max_connections past 300"
    );
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

/// Option A as the report quotes it on three clouds, each a quote on a tier
/// the catalog has: Alibaba ecs.c7.2xlarge ¥800, Tencent S6.2XLARGE16 ¥750,
/// AWS c6i.2xlarge $200 (held in ¥ at the catalog's dated rate). The same
/// stack, the same verdict.
#[test]
fn s3_option_a_on_three_clouds() {
    let r = report("s3");
    let plan = templates::get("s3").unwrap();
    let aws_fen = (200 * 100 * stackfit_core::catalog::USD_CNY_RATE_MILLI + 500) / 1000;
    for (id, tier, fen) in [
        ("a-single", "aliyun-ecs-c7-2xlarge", 80_000),
        ("a-tencent", "tencent-cvm-s6-2xlarge16", 75_000),
        ("a-aws", "aws-c6i-2xlarge", aws_fen),
    ] {
        let o = option(&r, id);
        assert_eq!(o.verdict, Verdict::Fits, "{id}");
        assert_eq!(only_server(o).tier, tier);
        assert!(only_server(o).tier_known, "{tier} is in the catalog");
        assert_eq!(o.monthly_fen, Some(fen), "{id}");
        assert_eq!(
            only_server(o).expected_mib,
            only_server(option(&r, "a-single")).expected_mib
        );
        let price = plan.option(id).unwrap().servers[0].price.as_ref().unwrap();
        assert!(price.note.starts_with("S3 report"), "{}", price.note);
    }
    let aws = &plan.option("a-aws").unwrap().servers[0];
    assert!(aws.price.as_ref().unwrap().note.contains("$200"));
}

/// Option C (cloud-native, ¥3000–5000) has no servers to model: it is in
/// the comparison by its quote, and says it has no servers.
#[test]
fn s3_option_c_is_a_quote_without_servers() {
    let r = report("s3");
    let c = option(&r, "c-cloud-native");
    assert!(c.servers.is_empty());
    assert_eq!(c.monthly_fen, Some(300_000));
    assert_eq!(c.yearly_fen, Some(3_600_000));
    assert!(c.findings().any(|f| f.id() == "no-servers"));
    let plan = templates::get("s3").unwrap();
    let o = plan.option("c-cloud-native").unwrap();
    assert!(o
        .quoted_monthly
        .as_ref()
        .unwrap()
        .note
        .contains("3000–5000"));
    assert!(!o.note.is_empty());
    // The report's order: A with its quotes, B, C, A+.
    let ids: Vec<&str> = r.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "a-single",
            "a-tencent",
            "a-aws",
            "b-split",
            "c-cloud-native",
            "a-plus",
            "a-plus-tencent",
            "now",
            "now-proposed"
        ]
    );
}

/// A+ on Tencent (S6.4XLARGE32, ¥1400) is mislabelled just as on Alibaba.
#[test]
fn s3_a_plus_on_tencent_is_mislabelled_too() {
    let r = report("s3");
    let o = option(&r, "a-plus-tencent");
    assert_eq!(o.monthly_fen, Some(140_000));
    let f = only_server(o)
        .findings
        .iter()
        .find(|f| f.id() == "tier-spec-mismatch")
        .expect("mismatch");
    assert_eq!((f.num("claimed_vcpu"), f.num("vcpu")), (8, 16));
}

/// The report's settings are carried: Nginx on the web server, the broker's
/// allkeys-lru, each worker's queues and per-child cap, and
/// `--max-tasks-per-child=50`.
#[test]
fn s3_carries_the_reports_settings() {
    use stackfit_core::kinds::Tuned;
    let r = report("s3");
    let b = option(&r, "b-split");
    assert!(b.server("web").unwrap().placement("nginx").is_some());
    let a = only_server(option(&r, "a-single"));
    assert!(a.has_finding("broker-evicts"));
    for (id, kib) in [
        ("worker-high", 300_000),
        ("worker-normal", 250_000),
        ("worker-low", 200_000),
    ] {
        match &a.placement(id).unwrap().tuning.written {
            Tuned::Prefork(t) => {
                assert_eq!(t.max_memory_per_child_kib, Some(kib));
                assert_eq!(t.max_tasks_per_child, Some(50));
            }
            t => panic!("{t:?}"),
        }
    }
    let plan = templates::get("s3").unwrap();
    let (_, high) = plan
        .option("a-single")
        .unwrap()
        .find_placement("worker-high")
        .unwrap();
    assert!(high.note.contains("--queues=ef_pull,ef_push"));
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
    // Worst case: api 1 + worker-base 4 children + six gevent processes, 60 each.
    assert_eq!(f.num("worst"), (1 + 4 + 6) * 60);
    // At peak: the API its pool, each prefork child one task's 2
    // connections, each gevent process min(its pool, greenlets × 2):
    // insight 20 → 40, theme 15 → 30, the others fill their 60.
    assert_eq!(f.num("likely"), 60 + 4 * 2 + 40 + 30 + 4 * 60);
    assert!(
        f.subjects.iter().any(|s| s.starts_with("worker-backup")),
        "B's workers count too"
    );
    let b = option(&r, "as-planned").server("b").unwrap();
    let across: Vec<_> = b
        .findings
        .iter()
        .filter(|f| f.id() == "cross-server-dependency")
        .collect();
    assert!(across.len() >= 4);
    // Two services on the other server: listed the way each language lists them.
    let two = across
        .iter()
        .find(|f| f.message_en().contains(", "))
        .expect("a worker that reaches two services on A");
    assert!(two.message_en().contains(" (A"), "{}", two.message_en());
    let zh = two.message_zh();
    assert!(
        zh.contains('、') && zh.contains("（A") && !zh.contains(", "),
        "{zh}"
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

/// The report gives the servers' private addresses (A 192.168.36.36, B
/// 192.168.36.37); the team's per-worker figures are estimates; and each
/// worker whose concurrency the diagram gives differently says so.
#[test]
fn s4_carries_addresses_and_labels_estimates() {
    use stackfit_core::fit::Basis;
    let plan = templates::get("s4").unwrap();
    for o in &plan.options {
        let addresses: Vec<_> = o
            .servers
            .iter()
            .map(|s| s.private_address.as_deref())
            .collect();
        assert_eq!(
            addresses,
            [Some("192.168.36.36"), Some("192.168.36.37")],
            "{}",
            o.id
        );
    }
    let r = evaluate(&plan);
    let o = option(&r, "as-planned");
    for s in &o.servers {
        for p in &s.placements {
            let want = if p.id == "flower" {
                Basis::Sourced {
                    grade: p_grade(&p.service),
                }
            } else {
                Basis::Estimated
            };
            assert_eq!(p.basis, want, "{}", p.id);
        }
    }
    let o = plan.option("as-planned").unwrap();
    for (id, diagram) in [
        ("worker-insight", "its diagram says 10"),
        ("worker-theme", "its diagram says 10"),
        ("worker-trans-2", "its diagram says 40"),
        ("worker-backup", "its diagram says 20"),
    ] {
        assert!(
            o.find_placement(id).unwrap().1.note.contains(diagram),
            "{id}"
        );
    }
}

fn p_grade(service: &str) -> stackfit_core::model::Confidence {
    stackfit_core::catalog::service(service).unwrap().grade()
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
/// `<DEP>_HOST` set to A's private address — the report's 192.168.36.36,
/// which the template now holds (before the original was checked it held
/// none, and the files carried a variable) — and nothing that lives on A
/// becomes a compose service on B.
#[test]
fn s4_per_server_compose_points_b_workers_at_a_private_address() {
    use stackfit_core::export;
    let plan = templates::get("s4").unwrap();
    let r = evaluate(&plan);
    let o = plan.option("as-planned").unwrap();
    let (a, b) = (o.server("a").unwrap(), o.server("b").unwrap());
    let yml = export::compose(&plan, &r, "as-planned", "b").unwrap();
    let env = export::env_file(&plan, &r, "as-planned", "b").unwrap();
    assert_eq!(a.private_address.as_deref(), Some("192.168.36.36"));
    let a_address = "\"192.168.36.36\"";

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
    // The address is known: written as is, no variable to set.
    assert!(
        !yml.contains("PRIVATE_ADDRESS") && !env.contains("PRIVATE_ADDRESS"),
        "{env}"
    );
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
    // 1.2 cores and 2.3 GiB expected: the same family's 2 vCPU / 4 GiB.
    let tier = match &fix.action {
        stackfit_core::model::Action::SetTier { tier, .. } => {
            stackfit_core::catalog::tier(tier).unwrap()
        }
        a => panic!("{a:?}"),
    };
    assert_eq!(tier.id, "aliyun-ecs-e-c1m2-large", "2C2G e → 2C4G e");
    // The fix names the candidate's price as the tier picker does.
    let words = stackfit_core::cost::tier_price_words(
        tier,
        &stackfit_core::cost::Prices::catalog(r.usd_cny_rate_milli),
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
        quotes: Vec::new(),
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

// ------------------------------------------------------------------ Chinese

/// Every template, in either language, passes the validator the actions
/// use (nothing to repair or refuse) and evaluates; the two languages hold
/// the same plan but for its words; and every figure or price a report gave
/// says where it comes from.
#[test]
fn templates_validate_in_both_languages_and_cite_their_figures() {
    use stackfit_core::edit::validate::{plan as validate, Mode};
    use stackfit_core::fit::Lang;
    use stackfit_core::model::Plan;

    /// The plan with every word (names, labels, notes) blanked.
    fn numbers_only(mut p: Plan) -> Plan {
        p.name.clear();
        p.description.clear();
        for o in &mut p.options {
            o.name.clear();
            o.note.clear();
            if let Some(q) = &mut o.quoted_monthly {
                q.note.clear();
            }
            for s in &mut o.servers {
                s.label.clear();
                if let Some(q) = &mut s.price {
                    q.note.clear();
                }
                for pl in &mut s.placements {
                    pl.note.clear();
                }
            }
        }
        p
    }

    for t in templates::list() {
        let scenario = &t.id[..2].to_uppercase();
        for lang in [Lang::En, Lang::Zh] {
            let mut p = templates::get_in(t.id, lang).unwrap();
            let notes = validate(&mut p, Mode::Refuse)
                .unwrap_or_else(|e| panic!("{} {lang:?}: {:?}", t.id, e.error));
            assert!(notes.is_empty(), "{} {lang:?}: {notes:?}", t.id);
            let _ = evaluate(&p);
            let cites = |note: &str| note.starts_with(scenario.as_str());
            for o in &p.options {
                if let Some(q) = &o.quoted_monthly {
                    assert!(cites(&q.note), "{} {}: {}", t.id, o.id, q.note);
                }
                for s in &o.servers {
                    if let Some(q) = &s.price {
                        assert!(cites(&q.note), "{} {}: {}", t.id, o.id, q.note);
                    }
                    for pl in &s.placements {
                        if pl.measured_mib.is_some() {
                            assert!(cites(&pl.note), "{} {} {}: {}", t.id, o.id, pl.id, pl.note);
                        }
                    }
                }
            }
        }
        assert_eq!(
            numbers_only(templates::get_in(t.id, Lang::En).unwrap()),
            numbers_only(templates::get_in(t.id, Lang::Zh).unwrap()),
            "{}: the same plan in both languages",
            t.id
        );
    }
}

/// Chinese characters.
fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Half-width punctuation next to a Chinese character (spaces skipped):
/// inside a Chinese sentence it is written full-width (，：；（）！？).
fn half_width_in_chinese(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !",:;()!?".contains(c) {
            continue;
        }
        let before = chars[..i].iter().rev().find(|c| **c != ' ');
        let after = chars[i + 1..].iter().find(|c| **c != ' ');
        if before.is_some_and(|c| is_cjk(*c)) || after.is_some_and(|c| is_cjk(*c)) {
            let from = i.saturating_sub(8);
            let to = (i + 8).min(chars.len());
            out.push(chars[from..to].iter().collect());
        }
    }
    out
}

/// A template opened in Chinese reads as Chinese: its plan, option and
/// server names, notes, quotes and description are written in Chinese
/// (server labels may be a size alone, "2C4G"), with full-width
/// punctuation inside Chinese sentences.
#[test]
fn chinese_templates_read_as_chinese() {
    use stackfit_core::fit::Lang;
    for t in templates::list() {
        let p = templates::get_in(t.id, Lang::Zh).unwrap();
        let mut texts: Vec<(String, bool)> =
            vec![(p.name.clone(), true), (p.description.clone(), true)];
        for o in &p.options {
            texts.push((o.name.clone(), true));
            texts.push((o.note.clone(), false));
            if let Some(q) = &o.quoted_monthly {
                texts.push((q.note.clone(), true));
            }
            for s in &o.servers {
                let bad = half_width_in_chinese(&s.label);
                assert!(bad.is_empty(), "{}: {bad:?} in {}", t.id, s.label);
                if let Some(q) = &s.price {
                    texts.push((q.note.clone(), true));
                }
                for pl in &s.placements {
                    texts.push((pl.note.clone(), false));
                }
            }
        }
        for (text, must_be_chinese) in texts {
            if must_be_chinese || !text.is_empty() {
                assert!(text.chars().any(is_cjk), "{}: not Chinese: {text}", t.id);
            }
            let bad = half_width_in_chinese(&text);
            assert!(
                bad.is_empty(),
                "{}: half-width punctuation {bad:?} in {text}",
                t.id
            );
        }
        let info_zh = [t.name_zh, t.summary_zh];
        for text in info_zh {
            assert!(half_width_in_chinese(text).is_empty(), "{text}");
        }
    }
}

/// The Latin words in `text` that are neither ids, flags, settings, sizes
/// nor the technical names and units in the allow-list.
fn english_words(text: &str, ids: &std::collections::HashSet<String>) -> Vec<String> {
    /// Technical names and units a Chinese engineer writes as they are.
    const ALLOWED: &[&str] = &[
        // units and hardware
        "MiB",
        "GiB",
        "KiB",
        "MB",
        "GB",
        "CPU",
        "vCPU",
        "OOM",
        "Killer",
        "HDD",
        "SSD",
        "SAN",
        "NVMe",
        "GC",
        // a PostgreSQL setting's value
        "try",
        // products and runtimes
        "Docker",
        "Apache",
        "PHP",
        "FPM",
        "OPcache",
        "Puma",
        "PostgreSQL",
        "PgBouncer",
        "PGTune",
        "Redis",
        "MySQL",
        "InnoDB",
        "MongoDB",
        "WiredTiger",
        "Celery",
        "gevent",
        "prefork",
        "Chromium",
        "Lucene",
        "Elasticsearch",
        "RabbitMQ",
        "Erlang",
        "ClickHouse",
        "GOMEMLIMIT",
        "GOGC",
        "GCHeapHardLimitPercent",
        "Web",
        "API",
        "AI",
        "FastAPI",
        "uvicorn",
        "docker",
        "stats",
        "cgroup",
        // settings and terms kept in English
        "maxmemory",
        "noeviction",
        "fork",
        "swap",
        "broker",
        "token",
        "KV",
    ];
    let mut out = Vec::new();
    for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || "_-.=/+#%$'".contains(c))) {
        let token = token.trim_matches(|c: char| ".'".contains(c));
        if !token.chars().any(|c| c.is_ascii_alphabetic())
            || token.chars().count() == 1
            || token
                .chars()
                .any(|c| c.is_ascii_digit() || "_-.=/+#%$".contains(c))
            || ids.contains(token)
            || ALLOWED.contains(&token)
        {
            continue;
        }
        out.push(token.to_string());
    }
    out
}

/// One finding of every kind, with numbers and subjects as the engine gives
/// them, so every arm of `message_zh` is read. A new kind must be added here.
fn every_finding() -> Vec<stackfit_core::fit::Finding> {
    use stackfit_core::fit::{Finding, FindingKind as K, Severity};
    let all = [
        K::DoesNotFit,
        K::PeakOomRisk,
        K::LimitsOvercommitted,
        K::LowHeadroom,
        K::SelfSizingNoLimit,
        K::EsHeapOverHalf,
        K::RedisMaxmemoryNearLimit,
        K::RedisForkHeadroom,
        K::ShmTooSmall,
        K::CeleryConcurrencyDefault,
        K::CpuOversubscribed,
        K::BurstableSustained,
        K::DbConnectionsOverMax,
        K::CrossServerDependency,
        K::TierSpecMismatch,
        K::UnknownTier,
        K::LimitBelowExpected,
        K::PeakOverLimit,
        K::BrowserPeak,
        K::PriceUnknown,
        K::NoServers,
        K::BrokerEvicts,
        K::TuningDiffers,
        K::MostlyAssumed,
        K::TypicalNeedsSwap,
        K::PeakUsesSwap,
        K::LoadNeedsConcurrency,
        K::HostPortClash,
    ];
    let mut out = Vec::new();
    for kind in all {
        // No wildcard arm: a new kind does not compile until it has a
        // sample here (add it to `all` too).
        let f = Finding::new(kind, Severity::Warning, "a").at("worker");
        let f = match kind {
            K::DoesNotFit | K::PeakOomRisk | K::LimitsOvercommitted => f
                .n("expected_mib", 2400)
                .n("peak_mib", 2600)
                .n("limits_mib", 3000)
                .n("allocatable_mib", 1400)
                .n("shortfall_mib", 1000)
                .n("over_mib", 1200)
                .subject("worker 800 MiB")
                .subject("web 350 MiB"),
            K::LowHeadroom => f
                .n("headroom_mib", 58)
                .n("headroom_pct", 4)
                .n("target_pct", 15),
            K::SelfSizingNoLimit => f
                .n("host_mib", 3800)
                .n("percent", 25)
                .n("sized_mib", 950)
                .n("suggested_limit_mib", 576)
                .subject("old space ≈ ¼ of the memory it sees"),
            K::EsHeapOverHalf => f
                .n("heap_mib", 1536)
                .n("limit_mib", 2048)
                .n("suggested_heap_mib", 992),
            K::RedisMaxmemoryNearLimit | K::RedisForkHeadroom => f
                .n("maxmemory_mib", 256)
                .n("limit_mib", 256)
                .n("suggested_maxmemory_mib", 111)
                .n("persistence", 1)
                .n("peak_mib", 572),
            K::ShmTooSmall => f.n("shm_mib", 64).n("needed_mib", 128).subject("Chromium"),
            K::CeleryConcurrencyDefault => f.n("host_cpus", 8).n("suggested", 4).n("gevent", 1),
            K::CpuOversubscribed | K::BurstableSustained => f
                .n("cpu_millicores", 2035)
                .n("vcpu", 2)
                .n("baseline_millicores", 400),
            K::DbConnectionsOverMax => f
                .n("likely", 344)
                .n("worst", 1280)
                .n("max_connections", 150)
                .n("superuser_reserved", 3)
                .n("available", 147)
                .subject("api 4×80")
                .subject("worker-high 4×2"),
            K::CrossServerDependency => f.subject("postgres"),
            K::TierSpecMismatch => f.subject("8C32G").subject("16C32G"),
            K::UnknownTier | K::PriceUnknown => f.subject("custom-tier"),
            K::LimitBelowExpected | K::PeakOverLimit => f
                .n("limit_mib", 350)
                .n("expected_mib", 372)
                .n("peak_mib", 400),
            K::BrowserPeak => f
                .n("browser_mib", 383)
                .n("browsers", 1)
                .n("peak_mib", 1300)
                .n("limit_mib", 1536),
            K::NoServers => f,
            K::BrokerEvicts => f.subject("allkeys-lru").subject("worker"),
            K::TuningDiffers => f
                .n("limit_mib", 512)
                .subject_in("shared_buffers 128 → 64", "shared_buffers 128 → 64"),
            K::MostlyAssumed => f
                .n("assumed_pct", 60)
                .n("assumed_mib", 600)
                .n("expected_mib", 1000)
                .subject("worker"),
            K::LoadNeedsConcurrency => f
                .n("needed", 13)
                .n("plan", 4)
                .n("spare_mib", 0)
                .subject_in("concurrency", "并发数")
                .subject("10–15"),
            K::TypicalNeedsSwap | K::PeakUsesSwap => f
                .n("expected_mib", 2000)
                .n("allocatable_mib", 1400)
                .n("swapped_mib", 600)
                .n("peak_mib", 1600)
                .n("swap_mib", 1024)
                .n("over_mib", 200),
            K::HostPortClash => f.subject("web").subject("80/tcp"),
        };
        out.push(f);
    }
    // The other branch of the arms that have two.
    out.push(
        Finding::new(K::CeleryConcurrencyDefault, Severity::Warning, "a")
            .at("worker")
            .n("host_cpus", 8)
            .n("suggested", 4),
    );
    out.push(
        Finding::new(K::RedisMaxmemoryNearLimit, Severity::Warning, "a")
            .at("redis")
            .n("limit_mib", 256)
            .n("suggested_maxmemory_mib", 223),
    );
    out.push(
        Finding::new(K::RedisMaxmemoryNearLimit, Severity::Warning, "a")
            .at("redis")
            .n("maxmemory_mib", 256)
            .n("limit_mib", 256)
            .n("suggested_maxmemory_mib", 223),
    );
    out.push(
        Finding::new(K::DbConnectionsOverMax, Severity::Critical, "a")
            .at("postgres")
            .n("likely", 344)
            .n("worst", 1280)
            .n("max_connections", 150)
            .n("available", 150)
            .subject("api 4×80"),
    );
    out
}

/// The engine's Chinese — every finding message and fix, verdicts,
/// categories, knob names and the rules behind derived settings — has no
/// English word outside technical names, units and ids, and no half-width
/// punctuation inside Chinese sentences. Subjects are the engine's ids and
/// labels and are left out of the punctuation check.
#[test]
fn engine_chinese_has_no_english_words() {
    use stackfit_core::fit::{Lang, Verdict};
    use std::collections::HashSet;

    let mut ids: HashSet<String> = ["worker", "web", "api", "postgres", "redis", "custom-tier"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut add = |text: String, subjects: &[String]| {
        let mut skeleton = text.clone();
        for s in subjects {
            skeleton = skeleton.replace(s.as_str(), "X");
        }
        texts.push((text, skeleton));
    };
    let mut findings = every_finding();
    for t in templates::list() {
        let plan = templates::get_in(t.id, Lang::Zh).unwrap();
        for o in &plan.options {
            ids.insert(o.id.clone());
            for s in &o.servers {
                ids.insert(s.id.clone());
                ids.extend(s.label.split(' ').map(str::to_string));
                for p in &s.placements {
                    ids.insert(p.id.clone());
                    ids.insert(p.service.clone());
                }
            }
        }
        let r = evaluate(&plan);
        for o in &r.options {
            findings.extend(o.findings().cloned());
            for s in &o.servers {
                for p in &s.placements {
                    for st in p.tuning.written.settings() {
                        add(st.rule_zh.to_string(), &[]);
                    }
                }
            }
        }
    }
    for f in &findings {
        let mut subjects = f.subjects.clone();
        subjects.extend(f.subjects_zh.iter().cloned());
        subjects.extend(f.placement.iter().cloned());
        add(f.message_zh(), &subjects);
        for fix in f.fix.iter().chain(&f.alternatives) {
            add(fix.label_zh.clone(), &subjects);
        }
    }
    for v in [
        Verdict::Fits,
        Verdict::Tight,
        Verdict::OomRisk,
        Verdict::DoesNotFit,
    ] {
        add(v.name_zh().to_string(), &[]);
    }
    for s in stackfit_core::catalog::services() {
        add(s.category.name_zh().to_string(), &[]);
    }
    for s in stackfit_core::catalog::services() {
        for k in s.knobs {
            add(k.name_zh.to_string(), &[]);
        }
    }
    let mut bad = Vec::new();
    for (text, skeleton) in &texts {
        let words = english_words(text, &ids);
        if !words.is_empty() {
            bad.push(format!("{words:?} in {text}"));
        }
        let punct = half_width_in_chinese(skeleton);
        if !punct.is_empty() {
            bad.push(format!("{punct:?} in {text}"));
        }
    }
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
