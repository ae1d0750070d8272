//! Fixed budgets: services whose memory does not follow a knob formula
//! (proxies, exporters, dashboards, all-in-one images at their documented
//! floor, custom services): expected, peak and a default limit, with their
//! sources. And memcached, whose item memory is one flag.

use super::knobs::{knob, CPU_LIGHT};
use super::{Cx, Kind, Raw, Run};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*, Source};
use crate::sources::*;

const GIB64: i64 = 64 * 1024;

/// The typical working set of a fixed-budget service.
pub const fn expected(default: i64, source: Source) -> KnobDef {
    knob(
        "expected_mib",
        "Expected memory",
        "预计内存占用",
        Mib,
        default,
        1 << 20,
        "typical working set",
        source,
    )
}

/// Its worst case.
pub const fn peak(default: i64, source: Source) -> KnobDef {
    knob(
        "peak_mib",
        "Peak memory",
        "峰值内存占用",
        Mib,
        default,
        1 << 20,
        "worst case; 0 = same as expected",
        source,
    )
}

/// The limit written when the plan sets none.
pub const fn limit(default: i64, source: Source) -> KnobDef {
    knob(
        "limit_mib",
        "Default limit",
        "默认内存上限",
        Mib,
        default,
        1 << 20,
        "limit written into compose; 0 = peak + margin",
        source,
    )
}

/// Processes that each hold a database pool (for the connection budget).
pub const PROCESSES: KnobDef = knob(
    "processes",
    "Processes",
    "进程数",
    Count,
    1,
    1024,
    "processes that each hold a pool",
    PLANNER,
);

pub struct Fixed;

impl Kind for Fixed {
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let expected = cx.knob("expected_mib");
        let peak = cx.knob("peak_mib").max(expected);
        let mut r = Raw::new(expected, peak, cx.knob("cpu_millicores"));
        let limit = cx.knob("limit_mib");
        r.fixed_limit_mib = (limit > 0).then_some(limit);
        r.processes = if cx.has("processes") {
            cx.knob("processes").max(1)
        } else {
            1
        };
        r
    }
}

#[rustfmt::skip]
pub const MEMCACHED_KNOBS: &[KnobDef] = &[
    knob("memory_limit_mib", "-m item memory", "-m 缓存数据内存", Mib, 64, GIB64, "memcached default 64 MB", MEMCACHED_DOCS),
    knob("base_mib", "Server and connections", "进程与连接开销", Mib, 8, 1024, "threads and connection buffers", PLANNER),
    CPU_LIGHT,
];

pub struct Memcached;

impl Kind for Memcached {
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let expected = cx
            .knob("base_mib")
            .saturating_add(cx.knob("memory_limit_mib"));
        Raw::new(expected, expected, cx.knob("cpu_millicores"))
    }

    /// `memcached -m N`: the plan's item memory.
    fn run(&self, cx: &Cx, _tuned: &super::Tuned) -> Run {
        Run {
            command: vec![
                "memcached".into(),
                "-m".into(),
                cx.knob("memory_limit_mib").to_string(),
            ],
            ..Run::default()
        }
    }
}
