//! Services: catalog entries with a memory and CPU model driven by knobs.

use serde::Serialize;

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

/// A catalog service. The engine issue extends this with knobs, presets and
/// the memory model; the palette needs only what is here.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ServiceDef {
    /// Stable id used in plans and test ids, e.g. "postgres", "celery-prefork".
    pub id: &'static str,
    pub category: Category,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// Image names this service matches, e.g. "postgres", "bitnami/postgresql".
    pub images: &'static [&'static str],
}
