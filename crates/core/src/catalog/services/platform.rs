//! Auth, secrets, source hosting, CI, registries, chat and whole
//! applications: Gitea, GitLab CE (omnibus), authentik, Vault, Consul, the
//! Docker registry, Discourse, Mattermost, Rocket.Chat, Jenkins, SonarQube,
//! Metabase, n8n and Nextcloud.
//!
//! All-in-one images (GitLab omnibus, Discourse) are fixed budgets at their
//! vendor's documented floor. Every published reading cited here is listed
//! in `tests/truth/measurements-ops.json`.

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

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    GITEA,
    GITLAB_CE,
    JENKINS,
    SONARQUBE,
    DOCKER_REGISTRY,
    AUTHENTIK_SERVER,
    AUTHENTIK_WORKER,
    VAULT,
    CONSUL,
    MATTERMOST,
    ROCKET_CHAT,
    DISCOURSE,
    NEXTCLOUD,
    METABASE,
    N8N,
]);

// ---- Gitea ----------------------------------------------------------------

const GITEA_MEMORY: Source = src(
    "go-gitea/gitea#34271: a Gitea 1.24 instance uses 60–100 MB after startup (maintainer); docker stats 228.8 MiB after use",
    "https://github.com/go-gitea/gitea/issues/34271",
    "2025-04-23",
    Confidence::B,
);
const GITEA_DOCS: Source = src(
    "Gitea documentation: 2 CPU cores and 1 GB RAM is typically sufficient for small teams",
    "https://docs.gitea.com/",
    "2026-12-01",
    Confidence::A,
);

#[rustfmt::skip]
pub const GITEA: ServiceDef = ServiceDef {
    id: "gitea",
    category: Category::Platform,
    name_en: "Gitea",
    name_zh: "Gitea 代码托管",
    // docker.gitea.com/gitea normalises to "gitea".
    images: &["gitea/gitea", "gitea", "bitnami/gitea"],
    kind: KindId::Go,
    knobs: &[
        knob("live_heap_mib", "Live heap", "存活堆", Mib, 90, 1 << 16, "60–100 MB after startup (maintainer)", GITEA_MEMORY),
        knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, 10, 1 << 16, "Go runtime", GITEA_MEMORY),
        GC_KNOBS[0],
        GC_KNOBS[1],
        CPU_LIGHT,
        knob("db_pool", "DB connections per process", "每进程数据库连接数", Count, 10, 10_000, "Gitea's database pool", GITEA_DOCS),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "gitea/gitea",
        tag: "1.24",
        ports: &[Port::new(3000, "HTTP"), Port::new(22, "SSH")],
        volumes: &[Volume { name: "gitea-data", path: "/data" }],
        healthcheck: &["CMD", "curl", "-fsS", "http://localhost:3000/api/healthz"],
        ..Deploy::NONE
    },
};

// ---- GitLab CE (omnibus) --------------------------------------------------

const GITLAB_CONSTRAINED: Source = src(
    "GitLab docs, Running GitLab in a memory-constrained environment: minimum 2 GB RAM + 1 GB swap, optimally 2.5 GB RAM + 1 GB swap (up to 5 developers); with the documented settings 'free' shows 1.7Gi used of 1.9Gi and 153Mi swap",
    "https://docs.gitlab.com/omnibus/settings/memory_constrained_envs/",
    "2026-12-01",
    Confidence::A,
);

const GITLAB_PG_SIZING: Source = src(
    "omnibus-gitlab files/gitlab-cookbooks/postgresql/attributes/default.rb: shared_buffers = ¼ of node['memory']['total'], effective_cache_size ½ (the host's memory as Ohai reads it, not the container limit)",
    "https://github.com/gitlabhq/omnibus-gitlab/blob/028ec5b8be46171dd6cea3e49a37cae4840c17d1/files/gitlab-cookbooks/postgresql/attributes/default.rb",
    "2026-12-01",
    Confidence::A,
);

