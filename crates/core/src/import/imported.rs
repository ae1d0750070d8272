//! What became of each compose service: recognised (and how), assumed, or
//! not running. The compose reader and the placer both speak these.

use serde::Serialize;

use super::note::{Location, Note};

/// How a compose service was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum By {
    Image,
    Command,
    /// The `io.stackfit.service` label StackFit's export writes.
    Label,
}

/// Why a compose service is not a placement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "why")]
pub enum Idle {
    /// An init or migration job that runs and exits.
    OneShot,
    /// `deploy.replicas: 0`.
    ScaledToZero,
    /// Only in profiles that are not enabled.
    ProfileOff { profiles: Vec<String> },
}

/// What became of a compose service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Outcome {
    /// A catalog service, by its image or its command.
    Recognised { service: &'static str, by: By },
    /// Not in the catalog: the custom service, with assumed figures.
    Assumed { service: &'static str },
    /// Not running, so not a placement.
    NotRunning(Idle),
}

/// One compose service and what the import made of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportedService {
    /// The compose service name (the placement id when it runs).
    pub name: String,
    pub at: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Built from source (`build:`): the user's own code.
    pub own_code: bool,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    pub replicas: u32,
    /// Each value read into the placement, with where it was written.
    pub read: Vec<Note>,
    /// One line saying what it became.
    pub en: String,
    pub zh: String,
}
