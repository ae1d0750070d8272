//! Background workers and headless browsers: Celery (prefork, gevent, beat), Flower, Playwright.

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
    CELERY_PREFORK,
    CELERY_GEVENT,
    CELERY_BEAT,
    FLOWER,
    PLAYWRIGHT,
];

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
    images: &["playwright", "playwright/python", "browserless/chrome", "zenika/alpine-chrome"],
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
