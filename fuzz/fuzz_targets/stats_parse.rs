//! The docker stats parser on any bytes, then matching and applying to a
//! plan: never a panic; every container is either measured or listed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackfit_core::import::{stats, InputFile};

fuzz_target!(|data: &[u8]| {
    let Ok(samples) = stats::parse(InputFile::new("stats.txt", data)) else {
        return;
    };
    let mut plan = stackfit_core::templates::get("s0").unwrap();
    let option = plan.options[0].id.clone();
    let naming = stats::Naming {
        project: Some("shop".into()),
        ..stats::Naming::of_option(&plan.options[0])
    };
    let got = stats::import(&samples, &naming);
    let measured: usize = got.measured.iter().map(|m| m.containers.len()).sum();
    assert_eq!(measured + got.unknown.len(), samples.rows.len());
    stats::apply_to(&mut plan, &option, &got).expect("measured figures are within bounds");
});
