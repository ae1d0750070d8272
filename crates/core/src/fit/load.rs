//! From a placement's load inputs to the concurrency and memory it needs,
//! computed once per evaluation into the report (the inspector, the CLI and
//! the findings read these figures and words verbatim).
//!
//! The rule, in four steps:
//!
//! 1. **Little's law** (J. D. C. Little, "A Proof for the Queuing Formula
//!    L = λW", Operations Research 9(3), 1961): work in flight = arrival
//!    rate × time in the system. For tasks the rate is the peak's tasks over
//!    the window they arrive in (`arrival_window_s`; the whole hour when
//!    they are spread out) — 100 tasks within 3 minutes is 100/180 s, 20
//!    times the rate of 100 spread over the hour. Two figures: at the mean
//!    duration (the load the pool must carry) and at the p95 duration (the
//!    burst's upper end). In flight never exceeds the tasks themselves.
//! 2. **Safety factor ×1.25** ([`SAFETY_PCT`]): units of concurrency =
//!    in flight at the mean × 1.25, rounded up, so the pool is at most 80 %
//!    busy at the mean. This is StackFit's rule, not a standard: by Erlang C
//!    (M/M/c), 25 children for 20 in flight still make about one task in
//!    five wait in the queue, and a smaller pool makes more wait — a queue
//!    (Celery's broker, a web server's backlog) absorbs that; sizing to the
//!    p95 figure instead would hold memory for a case that is rarely reached.
//! 3. **The knob**: the kind says which knob counts units of concurrent work
//!    and how many requests or tasks one unit holds ([`crate::kinds::Kind::load_unit`]:
//!    a prefork child or a gevent greenlet one task, a sync web worker or an
//!    FPM child one request); it is spread over the replicas, rounded up.
//!    Not capped by CPU: these tasks mostly wait on I/O; the kind's CPU model
//!    and the server's CPU verdict say whether the CPUs keep up. A kind whose
//!    concurrency is not a count of processes (an async web server) gets the
//!    in-flight figures and no knob.
//! 4. **The memory**: the kind's own footprint with the knob at that value
//!    (for prefork: main process + children × memory per child, plus one
//!    task's payload per child at peak) — the same model the evaluation uses,
//!    never a second formula.

use serde::Serialize;

use crate::catalog;
use crate::fit::footprint::{footprint, HostView};
pub use crate::kinds::LoadUnit;
use crate::kinds::{self, Cx};
use crate::model::units::{format_mib, Mib};
use crate::model::{Category, LoadInputs, Placement, ServiceDef};
pub use crate::report::load::{LoadDerivation, LoadSummary};

/// The safety factor over in flight at the mean, in percent.
pub const SAFETY_PCT: u64 = 125;

/// Which load inputs a service takes: requests for what serves HTTP, tasks
/// for task workers, none for the rest (a database's load is its clients').
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoadClass {
    Web,
    Tasks,
}

impl LoadClass {
    /// The class a service's load inputs must be, if it takes any.
    pub fn of(def: &ServiceDef) -> Option<LoadClass> {
        match def.category {
            Category::Web | Category::Runtime => Some(LoadClass::Web),
            Category::Worker => Some(LoadClass::Tasks),
            _ => None,
        }
    }

    /// The class of some inputs.
    pub fn of_inputs(l: &LoadInputs) -> LoadClass {
        match l {
            LoadInputs::Web { .. } => LoadClass::Web,
            LoadInputs::Tasks { .. } => LoadClass::Tasks,
        }
    }
}

/// Thousandths as people read them: 20000 → "20", 19444 → "19.4", 280 → "0.28".
pub(crate) fn milli_words(m: u64) -> String {
    if m >= 10_000 {
        format!("{}", (m + 500) / 1000)
    } else if m >= 1000 {
        let t = (m + 50) / 100;
        if t.is_multiple_of(10) {
            format!("{}", t / 10)
        } else {
            format!("{}.{}", t / 10, t % 10)
        }
    } else {
        let h = (m + 5) / 10;
        format!("0.{h:02}").trim_end_matches('0').to_string()
    }
}

