//! A share link of any text: the option it names read, decoded (every version), validated, evaluated
//! and exported, then linked again and decoded to the same plan. Never a
//! panic, and a deflate bomb is refused before it expands.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackfit_core::codec::link::{opening_option, plan_from_fragment, plan_to_fragment, with_option};
use stackfit_core::export::{files, Secrets};
use stackfit_core::{evaluate, findings::Lang};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The option a link names is only ever one that can go back into one.
    if let Some(id) = opening_option(text) {
        assert_eq!(opening_option(&with_option("p2.0", id)), Some(id));
    }
    let Ok(restored) = plan_from_fragment(text) else {
        return;
    };
    let plan = restored.plan;
    let report = evaluate(&plan);
    if let Some(o) = plan.options.first() {
        files(&plan, &report, &o.id, &mut Secrets::placeholders(), Lang::En)
            .expect("the first option exports");
    }
    let again = plan_from_fragment(&plan_to_fragment(&plan)).expect("a link decodes");
    assert_eq!(again.plan, plan);
});
