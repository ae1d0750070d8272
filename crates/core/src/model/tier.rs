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

impl Price {
    /// The amount in fen (¥0.01): CNY as is, USD converted at `usd_cny_rate_milli`
    /// (yuan per dollar × 1000, e.g. `catalog::USD_CNY_RATE_MILLI`), rounded half up.
    ///
    /// ```
    /// use stackfit_core::model::{Currency, Price};
    /// let aws = Price { minor_per_month: 24820, currency: Currency::Usd };
    /// assert_eq!(aws.to_fen(7100), 176222); // $248.20 at 7.100 = ¥1762.22
    /// let ali = Price { minor_per_month: 6000, currency: Currency::Cny };
    /// assert_eq!(ali.to_fen(7100), 6000);
    /// ```
    pub fn to_fen(self, usd_cny_rate_milli: i64) -> i64 {
        match self.currency {
            Currency::Cny => self.minor_per_month,
            Currency::Usd => self
                .minor_per_month
                .saturating_mul(usd_cny_rate_milli)
                .saturating_add(500)
                .div_euclid(1000),
        }
    }
}

impl PriceStatus {
    pub fn price(&self) -> Option<Price> {
        match self {
            PriceStatus::Listed { price, .. } | PriceStatus::Estimated { price, .. } => {
                Some(*price)
            }
            PriceStatus::Unknown => None,
        }
    }

