//! Tencent Cloud tiers: CVM (S6, SA3, SA2) and Lighthouse (轻量应用服务器).
//! CVM list prices could not be sourced, so every CVM tier says `Unknown`.
//!
//! Specs (read 2026-11-21): Tencent names a CVM type family.SIZE + memory in
//! GB, with MEDIUM = 2 vCPU, LARGE = 4, 2XLARGE = 8, 4XLARGE = 16. Confirmed by
//! the official CLI's `DescribeInstanceTypeConfigs` example (S6.LARGE8 4 / 8,
//! S6.2XLARGE16 8 / 16; TencentCloud/tencentcloud-cli,
//! `tccli/examples/cvm/v20170312/DescribeInstanceTypeConfigs.md`, confidence A)
//! and by public code that maps (16, 32) to S6.4XLARGE32 and labels SA3.MEDIUM4
//! "2 vCPU / 4 GiB" (confidence B). S6, SA3 and SA2 are fixed-performance
//! (标准型), and Lighthouse is not credit-based as far as documented: no
//! baselines. Lighthouse bundle specs other than the two priced examples come
//! from promotion copy that lists 2C4G, 4C8G and 8C16G bundles (confidence C).

use crate::model::tier::usable_mib_for;
use crate::model::{Confidence, PriceStatus, Provider, Source, TierDef};

use super::{cny, usd};

/// Lighthouse API docs (`DescribeVmSpec`, `InquireVmPrice`) response example:
/// bundle_starter_mc_med2_01 (入门型 2 vCPU / 2 GB / 40 GB SSD / 3 Mbps /
/// 200 GB traffic) at 40 CNY per month. An official example value, not a price
/// list. Promotions (38 or 99 CNY per year for 2C2G) are not list prices.
const LIGHTHOUSE_API_EXAMPLE: Source = Source {
    title: "Tencent Cloud Lighthouse API docs DescribeVmSpec / InquireVmPrice, response example (example value)",
    url: "https://cloud.tencent.com/document/api/876/129759",
    date: "2026-11-21",
    confidence: Confidence::B,
};

/// Lighthouse international pricing page, Hong Kong bundles: 2 vCPU / 2 GB /
/// 30 GB SSD at 5 USD and 2 vCPU / 8 GB / 100 GB SSD at 22 USD per month, which
/// the page marks "for demonstration only".
const LIGHTHOUSE_INTL_DEMO: Source = Source {
    title: "Tencent Cloud Lighthouse (international) Pricing Details, Hong Kong bundles ('for demonstration only')",
    url: "https://www.tencentcloud.com/document/product/1103/41407",
    date: "2026-11-21",
    confidence: Confidence::B,
};

