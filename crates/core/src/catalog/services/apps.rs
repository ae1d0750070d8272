//! Web servers, app runtimes, workers and headless browsers: Nginx, static
//! frontend, FastAPI/uvicorn, Gunicorn, Sanic, Celery (prefork, gevent, beat),
//! Flower, Playwright/Chromium, Node.js, JVM/Spring Boot, Go, custom.

use crate::kinds::celery::{CONNS_PER_TASK, MAX_TASKS_PER_CHILD};
use crate::kinds::chromium::{BROWSERS, BROWSER_MIB, EXTRA_PAGE_MIB, FIRST_PAGE_MIB, PAGES};
use crate::kinds::fixed::{expected, limit, peak};
use crate::kinds::go::GC_KNOBS;
use crate::kinds::jvm::{heap, nonheap, THREADS};
use crate::kinds::knobs::*;
use crate::kinds::node::MAX_OLD_SPACE;
use crate::kinds::python_web::workers;
use crate::model::{Category, Deploy, KindId, KnobDef, KnobUnit, Preset, SelfSizing, ServiceDef};
use crate::sources::*;
use KnobUnit::{Count, Mib, Percent};

const GIB64: i64 = 64 * 1024;

pub const NGINX: ServiceDef = ServiceDef {
    id: "nginx",
    category: Category::Web,
    name_en: "Nginx",
    name_zh: "Nginx 反向代理",
    images: &[
        "nginx",
        "bitnami/nginx",
        "openresty/openresty",
        "nginxinc/nginx-unprivileged",
    ],
    kind: KindId::Fixed,
    knobs: &[
        expected(11, MEASURED),
        peak(64, NGINX_BUDGET),
        limit(100, NGINX_BUDGET),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const STATIC_FRONTEND: ServiceDef = ServiceDef {
    id: "static-frontend",
    category: Category::Web,
    name_en: "Static frontend (Nginx)",
    name_zh: "静态前端（Nginx）",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        expected(11, MEASURED),
        peak(32, NGINX_BUDGET),
        limit(64, NGINX_BUDGET),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

const FASTAPI_KNOBS: &[KnobDef] = &[
    workers(1, UVICORN),
    APP_MIB,
    MASTER_MIB,
    REQUEST_MIB,
    CPU_PER_WORKER,
    DB_POOL,
];

pub const FASTAPI: ServiceDef = ServiceDef {
    id: "fastapi",
    category: Category::Web,
    name_en: "FastAPI (uvicorn)",
    name_zh: "FastAPI（uvicorn）",
    images: &[
        "tiangolo/uvicorn-gunicorn-fastapi",
        "tiangolo/uvicorn-gunicorn",
    ],
    kind: KindId::PythonWeb,
    knobs: FASTAPI_KNOBS,
    presets: &[
        Preset {
            id: "min",
            values: &[("workers", 1)],
            source: REPORT_S0,
        },
        Preset {
            id: "standard",
            values: &[("workers", 2)],
            source: REPORT_S0,
        },
        Preset {
            id: "ideal",
            values: &[("workers", 4)],
            source: PRESET_ASSUMED,
        },
    ],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
pub const GUNICORN: ServiceDef = ServiceDef {
    id: "gunicorn",
    category: Category::Web,
    name_en: "Gunicorn (Flask / Django)",
    name_zh: "Gunicorn（Flask / Django）",
    images: &[],
    kind: KindId::PythonWeb,
    knobs: &[
        workers(1, GUNICORN_DOCS),
        knob("app_mib", "Memory per worker", "每个进程内存", Mib, 60, GIB64, "a Flask sync worker measured 29 MiB RSS; real apps import more", PLANNER),
        knob("master_mib", "Arbiter process", "主进程内存", Mib, 26, GIB64, "gunicorn master: 142.5 − 4 × 29.2 MiB RSS", MEASURED),
        REQUEST_MIB, CPU_PER_WORKER, DB_POOL,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const SANIC: ServiceDef = ServiceDef {
    id: "sanic",
    category: Category::Web,
    name_en: "Sanic",
    name_zh: "Sanic 服务",
    images: &["sanicframework/sanic"],
    kind: KindId::PythonWeb,
    knobs: &[
        workers(1, SANIC_DOCS),
        APP_MIB,
        MASTER_MIB,
        REQUEST_MIB,
        CPU_PER_WORKER,
        DB_POOL,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
const PREFORK_KNOBS: &[KnobDef] = &[
    knob("concurrency", "Concurrency (0 = host CPUs)", "并发数（0 = 主机 CPU 数）", Count, 0, 1024, "defaults to the CPUs the host reports, ignoring the container's CPU quota", CELERY),
    knob("child_mib", "Memory per child", "每个子进程内存", Mib, 100, GIB64, "a child with the app imported; a trivial task measured 50 MiB RSS", PLANNER),
    knob("main_mib", "Main process", "主进程", Mib, 60, GIB64, "Celery 5 main process: 257 − 4 × 49.6 MiB RSS", MEASURED),
    knob("task_mib", "Peak per running task", "每个任务峰值", Mib, 100, GIB64, "payload a task holds while it runs", PLANNER),
    knob("max_memory_per_child_kib", "--max-memory-per-child (KiB, 0 = off)", "--max-memory-per-child（KiB，0 = 不设）", KIB, 0, 1 << 40, "a child is replaced after the task that crossed it", CELERY),
    BROWSERS, PAGES, BROWSER_MIB, FIRST_PAGE_MIB, EXTRA_PAGE_MIB,
    TASK_CPU, DB_POOL, MAX_TASKS_PER_CHILD, CONNS_PER_TASK,
];

pub const CELERY_PREFORK: ServiceDef = ServiceDef {
    id: "celery-prefork",
    category: Category::Worker,
    name_en: "Celery worker (prefork)",
    name_zh: "Celery 任务进程（prefork）",
    images: &[],
    kind: KindId::CeleryPrefork,
    knobs: PREFORK_KNOBS,
    presets: &[
        Preset {
            id: "min",
            values: &[("concurrency", 1)],
            source: REPORT_S0,
        },
        Preset {
            id: "standard",
            values: &[("concurrency", 2)],
            source: REPORT_S0,
        },
        Preset {
            id: "ideal",
            values: &[("concurrency", 4)],
            source: PRESET_ASSUMED,
        },
    ],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
pub const CELERY_GEVENT: ServiceDef = ServiceDef {
    id: "celery-gevent",
    category: Category::Worker,
    name_en: "Celery worker (gevent)",
    name_zh: "Celery 任务进程（gevent）",
    images: &[],
    kind: KindId::CeleryGevent,
    knobs: &[
        knob("concurrency", "Greenlets (0 = host CPUs)", "协程数（0 = 主机 CPU 数）", Count, 0, 100_000, "defaults to the CPUs the host reports", CELERY),
        knob("base_mib", "Process", "进程", Mib, 65, GIB64, "one gevent worker at concurrency 100: 65 MiB RSS", MEASURED),
        knob("inflight_mib", "Payload per task in flight", "每个在途任务数据", Mib, 2, GIB64, "memory tracks in-flight payloads, not the greenlet count", PLANNER),
        knob("peak_pct", "Peak over typical payload", "峰值相对常态", Percent, 200, 1000, "large payloads arriving together", PLANNER),
        knob("cpu_millicores", "Expected CPU", "预计 CPU", KnobUnit::Millicores, 500, 1000, "one process: at most one core", PLANNER),
        DB_POOL, CONNS_PER_TASK,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const CELERY_BEAT: ServiceDef = ServiceDef {
    id: "celery-beat",
    category: Category::Worker,
    name_en: "Celery beat",
    name_zh: "Celery beat 定时调度",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        expected(64, PLANNER),
        peak(96, PLANNER),
        limit(128, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        command: &["celery", "--app=your_app", "beat"],
        command_note: Some((
            "set --app to your Celery app",
            "把 --app 改成你的 Celery 应用",
        )),
        ..Deploy::NONE
    },
};

pub const FLOWER: ServiceDef = ServiceDef {
    id: "flower",
    category: Category::Monitoring,
    name_en: "Flower (Celery monitor)",
    name_zh: "Flower（Celery 监控）",
    images: &["mher/flower"],
    kind: KindId::Fixed,
    knobs: &[
        expected(58, MEASURED),
        peak(128, PLANNER),
        limit(128, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
pub const PLAYWRIGHT: ServiceDef = ServiceDef {
    id: "playwright",
    category: Category::Browser,
    name_en: "Playwright / Chromium",
    name_zh: "Playwright / Chromium 无头浏览器",
    images: &["mcr.microsoft.com/playwright", "mcr.microsoft.com/playwright/python", "browserless/chrome", "zenika/alpine-chrome"],
    kind: KindId::Chromium,
    knobs: &[
        knob("browsers", "Chromium browsers", "Chromium 浏览器数", Count, 1, 64, "headless browsers open at once", PLANNER),
        PAGES, BROWSER_MIB, FIRST_PAGE_MIB, EXTRA_PAGE_MIB,
        knob("driver_mib", "Driver process", "驱动进程", Mib, 50, GIB64, "the Node or Python process driving Playwright; not measured", PLANNER),
        knob("cpu_millicores", "CPU per browser", "每个浏览器 CPU", KnobUnit::Millicores, 500, 64_000, "rendering pages", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
pub const NODE: ServiceDef = ServiceDef {
    id: "node",
    category: Category::Runtime,
    name_en: "Node.js app",
    name_zh: "Node.js 应用",
    images: &["node", "bitnami/node"],
    kind: KindId::Node,
    knobs: &[
        knob("base_mib", "Process outside the heap", "堆外进程", Mib, 50, GIB64, "Node 20 http server: 51 MiB RSS", MEASURED),
        knob("heap_used_mib", "Heap in use (typical)", "常用堆内存", Mib, 100, GIB64, "old space in normal use", PLANNER),
        MAX_OLD_SPACE,
        CPU, DB_POOL,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 25, rule: "old space ≈ ¼ of the memory it sees, at most ~4 GiB", source: NODE_HEAP }),
    assumed: false,
    deploy: Deploy::NONE,
};

pub const SPRING_BOOT: ServiceDef = ServiceDef {
    id: "spring-boot",
    category: Category::Runtime,
    name_en: "JVM / Spring Boot app",
    name_zh: "JVM / Spring Boot 应用",
    images: &["eclipse-temurin", "openjdk", "amazoncorretto"],
    kind: KindId::Jvm,
    knobs: &[
        heap(
            0,
            "0 = auto: MaxRAMPercentage 25 % of memory",
            JVM_ERGONOMICS,
        ),
        nonheap(250, SPRING_FOOTPRINT),
        THREADS,
        CPU,
        DB_POOL,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "max heap = 25 % of the memory the JVM sees (MaxRAMPercentage)",
        source: JVM_ERGONOMICS,
    }),
    assumed: false,
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
pub const GO_SERVICE: ServiceDef = ServiceDef {
    id: "go-service",
    category: Category::Runtime,
    name_en: "Go service",
    name_zh: "Go 服务",
    images: &["golang"],
    kind: KindId::Go,
    knobs: &[
        knob("live_heap_mib", "Live heap", "存活堆", Mib, 50, GIB64, "reachable data after a GC", PLANNER),
        knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, 10, GIB64, "small Gin server 5–10 MiB", PLANNER),
        GC_KNOBS[0], GC_KNOBS[1],
        CPU, DB_POOL,
    ],
    presets: &[
        Preset { id: "min", values: &[("live_heap_mib", 50)], source: PLANNER },
        Preset { id: "standard", values: &[("live_heap_mib", 100)], source: PLANNER },
        Preset { id: "ideal", values: &[("live_heap_mib", 150)], source: PLANNER },
    ],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
pub const CUSTOM: ServiceDef = ServiceDef {
    id: "custom",
    category: Category::Custom,
    name_en: "Custom service",
    name_zh: "自定义服务",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        expected(256, PLANNER),
        peak(0, PLANNER),
        limit(0, PLANNER),
        CPU,
        knob("db_pool", "DB connections per process", "每进程数据库连接数", Count, 15, 10_000, "pool_size + max_overflow", SQLALCHEMY_POOL),
        knob("processes", "Processes", "进程数", Count, 1, 1024, "processes that each hold a pool", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy::NONE,
};
