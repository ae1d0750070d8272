//! A Go binary: runtime and stacks plus a live heap that grows by GOGC
//! between collections, capped by GOMEMLIMIT when set (Go does not read the
//! container limit by itself).

use serde::Serialize;

use super::knobs::knob;
use super::{Cx, Kind, Raw, Run, Setting, Suggestion, Tuned, Tuning};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*};
use crate::sources::*;
use crate::tune::go_memlimit;

const GIB64: i64 = 64 * 1024;

/// GOGC and GOMEMLIMIT, shared by every Go service.
#[rustfmt::skip]
pub const GC_KNOBS: [KnobDef; 2] = [
    knob("gogc", "GOGC", "GOGC", Percent, 100, 10_000, "heap grows to live × (1 + GOGC/100)", GO_GC),
    knob("gomemlimit_mib", "GOMEMLIMIT (0 = unset)", "GOMEMLIMIT（0 = 不设）", Mib, 0, GIB64, "soft limit; the runtime does not read the cgroup limit", GO_GC),
];

pub struct Go;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct GoTuned {
    /// GOMEMLIMIT written; `None` when the plan sets none.
    pub gomemlimit_mib: Option<Mib>,
}

impl GoTuned {
    pub fn settings(&self) -> Vec<Setting> {
        self.gomemlimit_mib
            .map(|m| {
                Setting::new(
                    "GOMEMLIMIT",
                    format!("{m}MiB"),
                    ("the plan's value", "方案中的取值"),
                )
            })
            .into_iter()
            .collect()
    }
}

/// GOMEMLIMIT tuning shared by Go services and Go-based databases.
pub fn tune_gomemlimit(cx: &Cx, limit_mib: Mib) -> Tuning {
    let set = cx.knob("gomemlimit_mib");
    let tuned = go_memlimit(limit_mib);
    let suggestions = if !cx.has("gomemlimit_mib") {
        Vec::new()
    } else if set == 0 {
        vec![Suggestion {
            knob: "gomemlimit_mib",
            plan: 0,
            tuned: tuned as i64,
            risky: false,
        }]
    } else {
        Suggestion::compare("gomemlimit_mib", set as i64, tuned as i64)
            .filter(|s| s.risky)
            .into_iter()
            .collect()
    };
    Tuning {
        limit_mib,
        written: Tuned::GoMemLimit(GoTuned {
            gomemlimit_mib: (set > 0).then_some(set),
        }),
        suggestions,
    }
}

pub fn run_gomemlimit(cx: &Cx, tuned: &Tuned) -> Run {
    let mut run = Run {
        command: cx
            .def
            .deploy
            .command
            .iter()
            .map(|s| s.to_string())
            .collect(),
        command_note: cx.def.deploy.command_note,
        ..Run::default()
    };
    if let Tuned::GoMemLimit(GoTuned {
        gomemlimit_mib: Some(m),
    }) = tuned
    {
        run.env.push(("GOMEMLIMIT".into(), format!("{m}MiB")));
    }
    run
}

impl Kind for Go {
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let live = cx.knob("live_heap_mib");
        let grown = live.saturating_mul(100 + cx.knob("gogc")) / 100;
        let limit = cx.knob("gomemlimit_mib");
        let heap_peak = if limit > 0 {
            grown.min(limit.max(live))
        } else {
            grown
        };
        let base = cx.knob("base_mib");
        Raw::new(
            base.saturating_add(live),
            base.saturating_add(heap_peak),
            cx.knob("cpu_millicores"),
        )
    }

    /// GOMEMLIMIT at 85 % of the limit (Go GC guide: 80–90 %).
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        tune_gomemlimit(cx, limit_mib)
    }

    fn run(&self, cx: &Cx, tuned: &Tuned) -> Run {
        run_gomemlimit(cx, tuned)
    }
}
