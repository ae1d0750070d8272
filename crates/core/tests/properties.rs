//! Invariants of the model, checked on generated plans with proptest.

use proptest::prelude::*;
use stackfit_core::codec;
use stackfit_core::edit::{apply, History};
use stackfit_core::fit::{evaluate, Verdict};
use stackfit_core::model::{Action, Placement, Plan, PlanOption, Server, Settings};

/// Services whose memory does not depend on the host (no auto-sized heap or cache).
const FIXED_SIZE: &[&str] = &[
    "postgres",
    "mysql",
    "redis",
    "valkey",
    "memcached",
    "kafka",
    "zookeeper",
    "logstash",
    "weaviate",
    "prometheus",
    "grafana",
    "alertmanager",
    "nginx",
    "fastapi",
    "gunicorn",
    "sanic",
    "celery-gevent",
    "celery-beat",
    "flower",
    "playwright",
    "go-service",
    "static-frontend",
    "minio",
    "custom",
];
/// Services that size themselves from the memory they see: generated with a limit.
const SELF_SIZING: &[&str] = &[
    "elasticsearch",
    "mongodb",
    "rabbitmq",
    "neo4j",
    "kibana",
    "node",
    "spring-boot",
];
const TIERS: &[&str] = &[
    "aliyun-ecs-c7-large",
    "aliyun-ecs-c7-xlarge",
    "aws-t3-medium",
    "aws-m6i-xlarge",
    "no-such-tier",
];

fn placement() -> impl Strategy<Value = Placement> {
    (
        any::<bool>(),
        0usize..64,
        proptest::option::of(16u64..3000),
        proptest::option::of(64u64..4096),
        1u32..4,
        0i64..8,
    )
        .prop_map(|(self_sizing, pick, measured, limit, replicas, workers)| {
            let (service, limit) = if self_sizing {
                (
                    SELF_SIZING[pick % SELF_SIZING.len()],
                    Some(limit.unwrap_or(1024)),
                )
            } else {
                (FIXED_SIZE[pick % FIXED_SIZE.len()], limit)
            };
            let mut p = Placement::new("p", service).replicas(replicas);
            p.measured_mib = measured;
            p.limit_mib = limit;
            let def = stackfit_core::catalog::service(service).unwrap();
            for knob in ["workers", "concurrency", "browsers", "connections"] {
                if def.knob(knob).is_some() {
                    p.knobs.insert(knob.to_string(), workers.max(1));
                }
            }
            p
        })
}

fn server() -> impl Strategy<Value = Server> {
    (
        0usize..TIERS.len(),
        proptest::collection::vec(placement(), 0..8),
    )
        .prop_map(|(t, placements)| {
            let mut s = Server::new("s", "server", TIERS[t]).spec(4, 8192);
            s.placements = placements;
            s
        })
}

/// A valid plan: unique ids, dependencies on existing placements.
fn plan() -> impl Strategy<Value = Plan> {
    (proptest::collection::vec(server(), 1..4), 0u32..40).prop_map(|(mut servers, target)| {
        let mut n = 0;
        let mut ids: Vec<String> = Vec::new();
        for (si, s) in servers.iter_mut().enumerate() {
            s.id = format!("s{si}");
            s.label = format!("server {si}");
            for p in s.placements.iter_mut() {
                p.id = format!("{}-{n}", p.service);
                if let Some(first) = ids.first() {
                    if n % 3 == 0 {
                        p.depends_on = vec![first.clone()];
                    }
                }
                ids.push(p.id.clone());
                n += 1;
            }
        }
        let mut o = PlanOption::new("a", "A");
        o.servers = servers;
        Plan {
            quotes: Vec::new(),
            name: "generated".into(),
            description: String::new(),
            settings: Settings {
                headroom_target_pct: target,
                ..Settings::default()
            },
            options: vec![o],
        }
    })
}

