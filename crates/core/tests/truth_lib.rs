//! The truth report's engine, shared by `tests/truth.rs` (which asserts
//! the results) and `examples/truth.rs` (which prints them, `make truth`):
//! every published measurement the catalog cites against the catalog's
//! default, and every real stack of the corpus against its vendor's
//! documented minimum memory.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde::Deserialize;
use stackfit_core::catalog;
use stackfit_core::fit::footprint::{footprint, HostView};
use stackfit_core::model::Placement;

/// The host measurements are judged on: a small cloud server, 2 vCPU and
/// 4 GiB (3816 MiB as the OS sees it), the size this planner is for.
pub const HOST: HostView = HostView::new(3816, 2);

/// How far a default may be from a measurement and still count: ±35 %.
pub const TOLERANCE_PCT: u64 = 35;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

#[derive(Deserialize, Clone, Debug)]
pub struct Source {
    pub title: String,
    pub url: String,
    pub date: String,
    pub confidence: String,
}

/// One published reading, as the catalog's research files record it.
#[derive(Deserialize, Clone, Debug)]
pub struct Measurement {
    pub service: String,
    #[serde(default)]
    pub image: String,
    pub mib: f64,
    pub what: String,
    pub source: Source,
    /// Which figure the reading is compared with: "expected" (the default)
    /// or "peak". The research files name it `figure`, `compare` or `against`.
    #[serde(default, alias = "compare", alias = "against")]
    pub figure: Option<String>,
    /// The configuration it was measured with.
    #[serde(default)]
    pub knobs: std::collections::BTreeMap<String, i64>,
    #[serde(default)]
    pub limit_mib: Option<u64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A measurement and the catalog's figure for the same configuration.
pub struct Check {
    pub m: Measurement,
    pub default_mib: u64,
    pub within: bool,
}

pub fn measurements() -> Vec<Measurement> {
    let mut out = Vec::new();
    let dir = root().join("truth");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let list: Vec<Measurement> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        out.extend(list);
    }
    out
}

/// Each measurement against the catalog's default for its configuration.
pub fn check_measurements() -> Vec<Check> {
    measurements()
        .into_iter()
        .map(|m| {
            let def = catalog::service(&m.service)
                .unwrap_or_else(|| panic!("measurement of unknown service {}", m.service));
            let mut p = Placement::new("x", &m.service);
            for (k, v) in &m.knobs {
                if def.knob(k).is_some() {
                    p.knobs.insert(k.clone(), *v);
                }
            }
            p.limit_mib = m.limit_mib;
            let f = footprint(def, &p, HOST);
            let peak = m.figure.as_deref() == Some("peak");
            let default_mib = if peak { f.peak_mib } else { f.expected_mib };
            let measured = m.mib.max(1.0);
            let ratio = default_mib as f64 / measured;
            let within = (ratio - 1.0).abs() * 100.0 <= TOLERANCE_PCT as f64;
            Check {
                m,
                default_mib,
                within,
            }
        })
        .collect()
}

pub fn relative(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}