#[rustfmt::skip]
pub const GITLAB_CE: ServiceDef = ServiceDef {
    id: "gitlab-ce",
    category: Category::Platform,
    name_en: "GitLab CE (omnibus, memory-constrained)",
    name_zh: "GitLab 社区版（omnibus 一体化镜像，低内存配置）",
    images: &["gitlab/gitlab-ce", "gitlab/gitlab-ee"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 1741, 1 << 20,
            "Puma in single mode, Sidekiq concurrency 10, monitoring off (the settings written into GITLAB_OMNIBUS_CONFIG): 1.7 GiB used in GitLab's own result, which also swaps 153 MiB; untuned it needs ~3 GB", GITLAB_CONSTRAINED),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 2560, 1 << 20,
            "the guide's optimal 2.5 GB of RAM (plus 1 GB swap) for up to 5 developers", GITLAB_CONSTRAINED),
        limit(0, PLANNER),
        knob("cpu_millicores", "Expected CPU", "预计 CPU", Millicores, 250, 256_000,
            "about 15 processes (Puma, Sidekiq, Gitaly, PostgreSQL, Redis…) in one container; planning figure, enter a measurement", PLANNER),
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "the bundled PostgreSQL's shared_buffers = ¼ of the host's memory (read from /proc/meminfo, so a container limit does not lower it)",
        source: GITLAB_PG_SIZING,
    }),
    assumed: false,
    deploy: Deploy {
        image: "gitlab/gitlab-ce",
        tag: "18.11.7-ce.0",
        ports: &[
            Port::new(80, "HTTP"),
            Port::new(443, "HTTPS"),
            Port::new(22, "SSH (map to another host port, e.g. 2222)"),
        ],
        volumes: &[
            Volume { name: "gitlab-config", path: "/etc/gitlab" },
            Volume { name: "gitlab-logs", path: "/var/log/gitlab" },
            Volume { name: "gitlab-data", path: "/var/opt/gitlab" },
        ],
        env: &[EnvSpec {
            name: "GITLAB_OMNIBUS_CONFIG",
            value: EnvValue::Literal("puma['worker_processes'] = 0; sidekiq['concurrency'] = 10; prometheus_monitoring['enable'] = false"),
            why_en: why!("the memory-constrained settings this budget is for (GitLab docs); without them the omnibus image needs about 3 GB or more"),
            why_zh: why!("本预算对应的低内存配置（见 GitLab 文档）；不加这些设置，omnibus 镜像需要约 3 GB 以上内存"),
        }],
        // The image carries its own HEALTHCHECK (gitlab-healthcheck). Untuned, GitLab 11.4
        // needed about 3 GB (gitlab-org/omnibus-gitlab#3858).
        ..Deploy::NONE
    },
};

// ---- Jenkins --------------------------------------------------------------

const JENKINS_FARGATE: Source = src(
    "jenkinsci/docker#1171: a controller given 8 GB on Fargate only uses 2GB, 25 % (the JVM's default heap)",
    "https://github.com/jenkinsci/docker/issues/1171",
    "2021-08-04",
    Confidence::B,
);

#[rustfmt::skip]
pub const JENKINS: ServiceDef = ServiceDef {
    id: "jenkins",
    category: Category::Platform,
    name_en: "Jenkins controller",
    name_zh: "Jenkins 持续集成",
    images: &["jenkins/jenkins", "jenkinsci/blueocean", "jenkinsci/jenkins", "bitnami/jenkins"],
    kind: KindId::Jvm,
    knobs: &[
        heap(0, "0 = auto: 25 % of what the JVM sees (a controller on an 8 GB task stayed at 2 GB)", JENKINS_FARGATE),
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        THREADS,
        HEAP_IN_USE,
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "no -Xmx in the image: max heap = 25 % of the memory the JVM sees (the limit, else the host)",
        source: JENKINS_FARGATE,
    }),
    assumed: false,
    deploy: Deploy {
        // README tag scheme 'jenkins/jenkins:lts-jdk21' (jenkinsci/docker at ab3f5e0a).
        image: "jenkins/jenkins",
        tag: "lts-jdk21",
        ports: &[Port::new(8080, "web UI"), Port::new(50000, "inbound agents")],
        volumes: &[Volume { name: "jenkins-home", path: "/var/jenkins_home" }],
        // The Debian controller image installs curl.
        healthcheck: &["CMD", "curl", "-fsS", "http://localhost:8080/login"],
        ..Deploy::NONE
    },
};

// ---- SonarQube ------------------------------------------------------------

const SONAR_STATS: Source = src(
    "eclipse-openj9/openj9#6103: docker stats of a SonarQube container (embedded DB) 2.339GiB / 23.37GiB",
    "https://github.com/eclipse-openj9/openj9/issues/6103",
    "2019-06-13",
    Confidence::B,
);

