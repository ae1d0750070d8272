//! Databases and the pooler in front of them: PostgreSQL (and its TimescaleDB
//! and pgvector images), PgBouncer, MySQL, MariaDB, MongoDB, ClickHouse,
//! InfluxDB, Cassandra, CouchDB.

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

const GIB64: i64 = 64 * 1024;

const TIMESCALE_TUNE: Source = cite(
    "timescale/timescaledb-docker README: the image is the official PostgreSQL image plus TimescaleDB and runs timescaledb-tune at first start (shared_buffers ≈ 25 % of the memory it detects)",
    "https://github.com/timescale/timescaledb-docker",
    "2026-12-01",
    Confidence::A,
);
const MARIADB_DOCS: Source = cite(
    "MariaDB server system variables: innodb_buffer_pool_size 134217728 (128 MiB), max_connections 151, performance_schema OFF by default",
    "https://mariadb.com/kb/en/server-system-variables/",
    "2026-12-01",
    Confidence::A,
);
const MARIADB_IDLE: Source = cite(
    "docker-library/mysql#579: the official mariadb image, idle, 'using 100 something MB'; the rest of the server is MySQL's (laradock#3496)",
    "https://github.com/docker-library/mysql/issues/579",
    "2019-07-19",
    Confidence::B,
);
const CLICKHOUSE_IDLE: Source = cite(
    "ClickHouse#90553: an idle default container went from 200 MB to 1.5 GB in an hour and averaged 30 % of a core (system log tables; macOS Docker Desktop)",
    "https://github.com/ClickHouse/ClickHouse/issues/90553",
    "2025-11-21",
    Confidence::B,
);
const INFLUXDB_STATS: Source = cite(
    "solectrus#1430: docker stats of a small home install, InfluxDB 2 at 223.8 MiB and 0.13 % CPU (the live heap is that less the Go runtime)",
    "https://github.com/solectrus/solectrus/issues/1430",
    "2022-11-04",
    Confidence::B,
);
const CASSANDRA_HEAP: Source = cite(
    "bitnami/charts#3104 (maintainer quoting cassandra-env.sh): heap = max(min(½ RAM, 1024 MB), min(¼ RAM, 8 GB)) of the host's RAM; 1 GiB on 2–4 GiB hosts, written here as MAX_HEAP_SIZE",
    "https://github.com/bitnami/charts/issues/3104",
    "2020-07-16",
    Confidence::B,
);
const COUCHDB_STATS: Source = cite(
    "apache/couchdb-docker#242: docker stats of an empty couchdb:3 container, 92 MiB on one amd64 host and a flat 1.5 GiB on others (ARM64 and later x86 reports)",
    "https://github.com/apache/couchdb-docker/issues/242",
    "2023-04-16",
    Confidence::B,
);

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    POSTGRES,
    TIMESCALEDB,
    PGVECTOR,
    PGBOUNCER,
    MYSQL,
    MARIADB,
    MONGODB,
    CLICKHOUSE,
    INFLUXDB,
    CASSANDRA,
    COUCHDB,
]);

/// The official PostgreSQL entrypoint refuses an empty data directory
/// without a superuser password (docker-library/postgres).
const POSTGRES_PASSWORD: EnvSpec = EnvSpec {
    name: "POSTGRES_PASSWORD",
    value: EnvValue::Secret,
    why_en: why!(
        "the entrypoint refuses to initialise an empty data directory without a superuser password"
    ),
    why_zh: why!("没有超级用户密码时，入口脚本拒绝初始化空的数据目录，容器直接退出"),
};

/// pg_isready ships with the server in every image built on the official one.
const PG_ISREADY: &[&str] = &["CMD-SHELL", "pg_isready -U postgres"];

const PG_PORTS: &[Port] = &[Port::new(5432, "PostgreSQL")];

