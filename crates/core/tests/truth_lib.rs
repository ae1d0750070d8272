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
    /// The catalog preset that describes the measured app ("large-app"
    /// for a reading the preset was built from), applied before `knobs`.
    #[serde(default)]
    pub preset: Option<String>,
    /// The configuration it was measured with.
    #[serde(default)]
    pub knobs: std::collections::BTreeMap<String, i64>,
    #[serde(default)]
    pub limit_mib: Option<u64>,
    #[serde(default)]
    pub note: Option<String>,
    /// Set when the reading is not of the default's regime: "leak" (growth
    /// until a restart, a regression) or "large-install" (a install far
    /// bigger than the catalog's default describes). Such a reading is
    /// listed beside the check, never scored: a default that matched a leak
    /// would be wrong.
    #[serde(default)]
    pub regime: Option<String>,
}

/// A measurement and the catalog's figure for the same configuration.
pub struct Check {
    pub m: Measurement,
    pub default_mib: u64,
    pub within: bool,
    /// False for a leak or a large install (see [`Measurement::regime`]).
    pub scored: bool,
}

/// The readings the share counts: every reading of the default's regime.
pub fn scored(checks: &[Check]) -> (usize, usize) {
    let scored: Vec<&Check> = checks.iter().filter(|c| c.scored).collect();
    (scored.iter().filter(|c| c.within).count(), scored.len())
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
    // The same reading cited by two research files counts once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|m| {
        seen.insert((
            m.service.clone(),
            m.figure.clone().unwrap_or_else(|| "expected".into()),
            m.mib.to_bits(),
            m.source.url.clone(),
            m.knobs.clone(),
            m.limit_mib,
        ))
    });
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
            if let Some(id) = &m.preset {
                let preset = def
                    .preset(id)
                    .unwrap_or_else(|| panic!("{}: no preset {id}", m.service));
                for (k, v) in preset.values {
                    p.knobs.insert(k.to_string(), *v);
                }
            }
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
            let scored = m.regime.is_none();
            Check {
                m,
                default_mib,
                within,
                scored,
            }
        })
        .collect()
}

