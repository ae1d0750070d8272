//! Databases, caches and queues: PostgreSQL, MySQL, MongoDB, Redis, Valkey,
//! memcached, RabbitMQ, Kafka, ZooKeeper.

use super::knobs::*;
use super::sources::*;
use crate::model::{Category, KnobDef, KnobUnit, MemoryModel, Preset, SelfSizing, ServiceDef};
use KnobUnit::{Choice, Count, Mib, Percent};

const GIB64: i64 = 64 * 1024;

#[rustfmt::skip]
const PG_KNOBS: &[KnobDef] = &[
    knob("shared_buffers_mib", "shared_buffers", "shared_buffers 共享缓冲", Mib, 128, GIB64, "PostgreSQL default 128MB", PG_RESOURCE),
    knob("max_connections", "max_connections", "最大连接数", Count, 100, 100_000, "PostgreSQL default", PG_RESOURCE),
    knob("work_mem_mib", "work_mem", "work_mem 排序内存", Mib, 4, GIB64, "per sort/hash node; PostgreSQL default 4MB", PG_RESOURCE),
    knob("maintenance_work_mem_mib", "maintenance_work_mem", "maintenance_work_mem", Mib, 64, GIB64, "PostgreSQL default 64MB", PG_RESOURCE),
    knob("connections", "Open connections (typical)", "常用连接数", Count, 10, 100_000, "connections open in normal use", PLANNER),
    knob("active_queries", "Queries sorting at once (peak)", "峰值并发排序查询", Count, 2, 100_000, "each may use work_mem in two sort/hash nodes", PLANNER),
    knob("per_connection_mib", "Memory per connection", "每连接内存", Mib, 2, 1024, "< 2 MiB private per backend (1.1 MiB PSS measured)", PG_CONNECTION),
    knob("base_mib", "Base processes", "基础进程", Mib, 30, 1024, "postmaster + background workers: 27 MiB PSS", MEASURED),
    knob("max_parallel_workers_per_gather", "Parallel workers per query", "每查询并行进程", Count, 2, 64, "PostgreSQL default; parallel queries use /dev/shm", PG_PARALLEL),
    CPU,
];

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
    model: MemoryModel::Postgres,
    knobs: PG_KNOBS,
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
};

#[rustfmt::skip]
const MYSQL_KNOBS: &[KnobDef] = &[
    knob("buffer_pool_mib", "innodb_buffer_pool_size", "InnoDB 缓冲池", Mib, 128, GIB64, "MySQL default 128M", MYSQL_DEFAULTS),
    knob("performance_schema", "performance_schema", "performance_schema", ON_OFF, 1, 1, "on by default", MYSQL_DEFAULTS),
    knob("performance_schema_mib", "performance_schema memory", "performance_schema 内存", Mib, 250, GIB64, "≈ 250 MB when on", MYSQL_PS),
    knob("max_connections", "max_connections", "最大连接数", Count, 151, 100_000, "MySQL default", MYSQL_DEFAULTS),
    knob("connections", "Open connections (typical)", "常用连接数", Count, 10, 100_000, "connections open in normal use", PLANNER),
    knob("per_connection_mib", "Memory per connection", "每连接内存", Mib, 2, 1024, "thread_stack 1M + sort/join/read buffers ≈ 0.9M", MYSQL_DEFAULTS),
    knob("base_mib", "Base server", "基础进程", Mib, 30, 4096, "idle 8.0 container ≈ 400 MB minus P_S and buffer pool", MYSQL_IDLE),
    CPU,
];

pub const MYSQL: ServiceDef = ServiceDef {
    id: "mysql",
    category: Category::Database,
    name_en: "MySQL",
    name_zh: "MySQL 数据库",
    images: &["mysql", "bitnami/mysql", "mariadb", "percona"],
    model: MemoryModel::Mysql,
    knobs: MYSQL_KNOBS,
    presets: &[],
    self_sizing: None,
};

#[rustfmt::skip]
const MONGO_KNOBS: &[KnobDef] = &[
    knob("cache_mib", "WiredTiger cache (0 = auto)", "WiredTiger 缓存（0 = 自动）", Mib, 0, GIB64, "auto: max(50 % × (memory − 1 GiB), 256 MiB)", MONGO_WT),
    knob("base_mib", "Outside the cache", "缓存之外", Mib, 150, GIB64, "connections, aggregation, catalog", PLANNER),
    knob("index_build_mib", "Index build (peak)", "建索引峰值", Mib, 200, GIB64, "maxIndexBuildMemoryUsageMegabytes", MONGO_WT),
    CPU,
];

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
    model: MemoryModel::Mongo,
    knobs: MONGO_KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 50,
        rule:
            "WiredTiger cache = 50 % of (RAM − 1 GB); cgroup v2 limits ignored before SERVER-60412",
        source: MONGO_WT,
    }),
};

