//! Background workers and headless browsers: Celery (prefork, gevent, beat),
//! Flower, Sidekiq, Sentry's Snuba and Relay, Playwright, browserless and
//! Gotenberg.

#![allow(unused_imports)]
use crate::kinds::celery::{CONNS_PER_TASK, MAX_TASKS_PER_CHILD};
use crate::kinds::chromium::{BROWSERS, BROWSER_MIB, EXTRA_PAGE_MIB, FIRST_PAGE_MIB, PAGES};
use crate::kinds::fixed::{expected, limit, peak, PROCESSES};
use crate::kinds::go::GC_KNOBS;
use crate::kinds::jvm::{heap, nonheap, HEAP_IN_USE, THREADS};
use crate::kinds::knobs::*;
use crate::kinds::node::MAX_OLD_SPACE;
use crate::kinds::python_web::workers;
use crate::kinds::{fixed, mongo, mysql, postgres, rabbitmq, redis};
use crate::model::cite as src;
use crate::model::{
    Category, Confidence, Deploy, EnvSpec, EnvValue, KindId, KnobDef, KnobUnit, Port, Preset,
    SelfSizing, ServiceDef, Source, Volume,
};
use crate::sources::*;
use KnobUnit::*;

const GIB64: i64 = 64 * 1024;

const EVENTKIT_CHILD: Source = src(
    "EventKit/eventkit-cloud PR #690: Celery's default (one process per CPU) commonly results in 4; each process is about 100 MB",
    "https://github.com/EventKit/eventkit-cloud/pull/690",
    "2019-05-22",
    Confidence::B,
);
const CELERY_SPREAD: Source = src(
    "Spread from measurements: a child running a trivial task 50 MiB RSS (StackFit), about 100 MB per process (EventKit PR #690), ≈ 300 MB per process (GSA/notifications-api#1390: 4 processes ≈ 1.2 GB); a preset is a planning choice",
    "https://github.com/GSA/notifications-api/issues/1390",
    "2024-11-04",
    Confidence::C,
);
const GEVENT_PROCESS: Source = src(
    "Proxy: a gevent worker is one process with the app imported, as a prefork child (about 100 MB, EventKit PR #690); a trivial app's gevent worker measured 65 MiB RSS (StackFit); no published gevent reading",
    "https://github.com/EventKit/eventkit-cloud/pull/690",
    "2019-05-22",
    Confidence::C,
);
const BEAT_S0: Source = src(
    "FinRep sizing report (reference scenario S0): Celery beat measured at 80 MB idle on 2C4G (user report, not public)",
    "",
    "2026-11-21",
    Confidence::C,
);
const SIDEKIQ_IDLE: Source = src(
    "sidekiq/sidekiq#1784: a fresh idle Sidekiq 3.1 process with 5 threads, RSS 186720 KiB (182 MiB; 87–225 MiB in other apps, #1391 and #1614)",
    "https://github.com/sidekiq/sidekiq/issues/1784",
    "2014-06-17",
    Confidence::B,
);
const SIDEKIQ_DEFAULTS: Source = src(
    "sidekiq lib/sidekiq/config.rb and cli.rb: concurrency 5, or RAILS_MAX_THREADS when set",
    "https://github.com/sidekiq/sidekiq/blob/1bb4aa06e5aa178a114a5e855f9f3d5c24f6c61b/lib/sidekiq/cli.rb",
    "2026-08-17",
    Confidence::A,
);
const BROWSERLESS_SESSION: Source = src(
    "browserless/browserless#1399 (maintainer): we generally recommend 1GB/1CPU per concurrent request when scraping the internet; 781 = 1024 less the measured 243 MiB browser",
    "https://github.com/browserless/browserless/issues/1399",
    "2021-05-17",
    Confidence::B,
);
const GOTENBERG_DOC: Source = src(
    "gotenberg/gotenberg#96: 512 MB, the 'production' memory figure of the Gotenberg docs, as quoted by a user whose container reached it",
    "https://github.com/gotenberg/gotenberg/issues/96",
    "2019-07-09",
    Confidence::C,
);
const GOTENBERG_PEAK: Source = src(
    "gotenberg/gotenberg#1158: converting a 90 MB .pptx needed more than 2 GB (LibreOffice); #1161: an HTML conversion briefly reached 3.2 GB without a limit",
    "https://github.com/gotenberg/gotenberg/issues/1158",
    "2025-03-24",
    Confidence::B,
);
const RELAY_IDLE: Source = src(
    "getsentry/self-hosted#1719: docker stats, sentry-self-hosted-relay-1 34.12MiB at 0.31 % CPU",
    "https://github.com/getsentry/self-hosted/issues/1719",
    "2022-09-23",
    Confidence::B,
);
const RELAY_BUSY: Source = src(
    "getsentry/self-hosted#3053: docker compose stats at ~2k errors and 16k transactions a day, relay 1.482GiB",
    "https://github.com/getsentry/self-hosted/issues/3053",
    "2024-05-15",
    Confidence::B,
);
const SNUBA_STATS: Source = src(
    "getsentry/self-hosted#2539: docker stats, snuba-api 215.7 MiB and snuba consumers 215–259 MiB each (comment date not shown; read 2026-12-01)",
    "https://github.com/getsentry/self-hosted/issues/2539",
    "2026-12-01",
    Confidence::B,
);

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    CELERY_PREFORK,
    CELERY_GEVENT,
    CELERY_BEAT,
    FLOWER,
    SIDEKIQ,
    SNUBA,
    SENTRY_RELAY,
    PLAYWRIGHT,
    BROWSERLESS,
    GOTENBERG,
]);

