//! .NET (ASP.NET Core): the app's working set; in a container with a
//! limit the GC heap is capped at 75 % of it, without one Server GC sizes
//! from the host and grows far larger.

use serde::Serialize;

use super::{Cx, Kind, Raw, Setting, Tuned, Tuning};
use crate::model::units::Mib;

pub struct Dotnet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DotnetTuned {
    pub gc_heap_limit_mib: Mib,
}

impl DotnetTuned {
    pub fn settings(&self) -> Vec<Setting> {
        vec![Setting::new(
            "GC heap hard limit",
            format!("{} MiB", self.gc_heap_limit_mib),
            (
                ".NET's own cap in a container: 75 % of the limit (GCHeapHardLimitPercent)",
                ".NET 在容器内自带的上限：容器上限的 75%（GCHeapHardLimitPercent）",
            ),
        )]
    }
}

fn heap_cap(cx: &Cx, sees: Mib) -> Mib {
    (sees.saturating_mul(cx.knob("gc_heap_pct")) / 100).max(20)
}

impl Kind for Dotnet {
    fn footprint(&self, cx: &Cx, sees: Mib) -> Raw {
        let expected = cx.knob("app_mib");
        let peak = expected
            .saturating_add(cx.knob("request_mib"))
            .min(heap_cap(cx, sees).max(expected));
        let mut r = Raw::new(expected, peak, cx.knob("cpu_millicores"));
        r.heap_mib = Some(heap_cap(cx, sees));
        r.self_sized = cx.limit().is_none();
        r
    }

    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        Tuning {
            limit_mib,
            written: Tuned::Dotnet(DotnetTuned {
                gc_heap_limit_mib: heap_cap(cx, limit_mib),
            }),
            suggestions: Vec::new(),
        }
    }
}
