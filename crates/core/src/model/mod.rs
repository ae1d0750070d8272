//! The vocabulary of a plan: units, catalog entry types, plans and actions.

pub mod service;
pub mod source;
pub mod tier;
pub mod units;

pub use service::{Category, ServiceDef};
pub use source::{Confidence, Source};
pub use tier::{Currency, Price, PriceStatus, Provider, TierDef};
