//! Python web servers (uvicorn, gunicorn, Sanic): a supervising process plus
//! workers × per-worker memory, more per busy worker at peak; the worker
//! count written as WEB_CONCURRENCY.

use serde::Serialize;

use super::knobs::knob;
use super::{Cx, Kind, Raw, Run, Setting, Suggestion, Tuned, Tuning};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*, Source};

/// `--workers` / WEB_CONCURRENCY.
pub const fn workers(default: i64, source: Source) -> KnobDef {
    knob(
        "workers",
        "Worker processes",
        "工作进程数",
        Count,
        default,
        256,
        "--workers",
        source,
    )
}

pub struct PythonWeb;

/// A worker count written into the environment the server reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WorkersTuned {
    pub var: &'static str,
    pub workers: u64,
}

impl WorkersTuned {
    pub fn settings(&self) -> Vec<Setting> {
        vec![Setting::new(
            self.var,
            self.workers.to_string(),
            ("the plan's worker count", "方案中的进程数"),
        )]
    }
}

/// Services of this kind whose workers run an event loop (ASGI).
const ASYNC_SERVICES: &[&str] = &["fastapi", "sanic"];

fn master(cx: &Cx, workers: u64) -> Mib {
    if workers > 1 {
        cx.knob("master_mib")
    } else {
        0
    }
}

/// Workers whose peaks the limit holds.
pub fn workers_for(limit: Mib, master_mib: Mib, per_worker_peak: Mib) -> u64 {
    (limit.saturating_sub(master_mib) / per_worker_peak.max(1)).max(1)
}

impl Kind for PythonWeb {
    /// The worker count comes from WEB_CONCURRENCY, which `-w` would override.
    fn flags(&self) -> &'static [&'static str] {
        &["-w", "--workers"]
    }

    /// Load adds worker processes (each loads the app and holds a pool).
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        vec![("workers", cx.knob("workers").max(1))]
    }

    /// A sync worker (gunicorn, Django) serves one request at a time; an
    /// ASGI worker (FastAPI, Sanic on uvicorn) holds many while they wait on
    /// I/O, so its worker count follows the CPUs, not the requests in flight.
    fn load_unit(&self, cx: &Cx) -> Option<super::LoadUnit> {
        (!ASYNC_SERVICES.contains(&cx.def.id)).then_some(super::LoadUnit {
            knob: "workers",
            holds: 1,
        })
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let workers = cx.knob("workers").max(1);
        let expected =
            master(cx, workers).saturating_add(workers.saturating_mul(cx.knob("app_mib")));
        let mut r = Raw::new(
            expected,
            expected.saturating_add(workers.saturating_mul(cx.knob("request_mib"))),
            workers.saturating_mul(cx.knob("worker_cpu_millicores")),
        );
        r.processes = workers;
        r
    }

    /// The plan's worker count; when its peaks do not fit the limit, the
    /// count that does (at most gunicorn's 2 × cores + 1).
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let workers = cx.knob("workers").max(1);
        let per = cx.knob("app_mib") + cx.knob("request_mib");
        let fits = workers_for(limit_mib, master(cx, workers), per)
            .min(2 * u64::from(cx.host.vcpu.max(1)) + 1);
        let suggestions = Suggestion::compare("workers", workers as i64, fits as i64)
            .filter(|s| s.risky)
            .into_iter()
            .collect();
        Tuning {
            limit_mib,
            written: Tuned::Workers(WorkersTuned {
                var: "WEB_CONCURRENCY",
                workers,
            }),
            suggestions,
        }
    }

    /// WEB_CONCURRENCY: the worker count gunicorn and uvicorn read.
    fn run(&self, cx: &Cx, tuned: &Tuned) -> Run {
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
        if let Tuned::Workers(t) = tuned {
            run.env.push((t.var.into(), t.workers.to_string()));
        }
        run
    }
}