#[rustfmt::skip]
pub const SONARQUBE: ServiceDef = ServiceDef {
    id: "sonarqube",
    category: Category::Platform,
    name_en: "SonarQube Community Build",
    name_zh: "SonarQube 代码质量平台",
    images: &["sonarqube"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 2395, 1 << 20,
            "three JVMs (web, compute engine, embedded Elasticsearch): docker stats 2.339 GiB; the vendor asks at least 2 GB for it", SONAR_STATS),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 3072, 1 << 20,
            "an analysis report being processed while search merges; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "sonarqube",
        tag: "26.8.0.126808-community",
        ports: &[Port::new(9000, "web UI and API")],
        volumes: &[
            Volume { name: "sonarqube-data", path: "/opt/sonarqube/data" },
            Volume { name: "sonarqube-extensions", path: "/opt/sonarqube/extensions" },
            Volume { name: "sonarqube-logs", path: "/opt/sonarqube/logs" },
        ],
        // Without SONAR_JDBC_URL it starts on the embedded H2 database (evaluation only).
        // Host settings: SonarQube Server host requirements (docs.sonarsource.com); the
        // same page asks at least 2 GB of RAM for a small instance plus 1 GB for the OS.
        host: &["vm.max_map_count=524288", "fs.file-max=131072"],
        ..Deploy::NONE
    },
};

// ---- Docker registry ------------------------------------------------------

#[rustfmt::skip]
pub const DOCKER_REGISTRY: ServiceDef = ServiceDef {
    id: "docker-registry",
    category: Category::Platform,
    name_en: "Docker Registry (distribution)",
    name_zh: "Docker 镜像仓库 Registry",
    images: &["registry", "distribution/distribution"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 32, 1 << 20,
            "a small Go server streaming blobs to disk; no measurement found, planning figure", PLANNER),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 256, 1 << 20, "several large layers pushed at once; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // docker-library/official-images library/registry: Tags 3.1.1, 3.1, 3 (registry:2 is frozen).
        image: "registry",
        tag: "3",
        ports: &[Port::new(5000, "registry HTTP API")],
        volumes: &[Volume { name: "registry-data", path: "/var/lib/registry" }],
        // Alpine base: busybox wget; /v2/ answers 200 without auth.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://localhost:5000/v2/"],
        ..Deploy::NONE
    },
};

// ---- authentik ------------------------------------------------------------

const AUTHENTIK_IDLE: Source = src(
    "goauthentik/authentik#17869: ~10 users/apps, the server and worker pods idle at 375Mi and 360Mi without any load (2025.8.4)",
    "https://github.com/goauthentik/authentik/issues/17869",
    "2025-10-31",
    Confidence::B,
);

const AUTHENTIK_SERVER_WEEK: Source = src(
    "goauthentik/authentik#25683: the server container's working set over 6 days before an admin-UI session (2026.8.1, MALLOC_ARENA_MAX=2): min 365, avg 610, p99 690, max 865 MiB",
    "https://github.com/goauthentik/authentik/issues/25683",
    "2026-09-09",
    Confidence::B,
);
const AUTHENTIK_ENV: &[EnvSpec] = &[
    EnvSpec {
        name: "AUTHENTIK_SECRET_KEY",
        value: EnvValue::Secret,
        why_en: why!("required: the vendor compose refuses to start without a secret key"),
        why_zh: why!("必填：未设置密钥时官方 compose 拒绝启动"),
    },
    EnvSpec {
        name: "AUTHENTIK_POSTGRESQL__HOST",
        value: EnvValue::DependencyHost("postgresql"),
        why_en: why!("authentik keeps everything in PostgreSQL (the service named postgresql)"),
        why_zh: why!("authentik 的数据全部存放在 PostgreSQL 中（服务名为 postgresql）"),
    },
    EnvSpec {
        name: "AUTHENTIK_POSTGRESQL__PASSWORD",
        value: EnvValue::DependencySecret,
        why_en: why!("must equal the database's POSTGRES_PASSWORD"),
        why_zh: why!("必须与数据库的 POSTGRES_PASSWORD 一致"),
    },
];

