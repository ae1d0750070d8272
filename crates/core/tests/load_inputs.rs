//! Load inputs and their derivation (issue 12 item 1): Little's law from a
//! placement's requests or tasks to the work in flight, the concurrency it
//! needs with the stated ×1.25, and that concurrency's memory — S3's
//! figures reproduced from its report, bad inputs refused with words, and
//! more load never needing less memory.

use proptest::prelude::*;
use stackfit_core::codec::{from_json, to_json};
use stackfit_core::edit::ActionError;
use stackfit_core::fit::load::{tasks_in_flight_milli, units_for, web_in_flight_milli};
use stackfit_core::fit::{FindingKind, Severity};
use stackfit_core::model::{Action, LoadInputs, Placement, Plan, PlanOption, Server};
use stackfit_core::{apply, evaluate, templates};

fn s3() -> Plan {
    templates::get("s3").unwrap()
}

#[test]
fn s3_reproduces_the_reports_20_to_30_in_flight_and_says_where_it_differs_from_its_12() {
    let r = evaluate(&s3());
    let a = r.option("a-single").unwrap();
    let t = a
        .task_load
        .as_ref()
        .expect("S3's workers carry the report's load");
    assert_eq!(t.tasks_per_hour, 100);
    // The report's "峰值瞬时 ~20-30 个并发任务".
    assert_eq!((t.in_flight_milli, t.in_flight_p95_milli), (20_000, 30_000));
    // ×1.25 per worker, rounded up: 13 + 10 + 3, against the report's 4 + 6 + 2.
    assert_eq!((t.needed, t.plan), (26, 12));
    // 100 tasks × 36 s over 12 children: five minutes to clear a 3-minute burst.
    assert_eq!(t.drain_s_at_plan, Some(300));
    assert_eq!(
        t.en,
        "~100 tasks/h at peak, arriving within 3 min, 36–54 s each → 20–30 in flight → concurrency 26 → 6.5 GiB, 52 database connections (the plan has 12 → 3.1 GiB, 24 database connections: at 12 at once the peak's ~100 tasks take about 5 min to work through, so they wait in the queue)"
    );
    assert!(t.zh.contains("同时在处理 20–30 个 → 并发 26"), "{}", t.zh);
    // A prefork child holds one task's connections (conns_per_task 2, the
    // report's 1–3), not its whole pool: 26 children × 2.
    assert_eq!(
        (t.needed_db_connections, t.plan_db_connections),
        (Some(52), Some(24))
    );
    // The report's "12 × 250 MB = 3 GB" is the plan's figure here: 12
    // children of 250 MiB and three main processes.
    assert_eq!(t.plan_expected_mib, 12 * 250 + 3 * 60);

    // Each worker's own line and numbers.
    let p = |id: &str| {
        a.servers[0]
            .placements
            .iter()
            .find(|p| p.id == id)
            .unwrap()
            .load
            .clone()
            .unwrap()
    };
    let high = p("worker-high");
    assert_eq!(
        (high.in_flight_milli, high.in_flight_p95_milli),
        (10_000, 15_000)
    );
    assert_eq!(
        (high.knob, high.needed, high.plan),
        (Some("concurrency"), Some(13), Some(4))
    );
    assert_eq!(
        high.en,
        "~50 tasks/h at peak, arriving within 3 min, 36–54 s each → 10–15 in flight → concurrency 13 (×1.25 of 10) → 3.2 GiB, 26 database connections (the plan has 4 → 1 GiB, 8 database connections)"
    );
    assert_eq!(p("worker-low").needed, Some(3));

    // Today's single worker takes the whole 100: 25 children against its 4.
    let now = r.option("now").unwrap().task_load.clone().unwrap();
    assert_eq!((now.needed, now.plan), (25, 4));
}

#[test]
fn spread_over_the_hour_the_same_tasks_are_not_20_to_30_at_once() {
    // Why the burst window is an input: 100 tasks/h at 36–54 s spread over
    // the hour are 1–1.5 in flight, not the report's 20–30.
    assert_eq!(tasks_in_flight_milli(100, 3600, 36_000), 1_000);
    assert_eq!(tasks_in_flight_milli(100, 3600, 54_000), 1_500);
    assert_eq!(tasks_in_flight_milli(100, 180, 36_000), 20_000);
    // In flight never exceeds the tasks there are.
    assert_eq!(tasks_in_flight_milli(10, 1, 60_000), 10_000);
}

#[test]
fn the_derived_knob_is_a_finding_with_a_fix_never_a_silent_rewrite() {
    let plan = s3();
    let r = evaluate(&plan);
    let a = r.option("a-single").unwrap();
    let f = a.servers[0]
        .findings
        .iter()
        .find(|f| {
            f.kind == FindingKind::LoadNeedsConcurrency
                && f.placement.as_deref() == Some("worker-high")
        })
        .unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.message_en(),
        "worker-high: its load needs concurrency 13 (10–15 in flight at peak × 1.25); the plan has 4, so at peak work waits in the queue: set it to 13, as the load needs."
    );
    let fix = f.fix.as_ref().unwrap();
    assert_eq!(fix.label_en, "Set concurrency to 13, as the load needs");
    // The plan keeps its 4 until the fix is applied.
    assert_eq!(
        plan.options[0]
            .find_placement("worker-high")
            .unwrap()
            .1
            .knobs["concurrency"],
        4
    );
    let mut fixed = plan.clone();
    apply(&mut fixed, &fix.action).unwrap();
    let again = evaluate(&fixed);
    assert!(!again.option("a-single").unwrap().servers[0]
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::LoadNeedsConcurrency
            && f.placement.as_deref() == Some("worker-high")));
}