pub const POSTGRES: ServiceDef = ServiceDef {
    id: "postgres",
    category: Category::Database,
    name_en: "PostgreSQL",
    name_zh: "PostgreSQL 数据库",
    // supabase/postgres and zulip/zulip-postgresql are PostgreSQL with extensions
    // (pg_cron, pg_net, pgsodium…; hunspell dictionaries): PostgreSQL's model.
    images: &[
        "postgres",
        "bitnami/postgresql",
        "postgis/postgis",
        "supabase/postgres",
        "zulip/zulip-postgresql",
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
    // Tags up to 17 keep PGDATA at /var/lib/postgresql/data (18 moved it).
    deploy: Deploy {
        image: "postgres",
        tag: "17",
        ports: PG_PORTS,
        volumes: &[Volume {
            name: "postgres-data",
            path: "/var/lib/postgresql/data",
        }],
        env: &[POSTGRES_PASSWORD],
        healthcheck: PG_ISREADY,
        ..Deploy::NONE
    },
};

/// TimescaleDB: PostgreSQL with the extension and its job scheduler. The
/// image tunes postgresql.conf from the memory it detects at first start;
/// the `-c` settings StackFit writes on the command line override that.
pub const TIMESCALEDB: ServiceDef = ServiceDef {
    id: "timescaledb",
    category: Category::Database,
    name_en: "TimescaleDB",
    name_zh: "TimescaleDB 时序数据库",
    images: &[
        "timescale/timescaledb",
        "timescale/timescaledb-ha",
        "timescale/timescaledb-postgis",
    ],
    kind: KindId::Postgres,
    knobs: postgres::KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "timescaledb-tune writes shared_buffers ≈ 25 % of the memory it detects at first start (the limit if set, else the host); the -c flags StackFit writes override it",
        source: TIMESCALE_TUNE,
    }),
    assumed: false,
    deploy: Deploy {
        image: "timescale/timescaledb",
        tag: "2.17.2-pg16",
        ports: PG_PORTS,
        volumes: &[Volume {
            name: "timescaledb-data",
            path: "/var/lib/postgresql/data",
        }],
        env: &[POSTGRES_PASSWORD],
        healthcheck: PG_ISREADY,
        ..Deploy::NONE
    },
};

/// PostgreSQL with the pgvector extension: PostgreSQL's memory model; HNSW
/// and IVFFlat builds use maintenance_work_mem, so raise it (and the peak)
/// for faster index builds.
pub const PGVECTOR: ServiceDef = ServiceDef {
    id: "pgvector",
    category: Category::Database,
    name_en: "PostgreSQL + pgvector",
    name_zh: "PostgreSQL + pgvector 向量检索",
    // Immich's image is PostgreSQL with VectorChord and pgvecto.rs: the same model.
    images: &[
        "pgvector/pgvector",
        "ankane/pgvector",
        "immich-app/postgres",
        "tensorchord/pgvecto-rs",
        "tensorchord/vchord-postgres",
    ],
    kind: KindId::Postgres,
    knobs: postgres::KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "pgvector/pgvector",
        tag: "pg16",
        ports: PG_PORTS,
        volumes: &[Volume {
            name: "pgvector-data",
            path: "/var/lib/postgresql/data",
        }],
        env: &[POSTGRES_PASSWORD],
        healthcheck: PG_ISREADY,
        ..Deploy::NONE
    },
};

/// edoburu/pgbouncer: the image whose variables (MAX_CLIENT_CONN,
/// DEFAULT_POOL_SIZE, POOL_MODE) the PgBouncer kind writes. Its entrypoint
/// exits without DB_HOST (or DATABASE_URL) and listens on 5432.
pub const PGBOUNCER: ServiceDef = ServiceDef {
    id: "pgbouncer",
    category: Category::Database,
    name_en: "PgBouncer",
    name_zh: "PgBouncer 连接池",
    images: &["edoburu/pgbouncer", "bitnami/pgbouncer", "pgbouncer/pgbouncer"],
    kind: KindId::PgBouncer,
    knobs: crate::kinds::pgbouncer::KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "edoburu/pgbouncer",
        tag: "v1.24.1-p1",
        ports: &[Port::new(5432, "PostgreSQL protocol, pooled")],
        env: &[
            EnvSpec {
                name: "DB_HOST",
                value: EnvValue::DependencyHost("postgres"),
                why_en: why!("the PostgreSQL service it pools (its name in this file); the entrypoint exits without it"),
                why_zh: why!("要代理的 PostgreSQL 服务（本文件里的服务名）；不设置时入口脚本直接退出"),
            },
            EnvSpec {
                name: "DB_PASSWORD",
                value: EnvValue::DependencySecret,
                why_en: why!("the password of the PostgreSQL user (postgres), the same secret as the database's; without it no client can log in through the pool"),
                why_zh: why!("PostgreSQL 用户（postgres）的密码，与数据库的密码相同；不设置时客户端无法通过连接池登录"),
            },
        ],
        ..Deploy::NONE
    },
};

