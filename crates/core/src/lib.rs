//! StackFit's engine: the resource model, the sourced catalogs, fit evaluation,
//! cost and tuning. Pure Rust with no browser dependency, so every rule is
//! tested natively with `cargo test`.
//!
//! The web app's loop: a user intent becomes an [`model::Action`], applied with
//! [`edit::apply`] (or through [`edit::History`] for undo/redo), and
//! [`fit::evaluate`] turns the plan into a [`fit::Report`] to draw.
//!
//! ```
//! use stackfit_core::{edit, fit, templates};
//! let mut history = edit::History::new(templates::get("s2-ecs-2c2g").unwrap());
//! let report = fit::evaluate(history.plan());
//! let standard = report.option("plus-standard").unwrap();
//! assert_eq!(standard.verdict, fit::Verdict::DoesNotFit);
//! // Take the offered fix and evaluate again.
//! let finding = standard.findings().find(|f| f.id() == "does-not-fit").unwrap();
//! history.apply(&finding.fix.as_ref().unwrap().action).unwrap();
//! let after = fit::evaluate(history.plan());
//! assert!(after.option("plus-standard").unwrap().verdict < fit::Verdict::DoesNotFit);
//! ```

// The engine reads untrusted plans, links and compose files: no unsafe
// code of its own (so its fuzz targets need no sanitizer for it; `make fuzz`).
#![forbid(unsafe_code)]

pub mod catalog;
pub mod chart;
pub mod codec;
pub mod cost;
pub mod edit;
pub mod export;
pub mod findings;
pub mod fit;
pub mod import;
pub mod kinds;
pub mod model;
pub mod present;
pub mod report;
pub mod search;
pub mod sources;
pub mod templates;
pub mod tune;
pub mod whatif;

pub use edit::{apply, History};
pub use fit::{evaluate, recommend, Report, Verdict};
pub use model::{Action, Plan};