#[test]
fn the_load_multiplier_scales_the_rates_and_the_derivation_follows() {
    let mut plan = s3();
    apply(
        &mut plan,
        &Action::SetLoad {
            option: "a-single".into(),
            load: 2000,
        },
    )
    .unwrap();
    let r = evaluate(&plan);
    let a = r.option("a-single").unwrap();
    let t = a.task_load.as_ref().unwrap();
    assert_eq!(t.tasks_per_hour, 200);
    assert_eq!((t.in_flight_milli, t.in_flight_p95_milli), (40_000, 60_000));
    // The plan's concurrency doubled too (4+6+2 → 8+12+4).
    assert_eq!(t.plan, 24);
    // Off ×1 the finding stays, its knob fix does not (it would count ×2 twice).
    let f = a.servers[0]
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::LoadNeedsConcurrency)
        .unwrap();
    assert!(f.fix.is_none());
}

#[test]
fn web_requests_times_latency() {
    assert_eq!(web_in_flight_milli(50, 200), 10_000);
    assert_eq!(units_for(10_000), 13);
    // A sync web server: one request per worker, spread over its replicas.
    let plan = one_placement(
        Placement::new("web", "gunicorn")
            .replicas(2)
            .load(LoadInputs::web(50, 200)),
    );
    let r = evaluate(&plan);
    let d = r.options[0].servers[0].placements[0].load.clone().unwrap();
    assert_eq!(d.in_flight_milli, 10_000);
    assert_eq!(d.units, 13);
    assert_eq!((d.knob, d.needed), (Some("workers"), Some(7)));
    assert!(
        d.en.starts_with(
            "50 requests/s at peak, 200 ms each → 10 in flight → workers 7 per replica × 2"
        ),
        "{}",
        d.en
    );
    // An ASGI server holds many requests per worker: in flight, no knob.
    let plan = one_placement(Placement::new("api", "fastapi").load(LoadInputs::web(50, 200)));
    let d = evaluate(&plan).options[0].servers[0].placements[0]
        .load
        .clone()
        .unwrap();
    assert_eq!((d.in_flight_milli, d.knob, d.needed), (10_000, None, None));
    assert!(d.en.contains("no knob is derived"), "{}", d.en);
}

fn one_placement(p: Placement) -> Plan {
    let mut plan = templates::get("s0").unwrap();
    plan.options =
        vec![PlanOption::new("a", "A").with(Server::new("a", "A", "aliyun-ecs-c7-xlarge").with(p))];
    plan.settings.baseline_option = None;
    plan
}

fn set_inputs(load: Option<LoadInputs>, placement: &str) -> Action {
    Action::SetLoadInputs {
        option: "a-single".into(),
        placement: placement.into(),
        load,
    }
}

