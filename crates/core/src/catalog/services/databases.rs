//! Relational databases and the pooler in front of them: PostgreSQL, PgBouncer, MySQL, MongoDB.

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

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &[POSTGRES, PGBOUNCER, MYSQL, MONGODB];

pub const POSTGRES: ServiceDef = ServiceDef {
    id: "postgres",
    category: Category::Database,
    name_en: "PostgreSQL",
    name_zh: "PostgreSQL 数据库",
    images: &[
        "postgres",
        "bitnami/postgresql",
        "postgis/postgis",
        "timescale/timescaledb",
        "pgvector/pgvector",
    ],
    kind: KindId::Postgres,
    knobs: postgres::KNOBS,
    presets: &[
        Preset {
            id: "min",
            values: &[("shared_buffers_mib", 128), ("max_connections", 50)],
            source: PRESET_ASSUMED,
        },
        Preset {
            id: "standard",
            values: &[("shared_buffers_mib", 256), ("max_connections", 100)],
            source: PRESET_ASSUMED,
        },
        Preset {
            id: "ideal",
            values: &[("shared_buffers_mib", 1024), ("max_connections", 150)],
            source: PRESET_ASSUMED,
        },
    ],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const PGBOUNCER: ServiceDef = ServiceDef {
    id: "pgbouncer",
    category: Category::Database,
    name_en: "PgBouncer",
    name_zh: "PgBouncer 连接池",
    images: &[
        "edoburu/pgbouncer",
        "bitnami/pgbouncer",
        "pgbouncer/pgbouncer",
    ],
    kind: KindId::PgBouncer,
    knobs: crate::kinds::pgbouncer::KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const MYSQL: ServiceDef = ServiceDef {
    id: "mysql",
    category: Category::Database,
    name_en: "MySQL",
    name_zh: "MySQL 数据库",
    images: &["mysql", "bitnami/mysql", "mariadb", "percona"],
    kind: KindId::Mysql,
    knobs: mysql::KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const MONGODB: ServiceDef = ServiceDef {
    id: "mongodb",
    category: Category::Database,
    name_en: "MongoDB",
    name_zh: "MongoDB 数据库",
    images: &[
        "mongo",
        "bitnami/mongodb",
        "mongodb/mongodb-community-server",
    ],
    kind: KindId::Mongo,
    knobs: mongo::KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 50,
        rule:
            "WiredTiger cache = 50 % of (RAM − 1 GB); cgroup v2 limits ignored before SERVER-60412",
        source: MONGO_WT,
    }),
    assumed: false,
    deploy: Deploy::NONE,
};
