//! Prometheus: a server plus its head block, ≈ active series × bytes per
//! series (with Go's GC), and half again while compacting or querying.

use super::{Cx, Kind, Raw};
use crate::model::units::Mib;

pub struct Prometheus;

impl Kind for Prometheus {
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let series = u64::try_from(
            (u128::from(cx.knob("active_series")) * u128::from(cx.knob("bytes_per_series"))) >> 20,
        )
        .unwrap_or(u64::MAX);
        let expected = cx.knob("base_mib").saturating_add(series);
        Raw::new(
            expected,
            expected.saturating_add(series / 2),
            cx.knob("cpu_millicores"),
        )
    }
}