/// A time in ms as people read it: "36 s", "250 ms", "3 min", "1.5 min";
/// in Chinese "36 秒", "250 毫秒", "3 分钟".
fn ms_words(ms: u64, zh: bool) -> String {
    let (msu, s, min) = if zh {
        ("毫秒", "秒", "分钟")
    } else {
        ("ms", "s", "min")
    };
    if ms < 1000 {
        format!("{ms} {msu}")
    } else if ms < 120_000 || !ms.is_multiple_of(30_000) {
        let t = (ms + 50) / 100;
        if t.is_multiple_of(10) {
            format!("{} {s}", t / 10)
        } else {
            format!("{}.{} {s}", t / 10, t % 10)
        }
    } else if ms.is_multiple_of(60_000) {
        format!("{} {min}", ms / 60_000)
    } else {
        format!("{}.5 {min}", ms / 60_000)
    }
}

/// "36–54 s" from two durations sharing a unit, else "500 ms–1.5 s".
fn duration_range(mean_ms: u64, p95_ms: u64, zh: bool) -> String {
    let (a, b) = (ms_words(mean_ms, zh), ms_words(p95_ms, zh));
    if a == b {
        return a;
    }
    let (an, au) = a.split_once(' ').unwrap_or((&a, ""));
    let (bn, bu) = b.split_once(' ').unwrap_or((&b, ""));
    if au == bu {
        format!("{an}–{bn} {au}")
    } else {
        format!("{a}–{b}")
    }
}

/// In flight = rate × time, in thousandths of a unit of work: tasks arrive at
/// `tasks / window_s` per second and stay `ms` each, so in flight ×1000 =
/// tasks × ms / window_s; never more than the tasks themselves.
///
/// ```
/// use stackfit_core::fit::load::tasks_in_flight_milli;
/// // S3: ~100 tasks within 3 minutes, 36 s each: 20 in flight.
/// assert_eq!(tasks_in_flight_milli(100, 180, 36_000), 20_000);
/// // Spread over the hour they are fewer than one at a time.
/// assert_eq!(tasks_in_flight_milli(100, 3600, 36_000), 1_000);
/// ```
pub fn tasks_in_flight_milli(tasks: u64, window_s: u64, ms: u64) -> u64 {
    let l = u128::from(tasks) * u128::from(ms) / u128::from(window_s.max(1));
    u64::try_from(l)
        .unwrap_or(u64::MAX)
        .min(tasks.saturating_mul(1000))
}

/// In flight for requests: rate per second × latency in seconds.
///
/// ```
/// use stackfit_core::fit::load::web_in_flight_milli;
/// // 50 requests per second, 200 ms each: 10 in flight.
/// assert_eq!(web_in_flight_milli(50, 200), 10_000);
/// ```
pub fn web_in_flight_milli(rps: u64, latency_ms: u64) -> u64 {
    rps.saturating_mul(latency_ms)
}

/// Units of concurrency for `in_flight_milli` with the safety factor, rounded up.
///
/// ```
/// use stackfit_core::fit::load::units_for;
/// assert_eq!(units_for(20_000), 25);
/// assert_eq!(units_for(10_000), 13); // 12.5 rounds up
/// assert_eq!(units_for(1), 1);
/// ```
pub fn units_for(in_flight_milli: u64) -> u64 {
    let u = (u128::from(in_flight_milli) * u128::from(SAFETY_PCT)).div_ceil(100_000);
    u64::try_from(u).unwrap_or(u64::MAX).max(1)
}

