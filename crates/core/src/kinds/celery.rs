//! Celery workers. Prefork: a main process plus children × per-child memory;
//! a child is recycled only after the task that crossed
//! `--max-memory-per-child`, so it can hold that plus one task. Gevent: one
//! process whose memory tracks the payloads in flight, not the greenlets.
//! Both default their concurrency to the host's CPUs (not the container's),
//! and a prefork child runs one task at a time, so it holds only the
//! connections one task uses, not its whole pool.

use serde::Serialize;

use super::chromium::{browser_peak_rule, browser_shm, chromium_peak};
use super::knobs::knob;
use super::{Connections, Cx, Kind, Raw, RuleCx, Run, Setting, ShmNeed, Suggestion, Tuned, Tuning};
use crate::findings::{Finding, FindingKind as K, Fix, Severity};
use crate::model::units::Mib;
use crate::model::{Action, KindId, KnobDef, KnobUnit::*};
use crate::sources::*;

/// `--max-tasks-per-child`: 0 = never recycle.
#[rustfmt::skip]
pub const MAX_TASKS_PER_CHILD: KnobDef = knob("max_tasks_per_child", "--max-tasks-per-child (0 = off)", "--max-tasks-per-child（0 = 不设）", Count, 0, 1_000_000, "a child is replaced after this many tasks", CELERY);
/// Connections one running task holds at once.
#[rustfmt::skip]
pub const CONNS_PER_TASK: KnobDef = knob("conns_per_task", "DB connections per running task", "每个运行中任务占用的数据库连接数", Count, 2, 100, "the S3 report: each task uses 1–3 connections", REPORT_S3);

pub struct Prefork;
pub struct Gevent;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PreforkTuned {
    /// `--concurrency`; `None`: Celery starts one child per host CPU.
    pub concurrency: Option<u64>,
    pub max_memory_per_child_kib: Option<u64>,
    pub max_tasks_per_child: Option<u64>,
}

