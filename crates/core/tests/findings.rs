//! Each finding fires on the situation it names, not on its neighbour, and
//! its fix (where it has one) removes it.

use stackfit_core::edit::apply;
use stackfit_core::fit::{evaluate, Finding, Severity};
use stackfit_core::model::{Placement, Plan, PlanOption, Server, Settings};

fn plan_with(tier: &str, placements: Vec<Placement>) -> Plan {
    let mut s = Server::new("s", "server", tier).spec(4, 8192);
    s.placements = placements;
    Plan {
        quotes: Vec::new(),
        name: "t".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("o", "O").with(s)],
    }
}

fn findings(plan: &Plan) -> Vec<Finding> {
    evaluate(plan).options[0]
        .servers
        .iter()
        .flat_map(|s| s.findings.clone())
        .collect()
}

fn find<'a>(fs: &'a [Finding], id: &str, placement: &str) -> Option<&'a Finding> {
    fs.iter()
        .find(|f| f.id() == id && f.placement.as_deref() == Some(placement))
}

/// Applies the finding's fix and checks the finding is gone.
fn fix_removes(mut plan: Plan, id: &str, placement: &str) {
    let f = find(&findings(&plan), id, placement)
        .unwrap_or_else(|| panic!("{id} on {placement}"))
        .clone();
    apply(&mut plan, &f.fix.expect("a fix").action).unwrap();
    assert!(
        find(&findings(&plan), id, placement).is_none(),
        "{id} still there after its fix"
    );
}

#[test]
fn self_sizing_runtimes_without_a_limit_are_flagged() {
    for service in [
        "elasticsearch",
        "mongodb",
        "rabbitmq",
        "spring-boot",
        "node",
        "kibana",
        "neo4j",
    ] {
        let plan = plan_with("aliyun-ecs-c7-xlarge", vec![Placement::new("x", service)]);
        let fs = findings(&plan);
        let f = find(&fs, "self-sizing-no-limit", "x").unwrap_or_else(|| panic!("{service}"));
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.num("sized_mib") > 0);
        fix_removes(plan, "self-sizing-no-limit", "x");
        // An explicit heap is not self-sizing.
        if service == "spring-boot" {
            let explicit = plan_with(
                "aliyun-ecs-c7-xlarge",
                vec![Placement::new("x", service).knob("heap_mib", 512)],
            );
            assert!(find(&findings(&explicit), "self-sizing-no-limit", "x").is_none());
        }
    }
}

#[test]
fn elasticsearch_heap_over_half_its_limit() {
    let over = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("es", "elasticsearch")
            .knob("heap_mib", 1536)
            .limit(2048)],
    );
    assert!(find(&findings(&over), "es-heap-over-half", "es").is_some());
    fix_removes(over, "es-heap-over-half", "es");
    let half = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("es", "elasticsearch")
            .knob("heap_mib", 1024)
            .limit(2048)],
    );
    assert!(find(&findings(&half), "es-heap-over-half", "es").is_none());
}

/// The suggested heap left no room for Elasticsearch's off-heap memory: the
/// fix must keep heap + off-heap (700 MiB by default) inside the limit.
#[test]
fn elasticsearch_heap_fix_leaves_room_for_off_heap_memory() {
    let over = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("es", "elasticsearch")
            .knob("heap_mib", 1024)
            .limit(1280)],
    );
    let all = findings(&over);
    let f = find(&all, "es-heap-over-half", "es").expect("heap over half");
    let suggested = f.num("suggested_heap_mib");
    assert!(
        suggested + 700 <= 1280,
        "suggested {suggested} MiB + 700 MiB off-heap > 1280 MiB"
    );
    assert!(suggested >= 128, "Elasticsearch's minimum heap is 128 MiB");
}

#[test]
fn redis_maxmemory_and_fork_headroom() {
    let plan = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("r", "redis")
            .knob("maxmemory_mib", 512)
            .knob("persistence", 1)
            .limit(600)],
    );
    let fs = findings(&plan);
    assert!(find(&fs, "redis-maxmemory-near-limit", "r").is_some());
    assert!(find(&fs, "redis-fork-headroom", "r").is_some());
    fix_removes(plan.clone(), "redis-maxmemory-near-limit", "r");
    fix_removes(plan, "redis-fork-headroom", "r");
    let off = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("r", "redis")
            .knob("maxmemory_mib", 400)
            .knob("persistence", 0)
            .limit(600)],
    );
    let fs = findings(&off);
    assert!(
        find(&fs, "redis-maxmemory-near-limit", "r").is_none()
            && find(&fs, "redis-fork-headroom", "r").is_none()
    );
}