pub fn relative(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

/// The vendor's documented minimum, as a corpus stack's meta.json holds it.
#[derive(Deserialize, Clone, Debug)]
pub struct VendorMinimum {
    pub memory_mib: u64,
    #[serde(default)]
    pub vcpu: Option<u32>,
    #[serde(default)]
    pub swap_assumed: bool,
    pub source: Source,
    #[serde(default)]
    pub notes: String,
}

/// What a corpus stack's meta.json says, with a source, about why its
/// vendor's figure and the stack's own numbers differ (a minimum from an
/// older, smaller release; a vendor engineer who raised it; a figure for a
/// native install rather than the compose stack).
#[derive(Deserialize, Clone, Debug)]
pub struct TruthNote {
    pub text: String,
    pub source: Source,
}

#[derive(Deserialize, Clone, Debug)]
pub struct StackMeta {
    pub project: String,
    #[serde(default)]
    pub truth_notes: Vec<TruthNote>,
    pub compose_files: Vec<String>,
    #[serde(default)]
    pub env_file: Option<String>,
    pub vendor_minimum: VendorMinimum,
}

/// Swap a "minimum that assumes swap" is judged with (mailcow: 1 GiB).
pub const ASSUMED_SWAP_MIB: u64 = 1024;

/// The tier the importer puts the stack on; `judge` then gives the server
/// the size under test.
pub const IMPORT_TIER: &str = "aliyun-ecs-c7-large";

/// vCPUs when the vendor names none.
pub const DEFAULT_VCPU: u32 = 2;

/// One server size a stack is judged on.
pub struct Judged {
    pub memory_mib: u64,
    pub expected_mib: u64,
    pub peak_mib: u64,
    pub allocatable_mib: u64,
    pub reserve_mib: u64,
    pub verdict: stackfit_core::Verdict,
    /// Each placement: id, service, expected, peak and limit (totals, MiB).
    pub placements: Vec<(String, String, u64, u64, u64)>,
    /// Containers on the server (replicas counted).
    pub containers: u64,
    /// What the guest OS sees of `memory_mib`.
    pub usable_mib: u64,
}

impl Judged {
    /// Placements by peak excess over expected use, largest first.
    pub fn excesses(&self) -> Vec<(&str, &str, u64)> {
        let mut v: Vec<(&str, &str, u64)> = self
            .placements
            .iter()
            .map(|(id, svc, e, p, _)| (id.as_str(), svc.as_str(), p.saturating_sub(*e)))
            .collect();
        v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        v
    }

    /// Placements by expected use, largest first.
    pub fn largest(&self) -> Vec<(&str, &str, u64)> {
        let mut v: Vec<(&str, &str, u64)> = self
            .placements
            .iter()
            .map(|(id, svc, e, _, _)| (id.as_str(), svc.as_str(), *e))
            .collect();
        v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        v
    }
}

/// Where a service's peak figure comes from, in a few words: the catalog's
/// `peak_mib` source grade, or the kind's model.
pub fn peak_source(service: &str) -> String {
    match catalog::service(service).and_then(|d| d.knob("peak_mib")) {
        Some(k) if k.source.url.is_empty() => "a planner figure, grade C".into(),
        Some(k) => format!("grade {:?}: {}", k.source.confidence, k.source.url),
        None => "its kind's model".into(),
    }
}

/// A corpus stack imported and judged at its vendor's minimum and at half.
pub struct StackResult {
    pub id: String,
    pub meta: StackMeta,
    pub recognised: usize,
    pub assumed: Vec<String>,
    pub idle: usize,
    pub import_errors: Vec<String>,
    pub at_minimum: Option<Judged>,
    pub at_half: Option<Judged>,
}

impl StackResult {
    /// As the vendor documents: it runs at the minimum (fits, or tight),
    /// and at half of it typical use or its peaks do not fit.
    pub fn agrees(&self) -> bool {
        use stackfit_core::Verdict::*;
        matches!(
            (&self.at_minimum, &self.at_half),
            (Some(min), Some(half))
                if matches!(min.verdict, Fits | Tight) && matches!(half.verdict, OomRisk | DoesNotFit)
        )
    }

    /// Why StackFit and the vendor disagree: what tips it, in numbers (the
    /// reserve, typical use, or which two peaks coincide, with the source of
    /// each peak), then what the stack's meta.json records, with a source,
    /// about the vendor's figure. Empty when they agree.
    pub fn why(&self) -> String {
        use stackfit_core::Verdict::*;
        let (Some(min), Some(half)) = (&self.at_minimum, &self.at_half) else {
            return "did not import".into();
        };
        let mut out = if self.agrees() {
            return String::new();
        } else if !matches!(min.verdict, Fits | Tight) {
            let reserve = format!(
                "{} MiB allocatable = {} MiB the OS sees − {} MiB for the OS, Docker and {} containers",
                min.allocatable_mib, min.usable_mib, min.reserve_mib, min.containers
            );
            if min.expected_mib > min.allocatable_mib {
                let top: Vec<String> = min
                    .largest()
                    .iter()
                    .take(3)
                    .map(|(id, svc, e)| format!("{id} ({svc}) {e}"))
                    .collect();
                let tips = if min.expected_mib <= min.usable_mib {
                    " (the reserve tips it: without it typical use would fit)"
                } else {
                    ""
                };
                format!(
                    "at the vendor's minimum typical use alone ({} MiB) is over the {reserve}{tips}; largest: {}",
                    min.expected_mib,
                    top.join(", ")
                )
            } else {
                let peaks: Vec<String> = min
                    .excesses()
                    .iter()
                    .take(stackfit_core::fit::PEAKS_THAT_COINCIDE)
                    .map(|(id, svc, x)| format!("{id} +{x} MiB ({})", peak_source(svc)))
                    .collect();
                let tips = if min.peak_mib <= min.usable_mib {
                    " (without the reserve they would fit)"
                } else {
                    ""
                };
                format!(
                    "at the vendor's minimum typical use fits ({} of {reserve}) but two coinciding peaks take it to {} MiB{tips}: {}",
                    min.expected_mib,
                    min.peak_mib,
                    peaks.join("; ")
                )
            }
        } else {
            format!(
                "at half ({} MiB) it still fits: typical use {} MiB and peak {} MiB against {} MiB allocatable",
                half.memory_mib, half.expected_mib, half.peak_mib, half.allocatable_mib
            )
        };
        if self.meta.vendor_minimum.swap_assumed {
            out.push_str("; the minimum assumes 1 GiB of swap, counted for peaks only");
        }
        for n in &self.meta.truth_notes {
            let mut text = n.text.clone();
            if let Some(first) = text.get(..1) {
                text.replace_range(..1, &first.to_uppercase());
            }
            out.push_str(&format!(
                ". {text} ({}, {}, {}, grade {})",
                n.source.title, n.source.url, n.source.date, n.source.confidence
            ));
        }
        out
    }
}

fn judge(plan: &stackfit_core::Plan, memory_mib: u64, vcpu: u32, swap: Option<u64>) -> Judged {
    let mut plan = plan.clone();
    let server = &mut plan.options[0].servers[0];
    server.tier = "vendor-minimum".into();
    *server = server.clone().spec(vcpu, memory_mib);
    server.swap_mib = swap;
    let report = stackfit_core::evaluate(&plan);
    let s = &report.options[0].servers[0];
    Judged {
        containers: s.placements.iter().map(|p| u64::from(p.replicas)).sum(),
        usable_mib: s.usable_mib,
        memory_mib,
        expected_mib: s.expected_mib,
        peak_mib: s.peak_mib,
        allocatable_mib: s.allocatable_mib,
        reserve_mib: s.reserve_mib,
        placements: s
            .placements
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.service.clone(),
                    p.total.expected_mib,
                    p.total.peak_mib,
                    p.total.limit_mib,
                )
            })
            .collect(),
        // The vendor's figure is about memory; CPU has its own verdict.
        verdict: s.memory_verdict,
    }
}

