//! Tiers: purchasable server types with vCPU, memory and a monthly price that
//! always says where it came from — or that nobody could source one.

use serde::Serialize;

use super::source::Source;

/// Who sells the tier. Recommendations stay within one provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provider {
    /// Alibaba Cloud ECS (云服务器 ECS).
    AlibabaEcs,
    /// Alibaba Cloud Simple Application Server (轻量应用服务器).
    AlibabaLightweight,
    /// Tencent Cloud CVM (云服务器).
    TencentCvm,
    /// Tencent Cloud Lighthouse (轻量应用服务器).
    TencentLighthouse,
    /// Amazon EC2.
    Aws,
}

impl Provider {
    pub const ALL: [Provider; 5] = [
        Provider::AlibabaEcs,
        Provider::AlibabaLightweight,
        Provider::TencentCvm,
        Provider::TencentLighthouse,
        Provider::Aws,
    ];

    pub fn name_en(self) -> &'static str {
        match self {
            Provider::AlibabaEcs => "Alibaba Cloud ECS",
            Provider::AlibabaLightweight => "Alibaba Cloud Simple Application Server",
            Provider::TencentCvm => "Tencent Cloud CVM",
            Provider::TencentLighthouse => "Tencent Cloud Lighthouse",
            Provider::Aws => "AWS EC2",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Provider::AlibabaEcs => "阿里云 ECS",
            Provider::AlibabaLightweight => "阿里云轻量应用服务器",
            Provider::TencentCvm => "腾讯云 CVM",
            Provider::TencentLighthouse => "腾讯云轻量应用服务器",
            Provider::Aws => "AWS EC2",
        }
    }
}

/// The currency a price is quoted in. Amounts are integer minor units
/// (fen for CNY, cents for USD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    Cny,
    Usd,
}

/// A monthly amount in integer minor units of its currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Price {
    pub minor_per_month: i64,
    pub currency: Currency,
}

/// What is known about a tier's monthly price. Never an invented figure.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum PriceStatus {
    /// A list price read from a source.
    Listed {
        price: Price,
        /// How it is billed, e.g. "on-demand, 730 h/month" or "包月 subscription".
        billing: &'static str,
        source: Source,
    },
    /// Derived from sourced figures by a stated formula (e.g. hourly × 730, or
    /// per-vCPU + per-GiB rates); shown as an estimate.
    Estimated {
        price: Price,
        /// The formula, readable by a user.
        formula: &'static str,
        source: Source,
    },
    /// No price could be sourced; the plan must supply an override.
    Unknown,
}

impl PriceStatus {
    pub fn price(&self) -> Option<Price> {
        match self {
            PriceStatus::Listed { price, .. } | PriceStatus::Estimated { price, .. } => Some(*price),
            PriceStatus::Unknown => None,
        }
    }
}

/// A purchasable server type.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TierDef {
    /// Stable id used in plans, e.g. "aliyun-ecs-c7-large", "aws-t3-medium".
    pub id: &'static str,
    pub provider: Provider,
    /// The vendor's own name, e.g. "ecs.c7.large", "t3.medium", "SA2.MEDIUM4".
    pub name: &'static str,
    /// Instance family, e.g. "c7", "t3", "SA2", "bundle".
    pub family: &'static str,
    pub vcpu: u32,
    /// Memory as sold (nominal GiB × 1024).
    pub memory_mib: u64,
    /// What the guest OS sees (MemTotal), before any reserve.
    pub usable_mib: u64,
    /// For burstable (credit-based) tiers, the sustained CPU baseline per vCPU
    /// in percent; `None` for fixed-performance tiers.
    pub burstable_baseline_pct: Option<u32>,
    pub price: PriceStatus,
    /// Region the price applies to, e.g. "cn-hangzhou", "us-east-1".
    pub region: &'static str,
}