#[test]
fn shm_for_chromium_and_postgres() {
    let crawl = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("c", "playwright").knob("browsers", 2)],
    );
    let fs = findings(&crawl);
    let f = find(&fs, "shm-too-small", "c").expect("Docker's 64 MB default");
    assert_eq!(f.severity, Severity::Critical);
    fix_removes(crawl, "shm-too-small", "c");
    let pg = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("db", "postgres")],
    );
    assert_eq!(
        find(&findings(&pg), "shm-too-small", "db")
            .unwrap()
            .severity,
        Severity::Info
    );
    let serial = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("db", "postgres").knob("max_parallel_workers_per_gather", 0)],
    );
    assert!(find(&findings(&serial), "shm-too-small", "db").is_none());
}

#[test]
fn celery_concurrency_left_to_the_host() {
    let plan = plan_with(
        "aliyun-ecs-c7-2xlarge",
        vec![Placement::new("w", "celery-prefork")],
    );
    let f = find(&findings(&plan), "celery-concurrency-default", "w")
        .unwrap()
        .clone();
    assert_eq!(f.num("host_cpus"), 8);
    fix_removes(plan, "celery-concurrency-default", "w");
}

/// The trial saw "fits" in green on a card whose CPU bar was red: a server
/// whose services expect more CPU than its vCPUs does not fit, CPU is named
/// as what limits it, and the CPU finding's fix is an upgrade that fits.
#[test]
fn a_cpu_bound_server_does_not_fit_and_its_fix_adds_cores() {
    use stackfit_core::fit::{Resource, Verdict};
    let busy = vec![Placement::new("w", "celery-prefork").knob("concurrency", 12)];
    let mut plan = plan_with("aliyun-ecs-c7-large", busy);
    let r = evaluate(&plan);
    let s = &r.options[0].servers[0];
    assert_eq!(s.memory_verdict, Verdict::Fits, "memory alone fits");
    assert!(s.cpu_expected_millicores > s.cpu_capacity_millicores);
    assert_eq!(
        (s.verdict, s.limited_by),
        (Verdict::DoesNotFit, Resource::Cpu)
    );
    assert_eq!(r.options[0].limited_by, Some(Resource::Cpu));
    let f = s
        .findings
        .iter()
        .find(|f| f.id() == "cpu-oversubscribed")
        .unwrap();
    assert_eq!(f.severity, Severity::Critical);
    apply(&mut plan, &f.fix.clone().expect("an upgrade").action).unwrap();
    let after = &evaluate(&plan).options[0].servers[0];
    assert!(after.vcpu > 2, "more cores: {}", after.tier);
    assert_eq!(after.verdict, Verdict::Fits);
    assert!(!after.has_finding("cpu-oversubscribed"));
}

#[test]
fn cpu_oversubscribed_and_burstable_sustained() {
    let busy = || Placement::new("w", "celery-prefork").knob("concurrency", 12);
    let fs = findings(&plan_with("aliyun-ecs-c7-large", vec![busy()]));
    assert!(fs.iter().any(|f| f.id() == "cpu-oversubscribed"));
    // t3.medium: 2 vCPU at a 20 % baseline = 400 millicores sustained.
    let t3 = findings(&plan_with(
        "aws-t3-medium",
        vec![Placement::new("w", "celery-prefork").knob("concurrency", 4)],
    ));
    let f = t3
        .iter()
        .find(|f| f.id() == "burstable-sustained")
        .expect("burstable");
    assert_eq!(f.num("baseline_millicores"), 400);
    let fixed = findings(&plan_with(
        "aliyun-ecs-c7-large",
        vec![Placement::new("w", "celery-prefork").knob("concurrency", 4)],
    ));
    assert!(!fixed.iter().any(|f| f.id() == "burstable-sustained"));
}

#[test]
fn limits_below_use_and_peaks_over_limits() {
    let plan = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("api", "fastapi")
            .knob("workers", 4)
            .limit(128)],
    );
    let fs = findings(&plan);
    let f = find(&fs, "limit-below-expected", "api").unwrap();
    assert_eq!(f.severity, Severity::Critical);
    fix_removes(plan, "limit-below-expected", "api");
}

#[test]
fn unknown_tier_without_spec_and_price_unknown() {
    let mut plan = plan_with("nope", vec![Placement::new("n", "nginx")]);
    plan.options[0].servers[0].spec = None;
    let fs = findings(&plan);
    assert!(fs
        .iter()
        .any(|f| f.id() == "unknown-tier" && f.severity == Severity::Critical));
    assert!(fs.iter().any(|f| f.id() == "price-unknown"));
    assert_eq!(evaluate(&plan).options[0].monthly_fen, None);
}

