//! PHP-FPM: a master plus up to pm.max_children children, each serving one
//! request at a time and keeping its largest request's memory until it is
//! recycled; a child can grow to PHP's memory_limit.

use serde::Serialize;

use super::{Connections, Cx, Kind, Raw, Setting, Suggestion, Tuned, Tuning};
use crate::model::units::Mib;

pub struct PhpFpm;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PhpFpmTuned {
    pub max_children: u64,
}

impl PhpFpmTuned {
    pub fn settings(&self) -> Vec<Setting> {
        vec![Setting::new(
            "pm.max_children",
            self.max_children.to_string(),
            (
                "the plan's value (set it in the pool's www.conf)",
                "方案中的取值（在进程池的 www.conf 中设置）",
            ),
        )]
    }
}

fn child_peak(cx: &Cx) -> Mib {
    cx.knob("child_mib")
        .saturating_add(cx.knob("request_mib"))
        .min(cx.knob("memory_limit_mib").max(cx.knob("child_mib")))
}

impl Kind for PhpFpm {
    /// Load adds FPM children (pm.max_children).
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        vec![("max_children", cx.knob("max_children").max(1))]
    }

    /// An FPM child serves one request at a time.
    fn load_unit(&self, _cx: &Cx) -> Option<super::LoadUnit> {
        Some(super::LoadUnit {
            knob: "max_children",
            holds: 1,
        })
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let n = cx.knob("max_children").max(1);
        let master = cx.knob("master_mib");
        let mut r = Raw::new(
            master.saturating_add(n.saturating_mul(cx.knob("child_mib"))),
            master.saturating_add(n.saturating_mul(child_peak(cx))),
            n.saturating_mul(cx.knob("worker_cpu_millicores")),
        );
        r.processes = n;
        r
    }

    /// pm.max_children = (limit − master) / a child's peak (the usual FPM rule).
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let n = cx.knob("max_children").max(1);
        let fits = (limit_mib.saturating_sub(cx.knob("master_mib")) / child_peak(cx).max(1)).max(1);
        Tuning {
            limit_mib,
            written: Tuned::PhpFpm(PhpFpmTuned { max_children: n }),
            suggestions: Suggestion::compare("max_children", n as i64, fits as i64)
                .filter(|s| s.risky)
                .into_iter()
                .collect(),
        }
    }

    /// A child serves one request, holding the connections it opens (one).
    fn db_connections(&self, cx: &Cx, processes: u64) -> Option<Connections> {
        let _ = cx;
        Some(Connections {
            likely: processes,
            worst: processes,
            processes,
            pool: 1,
            per_process_in_use: 1,
        })
    }
}
