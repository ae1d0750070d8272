//! Application runtimes that run your own code: Python web servers (FastAPI,
//! Flask, Django, Sanic), Node.js and Next.js, JVM/Spring Boot, Rails under
//! Puma, Elixir/Phoenix, PHP-FPM and WordPress, ASP.NET Core, Go and Rust
//! binaries, Keycloak, custom services. Each runtime has a per-process
//! baseline and a small-app / large-app spread from published measurements
//! (presets "baseline", "small-app", "large-app"; the default is the small app).

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

// ---- Python ----------------------------------------------------------------

const MEALIE_IDLE: Source = src(
    "mealie-recipes/mealie PR #1758 (maintainer): a FastAPI app run as a single uvicorn process idles at 120–150 MB on average in Docker",
    "https://github.com/mealie-recipes/mealie/pull/1758",
    "2022-10-23",
    Confidence::B,
);
const FASTAPI_SPREAD: Source = src(
    "Spread from measurements: a trivial uvicorn app 45 MiB RSS (StackFit), a single-process app 120–150 MB (mealie PR #1758), 172 MB per process (internetarchive/openlibrary PR #13404); a preset is a planning choice",
    "https://github.com/internetarchive/openlibrary/pull/13404",
    "2026-08-23",
    Confidence::C,
);
const FLASK_APP: Source = src(
    "Lenzeye docs, Gunicorn configuration: a Flask service with one gthread worker idles at ~237 MB and peaks at 398 MB with 4 concurrent encrypted uploads (one documented app; page read 2026-12-01)",
    "https://docs.lenzeye.in/private/deployment/gunicorn-config/",
    "2026-12-01",
    Confidence::C,
);
const FLASK_SPREAD: Source = src(
    "Spread from measurements: a trivial Flask worker 29 MiB RSS (StackFit), a documented Flask service 237 MB (Lenzeye), Flask with ML models loaded 1.7 GB (benoitc/gunicorn#1377); a preset is a planning choice",
    "https://github.com/benoitc/gunicorn/issues/1377",
    "2016-10-21",
    Confidence::C,
);
const DJANGO_WORKER: Source = src(
    "OperationCode/back-end PR #406: a production Django app under gunicorn, master 40.8 MB and one worker 49.5 MB (PSS)",
    "https://github.com/OperationCode/back-end/pull/406",
    "2026-01-26",
    Confidence::B,
);
const DJANGO_GROWTH: Source = src(
    "benoitc/gunicorn#1250: Django workers idling at ~24 MiB each grew to ~300 MB while serving requests (three overran an 800 MB budget)",
    "https://github.com/benoitc/gunicorn/issues/1250",
    "2018-05-11",
    Confidence::B,
);
const DJANGO_SPREAD: Source = src(
    "Spread from measurements: 30 MiB per worker for the OpenShift django-ex sample (sclorg/s2i-python-container PR #180), 49.5 MB for a small production app (OperationCode PR #406), 397 MB per worker for a large app under load (benoitc/gunicorn#326); a preset is a planning choice",
    "https://github.com/benoitc/gunicorn/issues/326",
    "2012-04-03",
    Confidence::C,
);

const PY_PORT: &[Port] = &[Port::new(
    8000,
    "HTTP (gunicorn and uvicorn default; bind 0.0.0.0 in a container)",
)];

/// Your own app's image: written as a placeholder, on the framework's port.
const PY_DEPLOY: Deploy = Deploy {
    ports: PY_PORT,
    ..Deploy::NONE
};

// ---- Node --------------------------------------------------------------

const NODE_WORKING_SET: Source = src(
    "RooCodeInc/Roomote PR #1139: every Node service (api, web, bullmq, controller) has a post-GC working set of roughly 300–400 MB; 250 MiB heap = 300 MB less the process outside the heap",
    "https://github.com/RooCodeInc/Roomote/pull/1139",
    "2026-08-06",
    Confidence::B,
);
const NODE_SPREAD: Source = src(
    "Spread from published figures: a NestJS hello-world container 27.4 MiB (nestjs/nest#1519), the OpenTelemetry demo's Node payment service within a 140M limit, real services 300–400 MB post-GC (Roomote PR #1139); a preset is a planning choice",
    "https://github.com/nestjs/nest/issues/1519",
    "2019-02-03",
    Confidence::C,
);
const NEXT_IDLE: Source = src(
    "homarr-labs/homarr PR #5637: the Next.js container idles at ~211–213 MiB (115–118 MiB with --max-old-space-size=256 and lazy page loading); 162 MiB heap = 212 less the process outside the heap",
    "https://github.com/homarr-labs/homarr/pull/5637",
    "2026-05-04",
    Confidence::B,
);

