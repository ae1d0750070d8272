//! The layout search (`search::search`): never dearer than a brute force on
//! small random plans, every constraint held by every layout, the same
//! answer for the same input, a plan nothing holds says why, and on S3 and
//! S4 a layout no dearer than the options the reports chose.

use std::collections::HashMap;

use proptest::prelude::*;
use stackfit_core::catalog;
use stackfit_core::cost::Prices;
use stackfit_core::findings::Lang;
use stackfit_core::fit::{evaluate, evaluate_with, Verdict};
use stackfit_core::model::price::PriceBook;
use stackfit_core::model::{Action, Placement, Plan, PlanOption, Provider, Server, Settings};
use stackfit_core::search::{search, Constraints, NoFit, SearchResult};
use stackfit_core::{apply, templates};

fn book() -> PriceBook {
    PriceBook::default()
}

/// Services small enough to mix on small tiers, with a knob each to vary.
fn placement(i: usize, kind: u8, size: u64) -> Placement {
    let id = format!("p{i}");
    match kind % 6 {
        0 => Placement::new(&id, "postgres").knob("shared_buffers_mib", (size * 128) as i64),
        1 => Placement::new(&id, "redis").knob("maxmemory_mib", (size * 64) as i64),
        2 => Placement::new(&id, "celery-prefork").knob("concurrency", (size % 6 + 1) as i64),
        3 => Placement::new(&id, "fastapi").knob("workers", (size % 4 + 1) as i64),
        4 => Placement::new(&id, "nginx"),
        _ => Placement::new(&id, "celery-gevent").estimate(200 + size * 150),
    }
}

fn plan_of(parts: &[(u8, u64)]) -> Plan {
    let mut server = Server::new("a", "A", "aws-t3-medium");
    server.placements = parts
        .iter()
        .enumerate()
        .map(|(i, (k, s))| placement(i, *k, *s))
        .collect();
    Plan {
        name: "random".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("a", "A").with(server)],
        quotes: Vec::new(),
    }
}

/// Every partition of 0..n (restricted growth strings).
fn partitions(n: usize) -> Vec<Vec<Vec<usize>>> {
    fn go(i: usize, n: usize, cur: &mut Vec<Vec<usize>>, out: &mut Vec<Vec<Vec<usize>>>) {
        if i == n {
            out.push(cur.clone());
            return;
        }
        for g in 0..cur.len() {
            cur[g].push(i);
            go(i + 1, n, cur, out);
            cur[g].pop();
        }
        cur.push(vec![i]);
        go(i + 1, n, cur, out);
        cur.pop();
    }
    let mut out = Vec::new();
    go(0, n, &mut Vec::new(), &mut out);
    out
}

/// The brute force: every partition, every group on its cheapest priced
/// tier of one provider, judged by a full evaluation of a one-server option.
fn brute_force(plan: &Plan, providers: &[Provider], c: &Constraints) -> Option<i64> {
    let placements: Vec<Placement> = plan.options[0].servers[0].placements.clone();
    let n = placements.len();
    let no_book = PriceBook::default();
    let prices = Prices::of(plan, &no_book);
    let pos = |id: &str| placements.iter().position(|p| p.id == id).unwrap();
    let mut best: Option<i64> = None;
    for &provider in providers {
        let mut tiers: Vec<(i64, &str)> = catalog::tiers()
            .iter()
            .filter(|t| t.provider == provider)
            .filter_map(|t| prices.tier(t.id, Some(t)).monthly_fen.map(|f| (f, t.id)))
            .collect();
        tiers.sort();
        let mut memo: HashMap<Vec<usize>, Option<i64>> = HashMap::new();
        let mut cheapest = |group: &Vec<usize>| -> Option<i64> {
            memo.entry(group.clone())
                .or_insert_with(|| {
                    tiers.iter().find_map(|(fen, tier)| {
                        let mut s = Server::new("x", "X", tier);
                        s.placements = group.iter().map(|&i| placements[i].clone()).collect();
                        let p = Plan {
                            options: vec![PlanOption::new("o", "O").with(s)],
                            ..plan.clone()
                        };
                        (evaluate(&p).options[0].servers[0].verdict == Verdict::Fits)
                            .then_some(*fen)
                    })
                })
                .to_owned()
        };
        'partition: for part in partitions(n) {
            if c.max_servers.is_some_and(|m| part.len() > m) {
                continue;
            }
            let group_of = |i: usize| part.iter().position(|g| g.contains(&i)).unwrap();
            for set in &c.keep_together {
                if set
                    .iter()
                    .map(|id| group_of(pos(id)))
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
                    > 1
                {
                    continue 'partition;
                }
            }
            for set in &c.keep_apart {
                let gs: Vec<usize> = set.iter().map(|id| group_of(pos(id))).collect();
                let mut d = gs.clone();
                d.sort();
                d.dedup();
                if d.len() < gs.len() {
                    continue 'partition;
                }
            }
            let mut total = 0;
            for g in &part {
                match cheapest(g) {
                    Some(f) => total += f,
                    None => continue 'partition,
                }
            }
            best = Some(best.map_or(total, |b: i64| b.min(total)));
        }
    }
    best
}

