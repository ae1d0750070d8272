//! ClickHouse: caches and system log tables that grow while idle, queries
//! and merges on top; the server caps itself at a ratio (0.9) of the memory
//! it sees — the container limit when one is set, else the host.

use serde::Serialize;

use super::{Cx, Kind, Raw, Setting, Tuned, Tuning};
use crate::model::units::Mib;

pub struct ClickHouse;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ClickHouseTuned {
    /// The cap the server sets itself under the limit.
    pub max_server_memory_mib: Mib,
}

impl ClickHouseTuned {
    pub fn settings(&self) -> Vec<Setting> {
        vec![Setting::new(
            "max_server_memory_usage",
            format!("{} MiB", self.max_server_memory_mib),
            (
                "ClickHouse's own cap: 90 % of the container limit (max_server_memory_usage_to_ram_ratio)",
                "ClickHouse 自带的上限：容器上限的 90%（max_server_memory_usage_to_ram_ratio）",
            ),
        )]
    }
}

fn cap(cx: &Cx, sees: Mib) -> Mib {
    sees.saturating_mul(cx.knob("ram_ratio_pct")) / 100
}

impl Kind for ClickHouse {
    /// Expected: the measured steady state; peak: plus queries and merges,
    /// never above the server's own cap on what it sees.
    fn footprint(&self, cx: &Cx, sees: Mib) -> Raw {
        let expected = cx.knob("expected_mib");
        let peak = expected
            .saturating_add(cx.knob("query_mib"))
            .min(cap(cx, sees).max(expected));
        let mut r = Raw::new(expected, peak, cx.knob("cpu_millicores"));
        r.self_sized =
            cx.limit().is_none() && expected.saturating_add(cx.knob("query_mib")) > cap(cx, sees);
        r
    }

    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        Tuning {
            limit_mib,
            written: Tuned::ClickHouse(ClickHouseTuned {
                max_server_memory_mib: cap(cx, limit_mib),
            }),
            suggestions: Vec::new(),
        }
    }
}
