//! Load inputs: what a placement is asked to carry at peak, for the kinds
//! where a rate and a time in the system mean something — requests per
//! second and latency for a web service, tasks per hour and their durations
//! for a task worker. `crate::fit::load` derives from them, by Little's law,
//! the work in flight, the concurrency it needs and that concurrency's
//! memory. What one unit of work costs (memory per task, connections per
//! process) is the kind's own knobs (`task_mib`, `child_mib`,
//! `conns_per_task`, `db_pool`): one number, one place.

use serde::{Deserialize, Serialize};

use super::bounds::{Bound, Measure};

/// The load a placement carries at peak. Integers only: rates per second or
/// per hour, times in milliseconds.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum LoadInputs {
    /// A web service: requests per second at peak and their mean latency
    /// (time in the system, queueing included).
    Web {
        requests_per_second: u64,
        latency_ms: u64,
    },
    /// A task worker: the tasks of the peak hour, the window they arrive in
    /// (a burst: all of them within `arrival_window_s`; 3600 = spread over
    /// the hour) and how long one runs, mean and 95th percentile.
    Tasks {
        tasks_per_hour: u64,
        #[serde(default = "whole_hour", skip_serializing_if = "is_whole_hour")]
        arrival_window_s: u64,
        mean_ms: u64,
        /// `None`: the mean.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        p95_ms: Option<u64>,
    },
}

/// Seconds in the hour the tasks of an hour arrive in, by default.
pub const WHOLE_HOUR_S: u64 = 3_600;

fn whole_hour() -> u64 {
    WHOLE_HOUR_S
}

fn is_whole_hour(s: &u64) -> bool {
    *s == WHOLE_HOUR_S
}

impl LoadInputs {
    /// Tasks at peak (builder style, for templates and tests): `tasks_per_hour`
    /// arriving within `window_s`, `mean_ms` each (p95 `p95_ms`).
    ///
    /// ```
    /// use stackfit_core::model::LoadInputs;
    /// let l = LoadInputs::tasks(100, 180, 36_000, 54_000);
    /// assert!(matches!(l, LoadInputs::Tasks { tasks_per_hour: 100, p95_ms: Some(54_000), .. }));
    /// ```
    pub fn tasks(tasks_per_hour: u64, window_s: u64, mean_ms: u64, p95_ms: u64) -> Self {
        LoadInputs::Tasks {
            tasks_per_hour,
            arrival_window_s: window_s,
            mean_ms,
            p95_ms: Some(p95_ms),
        }
    }

    /// Requests per second at `latency_ms` each.
    pub fn web(requests_per_second: u64, latency_ms: u64) -> Self {
        LoadInputs::Web {
            requests_per_second,
            latency_ms,
        }
    }

    /// Every number with its bound and its field name, for the validator.
    pub fn fields_mut(&mut self) -> Vec<(&'static str, &'static Bound, &mut u64)> {
        match self {
            LoadInputs::Web {
                requests_per_second,
                latency_ms,
            } => vec![
                (
                    "requests_per_second",
                    &REQUESTS_PER_SECOND,
                    requests_per_second,
                ),
                ("latency_ms", &LATENCY_MS, latency_ms),
            ],
            LoadInputs::Tasks {
                tasks_per_hour,
                arrival_window_s,
                mean_ms,
                p95_ms,
            } => {
                let mut v: Vec<(&'static str, &'static Bound, &mut u64)> = vec![
                    ("tasks_per_hour", &TASKS_PER_HOUR, tasks_per_hour),
                    ("arrival_window_s", &ARRIVAL_WINDOW_S, arrival_window_s),
                    ("mean_ms", &TASK_MS, mean_ms),
                ];
                if let Some(p) = p95_ms.as_mut() {
                    v.push(("p95_ms", &TASK_MS, p));
                }
                v
            }
        }
    }

    /// The load at `load` thousandths (the what-if): the rate scales, the
    /// time each unit of work takes does not.
    pub fn scaled(self, load: u32) -> Self {
        let s = |v: u64| {
            let x = (u128::from(v) * u128::from(load)).div_ceil(1000);
            u64::try_from(x).unwrap_or(u64::MAX)
        };
        match self {
            LoadInputs::Web {
                requests_per_second,
                latency_ms,
            } => LoadInputs::Web {
                requests_per_second: s(requests_per_second),
                latency_ms,
            },
            LoadInputs::Tasks {
                tasks_per_hour,
                arrival_window_s,
                mean_ms,
                p95_ms,
            } => LoadInputs::Tasks {
                tasks_per_hour: s(tasks_per_hour),
                arrival_window_s,
                mean_ms,
                p95_ms,
            },
        }
    }
}

/// Requests per second at peak: 1 to 100,000 (far above one Compose host).
pub const REQUESTS_PER_SECOND: Bound = Bound::new(
    "requests per second",
    "每秒请求数",
    1,
    100_000,
    Measure::Count,
);
/// Mean latency of a request: 1 ms to 10 minutes.
pub const LATENCY_MS: Bound =
    Bound::new("latency (ms)", "延迟（毫秒）", 1, 600_000, Measure::Count);
/// Tasks in the peak hour: 1 to 10 million.
pub const TASKS_PER_HOUR: Bound = Bound::new(
    "tasks per hour",
    "每小时任务数",
    1,
    10_000_000,
    Measure::Count,
);
/// The window the peak's tasks arrive in: 1 s to the whole hour.
pub const ARRIVAL_WINDOW_S: Bound = Bound::new(
    "arrival window (s)",
    "到达窗口（秒）",
    1,
    WHOLE_HOUR_S as i64,
    Measure::Count,
);
/// How long a task runs: 1 ms to a day.
pub const TASK_MS: Bound = Bound::new(
    "task duration (ms)",
    "任务耗时（毫秒）",
    1,
    86_400_000,
    Measure::Count,
);
