//! The web app shows the service catalog's citations from
//! `assets/catalog/citations.tsv` (its wasm is built without their texts:
//! `stackfit_core::model::cite`). That file is the catalog's own output:
//! this test fails when it is stale, and `UPDATE_CATALOG=1 cargo test -p
//! stackfit-core --test catalog_assets` writes it.

use std::path::PathBuf;

use stackfit_core::catalog::citations::{citations, Backs, Citations, FILE};

#[test]
fn the_citations_file_is_the_catalogs_output() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets")
        .join(FILE);
    let text = citations().to_tsv();
    if std::env::var_os("UPDATE_CATALOG").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_CATALOG=1)", path.display()));
    assert!(
        on_disk == text,
        "{FILE} is stale: run with UPDATE_CATALOG=1"
    );
    // The page reads it back as the same citations.
    let back = Citations::from_tsv(&on_disk).unwrap();
    assert_eq!(back, citations());
    let (_, pg) = back
        .of("postgres", Backs::Knob, "shared_buffers_mib")
        .unwrap();
    assert!(pg.url.starts_with("https://www.postgresql.org/"), "{pg:?}");
}
