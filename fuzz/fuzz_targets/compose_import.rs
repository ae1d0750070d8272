//! The compose importer on any bytes: up to four files split at 0xFF bytes
//! (two `-f` files, a `.env`, one more file that `include`, `extends` or
//! `env_file` may name). It must return, never panic; a plan it returns
//! must pass the codec's validation untouched and evaluate.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackfit_core::import::{compose, ComposeInput, InputFile};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|b| *b == 0xFF);
    let a = parts.next().unwrap_or_default();
    let env = parts.next();
    let other = parts.next().unwrap_or_default();
    let b = parts.next();
    let mut files = vec![InputFile::new("a.yml", a)];
    if let Some(b) = b {
        files.push(InputFile::new("b.yml", b));
    }
    let got = compose(&ComposeInput {
        files,
        others: vec![InputFile::new("c.yml", other)],
        env: env.map(|e| InputFile::new(".env", e)),
        profiles: Vec::new(),
        project: None,
        tier: "aliyun-ecs-c7-large",
    });
    if let Some(plan) = &got.plan {
        assert!(got.errors.is_empty());
        let restored = stackfit_core::codec::from_json(&stackfit_core::codec::to_json(plan))
            .expect("an imported plan reads back");
        assert!(restored.fixes.is_empty(), "{:?}", restored.fixes);
        let _ = stackfit_core::evaluate(plan);
    }
});
