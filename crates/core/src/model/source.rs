//! Where a catalog number comes from: every memory baseline and every price
//! carries one of these.

use serde::{Deserialize, Serialize};

/// How far a number can be trusted (the labels of the research digest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Official vendor documentation or vendor source code.
    A,
    /// Maintainer statement, vendor API example value, or a measurement made by us.
    B,
    /// Third-party article or second-hand quote: a labelled estimate.
    C,
}

/// A citation for one number or one group of numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// What was read or measured, e.g. "postgresql.org docs, Resource Consumption".
    pub title: &'static str,
    /// Address of the document, or "" for a measurement.
    pub url: &'static str,
    /// ISO date the figure was read or measured.
    pub date: &'static str,
    pub confidence: Confidence,
}

/// A citation in the service catalog. With the `citations` feature (the
/// default: the CLI, the tools worker, every test) it keeps its texts.
/// Without it — the planner's wasm, which reads only the grade — the title,
/// address and date are left out of the binary, and the page shows them
/// from `assets/catalog/citations.tsv` (`crate::catalog::citations`), a
/// file written from this same catalog, when a user opens them.
#[cfg(feature = "citations")]
pub const fn cite(
    title: &'static str,
    url: &'static str,
    date: &'static str,
    confidence: Confidence,
) -> Source {
    Source {
        title,
        url,
        date,
        confidence,
    }
}

/// See the `citations` variant above: this one keeps only the grade.
#[cfg(not(feature = "citations"))]
pub const fn cite(
    _title: &'static str,
    _url: &'static str,
    _date: &'static str,
    confidence: Confidence,
) -> Source {
    Source {
        title: "",
        url: "",
        date: "",
        confidence,
    }
}

/// A knob's note: what its default is and why. Like a citation's texts it is
/// kept with the `citations` feature; the planner's wasm leaves it out and
/// shows it from the citations file beside the knob's citation.
#[cfg(feature = "citations")]
pub const fn knob_note(text: &'static str) -> &'static str {
    text
}

/// See the `citations` variant above.
#[cfg(not(feature = "citations"))]
pub const fn knob_note(_text: &'static str) -> &'static str {
    ""
}