// ---- Ruby ---------------------------------------------------------------

const SUSPENDERS: Source = src(
    "thoughtbot/suspenders PR #630: a simple Rails app, master ≈ 117 MB, each Puma worker 109 MB at boot and ≈ 117 MB after the first request, ≈ 10 MB more per busy thread",
    "https://github.com/thoughtbot/suspenders/pull/630",
    "2015-10-20",
    Confidence::B,
);
const RAILS_PUMA_RB: Source = src(
    "Rails config/puma.rb template (7.2+/8): RAILS_MAX_THREADS defaults to 3; without WEB_CONCURRENCY Puma runs in single mode (one process)",
    "https://github.com/rails/rails/blob/main/railties/lib/rails/generators/rails/app/templates/config/puma.rb.tt",
    "2026-12-01",
    Confidence::A,
);
const RAILS_SPREAD: Source = src(
    "Spread from measurements: a simple Rails app's Puma worker 109 MB at boot (suspenders PR #630), a small app's worker 152 MB (sidekiq/sidekiq#1614), GitLab's ≈ 800 MB per Puma process (GitLab MR !45116); a preset is a planning choice",
    "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/45116",
    "2020-10-14",
    Confidence::C,
);

// ---- Elixir, PHP, .NET, Go, Rust, Keycloak ---------------------------------

