//! The web app loads templates other than the first as plan files from
//! `assets/templates/` (so their builders stay out of its first load).
//! Those files are the builders' own output: this test fails when one is
//! stale, and `UPDATE_TEMPLATES=1 cargo test -p stackfit-core --test
//! template_assets` writes them.

use std::path::PathBuf;

use stackfit_core::codec::{from_json, to_json};
use stackfit_core::findings::Lang;
use stackfit_core::templates;

#[test]
fn template_plan_files_are_the_builders_output() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/templates");
    let update = std::env::var_os("UPDATE_TEMPLATES").is_some();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut expected = Vec::new();
    for t in templates::list() {
        for lang in [Lang::En, Lang::Zh] {
            let name = templates::asset_name(t.id, lang);
            let plan = templates::get_in(t.id, lang).unwrap();
            let text = to_json(&plan) + "\n";
            let path = dir.join(&name);
            if update {
                std::fs::write(&path, &text).unwrap();
            }
            let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("{}: {e} (run with UPDATE_TEMPLATES=1)", path.display())
            });
            assert_eq!(
                on_disk, text,
                "{name} is stale: run with UPDATE_TEMPLATES=1"
            );
            // It reads back as the same plan, with nothing repaired.
            let back = from_json(&on_disk).unwrap();
            assert!(back.fixes.is_empty(), "{name}: {:?}", back.fixes);
            assert_eq!(back.plan, plan);
            expected.push(name);
        }
    }
    // No file of a template that no longer exists.
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
}
