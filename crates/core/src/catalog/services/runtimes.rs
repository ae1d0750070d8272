//! Application runtimes that run your own code: Python web servers, Node.js, JVM, Go, custom services.

#![allow(unused_imports)]
use crate::kinds::celery::{CONNS_PER_TASK, MAX_TASKS_PER_CHILD};
use crate::kinds::chromium::{BROWSERS, BROWSER_MIB, EXTRA_PAGE_MIB, FIRST_PAGE_MIB, PAGES};
use crate::kinds::fixed::{expected, limit, peak, PROCESSES};
use crate::kinds::go::GC_KNOBS;
use crate::kinds::jvm::{heap, nonheap, THREADS};
use crate::kinds::knobs::*;
use crate::kinds::node::MAX_OLD_SPACE;
use crate::kinds::python_web::workers;
use crate::kinds::{fixed, mongo, mysql, postgres, rabbitmq, redis};
use crate::model::{
    Category, Deploy, EnvSpec, EnvValue, KindId, KnobDef, KnobUnit, Port, Preset, SelfSizing,
    ServiceDef, Source, Volume,
};
use crate::sources::*;
use KnobUnit::*;

const GIB64: i64 = 64 * 1024;

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &[
    FASTAPI,
    GUNICORN,
    SANIC,
    NODE,
    SPRING_BOOT,
    GO_SERVICE,
    CUSTOM,
];

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