#[rustfmt::skip]
pub const AUTHENTIK_SERVER: ServiceDef = ServiceDef {
    id: "authentik-server",
    category: Category::Platform,
    name_en: "authentik server",
    name_zh: "authentik 身份认证服务",
    // The worker runs the same image; an imported image is read as the server.
    images: &["goauthentik/server", "beryju/authentik"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 375, 1 << 20,
            "Go router plus gunicorn web workers, idle with ~10 users (a 2026.8.0 server showed 96 MiB in docker stats)", AUTHENTIK_IDLE),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 865, 1 << 20,
            "the largest working set of a 6-day measurement (avg 610, p99 690); browsing the admin UI of 2026.8.1 drove it to 3.9 GiB, a reported regression", AUTHENTIK_SERVER_WEEK),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // goauthentik.io/version/2026.2/lifecycle/container/compose.yml (vendor compose):
        // tag, 'server' / 'worker' commands, the ':?' guarded secrets and shm_size 512mb.
        image: "ghcr.io/goauthentik/server",
        tag: "2026.2.2",
        command: &["server"],
        ports: &[Port::new(9000, "HTTP"), Port::new(9443, "HTTPS")],
        volumes: &[Volume { name: "authentik-data", path: "/data" }],
        env: AUTHENTIK_ENV,
        healthcheck: &["CMD", "ak", "healthcheck"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const AUTHENTIK_WORKER: ServiceDef = ServiceDef {
    id: "authentik-worker",
    category: Category::Platform,
    name_en: "authentik worker",
    name_zh: "authentik 后台任务",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 360, 1 << 20, "background tasks, idle with ~10 users", AUTHENTIK_IDLE),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 1024, 1 << 20,
            "sync and outpost tasks; planning figure (a 2026.8.0 leak reached 3.1 GiB; ~1400 users peak at 7.4 GB)", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/goauthentik/server",
        tag: "2026.2.2",
        command: &["worker"],
        volumes: &[Volume { name: "authentik-data", path: "/data" }],
        env: AUTHENTIK_ENV,
        healthcheck: &["CMD", "ak", "healthcheck"],
        ..Deploy::NONE
    },
};

// ---- Vault and Consul -----------------------------------------------------

const VAULT_PI: Source = src(
    "hashicorp/vault#11626: ps_mem of an active Vault 1.7.1 node (MySQL backend, Raspberry Pi) 234.5 MiB, growing about 5 MB per hour",
    "https://github.com/hashicorp/vault/issues/11626",
    "2021-05-17",
    Confidence::B,
);
const CONSUL_EKS: Source = src(
    "hashicorp/consul#6038: about 25Mi used when first deployed; maintainer: estimate RAM as the actual data size × 2–3",
    "https://github.com/hashicorp/consul/issues/6038",
    "2019-07-01",
    Confidence::B,
);

