//! Knob constructors and the knobs several services share (worker counts,
//! connection pools, CPU, fixed budgets, headless browsers).

use super::sources::*;
use crate::model::{KnobDef, KnobUnit, Source};

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
        note,
        source,
    }
}

use KnobUnit::{Bool, Count, Kib, Mib, Millicores};

const GIB64: i64 = 64 * 1024;

/// Connections each process opens to a database it depends on (pool_size + max_overflow).
pub const DB_POOL: KnobDef = knob("db_pool", "DB connections per process", "每进程数据库连接数", Count, 15, 10_000,
    "pool_size + max_overflow of each process; counted against max_connections of every database it depends on", SQLALCHEMY_POOL);
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
    100,
    256_000,
    "steady CPU use of a mostly idle daemon",
    PLANNER,
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
    "每个运行任务的 CPU",
    Millicores,
    250,
    64_000,
    "CPU one task uses while it runs",
    PLANNER,
);

// Python web servers: workers × per-worker memory.
pub const APP_MIB: KnobDef = knob("app_mib", "Memory per worker", "每个进程内存", Mib, 100, GIB64,
    "a worker with the app imported; a trivial FastAPI worker measured 45 MiB RSS, real apps import more", PLANNER);
pub const MASTER_MIB: KnobDef = knob("master_mib", "Supervisor process", "主进程内存", Mib, 45, GIB64,
    "the supervising process when there is more than one worker (measured: one uvicorn process 45 MiB RSS)", MEASURED);
pub const REQUEST_MIB: KnobDef = knob(
    "request_mib",
    "Peak per busy worker",
    "每个进程峰值增量",
    Mib,
    50,
    GIB64,
    "extra memory while a worker handles a large request",
    PLANNER,
);

// Fixed budgets.
pub const fn expected(default: i64, source: Source) -> KnobDef {
    knob(
        "expected_mib",
        "Expected memory",
        "预计内存",
        Mib,
        default,
        1 << 30,
        "typical working set",
        source,
    )
}
pub const fn peak(default: i64, source: Source) -> KnobDef {
    knob(
        "peak_mib",
        "Peak memory",
        "峰值内存",
        Mib,
        default,
        1 << 30,
        "worst case; 0 = same as expected",
        source,
    )
}
pub const fn limit(default: i64, source: Source) -> KnobDef {
    knob(
        "limit_mib",
        "Default limit",
        "默认内存上限",
        Mib,
        default,
        1 << 30,
        "limit written into compose; 0 = peak + margin",
        source,
    )
}

// Headless Chromium, measured through Playwright.
pub const BROWSERS: KnobDef = knob(
    "browsers",
    "Chromium browsers",
    "Chromium 浏览器数",
    Count,
    0,
    64,
    "headless browsers open at once (e.g. PLAYWRIGHT_MAX_BROWSERS)",
    PLANNER,
);
pub const PAGES: KnobDef = knob(
    "pages_per_browser",
    "Pages per browser",
    "每个浏览器页面数",
    Count,
    1,
    256,
    "pages open at once in each browser",
    PLANNER,
);
pub const BROWSER_MIB: KnobDef = knob(
    "browser_mib",
    "Browser process tree",
    "浏览器进程树",
    Mib,
    243,
    GIB64,
    "Chromium 156 headless via Playwright, 0 pages: 243 MiB PSS",
    MEASURED,
);
pub const FIRST_PAGE_MIB: KnobDef = knob(
    "first_page_mib",
    "First context and page",
    "首个上下文与页面",
    Mib,
    140,
    GIB64,
    "first context + about:blank: +140 MiB PSS",
    MEASURED,
);
pub const EXTRA_PAGE_MIB: KnobDef = knob(
    "extra_page_mib",
    "Each further page",
    "每个额外页面",
    Mib,
    53,
    GIB64,
    "a moderate page in the same context: +53 MiB PSS (real JS-heavy sites need more)",
    MEASURED,
);

// JVM.
pub const fn heap(default: i64, note: &'static str, source: Source) -> KnobDef {
    knob(
        "heap_mib",
        "Heap (-Xmx)",
        "堆内存 (-Xmx)",
        Mib,
        default,
        GIB64,
        note,
        source,
    )
}
pub const fn nonheap(default: i64, source: Source) -> KnobDef {
    knob(
        "nonheap_mib",
        "Non-heap",
        "堆外内存",
        Mib,
        default,
        GIB64,
        "metaspace, code cache, GC structures, direct buffers",
        source,
    )
}
pub const THREADS: KnobDef = knob(
    "threads",
    "Threads",
    "线程数",
    Count,
    50,
    100_000,
    "live threads, each with a 1 MiB stack",
    PLANNER,
);

pub const ON_OFF: KnobUnit = Bool;
pub const KIB: KnobUnit = Kib;