fn action(plan: &Plan) -> impl Strategy<Value = Action> {
    let placements: Vec<String> = plan.options[0]
        .servers
        .iter()
        .flat_map(|s| s.placements.iter().map(|p| p.id.clone()))
        .collect();
    let servers: Vec<String> = plan.options[0]
        .servers
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let p = if placements.is_empty() {
        vec!["none".to_string()]
    } else {
        placements
    };
    (
        0usize..9,
        proptest::sample::select(p),
        proptest::sample::select(servers),
        0u32..100,
    )
        .prop_map(|(kind, placement, server, n)| {
            let option = "a".to_string();
            match kind {
                0 => Action::RemovePlacement { option, placement },
                1 => Action::MovePlacement {
                    option,
                    placement,
                    to_server: server,
                },
                2 => Action::SetLimit {
                    option,
                    placement,
                    mib: Some(u64::from(n) * 64 + 64),
                },
                3 => Action::SetMeasured {
                    option,
                    placement,
                    mib: Some(u64::from(n) * 10),
                },
                4 => Action::SetReplicas {
                    option,
                    placement,
                    replicas: n % 5,
                },
                5 => Action::SetTier {
                    option,
                    server,
                    tier: TIERS[n as usize % TIERS.len()].into(),
                },
                6 => Action::SetHeadroomTarget { pct: n },
                7 => Action::RenamePlan {
                    name: format!("plan {n}"),
                },
                _ => Action::AddPlacement {
                    option,
                    server,
                    placement: Box::new(Placement::new(&format!("new-{n}"), "redis")),
                },
            }
        })
}

