//! The truth report's results, asserted: every corpus stack imports
//! through the compose importer without an error and runs no image the
//! catalog does not know, the shares judged as vendors document and within
//! ±35 % of published measurements do not fall below what they were when
//! this was written (raise the floors as the catalog improves; `make truth`
//! prints the table), and every disagreement says why, with a source.

mod truth_lib;

/// Corpus stacks judged as their vendors document, at least (of 23).
const AGREEING_STACKS_FLOOR: usize = 7;
/// Published measurements within ±35 % of the catalog default, at least
/// (of the readings of a default's regime: leaks and far larger installs
/// are listed, not scored).
const WITHIN_FLOOR_PCT: usize = 70;

#[test]
fn every_corpus_stack_imports_without_an_error() {
    let stacks = truth_lib::check_corpus();
    assert!(stacks.len() >= 20, "the corpus has {} stacks", stacks.len());
    for s in &stacks {
        assert!(
            s.import_errors.is_empty(),
            "{}: {:?}",
            s.id,
            s.import_errors
        );
        assert!(s.at_minimum.is_some() && s.at_half.is_some(), "{}", s.id);
        assert!(s.recognised > 0, "{}: nothing recognised", s.id);
        // Every image a corpus stack runs is in the catalog: none is sized
        // by the flat figure an unknown image gets.
        assert!(s.assumed.is_empty(), "{}: assumed {:?}", s.id, s.assumed);
    }
}

#[test]
fn vendor_agreement_and_measurement_accuracy_do_not_regress() {
    let stacks = truth_lib::check_corpus();
    let agree: Vec<&str> = stacks
        .iter()
        .filter(|s| s.agrees())
        .map(|s| s.id.as_str())
        .collect();
    assert!(
        agree.len() >= AGREEING_STACKS_FLOOR,
        "{} of {} agree: {agree:?}",
        agree.len(),
        stacks.len()
    );
    // A disagreement always says why: what tips it, in numbers, and what is
    // known of the vendor's figure, with a source.
    for s in stacks.iter().filter(|s| !s.agrees()) {
        assert!(!s.why().is_empty(), "{}", s.id);
        assert!(
            !s.meta.truth_notes.is_empty(),
            "{}: a disagreement needs a sourced note in meta.json (truth_notes)",
            s.id
        );
        for n in &s.meta.truth_notes {
            assert!(
                n.source.url.starts_with("https://") && n.source.date.len() == 10,
                "{}: {}",
                s.id,
                n.text
            );
            assert!(
                ["A", "B", "C"].contains(&n.source.confidence.as_str()),
                "{}",
                s.id
            );
        }
    }
    let checks = truth_lib::check_measurements();
    // Only a leak or a far larger install is left out of the share.
    for c in checks.iter().filter(|c| !c.scored) {
        assert!(
            matches!(c.m.regime.as_deref(), Some("leak" | "large-install")),
            "{} {}: regime {:?}",
            c.m.service,
            c.m.mib,
            c.m.regime
        );
    }
    let (within, scored) = truth_lib::scored(&checks);
    assert!(
        within * 100 / scored >= WITHIN_FLOOR_PCT,
        "{within} of {scored} within ±{} %",
        truth_lib::TOLERANCE_PCT
    );
}

/// Real stacks exported as imported log in to their databases: Ghost's
/// user password is the one its MySQL creates the user with (not the root
/// password), and Immich's server the one its PostgreSQL starts with.
#[test]
fn imported_stacks_files_agree_on_their_database_passwords() {
    for (stack, client, key, db, db_key) in [
        (
            "ghost",
            "ghost",
            "database__connection__password",
            "db",
            "MYSQL_PASSWORD",
        ),
        (
            "immich",
            "immich-server",
            "DB_PASSWORD",
            "database",
            "POSTGRES_PASSWORD",
        ),
    ] {
        let (_, imported) = truth_lib::import_stack(stack);
        let plan = imported.plan.expect("a plan");
        let report = stackfit_core::evaluate(&plan);
        let o = &plan.options[0];
        let text = stackfit_core::export::compose(&plan, &report, &o.id, &o.servers[0].id).unwrap();
        let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let var = |svc: &str, k: &str| {
            doc["services"][svc]["environment"][k]
                .as_str()
                .map(str::to_string)
        };
        assert!(
            var(db, db_key).is_some_and(|v| v.starts_with("${")),
            "{stack}: {text}"
        );
        assert_eq!(var(client, key), var(db, db_key), "{stack}");
    }
}
