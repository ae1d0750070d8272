//! The axis of a chart: a maximum rounded up to a "nice" step and the ticks
//! along it, in the chart's own unit (MiB or millicores).

use crate::model::units::format_mib;

/// One labelled tick on an axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub value: u64,
    pub label: String,
}

/// An axis from 0 to `max`, with ticks every `step` (0 and `max` included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    pub max: u64,
    pub step: u64,
    pub ticks: Vec<Tick>,
}

impl Scale {
    /// Where `value` sits along the axis, from 0.0 to 1.0 (beyond for values past `max`).
    pub fn fraction(&self, value: u64) -> f64 {
        if self.max == 0 {
            0.0
        } else {
            value as f64 / self.max as f64
        }
    }
}

/// A memory axis covering `needed_mib` with at most `max_ticks` intervals.
/// Steps are powers of two in MiB (64 MiB … 64 GiB), so ticks read as
/// "512 MiB", "1 GiB", "1.5 GiB"; the end is the first step at or past the need.
///
/// ```
/// use stackfit_core::chart::nice_scale;
/// let s = nice_scale(3700, 8);
/// assert_eq!((s.max, s.step), (4096, 512));
/// assert_eq!(s.ticks.last().unwrap().label, "4 GiB");
/// ```
pub fn nice_scale(needed_mib: u64, max_ticks: u64) -> Scale {
    nice_scale_with(needed_mib, max_ticks, 64, format_mib)
}

/// The same for any unit: steps are `first_step` × 1, 2, 4, 8 …
pub(crate) fn nice_scale_with(
    needed: u64,
    max_ticks: u64,
    first_step: u64,
    label: fn(u64) -> String,
) -> Scale {
    let needed = needed.max(1);
    let max_ticks = max_ticks.max(1);
    let mut step = first_step.max(1);
    while needed.div_ceil(step) > max_ticks {
        step *= 2;
    }
    let max = needed.div_ceil(step) * step;
    let ticks = (0..=max / step)
        .map(|i| Tick {
            value: i * step,
            label: if i == 0 {
                "0".to_string()
            } else {
                label(i * step)
            },
        })
        .collect();
    Scale { max, step, ticks }
}