#[rustfmt::skip]
pub const VAULT: ServiceDef = ServiceDef {
    id: "vault",
    category: Category::Platform,
    name_en: "HashiCorp Vault",
    name_zh: "Vault 密钥管理",
    images: &["hashicorp/vault", "vault"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 234, 1 << 20, "an active single node measured 234.5 MiB (standby nodes ~30 Mi)", VAULT_PI),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 512, 1 << 20,
            "many leases and tokens cached at once; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // The image's default command is 'server -dev' (in memory, unsealed); a
        // real server needs a config in /vault/config and cap_add IPC_LOCK or
        // disable_mlock = true.
        image: "hashicorp/vault",
        tag: "1.21",
        ports: &[Port::new(8200, "API and UI")],
        volumes: &[Volume { name: "vault-file", path: "/vault/file" }],
        healthcheck: &["CMD", "vault", "status", "-address=http://127.0.0.1:8200"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const CONSUL: ServiceDef = ServiceDef {
    id: "consul",
    category: Category::Platform,
    name_en: "HashiCorp Consul",
    name_zh: "Consul 服务发现",
    images: &["hashicorp/consul", "consul", "progrium/consul", "bitnami/consul"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 25, 1 << 20, "a server just after deployment; it grows to 2–3 × its data", CONSUL_EKS),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 256, 1 << 20, "snapshots and a growing catalog; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // The default command is a dev agent ('agent -dev').
        image: "hashicorp/consul",
        tag: "1.20",
        ports: &[Port::new(8500, "HTTP API and UI"), Port::new(8600, "DNS")],
        volumes: &[Volume { name: "consul-data", path: "/consul/data" }],
        healthcheck: &["CMD", "consul", "members"],
        ..Deploy::NONE
    },
};

// ---- Chat -----------------------------------------------------------------

const MATTERMOST_512: Source = src(
    "mattermost/mattermost#8450 (maintainer test): a 512 MB VM running only Mattermost 4.7.3, database elsewhere: -/+ buffers/cache 116M used (the whole VM)",
    "https://github.com/mattermost/mattermost/issues/8450",
    "2018-03-15",
    Confidence::B,
);
const ROCKETCHAT_6X: Source = src(
    "RocketChat/Rocket.Chat#32093: dockerised Rocket.Chat 6.x, node process 784.887 MB (and 696.180 MB on a second server)",
    "https://github.com/RocketChat/Rocket.Chat/issues/32093",
    "2024-06-05",
    Confidence::B,
);

#[rustfmt::skip]
pub const MATTERMOST: ServiceDef = ServiceDef {
    id: "mattermost",
    category: Category::Platform,
    name_en: "Mattermost",
    name_zh: "Mattermost 团队协作",
    images: &["mattermost/mattermost-team-edition", "mattermost/mattermost-enterprise-edition", "mattermost/mattermost-preview"],
    kind: KindId::Go,
    knobs: &[
        knob("live_heap_mib", "Live heap", "存活堆", Mib, 100, 1 << 16,
            "the whole 512 MB VM used 116 MB with Mattermost alone (maintainer); enabled plugins run as extra processes", MATTERMOST_512),
        knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, 16, 1 << 16, "Go runtime; planning split of the 116 MB", PLANNER),
        GC_KNOBS[0],
        GC_KNOBS[1],
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // mattermost/docker docker-compose.yml + env.example at 7d9d7bff (MATTERMOST_IMAGE_TAG=10.5.2).
        image: "mattermost/mattermost-team-edition",
        tag: "10.5.2",
        ports: &[Port::new(8065, "HTTP")],
        volumes: &[
            Volume { name: "mattermost-config", path: "/mattermost/config" },
            Volume { name: "mattermost-data", path: "/mattermost/data" },
            Volume { name: "mattermost-logs", path: "/mattermost/logs" },
            Volume { name: "mattermost-plugins", path: "/mattermost/plugins" },
            Volume { name: "mattermost-client-plugins", path: "/mattermost/client/plugins" },
            Volume { name: "mattermost-bleve-indexes", path: "/mattermost/bleve-indexes" },
        ],
        env: &[
            EnvSpec {
                name: "MM_SQLSETTINGS_DRIVERNAME",
                value: EnvValue::Literal("postgres"),
                why_en: why!("the database driver (the vendor compose's required settings)"),
                why_zh: why!("数据库驱动（官方 compose 的必填项）"),
            },
            EnvSpec {
                name: "MM_SQLSETTINGS_DATASOURCE",
                value: EnvValue::Literal("postgres://mmuser:CHANGE_ME@postgres:5432/mattermost?sslmode=disable&connect_timeout=10"),
                why_en: why!("without a reachable database Mattermost exits; put the database's password in place of CHANGE_ME"),
                why_zh: why!("连不上数据库时 Mattermost 会退出；把 CHANGE_ME 换成数据库的密码"),
            },
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const ROCKET_CHAT: ServiceDef = ServiceDef {
    id: "rocket-chat",
    category: Category::Platform,
    name_en: "Rocket.Chat",
    name_zh: "Rocket.Chat 团队聊天",
    // registry.rocket.chat/rocketchat/rocket.chat normalises to "rocketchat/rocket.chat".
    images: &["rocket.chat", "rocketchat/rocket.chat"],
    kind: KindId::Node,
    knobs: &[
        knob("base_mib", "Process outside the heap", "堆外进程", Mib, 50, GIB64, "Node outside the heap (Node 20 http server: 51 MiB RSS)", MEASURED),
        knob("heap_used_mib", "Heap in use (typical)", "常用堆内存", Mib, 735, GIB64,
            "the 6.x node process measured 784.9 MB, less the 50 MiB outside the heap (1.x–4.x measured 495–800 MB)", ROCKETCHAT_6X),
        MAX_OLD_SPACE,
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 25, rule: "old space ≈ ¼ of the memory it sees, at most ~4 GiB", source: NODE_HEAP }),
    assumed: false,
    deploy: Deploy {
        // docker-library/official-images library/rocket.chat: Tags 8.5.1, 8.5, 8.
        image: "rocket.chat",
        tag: "8.5",
        ports: &[Port::new(3000, "HTTP")],
        volumes: &[Volume { name: "rocketchat-uploads", path: "/app/uploads" }],
        env: &[
            EnvSpec {
                name: "MONGO_URL",
                value: EnvValue::Literal("mongodb://mongodb:27017/rocketchat?replicaSet=rs0"),
                why_en: why!("Rocket.Chat exits without MongoDB; it needs a replica set (rs0) for change streams"),
                why_zh: why!("没有 MongoDB 时 Rocket.Chat 会退出；MongoDB 需要以副本集（rs0）运行"),
            },
            EnvSpec {
                name: "ROOT_URL",
                value: EnvValue::Literal("http://localhost:3000"),
                why_en: why!("the public URL users open; change it to your domain"),
                why_zh: why!("用户访问的公网地址，改成你的域名"),
            },
        ],
        ..Deploy::NONE
    },
};

// ---- Discourse ------------------------------------------------------------

const DISCOURSE_CHECKS: Source = src(
    "discourse/discourse_docker setup wizard (system_checks.rb, resource_scaler.rb): MIN_MEMORY_GB = 1, at least 2GB of swap with 4GB of RAM or less; shared_buffers 128MB at 1GB, 256MB × GB up to 4096MB; Unicorn workers 2 × GB up to 2 GB",
    "https://github.com/discourse/discourse_docker/blob/e071c2c8ebf8a93c1fba4e16fbb7168a2a9201bd/image/setup_wizard/lib/discourse_setup/system_checks.rb",
    "2026-08-03",
    Confidence::A,
);
const DISCOURSE_DROPLET: Source = src(
    "lvgl/lv_binding_micropython#232 (top on the project's 2 GB Discourse droplet): Mem 1.9G total, 1.6G used; Swap 2.0G, 1.0G used; ruby 367 MiB, postmaster 209 MiB RES",
    "https://github.com/lvgl/lv_binding_micropython/issues/232",
    "2022-09-26",
    Confidence::C,
);

#[rustfmt::skip]
pub const DISCOURSE: ServiceDef = ServiceDef {
    id: "discourse",
    category: Category::Platform,
    name_en: "Discourse (standalone container)",
    name_zh: "Discourse 论坛（standalone 单容器）",
    images: &["discourse/base", "discourse/discourse", "bitnami/discourse"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 1536, 1 << 20,
            "PostgreSQL, Redis, nginx, Unicorn and Sidekiq in one container: a 2 GB droplet running only Discourse used 1.6 G (with the OS)", DISCOURSE_DROPLET),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 2560, 1 << 20,
            "the same droplet also held 1.0 G in swap; the vendor requires 2 GB swap at 4 GB RAM or less", DISCOURSE_DROPLET),
        limit(0, PLANNER),
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "./discourse-setup sizes db_shared_buffers (256 MB per GB, max 4 GB) and UNICORN_WORKERS (2 per GB up to 2 GB, else 2 per core, max 8) from the host",
        source: DISCOURSE_CHECKS,
    }),
    assumed: false,
    deploy: Deploy {
        // The image discourse_docker's launcher pulls (launcher at e071c2c8).
        image: "discourse/base",
        tag: "2.0.20260803-0122",
        command_note: Some((
            "Discourse is built from this image by discourse_docker's ./launcher bootstrap (app.yml); the image alone does not serve a forum",
            "Discourse 需用 discourse_docker 的 ./launcher bootstrap（app.yml）基于此镜像构建；单独运行此镜像并不能提供论坛",
        )),
        ports: &[Port::new(80, "HTTP"), Port::new(443, "HTTPS")],
        volumes: &[Volume { name: "discourse-shared", path: "/shared" }],
        env: &[
            EnvSpec {
                name: "DISCOURSE_HOSTNAME",
                value: EnvValue::Literal("discourse.example.com"),
                why_en: why!("required: Discourse will not work with a bare IP address"),
                why_zh: why!("必填：Discourse 不能只用 IP 地址访问"),
            },
            EnvSpec {
                name: "DISCOURSE_DEVELOPER_EMAILS",
                value: EnvValue::Literal("admin@example.com"),
                why_en: why!("the admin accounts' e-mail addresses"),
                why_zh: why!("管理员账号的邮箱"),
            },
            EnvSpec {
                name: "DISCOURSE_SMTP_ADDRESS",
                value: EnvValue::Literal("smtp.example.com"),
                why_en: why!("required: accounts are activated by e-mail"),
                why_zh: why!("必填：账号需通过邮件激活"),
            },
        ],
        ..Deploy::NONE
    },
};

