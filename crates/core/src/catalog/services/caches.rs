//! In-memory caches and brokers: Redis, Valkey, memcached.

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
pub(super) const SERVICES: &[ServiceDef] = &[REDIS, VALKEY, MEMCACHED];

pub const REDIS: ServiceDef = ServiceDef {
    id: "redis",
    category: Category::Cache,
    name_en: "Redis",
    name_zh: "Redis 缓存",
    images: &["redis", "bitnami/redis", "redis/redis-stack-server"],
    kind: KindId::Redis,
    knobs: redis::KNOBS,
    presets: &[
        Preset {
            id: "min",
            values: &[("maxmemory_mib", 128), ("persistence", 0)],
            source: PRESET_ASSUMED,
        },
        Preset {
            id: "standard",
            values: &[("maxmemory_mib", 256), ("persistence", 0)],
            source: REPORT_S0,
        },
        Preset {
            id: "ideal",
            values: &[("maxmemory_mib", 512), ("persistence", 1)],
            source: PRESET_ASSUMED,
        },
    ],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const VALKEY: ServiceDef = ServiceDef {
    id: "valkey",
    category: Category::Cache,
    name_en: "Valkey",
    name_zh: "Valkey 缓存",
    images: &["valkey/valkey", "bitnami/valkey"],
    kind: KindId::Redis,
    knobs: redis::KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
pub const MEMCACHED: ServiceDef = ServiceDef {
    id: "memcached",
    category: Category::Cache,
    name_en: "memcached",
    name_zh: "memcached 缓存",
    images: &["memcached", "bitnami/memcached"],
    kind: KindId::Memcached,
    knobs: fixed::MEMCACHED_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};