/// A knob's name in Chinese without its parenthesis: "并发数" for
/// `concurrency` ("并发数（0 = 主机 CPU 数）"); the id when it has none.
pub fn knob_name_zh(def: &ServiceDef, knob: &'static str) -> &'static str {
    catalog::service(def.id)
        .and_then(|d| d.knob(knob))
        .map_or(knob, |k| {
            k.name_zh.split('（').next().unwrap_or(k.name_zh).trim()
        })
}

/// The derivation for one placement (already at the option's load), or
/// `None` when it has no load inputs or its service takes none.
pub fn derive(def: &'static ServiceDef, p: &Placement, host: HostView) -> Option<LoadDerivation> {
    let inputs = p.load?;
    if LoadClass::of(def) != Some(LoadClass::of_inputs(&inputs)) {
        return None;
    }
    let (mean, p95) = match inputs {
        LoadInputs::Web {
            requests_per_second,
            latency_ms,
        } => {
            let l = web_in_flight_milli(requests_per_second, latency_ms);
            (l, l)
        }
        LoadInputs::Tasks {
            tasks_per_hour,
            arrival_window_s,
            mean_ms,
            p95_ms,
        } => (
            tasks_in_flight_milli(tasks_per_hour, arrival_window_s, mean_ms),
            tasks_in_flight_milli(
                tasks_per_hour,
                arrival_window_s,
                p95_ms.unwrap_or(mean_ms).max(mean_ms),
            ),
        ),
    };
    let units = units_for(mean);
    let kind = kinds::kind(def.kind);
    let cx = Cx::new(def, p, host);
    let unit = kind.load_unit(&cx).filter(|u| def.has_knob(u.knob));
    let replicas = u64::from(p.replicas.max(1));
    let whole = |mib: Mib| mib.saturating_mul(replicas);
    let f_plan = footprint(def, p, host);
    let connections = |at: &Placement, processes: u64| {
        if at.depends_on.is_empty() {
            return None;
        }
        kind.db_connections(&Cx::new(def, at, host), processes.saturating_mul(replicas))
            .map(|c| c.likely)
    };
    let (knob, needed, plan, needed_mem, needed_conns) = match unit {
        Some(u) => {
            let max = def.knob(u.knob).map_or(i64::MAX, |k| k.max).max(1) as u64;
            let needed = units
                .div_ceil(u.holds.max(1))
                .div_ceil(replicas)
                .clamp(1, max);
            let plan = kind
                .load_knobs(&cx)
                .into_iter()
                .find(|(k, _)| *k == u.knob)
                .map_or_else(|| cx.knob(u.knob), |(_, v)| v);
            let mut at = p.clone();
            at.knobs.insert(u.knob.to_string(), needed as i64);
            let f = footprint(def, &at, host);
            (
                Some(u.knob),
                Some(needed),
                Some(plan),
                Some((whole(f.expected_mib), whole(f.peak_mib))),
                connections(&at, f.processes),
            )
        }
        None => (None, None, None, None, None),
    };
    let mut d = LoadDerivation {
        inputs,
        in_flight_milli: mean,
        in_flight_p95_milli: p95,
        units,
        knob,
        needed,
        plan,
        needed_expected_mib: needed_mem.map(|m| m.0),
        needed_peak_mib: needed_mem.map(|m| m.1),
        plan_expected_mib: whole(f_plan.expected_mib),
        plan_peak_mib: whole(f_plan.peak_mib),
        needed_db_connections: needed_conns,
        plan_db_connections: needed_conns.and(connections(p, f_plan.processes)),
        en: String::new(),
        zh: String::new(),
    };
    let knob_zh = d.knob.map(|k| knob_name_zh(def, k));
    (d.en, d.zh) = words(&d, replicas, knob_zh);
    Some(d)
}

/// The inputs in words: "~100 tasks/h at peak, arriving within 3 min,
/// 36–54 s each"; "50 requests/s at peak, 200 ms each".
pub fn inputs_words(l: &LoadInputs) -> (String, String) {
    match *l {
        LoadInputs::Web {
            requests_per_second,
            latency_ms,
        } => (
            format!(
                "{requests_per_second} requests/s at peak, {} each",
                ms_words(latency_ms, false)
            ),
            format!(
                "峰值每秒 {requests_per_second} 个请求，每个 {}",
                ms_words(latency_ms, true)
            ),
        ),
        LoadInputs::Tasks {
            tasks_per_hour,
            arrival_window_s,
            mean_ms,
            p95_ms,
        } => {
            let p95 = p95_ms.unwrap_or(mean_ms).max(mean_ms);
            let (d, dz) = (
                duration_range(mean_ms, p95, false),
                duration_range(mean_ms, p95, true),
            );
            let window = arrival_window_s.saturating_mul(1000);
            let (w, wz) = (ms_words(window, false), ms_words(window, true));
            if arrival_window_s >= crate::model::load::WHOLE_HOUR_S {
                (
                    format!("~{tasks_per_hour} tasks/h at peak, spread over the hour, {d} each"),
                    format!("峰值每小时约 {tasks_per_hour} 个任务，均匀分布在一小时内，每个 {dz}"),
                )
            } else {
                (
                    format!("~{tasks_per_hour} tasks/h at peak, arriving within {w}, {d} each"),
                    format!("峰值每小时约 {tasks_per_hour} 个任务，集中在 {wz}内到达，每个 {dz}"),
                )
            }
        }
    }
}

fn in_flight_words(mean: u64, p95: u64) -> String {
    let (a, b) = (milli_words(mean), milli_words(p95));
    if a == b {
        a
    } else {
        format!("{a}–{b}")
    }
}

/// ", 26 database connections" / "，数据库连接 26 个", or nothing.
fn conns_words(c: Option<u64>) -> (String, String) {
    match c {
        Some(c) => (
            format!(", {c} database connections"),
            format!("，数据库连接 {c} 个"),
        ),
        None => (String::new(), String::new()),
    }
}

fn words(d: &LoadDerivation, replicas: u64, knob_zh: Option<&str>) -> (String, String) {
    let (ien, izh) = inputs_words(&d.inputs);
    let flight = in_flight_words(d.in_flight_milli, d.in_flight_p95_milli);
    let per = if replicas > 1 {
        format!(" per replica × {replicas}")
    } else {
        String::new()
    };
    let per_zh = if replicas > 1 {
        format!("（每个副本，共 {replicas} 个）")
    } else {
        String::new()
    };
    match (d.knob, d.needed, d.plan, d.needed_expected_mib) {
        (Some(k), Some(n), Some(plan), Some(mem)) => {
            let (c_en, c_zh) = conns_words(d.needed_db_connections);
            let (pc_en, pc_zh) = conns_words(d.plan_db_connections);
            let plan_en = if plan == n {
                "as the plan has it".to_string()
            } else {
                format!("the plan has {plan} → {}{pc_en}", format_mib(d.plan_expected_mib))
            };
            let plan_zh = if plan == n {
                "与方案一致".to_string()
            } else {
                format!("方案是 {plan} → {}{pc_zh}", format_mib(d.plan_expected_mib))
            };
            (
                format!(
                    "{ien} → {flight} in flight → {k} {n}{per} (×1.25 of {}) → {}{c_en} ({plan_en})",
                    milli_words(d.in_flight_milli),
                    format_mib(mem)
                ),
                format!(
                    "{izh} → 同时在处理 {flight} 个 → {} {n}{per_zh}（{} 的 1.25 倍）→ {}{c_zh}（{plan_zh}）",
                    knob_zh.unwrap_or(k),
                    milli_words(d.in_flight_milli),
                    format_mib(mem)
                ),
            )
        }
        _ => (
            format!("{ien} → {flight} in flight (this service's concurrency is not a count of processes: no knob is derived)"),
            format!("{izh} → 同时在处理 {flight} 个（这个服务的并发不是进程数，不推导参数）"),
        ),
    }
}

/// Sums the task workers' derivations of an option, when any has one.
pub fn summarise(placements: &[(&str, u32, &LoadDerivation)]) -> Option<LoadSummary> {
    let tasks: Vec<&(&str, u32, &LoadDerivation)> = placements
        .iter()
        .filter(|(_, _, d)| matches!(d.inputs, LoadInputs::Tasks { .. }) && d.needed.is_some())
        .collect();
    if tasks.is_empty() {
        return None;
    }
    let sum = |f: &dyn Fn(&LoadDerivation, u64) -> u64| {
        tasks.iter().fold(0u64, |a, (_, r, d)| {
            a.saturating_add(f(d, u64::from((*r).max(1))))
        })
    };
    let tasks_per_hour = sum(&|d, _| match d.inputs {
        LoadInputs::Tasks { tasks_per_hour, .. } => tasks_per_hour,
        LoadInputs::Web { .. } => 0,
    });
    let mut s = LoadSummary {
        placements: tasks.iter().map(|(id, _, _)| id.to_string()).collect(),
        tasks_per_hour,
        in_flight_milli: sum(&|d, _| d.in_flight_milli),
        in_flight_p95_milli: sum(&|d, _| d.in_flight_p95_milli),
        needed: sum(&|d, r| d.needed.unwrap_or(0).saturating_mul(r)),
        plan: sum(&|d, r| d.plan.unwrap_or(0).saturating_mul(r)),
        needed_expected_mib: sum(&|d, _| d.needed_expected_mib.unwrap_or(0)),
        plan_expected_mib: sum(&|d, _| d.plan_expected_mib),
        drain_s_at_plan: None,
        needed_db_connections: None,
        plan_db_connections: None,
        en: String::new(),
        zh: String::new(),
    };
    // The inputs' shape (window, durations) when every worker shares it.
    let shapes: Vec<(u64, u64, Option<u64>)> = tasks
        .iter()
        .filter_map(|(_, _, d)| match d.inputs {
            LoadInputs::Tasks {
                arrival_window_s,
                mean_ms,
                p95_ms,
                ..
            } => Some((arrival_window_s, mean_ms, p95_ms)),
            LoadInputs::Web { .. } => None,
        })
        .collect();
    let (ien, izh) = if shapes.windows(2).all(|w| w[0] == w[1]) {
        let (w, m, p) = shapes[0];
        inputs_words(&LoadInputs::Tasks {
            tasks_per_hour,
            arrival_window_s: w,
            mean_ms: m,
            p95_ms: p,
        })
    } else {
        (
            format!(
                "~{tasks_per_hour} tasks/h at peak over {} workers",
                tasks.len()
            ),
            format!(
                "峰值每小时约 {tasks_per_hour} 个任务，分布在 {} 个任务进程",
                tasks.len()
            ),
        )
    };
    let any_conns = tasks
        .iter()
        .any(|(_, _, d)| d.needed_db_connections.is_some());
    if any_conns {
        s.needed_db_connections = Some(sum(&|d, _| d.needed_db_connections.unwrap_or(0)));
        s.plan_db_connections = Some(sum(&|d, _| d.plan_db_connections.unwrap_or(0)));
    }
    let (c_en, c_zh) = conns_words(s.needed_db_connections);
    let (pc_en, pc_zh) = conns_words(s.plan_db_connections);
    let work_ms = sum(&|d, _| match d.inputs {
        LoadInputs::Tasks {
            tasks_per_hour,
            mean_ms,
            ..
        } => tasks_per_hour.saturating_mul(mean_ms),
        LoadInputs::Web { .. } => 0,
    });
    if s.plan < s.needed && s.plan > 0 {
        s.drain_s_at_plan = Some(work_ms.div_ceil(s.plan.saturating_mul(1000)));
    }
    let flight = in_flight_words(s.in_flight_milli, s.in_flight_p95_milli);
    let (plan_en, plan_zh) = if let Some(drain) = s.drain_s_at_plan {
        let drain_ms = drain.saturating_mul(1000).div_ceil(30_000) * 30_000;
        let (t, tz) = (ms_words(drain_ms, false), ms_words(drain_ms, true));
        (
            format!(
                "the plan has {} → {}{pc_en}: at {} at once the peak's ~{} tasks take about {t} to work through, so they wait in the queue",
                s.plan,
                format_mib(s.plan_expected_mib),
                s.plan,
                tasks_per_hour
            ),
            format!(
                "方案是 {} → {}{pc_zh}：同时只处理 {} 个，峰值的约 {} 个任务要约 {tz}才能处理完，会在队列里等待",
                s.plan,
                format_mib(s.plan_expected_mib),
                s.plan,
                tasks_per_hour
            ),
        )
    } else if s.plan == s.needed {
        ("as the plan has it".to_string(), "与方案一致".to_string())
    } else {
        (
            format!(
                "the plan has {} → {}{pc_en}",
                s.plan,
                format_mib(s.plan_expected_mib)
            ),
            format!(
                "方案是 {} → {}{pc_zh}",
                s.plan,
                format_mib(s.plan_expected_mib)
            ),
        )
    };
    s.en = format!(
        "{ien} → {flight} in flight → concurrency {} → {}{c_en} ({plan_en})",
        s.needed,
        format_mib(s.needed_expected_mib)
    );
    s.zh = format!(
        "{izh} → 同时在处理 {flight} 个 → 并发 {} → {}{c_zh}（{plan_zh}）",
        s.needed,
        format_mib(s.needed_expected_mib)
    );
    Some(s)
}

/// The derivation of `p` on a host, for callers outside the evaluation
/// (the CLI's what-if lines use the report's own).
pub fn derive_placement(p: &Placement, host: HostView) -> Option<LoadDerivation> {
    derive(catalog::service(&p.service)?, p, host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_as_people_write_them() {
        assert_eq!(milli_words(20_000), "20");
        assert_eq!(milli_words(19_444), "19");
        assert_eq!(milli_words(2_500), "2.5");
        assert_eq!(milli_words(280), "0.28");
        assert_eq!(ms_words(36_000, false), "36 s");
        assert_eq!(ms_words(180_000, false), "3 min");
        assert_eq!(ms_words(180_000, true), "3 分钟");
        assert_eq!(ms_words(250, false), "250 ms");
        assert_eq!(duration_range(36_000, 54_000, false), "36–54 s");
        assert_eq!(duration_range(36_000, 54_000, true), "36–54 秒");
        assert_eq!(duration_range(500, 1500, false), "500 ms–1.5 s");
    }
}
