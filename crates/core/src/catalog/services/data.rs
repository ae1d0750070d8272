//! Databases, caches and queues: PostgreSQL, MySQL, MongoDB, Redis, Valkey,
//! memcached, RabbitMQ, Kafka, ZooKeeper.

use crate::kinds::jvm::{heap, nonheap, THREADS};
use crate::kinds::knobs::*;
use crate::kinds::{fixed, mongo, mysql, postgres, rabbitmq, redis};
use crate::model::{Category, Deploy, KindId, Preset, SelfSizing, ServiceDef};
use crate::sources::*;

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

#[rustfmt::skip]
pub const RABBITMQ: ServiceDef = ServiceDef {
    id: "rabbitmq",
    category: Category::Queue,
    name_en: "RabbitMQ",
    name_zh: "RabbitMQ 消息队列",
    images: &["rabbitmq", "bitnami/rabbitmq"],
    kind: KindId::Rabbitmq,
    knobs: rabbitmq::KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 40, rule: "publishers blocked at 40 % of the RAM it detects (3.13; 60 % in 4.x); it may not detect a cgroup limit", source: RABBITMQ_DOCS }),
    assumed: false,
    deploy: Deploy::NONE,
};

pub const KAFKA: ServiceDef = ServiceDef {
    id: "kafka",
    category: Category::Queue,
    name_en: "Kafka",
    name_zh: "Kafka 消息流",
    images: &["apache/kafka", "bitnami/kafka", "confluentinc/cp-kafka"],
    kind: KindId::Jvm,
    knobs: &[
        heap(1024, "kafka-server-start.sh -Xmx1G", KAFKA_DOCS),
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        THREADS,
        CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        heap_env: Some("KAFKA_HEAP_OPTS"),
        ..Deploy::NONE
    },
};

pub const ZOOKEEPER: ServiceDef = ServiceDef {
    id: "zookeeper",
    category: Category::Queue,
    name_en: "ZooKeeper",
    name_zh: "ZooKeeper 协调服务",
    images: &[
        "zookeeper",
        "bitnami/zookeeper",
        "confluentinc/cp-zookeeper",
    ],
    kind: KindId::Jvm,
    knobs: &[
        heap(512, "zookeeper-server-start.sh -Xmx512M", KAFKA_DOCS),
        nonheap(150, SPRING_FOOTPRINT_PROXY),
        THREADS,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        heap_env: Some("JVMFLAGS"),
        ..Deploy::NONE
    },
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