/// The corpus's stacks, by folder name.
pub fn stack_ids() -> Vec<String> {
    let dir = root().join("corpus");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("meta.json").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids
}

/// One stack of the corpus imported through the compose importer: its
/// files in `docker compose -f` order, its env example as the `.env`, and
/// what a user does before `docker compose up` (the variables the files
/// require filled in, the env files they name created empty).
pub fn import_stack(id: &str) -> (StackMeta, stackfit_core::import::ComposeImport) {
    use stackfit_core::import::{self, InputFile};
    let folder = root().join("corpus").join(id);
    let meta: StackMeta =
        serde_json::from_str(&std::fs::read_to_string(folder.join("meta.json")).unwrap())
            .unwrap_or_else(|e| panic!("{id}/meta.json: {e}"));
    // Every file of the folder, by name: include, extends and env_file name them.
    let mut contents: Vec<(String, Vec<u8>)> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    contents.sort();
    let bytes = |name: &str| {
        contents
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
            .unwrap_or_else(|| panic!("{id}: no file {name}"))
    };
    // What a user does before `docker compose up`: fill the
    // variables the files require and create the env files they
    // name (empty), then import again.
    let mut env_text = meta
        .env_file
        .as_deref()
        .map(|f| String::from_utf8_lossy(bytes(f)).into_owned())
        .unwrap_or_default();
    let mut stand_ins: Vec<String> = Vec::new();
    let mut imported = None;
    for _ in 0..4 {
        let mut others: Vec<InputFile> =
            contents.iter().map(|(n, b)| InputFile::new(n, b)).collect();
        others.extend(stand_ins.iter().map(|n| InputFile::new(n, b"")));
        let input = import::ComposeInput {
            files: meta
                .compose_files
                .iter()
                .map(|f| InputFile::new(f, bytes(f)))
                .collect(),
            others,
            env: Some(InputFile::new(
                meta.env_file.as_deref().unwrap_or(".env"),
                env_text.as_bytes(),
            )),
            project: Some(id),
            tier: IMPORT_TIER,
            ..Default::default()
        };
        let result = import::compose(&input);
        let mut retry = false;
        for e in &result.errors {
            if e.code == "required-variable" {
                if let Some(name) =
                    e.en.strip_prefix("required variable ")
                        .and_then(|r| r.split(' ').next())
                {
                    env_text.push_str(&format!("\n{name}=stackfit-truth\n"));
                    retry = true;
                }
            } else if e.code == "missing-file" {
                if let Some(name) = e.en.split(" is named here").next() {
                    if !stand_ins.iter().any(|n| n == name) {
                        stand_ins.push(name.to_string());
                        retry = true;
                    }
                }
            }
        }
        imported = Some(result);
        if !retry {
            break;
        }
    }
    (meta, imported.expect("imported once"))
}

/// Every stack of the corpus, imported through the compose importer (its
/// files in `docker compose -f` order, its env example as the `.env`) and
/// judged on a server of its vendor's minimum memory and of half of it.
pub fn check_corpus() -> Vec<StackResult> {
    use stackfit_core::import::Outcome;
    stack_ids()
        .into_iter()
        .map(|id| {
            let (meta, imported) = import_stack(&id);
            let mut recognised = 0;
            let mut assumed = Vec::new();
            let mut idle = 0;
            for s in &imported.services {
                match &s.outcome {
                    Outcome::Recognised { .. } => recognised += 1,
                    Outcome::Assumed { .. } => assumed.push(format!(
                        "{} ({})",
                        s.name,
                        s.image.as_deref().unwrap_or("build")
                    )),
                    Outcome::NotRunning(_) => idle += 1,
                }
            }
            let min = &meta.vendor_minimum;
            let vcpu = min.vcpu.unwrap_or(DEFAULT_VCPU);
            let swap = min.swap_assumed.then_some(ASSUMED_SWAP_MIB);
            let (at_minimum, at_half) = match &imported.plan {
                Some(plan) => (
                    Some(judge(plan, min.memory_mib, vcpu, swap)),
                    Some(judge(plan, min.memory_mib / 2, vcpu, swap)),
                ),
                None => (None, None),
            };
            StackResult {
                id,
                import_errors: imported.errors.iter().map(|e| e.en.clone()).collect(),
                meta,
                recognised,
                assumed,
                idle,
                at_minimum,
                at_half,
            }
        })
        .collect()
}
