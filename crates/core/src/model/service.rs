//! Services: catalog entries with a memory and CPU model driven by knobs.

use serde::Serialize;

use super::source::{Confidence, Source};

/// Palette grouping of services.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Database,
    Cache,
    Queue,
    Search,
    Monitoring,
    Web,
    Worker,
    Browser,
    Runtime,
    Storage,
    /// Reverse proxies, load balancers and API gateways.
    Proxy,
    /// Model servers and AI services.
    Ai,
    /// Auth, source hosting, CI, registries and whole applications.
    Platform,
    Custom,
}

impl Category {
    pub const ALL: [Category; 14] = [
        Category::Database,
        Category::Cache,
        Category::Queue,
        Category::Search,
        Category::Storage,
        Category::Monitoring,
        Category::Proxy,
        Category::Web,
        Category::Runtime,
        Category::Worker,
        Category::Browser,
        Category::Ai,
        Category::Platform,
        Category::Custom,
    ];

    pub fn name_en(self) -> &'static str {
        match self {
            Category::Database => "Databases",
            Category::Cache => "Caches",
            Category::Queue => "Queues & streams",
            Category::Search => "Search, graph & vectors",
            Category::Monitoring => "Monitoring",
            Category::Web => "Web & API",
            Category::Worker => "Workers",
            Category::Browser => "Headless browsers",
            Category::Runtime => "App runtimes",
            Category::Storage => "Storage",
            Category::Proxy => "Proxies & gateways",
            Category::Ai => "AI & models",
            Category::Platform => "Platforms & apps",
            Category::Custom => "Custom",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Category::Database => "数据库",
            Category::Cache => "缓存",
            Category::Queue => "消息队列与流处理",
            Category::Search => "搜索、图数据库与向量库",
            Category::Monitoring => "监控",
            Category::Web => "Web 与 API 服务",
            Category::Worker => "后台任务进程",
            Category::Browser => "无头浏览器",
            Category::Runtime => "应用运行时",
            Category::Storage => "存储",
            Category::Proxy => "代理与网关",
            Category::Ai => "AI 与大模型",
            Category::Platform => "自托管平台与应用",
            Category::Custom => "自定义服务",
        }
    }
}

/// A catalog service: names, the images it matches, its knobs (each default
/// with its source), presets, the kind that turns knobs into expected / peak
/// / limit (see `crate::kinds`), and how its image is deployed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ServiceDef {
    /// Stable id used in plans and test ids, e.g. "postgres", "celery-prefork".
    pub id: &'static str,
    pub category: Category,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// Image names this service matches, e.g. "postgres", "bitnami/postgresql".
    pub images: &'static [&'static str],
    /// The kind: how it uses memory, what it derives from a limit and writes.
    pub kind: KindId,
    /// Every number the model reads, with its default and the source of that default.
    pub knobs: &'static [KnobDef],
    /// Named knob settings ("min", "standard", "ideal") where the reference scenarios use them.
    pub presets: &'static [Preset],
    /// How the runtime sizes itself when it is given no memory limit, if it does.
    pub self_sizing: Option<SelfSizing>,
    /// True for an entry that stands in for an image the catalog does not
    /// know (a custom service): its figures are assumed, not sourced.
    pub assumed: bool,
    /// How its image is run: image and tag, command, ports, volumes.
    pub deploy: Deploy,
}

impl ServiceDef {
    /// The knob with this id, if the service has one.
    pub fn knob(&self, id: &str) -> Option<&'static KnobDef> {
        self.knobs.iter().find(|k| k.id == id)
    }

    /// True when the service has this knob.
    pub fn has_knob(&self, id: &str) -> bool {
        self.knob(id).is_some()
    }

    /// A knob's default value, or 0 when the service has no such knob.
    pub fn knob_default(&self, id: &str) -> i64 {
        self.knob(id).map_or(0, |k| k.default)
    }

    /// The preset with this id ("min", "standard", "ideal").
    pub fn preset(&self, id: &str) -> Option<&'static Preset> {
        self.presets.iter().find(|p| p.id == id)
    }

    /// How far its memory figures can be trusted: the weakest confidence of
    /// the knobs that hold memory (MiB).
    pub fn grade(&self) -> Confidence {
        self.knobs
            .iter()
            .filter(|k| k.unit == KnobUnit::Mib)
            .map(|k| k.source.confidence)
            .max()
            .unwrap_or(Confidence::C)
    }
}

