//! The service catalog.

use crate::model::{Category, ServiceDef};

static SERVICES: &[ServiceDef] = &[
    ServiceDef {
        id: "postgres",
        category: Category::Database,
        name_en: "PostgreSQL",
        name_zh: "PostgreSQL 数据库",
        images: &["postgres", "bitnami/postgresql"],
    },
    ServiceDef {
        id: "redis",
        category: Category::Cache,
        name_en: "Redis",
        name_zh: "Redis 缓存",
        images: &["redis", "bitnami/redis"],
    },
    ServiceDef {
        id: "fastapi",
        category: Category::Web,
        name_en: "FastAPI (uvicorn)",
        name_zh: "FastAPI（uvicorn）",
        images: &["tiangolo/uvicorn-gunicorn-fastapi"],
    },
    ServiceDef {
        id: "celery-prefork",
        category: Category::Worker,
        name_en: "Celery worker (prefork)",
        name_zh: "Celery 任务进程（prefork）",
        images: &[],
    },
];

/// Every built-in service, in palette order.
pub fn services() -> &'static [ServiceDef] {
    SERVICES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_ids_are_unique_and_kebab_case() {
        let mut ids: Vec<_> = services().iter().map(|s| s.id).collect();
        for id in &ids {
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{id} is not kebab-case"
            );
        }
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate service id");
    }
}