    /// Where a listed or estimated price comes from; `None` when unknown.
    pub fn source(&self) -> Option<&Source> {
        match self {
            PriceStatus::Listed { source, .. } | PriceStatus::Estimated { source, .. } => {
                Some(source)
            }
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

impl TierDef {
    /// The shorthand people use for a size, from the real specs: "2C4G",
    /// "16C32G", "2C0.5G". Compare it with the label a report gives a tier
    /// (a report that calls ecs.c7.4xlarge "8C32G" is wrong about the vCPUs).
    ///
    /// ```
    /// let t = stackfit_core::catalog::tier("aliyun-ecs-c7-4xlarge").unwrap();
    /// assert_eq!(t.size_label(), "16C32G");
    /// ```
    pub fn size_label(&self) -> String {
        let gib = self.memory_mib / 1024;
        let rest = self.memory_mib % 1024;
        if rest == 0 {
            format!("{}C{}G", self.vcpu, gib)
        } else {
            let tenths = (rest * 10 + 512) / 1024;
            format!("{}C{}.{}G", self.vcpu, gib, tenths)
        }
    }
}

/// Per-GiB share the kernel keeps for its page map (`struct page`, 64 bytes per
/// 4 KiB page = 1/64 of RAM). Never shows up in MemTotal.
const MEM_MAP_DIVISOR: u64 = 64;

/// Kernel image, firmware-reserved ranges and other boot-time reservations that
/// do not scale with RAM, in MiB. Fitted to the digest's examples (research
/// digest §1.7, read 2026-11-21): a "1 G" host reports 972 MiB (1024 − 16 page
/// map − 36); a Debian 12 VM sold as 24 GiB reports 23.54 GiB (24576 − 384 page
/// map − 88, of which 64 MiB is the x86 swiotlb bounce buffer). 24 MiB is the
/// part common to both (measured, confidence B).
const KERNEL_FIXED_MIB: u64 = 24;

/// kdump's `crashkernel` reservation in MiB for a VM sold with `memory_mib`,
/// RHEL 8/9 table (docs.redhat.com, "Supported kdump configurations and
/// targets", memory requirements; RHEL 10 default `crashkernel=2G-64G:256M,
/// 64G-:512M`), confidence A: 1–4 GB → 192 MB, 4–64 GB → 256 MB, ≥ 64 GB →
/// 512 MB. The kernel matches the bands against the RAM it actually has, a
/// little under the nominal size, so a nominal 1 GiB VM reserves nothing and a
/// nominal 4 GiB VM falls in the 192 MB band (which is what the digest's 4 GiB
/// examples, 3.71 GiB visible, show). CentOS and Rocky images reserve it by
/// default; applying it to every provider without its own figure errs on the
/// safe side for a fit planner.
const fn crashkernel_mib(memory_mib: u64) -> u64 {
    if memory_mib <= 1024 {
        0
    } else if memory_mib <= 4 * 1024 {
        192
    } else if memory_mib <= 64 * 1024 {
        256
    } else {
        512
    }
}

/// The `crashkernel` reservation of Alibaba Cloud's public ECS images:
/// `crashkernel=0M-1G:0M,1G-4G:192M,4G-128G:384M,128G-:512M` on the kernel
/// command line of its Ubuntu images (with `kdump-tools` enabled), as
/// printed from `/etc/default/grub` on an ECS instance (blog.techfetch.dev,
/// "Freigabe des reservierten Speichers auf VPS", 2024-12-31, an `iZ…`
/// host) and seen in the same form in other users' ECS boot logs.
/// Confidence B (users' readings of the vendor's image, not a vendor
/// document). Same bands as RHEL's up to 4 GB; from 4 GB, 384 MB instead of
/// 256 MB.
const fn crashkernel_mib_aliyun(memory_mib: u64) -> u64 {
    if memory_mib <= 1024 {
        0
    } else if memory_mib <= 4 * 1024 {
        192
    } else if memory_mib <= 128 * 1024 {
        384
    } else {
        512
    }
}

/// Where the crashkernel bands of Alibaba Cloud's images come from (see
/// [`usable_mib_for_aliyun`]).
pub const ALIYUN_CRASHKERNEL: Source = Source {
    title: "Alibaba Cloud ECS image default crashkernel=0M-1G:0M,1G-4G:192M,4G-128G:384M,128G-:512M (/etc/default/grub on an ECS instance)",
    url: "https://blog.techfetch.dev/de-de/blog/2024/12/31/freigabe-des-reservierten-speichers-auf-vps",
    date: "2024-12-31",
    confidence: super::source::Confidence::B,
};

/// What the guest OS sees (MemTotal, MiB) on a VM sold with `memory_mib`:
/// nominal − page map (1/64) − fixed kernel/firmware share − crashkernel.
/// The rule every built-in tier uses (Alibaba Cloud's with its own
/// crashkernel bands, [`usable_mib_for_aliyun`]); custom tiers can use it too.
///
/// Checks against the research digest §1.7: 2 GiB → 1800 MiB (scenario S2's
/// Alibaba 2C2G shows "1.8 GiB", 1.6 GB used = 88.9 %); 4 GiB → 3816 MiB
/// (two reports of 3.71 GiB = 3799–3801 MiB); 1 GiB → 984 MiB (one report of
/// 972 MiB).
///
/// ```
/// use stackfit_core::model::tier::usable_mib_for;
/// assert_eq!(usable_mib_for(2048), 1800);
/// assert_eq!(usable_mib_for(4096), 3816);
/// ```
pub const fn usable_mib_for(memory_mib: u64) -> u64 {
    let overhead = memory_mib / MEM_MAP_DIVISOR + KERNEL_FIXED_MIB + crashkernel_mib(memory_mib);
    memory_mib.saturating_sub(overhead)
}

/// [`usable_mib_for`] with the crashkernel bands of Alibaba Cloud's own
/// images ([`ALIYUN_CRASHKERNEL`]): the same up to 4 GiB, 128 MiB less from
/// 8 GiB to 128 GiB.
///
/// ```
/// use stackfit_core::model::tier::{usable_mib_for, usable_mib_for_aliyun};
/// assert_eq!(usable_mib_for_aliyun(4096), usable_mib_for(4096));
/// assert_eq!(usable_mib_for_aliyun(16384), usable_mib_for(16384) - 128);
/// ```
pub const fn usable_mib_for_aliyun(memory_mib: u64) -> u64 {
    let overhead =
        memory_mib / MEM_MAP_DIVISOR + KERNEL_FIXED_MIB + crashkernel_mib_aliyun(memory_mib);
    memory_mib.saturating_sub(overhead)
}

/// Reads "8C32G", "2c4g", "16C 64G", "2C0.5G" out of a label.
pub fn parse_size_claim(label: &str) -> Option<(u32, super::units::Mib)> {
    let b = label.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'C' || b[i] == b'c') {
                let vcpu: u32 = label[start..i].parse().ok()?;
                let mut j = i + 1;
                while j < b.len() && b[j] == b' ' {
                    j += 1;
                }
                let ms = j;
                while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                    j += 1;
                }
                if j > ms && j < b.len() && (b[j] == b'G' || b[j] == b'g') {
                    let gib =
                        super::units::parse_memory_mib(&format!("{}g", &label[ms..j])).ok()?;
                    return Some((vcpu, gib));
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_size_claims_from_labels() {
        assert_eq!(
            parse_size_claim("A+ 8C32G (recommended)"),
            Some((8, 32 * 1024))
        );
        assert_eq!(parse_size_claim("2c4g lean"), Some((2, 4096)));
        assert_eq!(parse_size_claim("web 2C0.5G"), Some((2, 512)));
        assert_eq!(parse_size_claim("A — master"), None);
        assert_eq!(parse_size_claim("ecs.c7.4xlarge"), None);
    }
}
