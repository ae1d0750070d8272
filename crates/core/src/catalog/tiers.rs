//! The tier catalog: server types with real specs, usable memory and a monthly
//! price that carries its date, source and confidence — or says it is unknown.
//!
//! The data lives per provider in `tiers/{aliyun,tencent,aws}.rs`; this file
//! joins them and holds the tests that keep the data honest. `data/TIERS.md`
//! is the human-readable copy. Usable memory comes from one rule,
//! [`usable_mib_for`](crate::model::tier::usable_mib_for). Prices are `Listed`
//! only when a monthly figure was read from a source as is; any arithmetic
//! (hourly × 730 h, per-vCPU + per-GiB rates) makes it `Estimated` with the
//! formula; with nothing sourced it is `Unknown` and the plan must supply one.

mod aliyun;
mod aws;
mod tencent;

use std::sync::OnceLock;

use crate::model::{Currency, Price, TierDef};

/// A monthly CNY amount in fen.
const fn cny(fen: i64) -> Price {
    Price {
        minor_per_month: fen,
        currency: Currency::Cny,
    }
}

/// A monthly USD amount in cents.
const fn usd(cents: i64) -> Price {
    Price {
        minor_per_month: cents,
        currency: Currency::Usd,
    }
}

/// Every built-in tier: Alibaba Cloud, then Tencent Cloud, then AWS.
pub fn tiers() -> &'static [TierDef] {
    static ALL: OnceLock<Vec<TierDef>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all =
            Vec::with_capacity(aliyun::ALIYUN.len() + tencent::TENCENT.len() + aws::AWS.len());
        all.extend_from_slice(aliyun::ALIYUN);
        all.extend_from_slice(tencent::TENCENT);
        all.extend_from_slice(aws::AWS);
        all
    })
}

#[cfg(test)]
mod tests;
