//! The images of well-known self-hosted projects (their own apps, not the
//! databases, caches and proxies they run beside them), sized from published
//! measurements where there are any and from labelled planner assumptions,
//! chosen for each image's runtime, where there are none. The stacks they
//! come from are the corpus in `crates/core/tests/corpus`; every measurement
//! cited here is in `crates/core/tests/truth/measurements-stacks.json`.
//!
//! Where one image runs in several roles (an API and its workers), the image
//! names the role most of its containers play and the other roles are
//! profiles of their own with the same image in `deploy` and the command or
//! environment that selects the role.

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

/// This file's services, in palette order (by project).
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    COOLIFY,
    COOLIFY_REALTIME,
    DIFY_API,
    DIFY_WORKER,
    DIFY_BEAT,
    DIFY_WEB,
    DIFY_SANDBOX,
    DIFY_PLUGIN_DAEMON,
    GHOST,
    GHOST_TRAFFIC_ANALYTICS,
    GHOST_ACTIVITYPUB,
    IMMICH_SERVER,
    IMMICH_ML,
    JITSI_WEB,
    JITSI_PROSODY,
    JITSI_JICOFO,
    JITSI_JVB,
    LANGFUSE_WEB,
    LANGFUSE_WORKER,
    MAILCOW_CLAMD,
    MAILCOW_RSPAMD,
    MAILCOW_SOGO,
    MAILCOW_DOVECOT,
    MAILCOW_POSTFIX,
    MAILCOW_POSTFIX_TLSPOL,
    MAILCOW_PHPFPM,
    MAILCOW_NGINX,
    MAILCOW_UNBOUND,
    MAILCOW_ACME,
    MAILCOW_NETFILTER,
    MAILCOW_WATCHDOG,
    MAILCOW_DOCKERAPI,
    MAILCOW_OLEFY,
    OPENPROJECT_WEB,
    OPENPROJECT_WORKER,
    OPENPROJECT_CRON,
    OPENPROJECT_PROXY,
    PENPOT_FRONTEND,
    PENPOT_BACKEND,
    PENPOT_EXPORTER,
    PENPOT_MCP,
    PLANE_WEB,
    PLANE_SPACE,
    PLANE_ADMIN,
    PLANE_LIVE,
    PLANE_API,
    PLANE_WORKER,
    PLANE_BEAT,
    PLANE_PROXY,
    PLAUSIBLE,
    POSTHOG_WEB,
    POSTHOG_WORKER,
    POSTHOG_TEMPORAL_WORKER,
    POSTHOG_NODE,
    POSTHOG_CAPTURE,
    POSTHOG_CAPTURE_LOGS,
    POSTHOG_PROPERTY_DEFS,
    POSTHOG_FEATURE_FLAGS,
    POSTHOG_CYMBAL,
    POSTHOG_LIVESTREAM,
    POSTHOG_PERSONHOG_REPLICA,
    POSTHOG_PERSONHOG_ROUTER,
    POSTHOG_HYPERCACHE,
    RAGFLOW,
    SENTRY_CONSUMER,
    SENTRY_WEB,
    SENTRY_TASKWORKER,
    SENTRY_TASKSCHEDULER,
    SENTRY_CLEANUP,
    SNUBA_CONSUMER,
    SNUBA_API,
    SENTRY_SYMBOLICATOR,
    SENTRY_TASKBROKER,
    SENTRY_VROOM,
    SENTRY_UPTIME_CHECKER,
    SENTRY_LAUNCHPAD,
    SIGNOZ,
    SIGNOZ_OTEL_COLLECTOR,
    SUPABASE_STUDIO,
    SUPABASE_AUTH,
    POSTGREST,
    SUPABASE_REALTIME,
    SUPABASE_STORAGE,
    SUPABASE_META,
    SUPABASE_EDGE_RUNTIME,
    SUPABASE_ANALYTICS,
    SUPAVISOR,
    TWENTY_SERVER,
    TWENTY_WORKER,
    ZAMMAD_RAILSSERVER,
    ZAMMAD_SCHEDULER,
    ZAMMAD_WEBSOCKET,
    ZAMMAD_NGINX,
    ZAMMAD_BACKUP,
    ZULIP,
]);

// ---------------------------------------------------------------------------
// Sources: published measurements (B) and vendor files (A) behind the figures.

const CLAMAV_DOCS: Source = src(
    "ClamAV docs, ClamAV in Docker: upwards of 1.2 GiB to load the signatures, twice that for a short time during a concurrent reload",
    "https://docs.clamav.net/manual/Installing/Docker.html",
    "2026-12-01",
    Confidence::A,
);
const DIFY_ENV: Source = src(
    "langgenius/dify docker/.env.example: SERVER_WORKER_AMOUNT=1 (one gunicorn gevent worker for the API)",
    "https://github.com/langgenius/dify/blob/main/docker/.env.example",
    "2026-12-01",
    Confidence::A,
);
const DIFY_RAG: Source = src(
    "langgenius/dify#19614: docker stats while uploading files for RAG: dify-api-1 2.602 GiB, dify-worker-1 26.32 GiB (v1.3.1, 61 GiB host)",
    "https://github.com/langgenius/dify/issues/19614",
    "2025-05-13",
    Confidence::B,
);
const DIFY_GROWTH: Source = src(
    "langgenius/dify#11510: the api and worker containers grow to about 6 GB until restarted (0.8–0.13.1)",
    "https://github.com/langgenius/dify/issues/11510",
    "2024-12-10",
    Confidence::B,
);
const DIFY_SANDBOX_LEAK: Source = src(
    "langgenius/dify#22317: dify-sandbox working set grows linearly to ≈ 3.8 Gi over ~60 days at ~50 requests a day (1.3.1, K8s, 4 Gi limit)",
    "https://github.com/langgenius/dify/issues/22317",
    "2025-07-14",
    Confidence::B,
);
const GHOST_MEMORY: Source = src(
    "TryGhost/Ghost#14450: a Ghost 4 process (Node 16, MySQL on the same droplet) uses ~1.2 GB and runs stable on 2 GB",
    "https://github.com/TryGhost/Ghost/issues/14450",
    "2022-05-03",
    Confidence::B,
);
const IMMICH_SERVER_IDLE: Source = src(
    "immich-app/immich#24700: immich_server at ~450 MB after 12+ hours idle with a nearly empty library (v2.4.0)",
    "https://github.com/immich-app/immich/issues/24700",
    "2025-12-19",
    Confidence::B,
);
const IMMICH_ML_ENV: Source = src(
    "Immich docs, Environment variables: MACHINE_LEARNING_WORKERS 1; models unload after MACHINE_LEARNING_MODEL_TTL (300 s) idle",
    "https://immich.app/docs/install/environment-variables",
    "2026-12-01",
    Confidence::A,
);
const IMMICH_ML_LOADED: Source = src(
    "immich-app/immich#3142: immich_machine_learning at 1.25 GB with its models loaded (v1.66.1); under 300 MB after startup before any model is requested (PR #3797, maintainer)",
    "https://github.com/immich-app/immich/issues/3142",
    "2023-07-07",
    Confidence::B,
);
const IMMICH_ML_OOM: Source = src(
    "adampetrovic/home-ops PR #2464: immich-machine-learning OOM-killed three times at a 2 Gi limit while loading CLIP, face and OCR models together; raised to 4 Gi",
    "https://github.com/adampetrovic/home-ops/pull/2464",
    "2026-04-12",
    Confidence::B,
);
const JITSI_HEAPS: Source = src(
    "jitsi/jitsi-meet#6333 (maintainer): Jicofo and JVB use up to 3 GB each and grow to those limits; docker-jitsi-meet env.example: JICOFO_MAX_MEMORY=3072m",
    "https://github.com/jitsi/jitsi-meet/issues/6333",
    "2020-04-23",
    Confidence::B,
);
const JVB_HEAP: Source = src(
    "jitsi/jitsi-videobridge jvb/resources/jvb.sh: VIDEOBRIDGE_MAX_MEMORY defaults to 3072m and is passed as -Xmx",
    "https://github.com/jitsi/jitsi-videobridge/blob/master/jvb/resources/jvb.sh",
    "2026-12-01",
    Confidence::A,
);
const MAILCOW_DOCS: Source = src(
    "mailcow docs, Prerequisites – System: a single SOGo worker can acquire ~350 MiB before it is purged; the default configuration spawns 20 workers",
    "https://docs.mailcow.email/getstarted/prerequisite-system/",
    "2025-08-19",
    Confidence::A,
);
const RSPAMD_MEMORY: Source = src(
    "mailcow/mailcow-dockerized#3761: rspamd rests at ~250 MiB and spikes to ~650 MiB at most on a small system",
    "https://github.com/mailcow/mailcow-dockerized/issues/3761",
    "2020-10-20",
    Confidence::B,
);
const OPENPROJECT_COMPOSE: Source = src(
    "opf/openproject-deploy compose/docker-compose.yml (stable/13): web runs Puma with RAILS_MIN_THREADS=4, RAILS_MAX_THREADS=16",
    "https://github.com/opf/openproject-deploy/blob/d014d1ab5ba01fd2b3dfa5c68380fe6d1fc2b3fa/compose/docker-compose.yml",
    "2023-11-21",
    Confidence::A,
);
const PENPOT_RUN: Source = src(
    "penpot/penpot backend/scripts/run.template.sh: java $JVM_OPTS -jar penpot.jar with no -Xmx, so the JVM's default heap (25 % of what it sees) applies",
    "https://github.com/penpot/penpot/blob/develop/backend/scripts/run.template.sh",
    "2026-12-01",
    Confidence::A,
);
const PHP_MEMORY_LIMIT: Source = src(
    "PHP manual, core php.ini directives: memory_limit defaults to 128M",
    "https://www.php.net/manual/en/ini.core.php#ini.memory-limit",
    "2026-12-01",
    Confidence::A,
);
const PLANE_COMPOSE: Source = src(
    "makeplane/plane deployments/cli/community/docker-compose.yml: GUNICORN_WORKERS: 1",
    "https://github.com/makeplane/plane/blob/4ca6d6c7b807ad09bb571af2c43e85bf47c3ec6b/deployments/cli/community/docker-compose.yml",
    "2026-05-19",
    Confidence::A,
);
const PLANE_API_MEMORY: Source = src(
    "makeplane/plane#1449: the API container takes 400–600 MB right after start (3 users, 1 workspace)",
    "https://github.com/makeplane/plane/issues/1449",
    "2023-06-30",
    Confidence::B,
);
const PLANE_WORKER_MEMORY: Source = src(
    "makeplane/plane#5778: the Celery worker was OOM-killed at a 1 Gi limit and used ~1.2 Gi once raised to 2 Gi",
    "https://github.com/makeplane/plane/issues/5778",
    "2024-10-09",
    Confidence::B,
);
const PLAUSIBLE_MEMORY: Source = src(
    "plausible/analytics#301: the plausible container at 30 MB idle and 60 MB after loading the dashboard; maintainer: the Erlang VM and code take up to 80 MB",
    "https://github.com/plausible/analytics/issues/301",
    "2024-10-28",
    Confidence::B,
);
const POSTHOG_MEMORY: Source = src(
    "PostHog/posthog#3888: the PostHog app container at 800 MB idle (2021, web, worker and plugin server in one container)",
    "https://github.com/PostHog/posthog/issues/3888",
    "2021-04-07",
    Confidence::B,
);
const SENTRY_STATS: Source = src(
    "getsentry/self-hosted#2539: docker stats of 24.11.2 with minimal ingest: web 1.075 GiB, attachments-consumer 637 MiB, worker 574 MiB, generic-metrics-consumer 407 MiB, snuba consumers 215–259 MiB, snuba-api 216 MiB, each at 0.1–1.1 % CPU",
    "https://github.com/getsentry/self-hosted/issues/2539",
    "2024-12-28",
    Confidence::B,
);
const REALTIME_BURST: Source = src(
    "supabase/benchmarks#8: after inserting 1 million rows the supabase (beam) process used ~100 % CPU and ~50 % memory for minutes: top shows beam.smp RES 479564 KiB (48.9 %) on a free-tier instance; Realtime of 2020, before its v2 rewrite, so graded C for today's image",
    "https://github.com/supabase/benchmarks/issues/8",
    "2020-11-24",
    Confidence::C,
);
const SUPABASE_DEV_STATS: Source = src(
    "Seneca-CDOT/telescope#3241: docker stats of a development stack, supabase-storage 177 MiB, supabase-meta 41.05 MiB, supabase-auth 6.441 MiB, supabase-realtime 99.82 MiB, supabase-rest 14.61 MiB",
    "https://github.com/Seneca-CDOT/telescope/issues/3241",
    "2022-03-17",
    Confidence::B,
);
const SENTRY_CONSUMERS: Source = src(
    "getsentry/self-hosted#3467: after upgrading to 24.11.1 the 23 sentry and 20 snuba containers each consume between 200MB and 300MB; a clean 24.11.1 with no projects uses 13GB",
    "https://github.com/getsentry/self-hosted/issues/3467",
    "2024-12-12",
    Confidence::B,
);
const SENTRY_WORKER_BUSY: Source = src(
    "getsentry/self-hosted#1719: docker stats: worker at 874.8 MiB and 233 % CPU, relay at 34.1 MiB",
    "https://github.com/getsentry/self-hosted/issues/1719",
    "2022-09-23",
    Confidence::B,
);
const SENTRY_CRON_IDLE: Source = src(
    "getsentry/self-hosted#2064: docker stats: sentry-cleanup at 364 KiB between runs; consumers at 71–102 MiB (comment date not shown; read date)",
    "https://github.com/getsentry/self-hosted/issues/2064",
    "2026-12-01",
    Confidence::B,
);
const LOGFLARE_MEMORY: Source = src(
    "supabase/supabase#30122: supabase-analytics (logflare 1.4.0) at 1.8 GB on a fresh CentOS host with the unmodified compose, ~300 MB on an M2 Mac",
    "https://github.com/supabase/supabase/issues/30122",
    "2024-10-26",
    Confidence::B,
);
const ZAMMAD_LIMITS: Source = src(
    "zammad/zammad-docker-compose scenarios/apply-resource-limits.yml: a 500M limit for each Zammad service, 1G for Elasticsearch",
    "https://github.com/zammad/zammad-docker-compose/blob/73d09fd56919bb93e1de68aafa5d2efcbc5c5768/scenarios/apply-resource-limits.yml",
    "2026-07-23",
    Confidence::A,
);
const ZAMMAD_SCHEDULER_MEMORY: Source = src(
    "zammad/zammad#1356: the scheduler at 184 MB RSS, 2.0 GB after a 23 MB attachment was uploaded (Zammad 1.x, source install)",
    "https://github.com/zammad/zammad/issues/1356",
    "2017-08-28",
    Confidence::B,
);

