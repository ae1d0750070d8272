//! A plan file (JSON) of any bytes: read and validated as the planner reads
//! a dropped file, then evaluated and exported for every option, then
//! written and read back. Never a panic; what is read back is the same plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackfit_core::codec::{from_json, to_json};
use stackfit_core::export::{files, zip_files, Secrets};
use stackfit_core::{evaluate, findings::Lang};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(restored) = from_json(text) else {
        return;
    };
    let plan = restored.plan;
    let report = evaluate(&plan);
    for o in &plan.options {
        let out = files(&plan, &report, &o.id, &mut Secrets::placeholders(), Lang::Zh)
            .expect("every option of the plan exports");
        let _ = zip_files(&out);
    }
    let again = from_json(&to_json(&plan)).expect("a written plan reads back");
    assert_eq!(again.plan, plan);
});
