//! Every change to a plan is an [`Action`]: buttons, drag and drop,
//! findings' fixes and templates all describe what they change with one.
//! `edit::apply` carries it out; this module only names the changes.

use serde::{Deserialize, Serialize};

use super::plan::{DiskType, Placement, PlanOption, PriceOverride, ReserveModel, Server};
use super::units::{Mib, Millicores};

/// One change to a plan. Options, servers and placements are named by id.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Action {
    /// Rename the plan itself (what the saved-plans list shows).
    RenamePlan {
        name: String,
    },
    AddOption {
        option: PlanOption,
    },
    RemoveOption {
        option: String,
    },
    RenameOption {
        option: String,
        name: String,
    },
    AddServer {
        option: String,
        server: Server,
    },
    RemoveServer {
        option: String,
        server: String,
    },
    /// Change a server's tier (the fix for "does not fit"). It also clears the
    /// server's usable-memory and price overrides, which described the old machine.
    SetTier {
        option: String,
        server: String,
        tier: String,
    },
    SetServerLabel {
        option: String,
        server: String,
        label: String,
    },
    SetServerPrice {
        option: String,
        server: String,
        price: Option<PriceOverride>,
    },
    SetServerUsable {
        option: String,
        server: String,
        usable_mib: Option<Mib>,
    },
    /// Declare (or clear) the swap a server has.
    SetServerSwap {
        option: String,
        server: String,
        swap_mib: Option<Mib>,
    },
    /// Set (or clear) a server's private-network address.
    SetServerAddress {
        option: String,
        server: String,
        address: Option<String>,
    },
    AddPlacement {
        option: String,
        server: String,
        placement: Box<Placement>,
    },
    RemovePlacement {
        option: String,
        placement: String,
    },
    MovePlacement {
        option: String,
        placement: String,
        to_server: String,
    },
    /// Set a knob; `None` returns it to the catalog default.
    SetKnob {
        option: String,
        placement: String,
        knob: String,
        value: Option<i64>,
    },
    /// Set every knob of a catalog preset ("min", "standard", "ideal").
    ApplyPreset {
        option: String,
        placement: String,
        preset: String,
    },
    SetReplicas {
        option: String,
        placement: String,
        replicas: u32,
    },
    SetMeasured {
        option: String,
        placement: String,
        mib: Option<Mib>,
    },
    /// Set (or clear) a placement's measured CPU per replica.
    SetMeasuredCpu {
        option: String,
        placement: String,
        millicores: Option<Millicores>,
    },
    SetLimit {
        option: String,
        placement: String,
        mib: Option<Mib>,
    },
    SetShm {
        option: String,
        placement: String,
        mib: Option<Mib>,
    },
    SetDependencies {
        option: String,
        placement: String,
        depends_on: Vec<String>,
    },
    /// Set the queues a worker consumes.
    SetQueues {
        option: String,
        placement: String,
        queues: Vec<String>,
    },
    /// Set (or, with `None`, remove) one environment line of a placement.
    SetEnv {
        option: String,
        placement: String,
        name: String,
        value: Option<String>,
    },
    /// Stop keeping secret `name` of a placement (a setting an import found
    /// read from a `.env` variable): its export then writes no such line.
    RemoveSecret {
        option: String,
        placement: String,
        name: String,
    },
    /// Set the host ports a placement publishes as its compose file did
    /// (Compose's short syntax, as an import kept them): the fix that moves
    /// a kept port off a host port another container on the server takes.
    SetPorts {
        option: String,
        placement: String,
        ports: Vec<String>,
    },
    /// Set (or clear) the image a placement runs and the port it listens on.
    SetImage {
        option: String,
        placement: String,
        image: Option<String>,
        port: Option<u16>,
    },
    /// Set (or clear) a placement's CPU cap per replica.
    SetCpuLimit {
        option: String,
        placement: String,
        millicores: Option<Millicores>,
    },
    /// Set (or clear) the load a placement carries at peak: requests per
    /// second and latency for a web service, tasks per hour and their
    /// durations for a task worker.
    SetLoadInputs {
        option: String,
        placement: String,
        load: Option<super::LoadInputs>,
    },
    /// Mark a placement as reached from outside (ports published) or not.
    SetPublic {
        option: String,
        placement: String,
        public: bool,
    },
    /// Set the server's disk type.
    SetServerDisk {
        option: String,
        server: String,
        disk: DiskType,
    },
    SetHeadroomTarget {
        pct: u32,
    },
    SetReserve {
        reserve: ReserveModel,
    },
    SetFxRate {
        usd_cny_rate_milli: Option<i64>,
    },
    /// Mark an option as kept for comparison (today's setup: never
    /// recommended), or as a candidate again.
    SetReference {
        option: String,
        reference: bool,
    },
    /// Set an option's load multiplier (thousandths, ×0.5 … ×10): the
    /// what-if slider. The knobs stay as set; evaluation scales them.
    SetLoad {
        option: String,
        load: u32,
    },
    /// Compare the options with this one (`None`: the first).
    SetBaseline {
        option: Option<String>,
    },
    /// Several changes as one step (a fix that sets several knobs): all are
    /// applied, or none.
    Batch {
        actions: Vec<Action>,
    },
}

impl Action {
    /// Sets a knob of a placement.
    pub fn set_knob(option: &str, placement: &str, knob: &str, value: i64) -> Action {
        Action::SetKnob {
            option: option.to_string(),
            placement: placement.to_string(),
            knob: knob.to_string(),
            value: Some(value),
        }
    }

    /// Sets a placement's memory limit per replica.
    pub fn set_limit(option: &str, placement: &str, mib: Mib) -> Action {
        Action::SetLimit {
            option: option.to_string(),
            placement: placement.to_string(),
            mib: Some(mib),
        }
    }

    /// For edits that users make in runs (typing a number, dragging a
    /// slider), what they edit: two actions with the same key change the same
    /// value. `None` for every other action.
    pub fn merge_key(&self) -> Option<String> {
        match self {
            Action::SetKnob {
                option,
                placement,
                knob,
                ..
            } => Some(format!("knob/{option}/{placement}/{knob}")),
            Action::SetReplicas {
                option, placement, ..
            } => Some(format!("replicas/{option}/{placement}")),
            Action::SetHeadroomTarget { .. } => Some("headroom".into()),
            Action::SetLoad { option, .. } => Some(format!("load/{option}")),
            Action::SetLoadInputs {
                option, placement, ..
            } => Some(format!("load-inputs/{option}/{placement}")),
            Action::SetReserve { .. } => Some("reserve".into()),
            _ => None,
        }
    }
}