// ---------------------------------------------------------------------------
// Knob builders: the kinds' knob ids with this file's notes and sources.

const fn exp(mib: i64, note: &'static str, source: Source) -> KnobDef {
    KnobDef {
        note: crate::model::knob_note(note),
        ..expected(mib, source)
    }
}

const fn pk(mib: i64, note: &'static str, source: Source) -> KnobDef {
    KnobDef {
        note: crate::model::knob_note(note),
        ..peak(mib, source)
    }
}

/// The default limit follows the peak, so it carries the peak's source.
const fn lim(source: Source) -> KnobDef {
    KnobDef {
        note: crate::model::knob_note("0 = the peak + 15 %, in 32 MiB steps"),
        ..limit(0, source)
    }
}

#[rustfmt::skip]
const fn node_base(mib: i64, note: &'static str, source: Source) -> KnobDef {
    knob("base_mib", "Process outside the heap", "堆外进程", Mib, mib, GIB64, note, source)
}

#[rustfmt::skip]
const fn node_heap(mib: i64, note: &'static str, source: Source) -> KnobDef {
    knob("heap_used_mib", "Heap in use (typical)", "常用堆内存", Mib, mib, GIB64, note, source)
}

#[rustfmt::skip]
const fn go_live(mib: i64, note: &'static str, source: Source) -> KnobDef {
    knob("live_heap_mib", "Live heap", "存活堆", Mib, mib, GIB64, note, source)
}

#[rustfmt::skip]
const fn go_base(mib: i64, note: &'static str, source: Source) -> KnobDef {
    knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, mib, GIB64, note, source)
}

#[rustfmt::skip]
const fn app(mib: i64, note: &'static str, source: Source) -> KnobDef {
    knob("app_mib", "Memory per worker", "每个进程内存", Mib, mib, GIB64, note, source)
}

#[rustfmt::skip]
const fn master(mib: i64, note: &'static str, source: Source) -> KnobDef {
    knob("master_mib", "Supervisor process", "主进程内存", Mib, mib, GIB64, note, source)
}

#[rustfmt::skip]
const fn request(mib: i64, note: &'static str, source: Source) -> KnobDef {
    knob("request_mib", "Peak per busy worker", "每个进程峰值增量", Mib, mib, GIB64, note, source)
}

#[rustfmt::skip]
const fn cpu(millicores: i64, note: &'static str, source: Source) -> KnobDef {
    knob("cpu_millicores", "Expected CPU", "预计 CPU", Millicores, millicores, 256_000, note, source)
}

/// CPU of an application container of a small install between requests.
#[rustfmt::skip]
const CPU_SMALL_APP: KnobDef = cpu(20, "an app container of a small install between requests: Sentry's web and consumer containers measured 0.1–1.1 % of a core each; raise it for real load", SENTRY_STATS);

/// CPU of one web worker of a small install: mostly idle between requests.
#[rustfmt::skip]
const CPU_PER_IDLE_WORKER: KnobDef = knob("worker_cpu_millicores", "CPU per worker", "每个进程的 CPU", Millicores, 10, 64_000, "a web worker of a small install between requests: Sentry's web container measured 0.11 % of a core; raise it for real load", SENTRY_STATS);

/// Node sizes its old space from what it sees unless NODE_OPTIONS sets it.
const NODE_SELF_SIZING: Option<SelfSizing> = Some(SelfSizing {
    percent_of_memory: 25,
    rule: "old space ≈ ¼ of the memory it sees, at most ~4 GiB",
    source: NODE_HEAP,
});

const fn port(container: u16, what: &'static str) -> Port {
    Port::new(container, what)
}

const fn vol(name: &'static str, path: &'static str) -> Volume {
    Volume { name, path }
}

/// An environment line; its reasons compiled in only where `why!` keeps
/// them.
const fn env(
    name: &'static str,
    value: EnvValue,
    why_en: &'static str,
    why_zh: &'static str,
) -> EnvSpec {
    let kept = super::WHY_KEPT;
    EnvSpec {
        name,
        value,
        why_en: if kept { why_en } else { "" },
        why_zh: if kept { why_zh } else { "" },
    }
}

const fn secret(name: &'static str, why_en: &'static str, why_zh: &'static str) -> EnvSpec {
    env(name, EnvValue::Secret, why_en, why_zh)
}

/// A password that must equal the database's it depends on: the export
/// writes that database's generated password.
const fn dep_secret(name: &'static str, why_en: &'static str, why_zh: &'static str) -> EnvSpec {
    env(name, EnvValue::DependencySecret, why_en, why_zh)
}

const fn lit(
    name: &'static str,
    value: &'static str,
    why_en: &'static str,
    why_zh: &'static str,
) -> EnvSpec {
    env(name, EnvValue::Literal(value), why_en, why_zh)
}

// ---------------------------------------------------------------------------
// authentik: one image, a server (Go router + gunicorn) and a worker.

// ---------------------------------------------------------------------------
// Coolify: Laravel control plane (all-in-one image) and its Soketi server.