impl PreforkTuned {
    pub fn settings(&self) -> Vec<Setting> {
        let plan = ("the plan's value", "方案中的取值");
        let mut out = Vec::new();
        if let Some(c) = self.concurrency {
            out.push(Setting::new("--concurrency", c.to_string(), plan));
        }
        if let Some(m) = self.max_memory_per_child_kib {
            out.push(Setting::new("--max-memory-per-child", m.to_string(), plan));
        }
        if let Some(t) = self.max_tasks_per_child {
            out.push(Setting::new("--max-tasks-per-child", t.to_string(), plan));
        }
        out
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct GeventTuned {
    pub concurrency: Option<u64>,
}

impl GeventTuned {
    pub fn settings(&self) -> Vec<Setting> {
        self.concurrency
            .map(|c| {
                Setting::new(
                    "--concurrency",
                    c.to_string(),
                    ("the plan's value", "方案中的取值"),
                )
            })
            .into_iter()
            .collect()
    }
}

fn children(cx: &Cx) -> u64 {
    match cx.knob("concurrency") {
        0 => u64::from(cx.host.vcpu.max(1)),
        c => c,
    }
}

fn set_opt(cx: &Cx, id: &str) -> Option<u64> {
    Some(cx.knob(id)).filter(|v| *v > 0)
}

fn celery_command(pool: &str) -> Vec<String> {
    [
        "celery",
        "--app=your_app",
        "worker",
        &format!("--pool={pool}"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The flags of a worker's command the plan writes (`-P`, `-c`, the
/// children's recycling, `-Q`); `--autoscale` too, which the import reads
/// as the concurrency it scales to.
const CELERY_FLAGS: &[&str] = &[
    "-P",
    "--pool",
    "-c",
    "--concurrency",
    "--autoscale",
    "--max-memory-per-child",
    "--max-tasks-per-child",
    "-Q",
    "--queues",
];

/// `-Q q1,q2`: the queues the plan says this worker consumes.
fn queues(cx: &Cx, run: &mut Run) {
    if !cx.placement.queues.is_empty() {
        run.command.push("-Q".into());
        run.command.push(cx.placement.queues.join(","));
    }
}

const APP_NOTE: (&str, &str) = (
    "set --app to your Celery app",
    "把 --app 改成你的 Celery 应用",
);

/// Concurrency not set: Celery counts the host's CPUs, not the container's.
fn concurrency_rule(rx: &RuleCx, gevent: bool, out: &mut Vec<Finding>) {
    if rx.cx.knob("concurrency") != 0 {
        return;
    }
    // What the load needs when the placement has load inputs (the same
    // figure as `load-needs-concurrency`), else what fits the limit.
    let from_load = rx.load_needed.map(|n| n as i64);
    let suggested = from_load.unwrap_or_else(|| {
        rx.tuning
            .suggestions
            .iter()
            .find(|s| s.knob == "concurrency")
            .map_or(1, |s| s.tuned)
    });
    out.push(
        rx.finding(K::CeleryConcurrencyDefault, Severity::Warning)
            .n("host_cpus", rx.cx.host.vcpu)
            .n("suggested", suggested)
            .n("gevent", u64::from(gevent))
            .fix(Some(Fix::new(
                Action::SetKnob {
                    option: rx.option.id.clone(),
                    placement: rx.cx.placement.id.clone(),
                    knob: "concurrency".into(),
                    value: Some(suggested),
                },
                format!("Set --concurrency={suggested}"),
                format!("设置 --concurrency={suggested}"),
            ))),
    );
}

impl Kind for Prefork {
    /// The pool, its size, its recycling and the queues: the plan writes them.
    fn flags(&self) -> &'static [&'static str] {
        CELERY_FLAGS
    }

    /// Load adds children (one task each).
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        vec![("concurrency", children(cx))]
    }

    /// One task per child (prefork) or greenlet (gevent).
    fn load_unit(&self, _cx: &Cx) -> Option<super::LoadUnit> {
        Some(super::LoadUnit {
            knob: "concurrency",
            holds: 1,
        })
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let n = children(cx);
        let child = cx.knob("child_mib");
        let mmpc_mib = cx.knob("max_memory_per_child_kib") / 1024;
        let per_child_peak = child.max(mmpc_mib).saturating_add(cx.knob("task_mib"));
        let browser_peak = chromium_peak(cx, cx.knob("browsers"));
        let main = cx.knob("main_mib");
        let mut r = Raw::new(
            main.saturating_add(n.saturating_mul(child)),
            main.saturating_add(n.saturating_mul(per_child_peak))
                .saturating_add(browser_peak),
            n.saturating_mul(cx.knob("task_cpu_millicores")),
        );
        r.processes = n;
        r.browser_peak_mib = browser_peak;
        r
    }

    /// Children: the CPUs, or fewer if the limit holds fewer at peak;
    /// `--max-memory-per-child`: what the limit leaves each child after the
    /// main process and browsers, less one task.
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let fixed = cx.knob("main_mib") + chromium_peak(cx, cx.knob("browsers"));
        let per_child = cx.knob("child_mib") + cx.knob("task_mib");
        let by_memory = (limit_mib.saturating_sub(fixed) / per_child.max(1)).max(1);
        let set = cx.knob("concurrency");
        let tuned_c = if set > 0 {
            set.min(by_memory)
        } else {
            by_memory.min(u64::from(cx.host.vcpu.max(1)))
        };
        let n = if set > 0 { set } else { tuned_c };
        let mmpc_mib = (limit_mib.saturating_sub(fixed) / n.max(1))
            .saturating_sub(cx.knob("task_mib"))
            .max(cx.knob("child_mib"));
        let mmpc_kib = mmpc_mib.saturating_mul(1024);
        let mut suggestions = Vec::new();
        if set == 0 {
            suggestions.push(Suggestion {
                knob: "concurrency",
                plan: 0,
                tuned: tuned_c as i64,
                risky: true,
            });
        } else {
            suggestions.extend(Suggestion::compare(
                "concurrency",
                set as i64,
                tuned_c as i64,
            ));
        }
        let plan_mmpc = cx.knob("max_memory_per_child_kib");
        if plan_mmpc == 0 {
            suggestions.push(Suggestion {
                knob: "max_memory_per_child_kib",
                plan: 0,
                tuned: mmpc_kib as i64,
                risky: false,
            });
        } else {
            suggestions.extend(
                Suggestion::compare(
                    "max_memory_per_child_kib",
                    plan_mmpc as i64,
                    mmpc_kib as i64,
                )
                .filter(|s| s.risky),
            );
        }
        Tuning {
            limit_mib,
            written: Tuned::Prefork(PreforkTuned {
                concurrency: set_opt(cx, "concurrency"),
                max_memory_per_child_kib: set_opt(cx, "max_memory_per_child_kib"),
                max_tasks_per_child: set_opt(cx, "max_tasks_per_child"),
            }),
            suggestions,
        }
    }

    fn run(&self, cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run {
            command: celery_command("prefork"),
            command_note: Some(APP_NOTE),
            ..Run::default()
        };
        if let Tuned::Prefork(t) = tuned {
            for s in t.settings() {
                run.command.push(format!("{}={}", s.name, s.value));
            }
        }
        queues(cx, &mut run);
        run
    }

    fn rules(&self, rx: &RuleCx, out: &mut Vec<Finding>) {
        concurrency_rule(rx, false, out);
        browser_peak_rule(rx, out);
    }

    fn shm_needed(&self, cx: &Cx) -> Option<ShmNeed> {
        browser_shm(cx)
    }

    /// A child runs one task at a time: it holds at most the connections one
    /// task uses, whatever its pool allows.
    fn db_connections(&self, cx: &Cx, processes: u64) -> Option<Connections> {
        let pool = cx.knob("db_pool");
        (pool > 0).then(|| {
            let in_use = cx.knob("conns_per_task").clamp(1, pool);
            Connections {
                likely: processes.saturating_mul(in_use),
                worst: processes.saturating_mul(pool),
                processes,
                pool,
                per_process_in_use: in_use,
            }
        })
    }
}

impl Kind for Gevent {
    /// The pool, its size, its recycling and the queues: the plan writes them.
    fn flags(&self) -> &'static [&'static str] {
        CELERY_FLAGS
    }

    /// Load adds greenlets, each holding a payload in flight.
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        vec![("concurrency", children(cx))]
    }