/// A port a service listens on, and what it serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Port {
    pub container: u16,
    pub what: &'static str,
}

impl Port {
    /// Port `container` and what it serves. The words are kept with the
    /// `export` feature only: the planner's wasm checks which host ports a
    /// file will publish (`fit::ports`) but never names them.
    pub const fn new(container: u16, what: &'static str) -> Port {
        Port {
            container,
            what: if cfg!(feature = "export") { what } else { "" },
        }
    }
}

/// A path that holds data, kept in a named volume.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Volume {
    pub name: &'static str,
    pub path: &'static str,
}

impl Volume {
    /// The named volume the export gives it for placement `placement` of
    /// service `service`: "<placement>-<what>", the catalog's name without
    /// its service prefix ("db-data" for PostgreSQL's "postgres-data").
    pub fn name_for(&self, service: &str, placement: &str) -> String {
        let what = self
            .name
            .strip_prefix(service)
            .and_then(|w| w.strip_prefix('-'))
            .unwrap_or(self.name);
        format!("{placement}-{what}")
    }
}

/// How an environment variable an image needs to start gets its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
pub enum EnvValue {
    /// A secret generated on the user's machine, never in a link or plan file.
    Secret,
    /// The generated password of the database this placement depends on
    /// (the first of its dependencies whose image takes one): the same
    /// secret, or the two cannot talk. With no such dependency it is a
    /// secret of its own, and the export says which value to set.
    DependencySecret,
    /// The host of the database this placement depends on (the same
    /// dependency as [`EnvValue::DependencySecret`]'s): its service name on
    /// the same server, its private address on another. With no such
    /// dependency, this service name.
    DependencyHost(&'static str),
    /// A fixed value.
    Literal(&'static str),
}

/// A setting an image needs to start on a fresh server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EnvSpec {
    pub name: &'static str,
    pub value: EnvValue,
    pub why_en: &'static str,
    pub why_zh: &'static str,
}

/// What the catalog knows about running a service's image.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Deploy {
    /// The image written into compose ("postgres"); "" when the service runs
    /// your own code and the file names a placeholder.
    pub image: &'static str,
    /// A tag the image publishes ("16"), never "latest".
    pub tag: &'static str,
    /// The command (arguments after the entrypoint) when the kind writes none.
    pub command: &'static [&'static str],
    /// What to change in that command (your app's module), en and zh.
    pub command_note: Option<(&'static str, &'static str)>,
    /// The environment variable the image reads for its heap (JVM images).
    pub heap_env: Option<&'static str>,
    pub ports: &'static [Port],
    pub volumes: &'static [Volume],
    pub env: &'static [EnvSpec],
    /// A healthcheck test that works with the binaries in the image.
    pub healthcheck: &'static [&'static str],
    /// Host settings the service needs (sysctl lines for DEPLOY.md).
    pub host: &'static [&'static str],
    /// The open-file limit (RLIMIT_NOFILE, soft = hard) the container gets,
    /// for images whose memory at start depends on it (tables sized per
    /// possible descriptor): the limit the catalog's figures assume, so a
    /// host whose daemon passes `infinity` (2^30 on some) cannot inflate
    /// them. `None`: the daemon's default, which the figures do not depend on.
    pub nofile: Option<u32>,
}

impl Deploy {
    /// The deploy data as this build keeps it. With the `export` feature
    /// (the default: the CLI, the tools worker, every test) all of it.
    /// Without it — the planner's and the extras' wasm, which never export
    /// or import — only what the engine and the inspector read: the
    /// environment the image needs, the variable a JVM image takes its
    /// heap from, and the ports (the evaluation checks what the file will
    /// publish on each host). The image, tag, command, volumes,
    /// healthcheck, host settings and open-file limit are then left out of
    /// the binary.
    pub const fn for_build(self) -> Deploy {
        if cfg!(feature = "export") {
            self
        } else {
            Deploy {
                env: self.env,
                heap_env: self.heap_env,
                // The evaluation checks what the file will publish
                // (`fit::ports`).
                ports: self.ports,
                ..Deploy::NONE
            }
        }
    }