// ---- Nextcloud ------------------------------------------------------------

const NEXTCLOUD_REQS: Source = src(
    "Nextcloud admin manual, System requirements: Nextcloud needs a minimum of 128MB RAM per process, and we recommend a minimum of 512MB RAM per process",
    "https://docs.nextcloud.com/server/latest/admin_manual/installation/system_requirements.html",
    "2026-12-01",
    Confidence::A,
);
const NEXTCLOUD_IMAGE: Source = src(
    "nextcloud/docker 34/fpm Dockerfile and README: PHP_MEMORY_LIMIT default 512M (the most one request may allocate)",
    "https://github.com/nextcloud/docker/blob/4de1eed65a44c61ecce601ef1d27abd2059b52e6/README.md",
    "2026-07-23",
    Confidence::A,
);

#[rustfmt::skip]
pub const NEXTCLOUD: ServiceDef = ServiceDef {
    id: "nextcloud",
    category: Category::Platform,
    name_en: "Nextcloud (PHP-FPM)",
    name_zh: "Nextcloud 网盘（PHP-FPM）",
    images: &["nextcloud", "linuxserver/nextcloud"],
    kind: KindId::PhpFpm,
    knobs: &[
        knob("max_children", "pm.max_children", "pm.max_children", Count, 5, 1024, "the php:fpm image's www.conf (pm = dynamic)", PHP_FPM_POOL),
        knob("master_mib", "FPM master", "FPM 主进程", Mib, 7, GIB64, "php-fpm master 6.8 MB RSS", PHP_FPM_CHILD),
        knob("child_mib", "Memory per child", "每个子进程内存", Mib, 128, GIB64, "the vendor's minimum per PHP process", NEXTCLOUD_REQS),
        knob("request_mib", "Peak per busy child", "每个忙碌子进程的峰值增量", Mib, 384, GIB64,
            "a child may grow to PHP_MEMORY_LIMIT (512M in the image); the vendor recommends 512 MB per process", NEXTCLOUD_REQS),
        knob("memory_limit_mib", "PHP memory_limit", "PHP memory_limit", Mib, 512, GIB64, "PHP_MEMORY_LIMIT default 512M", NEXTCLOUD_IMAGE),
        CPU_PER_WORKER,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // docker-library/official-images library/nextcloud: Tags 34.0.3-fpm, 34.0-fpm, 34-fpm.
        // The -apache variant serves HTTP itself with mod_php (Apache's MaxRequestWorkers,
        // not pm.max_children, bounds it); -fpm needs a web server (nginx) in front.
        image: "nextcloud",
        tag: "34-fpm",
        ports: &[Port::new(9000, "FastCGI (PHP-FPM) for the web server in front")],
        volumes: &[Volume { name: "nextcloud-html", path: "/var/www/html" }],
        ..Deploy::NONE
    },
};

