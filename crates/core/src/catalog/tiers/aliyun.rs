//! Alibaba Cloud tiers: ECS (t6, u1, e, c7, g7, r7, c5) and Simple Application
//! Server (轻量应用服务器). ECS subscription (包月) list prices could not be
//! sourced, so most ECS tiers say `Unknown`; see `data/TIERS.md`.
//!
//! Specs (read 2026-11-21):
//! - c7 (1 vCPU : 2 GiB), g7 (1:4), r7 (1:8): Alibaba Cloud ECS docs, "Instance
//!   families" instance-type tables (AlibabaCloudDocs/ecs,
//!   `intl.en-US/Instance/Instance families.md`), confidence A.
//! - t6 vCPU, memory and baseline per vCPU (c1m1.large 2 vCPU / 2 GiB 20 %,
//!   c1m2.large 2 / 4 GiB 20 %, c1m4.large 2 / 8 GiB 30 %): ECS docs, "Burstable
//!   instance types / Overview", t6 table (same repository), confidence A.
//! - u1 and e (`cXmY` = vCPU : memory ratio, `.large` = 2 vCPU, `.xlarge` = 4):
//!   no official table in the corpora; the names and 2C2G / 2C4G shapes are
//!   used consistently in public Terraform and SDK code (e.g. "ecs.u1-c1m1.large
//!   2vCPU2GiB", "ecs.e-c1m1.large (2核2G)"), confidence B. Neither family is
//!   credit-based, so no baseline.
//! - Simple Application Server is not credit-based as far as documented.

use crate::model::tier::usable_mib_for_aliyun;
use crate::model::{Confidence, PriceStatus, Provider, Source, TierDef};

use super::{cny, usd};

/// ecs.g7 pay-as-you-go USD rates for cn-hangzhou / cn-shanghai / cn-beijing /
/// cn-shenzhen from the international site, as copied into a public multi-cloud
/// spec table (snapshot at commit 027415a5, copy date not recorded). Third-party,
/// international-site and pay-as-you-go: an estimate for a mainland buyer.
const G7_INTL_PAYG: Source = Source {
    title: "ecs.g7 international-site pay-as-you-go USD/h, mainland regions (cloud-barista/cb-tumblebug assets/cloudspec.csv)",
    url: "https://github.com/cloud-barista/cb-tumblebug/blob/main/assets/cloudspec.csv",
    date: "2026-11-21",
    confidence: Confidence::C,
};

/// The ECI `DescribeContainerGroupPrice` API doc's response example: an ECI
/// sized as ecs.c5.large in cn-hangzhou-i, `OriginPrice` 0.622 CNY/h. An
/// official example value, not a price list; ECI, not ECS; pay-as-you-go.
const ECI_PRICE_EXAMPLE: Source = Source {
    title: "Alibaba Cloud ECI DescribeContainerGroupPrice API doc, response example for ecs.c5.large (example value)",
    url: "https://help.aliyun.com/document_detail/479622.html",
    date: "2026-11-21",
    confidence: Confidence::B,
};

/// ECI "economy" compute category unit prices (public preview): vCPU
/// 0.0972 CNY/h, memory 0.0221 CNY/GiB·h. The rates are official; using them
/// for an ECS instance is our proxy, hence confidence C.
const ECI_ECONOMY_RATES: Source = Source {
    title: "Alibaba Cloud ECI billing, economy compute category unit prices (vCPU 0.0972 CNY/h, memory 0.0221 CNY/GiB·h)",
    url: "https://help.aliyun.com/document_detail/324246.html",
    date: "2026-11-21",
    confidence: Confidence::C,
};

/// Simple Application Server `ListPlans` API doc, response example: plan
/// swas.s2.c2m1s40b3t04 (2 vCPU / 1 GiB / 40 GiB ESSD) at `OriginPrice` 60 CNY
/// per month. An official example value, not a price list. Promotions (e.g.
/// "99 元/年" for a 2C2G plan) are not list prices and are not used.
const SWAS_LISTPLANS_EXAMPLE: Source = Source {
    title: "Alibaba Cloud Simple Application Server ListPlans API doc, response example (example value)",
    url: "https://help.aliyun.com/zh/simple-application-server/api-listplans",
    date: "2026-11-21",
    confidence: Confidence::B,
};