#[test]
fn every_finding_has_text_in_both_languages() {
    for t in stackfit_core::templates::list() {
        let r = evaluate(&stackfit_core::templates::get(t.id).unwrap());
        for o in &r.options {
            for f in o.findings() {
                assert!(
                    !f.message_en().is_empty() && !f.message_zh().is_empty(),
                    "{}",
                    f.id()
                );
                assert!(
                    f.message_zh()
                        .chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{}: {}",
                    f.id(),
                    f.message_zh()
                );
                if let Some(fix) = &f.fix {
                    assert!(!fix.label_en.is_empty() && !fix.label_zh.is_empty());
                }
            }
        }
    }
}

#[test]
fn headroom_target_is_editable() {
    let mut plan = stackfit_core::templates::get("s2").unwrap();
    // Memory's verdict: the headroom target is a memory target.
    let tight = |p: &Plan| evaluate(p).option("upgrade-2c4g").unwrap().servers[0].memory_verdict;
    assert_eq!(tight(&plan), stackfit_core::Verdict::Tight);
    apply(
        &mut plan,
        &stackfit_core::Action::SetHeadroomTarget { pct: 5 },
    )
    .unwrap();
    assert_eq!(tight(&plan), stackfit_core::Verdict::Fits);
}

/// A self-sizing runtime with no limit used to get both "Set a … limit"
/// (self-sizing) and "Raise the limit to …" (peak over the default limit,
/// its peak being sized from the host): two fixes that disagree.
#[test]
fn self_sizing_without_a_limit_is_not_also_peak_over_limit() {
    for service in ["kibana", "elasticsearch", "neo4j", "rabbitmq", "node"] {
        let plan = plan_with("aliyun-ecs-c7-xlarge", vec![Placement::new("x", service)]);
        let fs = findings(&plan);
        assert!(
            find(&fs, "self-sizing-no-limit", "x").is_some(),
            "{service}"
        );
        assert!(
            find(&fs, "peak-over-limit", "x").is_none(),
            "{service}: contradictory fixes"
        );
    }
    // S1's Kibana: one fix only.
    let r = evaluate(&stackfit_core::templates::get("s1").unwrap());
    let kibana: Vec<_> = r.options[0]
        .findings()
        .filter(|f| f.placement.as_deref() == Some("kibana"))
        .map(|f| f.id())
        .collect();
    assert!(!kibana.contains(&"peak-over-limit"), "{kibana:?}");
}

/// "75 % → 460 MiB" showed Neo4j's 25 % heap under its 75 % rule.
#[test]
fn self_sizing_text_shows_percent_of_what_the_runtime_sees() {
    for service in ["neo4j", "rabbitmq", "elasticsearch"] {
        let plan = plan_with("aliyun-ecs-c7-xlarge", vec![Placement::new("x", service)]);
        let fs = findings(&plan);
        let f = find(&fs, "self-sizing-no-limit", "x").unwrap();
        assert_eq!(
            f.num("sized_mib"),
            f.num("host_mib") * f.num("percent") / 100,
            "{service}"
        );
    }
}

/// zh text embedded English subjects and joined lists with ", ".
#[test]
fn chinese_messages_translate_subjects_and_join_with_dunhao() {
    let plan = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![
            Placement::new("db", "postgres").knob("max_parallel_workers_per_gather", 2),
            Placement::new("pw", "playwright"),
        ],
    );
    let fs = findings(&plan);
    let db = find(&fs, "shm-too-small", "db").unwrap();
    assert!(db.message_zh().contains("并行查询"), "{}", db.message_zh());
    assert!(!db.message_zh().contains("parallel queries"));
    let pw = find(&fs, "shm-too-small", "pw").unwrap();
    assert!(pw.message_zh().contains("浏览器"), "{}", pw.message_zh());
    // Lists.
    let r = evaluate(&stackfit_core::templates::get("s1").unwrap());
    let f = r.options[0]
        .findings()
        .find(|f| f.id() == "does-not-fit")
        .unwrap();
    assert!(f.message_zh().contains('、') && !f.message_zh().contains(", "));
}

