//! An option's own load (`PlanOption.load`, the what-if slider, issue 12
//! item 2): kept in the plan, checked by the one validator, set by an
//! action, carried by files and links, and read by every figure the
//! evaluation and the exporters write.

use stackfit_core::codec::link::{plan_from_fragment, plan_to_fragment};
use stackfit_core::codec::{from_json, to_json};
use stackfit_core::edit::ActionError;
use stackfit_core::export::{files, Secrets};
use stackfit_core::findings::Lang;
use stackfit_core::fit::evaluate_with;
use stackfit_core::model::price::PriceBook;
use stackfit_core::model::Action;
use stackfit_core::whatif::{evaluate_at, scale_option, LOAD_MAX, LOAD_MIN, LOAD_ONE};
use stackfit_core::{apply, evaluate, templates, History, Plan};

fn set_load(option: &str, load: u32) -> Action {
    Action::SetLoad {
        option: option.into(),
        load,
    }
}

fn s3_at(load: u32) -> Plan {
    let mut plan = templates::get("s3").unwrap();
    apply(&mut plan, &set_load("a-single", load)).unwrap();
    plan
}

#[test]
fn the_evaluation_reads_each_option_at_its_own_load() {
    let plan = s3_at(2000);
    let report = evaluate(&plan);
    let a = report.option("a-single").unwrap();
    assert_eq!(a.load, 2000);
    // The same figures as the what-if at ×2 of the plan as set.
    let mut as_set = plan.clone();
    as_set.options[0].load = LOAD_ONE;
    let w = evaluate_at(&as_set, "a-single", 2000, &PriceBook::default()).unwrap();
    assert_eq!(a.servers, w.servers);
    // The other options stay at ×1.
    let before = evaluate(&templates::get("s3").unwrap());
    for o in report.options.iter().filter(|o| o.id != "a-single") {
        assert_eq!(o.load, LOAD_ONE);
        assert_eq!(o.servers, before.option(&o.id).unwrap().servers, "{}", o.id);
    }
    // More load, more memory.
    assert!(a.servers[0].peak_mib > before.option("a-single").unwrap().servers[0].peak_mib);
}

#[test]
fn the_load_is_not_applied_twice() {
    // The knobs in the plan stay as set; only the evaluation scales them.
    let plan = s3_at(2000);
    let (_, w) = plan.options[0].find_placement("worker-normal").unwrap();
    assert_eq!(w.knobs["concurrency"], 6);
    let scaled = scale_option(&plan.options[0], plan.options[0].load);
    assert_eq!(
        scaled.find_placement("worker-normal").unwrap().1.knobs["concurrency"],
        12
    );
}

#[test]
fn load_outside_its_range_is_refused_by_actions_and_repaired_by_the_codec() {
    let mut plan = templates::get("s3").unwrap();
    for bad in [0, LOAD_MIN - 1, LOAD_MAX + 1] {
        let e = apply(&mut plan, &set_load("a-single", bad)).unwrap_err();
        let ActionError::OutOfRange(o) = &e else {
            panic!("{e:?}")
        };
        assert_eq!(o.bound.name_en, "load multiplier");
        assert!(e.message_en().contains("×0.5 to ×10"), "{}", e.message_en());
        assert!(e.message_zh().contains("负载倍数"), "{}", e.message_zh());
    }
    assert_eq!(plan, templates::get("s3").unwrap(), "nothing was applied");
    let e = apply(&mut plan, &set_load("nope", 2000)).unwrap_err();
    assert_eq!(e, ActionError::UnknownOption("nope".into()));

    let mut wild = templates::get("s3").unwrap();
    wild.options[0].load = 50_000;
    let r = from_json(&to_json(&wild)).unwrap();
    assert_eq!(r.plan.options[0].load, LOAD_MAX);
    assert_eq!(r.fixes.len(), 1, "{:#?}", r.fixes);
    assert_eq!(r.fixes[0].path, "options[0].load");
    assert!(r.fixes[0].en.contains("Set to ×10"), "{}", r.fixes[0].en);
    assert!(r.fixes[0].zh.contains("负载倍数"), "{}", r.fixes[0].zh);
}

