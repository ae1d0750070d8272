//! Engine-side helpers on catalog tiers (kept apart from the tier data, which
//! a colleague owns): monthly price in fen and burstable CPU baseline.

use super::tier::TierDef;
use super::units::{Fen, Millicores};

impl TierDef {
    /// The monthly list or estimated price in fen, converting USD at
    /// `usd_cny_rate_milli` (yuan per dollar × 1000, rounded half up);
    /// `None` when the catalog has no price.
    pub fn monthly_fen(&self, usd_cny_rate_milli: i64) -> Option<Fen> {
        let price = self.price.price()?;
        Some(price.to_fen(usd_cny_rate_milli))
    }

    /// CPU the tier sustains without spending credits, for burstable tiers
    /// (baseline % × vCPUs); `None` for fixed-performance tiers.
    pub fn sustained_millicores(&self) -> Option<Millicores> {
        self.burstable_baseline_pct
            .map(|pct| u64::from(pct) * u64::from(self.vcpu) * 10)
    }
}
