//! What a placement's load inputs derive (`crate::fit::load` computes
//! them): the report's types, so the report and the kinds need nothing of
//! the evaluation.

use serde::Serialize;

use crate::model::units::Mib;
use crate::model::LoadInputs;

/// One placement's derivation, at the load it was evaluated at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LoadDerivation {
    /// The inputs as evaluated (rates scaled by the option's load).
    pub inputs: LoadInputs,
    /// Work in flight at the mean time in the system, in thousandths.
    pub in_flight_milli: u64,
    /// Work in flight at the p95 time (tasks; the mean for web), in thousandths.
    pub in_flight_p95_milli: u64,
    /// Units of concurrency the load needs over all replicas: in flight × 1.25, rounded up.
    pub units: u64,
    /// The knob those units are, when the kind has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub knob: Option<&'static str>,
    /// The knob's value per replica the load needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed: Option<u64>,
    /// The knob's value per replica as the plan has it (an "auto" read as
    /// what the service really starts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<u64>,
    /// Typical and peak memory of every replica with the knob at `needed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed_expected_mib: Option<Mib>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed_peak_mib: Option<Mib>,
    /// The same with the knob as the plan has it.
    pub plan_expected_mib: Mib,
    pub plan_peak_mib: Mib,
    /// Database connections its processes hold at peak with the knob at
    /// `needed` and as the plan has it (the kind's own count: processes ×
    /// connections each holds at once, e.g. a prefork child's
    /// `conns_per_task`), when it has a pool and depends on something.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed_db_connections: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_db_connections: Option<u64>,
    /// The derivation in words, one line: inputs → in flight → the knob → the memory.
    pub en: String,
    pub zh: String,
}

/// The task workers of an option together: the line the summary and the
/// inspector show for the option ("~100 tasks/h at peak … → 20–30 in
/// flight → concurrency 26 → 7.1 GiB; the plan has 12 → 3.3 GiB").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LoadSummary {
    /// Placements summed (task workers with load inputs and a knob).
    pub placements: Vec<String>,
    pub tasks_per_hour: u64,
    pub in_flight_milli: u64,
    pub in_flight_p95_milli: u64,
    /// Units the load needs (sum of needed × replicas) and the plan's.
    pub needed: u64,
    pub plan: u64,
    /// Typical memory of those workers at the needed and at the plan's concurrency.
    pub needed_expected_mib: Mib,
    pub plan_expected_mib: Mib,
    /// Database connections they hold at peak, at the needed and at the
    /// plan's concurrency (workers with a pool only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed_db_connections: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_db_connections: Option<u64>,
    /// Seconds the plan's concurrency takes to work through the peak's
    /// tasks (Σ tasks × mean duration ÷ the plan's units), when it has
    /// fewer units than the load needs: the burst queues, nothing is lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drain_s_at_plan: Option<u64>,
    pub en: String,
    pub zh: String,
}