#[test]
fn a_run_of_slider_moves_is_one_undo_step() {
    let plan = templates::get("s3").unwrap();
    let mut h = History::new(plan.clone());
    for load in [1100, 1500, 2300, 1800] {
        h.apply_merging(&set_load("a-single", load)).unwrap();
    }
    assert_eq!(h.plan().options[0].load, 1800);
    assert!(h.undo());
    assert_eq!(h.plan(), &plan);
    assert!(!h.can_undo());
    // Another option's slider is a run of its own.
    h.redo();
    h.apply_merging(&set_load("b-split", 3000)).unwrap();
    assert!(h.undo());
    assert_eq!(h.plan().options[0].load, 1800);
}

#[test]
fn files_and_links_carry_the_load_and_plans_at_one_write_no_load() {
    let plan = s3_at(2500);
    let text = to_json(&plan);
    assert!(text.contains("\"load\": 2500"));
    assert!(text.contains("\"version\": 2"));
    assert_eq!(from_json(&text).unwrap().plan, plan);
    assert_eq!(
        plan_from_fragment(&plan_to_fragment(&plan)).unwrap().plan,
        plan
    );
    // The plan as sent (with the sender's quotes) keeps it too.
    let sent = stackfit_core::cost::as_sent(&plan, &PriceBook::default());
    assert_eq!(sent.options[0].load, 2500);
    // ×1 is the default and is not written.
    assert!(!to_json(&templates::get("s0").unwrap()).contains("\"load\""));
}

#[test]
fn a_version_1_file_still_opens_at_load_one() {
    // Written by StackFit before the load existed (format version 1).
    let v1 = r#"{
  "format": "stackfit-plan",
  "version": 1,
  "plan": {
    "name": "v1",
    "options": [
      { "id": "a", "name": "A",
        "servers": [ { "id": "a", "label": "A", "tier": "aliyun-ecs-c7-large",
          "placements": [ { "id": "redis", "service": "redis" } ] } ] }
    ]
  }
}"#;
    let r = from_json(v1).unwrap();
    assert!(r.fixes.is_empty(), "{:#?}", r.fixes);
    assert_eq!(r.plan.options[0].load, LOAD_ONE);
    // Written back, it is a version 2 file.
    assert!(to_json(&r.plan).contains("\"version\": 2"));
}

#[test]
fn off_load_one_findings_keep_their_words_but_no_fix_that_sizes() {
    // Fixes that write a figure (a knob, a limit) would be computed on the
    // scaled knobs and then applied on top of the scale: off ×1 they go.
    let sizes = |a: &Action| {
        fn holds(a: &Action) -> bool {
            match a {
                Action::SetTier { .. }
                | Action::MovePlacement { .. }
                | Action::AddServer { .. } => true,
                Action::Batch { actions } => actions.iter().all(holds),
                _ => false,
            }
        }
        !holds(a)
    };
    let mut seen_at_one = 0;
    for id in ["s0", "s1", "s2", "s3", "s4"] {
        let plan = templates::get(id).unwrap();
        let one = evaluate(&plan);
        seen_at_one += one
            .options
            .iter()
            .flat_map(|o| &o.servers)
            .flat_map(|s| &s.findings)
            .filter(|f| {
                f.fix
                    .iter()
                    .chain(&f.alternatives)
                    .any(|x| sizes(&x.action))
            })
            .count();
        for load in [LOAD_MIN, 1010, 2000, LOAD_MAX] {
            let mut p = plan.clone();
            for o in &mut p.options {
                o.load = load;
            }
            for o in evaluate(&p).options {
                for f in o.servers.iter().flat_map(|s| &s.findings) {
                    for x in f.fix.iter().chain(&f.alternatives) {
                        assert!(!sizes(&x.action), "{id} {} ×{load}: {:?}", o.id, x.action);
                    }
                }
            }
        }
    }
    assert!(seen_at_one > 0, "the templates hold sizing fixes at ×1");
}

#[test]
fn exports_write_the_scaled_knobs_and_say_the_load() {
    let plan = s3_at(2000);
    let report = evaluate_with(&plan, &PriceBook::default());
    let out = files(
        &plan,
        &report,
        "a-single",
        &mut Secrets::placeholders(),
        Lang::En,
    )
    .unwrap();
    let compose = &out
        .iter()
        .find(|f| f.name.starts_with("docker-compose."))
        .unwrap()
        .text;
    assert!(compose.contains("# load ×2:"), "{compose}");
    assert!(compose.contains("--concurrency=12"), "{compose}");
    for f in &out {
        assert!(f.text.contains("×2"), "{} does not state the load", f.name);
    }
    // At ×1 nothing says a load.
    let one = templates::get("s3").unwrap();
    let r1 = evaluate(&one);
    for f in files(
        &one,
        &r1,
        "a-single",
        &mut Secrets::placeholders(),
        Lang::En,
    )
    .unwrap()
    {
        assert!(!f.text.contains("load ×"), "{}", f.name);
    }
}

