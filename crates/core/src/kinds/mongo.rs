//! MongoDB: the WiredTiger cache (auto-sized from the memory it sees) plus
//! what lives outside it; `--wiredTigerCacheSizeGB` on export.

use serde::Serialize;

use super::knobs::{knob, CPU_IDLE_DB};
use super::{Cx, Kind, Raw, Run, Setting, Suggestion, Tuned, Tuning};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*};
use crate::sources::*;

const GIB64: i64 = 64 * 1024;

#[rustfmt::skip]
pub const KNOBS: &[KnobDef] = &[
    knob("cache_mib", "WiredTiger cache (0 = auto)", "WiredTiger 缓存（0 = 自动）", Mib, 0, GIB64, "auto: max(50 % × (memory − 1 GiB), 256 MiB)", MONGO_WT),
    knob("base_mib", "Outside the cache", "缓存以外的内存", Mib, 150, GIB64, "connections, aggregation, catalog", PLANNER),
    knob("index_build_mib", "Index build (peak)", "建索引时的峰值", Mib, 200, GIB64, "maxIndexBuildMemoryUsageMegabytes", MONGO_WT),
    CPU_IDLE_DB,
];

/// WiredTiger's default cache for `sees` MiB: 50 % of (memory − 1 GiB), at least 256 MiB.
pub fn auto_cache(sees: Mib) -> Mib {
    (sees.saturating_sub(1024) / 2).max(256)
}

pub struct Mongo;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MongoTuned {
    /// The cache written (`None`: MongoDB sizes it from the limit itself).
    pub cache_mib: Option<Mib>,
    /// What MongoDB takes from the limit when the plan sets no cache.
    pub auto_cache_mib: Mib,
}

impl MongoTuned {
    pub fn settings(&self) -> Vec<Setting> {
        match self.cache_mib {
            Some(c) => vec![Setting::new(
                "--wiredTigerCacheSizeGB",
                gb(c),
                ("the plan's value", "方案中的取值"),
            )],
            None => vec![Setting::new(
                "WiredTiger cache",
                format!("{}M", self.auto_cache_mib),
                (
                    "MongoDB's own rule on the limit: 50 % of (limit − 1 GiB), ≥ 256 MiB",
                    "MongoDB 按上限自行计算：（上限 − 1 GiB）× 50%，至少 256 MiB",
                ),
            )],
        }
    }
}

/// GB as MongoDB reads `--wiredTigerCacheSizeGB` (a decimal, two places).
fn gb(mib: Mib) -> String {
    let hundredths = mib.saturating_mul(100) / 1024;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

impl Kind for Mongo {
    fn footprint(&self, cx: &Cx, sees: Mib) -> Raw {
        let set = cx.knob("cache_mib");
        let cache = if set > 0 { set } else { auto_cache(sees) };
        let expected = cx.knob("base_mib").saturating_add(cache);
        let mut r = Raw::new(
            expected,
            expected.saturating_add(cx.knob("index_build_mib")),
            cx.knob("cpu_millicores"),
        );
        r.self_sized = set == 0;
        r
    }

    /// The cache that leaves the limit room for what lives outside it and an
    /// index build: limit − outside − index build, at most MongoDB's own rule.
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let set = cx.knob("cache_mib");
        let auto = auto_cache(limit_mib);
        let room = limit_mib
            .saturating_sub(cx.knob("base_mib") + cx.knob("index_build_mib"))
            .max(256);
        let suggestions = if set > 0 {
            Suggestion::compare("cache_mib", set as i64, auto.min(room) as i64)
                .into_iter()
                .collect()
        } else if auto > room {
            vec![Suggestion {
                knob: "cache_mib",
                plan: 0,
                tuned: room as i64,
                risky: true,
            }]
        } else {
            Vec::new()
        };
        Tuning {
            limit_mib,
            written: Tuned::Mongo(MongoTuned {
                cache_mib: (set > 0).then_some(set),
                auto_cache_mib: auto,
            }),
            suggestions,
        }
    }

    fn run(&self, _cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run::default();
        if let Tuned::Mongo(MongoTuned {
            cache_mib: Some(c), ..
        }) = tuned
        {
            run.command = vec!["mongod".into(), "--wiredTigerCacheSizeGB".into(), gb(*c)];
        }
        run
    }
}