    /// One task per child (prefork) or greenlet (gevent).
    fn load_unit(&self, _cx: &Cx) -> Option<super::LoadUnit> {
        Some(super::LoadUnit {
            knob: "concurrency",
            holds: 1,
        })
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let greenlets = children(cx);
        let payload = greenlets.saturating_mul(cx.knob("inflight_mib"));
        let base = cx.knob("base_mib");
        Raw::new(
            base.saturating_add(payload),
            base.saturating_add(payload.saturating_mul(cx.knob("peak_pct")) / 100),
            cx.knob("cpu_millicores"),
        )
    }

    /// Greenlets whose peak payloads fit the limit (at most 1000).
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let per = cx.knob("inflight_mib").saturating_mul(cx.knob("peak_pct")) / 100;
        let fits = (limit_mib.saturating_sub(cx.knob("base_mib")) / per.max(1)).clamp(1, 1000);
        let set = cx.knob("concurrency");
        let suggestion = if set == 0 {
            Some(Suggestion {
                knob: "concurrency",
                plan: 0,
                tuned: fits as i64,
                risky: true,
            })
        } else {
            Suggestion::compare("concurrency", set as i64, fits as i64).filter(|s| s.risky)
        };
        Tuning {
            limit_mib,
            written: Tuned::Gevent(GeventTuned {
                concurrency: set_opt(cx, "concurrency"),
            }),
            suggestions: suggestion.into_iter().collect(),
        }
    }

    fn run(&self, cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run {
            command: celery_command("gevent"),
            command_note: Some(APP_NOTE),
            ..Run::default()
        };
        if let Tuned::Gevent(t) = tuned {
            for s in t.settings() {
                run.command.push(format!("{}={}", s.name, s.value));
            }
        }
        queues(cx, &mut run);
        run
    }

    fn rules(&self, rx: &RuleCx, out: &mut Vec<Finding>) {
        concurrency_rule(rx, true, out);
    }

    /// One process: its greenlets share one pool, each running task holding
    /// the connections it uses.
    fn db_connections(&self, cx: &Cx, processes: u64) -> Option<Connections> {
        let pool = cx.knob("db_pool");
        (pool > 0).then(|| {
            let in_use = children(cx)
                .saturating_mul(cx.knob("conns_per_task").max(1))
                .min(pool);
            Connections {
                likely: processes.saturating_mul(in_use),
                worst: processes.saturating_mul(pool),
                processes,
                pool,
                per_process_in_use: in_use,
            }
        })
    }
}

/// True for the kinds that consume a task queue (a broker must not evict).
pub fn is_queue_worker(kind: KindId) -> bool {
    matches!(
        kind,
        KindId::CeleryPrefork | KindId::CeleryGevent | KindId::Sidekiq
    )
}