const PHOENIX_MEMORY: Source = src(
    "bitwalker/exrm#314: a Phoenix release, :erlang.memory total 71.9 MiB in a Docker VM (36.2 MiB built on macOS, 97.4 MiB built in Docker on Linode)",
    "https://github.com/bitwalker/exrm/issues/314",
    "2016-03-14",
    Confidence::B,
);
const PHOENIX_PEAK: Source = src(
    "StackFit planning assumption: no published peak for a small Phoenix app; the BEAM has no heap cap and grows until the container limit (cap +Q: with nofile 2^30 the port table alone takes GBs, electric-sql/electric PR #1367)",
    "https://github.com/electric-sql/electric/pull/1367",
    "2026-12-01",
    Confidence::C,
);
const PHP_POOL: Source = src(
    "php:fpm image www.conf: pm = dynamic, pm.max_children = 5, pm.start_servers = 2 (quoted in matomo-org/docker#152)",
    "https://github.com/matomo-org/docker/issues/152",
    "2019-04-23",
    Confidence::B,
);
const PHP_MEASURED: Source = src(
    "StackFit measurement: Debian 12 php8.2-fpm, stock www pool after 50 requests: master RSS 6.8 MB (PSS 2.3), children RSS 11.4–11.9 MB (PSS 4.2–4.8) (/proc/<pid>/smaps_rollup)",
    "",
    "2026-12-01",
    Confidence::B,
);
const PHP_CHILD: Source = src(
    "Derived: the OpenTelemetry demo runs its PHP service within a 40M limit (compose.yaml @054282e318); a WordPress child measured 24 MB private + 34 MB shared OPcache (gregmsanderson/fly-hello-wordpress#5)",
    "https://github.com/open-telemetry/opentelemetry-demo/blob/054282e318317f2be09f67dd9b0d7d1278566cfa/compose.yaml",
    "2026-08-22",
    Confidence::C,
);
const PHP_MEMORY_LIMIT: Source = src(
    "PHP manual, memory_limit: the most memory a script may allocate, default 128M (a child keeps its largest request's heap until recycled)",
    "https://www.php.net/manual/en/ini.core.php#ini.memory-limit",
    "2026-12-01",
    Confidence::A,
);
const PHP_SPREAD: Source = src(
    "Spread from measurements: a trivial child 12 MB RSS (StackFit), a small app within 40M (OpenTelemetry demo), a Symfony child 250 MB (sclorg/s2i-php-container#416); a preset is a planning choice",
    "https://github.com/sclorg/s2i-php-container/issues/416",
    "2023-07-25",
    Confidence::C,
);
const WP_CHILD: Source = src(
    "gregmsanderson/fly-hello-wordpress#5: an apache2 + mod_php child of the wordpress image at OOM, anon-rss 24052 kB and shmem-rss 34308 kB (OPcache, shared by all children)",
    "https://github.com/gregmsanderson/fly-hello-wordpress/issues/5",
    "2023-09-02",
    Confidence::B,
);
const WP_PREFORK: Source = src(
    "Debian apache2 mods-available/mpm_prefork.conf (the php:apache and wordpress images): StartServers 5, MinSpareServers 5, MaxSpareServers 10, MaxRequestWorkers 150",
    "https://salsa.debian.org/apache-team/apache2/-/blob/master/debian/config-dir/mods-available/mpm_prefork.conf",
    "2026-12-01",
    Confidence::A,
);
const DOTNET_OTEL: Source = src(
    "open-telemetry/opentelemetry-demo compose.yaml @054282e318: the .NET cart and accounting services run within 160M limits (a working ceiling, not a reading)",
    "https://github.com/open-telemetry/opentelemetry-demo/blob/054282e318317f2be09f67dd9b0d7d1278566cfa/compose.yaml",
    "2026-08-22",
    Confidence::C,
);
const DOTNET_GROWTH: Source = src(
    "Derived: aspnet/aspnet-docker#300, simple ASP.NET Core Web APIs used 500–900 MB each without a limit on a 4-core host (Server GC); 740 = 900 less the 160 working set",
    "https://github.com/aspnet/aspnet-docker/issues/300",
    "2017-09-15",
    Confidence::C,
);
const DOTNET_GC: Source = src(
    ".NET runtime configuration, garbage collector: in a container with a memory limit the GC heap hard limit defaults to the greater of 20 MB or 75 % of the limit",
    "https://learn.microsoft.com/en-us/dotnet/core/runtime-config/garbage-collector",
    "2025-12-02",
    Confidence::A,
);
const GO_PROXIES: Source = src(
    "Derived: Go servers idle at 30 MB (Traefik, traefik/traefik#4474) to 44 MB (Caddy, sjtug/cerberus#13); the OpenTelemetry demo runs its Go services within 20M (GOMEMLIMIT 16MiB)",
    "https://github.com/traefik/traefik/issues/4474",
    "2019-02-06",
    Confidence::C,
);
const GO_SPREAD: Source = src(
    "Spread from measurements: Go services within 20M (OpenTelemetry demo), Traefik idle ~30 MB, production Traefik 80–99 MiB (hmcts/cnp-flux-config PR #17963); a preset is a planning choice",
    "https://github.com/hmcts/cnp-flux-config/pull/17963",
    "2022-09-22",
    Confidence::C,
);
const ACTIX_IDLE: Source = src(
    "actix/actix-web#2855: a hello-world actix-web container needs 5 MB on 2 cores and 10 MB on 30 (one worker thread per core)",
    "https://github.com/actix/actix-web/issues/2855",
    "2022-08-27",
    Confidence::B,
);
const ACTIX_LOAD: Source = src(
    "actix/actix-web#3198 (comment): the program doesn't exceed 100MB under heavy load",
    "https://github.com/actix/actix-web/issues/3198",
    "2023-12-21",
    Confidence::B,
);
const KC_SIZING: Source = src(
    "Keycloak docs, Concepts for sizing CPU and memory: base memory 1250 MB including 10,000 cached sessions; in containers 70 % of the limit goes to the heap, plus ≈ 300 MB non-heap",
    "https://www.keycloak.org/high-availability/concepts-memory-and-cpu-sizing",
    "2026-12-01",
    Confidence::A,
);
const KC_INACTIVE: Source = src(
    "keycloak/keycloak-benchmark PR #719: an inactive Keycloak pod uses 1000 MB; 700 MiB heap = 1000 less the ≈ 300 MB non-heap of the sizing docs",
    "https://github.com/keycloak/keycloak-benchmark/pull/719",
    "2024-02-16",
    Confidence::B,
);

