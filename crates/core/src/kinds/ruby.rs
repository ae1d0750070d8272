//! Ruby on Rails. Puma: workers (WEB_CONCURRENCY; none = single mode) each
//! loading the app, with RAILS_MAX_THREADS threads and one database
//! connection per thread. Sidekiq: one process loading the app, with a
//! thread pool (concurrency) and one connection per busy thread.

use super::{Connections, Cx, Kind, Raw, Run, Suggestion, Tuned, Tuning};
use crate::model::units::Mib;

pub struct Puma;
pub struct Sidekiq;

fn processes(cx: &Cx) -> u64 {
    cx.knob("workers").max(1)
}

fn master(cx: &Cx) -> Mib {
    if cx.knob("workers") > 0 {
        cx.knob("master_mib")
    } else {
        0
    }
}

impl Kind for Puma {
    /// Workers and threads come from WEB_CONCURRENCY and RAILS_MAX_THREADS, which flags would override.
    fn flags(&self) -> &'static [&'static str] {
        &["-w", "--workers", "-t", "--threads"]
    }

    /// Load adds Puma workers (cluster mode); single mode has none to add.
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        match cx.knob("workers") {
            0 => Vec::new(),
            n => vec![("workers", n)],
        }
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let n = processes(cx);
        let expected = master(cx).saturating_add(n.saturating_mul(cx.knob("app_mib")));
        let mut r = Raw::new(
            expected,
            expected.saturating_add(n.saturating_mul(cx.knob("request_mib"))),
            n.saturating_mul(cx.knob("worker_cpu_millicores")),
        );
        r.processes = n;
        r
    }

    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let n = processes(cx);
        let fits = super::python_web::workers_for(
            limit_mib,
            cx.knob("master_mib"),
            cx.knob("app_mib") + cx.knob("request_mib"),
        );
        Tuning {
            limit_mib,
            written: Tuned::Workers(super::python_web::WorkersTuned {
                var: "WEB_CONCURRENCY",
                workers: cx.knob("workers"),
            }),
            suggestions: Suggestion::compare("workers", n as i64, fits as i64)
                .filter(|s| s.risky && cx.knob("workers") > 0)
                .into_iter()
                .collect(),
        }
    }

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
            if t.workers > 0 {
                run.env.push((t.var.into(), t.workers.to_string()));
            }
        }
        run.env
            .push(("RAILS_MAX_THREADS".into(), cx.knob("threads").to_string()));
        run
    }

    /// Each thread holds one connection (the pool is RAILS_MAX_THREADS).
    fn db_connections(&self, cx: &Cx, processes: u64) -> Option<Connections> {
        let threads = cx.knob("threads").max(1);
        Some(Connections {
            likely: processes.saturating_mul(threads),
            worst: processes.saturating_mul(threads),
            processes,
            pool: threads,
            per_process_in_use: threads,
        })
    }
}

impl Kind for Sidekiq {
    /// The concurrency the plan writes.
    fn flags(&self) -> &'static [&'static str] {
        &["-c", "--concurrency"]
    }

    /// Load adds busy threads, each with a job's memory and a connection.
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        vec![("concurrency", cx.knob("concurrency").max(1))]
    }

    /// A Sidekiq thread runs one job at a time.
    fn load_unit(&self, _cx: &Cx) -> Option<super::LoadUnit> {
        Some(super::LoadUnit {
            knob: "concurrency",
            holds: 1,
        })
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let threads = cx.knob("concurrency").max(1);
        let expected = cx.knob("app_mib");
        Raw::new(
            expected,
            expected.saturating_add(threads.saturating_mul(cx.knob("job_mib"))),
            threads.saturating_mul(cx.knob("task_cpu_millicores")),
        )
    }

    fn run(&self, cx: &Cx, _tuned: &Tuned) -> Run {
        Run {
            command: vec![
                "bundle".into(),
                "exec".into(),
                "sidekiq".into(),
                "-c".into(),
                cx.knob("concurrency").max(1).to_string(),
            ],
            ..Run::default()
        }
    }

    /// One connection per busy thread (the pool must be ≥ concurrency).
    fn db_connections(&self, cx: &Cx, processes: u64) -> Option<Connections> {
        let threads = cx.knob("concurrency").max(1);
        Some(Connections {
            likely: processes.saturating_mul(threads),
            worst: processes.saturating_mul(threads),
            processes,
            pool: threads,
            per_process_in_use: threads,
        })
    }
}