/// Tencent Cloud CVM and Lighthouse tiers.
pub(super) static TENCENT: &[TierDef] = &[
    TierDef {
        id: "tencent-cvm-s6-medium2",
        provider: Provider::TencentCvm,
        name: "S6.MEDIUM2",
        family: "S6",
        vcpu: 2,
        memory_mib: 2048,
        usable_mib: usable_mib_for(2048),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-s6-medium4",
        provider: Provider::TencentCvm,
        name: "S6.MEDIUM4",
        family: "S6",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-s6-large8",
        provider: Provider::TencentCvm,
        name: "S6.LARGE8",
        family: "S6",
        vcpu: 4,
        memory_mib: 8192,
        usable_mib: usable_mib_for(8192),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-s6-large16",
        provider: Provider::TencentCvm,
        name: "S6.LARGE16",
        family: "S6",
        vcpu: 4,
        memory_mib: 16384,
        usable_mib: usable_mib_for(16384),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-s6-2xlarge16",
        provider: Provider::TencentCvm,
        name: "S6.2XLARGE16",
        family: "S6",
        vcpu: 8,
        memory_mib: 16384,
        usable_mib: usable_mib_for(16384),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-s6-2xlarge32",
        provider: Provider::TencentCvm,
        name: "S6.2XLARGE32",
        family: "S6",
        vcpu: 8,
        memory_mib: 32768,
        usable_mib: usable_mib_for(32768),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-s6-4xlarge32",
        provider: Provider::TencentCvm,
        name: "S6.4XLARGE32",
        family: "S6",
        vcpu: 16,
        memory_mib: 32768,
        usable_mib: usable_mib_for(32768),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-sa3-medium4",
        provider: Provider::TencentCvm,
        name: "SA3.MEDIUM4",
        family: "SA3",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-sa3-large8",
        provider: Provider::TencentCvm,
        name: "SA3.LARGE8",
        family: "SA3",
        vcpu: 4,
        memory_mib: 8192,
        usable_mib: usable_mib_for(8192),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-sa3-2xlarge16",
        provider: Provider::TencentCvm,
        name: "SA3.2XLARGE16",
        family: "SA3",
        vcpu: 8,
        memory_mib: 16384,
        usable_mib: usable_mib_for(16384),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-cvm-sa2-medium4",
        provider: Provider::TencentCvm,
        name: "SA2.MEDIUM4",
        family: "SA2",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-lighthouse-starter-2c2g",
        provider: Provider::TencentLighthouse,
        name: "bundle_starter_mc_med2_01",
        family: "starter",
        vcpu: 2,
        memory_mib: 2048,
        usable_mib: usable_mib_for(2048),
        burstable_baseline_pct: None,
        price: PriceStatus::Listed {
            price: cny(4000),
            billing: "monthly bundle price; API-doc example value, not a price list",
            source: LIGHTHOUSE_API_EXAMPLE,
        },
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-lighthouse-2c4g",
        provider: Provider::TencentLighthouse,
        name: "Lighthouse 通用型 2 vCPU / 4 GB",
        family: "general",
        vcpu: 2,
        memory_mib: 4096,
        usable_mib: usable_mib_for(4096),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-lighthouse-4c8g",
        provider: Provider::TencentLighthouse,
        name: "Lighthouse 通用型 4 vCPU / 8 GB",
        family: "general",
        vcpu: 4,
        memory_mib: 8192,
        usable_mib: usable_mib_for(8192),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-lighthouse-8c16g",
        provider: Provider::TencentLighthouse,
        name: "Lighthouse 通用型 8 vCPU / 16 GB",
        family: "general",
        vcpu: 8,
        memory_mib: 16384,
        usable_mib: usable_mib_for(16384),
        burstable_baseline_pct: None,
        price: PriceStatus::Unknown,
        region: "ap-guangzhou",
    },
    TierDef {
        id: "tencent-lighthouse-intl-2c2g",
        provider: Provider::TencentLighthouse,
        name: "Lighthouse 2 vCPU / 2 GB / 30 GB SSD (international, Hong Kong)",
        family: "general",
        vcpu: 2,
        memory_mib: 2048,
        usable_mib: usable_mib_for(2048),
        burstable_baseline_pct: None,
        price: PriceStatus::Listed {
            price: usd(500),
            billing: "monthly bundle price; vendor page marks it 'for demonstration only'",
            source: LIGHTHOUSE_INTL_DEMO,
        },
        region: "ap-hongkong",
    },
    TierDef {
        id: "tencent-lighthouse-intl-2c8g",
        provider: Provider::TencentLighthouse,
        name: "Lighthouse 2 vCPU / 8 GB / 100 GB SSD (international, Hong Kong)",
        family: "general",
        vcpu: 2,
        memory_mib: 8192,
        usable_mib: usable_mib_for(8192),
        burstable_baseline_pct: None,
        price: PriceStatus::Listed {
            price: usd(2200),
            billing: "monthly bundle price; vendor page marks it 'for demonstration only'",
            source: LIGHTHOUSE_INTL_DEMO,
        },
        region: "ap-hongkong",
    },
];