// Image tags: docker-library/official-images at 37079fb336 (2026-08-21)
// lists wordpress 7-apache and php 8.4-fpm; Keycloak 26.8.2 is pinned in a
// public production compose file (quay.io publishes patch tags).

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    FASTAPI,
    GUNICORN,
    DJANGO,
    SANIC,
    NODE,
    NEXTJS,
    SPRING_BOOT,
    RAILS_PUMA,
    PHOENIX,
    PHP_FPM,
    WORDPRESS,
    ASPNET_CORE,
    GO_SERVICE,
    RUST_SERVICE,
    KEYCLOAK,
    CUSTOM,
]);

#[rustfmt::skip]
const FASTAPI_KNOBS: &[KnobDef] = &[
    workers(1, UVICORN),
    knob("app_mib", "Memory per worker", "每个进程内存", Mib, 135, GIB64, "a small real app idles at 120–150 MB per process; trivial app 45 MiB, larger apps 172 MB and up", MEALIE_IDLE),
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
        Preset {
            id: "baseline",
            values: &[("app_mib", 45)],
            source: FASTAPI_SPREAD,
        },
        Preset {
            id: "small-app",
            values: &[("app_mib", 135)],
            source: FASTAPI_SPREAD,
        },
        Preset {
            id: "large-app",
            values: &[("app_mib", 172)],
            source: FASTAPI_SPREAD,
        },
    ],
    self_sizing: None,
    assumed: false,
    deploy: PY_DEPLOY,
};

#[rustfmt::skip]
pub const GUNICORN: ServiceDef = ServiceDef {
    id: "gunicorn",
    category: Category::Web,
    name_en: "Flask / WSGI app (gunicorn)",
    name_zh: "Flask / WSGI 应用（Gunicorn）",
    images: &["tiangolo/meinheld-gunicorn-flask"],
    kind: KindId::PythonWeb,
    knobs: &[
        workers(1, GUNICORN_DOCS),
        knob("app_mib", "Memory per worker", "每个进程内存", Mib, 237, GIB64, "a documented Flask service idles at ~237 MB with one worker; a trivial Flask worker is 29 MiB, an app with ML models 1.7 GB", FLASK_APP),
        knob("master_mib", "Arbiter process", "主进程内存", Mib, 26, GIB64, "gunicorn master: 142.5 − 4 × 29.2 MiB RSS", MEASURED),
        knob("request_mib", "Peak per busy worker", "每个进程峰值增量", Mib, 161, GIB64, "the same service peaked at 398 MB with 4 concurrent uploads: +161 MB", FLASK_APP),
        CPU_PER_WORKER, DB_POOL,
    ],
    presets: &[
        Preset { id: "baseline", values: &[("app_mib", 29)], source: FLASK_SPREAD },
        Preset { id: "small-app", values: &[("app_mib", 237)], source: FLASK_SPREAD },
        Preset { id: "large-app", values: &[("app_mib", 1700)], source: FLASK_SPREAD },
    ],
    self_sizing: None,
    assumed: false,
    deploy: PY_DEPLOY,
};

#[rustfmt::skip]
pub const DJANGO: ServiceDef = ServiceDef {
    id: "django",
    category: Category::Web,
    name_en: "Django (gunicorn)",
    name_zh: "Django（Gunicorn）",
    images: &[],
    kind: KindId::PythonWeb,
    knobs: &[
        workers(1, GUNICORN_DOCS),
        knob("app_mib", "Memory per worker", "每个进程内存", Mib, 50, GIB64, "a small production Django app: 49.5 MB per worker (PSS); sample apps 24–30 MiB, large apps ~400 MB", DJANGO_WORKER),
        knob("master_mib", "Arbiter process", "主进程内存", Mib, 41, GIB64, "gunicorn master of the same app: 40.8 MB (PSS)", DJANGO_WORKER),
        knob("request_mib", "Peak per busy worker", "每个进程峰值增量", Mib, 250, GIB64, "Django workers grew from ~24 MiB idle to ~300 MB serving requests; --max-requests recycles them", DJANGO_GROWTH),
        CPU_PER_WORKER, DB_POOL,
    ],
    presets: &[
        Preset { id: "baseline", values: &[("app_mib", 30)], source: DJANGO_SPREAD },
        Preset { id: "small-app", values: &[("app_mib", 50)], source: DJANGO_SPREAD },
        Preset { id: "large-app", values: &[("app_mib", 400)], source: DJANGO_SPREAD },
    ],
    self_sizing: None,
    assumed: false,
    deploy: PY_DEPLOY,
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
    deploy: PY_DEPLOY,
};

