//! The tier catalog: server types with their specs and monthly prices, each
//! price with its source, date and confidence, or marked unknown.

use crate::model::{Confidence, Currency, Price, PriceStatus, Provider, Source, TierDef};

const AWS_ON_DEMAND: Source = Source {
    title: "AWS EC2 on-demand, us-east-1 Linux (price-list tables in public repos; Clouds-Against-Humanity wiki read AWS price-list files)",
    url: "https://aws.amazon.com/ec2/pricing/on-demand/",
    date: "2026-10-16",
    confidence: Confidence::B,
};

static TIERS: &[TierDef] = &[TierDef {
    id: "aws-t3-medium",
    provider: Provider::Aws,
    name: "t3.medium",
    family: "t3",
    vcpu: 2,
    memory_mib: 4096,
    usable_mib: 3798,
    burstable_baseline_pct: Some(20),
    price: PriceStatus::Estimated {
        price: Price { minor_per_month: 3037, currency: Currency::Usd },
        formula: "0.0416 USD/h × 730 h",
        source: AWS_ON_DEMAND,
    },
    region: "us-east-1",
}];

/// Every built-in tier.
pub fn tiers() -> &'static [TierDef] {
    TIERS
}