#[test]
fn bad_inputs_are_refused_with_words_and_repaired_when_read() {
    let mut plan = s3();
    // A database takes no load of its own.
    let e = apply(
        &mut plan,
        &set_inputs(Some(LoadInputs::web(10, 50)), "postgres"),
    )
    .unwrap_err();
    assert_eq!(
        e.message_en(),
        "postgres takes no load inputs: its load is its clients'."
    );
    // A worker's load is tasks, not requests.
    let e = apply(
        &mut plan,
        &set_inputs(Some(LoadInputs::web(10, 50)), "worker-high"),
    )
    .unwrap_err();
    assert!(matches!(e, ActionError::LoadNotTaken { .. }));
    assert!(
        e.message_zh().contains("每小时任务数"),
        "{}",
        e.message_zh()
    );
    // Numbers out of range.
    let e = apply(
        &mut plan,
        &set_inputs(
            Some(LoadInputs::tasks(0, 180, 36_000, 54_000)),
            "worker-high",
        ),
    )
    .unwrap_err();
    assert_eq!(
        e.message_en(),
        "Tasks per hour must be from 1 to 10000000; 0 was not applied."
    );
    let e = apply(
        &mut plan,
        &set_inputs(
            Some(LoadInputs::tasks(100, 7200, 36_000, 54_000)),
            "worker-high",
        ),
    )
    .unwrap_err();
    assert!(
        e.message_en()
            .starts_with("Arrival window (s) must be from 1 to 3600"),
        "{}",
        e.message_en()
    );
    // A p95 shorter than the mean.
    let e = apply(
        &mut plan,
        &set_inputs(
            Some(LoadInputs::tasks(100, 180, 36_000, 1_000)),
            "worker-high",
        ),
    )
    .unwrap_err();
    assert!(
        e.message_en().contains("1000 was not applied"),
        "{}",
        e.message_en()
    );
    assert_eq!(plan, s3(), "nothing was applied");
    // A good one is applied, and cleared with None.
    apply(
        &mut plan,
        &set_inputs(
            Some(LoadInputs::tasks(60, 600, 20_000, 30_000)),
            "worker-high",
        ),
    )
    .unwrap();
    apply(&mut plan, &set_inputs(None, "worker-high")).unwrap();
    assert_eq!(
        plan.options[0]
            .find_placement("worker-high")
            .unwrap()
            .1
            .load,
        None
    );

    // The codec repairs the same breaches and says so.
    let mut wild = s3();
    let o = &mut wild.options[0];
    for s in &mut o.servers {
        for p in &mut s.placements {
            match p.id.as_str() {
                "postgres" => p.load = Some(LoadInputs::web(10, 50)),
                "worker-high" => p.load = Some(LoadInputs::tasks(100, 180, 36_000, 1_000)),
                "worker-low" => p.load = Some(LoadInputs::tasks(0, 180, 36_000, 54_000)),
                _ => {}
            }
        }
    }
    let r = from_json(&to_json(&wild)).unwrap();
    let paths: Vec<&str> = r.fixes.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(paths.len(), 3, "{:#?}", r.fixes);
    assert!(r
        .fixes
        .iter()
        .any(|n| n.en == "postgres takes no load inputs: its load is its clients'. Dropped."));
    let o = &r.plan.options[0];
    assert_eq!(o.find_placement("postgres").unwrap().1.load, None);
    assert_eq!(
        o.find_placement("worker-high").unwrap().1.load,
        Some(LoadInputs::tasks(100, 180, 36_000, 36_000))
    );
    assert!(matches!(
        o.find_placement("worker-low").unwrap().1.load,
        Some(LoadInputs::Tasks {
            tasks_per_hour: 1,
            ..
        })
    ));
}

#[test]
fn load_inputs_round_trip_and_default_the_window_to_the_hour() {
    let plan = s3();
    assert_eq!(from_json(&to_json(&plan)).unwrap().plan, plan);
    let json = r#"{"type": "tasks", "tasks_per_hour": 100, "mean_ms": 36000}"#;
    let l: LoadInputs = serde_json::from_str(json).unwrap();
    assert_eq!(
        l,
        LoadInputs::Tasks {
            tasks_per_hour: 100,
            arrival_window_s: 3600,
            mean_ms: 36_000,
            p95_ms: None
        }
    );
    assert_eq!(
        serde_json::to_string(&l).unwrap(),
        r#"{"type":"tasks","tasks_per_hour":100,"mean_ms":36000}"#
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// More tasks, or a larger what-if multiplier, never need less memory.
    #[test]
    fn derived_memory_is_monotone_in_load(
        tasks in 1u64..2_000,
        more in 0u64..2_000,
        window in 60u64..=3600,
        mean in 1_000u64..120_000,
        spread in 0u64..60_000,
        lo in 500u32..=10_000,
        up in 0u32..=9_500,
    ) {
        let at = |tasks: u64, load: u32| {
            let mut plan = one_placement(
                Placement::new("worker", "celery-prefork")
                    .knob("concurrency", 4)
                    .load(LoadInputs::tasks(tasks, window, mean, mean + spread)),
            );
            plan.options[0].load = load;
            let r = evaluate(&plan);
            let d = r.options[0].servers[0].placements[0].load.clone().unwrap();
            (d.needed_expected_mib.unwrap(), d.needed_peak_mib.unwrap(), d.units)
        };
        let hi = (lo + up).min(10_000);
        let (e1, p1, u1) = at(tasks, lo);
        let (e2, p2, u2) = at(tasks + more, hi);
        prop_assert!(u2 >= u1);
        prop_assert!(e2 >= e1 && p2 >= p1, "{e1}/{p1} then {e2}/{p2}");
    }
}

#[test]
fn an_unset_concurrency_is_suggested_at_what_the_load_needs() {
    // Concurrency 0: Celery starts one child per host CPU (4 here). With
    // load inputs, both findings name the same value: the load's.
    let plan = one_placement(
        Placement::new("worker", "celery-prefork")
            .depends_on(&[])
            .load(LoadInputs::tasks(100, 180, 36_000, 54_000)),
    );
    let r = evaluate(&plan);
    let s = &r.options[0].servers[0];
    let d = s.placements[0].load.clone().unwrap();
    assert_eq!((d.needed, d.plan), (Some(25), Some(4)));
    let fixes: Vec<&Action> = s
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::CeleryConcurrencyDefault | FindingKind::LoadNeedsConcurrency
            )
        })
        .filter_map(|f| f.fix.as_ref().map(|x| &x.action))
        .collect();
    assert_eq!(fixes.len(), 2);
    for a in fixes {
        assert!(
            matches!(a, Action::SetKnob { knob, value: Some(25), .. } if knob == "concurrency"),
            "{a:?}"
        );
    }
}
