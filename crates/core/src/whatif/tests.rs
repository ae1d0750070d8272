use super::*;
use crate::model::price::PriceBook;
use crate::model::Placement;
use crate::templates;

fn book() -> PriceBook {
    PriceBook::default()
}

#[test]
fn load_one_is_the_plan_as_it_is() {
    for id in ["s0", "s1", "s2", "s3", "s4"] {
        let plan = templates::get(id).unwrap();
        let full = fit::evaluate(&plan);
        for o in &plan.options {
            assert_eq!(scale_option(o, LOAD_ONE), *o);
            let at_one = evaluate_at(&plan, &o.id, LOAD_ONE, &book()).unwrap();
            let mut expected = full.option(&o.id).unwrap().clone();
            // Only the comparison with the plan's baseline depends on the other options.
            expected.monthly_delta_fen = at_one.monthly_delta_fen;
            assert_eq!(at_one, expected, "{id} {}", o.id);
        }
    }
}

#[test]
fn load_scales_the_kinds_load_knobs_and_nothing_else() {
    let plan = templates::get("s3").unwrap();
    let a = plan.option("a-single").unwrap();
    let twice = scale_option(a, 2000);
    let knob =
        |o: &PlanOption, p: &str, k: &str| o.find_placement(p).unwrap().1.knobs.get(k).copied();
    assert_eq!(knob(&twice, "worker-high", "concurrency"), Some(8));
    assert_eq!(knob(&twice, "api", "workers"), Some(8));
    assert_eq!(knob(&twice, "postgres", "connections"), Some(160));
    // Configuration stays: max_connections, Redis maxmemory, shared_buffers.
    assert_eq!(knob(&twice, "postgres", "max_connections"), Some(150));
    assert_eq!(knob(&twice, "postgres", "shared_buffers_mib"), Some(1024));
    assert_eq!(knob(&twice, "redis", "maxmemory_mib"), Some(1024));
    // Halving rounds up and never reaches zero.
    let half = scale_option(a, 500);
    assert_eq!(knob(&half, "worker-low", "concurrency"), Some(1));
}

#[test]
fn more_load_never_uses_less() {
    for id in ["s0", "s3", "s4"] {
        let plan = templates::get(id).unwrap();
        for o in &plan.options {
            let mut last: Option<OptionReport> = None;
            for load in [500, 1000, 1500, 2000, 4000, 10_000] {
                let r = evaluate_at(&plan, &o.id, load, &book()).unwrap();
                if let Some(prev) = &last {
                    for (a, b) in prev.servers.iter().zip(&r.servers) {
                        assert!(b.expected_mib >= a.expected_mib, "{id} {} {load}", o.id);
                        assert!(b.peak_mib >= a.peak_mib);
                        assert!(b.cpu_expected_millicores >= a.cpu_expected_millicores);
                        assert!(b.verdict >= a.verdict);
                    }
                }
                last = Some(r);
            }
        }
    }
}

#[test]
fn the_breaking_point_is_where_the_engine_says_it_breaks() {
    let plan = templates::get("s0").unwrap();
    let w = whatif(&plan, "lean-2c4g", 1000, &book()).unwrap();
    for b in &w.breaking {
        let at = b.load.expect("the lean 2C4G breaks before ×10");
        assert!(at > LOAD_ONE);
        let server = |load: u32| {
            evaluate_at(&plan, "lean-2c4g", load, &book())
                .unwrap()
                .servers
                .into_iter()
                .find(|s| s.id == b.server)
                .unwrap()
        };
        let there = server(at);
        for g in &b.gives {
            assert!(g.broken(&there), "{g:?} at {at}");
        }
        let before = server(at - LOAD_STEP);
        for g in Gives::ALL {
            assert!(!g.broken(&before), "{g:?} already at {}", at - LOAD_STEP);
        }
    }
}

#[test]
fn s3_breaks_on_database_connections_before_memory() {
    // The report's pools (80 per process) already exceed max_connections
    // at ×1: the connection budget is what gives out, not the 16 GiB.
    let plan = templates::get("s3").unwrap();
    let w = whatif(&plan, "a-single", 2000, &book()).unwrap();
    let b = &w.breaking[0];
    assert_eq!(b.gives, vec![Gives::DatabaseConnections]);
    assert_eq!(b.load, Some(LOAD_MIN));
    let memory = b
        .per_resource
        .iter()
        .find(|(g, _)| *g == Gives::Memory)
        .unwrap()
        .1;
    assert!(memory.is_none_or(|m| m > 2000), "{memory:?}");
}

#[test]
fn s4_server_b_is_already_over() {
    let plan = templates::get("s4").unwrap();
    let id = &plan.options[0].id;
    let w = whatif(&plan, id, 1000, &book()).unwrap();
    let b = w.breaking.iter().find(|b| b.server == "b").unwrap();
    assert!(b.load.unwrap() <= LOAD_ONE, "{b:?}");
}

#[test]
fn measured_figures_follow_the_model() {
    let plan = templates::get("s4").unwrap();
    let o = &plan.options[0];
    let twice = scale_option(o, 2000);
    for (s0, s1) in o.servers.iter().zip(&twice.servers) {
        for (p0, p1) in s0.placements.iter().zip(&s1.placements) {
            if let (Some(m0), Some(m1)) = (p0.measured_mib, p1.measured_mib) {
                assert!(m1 >= m0, "{}", p0.id);
            }
            if let (Some(l0), Some(l1)) = (p0.limit_mib, p1.limit_mib) {
                assert!(l1 >= l0, "{}", p0.id);
            }
        }
    }
}

#[test]
fn parses_and_words_loads() {
    assert_eq!(parse_load("1"), Ok(1000));
    assert_eq!(parse_load(".5"), Ok(500));
    assert_eq!(parse_load("10x"), Ok(10_000));
    assert!(parse_load("0.4").is_err());
    assert!(parse_load("abc").is_err());
    assert!(parse_load("1.2345").is_err());
    assert!(parse_load("").is_err());
    assert_eq!(load_words(10_000), "×10");
}

/// Every catalog service whose kind grows with load has at least one of
/// the kind's load knobs, so the what-if moves it (a misspelt knob id would
/// leave it still).
#[test]
fn every_load_driven_service_has_a_load_knob() {
    use crate::kinds::{kind, Cx, HostView};
    for def in crate::catalog::services() {
        let p = Placement::new("x", def.id);
        let knobs = kind(def.kind).load_knobs(&Cx::new(def, &p, HostView::new(3816, 2)));
        if knobs.is_empty() {
            continue;
        }
        assert!(
            knobs.iter().any(|(id, _)| def.has_knob(id)),
            "{}: none of {:?}",
            def.id,
            knobs.iter().map(|(id, _)| *id).collect::<Vec<_>>()
        );
    }
}
