//! The vocabulary of a plan: units, catalog entry types, plans and actions.

pub mod action;
pub mod bounds;
pub mod load;
pub mod multiplier;
pub mod names;
pub mod order;
pub mod plan;
pub mod price;
pub mod service;
pub mod source;
pub mod tier;
mod tier_ext;
pub mod units;

pub use action::Action;
pub use load::LoadInputs;
pub use plan::{
    fresh_id, DiskType, Placement, Plan, PlanOption, PriceOverride, ReserveModel, Server,
    ServerSpec, Settings,
};
pub use service::{
    Category, Deploy, EnvSpec, EnvValue, KindId, KnobDef, KnobUnit, Port, Preset, SelfSizing,
    ServiceDef, Volume,
};
pub use source::{cite, knob_note, Confidence, Source};
pub use tier::{Currency, Price, PriceStatus, Provider, TierDef};