// ---- Metabase and n8n -----------------------------------------------------

const METABASE_HEAP: Source = src(
    "Metabase docs, Running Metabase (troubleshooting): without -Xmx the JVM takes about one fourth of the machine's RAM; set JAVA_OPTS=-Xmx…",
    "https://www.metabase.com/docs/latest/troubleshooting-guide/running",
    "2026-12-01",
    Confidence::A,
);

#[rustfmt::skip]
pub const METABASE: ServiceDef = ServiceDef {
    id: "metabase",
    category: Category::Platform,
    name_en: "Metabase",
    name_zh: "Metabase 数据分析与报表",
    images: &["metabase/metabase", "metabase/metabase-enterprise"],
    kind: KindId::Jvm,
    knobs: &[
        heap(0, "0 = auto: about one fourth of the memory the JVM sees (measured 1.2–1.6 GB a day on a 2.5 GB host)", METABASE_HEAP),
        knob("nonheap_mib", "Non-heap", "堆外内存", Mib, 400, GIB64,
            "Clojure generates many classes (metaspace) plus query buffers; planning figure", PLANNER),
        THREADS,
        HEAP_IN_USE,
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "no -Xmx by default: max heap ≈ ¼ of the memory the JVM sees (the limit, else the host)",
        source: METABASE_HEAP,
    }),
    assumed: false,
    deploy: Deploy {
        image: "metabase/metabase",
        tag: "v0.56.4",
        ports: &[Port::new(3000, "web UI")],
        // The healthcheck of Metabase's own docker-compose example (curl is in the image).
        healthcheck: &["CMD-SHELL", "curl --fail -I http://localhost:3000/api/health || exit 1"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const N8N: ServiceDef = ServiceDef {
    id: "n8n",
    category: Category::Platform,
    name_en: "n8n",
    name_zh: "n8n 工作流自动化",
    // docker.n8n.io/n8nio/n8n normalises to "n8nio/n8n".
    images: &["n8nio/n8n"],
    kind: KindId::Node,
    knobs: &[
        knob("base_mib", "Process outside the heap", "堆外进程", Mib, 50, GIB64, "Node outside the heap (Node 20 http server: 51 MiB RSS)", MEASURED),
        knob("heap_used_mib", "Heap in use (typical)", "常用堆内存", Mib, 200, GIB64,
            "editor, webhooks and a few small workflows; planning figure: data-heavy workflows took 1.1 GB (#7939), items are held in memory while a workflow runs", PLANNER),
        MAX_OLD_SPACE,
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 25, rule: "old space ≈ ¼ of the memory it sees, at most ~4 GiB", source: NODE_HEAP }),
    assumed: false,
    deploy: Deploy {
        // FALLBACK_N8N_VERSION in n8n's docker/get-n8n.sh installer.
        image: "n8nio/n8n",
        tag: "2.32.0",
        ports: &[Port::new(5678, "editor, API and webhooks")],
        volumes: &[Volume { name: "n8n-data", path: "/home/node/.n8n" }],
        ..Deploy::NONE
    },
};

#[cfg(test)]
mod tests {
    use crate::catalog::{service, service_for_image};

    /// The published readings the catalog's operations services cite
    /// (monitoring.rs and this file), checked by the truth report.
    const MEASUREMENTS: &str = include_str!("../../../tests/truth/measurements-ops.json");

    /// Every reading names a catalog service and an image that service
    /// matches (or, for a service that shares its image, the service that
    /// owns it), is sourced and dated, and says which figure it is compared with.
    #[test]
    fn ops_measurements_name_their_service_image_and_source() {
        let list: Vec<serde_json::Value> = serde_json::from_str(MEASUREMENTS).unwrap();
        assert!(list.len() >= 30, "{} readings", list.len());
        for m in &list {
            let id = m["service"].as_str().unwrap();
            let def = service(id).unwrap_or_else(|| panic!("unknown service {id}"));
            let image = m["image"].as_str().unwrap();
            let owner = service_for_image(image).unwrap_or_else(|| panic!("{id}: {image} unknown"));
            assert!(
                owner.id == id || def.images.is_empty(),
                "{id}: {image} is read as {}",
                owner.id
            );
            assert!(m["mib"].as_u64().unwrap() > 0, "{id}");
            assert!(
                ["expected", "peak"].contains(&m["compare"].as_str().unwrap()),
                "{id}"
            );
            let s = &m["source"];
            assert!(s["url"].as_str().unwrap().starts_with("https://"), "{id}");
            assert_eq!(s["date"].as_str().unwrap().len(), 10, "{id}");
            assert!(
                ["A", "B", "C"].contains(&s["confidence"].as_str().unwrap()),
                "{id}"
            );
            assert!(!s["title"].as_str().unwrap().is_empty(), "{id}");
        }
    }

    /// An all-in-one image is budgeted at its vendor's documented floor, and
    /// the export writes the settings that floor assumes.
    #[test]
    fn gitlab_budget_is_the_memory_constrained_floor_and_its_export_says_so() {
        let gitlab = service("gitlab-ce").unwrap();
        assert_eq!(gitlab.knob("expected_mib").unwrap().default, 1741);
        assert_eq!(
            gitlab.knob("expected_mib").unwrap().source.confidence,
            crate::model::Confidence::A
        );
        let env = gitlab
            .deploy
            .env
            .iter()
            .find(|e| e.name == "GITLAB_OMNIBUS_CONFIG");
        match env.map(|e| e.value) {
            Some(crate::model::EnvValue::Literal(rb)) => {
                assert!(rb.contains("puma['worker_processes'] = 0"));
                assert!(rb.contains("prometheus_monitoring['enable'] = false"));
            }
            other => panic!("{other:?}"),
        }
    }

    /// Every service in the operations files can be deployed: a published
    /// tag (never "latest") and at least one port or a command to run.
    #[test]
    fn ops_services_have_deploy_data() {
        for s in super::SERVICES
            .iter()
            .chain(super::super::monitoring::SERVICES)
        {
            assert!(!s.deploy.image.is_empty(), "{}", s.id);
            assert!(
                !s.deploy.tag.is_empty() && s.deploy.tag != "latest",
                "{}",
                s.id
            );
            assert!(
                !s.deploy.ports.is_empty() || !s.deploy.healthcheck.is_empty(),
                "{}",
                s.id
            );
        }
    }
}
