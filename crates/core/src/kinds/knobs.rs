//! Knob constructors and the knobs several kinds share (worker counts,
//! connection pools, CPU, fixed budgets, headless browsers, heaps).

use crate::model::{KnobDef, KnobUnit, Source};
use crate::sources::*;

/// Builds a knob; a `const fn` so the catalog stays a static table.
#[allow(clippy::too_many_arguments)]
pub const fn knob(
    id: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
    unit: KnobUnit,
    default: i64,
    max: i64,
    note: &'static str,
    source: Source,
) -> KnobDef {
    KnobDef {
        id,
        name_en,
        name_zh,
        unit,
        default,
        min: 0,
        max,
        note: crate::model::knob_note(note),
        source,
    }
}

use KnobUnit::{Bool, Count, Kib, Mib, Millicores};

const GIB64: i64 = 64 * 1024;

/// Connections each process opens to a database it depends on (pool_size + max_overflow).
pub const DB_POOL: KnobDef = knob("db_pool", "DB connections per process", "每个进程的数据库连接数", Count, 15, 10_000,
    "pool_size + max_overflow of each process; counted against max_connections of every database it depends on", SQLALCHEMY_POOL);
/// CPU of an idle database or cache: six idle databases measured 3.47 % of
/// one core together, about 6 millicores each; 10 keeps a margin.
pub const CPU_IDLE_DB: KnobDef = knob(
    "cpu_millicores",
    "Expected CPU",
    "预计 CPU",
    Millicores,
    10,
    256_000,
    "an idle database: six measured 3.5 % of one core together; raise it for the load you expect or enter a measurement",
    IDLE_CPU_S2,
);
pub const CPU: KnobDef = knob(
    "cpu_millicores",
    "Expected CPU",
    "预计 CPU",
    Millicores,
    250,
    256_000,
    "steady CPU use; replace with a measurement",
    PLANNER,
);
pub const CPU_LIGHT: KnobDef = knob(
    "cpu_millicores",
    "Expected CPU",
    "预计 CPU",
    Millicores,
    10,
    256_000,
    "a mostly idle daemon (proxy, exporter, scheduler): idle services measure a few millicores each",
    IDLE_CPU_S2,
);
pub const CPU_PER_WORKER: KnobDef = knob(
    "worker_cpu_millicores",
    "CPU per busy worker",
    "每个忙碌进程的 CPU",
    Millicores,
    250,
    64_000,
    "CPU one worker uses while busy",
    PLANNER,
);
pub const TASK_CPU: KnobDef = knob(
    "task_cpu_millicores",
    "CPU per running task",
    "每个运行中任务的 CPU",
    Millicores,
    250,
    64_000,
    "CPU one task uses while it runs",
    PLANNER,
);

// Python web servers: workers × per-worker memory.
pub const APP_MIB: KnobDef = knob("app_mib", "Memory per worker", "每个进程的内存", Mib, 100, GIB64,
    "a worker with the app imported; a trivial FastAPI worker measured 45 MiB RSS, real apps import more", PLANNER);
pub const MASTER_MIB: KnobDef = knob("master_mib", "Supervisor process", "主进程内存", Mib, 45, GIB64,
    "the supervising process when there is more than one worker (measured: one uvicorn process 45 MiB RSS)", MEASURED);
pub const REQUEST_MIB: KnobDef = knob(
    "request_mib",
    "Peak per busy worker",
    "每个进程的峰值增量",
    Mib,
    50,
    GIB64,
    "extra memory while a worker handles a large request",
    PLANNER,
);

pub const ON_OFF: KnobUnit = Bool;
pub const KIB: KnobUnit = Kib;
