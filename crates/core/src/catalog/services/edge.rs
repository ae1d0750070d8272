//! Reverse proxies, load balancers, API gateways and static frontends:
//! Nginx, Caddy, Traefik, HAProxy, Squid, Kong, Envoy, Apache httpd.

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

// Image tags: docker-library/official-images at 37079fb336 (2026-08-21)
// lists nginx 1.30 (stable), caddy 2.11, traefik v3.7, haproxy 3.2,
// kong 3.9 and httpd 2.4; envoyproxy/envoy v1.37-latest and
// ubuntu/squid 6.6-24.04_beta are pinned in public compose files. Kong's
// KONG_DATABASE and `kong health`: Kong/docker-kong compose/docker-compose.yml
// and ubuntu/Dockerfile (d1ed165, 2026-06-17).

/// What users read in `docker stats` for an idle or lightly used nginx. The
/// 10.3 MiB RSS StackFit measured counts the shared pages once per process
/// (3.7 MiB PSS); the container's cgroup charges them once.
const NGINX_DOCKER_STATS: Source = src(
    "docker stats of nginx containers: 2.4 MiB (ropensci/fishbaseapi#29), 3 MB with one worker (Kong/docker-kong#536), 5.4 MiB (getsentry/self-hosted#3053), 7.3 MiB (getsentry/self-hosted#1719); median 4.2, rounded up",
    "https://github.com/getsentry/self-hosted/issues/3053",
    "2024-05-15",
    Confidence::B,
);
const CADDY_STATIC: Source = src(
    "sjtug/cerberus#13: a Caddy build serving a static site, top RES 44752 KiB (43.7 MiB)",
    "https://github.com/sjtug/cerberus/issues/13",
    "2025-07-16",
    Confidence::B,
);
/// Traefik's production pods stand in for a Go reverse proxy under traffic.
const GO_PROXY_UNDER_LOAD: Source = src(
    "Proxy: hmcts/cnp-flux-config PR #17963, production Traefik pods under traffic at 80–99 MiB (kubectl top), used for another Go reverse proxy that was not measured under load",
    "https://github.com/hmcts/cnp-flux-config/pull/17963",
    "2022-09-22",
    Confidence::C,
);
const TRAEFIK_IDLE: Source = src(
    "traefik/traefik#4474: without load the memory footprint is around ~30MB",
    "https://github.com/traefik/traefik/issues/4474",
    "2019-02-06",
    Confidence::B,
);
const TRAEFIK_LOAD: Source = src(
    "hmcts/cnp-flux-config PR #17963: production Traefik pods under traffic, 80–99 MiB and 91–228 millicores (kubectl top)",
    "https://github.com/hmcts/cnp-flux-config/pull/17963",
    "2022-09-22",
    Confidence::B,
);
const HAPROXY_START: Source = src(
    "haproxy/haproxy#1751: haproxy 2.5/2.6 alpine containers use 72.4–72.6 MB at start (maxconn unset: tables sized from nofile 1048576); 2.4 used 3.3 MB",
    "https://github.com/haproxy/haproxy/issues/1751",
    "2022-06-15",
    Confidence::B,
);
const HAPROXY_BUFFERS: Source = src(
    "StackFit planning figure: the start-up tables plus 1,000 busy connections × two tune.bufsize buffers (16 KB each, HAProxy default); no published peak",
    "https://docs.haproxy.org/3.2/configuration.html#3.2-tune.bufsize",
    "2026-12-01",
    Confidence::C,
);
const SQUID_MALLINFO: Source = src(
    "ra-at-diladele-com/qlproxy_external#972: squidclient mgr:info of a filtering Squid, mallinfo Total size 84768 KB",
    "https://github.com/ra-at-diladele-com/qlproxy_external/issues/972",
    "2015-09-07",
    Confidence::B,
);
const SQUID_CACHE_MEM: Source = src(
    "Derived from vendor figures: cache_mem 256 MB default (squid-cache.org, cache_mem: not the maximum process size) + ≈ 42 MB FD tables at a 100K descriptor cap (squid-cache/squid PR #2483)",
    "https://www.squid-cache.org/Doc/config/cache_mem/",
    "2026-12-01",
    Confidence::C,
);
const KONG_IDLE: Source = src(
    "Kong/docker-kong#536: with nginx_worker_processes = 1 the Kong 2.6 container consumes 115 MB (Nginx alone 3 MB); Kong 1.4: 75 MB with 1 worker, 200 MB with 4 (Kong/kong#5324)",
    "https://github.com/Kong/docker-kong/issues/536",
    "2022-01-08",
    Confidence::B,
);
const KONG_LOAD: Source = src(
    "Kong/kong#7581: DB-less Kong under a load test, every nginx worker near 250 MB; two workers (a 2-vCPU host with worker_processes auto) ≈ 500 MB",
    "https://github.com/Kong/kong/issues/7581",
    "2021-07-21",
    Confidence::B,
);
const ENVOY_IDLE: Source = src(
    "envoyproxy/envoy#21923: admin /memory of an idle ingress Envoy, total_physical_bytes 25690112 (24.5 MiB)",
    "https://github.com/envoyproxy/envoy/issues/21923",
    "2022-07-08",
    Confidence::B,
);
const ENVOY_RPS: Source = src(
    "Derived: Istio performance docs, the Envoy proxy uses 40 MB per 1000 requests per second through it; at 1,000 rps over the idle 26 MiB (the rate is a planning assumption)",
    "https://istio.io/v1.16/docs/ops/deployment/performance-and-scalability",
    "2026-12-01",
    Confidence::C,
);
const HTTPD_MEASURED: Source = src(
    "StackFit measurement: Debian 12 apache2 2.4, event MPM, stock config, parent + 2 children after 100 requests: RSS 18.9 MB, PSS 6.7 MB (/proc/<pid>/smaps_rollup)",
    "",
    "2026-12-01",
    Confidence::B,
);
const HTTPD_PEAK: Source = src(
    "packit/packit-service PR #596: with StartServers/MaxRequestWorkers capped, the httpd container's memory doesn't go over 80 MiB",
    "https://github.com/packit/packit-service/pull/596",
    "2020-04-30",
    Confidence::B,
);

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    NGINX,
    CADDY,
    TRAEFIK,
    HAPROXY,
    ENVOY,
    KONG_DBLESS,
    KONG_POSTGRES,
    SQUID,
    APACHE_HTTPD,
    STATIC_FRONTEND,
]);