/// "6.6 GiB, 3.4 GiB more than the 3.3 GiB": rounding broke the arithmetic.
#[test]
fn rounded_figures_in_messages_add_up() {
    let mut plan = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![
            Placement::new("a", "custom").limit(3430),
            Placement::new("b", "custom").limit(3430),
        ],
    );
    // Allocatable 3430 = usable − (256 + 64 + 64 + 2 × 10).
    plan.options[0].servers[0].usable_mib = Some(3430 + 404);
    let fs = findings(&plan);
    let f = fs
        .iter()
        .find(|f| f.id() == "limits-overcommitted")
        .unwrap();
    let (limits, over, alloc) = (
        f.num("limits_mib"),
        f.num("over_mib"),
        f.num("allocatable_mib"),
    );
    assert_eq!(limits, over + alloc);
    // 6.7 GiB = 3.4 GiB + 3.4 GiB would not add up: the text uses MiB.
    let m = f.message_en();
    assert!(
        m.contains(&format!("{limits} MiB"))
            && m.contains(&format!("{over} MiB"))
            && m.contains(&format!("{alloc} MiB")),
        "{m}"
    );
}

/// With persistence on, the Redis text blamed fragmentation instead of the fork.
#[test]
fn redis_text_blames_the_fork_when_persistence_is_on() {
    let plan = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![Placement::new("r", "redis")
            .knob("persistence", 1)
            .knob("maxmemory_mib", 256)
            .limit(288)],
    );
    let fs = findings(&plan);
    let f = find(&fs, "redis-maxmemory-near-limit", "r").unwrap();
    assert!(f.message_en().contains("fork"), "{}", f.message_en());
    assert!(!f.message_en().contains("fragmentation"));
    assert!(f.message_zh().contains("fork"));
    // Fix labels: MiB in prose, the literal flag value in parentheses.
    let label = &f.fix.as_ref().unwrap().label_en;
    assert!(
        label.contains(" MiB (maxmemory ") && label.ends_with("mb)"),
        "{label}"
    );
}

/// The gevent message said "one child per host CPU": gevent has no children.
#[test]
fn gevent_concurrency_text_does_not_speak_of_children() {
    let plan = plan_with(
        "aliyun-ecs-c7-2xlarge",
        vec![Placement::new("g", "celery-gevent")],
    );
    let fs = findings(&plan);
    let f = find(&fs, "celery-concurrency-default", "g").unwrap();
    assert!(!f.message_en().contains("child"), "{}", f.message_en());
    assert!(f.message_en().contains("greenlet"));
    assert!(!f.message_zh().contains("子进程"));
}

/// superuser_reserved_connections = 3: pools of 98 against 100 leave none spare.
#[test]
fn connection_budget_counts_superuser_reserved_connections() {
    let plan = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![
            Placement::new("db", "postgres").knob("max_connections", 100),
            Placement::new("api", "fastapi")
                .knob("workers", 1)
                .knob("db_pool", 98)
                .depends_on(&["db"]),
        ],
    );
    let fs = findings(&plan);
    let f = find(&fs, "db-connections-over-max", "db").expect("98 > 100 − 3");
    assert_eq!(f.num("available"), 97);
    assert!(f.message_en().contains("superuser"), "{}", f.message_en());
    let ok = plan_with(
        "aliyun-ecs-c7-xlarge",
        vec![
            Placement::new("db", "postgres").knob("max_connections", 100),
            Placement::new("api", "fastapi")
                .knob("workers", 1)
                .knob("db_pool", 97)
                .depends_on(&["db"]),
        ],
    );
    assert!(find(&findings(&ok), "db-connections-over-max", "db").is_none());
    fix_removes(plan, "db-connections-over-max", "db");
}

/// An option with no servers read ¥0 and "fits" with nothing to say.
#[test]
fn empty_option_says_it_has_no_servers() {
    let mut plan = plan_with("aliyun-ecs-c7-xlarge", vec![]);
    plan.options[0].servers.clear();
    let r = evaluate(&plan);
    let o = &r.options[0];
    assert_eq!(o.monthly_fen, Some(0));
    let f = o
        .findings()
        .find(|f| f.id() == "no-servers")
        .expect("no-servers");
    assert_eq!(f.severity, Severity::Info);
    assert!(!f.message_en().is_empty() && !f.message_zh().is_empty());
}

/// A server with 0 usable memory (below its reserve) and nothing on it read "fits".
#[test]
fn server_with_usable_below_reserve_does_not_fit_even_empty() {
    use stackfit_core::fit::Verdict;
    for usable in [0, 300] {
        let mut plan = plan_with("aliyun-ecs-c7-xlarge", vec![]);
        plan.options[0].servers[0].usable_mib = Some(usable);
        let r = evaluate(&plan);
        let s = &r.options[0].servers[0];
        assert_eq!(s.verdict, Verdict::DoesNotFit, "{usable}");
        let f = s
            .findings
            .iter()
            .find(|f| f.id() == "does-not-fit")
            .unwrap();
        assert_eq!(f.num("shortfall_mib"), s.reserve_mib as i64 - usable as i64);
    }
}
