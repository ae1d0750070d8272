//! The built-in catalogs: services and tiers, each number with its source.

pub mod citations;
mod fx;
mod services;
mod tiers;

pub use fx::{USD_CNY_RATE_MILLI, USD_CNY_SOURCE, USD_CNY_SOURCE_ZH};
pub use services::{image_repository, service, service_for_image, services, PERSISTENCE};
pub use tiers::tiers;

use crate::model::TierDef;

/// Looks a tier up by id.
pub fn tier(id: &str) -> Option<&'static TierDef> {
    tiers().iter().find(|t| t.id == id)
}