fn plan_and_actions() -> impl Strategy<Value = (Plan, Vec<Action>)> {
    plan().prop_flat_map(|p| {
        let actions = proptest::collection::vec(action(&p), 1..6);
        (Just(p), actions)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// More memory on a server never makes its verdict worse (so fits never
    /// becomes does-not-fit), for plans whose self-sizing runtimes have limits.
    #[test]
    fn more_memory_never_worsens_a_verdict(p in plan(), extra in 1u64..32_768) {
        let small = evaluate(&p);
        let mut bigger = p.clone();
        for (s, r) in bigger.options[0].servers.iter_mut().zip(&small.options[0].servers) {
            s.usable_mib = Some(r.usable_mib + extra);
        }
        let big = evaluate(&bigger);
        for (a, b) in small.options[0].servers.iter().zip(&big.options[0].servers) {
            prop_assert!(b.verdict <= a.verdict, "{:?} -> {:?}", a.verdict, b.verdict);
            prop_assert!(!(a.verdict == Verdict::Fits && b.verdict == Verdict::DoesNotFit));
        }
    }

    /// Removing a placement never raises a server's expected, peak, limit, CPU or reserve.
    #[test]
    fn removing_a_placement_never_raises_a_total(p in plan(), pick in 0usize..32) {
        let ids: Vec<String> = p.options[0].servers.iter().flat_map(|s| s.placements.iter().map(|x| x.id.clone())).collect();
        prop_assume!(!ids.is_empty());
        let before = evaluate(&p);
        let mut q = p.clone();
        apply(&mut q, &Action::RemovePlacement { option: "a".into(), placement: ids[pick % ids.len()].clone() }).unwrap();
        let after = evaluate(&q);
        for (a, b) in before.options[0].servers.iter().zip(&after.options[0].servers) {
            prop_assert!(b.expected_mib <= a.expected_mib);
            prop_assert!(b.peak_mib <= a.peak_mib);
            prop_assert!(b.limit_mib <= a.limit_mib);
            prop_assert!(b.cpu_expected_millicores <= a.cpu_expected_millicores);
            prop_assert!(b.reserve_mib <= a.reserve_mib);
        }
    }

    /// Applying actions and undoing them all gives back the same plan; redo replays them.
    #[test]
    fn apply_then_undo_gives_back_the_plan((p, actions) in plan_and_actions()) {
        let mut h = History::new(p.clone());
        let mut direct = p.clone();
        for a in &actions {
            let r1 = h.apply(a);
            let r2 = apply(&mut direct, a);
            prop_assert_eq!(r1.is_ok(), r2.is_ok());
        }
        prop_assert_eq!(h.plan(), &direct);
        let after = h.plan().clone();
        while h.undo() {}
        prop_assert_eq!(h.plan(), &p);
        while h.redo() {}
        prop_assert_eq!(h.plan(), &after);
    }

    /// A failed action leaves the plan untouched.
    #[test]
    fn failed_actions_change_nothing((p, actions) in plan_and_actions()) {
        for a in &actions {
            let mut q = p.clone();
            if apply(&mut q, a).is_err() {
                prop_assert_eq!(&q, &p);
            }
        }
    }

    /// The JSON plan format round-trips every valid plan without fixes.
    #[test]
    fn json_round_trips(p in plan()) {
        let text = codec::to_json(&p);
        let back = codec::from_json(&text);
        prop_assume!(p.options[0].servers.iter().all(|s| stackfit_core::catalog::tier(&s.tier).is_some() || s.spec.is_some()));
        let back = back.unwrap();
        prop_assert!(back.fixes.is_empty(), "{:?}", back.fixes);
        prop_assert_eq!(back.plan, p);
    }

    /// Evaluation never panics and its totals are the sums of its placements.
    #[test]
    fn totals_are_sums((p, actions) in plan_and_actions()) {
        let mut q = p;
        for a in &actions {
            let _ = apply(&mut q, a);
        }
        for s in &evaluate(&q).options[0].servers {
            prop_assert_eq!(s.expected_mib, s.placements.iter().map(|x| x.total.expected_mib).sum::<u64>());
            prop_assert_eq!(s.peak_all_at_once_mib, s.placements.iter().map(|x| x.total.peak_mib).sum::<u64>());
            prop_assert_eq!(s.limit_mib, s.placements.iter().map(|x| x.total.limit_mib).sum::<u64>());
            // The verdict's peak lies between typical use and the all-at-once worst case.
            prop_assert!(s.expected_mib <= s.peak_mib && s.peak_mib <= s.peak_all_at_once_mib);
            for p in &s.placements {
                prop_assert_eq!(p.total.expected_mib, p.per_replica.expected_mib * u64::from(p.replicas));
            }
            prop_assert!(s.peak_mib >= s.expected_mib);
            prop_assert_eq!(s.allocatable_mib, s.usable_mib.saturating_sub(s.reserve_mib));
        }
    }
}

/// Integer overflow from user input: apply refuses out-of-range figures,
/// from_json caps them with a named fix, and evaluate never panics even on a
/// plan that skipped both.
mod extreme_values {
    use super::*;
    use stackfit_core::edit::ActionError;
    use stackfit_core::model::ReserveModel;

    fn base() -> Plan {
        stackfit_core::templates::get("s1").unwrap()
    }

    #[test]
    fn apply_refuses_out_of_range_figures() {
        let mut plan = base();
        let before = plan.clone();
        let o = plan.options[0].id.clone();
        let p = plan.options[0].servers[0].placements[0].id.clone();
        let s = plan.options[0].servers[0].id.clone();
        let big = Some(u64::MAX);
        for a in [
            Action::SetLimit {
                option: o.clone(),
                placement: p.clone(),
                mib: big,
            },
            Action::SetMeasured {
                option: o.clone(),
                placement: p.clone(),
                mib: big,
            },
            Action::SetShm {
                option: o.clone(),
                placement: p.clone(),
                mib: big,
            },
            Action::SetReplicas {
                option: o.clone(),
                placement: p.clone(),
                replicas: 4_000_000_000,
            },
            Action::SetServerUsable {
                option: o.clone(),
                server: s.clone(),
                usable_mib: big,
            },
            Action::SetReserve {
                reserve: ReserveModel {
                    per_container_mib: u64::MAX,
                    ..ReserveModel::default()
                },
            },
            Action::SetFxRate {
                usd_cny_rate_milli: Some(i64::MAX),
            },
        ] {
            match apply(&mut plan, &a) {
                Err(ActionError::OutOfRange(e)) => {
                    assert!(e.value > e.bound.max, "{a:?}");
                    assert!(e.message_zh().contains("未应用"), "{}", e.message_zh());
                }
                other => panic!("{a:?}: {other:?}"),
            }
        }
        assert_eq!(plan, before);
        // The bounds themselves are accepted.
        apply(
            &mut plan,
            &Action::SetLimit {
                option: o.clone(),
                placement: p.clone(),
                mib: Some(stackfit_core::model::bounds::LIMIT_MIB.max as u64),
            },
        )
        .unwrap();
        apply(
            &mut plan,
            &Action::SetReplicas {
                option: o,
                placement: p,
                replicas: stackfit_core::model::bounds::REPLICAS.max as u32,
            },
        )
        .unwrap();
        evaluate(&plan);
    }

    #[test]
    fn from_json_caps_extreme_figures_with_named_fixes() {
        let mut plan = base();
        plan.settings.reserve.os_mib = u64::MAX;
        plan.settings.usd_cny_rate_milli = Some(i64::MAX);
        let s = &mut plan.options[0].servers[0];
        s.usable_mib = Some(u64::MAX);
        let p = &mut s.placements[0];
        p.replicas = u32::MAX;
        p.limit_mib = Some(u64::MAX);
        p.measured_mib = Some(u64::MAX);
        let r = codec::from_json(&codec::to_json(&plan)).unwrap();
        for path in [
            "settings.reserve.os_mib",
            "settings.usd_cny_rate_milli",
            "options[0].servers[0].usable_mib",
            "options[0].servers[0].placements[0].replicas",
            "options[0].servers[0].placements[0].limit_mib",
            "options[0].servers[0].placements[0].measured_mib",
        ] {
            assert!(
                r.fixes.iter().any(|f| f.path == path),
                "{path}: {:#?}",
                r.fixes
            );
        }
        evaluate(&r.plan);
        // A price over the bound is refused, not changed.
        let mut priced = base();
        priced.options[0].servers[0]
            .price
            .as_mut()
            .unwrap()
            .monthly_fen = i64::MAX;
        let e = codec::from_json(&codec::to_json(&priced)).unwrap_err();
        assert!(e.to_string().contains("monthly_fen"), "{e}");
    }

    /// Every service with every knob at its maximum, 1000 replicas and the
    /// largest limits a plan accepts, on the largest server a plan accepts.
    #[test]
    fn every_service_at_its_bounds_evaluates_without_panicking() {
        use stackfit_core::model::units::{MAX_MEMORY_MIB, MAX_REPLICAS};
        for def in stackfit_core::catalog::services() {
            for limit in [None, Some(MAX_MEMORY_MIB)] {
                let mut p = Placement::new("x", def.id);
                for k in def.knobs {
                    p = p.knob(k.id, k.max);
                }
                p.replicas = MAX_REPLICAS;
                p.limit_mib = limit;
                p.measured_mib = Some(MAX_MEMORY_MIB);
                p.shm_mib = Some(MAX_MEMORY_MIB);
                let mut s = Server::new("s", "big", "custom").spec(4096, MAX_MEMORY_MIB);
                s.placements = vec![p];
                let plan = Plan {
                    quotes: Vec::new(),
                    name: "t".into(),
                    description: String::new(),
                    settings: Settings::default(),
                    options: vec![PlanOption::new("o", "O").with(s)],
                };
                let plan = codec::from_json(&codec::to_json(&plan)).unwrap().plan;
                let r = evaluate(&plan);
                for f in r.options[0].findings() {
                    let _ = (f.message_en(), f.message_zh());
                }
            }
        }
    }

    proptest! {
        #[test]
        fn evaluate_never_panics_on_extreme_unvalidated_plans(
            limit in prop::option::of(any::<u64>()),
            measured in prop::option::of(any::<u64>()),
            usable in prop::option::of(any::<u64>()),
            replicas in any::<u32>(),
            per_container in any::<u64>(),
            os in any::<u64>(),
            rate in prop::option::of(any::<i64>()),
            price in any::<i64>(),
        ) {
            let mut plan = base();
            plan.settings.reserve.per_container_mib = per_container;
            plan.settings.reserve.os_mib = os;
            plan.settings.usd_cny_rate_milli = rate;
            for o in &mut plan.options {
                for s in &mut o.servers {
                    s.usable_mib = usable;
                    if let Some(p) = s.price.as_mut() {
                        p.monthly_fen = price.max(0);
                    }
                    for p in &mut s.placements {
                        p.limit_mib = limit;
                        p.measured_mib = measured;
                        p.replicas = replicas;
                    }
                }
            }
            let r = evaluate(&plan);
            for o in &r.options {
                for f in o.findings() {
                    let _ = (f.message_en(), f.message_zh());
                }
            }
        }
    }
}

/// 4,000 placements all called `p` took 24 s to validate; a shared link
/// would have frozen the browser. 10,000 over five options, every id
/// repeated, validate in linear time: about 0.2 s in this unoptimised test
/// build, over a second on a busy two-core machine. The quadratic version
/// would take minutes, so a 10 s bound tells the two apart without failing
/// on a busy machine (the speed itself is for benchmarks, not tests).
#[test]
fn ten_thousand_placements_with_repeated_ids_validate_in_linear_time() {
    use stackfit_core::edit::validate::MAX_PLACEMENTS_PER_OPTION;
    let mut p = Plan {
        quotes: Vec::new(),
        name: "big".into(),
        description: String::new(),
        settings: Settings::default(),
        options: Vec::new(),
    };
    for _ in 0..5 {
        let mut o = PlanOption::new("o", "O");
        for s in 0..10 {
            let mut server = Server::new("s", "S", "aliyun-ecs-c7-large");
            server.placements = (0..MAX_PLACEMENTS_PER_OPTION / 10)
                .map(|_| Placement::new("p", "redis").depends_on(&["p"]))
                .collect();
            server.id = format!("s{s}");
            o = o.with(server);
        }
        p.options.push(o);
    }
    let text = codec::to_json(&p);
    let start = std::time::Instant::now();
    let restored = codec::from_json(&text).unwrap();
    let took = start.elapsed();
    assert!(took.as_secs_f64() < 10.0, "validation took {took:?}");
    let o = &restored.plan.options[4];
    assert_eq!(o.id, "o-5");
    let ids: std::collections::HashSet<&str> = o
        .servers
        .iter()
        .flat_map(|s| s.placements.iter().map(|p| p.id.as_str()))
        .collect();
    assert_eq!(ids.len(), MAX_PLACEMENTS_PER_OPTION, "every id unique");
}

/// A cross-server finding copied the other server's label into every
/// message: a 1.1 MB plan with a 1 MiB label gave 3 GB of JSON. Labels are
/// bounded, so the report stays within a small multiple of the plan.
#[test]
fn report_size_is_bounded_by_plan_size() {
    let mut plan = stackfit_core::templates::get("s4").unwrap();
    for o in &mut plan.options {
        for s in &mut o.servers {
            s.label = "L".repeat(1 << 20);
        }
    }
    let text = codec::to_json(&plan);
    let restored = codec::from_json(&text).unwrap();
    assert!(restored.plan.options[0].servers[0].label.chars().count() <= 60);
    let report = serde_json::to_string(&evaluate(&restored.plan)).unwrap();
    let restored_text = codec::to_json(&restored.plan);
    assert!(
        report.len() < 40 * restored_text.len(),
        "{} bytes of report for {} of plan",
        report.len(),
        restored_text.len()
    );
}