#[rustfmt::skip]
const PREFORK_KNOBS: &[KnobDef] = &[
    knob("concurrency", "Concurrency (0 = host CPUs)", "并发数（0 = 主机 CPU 数）", Count, 0, 1024, "defaults to the CPUs the host reports, ignoring the container's CPU quota", CELERY),
    knob("child_mib", "Memory per child", "每个子进程内存", Mib, 100, GIB64, "a child with the app imported: about 100 MB; a trivial task 50 MiB, apps with cloud SDKs 170 MiB, large apps ≈ 300 MB", EVENTKIT_CHILD),
    knob("main_mib", "Main process", "主进程", Mib, 60, GIB64, "Celery 5 main process: 257 − 4 × 49.6 MiB RSS", MEASURED),
    knob("task_mib", "Peak per running task", "每个任务峰值", Mib, 100, GIB64, "payload a task holds while it runs", PLANNER),
    knob("max_memory_per_child_kib", "--max-memory-per-child (KiB, 0 = off)", "--max-memory-per-child（KiB，0 = 不设）", KIB, 0, 1 << 40, "a child is replaced after the task that crossed it", CELERY),
    BROWSERS, PAGES, BROWSER_MIB, FIRST_PAGE_MIB, EXTRA_PAGE_MIB,
    TASK_CPU, DB_POOL, MAX_TASKS_PER_CHILD, CONNS_PER_TASK,
];

const CELERY_NOTE: Option<(&str, &str)> = Some((
    "set --app to your Celery app",
    "把 --app 改成你的 Celery 应用",
));

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
        Preset {
            id: "baseline",
            values: &[("child_mib", 50)],
            source: CELERY_SPREAD,
        },
        Preset {
            id: "small-app",
            values: &[("child_mib", 100)],
            source: CELERY_SPREAD,
        },
        Preset {
            id: "large-app",
            values: &[("child_mib", 300)],
            source: CELERY_SPREAD,
        },
    ],
    self_sizing: None,
    assumed: false,
    // Your app's image; the kind writes `celery --app=… worker --pool=prefork`.
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
        knob("base_mib", "Process", "进程", Mib, 100, GIB64, "one process with the app imported, like a prefork child (~100 MB); a trivial app at concurrency 100 measured 65 MiB RSS", GEVENT_PROCESS),
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

