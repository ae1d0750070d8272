//! The built-in catalogs: services and tiers, each number with its source.

mod fx;
mod services;
mod tiers;

pub use fx::{USD_CNY_RATE_MILLI, USD_CNY_SOURCE, USD_CNY_SOURCE_ZH};
pub use services::{service_for_image, services, sources as service_sources, PERSISTENCE};
pub use tiers::tiers;

use crate::model::{ServiceDef, TierDef};

/// Looks a service up by id.
pub fn service(id: &str) -> Option<&'static ServiceDef> {
    services().iter().find(|s| s.id == id)
}

/// Looks a tier up by id.
pub fn tier(id: &str) -> Option<&'static TierDef> {
    tiers().iter().find(|t| t.id == id)
}