/// Alibaba Cloud ECS and Simple Application Server tiers.
pub(super) static ALIYUN: &[TierDef] = &[
    TierDef {
        id: "aliyun-ecs-t6-c1m1-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.t6-c1m1.large",
        family: "t6",
        vcpu: 2,
        memory_mib: 2048,
        usable_mib: usable_mib_for_aliyun(2048),
        burstable_baseline_pct: Some(20),
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-t6-c1m2-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.t6-c1m2.large",
        family: "t6",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for_aliyun(4096),
        burstable_baseline_pct: Some(20),
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-t6-c1m4-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.t6-c1m4.large",
        family: "t6",
        vcpu: 2,
        memory_mib: 8192,
        usable_mib: usable_mib_for_aliyun(8192),
        burstable_baseline_pct: Some(30),
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-u1-c1m1-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.u1-c1m1.large",
        family: "u1",
        vcpu: 2,
        memory_mib: 2048,
        usable_mib: usable_mib_for_aliyun(2048),
        burstable_baseline_pct: None,
        price: PriceStatus::Estimated {
            price: cny(17418),
            formula: "ECI economy rates as a proxy for ECS: 2 vCPU × 0.0972 + 2 GiB × 0.0221 = 0.2386 CNY/h × 730 h",
            source: ECI_ECONOMY_RATES,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-u1-c1m2-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.u1-c1m2.large",
        family: "u1",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for_aliyun(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Estimated {
            price: cny(20644),
            formula: "ECI economy rates as a proxy for ECS: 2 vCPU × 0.0972 + 4 GiB × 0.0221 = 0.2828 CNY/h × 730 h",
            source: ECI_ECONOMY_RATES,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-u1-c1m2-xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.u1-c1m2.xlarge",
        family: "u1",
        vcpu: 4,
        memory_mib: 8192,
        usable_mib: usable_mib_for_aliyun(8192),
        burstable_baseline_pct: None,
        price: PriceStatus::Estimated {
            price: cny(41289),
            formula: "ECI economy rates as a proxy for ECS: 4 vCPU × 0.0972 + 8 GiB × 0.0221 = 0.5656 CNY/h × 730 h",
            source: ECI_ECONOMY_RATES,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-e-c1m1-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.e-c1m1.large",
        family: "e",
        vcpu: 2,
        memory_mib: 2048,
        usable_mib: usable_mib_for_aliyun(2048),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-e-c1m2-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.e-c1m2.large",
        family: "e",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for_aliyun(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-c7-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.c7.large",
        family: "c7",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for_aliyun(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-c7-xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.c7.xlarge",
        family: "c7",
        vcpu: 4,
        memory_mib: 8192,
        usable_mib: usable_mib_for_aliyun(8192),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-c7-2xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.c7.2xlarge",
        family: "c7",
        vcpu: 8,
        memory_mib: 16384,
        usable_mib: usable_mib_for_aliyun(16384),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-c7-4xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.c7.4xlarge",
        family: "c7",
        vcpu: 16,
        memory_mib: 32768,
        usable_mib: usable_mib_for_aliyun(32768),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-g7-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.g7.large",
        family: "g7",
        vcpu: 2,
        memory_mib: 8192,
        usable_mib: usable_mib_for_aliyun(8192),
        burstable_baseline_pct: None,
        price: PriceStatus::Estimated {
            price: usd(5912),
            formula: "0.080986 USD/h (international site, pay-as-you-go) × 730 h",
            source: G7_INTL_PAYG,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-g7-xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.g7.xlarge",
        family: "g7",
        vcpu: 4,
        memory_mib: 16384,
        usable_mib: usable_mib_for_aliyun(16384),
        burstable_baseline_pct: None,
        price: PriceStatus::Estimated {
            price: usd(11824),
            formula: "0.161973 USD/h (international site, pay-as-you-go) × 730 h",
            source: G7_INTL_PAYG,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-g7-2xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.g7.2xlarge",
        family: "g7",
        vcpu: 8,
        memory_mib: 32768,
        usable_mib: usable_mib_for_aliyun(32768),
        burstable_baseline_pct: None,
        price: PriceStatus::Estimated {
            price: usd(23648),
            formula: "0.323946 USD/h (international site, pay-as-you-go) × 730 h",
            source: G7_INTL_PAYG,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-g7-4xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.g7.4xlarge",
        family: "g7",
        vcpu: 16,
        memory_mib: 65536,
        usable_mib: usable_mib_for_aliyun(65536),
        burstable_baseline_pct: None,
        price: PriceStatus::Estimated {
            price: usd(47296),
            formula: "0.647892 USD/h (international site, pay-as-you-go) × 730 h",
            source: G7_INTL_PAYG,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-r7-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.r7.large",
        family: "r7",
        vcpu: 2,
        memory_mib: 16384,
        usable_mib: usable_mib_for_aliyun(16384),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-r7-xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.r7.xlarge",
        family: "r7",
        vcpu: 4,
        memory_mib: 32768,
        usable_mib: usable_mib_for_aliyun(32768),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-r7-2xlarge",
        provider: Provider::AlibabaEcs,
        name: "ecs.r7.2xlarge",
        family: "r7",
        vcpu: 8,
        memory_mib: 65536,
        usable_mib: usable_mib_for_aliyun(65536),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-ecs-c5-large",
        provider: Provider::AlibabaEcs,
        name: "ecs.c5.large",
        family: "c5",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for_aliyun(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Estimated {
            price: cny(45406),
            formula: "0.622 CNY/h (API-doc example OriginPrice, pay-as-you-go) × 730 h",
            source: ECI_PRICE_EXAMPLE,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-swas-2c1g",
        provider: Provider::AlibabaLightweight,
        name: "swas.s2.c2m1s40b3t04",
        family: "swas",
        vcpu: 2,
        memory_mib: 1024,
        usable_mib: usable_mib_for_aliyun(1024),
        burstable_baseline_pct: None,
        price: PriceStatus::Listed {
            price: cny(6000),
            billing: "monthly plan price (OriginPrice); API-doc example value, not a price list",
            source: SWAS_LISTPLANS_EXAMPLE,
        },
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-swas-2c2g",
        provider: Provider::AlibabaLightweight,
        name: "轻量应用服务器 2 vCPU / 2 GiB",
        family: "swas",
        vcpu: 2,
        memory_mib: 2048,
        usable_mib: usable_mib_for_aliyun(2048),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
    TierDef {
        id: "aliyun-swas-2c4g",
        provider: Provider::AlibabaLightweight,
        name: "轻量应用服务器 2 vCPU / 4 GiB",
        family: "swas",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for_aliyun(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "cn-hangzhou",
    },
];