const NODE_SELF_SIZING: Option<SelfSizing> = Some(SelfSizing {
    percent_of_memory: 25,
    rule: "old space ≈ ¼ of the memory it sees, at most ~4 GiB",
    source: NODE_HEAP,
});

const NODE_DEPLOY: Deploy = Deploy {
    ports: &[Port::new(3000, "HTTP (the usual default; set by your app)")],
    ..Deploy::NONE
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
        knob("heap_used_mib", "Heap in use (typical)", "常用堆内存", Mib, 250, GIB64, "real services hold 300–400 MB after a full GC (a hello-world app is 27 MiB in all); V8 drifts higher between collections", NODE_WORKING_SET),
        MAX_OLD_SPACE,
        CPU, DB_POOL,
    ],
    presets: &[
        Preset { id: "small-app", values: &[("heap_used_mib", 90)], source: NODE_SPREAD },
        Preset { id: "large-app", values: &[("heap_used_mib", 350)], source: NODE_SPREAD },
    ],
    self_sizing: NODE_SELF_SIZING,
    assumed: false,
    deploy: NODE_DEPLOY,
};

#[rustfmt::skip]
pub const NEXTJS: ServiceDef = ServiceDef {
    id: "nextjs",
    category: Category::Web,
    name_en: "Next.js server",
    name_zh: "Next.js 服务端",
    images: &[],
    kind: KindId::Node,
    knobs: &[
        knob("base_mib", "Process outside the heap", "堆外进程", Mib, 50, GIB64, "Node 20 http server: 51 MiB RSS; starting through npm or pnpm adds a second process", MEASURED),
        knob("heap_used_mib", "Heap in use (typical)", "常用堆内存", Mib, 162, GIB64, "a Next.js container idles at ~212 MiB (~117 MiB with a 256 MB old-space cap and lazy pages)", NEXT_IDLE),
        MAX_OLD_SPACE,
        CPU, DB_POOL,
    ],
    presets: &[],
    self_sizing: NODE_SELF_SIZING,
    assumed: false,
    deploy: NODE_DEPLOY,
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
        HEAP_IN_USE,
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
    deploy: Deploy {
        ports: &[Port::new(8080, "HTTP (server.port default)")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const RAILS_PUMA: ServiceDef = ServiceDef {
    id: "rails-puma",
    category: Category::Web,
    name_en: "Ruby on Rails (Puma)",
    name_zh: "Ruby on Rails（Puma）",
    images: &["ruby", "bitnami/rails"],
    kind: KindId::Puma,
    knobs: &[
        knob("workers", "Puma workers (WEB_CONCURRENCY, 0 = single mode)", "Puma 工作进程数（WEB_CONCURRENCY，0 = 单进程模式）", Count, 0, 256, "the Rails template runs one process unless WEB_CONCURRENCY is set", RAILS_PUMA_RB),
        knob("threads", "Threads per process (RAILS_MAX_THREADS)", "每进程线程数（RAILS_MAX_THREADS）", Count, 3, 1024, "each thread holds one database connection", RAILS_PUMA_RB),
        knob("master_mib", "Master process (cluster mode)", "主进程内存（集群模式）", Mib, 117, GIB64, "a simple Rails app's master: ≈ 117 MB", SUSPENDERS),
        knob("app_mib", "Memory per process", "每个进程内存", Mib, 117, GIB64, "a simple Rails app: 109 MB at boot, ≈ 117 MB after the first request; GitLab-size apps ≈ 800 MB", SUSPENDERS),
        knob("request_mib", "Peak per busy process", "每个进程峰值增量", Mib, 30, GIB64, "≈ 10 MB per busy thread × 3 threads", SUSPENDERS),
        CPU_PER_WORKER,
    ],
    presets: &[
        Preset { id: "baseline", values: &[("app_mib", 109)], source: RAILS_SPREAD },
        Preset { id: "small-app", values: &[("app_mib", 117)], source: RAILS_SPREAD },
        Preset { id: "large-app", values: &[("app_mib", 800)], source: RAILS_SPREAD },
    ],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        ports: &[Port::new(3000, "HTTP (Puma, Rails default)")],
        volumes: &[Volume { name: "rails-storage", path: "/rails/storage" }],
        env: &[EnvSpec {
            name: "SECRET_KEY_BASE",
            value: EnvValue::Secret,
            why_en: why!("Rails refuses to boot in production without secret_key_base (or RAILS_MASTER_KEY)"),
            why_zh: why!("生产环境下缺少 secret_key_base（或 RAILS_MASTER_KEY）时 Rails 拒绝启动"),
        }],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PHOENIX: ServiceDef = ServiceDef {
    id: "phoenix",
    category: Category::Web,
    name_en: "Elixir / Phoenix app",
    name_zh: "Elixir / Phoenix 应用",
    images: &["elixir", "hexpm/elixir", "bitwalker/alpine-elixir-phoenix"],
    kind: KindId::Beam,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 72, 1 << 20, "one BEAM node with a Phoenix app: 36–97 MiB; cap ports (+Q or ulimit nofile) or a huge nofile inflates it to GBs", PHOENIX_MEMORY),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 256, 1 << 20, "planning budget: no published peak; the BEAM grows until the container limit", PHOENIX_PEAK),
        CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        ports: &[Port::new(4000, "HTTP (Phoenix endpoint, PORT default)")],
        env: &[
            EnvSpec {
                name: "SECRET_KEY_BASE",
                value: EnvValue::Secret,
                why_en: why!("the generated config/runtime.exs raises at boot in production without it"),
                why_zh: why!("生成的 config/runtime.exs 在生产环境下缺少它会在启动时报错退出"),
            },
            EnvSpec {
                name: "PHX_SERVER",
                value: EnvValue::Literal("true"),
                why_en: why!("a release starts the HTTP endpoint only when PHX_SERVER is set"),
                why_zh: why!("release 只有在设置了 PHX_SERVER 时才会启动 HTTP 服务"),
            },
        ],
        // The port table follows the open-file limit (see kinds::beam::NOFILE).
        nofile: Some(crate::kinds::beam::NOFILE),
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PHP_FPM: ServiceDef = ServiceDef {
    id: "php-fpm",
    category: Category::Web,
    name_en: "PHP-FPM",
    name_zh: "PHP-FPM 进程池",
    images: &["php", "bitnami/php-fpm", "serversideup/php"],
    kind: KindId::PhpFpm,
    knobs: &[
        knob("max_children", "pm.max_children", "pm.max_children（最大子进程数）", Count, 5, 4096, "the image's www.conf: 5 children; size it as memory / a child's peak", PHP_POOL),
        knob("child_mib", "Memory per child", "每个子进程内存", Mib, 40, GIB64, "a small app's child; a trivial child is 12 MB RSS, a Symfony child 250 MB", PHP_CHILD),
        knob("master_mib", "Master process", "主进程内存", Mib, 7, GIB64, "php-fpm master: 6.8 MB RSS", PHP_MEASURED),
        knob("request_mib", "Peak per busy child", "每个子进程峰值增量", Mib, 128, GIB64, "a child may grow to memory_limit and keeps it until recycled (pm.max_requests)", PHP_MEMORY_LIMIT),
        knob("memory_limit_mib", "PHP memory_limit", "PHP memory_limit", Mib, 128, GIB64, "php.ini default 128M", PHP_MEMORY_LIMIT),
        CPU_PER_WORKER,
    ],
    presets: &[
        Preset { id: "baseline", values: &[("child_mib", 12)], source: PHP_SPREAD },
        Preset { id: "small-app", values: &[("child_mib", 40)], source: PHP_SPREAD },
        Preset { id: "large-app", values: &[("child_mib", 250)], source: PHP_SPREAD },
    ],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "php",
        tag: "8.4-fpm",
        ports: &[Port::new(9000, "FastCGI (not HTTP): put Nginx or Caddy in front")],
        volumes: &[Volume { name: "php-app", path: "/var/www/html" }],
        // FastCGI cannot be probed with curl; bash proves the master accepts connections.
        healthcheck: &["CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9000"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const WORDPRESS: ServiceDef = ServiceDef {
    id: "wordpress",
    category: Category::Platform,
    name_en: "WordPress (Apache + mod_php)",
    name_zh: "WordPress 站点（Apache + mod_php）",
    images: &["wordpress", "bitnami/wordpress"],
    kind: KindId::PhpFpm,
    knobs: &[
        knob("max_children", "Apache children (prefork)", "Apache 子进程数（prefork）", Count, 5, 4096, "prefork keeps 5–10 children (MaxRequestWorkers 150 is the ceiling): one per concurrent request", WP_PREFORK),
        knob("child_mib", "Memory per child", "每个子进程内存", Mib, 24, GIB64, "an apache2 + mod_php child: 24 MB private", WP_CHILD),
        knob("master_mib", "Shared OPcache and parent", "共享 OPcache 与父进程", Mib, 34, GIB64, "OPcache shared by all children: 34 MB (counted once)", WP_CHILD),
        knob("request_mib", "Peak per busy child", "每个子进程峰值增量", Mib, 128, GIB64, "a child may grow to memory_limit", PHP_MEMORY_LIMIT),
        knob("memory_limit_mib", "PHP memory_limit", "PHP memory_limit", Mib, 128, GIB64, "php.ini default 128M (the image sets none)", PHP_MEMORY_LIMIT),
        CPU_PER_WORKER,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "wordpress",
        tag: "7-apache",
        ports: &[Port::new(80, "HTTP (Apache)")],
        volumes: &[Volume { name: "wordpress-html", path: "/var/www/html" }],
        // curl is a runtime dependency of the php base image.
        healthcheck: &["CMD", "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1/wp-login.php"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const ASPNET_CORE: ServiceDef = ServiceDef {
    id: "aspnet-core",
    category: Category::Runtime,
    name_en: "ASP.NET Core app",
    name_zh: "ASP.NET Core 应用",
    images: &["dotnet/aspnet"],
    kind: KindId::Dotnet,
    knobs: &[
        knob("app_mib", "Working set", "常驻内存", Mib, 160, GIB64, ".NET services run within 160M (a ceiling); readings: 130 MB with memory and CPU limits, 250 MB at a fresh start (.NET 6)", DOTNET_OTEL),
        knob("request_mib", "Growth under load", "负载下的增长", Mib, 740, GIB64, "simple Web APIs grew to 500–900 MB without a limit; with one the GC heap stops at gc_heap_pct", DOTNET_GROWTH),
        knob("gc_heap_pct", "GC heap limit (% of the limit)", "GC 堆上限（占容器上限的百分比）", Percent, 75, 100, "GCHeapHardLimitPercent default in a container with a limit", DOTNET_GC),
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 75,
        rule: "GC heap hard limit = 75 % of the container limit; without a limit Server GC sizes from the host",
        source: DOTNET_GC,
    }),
    assumed: false,
    deploy: Deploy {
        ports: &[Port::new(8080, "HTTP (ASPNETCORE_HTTP_PORTS default since .NET 8)")],
        ..Deploy::NONE
    },
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
        knob("live_heap_mib", "Live heap", "存活堆", Mib, 20, GIB64, "Go servers idle at 20–44 MB in all; set GOMEMLIMIT, the runtime ignores the container limit", GO_PROXIES),
        knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, 10, GIB64, "small Gin server 5–10 MiB", PLANNER),
        GC_KNOBS[0], GC_KNOBS[1],
        CPU, DB_POOL,
    ],
    presets: &[
        Preset { id: "baseline", values: &[("live_heap_mib", 5)], source: GO_SPREAD },
        Preset { id: "small-app", values: &[("live_heap_mib", 20)], source: GO_SPREAD },
        Preset { id: "large-app", values: &[("live_heap_mib", 45)], source: GO_SPREAD },
    ],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        ports: &[Port::new(8080, "HTTP (set by your app)")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const RUST_SERVICE: ServiceDef = ServiceDef {
    id: "rust-service",
    category: Category::Runtime,
    name_en: "Rust service (actix-web, axum)",
    name_zh: "Rust 服务（actix-web / axum）",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 10, 1 << 20, "a hello-world actix-web container: 5 MB on 2 cores, 10 MB on 30 (a thread per core); your app's data comes on top", ACTIX_IDLE),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 100, 1 << 20, "under heavy load: under 100 MB; glibc arenas may keep it after a spike (MALLOC_ARENA_MAX=2 or jemalloc)", ACTIX_LOAD),
        limit(0, PLANNER),
        CPU,
        DB_POOL,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        ports: &[Port::new(8080, "HTTP (set by your app)")],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const KEYCLOAK: ServiceDef = ServiceDef {
    id: "keycloak",
    category: Category::Platform,
    name_en: "Keycloak",
    name_zh: "Keycloak 身份认证",
    images: &["keycloak/keycloak", "bitnami/keycloak", "jboss/keycloak", "rhbk/keycloak-rhel9"],
    kind: KindId::Jvm,
    knobs: &[
        heap(700, "an inactive Keycloak uses 1000 MB in all; unset, the image takes 70 % of the limit (JAVA_OPTS_KC_HEAP)", KC_INACTIVE),
        knob("nonheap_mib", "Non-heap", "堆外内存", Mib, 300, GIB64, "≈ 300 MB outside the heap", KC_SIZING),
        THREADS,
        // An inactive Keycloak already holds most of its heap (its caches):
        // 1000 MB in all less the non-heap and threads is 93 % of 700 MiB.
        KnobDef {
            default: 93,
            note: crate::model::knob_note("an inactive Keycloak pod uses 1000 MB in all: (1000 − 300 non-heap − 50 threads) / 700 MiB heap"),
            source: KC_INACTIVE,
            ..HEAP_IN_USE
        },
        CPU_LIGHT,
        knob("db_pool", "DB connections per process", "每进程数据库连接数", Count, 100, 10_000, "KC_DB_POOL_MAX_SIZE default", KC_POOL),
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 70,
        rule: "max heap = 70 % of the container limit (JAVA_OPTS_KC_HEAP), of the host's memory without a limit",
        source: KC_SIZING,
    }),
    assumed: false,
    deploy: Deploy {
        image: "quay.io/keycloak/keycloak",
        tag: "26.8.2",
        command: &["start"],
        heap_env: Some("JAVA_OPTS_KC_HEAP"),
        ports: &[
            Port::new(8080, "HTTP (TLS ends at your proxy)"),
            Port::new(9000, "management: /health and /metrics"),
        ],
        env: &[
            EnvSpec {
                name: "KC_HOSTNAME",
                value: EnvValue::Literal("https://auth.example.com"),
                why_en: why!("production mode (`start`) refuses to start without its public URL: set yours"),
                why_zh: why!("生产模式（`start`）没有对外地址时拒绝启动：改成你的域名"),
            },
            EnvSpec {
                name: "KC_HTTP_ENABLED",
                value: EnvValue::Literal("true"),
                why_en: why!("production mode needs TLS keys unless plain HTTP is enabled behind a TLS proxy"),
                why_zh: why!("生产模式下除非开启 HTTP（由前面的代理终结 TLS），否则必须提供 TLS 证书"),
            },
            EnvSpec {
                name: "KC_HEALTH_ENABLED",
                value: EnvValue::Literal("true"),
                why_en: why!("serves /health/ready on port 9000 for the healthcheck"),
                why_zh: why!("在 9000 端口提供 /health/ready，供健康检查使用"),
            },
            EnvSpec {
                name: "KC_BOOTSTRAP_ADMIN_USERNAME",
                value: EnvValue::Literal("admin"),
                why_en: why!("creates the first administrator; without it nobody can log in"),
                why_zh: why!("创建首个管理员账号；不设则无人能登录"),
            },
            EnvSpec {
                name: "KC_BOOTSTRAP_ADMIN_PASSWORD",
                value: EnvValue::Secret,
                why_en: why!("the first administrator's password"),
                why_zh: why!("首个管理员账号的密码"),
            },
        ],
        // UBI-micro base: no curl or wget; bash can speak HTTP over /dev/tcp.
        healthcheck: &["CMD-SHELL", "exec 3<>/dev/tcp/127.0.0.1/9000 && printf 'GET /health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q 'HTTP/1.. 200' <&3"],
        ..Deploy::NONE
    },
};

const KC_POOL: Source = src(
    "Keycloak server configuration, database: db-pool-max-size (KC_DB_POOL_MAX_SIZE) default 100",
    "https://www.keycloak.org/server/all-config",
    "2026-12-01",
    Confidence::A,
);

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