    /// Nothing known: the user's own image.
    pub const NONE: Deploy = Deploy {
        image: "",
        tag: "",
        command: &[],
        command_note: None,
        heap_env: None,
        ports: &[],
        volumes: &[],
        env: &[],
        healthcheck: &[],
        host: &[],
        nofile: None,
    };

    /// An image at a tag, nothing else known yet.
    pub const fn image(image: &'static str, tag: &'static str) -> Deploy {
        Deploy {
            image,
            tag,
            ..Deploy::NONE
        }
    }
}

/// What a knob's value means. Values are stored as `i64` in that unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "choices")]
pub enum KnobUnit {
    /// A plain count (workers, connections, browsers).
    Count,
    /// Memory in MiB.
    Mib,
    /// Memory in KiB (Celery's `--max-memory-per-child`).
    Kib,
    /// CPU in millicores.
    Millicores,
    /// A percentage.
    Percent,
    /// Days.
    Days,
    /// 0 = off, 1 = on.
    Bool,
    /// An index into the listed choices.
    Choice(&'static [&'static str]),
}

/// One number a service model reads. `0` means "auto / unset" where the doc says so.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct KnobDef {
    /// Stable id used in plans, e.g. "shared_buffers_mib", "concurrency".
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub unit: KnobUnit,
    pub default: i64,
    pub min: i64,
    pub max: i64,
    /// What the default is and why (e.g. "PostgreSQL default"; "0 = auto").
    pub note: &'static str,
    /// Where the default comes from.
    pub source: Source,
}

/// A named set of knob values, e.g. S0's "min" (lean 2C4G) and "standard" (4C8G).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Preset {
    /// "min", "standard" or "ideal".
    pub id: &'static str,
    pub values: &'static [(&'static str, i64)],
    /// Where the preset's figures come from.
    pub source: Source,
}

/// How a runtime sizes its memory from the host when it has no limit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SelfSizing {
    /// Percent of the memory it sees that it takes (heap or cache), e.g. 50 for Elasticsearch.
    pub percent_of_memory: u32,
    /// The rule in words, e.g. "heap = 50 % of RAM (ES ≥ 7.11)".
    pub rule: &'static str,
    pub source: Source,
}

/// The kinds of service the engine knows (see `crate::kinds`, one module each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KindId {
    Postgres,
    Mysql,
    Mongo,
    /// Redis and Valkey: maxmemory × fragmentation (× 2 while forking to persist).
    Redis,
    Memcached,
    Rabbitmq,
    /// A JVM: heap + non-heap + thread stacks (Kafka, ZooKeeper, Logstash, Spring Boot).
    Jvm,
    /// Elasticsearch and OpenSearch: heap + off-heap, heap auto-sized from memory.
    Elasticsearch,
    Neo4j,
    /// Vector databases sized by vectors × dimensions (Weaviate, Qdrant, Milvus).
    VectorDb,
    Prometheus,
    /// A Node.js process (Node app, Kibana): base + heap, heap auto-sized without a flag.
    Node,
    /// A Go binary: runtime + live heap grown by GOGC, capped by GOMEMLIMIT.
    Go,
    /// Python web servers: a master plus workers × per-worker memory (uvicorn, gunicorn, Sanic).
    PythonWeb,
    CeleryPrefork,
    CeleryGevent,
    /// Playwright driving headless Chromium: browsers × (browser + pages).
    Chromium,
    /// A fixed budget: expected, peak and limit knobs (Nginx, Grafana, proxies, custom…).
    Fixed,
    /// ClickHouse: server memory capped at a ratio of what it sees.
    ClickHouse,
    /// Ruby on Rails under Puma: workers × (threads).
    Puma,
    /// Sidekiq: one Ruby process with a thread pool.
    Sidekiq,
    /// An Erlang/Elixir BEAM node (Phoenix).
    Beam,
    /// PHP-FPM: a master plus pm.max_children children.
    PhpFpm,
    /// .NET: the GC heap capped at 75 % of the container limit.
    Dotnet,
    /// Ollama on CPU: the loaded model plus its context.
    Ollama,
    /// PgBouncer: pools client connections into a few server connections.
    PgBouncer,
}

impl EnvValue {
    /// Whether the export generates the value (the user never types it).
    pub fn is_generated(self) -> bool {
        matches!(self, EnvValue::Secret | EnvValue::DependencySecret)
    }
}
