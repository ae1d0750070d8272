//! What a placement runs: its image choice, and the command and environment
//! its tuning turns into (maxmemory, heaps, shared_buffers, worker counts).

use super::compose::Target;
use super::mem_size;
use crate::model::{Category, MemoryModel, Placement, ServiceDef};
use crate::tune::Tuning;

/// True when the catalog's images are bases for the user's own code (or
/// there are none): the compose file then names a placeholder image.
pub(super) fn runs_your_code(def: Option<&ServiceDef>) -> bool {
    def.is_none_or(|d| {
        d.images.is_empty()
            || matches!(
                d.category,
                Category::Runtime | Category::Browser | Category::Custom
            )
            || d.model == MemoryModel::PythonWeb
    })
}

/// The command, environment and notes a placement's tuning turns into.
#[derive(Default)]
pub(super) struct Run {
    pub(super) command: Vec<String>,
    pub(super) command_note: Option<&'static str>,
    pub(super) env: Vec<(String, String)>,
    pub(super) notes: Vec<String>,
}

/// Process counts the plan's knob decides when it sets one (see the module doc).
const PROCESS_KNOBS: &[&str] = &["concurrency", "workers"];

pub(super) fn run_of(
    t: &Target,
    p: &Placement,
    def: Option<&ServiceDef>,
    tuning: Option<&Tuning>,
) -> Run {
    let mut run = Run::default();
    let (Some(def), Some(tuning)) = (def, tuning) else {
        return run;
    };
    let knob = |id: &str| p.knobs.get(id).copied().filter(|v| *v > 0);
    let value = |name: &str| {
        tuning
            .settings
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.value.clone())
    };
    let count = |name: &str, knob_id: &str| knob(knob_id).map(|v| v.to_string()).or(value(name));
    let celery = |pool: &str| -> Vec<String> {
        [
            "celery",
            "--app=your_app",
            "worker",
            &format!("--pool={pool}"),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    match def.model {
        MemoryModel::Postgres => {
            run.command.push("postgres".into());
            for s in &tuning.settings {
                run.command.push("-c".into());
                run.command.push(format!("{}={}", s.name, s.value));
            }
        }
        MemoryModel::Redis => {
            let bin = if def.id == "valkey" {
                "valkey-server"
            } else {
                "redis-server"
            };
            run.command.push(bin.into());
            if let Some(m) = value("--maxmemory") {
                run.command.extend(["--maxmemory".into(), m]);
            }
            let broker = t
                .option
                .servers
                .iter()
                .flat_map(|s| &s.placements)
                .any(|q| {
                    (q.service.starts_with("celery-") || q.service == "flower")
                        && q.depends_on.contains(&p.id)
                });
            let (policy, why) = if broker {
                (
                    "noeviction",
                    "a Celery broker must never evict queued tasks",
                )
            } else {
                (
                    "allkeys-lru",
                    "used as a cache (noeviction if it holds data you cannot lose)",
                )
            };
            run.command
                .extend(["--maxmemory-policy".into(), policy.into()]);
            run.notes.push(format!("maxmemory-policy {policy}: {why}"));
            // The persistence knob: 0 off, 1 RDB (the image's default), 2 AOF, 3 both.
            let persistence = p
                .knobs
                .get("persistence")
                .copied()
                .unwrap_or(def.knob_default("persistence"));
            match persistence {
                0 => run.command.extend([
                    "--save".into(),
                    String::new(),
                    "--appendonly".into(),
                    "no".into(),
                ]),
                2 => run.command.extend([
                    "--save".into(),
                    String::new(),
                    "--appendonly".into(),
                    "yes".into(),
                ]),
                3 => run.command.extend(["--appendonly".into(), "yes".into()]),
                _ => {}
            }
        }
        MemoryModel::CeleryPrefork => {
            run.command = celery("prefork");
            if let Some(c) = count("--concurrency", "concurrency") {
                run.command.push(format!("--concurrency={c}"));
            }
            if let Some(m) = value("--max-memory-per-child") {
                run.command.push(format!("--max-memory-per-child={m}"));
            }
            run.command_note = Some("set --app to your Celery app");
        }
        MemoryModel::CeleryGevent => {
            run.command = celery("gevent");
            if let Some(c) = count("--concurrency", "concurrency") {
                run.command.push(format!("--concurrency={c}"));
            }
            run.command_note = Some("set --app to your Celery app");
        }
        MemoryModel::PythonWeb => {
            if let Some(w) = count("--workers", "workers") {
                run.env.push(("WEB_CONCURRENCY".into(), w));
                run.notes.push(
                    "WEB_CONCURRENCY: the worker count gunicorn and uvicorn read (else pass --workers)"
                        .into(),
                );
            }
        }
        MemoryModel::Neo4j => {
            // The image maps NEO4J_a_b__c to the setting a.b_c.
            for s in &tuning.settings {
                let name = format!("NEO4J_{}", s.name.replace('_', "__").replace('.', "_"));
                run.env.push((name, s.value.clone()));
            }
        }
        _ => {
            for s in &tuning.settings {
                if !s.name.starts_with('-') {
                    run.env.push((s.name.to_string(), s.value.clone()));
                }
            }
        }
    }
    if def.id == "celery-beat" {
        run.command = ["celery", "--app=your_app", "beat"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        run.command_note = Some("set --app to your Celery app");
    }
    for s in tuning.settings.iter().filter(|s| s.limit_too_small()) {
        run.notes.push(format!("{}: {}", s.name, s.rule));
    }
    for (k, tuned) in &tuning.knobs {
        if PROCESS_KNOBS.contains(k) {
            continue;
        }
        if let Some(planned) = p.knobs.get(*k).filter(|v| *v != tuned) {
            run.notes.push(format!(
                "the plan sets {k} {planned}; written as tuned for the {} limit: {tuned}",
                mem_size(tuning.limit_mib)
            ));
        }
    }
    run
}

pub(super) fn cores(millicores: u64) -> String {
    let whole = millicores / 1000;
    let frac = millicores % 1000;
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{:03}", frac)
            .trim_end_matches('0')
            .to_string()
    }
}