/// Every layout keeps every constraint, fits by the engine's own
/// evaluation once added to the plan, and costs what it says.
fn check_layouts(plan: &Plan, r: &SearchResult, c: &Constraints, providers: &[Provider]) {
    for l in &r.layouts {
        let mut with = plan.clone();
        apply(
            &mut with,
            &Action::AddOption {
                option: l.option.clone(),
            },
        )
        .unwrap_or_else(|e| panic!("a found layout is a valid option: {e:?}"));
        let rep = evaluate(&with);
        let o = rep.option(&l.option.id).unwrap();
        assert_eq!(o.verdict, Verdict::Fits, "{}", l.reason_en);
        assert_eq!(o.monthly_fen, l.monthly_fen);
        let server_of = |id: &str| l.option.find_placement(id).unwrap().0;
        for set in &c.keep_together {
            let s0 = server_of(&set[0]);
            assert!(
                set.iter().all(|id| server_of(id) == s0),
                "kept together: {set:?}"
            );
        }
        for set in &c.keep_apart {
            let mut ss: Vec<usize> = set.iter().map(|id| server_of(id)).collect();
            ss.sort();
            ss.dedup();
            assert_eq!(ss.len(), set.len(), "kept apart: {set:?}");
        }
        for (p, s) in &c.pinned {
            assert_eq!(&l.option.servers[server_of(p)].id, s);
        }
        if let Some(m) = c.max_servers {
            assert!(l.option.servers.len() <= m);
        }
        for s in &l.option.servers {
            let t = catalog::tier(&s.tier).unwrap();
            assert!(providers.contains(&t.provider), "{}", s.tier);
        }
        let placed: usize = l.option.servers.iter().map(|s| s.placements.len()).sum();
        let all: usize = plan.options[0]
            .servers
            .iter()
            .map(|s| s.placements.len())
            .sum();
        assert_eq!(placed, all, "every placement placed once");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// On small random plans the search's best layout costs exactly what a
    /// brute force over every partition finds, and every layout keeps the
    /// constraints.
    #[test]
    fn never_dearer_than_brute_force(
        parts in prop::collection::vec((0u8..6, 1u64..8), 2..=6),
        apart in any::<bool>(),
        together in any::<bool>(),
        max in prop::option::of(1usize..=3),
        aws in any::<bool>(),
    ) {
        let plan = plan_of(&parts);
        let providers = if aws { vec![Provider::Aws] } else { vec![Provider::AlibabaEcs, Provider::Aws] };
        let n = parts.len();
        let c = Constraints {
            keep_apart: if apart { vec![vec!["p0".into(), format!("p{}", n - 1)]] } else { vec![] },
            keep_together: if together && n > 2 { vec![vec!["p1".into(), "p2".into()]] } else { vec![] },
            max_servers: max,
            providers: providers.clone(),
            ..Constraints::default()
        };
        let r = search(&plan, "a", &c, &book(), Lang::En).unwrap();
        prop_assert!(r.exact);
        let brute = brute_force(&plan, &providers, &c);
        let found = r.layouts.first().and_then(|l| l.monthly_fen);
        prop_assert_eq!(found, brute, "{:?}", r.no_fit_en);
        if found.is_none() {
            prop_assert!(r.no_fit.is_some() && r.no_fit_en.is_some());
        }
        check_layouts(&plan, &r, &c, &providers);
        // Ranked cheapest first.
        for w in r.layouts.windows(2) {
            prop_assert!(w[0].monthly_fen <= w[1].monthly_fen);
        }
    }
}

#[test]
fn the_same_input_gives_the_same_answer() {
    for (t, o) in [
        ("s3", "a-single"),
        ("s4", "as-planned"),
        ("s0", "lean-2c4g"),
    ] {
        let plan = templates::get(t).unwrap();
        let c = Constraints::default();
        let a = search(&plan, o, &c, &book(), Lang::Zh).unwrap();
        let b = search(&plan, o, &c, &book(), Lang::Zh).unwrap();
        assert_eq!(a, b, "{t}");
        assert!(!a.layouts.is_empty(), "{t}: {:?}", a.no_fit_en);
    }
}

/// S3: for every option the report compares that has servers, a price and
/// fits, the search on its provider proposes a layout no dearer.
#[test]
fn s3_finds_a_layout_no_dearer_than_each_of_the_reports_options() {
    let plan = templates::get("s3").unwrap();
    let report = evaluate(&plan);
    let mut checked = 0;
    for o in &report.options {
        let option = plan.option(&o.id).unwrap();
        if option.servers.is_empty() || o.reference || o.verdict > Verdict::Tight {
            continue;
        }
        let Some(cost) = o.monthly_fen else { continue };
        let r = search(&plan, &o.id, &Constraints::default(), &book(), Lang::En).unwrap();
        let best = r.layouts[0].monthly_fen.expect("priced");
        assert!(best <= cost, "{}: {best} > {cost}", o.id);
        assert!(!r.layouts[0].reason_en.is_empty() && !r.layouts[0].reason_zh.is_empty());
        checked += 1;
    }
    assert!(checked >= 4, "{checked}");
    // The report's single 8C16G at its quote is itself among the answers.
    let r = search(
        &plan,
        "a-single",
        &Constraints::default(),
        &book(),
        Lang::En,
    )
    .unwrap();
    assert!(
        r.layouts
            .iter()
            .any(|l| l.reason_en.contains("the same monthly cost as")
                || l.reason_en.contains("cheaper than")
                || l.reason_en.contains("not compared")),
        "{:?}",
        r.layouts
    );
}

/// S4: the team's layout overfills B; the search finds priced layouts that
/// fit, the database kept away from the heaviest workers if asked.
#[test]
fn s4_finds_a_layout_that_fits_where_the_reports_does_not() {
    let plan = templates::get("s4").unwrap();
    let report = evaluate(&plan);
    assert_eq!(
        report.option("as-planned").unwrap().verdict,
        Verdict::DoesNotFit
    );
    let c = Constraints {
        keep_apart: vec![vec![
            "postgres".into(),
            "worker-insight".into(),
            "worker-theme".into(),
        ]],
        ..Constraints::default()
    };
    let r = search(&plan, "as-planned", &c, &book(), Lang::En).unwrap();
    assert!(!r.layouts.is_empty(), "{:?}", r.no_fit_en);
    check_layouts(&plan, &r, &c, &[Provider::AlibabaEcs]);
    let best = &r.layouts[0];
    assert!(best.monthly_fen.is_some());
    // Pinning postgres and redis to the team's server A keeps A as it is.
    let pinned = Constraints {
        pinned: vec![
            ("postgres".into(), "a".into()),
            ("redis".into(), "a".into()),
        ],
        allow_unknown_prices: true,
        ..Constraints::default()
    };
    let r = search(&plan, "as-planned", &pinned, &book(), Lang::En).unwrap();
    assert!(!r.layouts.is_empty(), "{:?}", r.no_fit_en);
    check_layouts(&plan, &r, &pinned, &[Provider::AlibabaEcs]);
    for l in &r.layouts {
        let a = l.option.server("a").unwrap();
        assert_eq!(a.tier, "aliyun-ecs-c7-2xlarge");
        assert_eq!(a.private_address.as_deref(), Some("192.168.36.36"));
    }
    // One big server beside the best three (none of which is one server).
    let d = search(
        &plan,
        "as-planned",
        &Constraints::default(),
        &book(),
        Lang::En,
    )
    .unwrap();
    let one = d.one_server.as_ref().expect("one server holds S4");
    assert_eq!(one.servers.len(), 1);
    assert!(d.layouts.iter().all(|l| l.servers.len() > 1));
    assert!(one.monthly_fen >= d.layouts[0].monthly_fen);
    // Everything the team put on B, pinned to B: it does not fit, and says so.
    let on_b: Vec<(String, String)> = plan
        .option("as-planned")
        .unwrap()
        .server("b")
        .unwrap()
        .placements
        .iter()
        .map(|p| (p.id.clone(), "b".to_string()))
        .collect();
    let r = search(
        &plan,
        "as-planned",
        &Constraints {
            pinned: on_b,
            ..Constraints::default()
        },
        &book(),
        Lang::En,
    )
    .unwrap();
    assert!(
        matches!(&r.no_fit, Some(NoFit::PinnedOver { server, .. }) if server == "b"),
        "{r:?}"
    );
    // The template's options priced by the same catalog: the search is no dearer.
    let with_unknown = Constraints {
        allow_unknown_prices: true,
        ..Constraints::default()
    };
    let r = search(&plan, "as-planned", &with_unknown, &book(), Lang::En).unwrap();
    assert!(
        r.layouts[0].unknown_prices.is_empty(),
        "a priced layout ranks first"
    );
}

#[test]
fn a_plan_no_allowed_tier_holds_says_so_and_why() {
    let mut plan = plan_of(&[(0, 1), (4, 1)]);
    plan.options[0].servers[0].placements[0] =
        Placement::new("p0", "postgres").estimate(200 * 1024);
    let c = Constraints {
        providers: vec![Provider::Aws],
        ..Constraints::default()
    };
    let r = search(&plan, "a", &c, &book(), Lang::En).unwrap();
    assert!(r.layouts.is_empty());
    match r.no_fit.as_ref().unwrap() {
        NoFit::TooBig { placements, .. } => assert_eq!(placements, &vec!["p0".to_string()]),
        other => panic!("{other:?}"),
    }
    let en = r.no_fit_en.unwrap();
    assert!(
        en.contains("p0 fits no allowed tier") && en.contains("allocatable"),
        "{en}"
    );
    assert!(r.no_fit_zh.unwrap().contains("放不进任何允许的规格"));
    // Kept apart on at most one server.
    let plan = plan_of(&[(4, 1), (4, 1)]);
    let c = Constraints {
        keep_apart: vec![vec!["p0".into(), "p1".into()]],
        max_servers: Some(1),
        ..Constraints::default()
    };
    let r = search(&plan, "a", &c, &book(), Lang::En).unwrap();
    assert!(
        matches!(
            r.no_fit,
            Some(NoFit::TooFewServers {
                max_servers: 1,
                exhaustive: true
            })
        ),
        "{r:?}"
    );
    // Kept together and apart at once.
    let c = Constraints {
        keep_apart: vec![vec!["p0".into(), "p1".into()]],
        keep_together: vec![vec!["p0".into(), "p1".into()]],
        ..Constraints::default()
    };
    let r = search(&plan, "a", &c, &book(), Lang::En).unwrap();
    assert!(matches!(r.no_fit, Some(NoFit::Conflict { .. })), "{r:?}");
    // No tier at all.
    let c = Constraints {
        families: vec!["nope".into()],
        ..Constraints::default()
    };
    let r = search(&plan, "a", &c, &book(), Lang::En).unwrap();
    assert_eq!(r.no_fit, Some(NoFit::NoTiers));
    // Bad requests are errors, in both languages.
    let e = search(
        &plan,
        "a",
        &Constraints {
            keep_apart: vec![vec!["zz".into()]],
            ..Constraints::default()
        },
        &book(),
        Lang::En,
    )
    .unwrap_err();
    assert!(e.en.contains("zz") && e.zh.contains("zz"));
    assert!(search(&plan, "nope", &Constraints::default(), &book(), Lang::En).is_err());
}

#[test]
fn large_plans_use_the_heuristic_with_a_stated_bound() {
    let parts: Vec<(u8, u64)> = (0..16)
        .map(|i| ((i % 6) as u8, (i % 7 + 1) as u64))
        .collect();
    let plan = plan_of(&parts);
    let c = Constraints {
        providers: vec![Provider::Aws],
        ..Constraints::default()
    };
    let r = search(&plan, "a", &c, &book(), Lang::En).unwrap();
    assert!(!r.exact);
    let b = r.bound.clone().expect("a bound");
    let best = r.layouts[0].monthly_fen.unwrap();
    assert!(b.lower_bound_fen <= best);
    assert!(best <= b.lower_bound_fen + b.lower_bound_fen * i64::from(b.within_pct) / 100 + 1);
    check_layouts(&plan, &r, &c, &[Provider::Aws]);
    assert_eq!(r, search(&plan, "a", &c, &book(), Lang::En).unwrap());
}

#[test]
fn a_readers_quote_prices_the_search_too() {
    let plan = plan_of(&[(4, 1)]);
    let c = Constraints {
        providers: vec![Provider::AlibabaEcs],
        ..Constraints::default()
    };
    let before = search(&plan, "a", &c, &book(), Lang::En).unwrap();
    let mut mine = PriceBook::default();
    mine.set(stackfit_core::model::price::Quote {
        tier: "aliyun-ecs-c7-large".into(),
        monthly_fen: 100,
        yearly_fen: None,
        billing: stackfit_core::model::price::Billing::Monthly,
        date: "2026-12-01".into(),
        note: String::new(),
        from: stackfit_core::model::price::QuoteFrom::Mine,
    });
    let after = search(&plan, "a", &c, &mine, Lang::En).unwrap();
    assert_eq!(
        after.layouts[0].option.servers[0].tier,
        "aliyun-ecs-c7-large"
    );
    assert_eq!(after.layouts[0].monthly_fen, Some(100));
    assert!(before.layouts[0].monthly_fen.unwrap() > 100);
    let catalog_only = Constraints {
        catalog_prices_only: true,
        ..c
    };
    let r = search(&plan, "a", &catalog_only, &mine, Lang::En).unwrap();
    assert_eq!(r.layouts[0].monthly_fen, before.layouts[0].monthly_fen);
    let _ = evaluate_with;
}