const NGINX_DEPLOY: Deploy = Deploy {
    image: "nginx",
    tag: "1.30",
    ports: &[Port::new(80, "HTTP")],
    // curl ships in the Debian and Alpine variants (not in *-alpine-slim).
    healthcheck: &[
        "CMD",
        "curl",
        "-fsS",
        "-o",
        "/dev/null",
        "http://127.0.0.1/",
    ],
    ..Deploy::NONE
};

pub const NGINX: ServiceDef = ServiceDef {
    id: "nginx",
    category: Category::Proxy,
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
        expected(5, NGINX_DOCKER_STATS),
        peak(64, NGINX_BUDGET),
        limit(100, NGINX_BUDGET),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: NGINX_DEPLOY,
};

#[rustfmt::skip]
pub const CADDY: ServiceDef = ServiceDef {
    id: "caddy",
    category: Category::Proxy,
    name_en: "Caddy",
    name_zh: "Caddy 反向代理（自动 HTTPS）",
    images: &["caddy", "lucaslorentz/caddy-docker-proxy"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 45, 1 << 20, "a Caddy serving a static site: 43.7 MiB RSS", CADDY_STATIC),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 100, 1 << 20, "no published peak for Caddy; another Go proxy (Traefik) under traffic: 80–99 MiB", GO_PROXY_UNDER_LOAD),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "caddy",
        tag: "2.11",
        ports: &[
            Port::new(80, "HTTP and ACME HTTP-01"),
            Port::new(443, "HTTPS (TCP and UDP for HTTP/3)"),
        ],
        volumes: &[
            Volume { name: "caddy-data", path: "/data" },
            Volume { name: "caddy-config", path: "/config" },
        ],
        // Alpine base: busybox wget, no curl; the admin API listens on localhost:2019.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:2019/config/"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const TRAEFIK: ServiceDef = ServiceDef {
    id: "traefik",
    category: Category::Proxy,
    name_en: "Traefik",
    name_zh: "Traefik 反向代理",
    images: &["traefik"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 30, 1 << 20, "Traefik without load: ~30 MB", TRAEFIK_IDLE),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 100, 1 << 20, "production pods under traffic: 80–99 MiB; many routes and buffering middlewares need more", TRAEFIK_LOAD),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "traefik",
        tag: "v3.7",
        // /ping must be on for `traefik healthcheck --ping`.
        command: &["--ping=true", "--entrypoints.web.address=:80"],
        command_note: Some((
            "add your providers (e.g. --providers.docker=true with /var/run/docker.sock mounted) and entrypoints",
            "按需添加 provider（例如 --providers.docker=true 并挂载 /var/run/docker.sock）和入口",
        )),
        ports: &[
            Port::new(80, "web entrypoint"),
            Port::new(8080, "ping and API (traefik entrypoint)"),
        ],
        healthcheck: &["CMD", "traefik", "healthcheck", "--ping"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const HAPROXY: ServiceDef = ServiceDef {
    id: "haproxy",
    category: Category::Proxy,
    name_en: "HAProxy",
    name_zh: "HAProxy 负载均衡",
    images: &["haproxy", "haproxytech/haproxy-alpine", "haproxytech/haproxy-debian", "bitnami/haproxy"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 72, 1 << 20, "at start without `maxconn`: tables sized from the container's nofile limit (72 MB at 1048576); set maxconn in haproxy.cfg and it is a few MB", HAPROXY_START),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 104, 1 << 20, "start-up tables + 1,000 busy connections × 2 × 16 KB buffers (planning figure)", HAPROXY_BUFFERS),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "haproxy",
        tag: "3.2",
        // The image ships no haproxy.cfg: mount one at /usr/local/etc/haproxy.
        ports: &[Port::new(80, "frontend (as haproxy.cfg binds it)")],
        // Without `maxconn` HAProxy derives it from the open-file limit
        // (element-hq/ess-helm#890: Ulimit-n 1048576 gave maxconn 524250,
        // citing docs.haproxy.org/3.1/configuration.html#maxconn) and sizes
        // its tables from it. The measured 72 MB (haproxy/haproxy#1751) was
        // at nofile 1048576, which was also Docker's own LimitNOFILE before
        // `infinity` (moby/moby#24555, via docker/for-linux#73); a daemon
        // passing 2^30 would scale the tables 1024× (StackFit's arithmetic),
        // and Docker Engine 23's change of the limit broke existing configs
        // (haproxy/haproxy#2043).
        nofile: Some(1_048_576),
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const ENVOY: ServiceDef = ServiceDef {
    id: "envoy",
    category: Category::Proxy,
    name_en: "Envoy Proxy",
    name_zh: "Envoy 代理",
    images: &["envoyproxy/envoy", "envoyproxy/envoy-distroless", "envoyproxy/envoy-alpine"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 26, 1 << 20, "an idle Envoy: 24.5 MiB physical (admin /memory); pass --concurrency on many-core hosts", ENVOY_IDLE),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 66, 1 << 20, "idle + 40 MB per 1,000 requests/s through it, at 1,000 rps", ENVOY_RPS),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "envoyproxy/envoy",
        tag: "v1.37-latest",
        ports: &[
            Port::new(10000, "listener of the bundled sample config"),
            Port::new(9901, "admin interface"),
        ],
        // Ubuntu base without curl or wget; bash can open a TCP socket.
        healthcheck: &["CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9901"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const KONG_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 115, 1 << 20, "Kong 2.6 with one nginx worker, idle: 115 MB; each further worker adds ≈ 40–65 MB (worker_processes auto = host CPUs)", KONG_IDLE),
    knob("peak_mib", "Peak memory", "峰值内存", Mib, 500, 1 << 20, "two workers under a load test at ≈ 250 MB each", KONG_LOAD),
    limit(0, PLANNER),
    CPU_LIGHT,
];