pub const MYSQL: ServiceDef = ServiceDef {
    id: "mysql",
    category: Category::Database,
    name_en: "MySQL",
    name_zh: "MySQL 数据库",
    images: &[
        "mysql",
        "bitnami/mysql",
        "mysql/mysql-server",
        "percona",
        "percona/percona-server",
    ],
    kind: KindId::Mysql,
    knobs: mysql::KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    // With an unlimited nofile in the daemon MySQL 5.7/8.0 idled at 14–16 GiB
    // (docker-library/mysql#579); compose's `ulimits: nofile` fixes it. The
    // value is the one a fix in that thread sets (soft = hard = 64000, as
    // the daemon's default-ulimits, comment of 2023-02-16 in
    // https://github.com/docker-library/mysql/issues/579), above what
    // max_connections (≤ 10,000 here) and the table cache need (MySQL sizes
    // open_files_limit from both: docker-library/mysql#598).
    deploy: Deploy {
        image: "mysql",
        tag: "8.4",
        ports: &[Port::new(3306, "MySQL"), Port::new(33060, "X Protocol")],
        volumes: &[Volume {
            name: "mysql-data",
            path: "/var/lib/mysql",
        }],
        env: &[EnvSpec {
            name: "MYSQL_ROOT_PASSWORD",
            value: EnvValue::Secret,
            why_en: why!("the entrypoint exits on an empty data directory without a root password"),
            why_zh: why!("数据目录为空且没有 root 密码时，入口脚本直接退出"),
        }],
        healthcheck: &["CMD", "mysqladmin", "ping", "-h", "localhost"],
        nofile: Some(64_000),
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const MARIADB_KNOBS: &[KnobDef] = &[
    knob("buffer_pool_mib", "innodb_buffer_pool_size", "InnoDB 缓冲池", Mib, 128, GIB64, "MariaDB default 128 MiB", MARIADB_DOCS),
    knob("performance_schema", "performance_schema", "performance_schema", ON_OFF, 0, 1, "off by default in MariaDB (on in MySQL)", MARIADB_DOCS),
    knob("performance_schema_mib", "performance_schema memory", "performance_schema 内存", Mib, 250, GIB64, "≈ 250 MB when turned on (measured on MySQL)", MYSQL_PS),
    knob("max_connections", "max_connections", "最大连接数", Count, 151, 10_000, "MariaDB default", MARIADB_DOCS),
    knob("connections", "Open connections (typical)", "常用连接数", Count, 10, 10_000, "connections open in normal use", PLANNER),
    knob("per_connection_mib", "Memory per connection", "每连接内存", Mib, 2, 1024, "thread_stack + sort/join/read buffers (MySQL's defaults, which MariaDB shares)", MYSQL_DEFAULTS),
    knob("base_mib", "Base server", "基础进程", Mib, 30, 4096, "MySQL's idle figure less its buffer pool and P_S; an idle MariaDB measured 100–200 MB in total", MARIADB_IDLE),
    CPU_IDLE_DB,
];

/// MariaDB: MySQL's memory model with performance_schema off by default.
pub const MARIADB: ServiceDef = ServiceDef {
    id: "mariadb",
    category: Category::Database,
    name_en: "MariaDB",
    name_zh: "MariaDB 数据库",
    images: &[
        "mariadb",
        "bitnami/mariadb",
        "linuxserver/mariadb",
        "yobasystems/alpine-mariadb",
    ],
    kind: KindId::Mysql,
    knobs: MARIADB_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "mariadb",
        tag: "11.4",
        ports: &[Port::new(3306, "MySQL protocol")],
        volumes: &[Volume {
            name: "mariadb-data",
            path: "/var/lib/mysql",
        }],
        env: &[EnvSpec {
            name: "MARIADB_ROOT_PASSWORD",
            value: EnvValue::Secret,
            why_en: why!("the entrypoint exits on an empty data directory without a root password"),
            why_zh: why!("数据目录为空且没有 root 密码时，入口脚本直接退出"),
        }],
        // healthcheck.sh ships in the official images (10.4+ rebuilt since 2023).
        healthcheck: &["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"],
        ..Deploy::NONE
    },
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
        "percona/percona-server-mongodb",
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
    // mongo 5.0+ needs a CPU with AVX (some cheap VMs' vCPUs lack it).
    deploy: Deploy {
        image: "mongo",
        tag: "7.0",
        ports: &[Port::new(27017, "MongoDB")],
        volumes: &[
            Volume {
                name: "mongo-data",
                path: "/data/db",
            },
            Volume {
                name: "mongo-config",
                path: "/data/configdb",
            },
        ],
        // mongosh replaced the legacy shell in the 6.0+ images.
        healthcheck: &[
            "CMD",
            "mongosh",
            "--quiet",
            "--eval",
            "db.adminCommand('ping')",
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const CLICKHOUSE_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 1150, 1 << 20, "steady state measured in a self-hosted stack (1148 MiB); ~200 MiB just after start, ~1.5 GiB after an idle hour of system log tables", CLICKHOUSE_STATS),
    knob("query_mib", "Queries and merges (peak)", "查询与合并峰值", Mib, 1024, 1 << 20, "not sourced: what queries and background merges add above the steady state; the server's own cap stops it", PLANNER),
    knob("ram_ratio_pct", "max_server_memory_usage_to_ram_ratio", "服务内存占比上限", Percent, 90, 100, "ClickHouse default 0.9 of the memory it sees (the cgroup limit when set)", CLICKHOUSE_RATIO),
    knob("cpu_millicores", "Expected CPU", "预计 CPU", Millicores, 300, 256_000, "an idle default server averaged 30 % of a core writing its system log tables", CLICKHOUSE_IDLE),
];

pub const CLICKHOUSE: ServiceDef = ServiceDef {
    id: "clickhouse",
    category: Category::Database,
    name_en: "ClickHouse",
    name_zh: "ClickHouse 分析数据库",
    images: &[
        "clickhouse/clickhouse-server",
        "yandex/clickhouse-server",
        "altinity/clickhouse-server",
        "bitnami/clickhouse",
    ],
    kind: KindId::ClickHouse,
    knobs: CLICKHOUSE_KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 90,
        rule: "caps itself at 90 % of the memory it sees (the container limit when set, else the host); 24.8 sized its caches from host RAM",
        source: CLICKHOUSE_RATIO,
    }),
    assumed: false,
    // The docs' docker run also raises nofile to 262144.
    deploy: Deploy {
        image: "clickhouse/clickhouse-server",
        tag: "24.8",
        ports: &[
            Port::new(8123, "HTTP"),
            Port::new(9000, "native protocol"),
        ],
        volumes: &[Volume {
            name: "clickhouse-data",
            path: "/var/lib/clickhouse",
        }],
        env: &[EnvSpec {
            name: "CLICKHOUSE_PASSWORD",
            value: EnvValue::Secret,
            why_en: why!("without a user or password the image disables network access for the default user: it starts, but no other container can log in"),
            why_zh: why!("不设置用户或密码时，镜像会关闭 default 用户的网络访问：容器能启动，但其他容器都连不上"),
        }],
        // Langfuse's compose (maintainer) probes /ping with the image's wget.
        healthcheck: &[
            "CMD-SHELL",
            "wget --no-verbose --tries=1 --spider http://localhost:8123/ping || exit 1",
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const INFLUXDB_KNOBS: &[KnobDef] = &[
    knob("live_heap_mib", "Live heap", "存活堆", Mib, 214, 1 << 16, "a small home install measured 224 MiB in docker stats; grows with series cardinality and Flux queries", INFLUXDB_STATS),
    knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, 10, 1 << 16, "Go runtime, taken out of the measured total", INFLUXDB_STATS),
    GC_KNOBS[0],
    GC_KNOBS[1],
    CPU_IDLE_DB,
];

/// InfluxDB 2 (the `influxdb` repository also holds 1.x and, since 2025,
/// 3.x under `latest`: pin a 2.x tag). A Go server; OOM reports under
/// container limits from 2.0.7 to 2.7.6 (influxdb#21765).
pub const INFLUXDB: ServiceDef = ServiceDef {
    id: "influxdb",
    category: Category::Database,
    name_en: "InfluxDB 2",
    name_zh: "InfluxDB 2 时序数据库",
    images: &["influxdb", "bitnami/influxdb", "influxdb/influxdb"],
    kind: KindId::Go,
    knobs: INFLUXDB_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "influxdb",
        tag: "2.7.6",
        ports: &[Port::new(8086, "HTTP API and UI")],
        volumes: &[
            Volume {
                name: "influxdb-data",
                path: "/var/lib/influxdb2",
            },
            Volume {
                name: "influxdb-config",
                path: "/etc/influxdb2",
            },
        ],
        // The 2.x image bundles the influx CLI (its docs run `influx setup` in it).
        healthcheck: &["CMD", "influx", "ping"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const CASSANDRA_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 1280, 1 << 20, "the 1 GiB heap written as MAX_HEAP_SIZE (pre-touched at start) plus 256 MiB off-heap; the off-heap share is not sourced", PLANNER),
    knob("peak_mib", "Peak memory", "峰值内存", Mib, 1536, 1 << 20, "not sourced: compactions, memtables and bloom filters off the heap", PLANNER),
    knob("limit_mib", "Default limit", "默认内存上限", Mib, 0, 1 << 20, "0 = peak + margin", PLANNER),
    CPU_IDLE_DB,
];

/// Cassandra sizes its heap from the host's RAM (`free -m`), not the
/// container limit, so the heap is written explicitly; the JVM kind cannot
/// write Cassandra's MAX_HEAP_SIZE/HEAP_NEWSIZE pair, so it is a fixed
/// budget around the heap it writes.
pub const CASSANDRA: ServiceDef = ServiceDef {
    id: "cassandra",
    category: Category::Database,
    name_en: "Apache Cassandra",
    name_zh: "Cassandra 宽列数据库",
    images: &["cassandra", "bitnami/cassandra"],
    kind: KindId::Fixed,
    knobs: CASSANDRA_KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "heap = max(min(½ RAM, 1 GiB), min(¼ RAM, 8 GiB)) of the host's RAM, whatever the limit, unless MAX_HEAP_SIZE is set",
        source: CASSANDRA_HEAP,
    }),
    assumed: false,
    deploy: Deploy {
        image: "cassandra",
        tag: "4.1",
        ports: &[Port::new(9042, "CQL")],
        volumes: &[Volume {
            name: "cassandra-data",
            path: "/var/lib/cassandra",
        }],
        env: &[
            EnvSpec {
                name: "MAX_HEAP_SIZE",
                value: EnvValue::Literal("1024M"),
                why_en: why!("without it the heap follows the host's RAM, not the limit, and the container is OOM-killed on a bigger host"),
                why_zh: why!("不设置时堆大小按宿主机内存而不是容器上限计算，在内存更大的机器上会被 OOM Killer 杀掉"),
            },
            EnvSpec {
                name: "HEAP_NEWSIZE",
                value: EnvValue::Literal("256M"),
                why_en: why!("cassandra-env.sh exits unless MAX_HEAP_SIZE and HEAP_NEWSIZE are set together"),
                why_zh: why!("cassandra-env.sh 要求 MAX_HEAP_SIZE 与 HEAP_NEWSIZE 成对设置，否则退出"),
            },
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const COUCHDB_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 92, 1 << 20, "an empty couchdb:3 measured 92 MiB in docker stats (amd64)", COUCHDB_STATS),
    knob("peak_mib", "Peak memory", "峰值内存", Mib, 1536, 1 << 20, "the same empty image sat at 1.5 GiB on other hosts; cause not established (a high nofile limit is suspected)", COUCHDB_STATS),
    CPU_IDLE_DB,
];

/// CouchDB 3: an Erlang VM (BEAM) with view and indexer processes.
pub const COUCHDB: ServiceDef = ServiceDef {
    id: "couchdb",
    category: Category::Database,
    name_en: "Apache CouchDB",
    name_zh: "CouchDB 文档数据库",
    images: &["couchdb", "apache/couchdb", "bitnami/couchdb"],
    kind: KindId::Beam,
    knobs: COUCHDB_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "couchdb",
        tag: "3",
        ports: &[Port::new(5984, "HTTP API and Fauxton")],
        volumes: &[Volume {
            name: "couchdb-data",
            path: "/opt/couchdb/data",
        }],
        env: &[
            EnvSpec {
                name: "COUCHDB_USER",
                value: EnvValue::Literal("admin"),
                why_en: why!("CouchDB 3 refuses to run without an admin (no more 'Admin Party')"),
                why_zh: why!("CouchDB 3 不再允许无管理员运行（Admin Party），缺少管理员时直接退出"),
            },
            EnvSpec {
                name: "COUCHDB_PASSWORD",
                value: EnvValue::Secret,
                why_en: why!("the admin's password, required with COUCHDB_USER"),
                why_zh: why!("管理员密码，与 COUCHDB_USER 一起必填"),
            },
        ],
        healthcheck: &["CMD", "curl", "-fs", "http://localhost:5984/_up"],
        // A BEAM node: the 1.5 GiB peak is suspected to be a high nofile; the
        // port table follows the open-file limit (see kinds::beam::NOFILE).
        nofile: Some(crate::kinds::beam::NOFILE),
        ..Deploy::NONE
    },
};