#[test]
fn the_search_lays_out_an_option_at_its_load_and_keeps_its_knobs() {
    use stackfit_core::search::{search, Constraints};
    use stackfit_core::Verdict;
    let plan = s3_at(2000);
    let book = PriceBook::default();
    let found = search(&plan, "a-single", &Constraints::default(), &book, Lang::En).unwrap();
    assert!(!found.layouts.is_empty());
    let at_one = search(
        &templates::get("s3").unwrap(),
        "a-single",
        &Constraints::default(),
        &book,
        Lang::En,
    )
    .unwrap();
    // Twice the load needs at least as much server.
    assert!(found.layouts[0].monthly_fen >= at_one.layouts[0].monthly_fen);
    for layout in &found.layouts {
        let o = &layout.option;
        assert_eq!(o.load, 2000);
        // The plan's own knobs, not the scaled ones.
        let (_, w) = o.find_placement("worker-normal").unwrap();
        assert_eq!(w.knobs["concurrency"], 6);
        // Kept as an option, it evaluates as the search judged it.
        let mut kept = plan.clone();
        kept.options.push(o.clone());
        let r = evaluate_with(&kept, &book);
        let rep = r.option(&o.id).unwrap();
        assert!(rep.verdict <= Verdict::Tight, "{:?}", rep.verdict);
        assert_eq!(
            rep.servers.iter().map(|s| s.headroom_pct).min().unwrap(),
            layout.headroom_pct
        );
    }
}

#[test]
fn breaking_points_are_relative_to_the_plan_as_set_whatever_the_slider_says() {
    use stackfit_core::whatif::breaking_points;
    let book = PriceBook::default();
    let one = templates::get("s0").unwrap();
    let mut slid = one.clone();
    slid.options[0].load = 3000;
    let a = breaking_points(&one, &one.options[0], &book);
    let b = breaking_points(&slid, &slid.options[0], &book);
    assert_eq!(a, b);
    // And the what-if at ×1 is the plan as set, not the slider's ×3.
    let id = one.options[0].id.clone();
    let at_one = evaluate_at(&slid, &id, LOAD_ONE, &book).unwrap();
    assert_eq!(at_one.load, LOAD_ONE);
    assert_eq!(at_one.servers, evaluate(&one).options[0].servers);
}

mod generated {
    use super::*;
    use proptest::prelude::*;
    use stackfit_core::model::{LoadInputs, Placement, PlanOption, Server};

    fn plan_with(load: u32, tasks: Option<LoadInputs>, web: Option<LoadInputs>) -> Plan {
        let mut worker = Placement::new("worker", "celery-prefork").knob("concurrency", 3);
        worker.load = tasks;
        let mut api = Placement::new("api", "gunicorn");
        api.load = web;
        let mut o = PlanOption::new("a", "A").with(
            Server::new("a", "A", "aliyun-ecs-c7-xlarge")
                .with(worker)
                .with(api),
        );
        o.load = load;
        let mut plan = templates::get("s0").unwrap();
        plan.options = vec![o];
        plan.settings.baseline_option = None;
        plan
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Any valid load and load inputs come back from a file and a link
        /// unchanged and with nothing repaired.
        #[test]
        fn loads_and_load_inputs_round_trip(
            load in LOAD_MIN..=LOAD_MAX,
            tasks in proptest::option::of((1u64..100_000, 1u64..=3600, 1u64..600_000, 0u64..600_000)),
            web in proptest::option::of((1u64..10_000, 1u64..60_000)),
        ) {
            let plan = plan_with(
                load,
                tasks.map(|(n, w, m, extra)| LoadInputs::tasks(n, w, m, m + extra)),
                web.map(|(r, l)| LoadInputs::web(r, l)),
            );
            let file = from_json(&to_json(&plan)).unwrap();
            prop_assert!(file.fixes.is_empty(), "{:?}", file.fixes);
            prop_assert_eq!(&file.plan, &plan);
            let link = plan_from_fragment(&plan_to_fragment(&plan)).unwrap();
            prop_assert!(link.fixes.is_empty());
            prop_assert_eq!(&link.plan, &plan);
            // And it evaluates, at its load, without a panic.
            let r = evaluate(&plan);
            prop_assert_eq!(r.options[0].load, load);
        }
    }
}