const KONG_PORTS: &[Port] = &[
    Port::new(8000, "proxy HTTP"),
    Port::new(8443, "proxy HTTPS"),
];

pub const KONG_DBLESS: ServiceDef = ServiceDef {
    id: "kong",
    category: Category::Proxy,
    name_en: "Kong Gateway (DB-less)",
    name_zh: "Kong API 网关（无数据库模式）",
    images: &["kong", "kong/kong-gateway", "kong/kong", "bitnami/kong"],
    kind: KindId::Fixed,
    knobs: KONG_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "kong",
        tag: "3.9",
        ports: KONG_PORTS,
        env: &[EnvSpec {
            name: "KONG_DATABASE",
            value: EnvValue::Literal("off"),
            why_en: why!(
                "DB-less mode: the image defaults to postgres and stops without a database"
            ),
            why_zh: why!("无数据库模式：镜像默认使用 postgres，没有数据库时无法启动"),
        }],
        healthcheck: &["CMD", "kong", "health"],
        ..Deploy::NONE
    },
};

pub const KONG_POSTGRES: ServiceDef = ServiceDef {
    id: "kong-postgres",
    category: Category::Proxy,
    name_en: "Kong Gateway (with PostgreSQL)",
    name_zh: "Kong API 网关（PostgreSQL 模式）",
    images: &[],
    kind: KindId::Fixed,
    knobs: KONG_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "kong",
        tag: "3.9",
        ports: KONG_PORTS,
        env: &[
            EnvSpec {
                name: "KONG_DATABASE",
                value: EnvValue::Literal("postgres"),
                why_en: why!("traditional mode: entities live in PostgreSQL (run `kong migrations bootstrap` once first)"),
                why_zh: why!("传统模式：配置存放在 PostgreSQL 中（首次启动前需先运行一次 `kong migrations bootstrap`）"),
            },
            EnvSpec {
                name: "KONG_PG_HOST",
                value: EnvValue::DependencyHost("postgres"),
                why_en: why!("the PostgreSQL it depends on; Kong stops when it cannot reach the database"),
                why_zh: why!("所依赖的 PostgreSQL；连不上数据库时 Kong 无法启动"),
            },
            // Kong's pg_user and pg_database default to "kong"; the
            // PostgreSQL StackFit writes has only its default user and
            // database, both "postgres".
            EnvSpec {
                name: "KONG_PG_USER",
                value: EnvValue::Literal("postgres"),
                why_en: why!("the database's own user (Kong's default, kong, does not exist there)"),
                why_zh: why!("数据库自带的用户（Kong 默认的 kong 用户在该库中不存在）"),
            },
            EnvSpec {
                name: "KONG_PG_DATABASE",
                value: EnvValue::Literal("postgres"),
                why_en: why!("the database's own database (Kong's default, kong, does not exist there)"),
                why_zh: why!("数据库自带的库（Kong 默认的 kong 库不存在）"),
            },
            EnvSpec {
                name: "KONG_PG_PASSWORD",
                value: EnvValue::DependencySecret,
                why_en: why!("that user's password, the same secret as the database's"),
                why_zh: why!("该用户的密码，与数据库的密码相同"),
            },
        ],
        healthcheck: &["CMD", "kong", "health"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const SQUID: ServiceDef = ServiceDef {
    id: "squid",
    category: Category::Proxy,
    name_en: "Squid",
    name_zh: "Squid 正向代理",
    images: &["ubuntu/squid", "sameersbn/squid", "b4tman/squid"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 83, 1 << 20, "a running filtering Squid: 84768 KB (mallinfo); no published docker stats of an idle Squid container", SQUID_MALLINFO),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 300, 1 << 20, "cache_mem 256 MB (default) filled + FD tables at a 100K descriptor cap; without max_filedescriptors and nofile 1048576 the tables alone are ≈ 10× larger", SQUID_CACHE_MEM),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ubuntu/squid",
        tag: "6.6-24.04_beta",
        ports: &[Port::new(3128, "HTTP proxy")],
        volumes: &[Volume { name: "squid-cache", path: "/var/spool/squid" }],
        // Without max_filedescriptors Squid sizes its FD tables from the raw
        // RLIMIT_NOFILE: ~432 MB at 2^30, ~42 MB at 100K (squid-cache/squid
        // PR #2483, which caps the guess at 100K; the pinned 6.6 predates
        // it). The peak figure assumes that 100K, so the file sets it.
        nofile: Some(100_000),
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const APACHE_HTTPD: ServiceDef = ServiceDef {
    id: "apache-httpd",
    category: Category::Proxy,
    name_en: "Apache HTTP Server",
    name_zh: "Apache HTTP 服务器",
    images: &["httpd", "bitnami/apache", "ubuntu/apache2"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 19, 1 << 20, "event MPM, parent + 2 children: 18.9 MB RSS (6.7 MB PSS)", HTTPD_MEASURED),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 80, 1 << 20, "with StartServers / MaxRequestWorkers capped the container stays under 80 MiB; prefork + mod_php needs per-child budgets (see WordPress)", HTTPD_PEAK),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "httpd",
        tag: "2.4",
        ports: &[Port::new(80, "HTTP")],
        volumes: &[Volume { name: "httpd-htdocs", path: "/usr/local/apache2/htdocs" }],
        // curl and wget are purged build dependencies; the Debian base has bash.
        healthcheck: &["CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/80"],
        ..Deploy::NONE
    },
};

pub const STATIC_FRONTEND: ServiceDef = ServiceDef {
    id: "static-frontend",
    category: Category::Web,
    name_en: "Static frontend (Nginx)",
    name_zh: "静态前端（Nginx）",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        expected(5, NGINX_DOCKER_STATS),
        peak(32, NGINX_BUDGET),
        limit(64, NGINX_BUDGET),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        volumes: &[Volume {
            name: "static-html",
            path: "/usr/share/nginx/html",
        }],
        ..NGINX_DEPLOY
    },
};
