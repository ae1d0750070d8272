//! In-memory caches and brokers: Redis, Valkey, Dragonfly, memcached.

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
use crate::model::cite;
use crate::model::{
    Category, Confidence, Deploy, EnvSpec, EnvValue, KindId, KnobDef, KnobUnit, Port, Preset,
    SelfSizing, ServiceDef, Source, Volume,
};
use crate::sources::*;
use KnobUnit::*;

const DRAGONFLY_MIN: Source = cite(
    "dragonflydb/dragonfly PR #5696 (maintainer review): with maxmemory 0 it takes ~80 % of available memory; an explicit value must be at least 256 MiB per proactor thread or the server exits",
    "https://github.com/dragonflydb/dragonfly/pull/5696",
    "2025-08-22",
    Confidence::B,
);
const DRAGONFLY_RSS: Source = cite(
    "dragonflydb/dragonfly#2206 (INFO ALL): used_memory 728 MiB, used_memory_rss 1.45 GiB with large values, one thread, cache mode",
    "https://github.com/dragonflydb/dragonfly/issues/2206",
    "2023-11-26",
    Confidence::B,
);

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([REDIS, VALKEY, DRAGONFLY, MEMCACHED]);

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
    deploy: Deploy {
        image: "redis",
        tag: "7-alpine",
        ports: &[Port::new(6379, "RESP")],
        volumes: &[Volume {
            name: "redis-data",
            path: "/data",
        }],
        healthcheck: &["CMD", "redis-cli", "ping"],
        host: REDIS_HOST,
        ..Deploy::NONE
    },
};

/// redis.io administration: without overcommit a background save (fork)
/// can fail when memory is short; Redis warns at start.
const REDIS_HOST: &[&str] = &["vm.overcommit_memory=1"];

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
    // The Redis kind runs `valkey-server` because the image name says valkey.
    deploy: Deploy {
        image: "valkey/valkey",
        tag: "8",
        ports: &[Port::new(6379, "RESP")],
        volumes: &[Volume {
            name: "valkey-data",
            path: "/data",
        }],
        healthcheck: &["CMD", "valkey-cli", "ping"],
        host: REDIS_HOST,
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const DRAGONFLY_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 128, 1 << 20, "not measured: an idle server with a small dataset", PLANNER),
    knob("peak_mib", "Peak memory", "峰值内存", Mib, 1024, 1 << 20, "twice the 512 MiB --maxmemory written: RSS reached 2 × used memory with large values", DRAGONFLY_RSS),
    limit(0, PLANNER),
    CPU_LIGHT,
];

/// Dragonfly: a multi-threaded Redis-compatible store. The Redis kind
/// would run `redis-server`, so it is a fixed budget around the
/// --maxmemory it is started with: 256 MiB per thread is the least that
/// starts, so two threads and 512 MiB.
pub const DRAGONFLY: ServiceDef = ServiceDef {
    id: "dragonfly",
    category: Category::Cache,
    name_en: "Dragonfly",
    name_zh: "Dragonfly 缓存（兼容 Redis）",
    images: &["dragonflydb/dragonfly"],
    kind: KindId::Fixed,
    knobs: DRAGONFLY_KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 80,
        rule: "without --maxmemory: 80 % of the memory it sees, and it exits unless that gives 256 MiB per thread (one thread per CPU)",
        source: DRAGONFLY_MIN,
    }),
    assumed: false,
    // Upstream's compose also sets `ulimits: memlock: -1`.
    deploy: Deploy {
        image: "ghcr.io/dragonflydb/dragonfly",
        tag: "v1.31.1",
        command: &[
            "dragonfly",
            "--logtostderr",
            "--proactor_threads=2",
            "--maxmemory=512mb",
        ],
        ports: &[Port::new(6379, "RESP (Redis and memcached protocols)")],
        volumes: &[Volume {
            name: "dragonfly-data",
            path: "/data",
        }],
        ..Deploy::NONE
    },
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
    // No data to keep; the image has no client to probe it with.
    deploy: Deploy {
        image: "memcached",
        tag: "1.6-alpine",
        ports: &[Port::new(11211, "memcached protocol")],
        ..Deploy::NONE
    },
};