/// Persistence modes shared by Redis and Valkey.
pub const PERSISTENCE: &[&str] = &["off", "rdb", "aof", "rdb+aof"];

#[rustfmt::skip]
const REDIS_KNOBS: &[KnobDef] = &[
    knob("maxmemory_mib", "maxmemory (0 = none)", "maxmemory（0 = 不限）", Mib, 0, GIB64, "no limit by default", REDIS_MAXMEMORY),
    knob("dataset_mib", "Data in use (typical)", "常用数据量", Mib, 64, GIB64, "used_memory in normal operation", PLANNER),
    knob("persistence", "Persistence", "持久化", Choice(PERSISTENCE), 1, 3, "RDB snapshots are on in the default redis.conf", REDIS_PERSIST),
    knob("fragmentation_pct", "Fragmentation", "内存碎片率", Percent, 110, 1000, "RSS / used_memory: 1.08 measured with 1 M keys", MEASURED),
    knob("cow_pct", "Copy-on-write while forking", "fork 写时复制", Percent, 100, 100, "up to 2 × while saving RDB or rewriting AOF", REDIS_PERSIST),
    knob("base_mib", "Empty server", "空实例", Mib, 10, 1024, "empty Redis 7: 9.4 MiB PSS", MEASURED),
    CPU_LIGHT,
];

pub const REDIS: ServiceDef = ServiceDef {
    id: "redis",
    category: Category::Cache,
    name_en: "Redis",
    name_zh: "Redis 缓存",
    images: &["redis", "bitnami/redis", "redis/redis-stack-server"],
    model: MemoryModel::Redis,
    knobs: REDIS_KNOBS,
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
};

pub const VALKEY: ServiceDef = ServiceDef {
    id: "valkey",
    category: Category::Cache,
    name_en: "Valkey",
    name_zh: "Valkey 缓存",
    images: &["valkey/valkey", "bitnami/valkey"],
    model: MemoryModel::Redis,
    knobs: REDIS_KNOBS,
    presets: &[],
    self_sizing: None,
};

#[rustfmt::skip]
pub const MEMCACHED: ServiceDef = ServiceDef {
    id: "memcached",
    category: Category::Cache,
    name_en: "memcached",
    name_zh: "memcached 缓存",
    images: &["memcached", "bitnami/memcached"],
    model: MemoryModel::Memcached,
    knobs: &[
        knob("memory_limit_mib", "-m item memory", "-m 条目内存", Mib, 64, GIB64, "memcached default 64 MB", MEMCACHED_DOCS),
        knob("base_mib", "Server and connections", "进程与连接", Mib, 8, 1024, "threads and connection buffers", PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
};

#[rustfmt::skip]
pub const RABBITMQ: ServiceDef = ServiceDef {
    id: "rabbitmq",
    category: Category::Queue,
    name_en: "RabbitMQ",
    name_zh: "RabbitMQ 消息队列",
    images: &["rabbitmq", "bitnami/rabbitmq"],
    model: MemoryModel::Rabbitmq,
    knobs: &[
        knob("base_mib", "Erlang VM and plugins", "Erlang 虚拟机与插件", Mib, 150, GIB64, "not measured", PLANNER),
        knob("queue_mib", "Messages in memory (typical)", "内存中的消息", Mib, 64, GIB64, "queued messages held in RAM", PLANNER),
        knob("watermark_pct", "vm_memory_high_watermark", "内存高水位", Percent, 40, 100, "0.4 of detected RAM: the 3.13 default; set 60 for 4.x images (default 0.6)", RABBITMQ_DOCS),
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 40, rule: "publishers blocked at 40 % of the RAM it detects (3.13; 60 % in 4.x); it may not detect a cgroup limit", source: RABBITMQ_DOCS }),
};

pub const KAFKA: ServiceDef = ServiceDef {
    id: "kafka",
    category: Category::Queue,
    name_en: "Kafka",
    name_zh: "Kafka 消息流",
    images: &["apache/kafka", "bitnami/kafka", "confluentinc/cp-kafka"],
    model: MemoryModel::Jvm,
    knobs: &[
        heap(1024, "kafka-server-start.sh -Xmx1G", KAFKA_DOCS),
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        THREADS,
        CPU,
    ],
    presets: &[],
    self_sizing: None,
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
    model: MemoryModel::Jvm,
    knobs: &[
        heap(512, "zookeeper-server-start.sh -Xmx512M", KAFKA_DOCS),
        nonheap(150, SPRING_FOOTPRINT_PROXY),
        THREADS,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
};