/// What this file and caches, queues, search and storage promise about
/// deploying their images.
#[cfg(test)]
mod deploy_tests {
    use crate::catalog::image_repository;
    use crate::model::{EnvValue, KindId, ServiceDef};

    fn data_services() -> Vec<&'static ServiceDef> {
        [
            super::SERVICES,
            super::super::caches::SERVICES,
            super::super::queues::SERVICES,
            super::super::search::SERVICES,
            super::super::storage::SERVICES,
        ]
        .concat()
        .iter()
        .map(|s| crate::catalog::service(s.id).unwrap())
        .collect()
    }

    /// Every data service names an image it matches and a pinned tag.
    #[test]
    fn every_data_service_deploys_its_own_image_at_a_pinned_tag() {
        for s in data_services() {
            let d = &s.deploy;
            assert!(!d.image.is_empty(), "{}: no image", s.id);
            assert!(
                s.images.contains(&image_repository(d.image).as_str()),
                "{}: deploys {} but matches {:?}",
                s.id,
                d.image,
                s.images
            );
            assert!(
                !d.tag.is_empty() && !d.tag.contains("latest"),
                "{}: tag {:?}",
                s.id,
                d.tag
            );
            assert!(!d.ports.is_empty(), "{}: no port", s.id);
            for e in d.env {
                assert!(
                    !e.why_en.is_empty() && !e.why_zh.is_empty(),
                    "{}: {}",
                    s.id,
                    e.name
                );
                if let EnvValue::Literal(v) = e.value {
                    assert!(!v.is_empty(), "{}: {} empty", s.id, e.name);
                }
            }
        }
    }

    /// MinIO's Docker Hub images were deleted; Bitnami's versioned tags live
    /// in bitnamilegacy/ only.
    #[test]
    fn deploy_images_are_ones_that_still_pull() {
        for s in data_services() {
            assert!(!s.deploy.image.starts_with("minio/"), "{}", s.id);
            if image_repository(s.deploy.image).starts_with("bitnami/") {
                assert!(s.deploy.image.starts_with("bitnamilegacy/"), "{}", s.id);
            }
        }
        let minio = crate::catalog::service("minio").unwrap();
        assert_eq!(minio.deploy.image, "quay.io/minio/minio");
    }

    /// A JVM image's heap goes through the variable that image reads.
    #[test]
    fn jvm_images_name_their_heap_variable() {
        for s in data_services() {
            if matches!(s.kind, KindId::Jvm | KindId::Elasticsearch) {
                assert!(s.deploy.heap_env.is_some(), "{}", s.id);
            }
        }
    }

    /// TimescaleDB and pgvector were images of the PostgreSQL entry; MariaDB
    /// was an image of MySQL's, with MySQL's performance_schema on.
    #[test]
    fn postgres_and_mysql_variants_have_their_own_entries() {
        use crate::catalog::service_for_image;
        assert_eq!(
            service_for_image("timescale/timescaledb:2.17.2-pg16")
                .unwrap()
                .id,
            "timescaledb"
        );
        assert_eq!(
            service_for_image("pgvector/pgvector:pg16").unwrap().id,
            "pgvector"
        );
        let mariadb = service_for_image("mariadb:11.4").unwrap();
        assert_eq!(mariadb.id, "mariadb");
        assert_eq!(mariadb.kind, KindId::Mysql);
        assert_eq!(mariadb.knob_default("performance_schema"), 0);
        assert_eq!(
            service_for_image("bitnamilegacy/kafka:3.7").unwrap().id,
            "kafka-bitnami"
        );
        assert_eq!(service_for_image("apache/kafka:3.7.2").unwrap().id, "kafka");
    }
}
