//! Services: catalog entries with a memory and CPU model driven by knobs.

use serde::Serialize;

use super::source::Source;

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
    Custom,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::Database,
        Category::Cache,
        Category::Queue,
        Category::Search,
        Category::Monitoring,
        Category::Web,
        Category::Worker,
        Category::Browser,
        Category::Runtime,
        Category::Storage,
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
            Category::Custom => "Custom",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Category::Database => "数据库",
            Category::Cache => "缓存",
            Category::Queue => "消息队列与流",
            Category::Search => "搜索、图与向量",
            Category::Monitoring => "监控",
            Category::Web => "Web 与 API",
            Category::Worker => "后台任务",
            Category::Browser => "无头浏览器",
            Category::Runtime => "应用运行时",
            Category::Storage => "存储",
            Category::Custom => "自定义",
        }
    }
}

/// A catalog service: names, the images it matches, its knobs (each default
/// with its source), presets, and which memory model turns knobs into
/// expected / peak / limit (see `fit::footprint`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ServiceDef {
    /// Stable id used in plans and test ids, e.g. "postgres", "celery-prefork".
    pub id: &'static str,
    pub category: Category,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// Image names this service matches, e.g. "postgres", "bitnami/postgresql".
    pub images: &'static [&'static str],
    /// The formula that computes memory and CPU from the knobs.
    pub model: MemoryModel,
    /// Every number the model reads, with its default and the source of that default.
    pub knobs: &'static [KnobDef],
    /// Named knob settings ("min", "standard", "ideal") where the reference scenarios use them.
    pub presets: &'static [Preset],
    /// How the runtime sizes itself when it is given no memory limit, if it does.
    pub self_sizing: Option<SelfSizing>,
}

impl ServiceDef {
    /// The knob with this id, if the service has one.
    pub fn knob(&self, id: &str) -> Option<&'static KnobDef> {
        self.knobs.iter().find(|k| k.id == id)
    }

    /// A knob's default value, or 0 when the service has no such knob.
    pub fn knob_default(&self, id: &str) -> i64 {
        self.knob(id).map_or(0, |k| k.default)
    }

    /// The preset with this id ("min", "standard", "ideal").
    pub fn preset(&self, id: &str) -> Option<&'static Preset> {
        self.presets.iter().find(|p| p.id == id)
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

/// The memory formulas. Each variant is implemented in `fit::footprint`, reads
/// the knobs of its service by id and says which knobs it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemoryModel {
    Postgres,
    Mysql,
    Mongo,
    /// Redis and Valkey: maxmemory × fragmentation (× 2 while forking to persist).
    Redis,
    Memcached,
    Rabbitmq,
    /// A JVM: heap + non-heap + thread stacks (Kafka, ZooKeeper, Logstash, Spring Boot).
    Jvm,
    Elasticsearch,
    Neo4j,
    Weaviate,
    Prometheus,
    /// A Node.js process (Node app, Kibana): base + heap, heap auto-sized without a flag.
    Node,
    GoService,
    /// Python web servers: a master plus workers × per-worker memory (uvicorn, gunicorn, Sanic).
    PythonWeb,
    CeleryPrefork,
    CeleryGevent,
    /// Playwright driving headless Chromium: browsers × (browser + pages).
    Chromium,
    /// A fixed budget: expected, peak and limit knobs (Nginx, Grafana, Flower, MinIO, custom…).
    Fixed,
}