#[rustfmt::skip]
pub const CELERY_BEAT: ServiceDef = ServiceDef {
    id: "celery-beat",
    category: Category::Worker,
    name_en: "Celery beat",
    name_zh: "Celery beat 定时调度",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 80, 1 << 20, "one process with the Celery app imported: 80 MB idle in the S0 report", BEAT_S0),
        peak(96, PLANNER),
        limit(128, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        command: &["celery", "--app=your_app", "beat"],
        command_note: CELERY_NOTE,
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
    deploy: Deploy {
        image: "mher/flower",
        tag: "2.0",
        ports: &[Port::new(5555, "web UI")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SIDEKIQ: ServiceDef = ServiceDef {
    id: "sidekiq",
    category: Category::Worker,
    name_en: "Sidekiq (Ruby jobs)",
    name_zh: "Sidekiq 后台任务（Ruby）",
    images: &[],
    kind: KindId::Sidekiq,
    knobs: &[
        knob("concurrency", "Threads (-c)", "线程数（-c）", Count, 5, 1000, "Sidekiq's default; each busy thread holds a database connection", SIDEKIQ_DEFAULTS),
        knob("app_mib", "Process with the app loaded", "加载应用后的进程", Mib, 182, GIB64, "an idle Sidekiq with 5 threads: 182 MiB; as large as the Rails app it loads (set MALLOC_ARENA_MAX=2 or jemalloc)", SIDEKIQ_IDLE),
        knob("job_mib", "Peak per running job", "每个运行任务的峰值", Mib, 50, GIB64, "payload a job holds while it runs", PLANNER),
        TASK_CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    // Your Rails app's image; the kind writes `bundle exec sidekiq -c N`.
    deploy: Deploy {
        env: &[
            EnvSpec {
                name: "SECRET_KEY_BASE",
                value: EnvValue::Secret,
                why_en: why!("Sidekiq boots the Rails app, which refuses to start in production without secret_key_base (or RAILS_MASTER_KEY)"),
                why_zh: why!("Sidekiq 会加载 Rails 应用，生产环境下缺少 secret_key_base（或 RAILS_MASTER_KEY）时无法启动"),
            },
            EnvSpec {
                name: "REDIS_URL",
                value: EnvValue::Literal("redis://redis:6379/0"),
                why_en: why!("Sidekiq connects to localhost:6379 by default, which is not Redis inside a container"),
                why_zh: why!("Sidekiq 默认连接 localhost:6379，在容器里那里没有 Redis"),
            },
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SNUBA: ServiceDef = ServiceDef {
    id: "snuba",
    category: Category::Worker,
    name_en: "Sentry Snuba (API or consumer)",
    name_zh: "Sentry Snuba（查询 API 或消费者）",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 230, 1 << 20, "one Snuba container (the API or one consumer): 215–259 MiB; self-hosted Sentry runs about 20 of them", SNUBA_STATS),
        peak(320, PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/getsentry/snuba",
        tag: "26.8.0",
        ports: &[Port::new(1218, "snuba-api HTTP (internal)")],
        env: &[
            EnvSpec { name: "SNUBA_SETTINGS", value: EnvValue::Literal("self_hosted"), why_en: why!("selects the settings module self-hosted Sentry uses"), why_zh: why!("选择自托管 Sentry 使用的配置模块") },
            EnvSpec { name: "CLICKHOUSE_HOST", value: EnvValue::Literal("clickhouse"), why_en: why!("Snuba stores events in ClickHouse"), why_zh: why!("Snuba 把事件存放在 ClickHouse") },
            EnvSpec { name: "DEFAULT_BROKERS", value: EnvValue::Literal("kafka:9092"), why_en: why!("Snuba reads events from Kafka"), why_zh: why!("Snuba 从 Kafka 读取事件") },
            EnvSpec { name: "REDIS_HOST", value: EnvValue::Literal("redis"), why_en: why!("Snuba keeps rate limits and caches in Redis"), why_zh: why!("Snuba 把限流与缓存数据放在 Redis") },
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SENTRY_RELAY: ServiceDef = ServiceDef {
    id: "sentry-relay",
    category: Category::Platform,
    name_en: "Sentry Relay",
    name_zh: "Sentry Relay 事件接入",
    images: &["getsentry/relay"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 34, 1 << 20, "an idle self-hosted Relay: 34 MiB", RELAY_IDLE),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 1518, 1 << 20, "buffering ~2k errors and 16k transactions a day: 1.48 GiB", RELAY_BUSY),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/getsentry/relay",
        tag: "26.8.0",
        ports: &[Port::new(3000, "HTTP ingest (behind Sentry's Nginx)")],
        // config.yml and credentials.json (`relay credentials generate`).
        volumes: &[Volume { name: "relay-config", path: "/work/.relay" }],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PLAYWRIGHT: ServiceDef = ServiceDef {
    id: "playwright",
    category: Category::Browser,
    name_en: "Playwright / Chromium",
    name_zh: "Playwright / Chromium 无头浏览器",
    images: &["playwright", "playwright/python", "zenika/alpine-chrome"],
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
    // The remote-browser server Open WebUI's docker-compose.playwright.yaml runs.
    deploy: Deploy {
        image: "mcr.microsoft.com/playwright",
        tag: "v1.58.0-noble",
        command: &["npx", "-y", "playwright@1.58.0", "run-server", "--port", "3000", "--host", "0.0.0.0"],
        command_note: Some((
            "keep the playwright@ version equal to the image's and your client's",
            "playwright@ 的版本要与镜像和客户端的版本一致",
        )),
        ports: &[Port::new(3000, "Playwright remote browser (WebSocket)")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const BROWSERLESS: ServiceDef = ServiceDef {
    id: "browserless",
    category: Category::Browser,
    name_en: "Browserless (headless Chromium service)",
    name_zh: "Browserless 无头浏览器服务",
    images: &["browserless/chromium", "browserless/chrome"],
    kind: KindId::Chromium,
    knobs: &[
        knob("browsers", "Sessions at once", "同时会话数", Count, 1, 64, "sessions open at once; CONCURRENT (default 5) caps them: set it to this number", PLANNER),
        PAGES, BROWSER_MIB,
        knob("first_page_mib", "First context and page", "首个上下文与页面", Mib, 781, GIB64, "a real website: ≈ 1 GB per concurrent session in all (about:blank is 140 MiB; light pages pack ~10 per GB)", BROWSERLESS_SESSION),
        EXTRA_PAGE_MIB,
        knob("driver_mib", "Node.js server", "Node.js 服务进程", Mib, 100, GIB64, "the browserless Node server; not measured", PLANNER),
        knob("cpu_millicores", "CPU per session", "每个会话 CPU", KnobUnit::Millicores, 1000, 64_000, "one CPU per concurrent session when scraping", BROWSERLESS_SESSION),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/browserless/chromium",
        tag: "v2.56.0",
        ports: &[Port::new(3000, "HTTP and WebSocket API")],
        env: &[EnvSpec {
            name: "TOKEN",
            value: EnvValue::Secret,
            why_en: why!("without it a random token is generated at start and no client can connect"),
            why_zh: why!("不设置时启动会随机生成令牌，客户端无法连接"),
        }],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const GOTENBERG: ServiceDef = ServiceDef {
    id: "gotenberg",
    category: Category::Browser,
    name_en: "Gotenberg (PDF conversion)",
    name_zh: "Gotenberg 文档转 PDF 服务",
    images: &["gotenberg/gotenberg", "thecodingmachine/gotenberg"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 512, 1 << 20, "the docs' production figure: Go API + Chromium (+ LibreOffice once an Office file is converted); the engines start at the first conversion", GOTENBERG_DOC),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 2048, 1 << 20, "a 90 MB .pptx needed more than 2 GB; heavy HTML briefly reached 3.2 GB", GOTENBERG_PEAK),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "gotenberg/gotenberg",
        tag: "8",
        ports: &[Port::new(3000, "HTTP API")],
        // curl is kept in the image for health checks.
        healthcheck: &["CMD", "curl", "-fsS", "http://127.0.0.1:3000/health"],
        ..Deploy::NONE
    },
};
