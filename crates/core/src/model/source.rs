//! Where a catalog number comes from: every memory baseline and every price
//! carries one of these.

use serde::Serialize;

/// How far a number can be trusted (the labels of the research digest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