#[rustfmt::skip]
pub const COOLIFY: ServiceDef = ServiceDef {
    id: "coolify",
    category: Category::Platform,
    name_en: "Coolify control plane",
    name_zh: "Coolify 自托管部署平台",
    images: &["coollabsio/coolify"],
    kind: KindId::Fixed,
    knobs: &[
        exp(512, "planner assumption: Laravel under PHP-FPM (1–10 children), nginx and Horizon queue workers in one image; no published measurement", PLANNER),
        pk(1024, "planner assumption: children at the compose's 256 MiB PHP_MEMORY_LIMIT while deployments run", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "coollabsio/coolify",
        tag: "4.0.0-beta.468",
        ports: &[port(8080, "web UI and API (published as 8000)")],
        volumes: &[vol("coolify-data", "/var/www/html/storage/app")],
        env: &[
            secret("APP_KEY", "Laravel's encryption key; the installer generates it", "Laravel 加密密钥，安装脚本会生成"),
            dep_secret("DB_PASSWORD", "must equal the database's POSTGRES_PASSWORD", "必须与数据库的 POSTGRES_PASSWORD 一致"),
            secret("REDIS_PASSWORD", "the vendor compose starts Redis with --requirepass", "官方 compose 用 --requirepass 启动 Redis"),
        ],
        healthcheck: &["CMD", "curl", "--fail", "http://127.0.0.1:8080/api/health"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const COOLIFY_REALTIME: ServiceDef = ServiceDef {
    id: "coolify-realtime",
    category: Category::Web,
    name_en: "Coolify realtime (Soketi)",
    name_zh: "Coolify 实时推送（Soketi）",
    images: &["coollabsio/coolify-realtime"],
    kind: KindId::Node,
    knobs: &[
        node_base(50, "planner assumption: Soketi (Node, uWebSockets.js) plus a terminal server; a NestJS microservice measured 33 MiB; this image is not measured", PLANNER),
        node_heap(50, "planner assumption: a few websocket channels", PLANNER),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "coollabsio/coolify-realtime",
        tag: "1.0.17",
        ports: &[port(6001, "websockets"), port(6002, "terminal")],
        healthcheck: &["CMD-SHELL", "wget -qO- http://127.0.0.1:6001/ready || exit 1"],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Dify: one API image (api, Celery worker, beat), a Next.js web, a code sandbox
// and a plugin daemon.

#[rustfmt::skip]
pub const DIFY_API: ServiceDef = ServiceDef {
    id: "dify-api",
    category: Category::Ai,
    name_en: "Dify API",
    name_zh: "Dify API 服务",
    images: &["langgenius/dify-api"],
    kind: KindId::PythonWeb,
    knobs: &[
        workers(1, DIFY_ENV),
        app(600, "planner assumption: a gevent worker with Dify's model-provider SDKs imported; no idle measurement", PLANNER),
        MASTER_MIB,
        request(2064, "2.6 GiB (2664 MiB) measured while files were uploaded for RAG = 600 + 2064", DIFY_RAG),
        CPU_PER_IDLE_WORKER,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "langgenius/dify-api",
        tag: "1.13.3",
        ports: &[port(5001, "API")],
        volumes: &[vol("dify-storage", "/app/api/storage")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const DIFY_WORKER: ServiceDef = ServiceDef {
    id: "dify-worker",
    category: Category::Worker,
    name_en: "Dify worker (Celery)",
    name_zh: "Dify Celery 任务进程",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(600, "planner assumption: a Celery worker with the Dify app imported; no idle measurement", PLANNER),
        pk(6144, "api and worker grew to about 6 GB until restarted; 26 GiB was seen during heavy RAG indexing on a 61 GiB host (#19614)", DIFY_GROWTH),
        lim(DIFY_GROWTH),
        cpu(250, "planner assumption: indexing documents keeps a core partly busy", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "langgenius/dify-api",
        tag: "1.13.3",
        volumes: &[vol("dify-storage", "/app/api/storage")],
        env: &[lit("MODE", "worker", "the dify-api image starts the API unless MODE selects another role", "dify-api 镜像默认启动 API，由 MODE 选择其他角色")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const DIFY_BEAT: ServiceDef = ServiceDef {
    id: "dify-beat",
    category: Category::Worker,
    name_en: "Dify beat (Celery)",
    name_zh: "Dify 定时调度（Celery beat）",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(150, "planner assumption: one Python process with the Dify app imported", PLANNER),
        pk(200, "planner assumption", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "langgenius/dify-api",
        tag: "1.13.3",
        env: &[lit("MODE", "beat", "the dify-api image starts the API unless MODE selects another role", "dify-api 镜像默认启动 API，由 MODE 选择其他角色")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const DIFY_WEB: ServiceDef = ServiceDef {
    id: "dify-web",
    category: Category::Web,
    name_en: "Dify web (Next.js)",
    name_zh: "Dify 前端（Next.js）",
    images: &["langgenius/dify-web"],
    kind: KindId::Node,
    knobs: &[
        node_base(100, "planner assumption: Next.js servers measured 117–212 MiB idle (homarr PR #5637); this image is not measured", PLANNER),
        node_heap(100, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "langgenius/dify-web",
        tag: "1.13.3",
        ports: &[port(3000, "web UI")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const DIFY_SANDBOX: ServiceDef = ServiceDef {
    id: "dify-sandbox",
    category: Category::Ai,
    name_en: "Dify sandbox",
    name_zh: "Dify 代码沙箱",
    images: &["langgenius/dify-sandbox"],
    kind: KindId::Fixed,
    knobs: &[
        exp(100, "planner assumption: a Go server plus the Python and Node processes it runs code in; no idle measurement", PLANNER),
        pk(3891, "grew linearly to ≈ 3.8 Gi over ~60 days of light use (a leak, 1.3.1)", DIFY_SANDBOX_LEAK),
        lim(DIFY_SANDBOX_LEAK),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "langgenius/dify-sandbox",
        tag: "0.2.14",
        ports: &[port(8194, "sandbox API")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const DIFY_PLUGIN_DAEMON: ServiceDef = ServiceDef {
    id: "dify-plugin-daemon",
    category: Category::Ai,
    name_en: "Dify plugin daemon",
    name_zh: "Dify 插件守护进程",
    images: &["langgenius/dify-plugin-daemon"],
    kind: KindId::Fixed,
    knobs: &[
        exp(300, "planner assumption: a Go daemon plus one Python runtime per installed plugin (local runtime); no published measurement", PLANNER),
        pk(1024, "planner assumption: several plugins installed and running", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "langgenius/dify-plugin-daemon",
        tag: "0.5.3-local",
        ports: &[port(5002, "plugin daemon API")],
        volumes: &[vol("dify-plugin-storage", "/app/storage")],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Ghost: the Node CMS and its optional analytics and ActivityPub services.

#[rustfmt::skip]
pub const GHOST: ServiceDef = ServiceDef {
    id: "ghost",
    category: Category::Platform,
    name_en: "Ghost",
    name_zh: "Ghost 博客系统",
    images: &["ghost"],
    kind: KindId::Node,
    knobs: &[
        node_base(150, "planner assumption: the share of the measured process outside the heap", PLANNER),
        node_heap(1079, "~1.2 GB (1229 MiB) measured for a Ghost 4 process, less the 150 MiB assumed outside the heap", GHOST_MEMORY),
        MAX_OLD_SPACE,
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: false,
    deploy: Deploy {
        image: "ghost",
        tag: "6-alpine",
        ports: &[port(2368, "HTTP")],
        volumes: &[vol("ghost-content", "/var/lib/ghost/content")],
        env: &[
            lit("database__client", "mysql", "in production Ghost needs MySQL", "生产模式下 Ghost 需要 MySQL"),
            lit("database__connection__host", "db", "the MySQL service name in the vendor compose; change it to yours", "官方 compose 中 MySQL 的服务名，按你的服务名修改"),
            lit("database__connection__user", "ghost", "the vendor compose's database user", "官方 compose 的数据库用户"),
            dep_secret("database__connection__password", "must equal the database's MYSQL_PASSWORD", "必须与数据库的 MYSQL_PASSWORD 一致"),
            lit("database__connection__database", "ghost", "the vendor compose's database", "官方 compose 的数据库名"),
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const GHOST_TRAFFIC_ANALYTICS: ServiceDef = ServiceDef {
    id: "ghost-traffic-analytics",
    category: Category::Web,
    name_en: "Ghost traffic analytics",
    name_zh: "Ghost 流量统计代理",
    images: &["ghost/traffic-analytics"],
    kind: KindId::Node,
    knobs: &[
        node_base(50, "planner assumption: a small Node proxy to Tinybird; not measured", PLANNER),
        node_heap(30, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "ghost/traffic-analytics",
        tag: "1.0.358",
        ports: &[port(3000, "HTTP")],
        volumes: &[vol("traffic-analytics-data", "/data")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const GHOST_ACTIVITYPUB: ServiceDef = ServiceDef {
    id: "ghost-activitypub",
    category: Category::Web,
    name_en: "Ghost ActivityPub",
    name_zh: "Ghost ActivityPub 联邦服务",
    images: &["tryghost/activitypub"],
    kind: KindId::Node,
    knobs: &[
        node_base(80, "planner assumption: a Node service; not measured", PLANNER),
        node_heap(120, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "ghcr.io/tryghost/activitypub",
        tag: "1.2.8",
        ports: &[port(8080, "HTTP")],
        env: &[
            lit("MYSQL_HOST", "db", "the MySQL service name in the vendor compose; change it to yours", "官方 compose 中 MySQL 的服务名，按你的服务名修改"),
            dep_secret("MYSQL_PASSWORD", "must equal the database user's password", "必须与数据库用户的密码一致"),
        ],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Immich: the Node server and the Python machine-learning service.

#[rustfmt::skip]
pub const IMMICH_SERVER: ServiceDef = ServiceDef {
    id: "immich-server",
    category: Category::Platform,
    name_en: "Immich server",
    name_zh: "Immich 相册服务端",
    images: &["immich-app/immich-server"],
    kind: KindId::Node,
    knobs: &[
        node_base(100, "planner assumption: the share of the 450 MiB measured idle outside the heap", PLANNER),
        node_heap(350, "450 MiB measured after 12+ hours idle with a nearly empty library, less the 100 MiB assumed outside the heap", IMMICH_SERVER_IDLE),
        MAX_OLD_SPACE,
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/immich-app/immich-server",
        tag: "release",
        ports: &[port(2283, "web UI and API")],
        volumes: &[vol("immich-upload", "/data")],
        env: &[dep_secret("DB_PASSWORD", "must equal the database's POSTGRES_PASSWORD", "必须与数据库的 POSTGRES_PASSWORD 一致")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const IMMICH_ML: ServiceDef = ServiceDef {
    id: "immich-machine-learning",
    category: Category::Ai,
    name_en: "Immich machine learning",
    name_zh: "Immich 机器学习服务",
    images: &["immich-app/immich-machine-learning"],
    kind: KindId::PythonWeb,
    knobs: &[
        workers(1, IMMICH_ML_ENV),
        app(1280, "1.25 GB with its models loaded; under 300 MB after startup until a model is requested, and models unload after 5 idle minutes", IMMICH_ML_LOADED),
        MASTER_MIB,
        request(2816, "loading CLIP, face and OCR models together went past a 2 GiB limit and held at 4 GiB: 1280 + 2816 = 4096", IMMICH_ML_OOM),
        CPU_PER_WORKER,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/immich-app/immich-machine-learning",
        tag: "release",
        ports: &[port(3003, "inference API")],
        volumes: &[vol("model-cache", "/cache")],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Jitsi Meet: nginx web, Prosody (Lua) and two JVMs with 3 GiB heaps by default.

#[rustfmt::skip]
pub const JITSI_WEB: ServiceDef = ServiceDef {
    id: "jitsi-web",
    category: Category::Web,
    name_en: "Jitsi Meet web",
    name_zh: "Jitsi Meet 网页前端",
    images: &["jitsi/web"],
    kind: KindId::Fixed,
    knobs: &[
        exp(32, "planner assumption: nginx serving the Jitsi Meet app (plain nginx measured 10.3 MiB RSS)", PLANNER),
        pk(64, "planner assumption", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "jitsi/web",
        tag: "stable",
        ports: &[port(8000, "HTTP"), port(8443, "HTTPS")],
        volumes: &[vol("jitsi-web-config", "/config")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const JITSI_PROSODY: ServiceDef = ServiceDef {
    id: "jitsi-prosody",
    category: Category::Platform,
    name_en: "Jitsi Prosody (XMPP)",
    name_zh: "Jitsi Prosody XMPP 服务",
    images: &["jitsi/prosody"],
    kind: KindId::Fixed,
    knobs: &[
        exp(64, "planner assumption: a Lua XMPP server for a few meetings; not measured", PLANNER),
        pk(256, "planner assumption: many participants joining at once", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "jitsi/prosody",
        tag: "stable",
        ports: &[port(5222, "XMPP clients"), port(5280, "BOSH and websockets")],
        volumes: &[vol("jitsi-prosody-config", "/config")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const JITSI_JICOFO: ServiceDef = ServiceDef {
    id: "jitsi-jicofo",
    category: Category::Platform,
    name_en: "Jitsi Jicofo (conference focus)",
    name_zh: "Jitsi Jicofo 会议调度",
    images: &["jitsi/jicofo"],
    kind: KindId::Jvm,
    knobs: &[
        heap(3072, "JICOFO_MAX_MEMORY, 3072m by default; the heap grows to it over time. Set it through that variable: the start script's -Xmx overrides JAVA_TOOL_OPTIONS", JITSI_HEAPS),
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        THREADS,
        HEAP_IN_USE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "jitsi/jicofo",
        tag: "stable",
        ports: &[port(8888, "REST (health, stats)")],
        volumes: &[vol("jitsi-jicofo-config", "/config")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const JITSI_JVB: ServiceDef = ServiceDef {
    id: "jitsi-jvb",
    category: Category::Platform,
    name_en: "Jitsi Videobridge",
    name_zh: "Jitsi Videobridge 视频桥",
    images: &["jitsi/jvb"],
    kind: KindId::Jvm,
    knobs: &[
        heap(3072, "VIDEOBRIDGE_MAX_MEMORY, 3072m by default; the heap grows to it over time (one Helm user saw 8 GB in total with it set). Set it through that variable: the start script's -Xmx overrides JAVA_TOOL_OPTIONS", JVB_HEAP),
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        THREADS,
        HEAP_IN_USE,
        cpu(250, "planner assumption: forwarding media while a meeting runs", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "jitsi/jvb",
        tag: "stable",
        ports: &[port(10000, "media (UDP)"), port(8080, "Colibri REST")],
        volumes: &[vol("jitsi-jvb-config", "/config")],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Langfuse: Next.js web and a Node queue worker.

const LANGFUSE_ENV: &[EnvSpec] = &[
    lit(
        "DATABASE_URL",
        "postgresql://postgres:postgres@postgres:5432/postgres",
        "the vendor compose's default; put your database's password in it",
        "官方 compose 的默认值，请换成你的数据库密码",
    ),
    secret("SALT", "hashes API keys", "用于 API 密钥加盐"),
    secret(
        "ENCRYPTION_KEY",
        "64 hex characters (openssl rand -hex 32)",
        "64 位十六进制（openssl rand -hex 32）",
    ),
    lit(
        "CLICKHOUSE_URL",
        "http://clickhouse:8123",
        "the ClickHouse service in the vendor compose",
        "官方 compose 中的 ClickHouse 服务",
    ),
    lit(
        "CLICKHOUSE_MIGRATION_URL",
        "clickhouse://clickhouse:9000",
        "the ClickHouse service in the vendor compose",
        "官方 compose 中的 ClickHouse 服务",
    ),
    lit(
        "CLICKHOUSE_USER",
        "clickhouse",
        "the vendor compose's ClickHouse user",
        "官方 compose 的 ClickHouse 用户",
    ),
    secret(
        "CLICKHOUSE_PASSWORD",
        "must equal ClickHouse's password",
        "必须与 ClickHouse 的密码一致",
    ),
];

#[rustfmt::skip]
pub const LANGFUSE_WEB: ServiceDef = ServiceDef {
    id: "langfuse-web",
    category: Category::Ai,
    name_en: "Langfuse web",
    name_zh: "Langfuse Web 与 API",
    images: &["langfuse/langfuse"],
    kind: KindId::Node,
    knobs: &[
        node_base(150, "planner assumption: a Next.js UI and API; not measured (the vendor asks 4 GiB per container for production)", PLANNER),
        node_heap(250, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "docker.langfuse.com/langfuse/langfuse",
        tag: "4",
        ports: &[port(3000, "web UI and API")],
        env: LANGFUSE_ENV,
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const LANGFUSE_WORKER: ServiceDef = ServiceDef {
    id: "langfuse-worker",
    category: Category::Worker,
    name_en: "Langfuse worker",
    name_zh: "Langfuse 后台任务进程",
    images: &["langfuse/langfuse-worker"],
    kind: KindId::Node,
    knobs: &[
        node_base(100, "planner assumption: a Node queue worker writing to ClickHouse; a high-volume install (441k traces a day) measured 6.8 GiB (#9368)", PLANNER),
        node_heap(200, "planner assumption for a small install", PLANNER),
        MAX_OLD_SPACE,
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "docker.langfuse.com/langfuse/langfuse-worker",
        tag: "4",
        ports: &[port(3030, "health and metrics")],
        env: LANGFUSE_ENV,
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// mailcow: its own images (MariaDB, Redis and memcached are general-purpose).
// They run from the vendor's compose and mailcow.conf; the deploy data here is
// the image, tag, ports and volumes only.

/// A mailcow daemon with no published measurement: a labelled planner budget.
#[rustfmt::skip]
const fn mailcow_daemon(
    id: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
    image: &'static str,
    knobs: &'static [KnobDef],
    deploy: Deploy,
) -> ServiceDef {
    ServiceDef {
        id,
        category: Category::Platform,
        name_en,
        name_zh,
        images: &[],
        kind: KindId::Fixed,
        knobs,
        presets: &[],
        self_sizing: None,
        assumed: true,
        deploy: Deploy { image, ..deploy },
    }
}

#[rustfmt::skip]
pub const MAILCOW_CLAMD: ServiceDef = ServiceDef {
    id: "mailcow-clamd",
    category: Category::Platform,
    name_en: "mailcow ClamAV",
    name_zh: "mailcow ClamAV 杀毒",
    images: &["mailcow/clamd"],
    kind: KindId::Fixed,
    knobs: &[
        exp(1229, "upwards of 1.2 GiB to hold the signatures", CLAMAV_DOCS),
        pk(1536, "planner assumption: the engine plus scanning; mailcow turned concurrent reloads off (#3761), which avoids the documented 2.4 GiB reload peak", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/mailcow/clamd",
        tag: "1.71",
        volumes: &[vol("clamd-db-vol-1", "/var/lib/clamav")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const MAILCOW_RSPAMD: ServiceDef = ServiceDef {
    id: "mailcow-rspamd",
    category: Category::Platform,
    name_en: "mailcow Rspamd",
    name_zh: "mailcow Rspamd 反垃圾邮件",
    images: &["mailcow/rspamd"],
    kind: KindId::Fixed,
    knobs: &[
        exp(250, "resting over a working week", RSPAMD_MEMORY),
        pk(650, "the highest spike seen", RSPAMD_MEMORY),
        lim(RSPAMD_MEMORY),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/mailcow/rspamd",
        tag: "4.1.4-1",
        volumes: &[vol("rspamd-vol-1", "/var/lib/rspamd")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const MAILCOW_SOGO: ServiceDef = ServiceDef {
    id: "mailcow-sogo",
    category: Category::Platform,
    name_en: "mailcow SOGo",
    name_zh: "mailcow SOGo 群件与网页邮箱",
    images: &["mailcow/sogo"],
    kind: KindId::Fixed,
    knobs: &[
        exp(500, "planner assumption: 20 prefork workers at rest; not measured", PLANNER),
        pk(7000, "20 workers × ~350 MiB each, the most one acquires before it is purged", MAILCOW_DOCS),
        lim(MAILCOW_DOCS),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/mailcow/sogo",
        tag: "5.12.9-1",
        volumes: &[vol("sogo-web-vol-1", "/sogo_web"), vol("sogo-userdata-backup-vol-1", "/sogo_backup")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const MAILCOW_DOVECOT: ServiceDef = ServiceDef {
    images: &["mailcow/dovecot"],
    ..mailcow_daemon(
        "mailcow-dovecot", "mailcow Dovecot (IMAP/POP3)", "mailcow Dovecot 收信服务", "ghcr.io/mailcow/dovecot",
        &[
            exp(100, "planner assumption: IMAP and POP3 processes for a few mailboxes", PLANNER),
            pk(512, "planner assumption: many connections plus Flatcurve full-text indexing (FTS_HEAP 128 MiB per indexer)", PLANNER),
            lim(PLANNER),
            CPU_LIGHT,
        ],
        Deploy {
            tag: "2.3.21.1-2",
            ports: &[port(143, "IMAP"), port(993, "IMAPS"), port(110, "POP3"), port(995, "POP3S"), port(4190, "ManageSieve")],
            volumes: &[vol("vmail-vol-1", "/var/vmail"), vol("vmail-index-vol-1", "/var/vmail_index")],
            ..Deploy::NONE
        },
    )
};

#[rustfmt::skip]
pub const MAILCOW_POSTFIX: ServiceDef = ServiceDef {
    images: &["mailcow/postfix"],
    ..mailcow_daemon(
        "mailcow-postfix", "mailcow Postfix (SMTP)", "mailcow Postfix 发信服务", "ghcr.io/mailcow/postfix",
        &[
            exp(50, "planner assumption: an MTA for a few mailboxes", PLANNER),
            pk(150, "planner assumption: a queue burst", PLANNER),
            lim(PLANNER),
            CPU_LIGHT,
        ],
        Deploy {
            tag: "3.10.12-1",
            ports: &[port(25, "SMTP"), port(465, "SMTPS"), port(587, "submission")],
            volumes: &[vol("postfix-vol-1", "/var/spool/postfix")],
            ..Deploy::NONE
        },
    )
};

#[rustfmt::skip]
pub const MAILCOW_POSTFIX_TLSPOL: ServiceDef = ServiceDef {
    id: "mailcow-postfix-tlspol",
    category: Category::Platform,
    name_en: "mailcow Postfix TLS policy",
    name_zh: "mailcow Postfix TLS 策略服务",
    images: &["mailcow/postfix-tlspol"],
    kind: KindId::Go,
    knobs: &[
        go_live(10, "planner assumption: a small Go daemon with a policy cache; not measured", PLANNER),
        go_base(10, "planner assumption: Go runtime", PLANNER),
        GC_KNOBS[0],
        GC_KNOBS[1],
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "ghcr.io/mailcow/postfix-tlspol",
        tag: "1.8.23",
        volumes: &[vol("postfix-tlspol-vol-1", "/var/lib/postfix-tlspol")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const MAILCOW_PHPFPM: ServiceDef = ServiceDef {
    id: "mailcow-phpfpm",
    category: Category::Web,
    name_en: "mailcow PHP-FPM (admin UI)",
    name_zh: "mailcow PHP-FPM 管理界面",
    images: &["mailcow/phpfpm"],
    kind: KindId::PhpFpm,
    knobs: &[
        knob("max_children", "pm.max_children", "pm.max_children（最大子进程数）", Count, 5, 1024, "the php:fpm image's www.conf default; mailcow's own pool file may set another value", PHP_FPM_POOL),
        knob("master_mib", "FPM master", "FPM 主进程", Mib, 7, GIB64, "php-fpm master measured 6.8 MB RSS", PHP_FPM_CHILD),
        knob("child_mib", "Memory per child", "每个子进程内存", Mib, 40, GIB64, "planner assumption: the admin UI and API (a trivial child measured 11.5 MB RSS)", PLANNER),
        knob("request_mib", "Peak per busy child", "每个子进程峰值增量", Mib, 60, GIB64, "planner assumption: a large admin request", PLANNER),
        knob("memory_limit_mib", "PHP memory_limit", "PHP memory_limit", Mib, 128, GIB64, "PHP's default; a child cannot grow past it", PHP_MEMORY_LIMIT),
        CPU_PER_IDLE_WORKER,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "ghcr.io/mailcow/phpfpm",
        tag: "8.2.29-3",
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const MAILCOW_NGINX: ServiceDef = ServiceDef {
    images: &["mailcow/nginx"],
    ..mailcow_daemon(
        "mailcow-nginx", "mailcow nginx", "mailcow Nginx 网页入口", "ghcr.io/mailcow/nginx",
        &[exp(20, "planner assumption: nginx in front of SOGo and the admin UI (plain nginx measured 10.3 MiB RSS)", PLANNER), pk(64, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
        Deploy { tag: "1.30.4-1", ports: &[port(80, "HTTP"), port(443, "HTTPS")], ..Deploy::NONE },
    )
};

#[rustfmt::skip]
pub const MAILCOW_UNBOUND: ServiceDef = ServiceDef {
    images: &["mailcow/unbound"],
    ..mailcow_daemon(
        "mailcow-unbound", "mailcow Unbound (DNS)", "mailcow Unbound DNS 解析", "ghcr.io/mailcow/unbound",
        &[exp(30, "planner assumption: a caching resolver; not measured", PLANNER), pk(64, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
        Deploy { tag: "1.25.1-1", ..Deploy::NONE },
    )
};

#[rustfmt::skip]
pub const MAILCOW_ACME: ServiceDef = ServiceDef {
    images: &["mailcow/acme"],
    ..mailcow_daemon(
        "mailcow-acme", "mailcow ACME", "mailcow ACME 证书申请", "ghcr.io/mailcow/acme",
        &[exp(10, "planner assumption: a shell loop that sleeps between renewals", PLANNER), pk(64, "planner assumption: while it renews", PLANNER), lim(PLANNER), CPU_LIGHT],
        Deploy { tag: "1.98", ..Deploy::NONE },
    )
};

#[rustfmt::skip]
pub const MAILCOW_NETFILTER: ServiceDef = ServiceDef {
    images: &["mailcow/netfilter"],
    ..mailcow_daemon(
        "mailcow-netfilter", "mailcow netfilter", "mailcow 防暴力破解（netfilter）", "ghcr.io/mailcow/netfilter",
        &[exp(40, "planner assumption: one Python process; not measured", PLANNER), pk(80, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
        Deploy { tag: "1.64", ..Deploy::NONE },
    )
};

#[rustfmt::skip]
pub const MAILCOW_WATCHDOG: ServiceDef = ServiceDef {
    images: &["mailcow/watchdog"],
    ..mailcow_daemon(
        "mailcow-watchdog", "mailcow watchdog", "mailcow 健康监控（watchdog）", "ghcr.io/mailcow/watchdog",
        &[exp(30, "planner assumption: shell health checks; not measured", PLANNER), pk(100, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
        Deploy { tag: "2.11", ..Deploy::NONE },
    )
};

#[rustfmt::skip]
pub const MAILCOW_DOCKERAPI: ServiceDef = ServiceDef {
    images: &["mailcow/dockerapi"],
    ..mailcow_daemon(
        "mailcow-dockerapi", "mailcow Docker API", "mailcow Docker API 桥接", "ghcr.io/mailcow/dockerapi",
        &[exp(50, "planner assumption: one Python web process; not measured", PLANNER), pk(100, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
        Deploy { tag: "2.12", ..Deploy::NONE },
    )
};

#[rustfmt::skip]
pub const MAILCOW_OLEFY: ServiceDef = ServiceDef {
    images: &["mailcow/olefy"],
    ..mailcow_daemon(
        "mailcow-olefy", "mailcow olefy", "mailcow Office 宏扫描（olefy）", "ghcr.io/mailcow/olefy",
        &[exp(60, "planner assumption: one Python process running oletools; not measured", PLANNER), pk(200, "planner assumption: a large attachment", PLANNER), lim(PLANNER), CPU_LIGHT],
        Deploy { tag: "1.15", ..Deploy::NONE },
    )
};

// ---------------------------------------------------------------------------
// Mattermost: one Go server (plugins run as extra processes).

// ---------------------------------------------------------------------------
// OpenProject: one image (openproject/community) in four roles.

#[rustfmt::skip]
pub const OPENPROJECT_WEB: ServiceDef = ServiceDef {
    id: "openproject-web",
    category: Category::Platform,
    name_en: "OpenProject web (Puma)",
    name_zh: "OpenProject Web（Puma）",
    images: &["openproject/community", "openproject/openproject"],
    kind: KindId::Puma,
    knobs: &[
        knob("workers", "Puma workers (0 = single mode)", "Puma 工作进程（0 = 单进程模式）", Count, 2, 256, "planner assumption: OpenProject's default worker count was not read", PLANNER),
        knob("threads", "Threads per worker (RAILS_MAX_THREADS)", "每进程线程数（RAILS_MAX_THREADS）", Count, 16, 1024, "RAILS_MAX_THREADS=16 in the vendor compose; one database connection per thread", OPENPROJECT_COMPOSE),
        master(300, "planner assumption: the Puma master with the app loaded", PLANNER),
        app(400, "planner assumption: a large Rails app (GitLab's Puma workers measured ~800 MB each, MR !45116); OpenProject assumed at half", PLANNER),
        request(200, "planner assumption: a large request or export", PLANNER),
        CPU_PER_IDLE_WORKER,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "openproject/community",
        tag: "13",
        command: &["./docker/prod/web"],
        ports: &[port(8080, "HTTP")],
        volumes: &[vol("opdata", "/var/openproject/assets")],
        healthcheck: &["CMD", "curl", "-f", "http://localhost:8080/health_checks/default"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const OPENPROJECT_WORKER: ServiceDef = ServiceDef {
    id: "openproject-worker",
    category: Category::Worker,
    name_en: "OpenProject worker",
    name_zh: "OpenProject 后台任务进程",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(500, "planner assumption: one Ruby process with the app loaded running background jobs; not measured", PLANNER),
        pk(1024, "planner assumption: a large export or import job", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "openproject/community",
        tag: "13",
        command: &["./docker/prod/worker"],
        volumes: &[vol("opdata", "/var/openproject/assets")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const OPENPROJECT_CRON: ServiceDef = ServiceDef {
    id: "openproject-cron",
    category: Category::Worker,
    name_en: "OpenProject cron",
    name_zh: "OpenProject 定时任务",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(300, "planner assumption: periodic tasks (IMAP polling) that load the app; not measured", PLANNER),
        pk(600, "planner assumption", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "openproject/community",
        tag: "13",
        command: &["./docker/prod/cron"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const OPENPROJECT_PROXY: ServiceDef = ServiceDef {
    id: "openproject-proxy",
    category: Category::Proxy,
    name_en: "OpenProject proxy (Apache)",
    name_zh: "OpenProject 反向代理（Apache）",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(40, "planner assumption: Apache as a reverse proxy; not measured", PLANNER),
        pk(128, "planner assumption", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "openproject/community",
        tag: "13",
        command: &["./docker/prod/proxy"],
        ports: &[port(80, "HTTP")],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Penpot: nginx frontend, a Clojure backend on the JVM with no -Xmx, a
// Chromium-based exporter and an MCP server.

#[rustfmt::skip]
pub const PENPOT_FRONTEND: ServiceDef = ServiceDef {
    id: "penpot-frontend",
    category: Category::Web,
    name_en: "Penpot frontend",
    name_zh: "Penpot 前端",
    images: &["penpotapp/frontend"],
    kind: KindId::Fixed,
    knobs: &[
        exp(32, "planner assumption: nginx serving the app and proxying the backend (plain nginx measured 10.3 MiB RSS)", PLANNER),
        pk(96, "planner assumption: large uploads buffered", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "penpotapp/frontend",
        tag: "2.16",
        ports: &[port(8080, "HTTP (published as 9001)")],
        volumes: &[vol("penpot-assets", "/opt/data/assets")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PENPOT_BACKEND: ServiceDef = ServiceDef {
    id: "penpot-backend",
    category: Category::Platform,
    name_en: "Penpot backend (JVM)",
    name_zh: "Penpot 后端（JVM）",
    images: &["penpotapp/backend"],
    kind: KindId::Jvm,
    knobs: &[
        heap(0, "0 = auto: the image sets no -Xmx, so the JVM takes 25 % of what it sees (a 64 GB host saw the stack reach 24 GB)", PENPOT_RUN),
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        THREADS,
        HEAP_IN_USE,
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "max heap = 25 % of the memory the JVM sees (MaxRAMPercentage); the image sets no -Xmx",
        source: JVM_ERGONOMICS,
    }),
    assumed: false,
    deploy: Deploy {
        image: "penpotapp/backend",
        tag: "2.16",
        heap_env: Some("JVM_OPTS"),
        ports: &[port(6060, "HTTP API")],
        volumes: &[vol("penpot-assets", "/opt/data/assets")],
        env: &[
            secret("PENPOT_SECRET_KEY", "signs sessions and tokens", "用于签名会话和令牌"),
            lit("PENPOT_DATABASE_URI", "postgresql://penpot-postgres/penpot", "the database service in the vendor compose; change it to yours", "官方 compose 中的数据库服务，按你的服务名修改"),
            lit("PENPOT_DATABASE_USERNAME", "penpot", "the vendor compose's database user", "官方 compose 的数据库用户"),
            dep_secret("PENPOT_DATABASE_PASSWORD", "must equal the database's POSTGRES_PASSWORD", "必须与数据库的 POSTGRES_PASSWORD 一致"),
            lit("PENPOT_REDIS_URI", "redis://penpot-valkey/0", "the Valkey service in the vendor compose", "官方 compose 中的 Valkey 服务"),
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PENPOT_EXPORTER: ServiceDef = ServiceDef {
    id: "penpot-exporter",
    category: Category::Browser,
    name_en: "Penpot exporter",
    name_zh: "Penpot 导出服务",
    images: &["penpotapp/exporter"],
    kind: KindId::Fixed,
    knobs: &[
        exp(350, "planner assumption: a Node process with one headless Chromium (Playwright's Chromium measured 243 MiB PSS with no page)", PLANNER),
        pk(650, "planner assumption: the browser rendering a large file (first page +140 MiB and more)", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "penpotapp/exporter",
        tag: "2.16",
        ports: &[port(6061, "HTTP")],
        env: &[
            secret("PENPOT_SECRET_KEY", "must equal the backend's PENPOT_SECRET_KEY", "必须与后端的 PENPOT_SECRET_KEY 一致"),
            lit("PENPOT_REDIS_URI", "redis://penpot-valkey/0", "the Valkey service in the vendor compose", "官方 compose 中的 Valkey 服务"),
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PENPOT_MCP: ServiceDef = ServiceDef {
    id: "penpot-mcp",
    category: Category::Ai,
    name_en: "Penpot MCP server",
    name_zh: "Penpot MCP 服务",
    images: &["penpotapp/mcp"],
    kind: KindId::Node,
    knobs: &[
        node_base(50, "planner assumption: a small Node server; not measured", PLANNER),
        node_heap(50, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "penpotapp/mcp",
        tag: "2.16",
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Plane: four Node frontends, one Django backend image (api, Celery worker,
// beat) and a Caddy-based proxy.

#[rustfmt::skip]
const PLANE_FRONTEND_KNOBS: &[KnobDef] = &[
    node_base(100, "planner assumption: a Node server for a web frontend (Next.js servers measured 117–212 MiB idle, homarr PR #5637); not measured", PLANNER),
    node_heap(80, "planner assumption", PLANNER),
    MAX_OLD_SPACE,
    CPU_LIGHT,
];

const PLANE_FRONTEND_PORTS: &[Port] = &[port(3000, "HTTP")];

/// A Plane Node frontend with no published measurement.
const fn plane_frontend(
    id: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
    images: &'static [&'static str],
    image: &'static str,
) -> ServiceDef {
    ServiceDef {
        id,
        category: Category::Web,
        name_en,
        name_zh,
        images,
        kind: KindId::Node,
        knobs: PLANE_FRONTEND_KNOBS,
        presets: &[],
        self_sizing: NODE_SELF_SIZING,
        assumed: true,
        deploy: Deploy {
            image,
            tag: "stable",
            ports: PLANE_FRONTEND_PORTS,
            ..Deploy::NONE
        },
    }
}

pub const PLANE_WEB: ServiceDef = plane_frontend(
    "plane-web",
    "Plane web",
    "Plane 网页前端",
    &["makeplane/plane-frontend"],
    "makeplane/plane-frontend",
);
pub const PLANE_SPACE: ServiceDef = plane_frontend(
    "plane-space",
    "Plane space (public pages)",
    "Plane 公开空间前端",
    &["makeplane/plane-space"],
    "makeplane/plane-space",
);
pub const PLANE_ADMIN: ServiceDef = plane_frontend(
    "plane-admin",
    "Plane admin",
    "Plane 实例管理前端",
    &["makeplane/plane-admin"],
    "makeplane/plane-admin",
);

#[rustfmt::skip]
pub const PLANE_LIVE: ServiceDef = ServiceDef {
    id: "plane-live",
    category: Category::Web,
    name_en: "Plane live (collaboration)",
    name_zh: "Plane 实时协作服务",
    images: &["makeplane/plane-live"],
    kind: KindId::Node,
    knobs: &[
        node_base(60, "planner assumption: a Hocuspocus (Y.js) Node server; not measured", PLANNER),
        node_heap(80, "planner assumption: a few documents open", PLANNER),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "makeplane/plane-live",
        tag: "stable",
        ports: &[port(3000, "HTTP and websockets")],
        ..Deploy::NONE
    },
};

const PLANE_BACKEND_ENV: &[EnvSpec] = &[
    secret("SECRET_KEY", "Django's secret key", "Django 的密钥"),
    lit(
        "DATABASE_URL",
        "postgresql://plane:plane@plane-db/plane",
        "the vendor compose's default; put your database's password in it",
        "官方 compose 的默认值，请换成你的数据库密码",
    ),
    lit(
        "REDIS_URL",
        "redis://plane-redis:6379/",
        "the Valkey service in the vendor compose",
        "官方 compose 中的 Valkey 服务",
    ),
    lit(
        "AMQP_URL",
        "amqp://plane:plane@plane-mq:5672/plane",
        "the RabbitMQ service in the vendor compose; put its password in it",
        "官方 compose 中的 RabbitMQ 服务，请换成它的密码",
    ),
];

#[rustfmt::skip]
pub const PLANE_API: ServiceDef = ServiceDef {
    id: "plane-api",
    category: Category::Platform,
    name_en: "Plane API (Django)",
    name_zh: "Plane API（Django）",
    images: &["makeplane/plane-backend"],
    kind: KindId::PythonWeb,
    knobs: &[
        workers(1, PLANE_COMPOSE),
        app(500, "400–600 MB right after start with one gunicorn worker", PLANE_API_MEMORY),
        MASTER_MIB,
        request(200, "planner assumption: a large request", PLANNER),
        CPU_PER_IDLE_WORKER,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "makeplane/plane-backend",
        tag: "stable",
        command: &["./bin/docker-entrypoint-api.sh"],
        ports: &[port(8000, "API")],
        env: PLANE_BACKEND_ENV,
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PLANE_WORKER: ServiceDef = ServiceDef {
    id: "plane-worker",
    category: Category::Worker,
    name_en: "Plane worker (Celery)",
    name_zh: "Plane Celery 任务进程",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(600, "planner assumption: a Celery worker whose children each import Django; Celery starts one child per host CPU", PLANNER),
        pk(1229, "~1.2 Gi once a 1 Gi limit that OOM-killed it was raised (Helm, K3s)", PLANE_WORKER_MEMORY),
        lim(PLANE_WORKER_MEMORY),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "makeplane/plane-backend",
        tag: "stable",
        command: &["./bin/docker-entrypoint-worker.sh"],
        env: PLANE_BACKEND_ENV,
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PLANE_BEAT: ServiceDef = ServiceDef {
    id: "plane-beat",
    category: Category::Worker,
    name_en: "Plane beat (Celery)",
    name_zh: "Plane 定时调度（Celery beat）",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(200, "planner assumption: one Python process with Django imported", PLANNER),
        pk(300, "planner assumption", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "makeplane/plane-backend",
        tag: "stable",
        command: &["./bin/docker-entrypoint-beat.sh"],
        env: PLANE_BACKEND_ENV,
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PLANE_PROXY: ServiceDef = ServiceDef {
    id: "plane-proxy",
    category: Category::Proxy,
    name_en: "Plane proxy (Caddy)",
    name_zh: "Plane 反向代理（Caddy）",
    images: &["makeplane/plane-proxy"],
    kind: KindId::Fixed,
    knobs: &[
        exp(40, "planner assumption: Caddy in front of the frontends and the API; not measured", PLANNER),
        pk(128, "planner assumption: uploads and TLS handshakes", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "makeplane/plane-proxy",
        tag: "stable",
        ports: &[port(80, "HTTP"), port(443, "HTTPS")],
        volumes: &[vol("proxy_config", "/config"), vol("proxy_data", "/data")],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Plausible Community Edition: one Elixir release.

#[rustfmt::skip]
pub const PLAUSIBLE: ServiceDef = ServiceDef {
    id: "plausible",
    category: Category::Monitoring,
    name_en: "Plausible Analytics",
    name_zh: "Plausible 网站统计",
    images: &["plausible/community-edition", "plausible/analytics"],
    kind: KindId::Beam,
    knobs: &[
        exp(60, "60 MB after loading the dashboard (30 MB idle); the maintainer puts the VM and code at up to 80 MB", PLAUSIBLE_MEMORY),
        pk(256, "planner assumption: caches and busy dashboards; a city-level GeoLite2 database needs ~1 GB more (README)", PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/plausible/community-edition",
        tag: "v2.1.3",
        command: &["sh", "-c", "/entrypoint.sh db createdb && /entrypoint.sh db migrate && /entrypoint.sh run"],
        ports: &[port(8000, "HTTP")],
        volumes: &[vol("plausible-data", "/var/lib/plausible")],
        // A BEAM node: the port table follows the open-file limit (see kinds::beam::NOFILE).
        nofile: Some(crate::kinds::beam::NOFILE),
        env: &[
            lit("BASE_URL", "http://localhost:8000", "required: the address users open; change it to yours", "必填：用户访问的地址，改成你的域名"),
            secret("SECRET_KEY_BASE", "required: at least 64 bytes (openssl rand -base64 48)", "必填：至少 64 字节（openssl rand -base64 48）"),
        ],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// PostHog (hobby): the Django image (web, Celery worker, Temporal worker),
// the Node plugin server and a set of Rust and Go services.

#[rustfmt::skip]
pub const POSTHOG_WEB: ServiceDef = ServiceDef {
    id: "posthog-web",
    category: Category::Monitoring,
    name_en: "PostHog web (Django)",
    name_zh: "PostHog Web 与 API（Django）",
    images: &["posthog/posthog"],
    kind: KindId::Fixed,
    knobs: &[
        exp(800, "800 MB idle for the app container in 2021, when web, worker and plugin server shared it; today they are separate containers", POSTHOG_MEMORY),
        pk(1536, "planner assumption: heavy queries and exports", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "posthog/posthog",
        tag: "latest-release",
        command: &["sh", "-c", "./bin/start-backend & ./bin/start-frontend"],
        ports: &[port(8000, "HTTP")],
        env: &[secret("SECRET_KEY", "Django's secret key (POSTHOG_SECRET in the hobby .env)", "Django 的密钥（hobby .env 中的 POSTHOG_SECRET）")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const POSTHOG_WORKER: ServiceDef = ServiceDef {
    id: "posthog-worker",
    category: Category::Worker,
    name_en: "PostHog worker (Celery)",
    name_zh: "PostHog Celery 任务进程",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(600, "planner assumption: a Celery worker and scheduler with PostHog's Django app imported; not measured", PLANNER),
        pk(1200, "planner assumption: cohort and export tasks", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "posthog/posthog",
        tag: "latest-release",
        command: &["./bin/docker-worker-celery", "--with-scheduler"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const POSTHOG_TEMPORAL_WORKER: ServiceDef = ServiceDef {
    id: "posthog-temporal-worker",
    category: Category::Worker,
    name_en: "PostHog Temporal worker",
    name_zh: "PostHog Temporal 任务进程",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(400, "planner assumption: one Python process with PostHog's app imported; not measured", PLANNER),
        pk(800, "planner assumption: batch exports", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "posthog/posthog",
        tag: "latest-release",
        command: &["./bin/temporal-django-worker"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const POSTHOG_NODE: ServiceDef = ServiceDef {
    id: "posthog-node",
    category: Category::Worker,
    name_en: "PostHog plugin server and ingestion (Node)",
    name_zh: "PostHog 插件与事件摄取（Node）",
    images: &["posthog/posthog-node"],
    kind: KindId::Node,
    knobs: &[
        node_base(120, "planner assumption: a Node Kafka consumer (node-rdkafka buffers outside the heap); not measured", PLANNER),
        node_heap(200, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "posthog/posthog-node",
        tag: "sha-c280973",
        command: &["./bin/plugin-server", "--no-restart-loop"],
        ports: &[port(6738, "CDP API")],
        ..Deploy::NONE
    },
};

/// A PostHog Rust service with no published measurement.
#[rustfmt::skip]
const fn posthog_rust(
    id: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
    images: &'static [&'static str],
    image: &'static str,
    knobs: &'static [KnobDef],
) -> ServiceDef {
    ServiceDef {
        id,
        category: Category::Monitoring,
        name_en,
        name_zh,
        images,
        kind: KindId::Fixed,
        knobs,
        presets: &[],
        self_sizing: None,
        assumed: true,
        deploy: Deploy { image, tag: "master", ..Deploy::NONE },
    }
}

const RUST_SMALL: &str =
    "planner assumption: a small Rust service (Rust HTTP services measured 5–20 MiB); not measured";

#[rustfmt::skip]
pub const POSTHOG_CAPTURE: ServiceDef = posthog_rust(
    "posthog-capture", "PostHog capture (Rust)", "PostHog 事件采集（Rust）",
    &["posthog/posthog/capture"], "ghcr.io/posthog/posthog/capture",
    &[exp(30, RUST_SMALL, PLANNER), pk(128, "planner assumption: Kafka producer buffers under a burst", PLANNER), lim(PLANNER), CPU_SMALL_APP],
);
#[rustfmt::skip]
pub const POSTHOG_CAPTURE_LOGS: ServiceDef = posthog_rust(
    "posthog-capture-logs", "PostHog log capture (Rust)", "PostHog 日志采集（Rust）",
    &["posthog/posthog/capture-logs"], "ghcr.io/posthog/posthog/capture-logs",
    &[exp(30, RUST_SMALL, PLANNER), pk(128, "planner assumption: Kafka producer buffers under a burst", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const POSTHOG_PROPERTY_DEFS: ServiceDef = posthog_rust(
    "posthog-property-defs", "PostHog property definitions (Rust)", "PostHog 属性定义服务（Rust）",
    &["posthog/posthog/property-defs-rs"], "ghcr.io/posthog/posthog/property-defs-rs",
    &[exp(50, "planner assumption: a Rust Kafka consumer with a batch cache; not measured", PLANNER), pk(200, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const POSTHOG_FEATURE_FLAGS: ServiceDef = posthog_rust(
    "posthog-feature-flags", "PostHog feature flags (Rust)", "PostHog 功能开关服务（Rust）",
    &["posthog/posthog/feature-flags"], "ghcr.io/posthog/posthog/feature-flags",
    &[exp(80, "planner assumption: a Rust HTTP service with a GeoLite2 city database loaded; not measured", PLANNER), pk(160, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const POSTHOG_CYMBAL: ServiceDef = posthog_rust(
    "posthog-cymbal", "PostHog cymbal (error symbolication, Rust)", "PostHog 错误符号化（Rust）",
    &["posthog/posthog/cymbal"], "ghcr.io/posthog/posthog/cymbal",
    &[exp(80, "planner assumption: a Rust consumer with symbol caches; not measured", PLANNER), pk(512, "planner assumption: large source maps", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const POSTHOG_PERSONHOG_REPLICA: ServiceDef = posthog_rust(
    "posthog-personhog-replica", "PostHog personhog replica (Rust)", "PostHog 用户数据副本（Rust）",
    &["posthog/posthog/personhog-replica"], "ghcr.io/posthog/posthog/personhog-replica",
    &[exp(50, RUST_SMALL, PLANNER), pk(200, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const POSTHOG_PERSONHOG_ROUTER: ServiceDef = posthog_rust(
    "posthog-personhog-router", "PostHog personhog router (Rust)", "PostHog 用户数据路由（Rust）",
    &["posthog/posthog/personhog-router"], "ghcr.io/posthog/posthog/personhog-router",
    &[exp(30, RUST_SMALL, PLANNER), pk(100, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const POSTHOG_HYPERCACHE: ServiceDef = posthog_rust(
    "posthog-hypercache", "PostHog hypercache server (Rust)", "PostHog 缓存服务（Rust）",
    &["posthog/posthog/hypercache-server"], "ghcr.io/posthog/posthog/hypercache-server",
    &[exp(50, RUST_SMALL, PLANNER), pk(200, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
);

#[rustfmt::skip]
pub const POSTHOG_LIVESTREAM: ServiceDef = ServiceDef {
    id: "posthog-livestream",
    category: Category::Monitoring,
    name_en: "PostHog livestream (Go)",
    name_zh: "PostHog 实时事件流（Go）",
    images: &["posthog/livestream"],
    kind: KindId::Go,
    knobs: &[
        go_live(30, "planner assumption: a Go Kafka consumer fanning events out to browsers; not measured", PLANNER),
        go_base(10, "planner assumption: Go runtime", PLANNER),
        GC_KNOBS[0],
        GC_KNOBS[1],
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "ghcr.io/posthog/livestream",
        tag: "main",
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// RAGFlow: an all-in-one image (nginx, the Python API server, task executors
// with document-parsing models).

#[rustfmt::skip]
pub const RAGFLOW: ServiceDef = ServiceDef {
    id: "ragflow",
    category: Category::Ai,
    name_en: "RAGFlow (all-in-one)",
    name_zh: "RAGFlow 知识库问答（一体化镜像）",
    images: &["infiniflow/ragflow"],
    kind: KindId::Fixed,
    knobs: &[
        exp(2048, "planner assumption: nginx, the API server and a task executor with its layout and OCR models loaded; no published reading (the maintainer only says the slim image, without a local embedding model, takes less)", PLANNER),
        pk(4096, "planner assumption: parsing large PDFs", PLANNER),
        lim(PLANNER),
        cpu(500, "planner assumption: document parsing", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "infiniflow/ragflow",
        tag: "v0.27.0",
        ports: &[port(80, "web UI"), port(443, "HTTPS"), port(9380, "API"), port(9381, "admin API")],
        volumes: &[vol("ragflow-logs", "/ragflow/logs")],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Rocket.Chat: one Node (Meteor) server.

// ---------------------------------------------------------------------------
// Sentry self-hosted: the Sentry image (a locally built variant in the vendor
// compose) runs web, ~20 Kafka consumers, the task worker and scheduler; the
// Snuba image runs its API and ~20 consumers; Relay, Symbolicator, Taskbroker
// and Uptime checker are Rust, Vroom is Go.

#[rustfmt::skip]
pub const SENTRY_CONSUMER: ServiceDef = ServiceDef {
    id: "sentry-consumer",
    category: Category::Monitoring,
    name_en: "Sentry consumer",
    name_zh: "Sentry 消费者进程",
    images: &["getsentry/sentry", "sentry-self-hosted-local"],
    kind: KindId::Fixed,
    knobs: &[
        exp(250, "each of the 23 Sentry and 20 Snuba containers at 200–300 MB on a clean 24.11.1 (midpoint); in a 24.11.2 table sorted by memory the fifth largest, generic-metrics-consumer, was 407 MiB; 2023 releases measured 71–102 MiB", SENTRY_CONSUMERS),
        pk(637, "attachments-consumer, the largest consumer in the same table", SENTRY_STATS),
        lim(SENTRY_STATS),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/getsentry/sentry",
        tag: "26.8.0",
        command: &["run", "consumer", "ingest-events", "--consumer-group", "ingest-consumer"],
        command_note: Some(("each consumer container names its topic and group", "每个消费者容器各自指定 topic 和消费组")),
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SENTRY_WEB: ServiceDef = ServiceDef {
    id: "sentry-web",
    category: Category::Monitoring,
    name_en: "Sentry web",
    name_zh: "Sentry Web 服务",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(1101, "web at 1.075 GiB with minimal ingest (24.11.2)", SENTRY_STATS),
        pk(1536, "planner assumption: large issue pages and exports", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/getsentry/sentry",
        tag: "26.8.0",
        command: &["run", "web"],
        ports: &[port(9000, "HTTP (behind the vendor's nginx)")],
        volumes: &[vol("sentry-data", "/data")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SENTRY_TASKWORKER: ServiceDef = ServiceDef {
    id: "sentry-taskworker",
    category: Category::Worker,
    name_en: "Sentry task worker",
    name_zh: "Sentry 任务进程",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(574, "the Celery worker it replaced measured 573.5 MiB with minimal ingest (24.11.2); SENTRY_TASKWORKER_CONCURRENCY=4", SENTRY_STATS),
        pk(875, "the Celery worker at 874.8 MiB while busy (233 % CPU)", SENTRY_WORKER_BUSY),
        lim(SENTRY_WORKER_BUSY),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/getsentry/sentry",
        tag: "26.8.0",
        command: &["run", "taskworker"],
        volumes: &[vol("sentry-data", "/data")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SENTRY_TASKSCHEDULER: ServiceDef = ServiceDef {
    id: "sentry-taskscheduler",
    category: Category::Worker,
    name_en: "Sentry task scheduler",
    name_zh: "Sentry 任务调度",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(300, "planner assumption: one Python process with Sentry imported, like a consumer (71–637 MiB measured); not measured itself", PLANNER),
        pk(400, "planner assumption", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "ghcr.io/getsentry/sentry",
        tag: "26.8.0",
        command: &["run", "taskworker-scheduler"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SENTRY_CLEANUP: ServiceDef = ServiceDef {
    id: "sentry-cleanup",
    category: Category::Worker,
    name_en: "Sentry cleanup (cron)",
    name_zh: "Sentry 定期清理",
    images: &["sentry-cleanup-self-hosted-local"],
    kind: KindId::Fixed,
    knobs: &[
        exp(1, "364 KiB between runs: cron waiting", SENTRY_CRON_IDLE),
        pk(512, "planner assumption: sentry cleanup loads Sentry while it deletes old events", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/getsentry/sentry",
        tag: "26.8.0",
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SNUBA_CONSUMER: ServiceDef = ServiceDef {
    id: "snuba-consumer",
    category: Category::Monitoring,
    name_en: "Snuba consumer",
    name_zh: "Snuba 消费者进程",
    images: &["getsentry/snuba"],
    kind: KindId::Fixed,
    knobs: &[
        exp(254, "snuba-metrics-consumer at 254 MiB (215–259 MiB for the consumers in the same table); a 2023 contributor saw 50–100 MB each", SENTRY_STATS),
        pk(384, "planner assumption: a large batch to ClickHouse", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/getsentry/snuba",
        tag: "26.8.0",
        command: &["rust-consumer", "--storage", "errors", "--consumer-group", "snuba-consumers"],
        command_note: Some(("each consumer container names its storage and group", "每个消费者容器各自指定存储和消费组")),
        env: &[lit("SNUBA_SETTINGS", "self_hosted", "selects the settings module self-hosted uses", "选择自托管使用的配置模块")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SNUBA_API: ServiceDef = ServiceDef {
    id: "snuba-api",
    category: Category::Monitoring,
    name_en: "Snuba API",
    name_zh: "Snuba 查询 API",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(216, "snuba-api at 215.7 MiB with minimal ingest", SENTRY_STATS),
        pk(384, "planner assumption: large queries", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/getsentry/snuba",
        tag: "26.8.0",
        command: &["api"],
        ports: &[port(1218, "HTTP")],
        env: &[lit("SNUBA_SETTINGS", "self_hosted", "selects the settings module self-hosted uses", "选择自托管使用的配置模块")],
        ..Deploy::NONE
    },
};

/// A Sentry service with no published measurement.
#[rustfmt::skip]
const fn sentry_daemon(
    id: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
    images: &'static [&'static str],
    image: &'static str,
    kind: KindId,
    knobs: &'static [KnobDef],
) -> ServiceDef {
    ServiceDef {
        id,
        category: Category::Monitoring,
        name_en,
        name_zh,
        images,
        kind,
        knobs,
        presets: &[],
        self_sizing: None,
        assumed: true,
        deploy: Deploy { image, tag: "26.8.0", ..Deploy::NONE },
    }
}

#[rustfmt::skip]
pub const SENTRY_SYMBOLICATOR: ServiceDef = sentry_daemon(
    "sentry-symbolicator", "Sentry Symbolicator", "Sentry Symbolicator 符号化服务",
    &["getsentry/symbolicator"], "ghcr.io/getsentry/symbolicator", KindId::Fixed,
    &[exp(100, "planner assumption: a Rust service with in-memory symbol caches; not measured", PLANNER), pk(1024, "planner assumption: large debug files", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const SENTRY_TASKBROKER: ServiceDef = sentry_daemon(
    "sentry-taskbroker", "Sentry Taskbroker", "Sentry Taskbroker 任务队列",
    &["getsentry/taskbroker"], "ghcr.io/getsentry/taskbroker", KindId::Fixed,
    &[exp(50, RUST_SMALL, PLANNER), pk(200, "planner assumption: a task backlog", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const SENTRY_UPTIME_CHECKER: ServiceDef = sentry_daemon(
    "sentry-uptime-checker", "Sentry uptime checker", "Sentry 可用性检测",
    &["getsentry/uptime-checker"], "ghcr.io/getsentry/uptime-checker", KindId::Fixed,
    &[exp(30, RUST_SMALL, PLANNER), pk(100, "planner assumption", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const SENTRY_LAUNCHPAD: ServiceDef = sentry_daemon(
    "sentry-launchpad", "Sentry Launchpad", "Sentry Launchpad 移动构建分析",
    &["getsentry/launchpad"], "ghcr.io/getsentry/launchpad", KindId::Fixed,
    &[exp(200, "planner assumption: a Python worker analysing mobile builds; not measured", PLANNER), pk(1024, "planner assumption: a large app bundle", PLANNER), lim(PLANNER), CPU_LIGHT],
);
#[rustfmt::skip]
pub const SENTRY_VROOM: ServiceDef = sentry_daemon(
    "sentry-vroom", "Sentry Vroom (profiling)", "Sentry Vroom 性能剖析",
    &["getsentry/vroom"], "ghcr.io/getsentry/vroom", KindId::Go,
    &[go_live(30, "planner assumption: a Go service reading profiles; not measured", PLANNER), go_base(10, "planner assumption: Go runtime", PLANNER), GC_KNOBS[0], GC_KNOBS[1], CPU_LIGHT],
);

// ---------------------------------------------------------------------------
// SigNoz: the Go query service (with UI and alertmanager) and its collector.

#[rustfmt::skip]
pub const SIGNOZ: ServiceDef = ServiceDef {
    id: "signoz",
    category: Category::Monitoring,
    name_en: "SigNoz (query service and UI)",
    name_zh: "SigNoz 查询服务与界面",
    images: &["signoz/signoz", "signoz/query-service"],
    kind: KindId::Go,
    knobs: &[
        go_live(100, "planner assumption: a Go query service with alertmanager and SQLite metadata; not measured", PLANNER),
        go_base(30, "planner assumption: Go runtime and the UI's static files", PLANNER),
        GC_KNOBS[0],
        GC_KNOBS[1],
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "signoz/signoz",
        tag: "v0.129.0",
        ports: &[port(8080, "web UI and API")],
        volumes: &[vol("signoz-sqlite", "/var/lib/signoz")],
        env: &[
            lit("SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN", "tcp://clickhouse:9000", "the ClickHouse service in the vendor compose", "官方 compose 中的 ClickHouse 服务"),
            lit("SIGNOZ_SQLSTORE_SQLITE_PATH", "/var/lib/signoz/signoz.db", "metadata on the volume", "元数据放在数据卷上"),
            secret("SIGNOZ_TOKENIZER_JWT_SECRET", "signs login tokens", "用于签名登录令牌"),
        ],
        healthcheck: &["CMD", "wget", "--spider", "-q", "localhost:8080/api/v1/health"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SIGNOZ_OTEL_COLLECTOR: ServiceDef = ServiceDef {
    id: "signoz-otel-collector",
    category: Category::Monitoring,
    name_en: "SigNoz OpenTelemetry collector",
    name_zh: "SigNoz OpenTelemetry 采集器",
    images: &["signoz/signoz-otel-collector"],
    kind: KindId::Go,
    knobs: &[
        go_live(100, "planner assumption: a Go collector batching to ClickHouse; not measured", PLANNER),
        go_base(30, "planner assumption: Go runtime", PLANNER),
        GC_KNOBS[0],
        GC_KNOBS[1],
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "signoz/signoz-otel-collector",
        tag: "v0.144.5",
        ports: &[port(4317, "OTLP gRPC"), port(4318, "OTLP HTTP")],
        env: &[lit("SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN", "tcp://clickhouse:9000", "the ClickHouse service in the vendor compose", "官方 compose 中的 ClickHouse 服务")],
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// SonarQube: three JVMs (web, compute engine, embedded Elasticsearch) in one
// container: an all-in-one budget.

// ---------------------------------------------------------------------------
// Supabase: its own services (Postgres, Kong, Vector and imgproxy are
// general-purpose). They read the vendor's .env, whose keys are JWTs signed
// with its JWT secret, so no environment is listed here.

#[rustfmt::skip]
pub const SUPABASE_STUDIO: ServiceDef = ServiceDef {
    id: "supabase-studio",
    category: Category::Web,
    name_en: "Supabase Studio",
    name_zh: "Supabase Studio 控制台",
    images: &["supabase/studio"],
    kind: KindId::Node,
    knobs: &[
        node_base(100, "planner assumption: a Next.js dashboard (Next.js servers measured 117–212 MiB idle, homarr PR #5637); not measured", PLANNER),
        node_heap(150, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "supabase/studio",
        tag: "2026.02.16-sha-26c615c",
        ports: &[port(3000, "dashboard")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SUPABASE_AUTH: ServiceDef = ServiceDef {
    id: "supabase-auth",
    category: Category::Platform,
    name_en: "Supabase Auth (GoTrue)",
    name_zh: "Supabase Auth 认证服务（GoTrue）",
    images: &["supabase/gotrue"],
    kind: KindId::Go,
    knobs: &[
        go_live(4, "supabase-auth measured 6.4 MiB in docker stats, idle (2022); the split between runtime and live heap is a planner assumption", SUPABASE_DEV_STATS),
        go_base(3, "the Go runtime's share of the 6.4 MiB measured; planner split", SUPABASE_DEV_STATS),
        GC_KNOBS[0],
        GC_KNOBS[1],
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "supabase/gotrue",
        tag: "v2.186.0",
        ports: &[port(9999, "HTTP")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const POSTGREST: ServiceDef = ServiceDef {
    id: "postgrest",
    category: Category::Web,
    name_en: "PostgREST",
    name_zh: "PostgREST 自动 REST 接口",
    images: &["postgrest/postgrest"],
    kind: KindId::Fixed,
    knobs: &[
        exp(15, "supabase-rest measured 14.6 MiB in docker stats, idle with a small schema (2022)", SUPABASE_DEV_STATS),
        pk(128, "planner assumption: a large schema or response", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "postgrest/postgrest",
        tag: "v14.5",
        ports: &[port(3000, "HTTP")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SUPABASE_REALTIME: ServiceDef = ServiceDef {
    id: "supabase-realtime",
    category: Category::Web,
    name_en: "Supabase Realtime",
    name_zh: "Supabase Realtime 实时服务",
    images: &["supabase/realtime"],
    kind: KindId::Beam,
    knobs: &[
        exp(100, "supabase-realtime measured 99.8 MiB in docker stats, idle (2022)", SUPABASE_DEV_STATS),
        pk(468, "beam.smp of a 2020 Supabase instance after a one-million-row insert burst; the pre-v2 Realtime, no figure for the current one is published", REALTIME_BURST),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "supabase/realtime",
        tag: "v2.78.15",
        ports: &[port(4000, "HTTP and websockets")],
        // Supabase's own compose gives realtime RLIMIT_NOFILE=10000 (the
        // image's start script applies it): github.com/supabase/supabase,
        // docker/docker-compose.yml. The same limit, as compose's ulimits.
        nofile: Some(10_000),
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SUPABASE_STORAGE: ServiceDef = ServiceDef {
    id: "supabase-storage",
    category: Category::Storage,
    name_en: "Supabase Storage API",
    name_zh: "Supabase Storage 存储接口",
    images: &["supabase/storage-api"],
    kind: KindId::Node,
    knobs: &[
        node_base(60, "supabase-storage measured 177 MiB in docker stats, idle (storage-api 0.10, 2022); the share outside the heap is a planner split", SUPABASE_DEV_STATS),
        node_heap(117, "the heap's share of the 177 MiB measured; planner split", SUPABASE_DEV_STATS),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: false,
    deploy: Deploy {
        image: "supabase/storage-api",
        tag: "v1.44.2",
        ports: &[port(5000, "HTTP")],
        volumes: &[vol("supabase-storage", "/var/lib/storage")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SUPABASE_META: ServiceDef = ServiceDef {
    id: "supabase-meta",
    category: Category::Web,
    name_en: "Supabase postgres-meta",
    name_zh: "Supabase postgres-meta 元数据接口",
    images: &["supabase/postgres-meta"],
    kind: KindId::Node,
    knobs: &[
        node_base(25, "supabase-meta measured 41 MiB in docker stats, idle (2022); the share outside the heap is a planner split", SUPABASE_DEV_STATS),
        node_heap(16, "the heap's share of the 41 MiB measured; planner split", SUPABASE_DEV_STATS),
        MAX_OLD_SPACE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: false,
    deploy: Deploy {
        image: "supabase/postgres-meta",
        tag: "v0.95.2",
        ports: &[port(8080, "HTTP")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SUPABASE_EDGE_RUNTIME: ServiceDef = ServiceDef {
    id: "supabase-edge-runtime",
    category: Category::Runtime,
    name_en: "Supabase Edge Runtime",
    name_zh: "Supabase Edge Functions 运行时",
    images: &["supabase/edge-runtime"],
    kind: KindId::Fixed,
    knobs: &[
        exp(150, "planner assumption: a Deno-based runtime with a main worker; not measured", PLANNER),
        pk(512, "planner assumption: several function workers at once", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "supabase/edge-runtime",
        tag: "v1.70.3",
        ports: &[port(9000, "HTTP")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SUPABASE_ANALYTICS: ServiceDef = ServiceDef {
    id: "supabase-analytics",
    category: Category::Monitoring,
    name_en: "Supabase Analytics (Logflare)",
    name_zh: "Supabase Analytics 日志分析（Logflare）",
    images: &["supabase/logflare"],
    kind: KindId::Beam,
    knobs: &[
        exp(300, "~300 MB on an M2 Mac with the unmodified compose", LOGFLARE_MEMORY),
        pk(1843, "1.8 GB on a fresh CentOS host with the same compose; others report the BEAM OOM-killed under tight limits", LOGFLARE_MEMORY),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "supabase/logflare",
        tag: "1.31.2",
        ports: &[port(4000, "HTTP")],
        // A BEAM node (see kinds::beam::NOFILE). The 1.8 GB peak came from a
        // CentOS host, where the daemon's nofile is 2^30; at this limit the
        // port table is Erlang's default, so the peak is a ceiling.
        nofile: Some(crate::kinds::beam::NOFILE),
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SUPAVISOR: ServiceDef = ServiceDef {
    id: "supavisor",
    category: Category::Database,
    name_en: "Supavisor (connection pooler)",
    name_zh: "Supavisor 连接池",
    images: &["supabase/supavisor"],
    kind: KindId::Beam,
    knobs: &[
        exp(150, "planner assumption: an Elixir pooler for a few tenants (a small Phoenix release measured 36–97 MiB); not measured", PLANNER),
        pk(400, "planner assumption: many client connections", PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "supabase/supavisor",
        tag: "2.7.4",
        ports: &[port(5432, "Postgres (session mode)"), port(6543, "Postgres (transaction mode)"), port(4000, "API")],
        // A BEAM node (see kinds::beam::NOFILE); 65536 descriptors is far
        // above the client connections the compose allows (POOLER_MAX_CLIENT_CONN).
        nofile: Some(crate::kinds::beam::NOFILE),
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Twenty CRM: one NestJS image, server and worker.

const TWENTY_ENV: &[EnvSpec] = &[
    lit(
        "PG_DATABASE_URL",
        "postgres://postgres:postgres@db:5432/default",
        "the vendor compose's default; put your database's password in it",
        "官方 compose 的默认值，请换成你的数据库密码",
    ),
    lit(
        "REDIS_URL",
        "redis://redis:6379",
        "the Redis service in the vendor compose",
        "官方 compose 中的 Redis 服务",
    ),
    secret(
        "APP_SECRET",
        "signs tokens; the vendor docs ask to set it",
        "用于签名令牌，官方文档要求设置",
    ),
];

#[rustfmt::skip]
pub const TWENTY_SERVER: ServiceDef = ServiceDef {
    id: "twenty-server",
    category: Category::Platform,
    name_en: "Twenty CRM server",
    name_zh: "Twenty CRM 服务端",
    images: &["twentycrm/twenty"],
    kind: KindId::Node,
    knobs: &[
        node_base(150, "planner assumption: a NestJS API that also serves the React app (a hello-world NestJS app measured 27 MiB; a large Node app far more); not measured", PLANNER),
        node_heap(300, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "twentycrm/twenty",
        tag: "v1.22",
        ports: &[port(3000, "HTTP")],
        volumes: &[vol("server-local-data", "/app/packages/twenty-server/.local-storage")],
        env: TWENTY_ENV,
        healthcheck: &["CMD", "curl", "--fail", "http://localhost:3000/healthz"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const TWENTY_WORKER: ServiceDef = ServiceDef {
    id: "twenty-worker",
    category: Category::Worker,
    name_en: "Twenty CRM worker",
    name_zh: "Twenty CRM 后台任务进程",
    images: &[],
    kind: KindId::Node,
    knobs: &[
        node_base(100, "planner assumption: a NestJS BullMQ worker; not measured", PLANNER),
        node_heap(200, "planner assumption", PLANNER),
        MAX_OLD_SPACE,
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: true,
    deploy: Deploy {
        image: "twentycrm/twenty",
        tag: "v1.22",
        command: &["yarn", "worker:prod"],
        volumes: &[vol("server-local-data", "/app/packages/twenty-server/.local-storage")],
        env: TWENTY_ENV,
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Zammad: one Rails image in five long-running roles.

const ZAMMAD_ENV: &[EnvSpec] = &[
    lit(
        "POSTGRESQL_HOST",
        "zammad-postgresql",
        "the database service in the vendor compose; change it to yours",
        "官方 compose 中的数据库服务，按你的服务名修改",
    ),
    lit(
        "POSTGRESQL_USER",
        "zammad",
        "the vendor compose's database user",
        "官方 compose 的数据库用户",
    ),
    dep_secret(
        "POSTGRESQL_PASS",
        "must equal the database's POSTGRES_PASSWORD",
        "必须与数据库的 POSTGRES_PASSWORD 一致",
    ),
    lit(
        "POSTGRESQL_DB",
        "zammad_production",
        "the vendor compose's database",
        "官方 compose 的数据库名",
    ),
    lit(
        "REDIS_URL",
        "redis://zammad-redis:6379",
        "the Redis service in the vendor compose",
        "官方 compose 中的 Redis 服务",
    ),
    lit(
        "MEMCACHE_SERVERS",
        "zammad-memcached:11211",
        "the memcached service in the vendor compose",
        "官方 compose 中的 memcached 服务",
    ),
];

const ZAMMAD_VOLUMES: &[Volume] = &[vol("zammad-storage", "/opt/zammad/storage")];

#[rustfmt::skip]
pub const ZAMMAD_RAILSSERVER: ServiceDef = ServiceDef {
    id: "zammad-railsserver",
    category: Category::Platform,
    name_en: "Zammad rails server (Puma)",
    name_zh: "Zammad Rails 服务（Puma）",
    images: &["zammad/zammad", "zammad/zammad-docker-compose"],
    kind: KindId::Puma,
    knobs: &[
        knob("workers", "Puma workers (0 = single mode)", "Puma 工作进程（0 = 单进程模式）", Count, 0, 256, "the vendor compose leaves ZAMMAD_WEB_CONCURRENCY unset: one process", ZAMMAD_LIMITS),
        knob("threads", "Threads (MAX_THREADS)", "线程数（MAX_THREADS）", Count, 5, 1024, "planner assumption: Zammad reads MIN_THREADS/MAX_THREADS (zammad-docker-compose#401); its default was not read", PLANNER),
        master(117, "a Puma master with a simple Rails app loaded measured 117 MB (counted only with workers)", PUMA_MEMORY),
        app(350, "planner assumption: Zammad's Rails app in one Puma process; not measured", PLANNER),
        request(150, "the vendor's resource-limit scenario caps each Zammad service at 500M: 350 + 150", ZAMMAD_LIMITS),
        CPU_PER_IDLE_WORKER,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/zammad/zammad",
        tag: "7.1.1-0035",
        command: &["zammad-railsserver"],
        ports: &[port(3000, "HTTP (behind zammad-nginx)")],
        volumes: ZAMMAD_VOLUMES,
        env: ZAMMAD_ENV,
        healthcheck: &["CMD", "curl", "-sf", "http://127.0.0.1:3000"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const ZAMMAD_SCHEDULER: ServiceDef = ServiceDef {
    id: "zammad-scheduler",
    category: Category::Worker,
    name_en: "Zammad scheduler",
    name_zh: "Zammad 后台调度",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(180, "184 MB RSS at rest (Zammad 1.x, 2017)", ZAMMAD_SCHEDULER_MEMORY),
        pk(1990, "2.0 GB after a 23 MB attachment was processed; a 500M limit (the vendor's scenario) would restart it", ZAMMAD_SCHEDULER_MEMORY),
        lim(ZAMMAD_SCHEDULER_MEMORY),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/zammad/zammad",
        tag: "7.1.1-0035",
        command: &["zammad-scheduler"],
        volumes: ZAMMAD_VOLUMES,
        env: ZAMMAD_ENV,
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const ZAMMAD_WEBSOCKET: ServiceDef = ServiceDef {
    id: "zammad-websocket",
    category: Category::Web,
    name_en: "Zammad websocket server",
    name_zh: "Zammad WebSocket 服务",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(250, "planner assumption: a Ruby process with the app loaded; not measured", PLANNER),
        pk(500, "the vendor's resource-limit scenario caps it at 500M", ZAMMAD_LIMITS),
        lim(ZAMMAD_LIMITS),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/zammad/zammad",
        tag: "7.1.1-0035",
        command: &["zammad-websocket"],
        volumes: ZAMMAD_VOLUMES,
        env: ZAMMAD_ENV,
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const ZAMMAD_NGINX: ServiceDef = ServiceDef {
    id: "zammad-nginx",
    category: Category::Proxy,
    name_en: "Zammad nginx",
    name_zh: "Zammad Nginx 入口",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(16, "planner assumption: nginx in front of the rails and websocket servers (plain nginx measured 10.3 MiB RSS)", PLANNER),
        pk(64, "planner assumption", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "ghcr.io/zammad/zammad",
        tag: "7.1.1-0035",
        command: &["zammad-nginx"],
        ports: &[port(8080, "HTTP")],
        volumes: ZAMMAD_VOLUMES,
        env: ZAMMAD_ENV,
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const ZAMMAD_BACKUP: ServiceDef = ServiceDef {
    id: "zammad-backup",
    category: Category::Worker,
    name_en: "Zammad backup",
    name_zh: "Zammad 定时备份",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        exp(20, "planner assumption: a shell loop waiting for the backup time", PLANNER),
        pk(500, "pg_dump and tar at backup time, within the vendor's 500M scenario limit", ZAMMAD_LIMITS),
        lim(ZAMMAD_LIMITS),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/zammad/zammad",
        tag: "7.1.1-0035",
        command: &["zammad-backup"],
        volumes: &[vol("zammad-backup", "/var/tmp/zammad"), vol("zammad-storage", "/opt/zammad/storage")],
        env: ZAMMAD_ENV,
        ..Deploy::NONE
    },
};

// ---------------------------------------------------------------------------
// Zulip: nginx, uWSGI Django, Tornado and the queue workers under supervisord
// in one container (the database, memcached, RabbitMQ and Redis are separate).

#[rustfmt::skip]
pub const ZULIP: ServiceDef = ServiceDef {
    id: "zulip",
    category: Category::Platform,
    name_en: "Zulip (all-in-one app container)",
    name_zh: "Zulip 团队聊天（一体化应用容器）",
    images: &["zulip/zulip-server", "zulip/docker-zulip"],
    kind: KindId::Fixed,
    knobs: &[
        exp(1200, "planner assumption: the low-memory mode Zulip picks below 3.5 GB (maintainer, #28672), with Django processes of a few hundred MB each (#12063); whole idle servers measured 2.8–3.9 GB with the database", PLANNER),
        pk(3072, "planner assumption: above 3.5 GB of seen memory (the host's unless a limit is set) it runs multiprocess queue workers; a 4 GB limit on a bigger host OOMs at start (#29794)", PLANNER),
        lim(PLANNER),
        CPU_SMALL_APP,
    ],
    presets: &[],
    self_sizing: None,
    assumed: true,
    deploy: Deploy {
        image: "ghcr.io/zulip/zulip-server",
        tag: "12.1-0",
        ports: &[port(80, "HTTP"), port(443, "HTTPS"), port(25, "incoming email")],
        volumes: &[vol("zulip", "/data")],
        env: &[
            lit("SETTING_REMOTE_POSTGRES_HOST", "database", "the database service in the vendor compose; change it to yours", "官方 compose 中的数据库服务，按你的服务名修改"),
            lit("SETTING_MEMCACHED_LOCATION", "memcached:11211", "the memcached service in the vendor compose", "官方 compose 中的 memcached 服务"),
            lit("SETTING_RABBITMQ_HOST", "rabbitmq", "the RabbitMQ service in the vendor compose", "官方 compose 中的 RabbitMQ 服务"),
            lit("SETTING_REDIS_HOST", "redis", "the Redis service in the vendor compose", "官方 compose 中的 Redis 服务"),
        ],
        ..Deploy::NONE
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{image_repository, service, service_for_image};

    /// Every profile deploys its project's image at a published tag that is
    /// not "latest".
    #[test]
    fn every_stack_profile_deploys_a_pinned_image() {
        for s in SERVICES {
            assert!(!s.deploy.image.is_empty(), "{}: no image", s.id);
            assert!(
                !s.deploy.tag.is_empty() && s.deploy.tag != "latest",
                "{}: tag {:?}",
                s.id,
                s.deploy.tag
            );
            // The pulled image is one the catalog maps to a profile of the same project.
            let mapped = service_for_image(s.deploy.image)
                .unwrap_or_else(|| panic!("{}: {} maps to nothing", s.id, s.deploy.image));
            assert!(
                SERVICES.iter().any(|d| d.id == mapped.id),
                "{}: {} maps to {}",
                s.id,
                s.deploy.image,
                mapped.id
            );
        }
    }

    /// `assumed` says whether any memory figure about the image has a source:
    /// a profile whose every MiB default is a planner assumption or a figure
    /// of its runtime in general (Node's auto heap, a uvicorn supervisor,
    /// Petclinic's non-heap, PHP's default memory_limit) is assumed.
    #[test]
    fn assumed_means_no_memory_figure_is_sourced() {
        let runtime_rules = [
            PLANNER,
            SPRING_FOOTPRINT_PROXY,
            NODE_HEAP,
            MEASURED,
            GO_GC,
            JVM_ERGONOMICS,
            PHP_FPM_CHILD,
            PHP_MEMORY_LIMIT,
            PUMA_MEMORY,
        ];
        let about_the_image =
            |k: &KnobDef| k.unit == KnobUnit::Mib && !runtime_rules.contains(&k.source);
        for s in SERVICES {
            let sourced = s.knobs.iter().any(about_the_image);
            assert_eq!(s.assumed, !sourced, "{}", s.id);
            let planned = |k: &&KnobDef| k.source == PLANNER && k.unit == KnobUnit::Mib;
            for k in s.knobs.iter().filter(planned) {
                assert!(
                    k.note.contains("assum") || k.id == "limit_mib",
                    "{}.{}: a PLANNER figure must say so in its note",
                    s.id,
                    k.id
                );
            }
        }
    }

    /// The measurements the truth report checks name catalog profiles and
    /// images the catalog maps, each with a dated, linked source.
    #[test]
    fn measurements_file_names_catalog_profiles() {
        let text = include_str!("../../../tests/truth/measurements-stacks.json");
        let list: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
        assert!(list.len() >= 50);
        for m in &list {
            let id = m["service"].as_str().unwrap();
            assert!(service(id).is_some(), "unknown service {id}");
            let image = m["image"].as_str().unwrap();
            assert_eq!(image_repository(image), image, "{image}");
            assert!(service_for_image(image).is_some(), "{image} unmapped");
            assert!(m["mib"].as_f64().unwrap() > 0.0, "{id}");
            let src = &m["source"];
            assert!(src["url"].as_str().unwrap().starts_with("https://"), "{id}");
            assert_eq!(src["date"].as_str().unwrap().len(), 10, "{id}");
            assert!(matches!(src["confidence"].as_str(), Some("A" | "B" | "C")));
            assert!(matches!(m["compare"].as_str(), Some("expected" | "peak")));
        }
    }
}
