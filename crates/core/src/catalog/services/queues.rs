//! Queues, streams, workflows and coordination: RabbitMQ, Kafka (Apache and
//! Bitnami images), ZooKeeper, NATS, etcd, Temporal server and UI.

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

const RABBITMQ_STATS: Source = cite(
    "future-agi/future-agi PR #2618: docker stats of a self-hosted stack in steady state, rabbitmq 151.2 MiB (its queues included)",
    "https://github.com/future-agi/future-agi/pull/2618",
    "2026-09-08",
    Confidence::B,
);
const NATS_CORE: Source = cite(
    "nats-io/nats.docs#321 (maintainer): a core NATS server with a publisher and a receiver at 2M msgs/s uses about 11 MB RSS",
    "https://github.com/nats-io/nats.docs/issues/321",
    "2021-11-11",
    Confidence::B,
);
const NATS_JETSTREAM: Source = cite(
    "nats-io/nats-server#4638: JetStream with 100 small file-backed streams sat at ~100 MB (≈ 1 MB a stream), spiking to ~1.1 GB once they hit their limits",
    "https://github.com/nats-io/nats-server/issues/4638",
    "2023-10-08",
    Confidence::B,
);
const ETCD_RSS: Source = cite(
    "milvus-io/milvus#17793 (Milvus 2.0.2 era; date read): top on a Kubernetes node, the control plane's etcd at RES 68,396 KiB (the live heap is that less the Go runtime)",
    "https://github.com/milvus-io/milvus/issues/17793",
    "2026-12-01",
    Confidence::B,
);
const TEMPORAL_STATS: Source = cite(
    "future-agi/future-agi PR #2618: docker stats of a self-hosted stack in steady state, temporal 273.4 MiB (auto-setup, all roles in one process)",
    "https://github.com/future-agi/future-agi/pull/2618",
    "2026-09-08",
    Confidence::B,
);

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    RABBITMQ,
    KAFKA,
    KAFKA_BITNAMI,
    ZOOKEEPER,
    NATS,
    ETCD,
    TEMPORAL,
    TEMPORAL_UI,
]);

#[rustfmt::skip]
const RABBITMQ_KNOBS: &[KnobDef] = &[
    knob("base_mib", "Erlang VM and plugins", "Erlang 虚拟机与插件", Mib, 150, GIB64, "a whole node measured 151 MiB in steady state (management plugin and its queues included)", RABBITMQ_STATS),
    knob("queue_mib", "Messages in memory (typical)", "内存中的消息", Mib, 32, GIB64, "not sourced: messages held in RAM beyond the measured node; twice this at peak (an idle node with plugins was seen at 292 MiB)", PLANNER),
    rabbitmq::KNOBS[2],
    CPU_IDLE_DB,
];

#[rustfmt::skip]
pub const RABBITMQ: ServiceDef = ServiceDef {
    id: "rabbitmq",
    category: Category::Queue,
    name_en: "RabbitMQ",
    name_zh: "RabbitMQ 消息队列",
    images: &["rabbitmq", "bitnami/rabbitmq", "masstransit/rabbitmq"],
    kind: KindId::Rabbitmq,
    knobs: RABBITMQ_KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 40, rule: "publishers blocked at 40 % of the RAM it detects (3.13; 60 % in 4.x); it may not detect a cgroup limit", source: RABBITMQ_DOCS }),
    assumed: false,
    // The kind writes an absolute watermark, so the image's own 0.6 (4.x) does not apply.
    // Set `hostname:` in compose to keep the node name (and its data) across recreations.
    deploy: Deploy {
        image: "rabbitmq",
        tag: "4.1-management-alpine",
        ports: &[
            Port::new(5672, "AMQP"),
            Port::new(15672, "management UI"),
        ],
        volumes: &[Volume { name: "rabbitmq-data", path: "/var/lib/rabbitmq" }],
        // Each probe starts a short-lived Erlang VM: keep the interval ≥ 30 s on small servers.
        healthcheck: &["CMD", "rabbitmq-diagnostics", "-q", "ping"],
        // A BEAM node: the port table follows the open-file limit (see
        // kinds::beam::NOFILE). The official image sets no limit and leaves
        // it to the deployer (docker-library/rabbitmq#545, where the
        // maintainer calls 1024 unusable and 50K a sensible default); 65536
        // is Erlang's default table and what musicbrainz-docker pins for it.
        nofile: Some(crate::kinds::beam::NOFILE),
        ..Deploy::NONE
    },
};

/// Kafka's memory: its start script's fixed 1 GiB heap plus non-heap.
const KAFKA_KNOBS: &[KnobDef] = &[
    heap(1024, "kafka-server-start.sh -Xmx1G", KAFKA_DOCS),
    nonheap(250, SPRING_FOOTPRINT_PROXY),
    THREADS,
    HEAP_IN_USE,
    CPU,
];

/// Apache Kafka in KRaft mode (one JVM, broker and controller), from the
/// Apache, Confluent and wurstmeister images. The apache/kafka image builds
/// its config from KAFKA_* variables (docker/jvm configure and
/// configureDefaults); its defaults advertise `localhost:9092`, which other
/// containers cannot reach, so the whole single-node set is written. No healthcheck: Kafka's CLI tools
/// start a JVM that reads KAFKA_HEAP_OPTS too, a second 1 GiB heap inside
/// the limit.
pub const KAFKA: ServiceDef = ServiceDef {
    id: "kafka",
    category: Category::Queue,
    name_en: "Kafka",
    name_zh: "Kafka 消息流",
    images: &["apache/kafka", "confluentinc/cp-kafka", "wurstmeister/kafka"],
    kind: KindId::Jvm,
    knobs: KAFKA_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "apache/kafka",
        tag: "3.7.2",
        heap_env: Some("KAFKA_HEAP_OPTS"),
        ports: &[Port::new(9092, "clients (PLAINTEXT)")],
        volumes: &[Volume {
            name: "kafka-data",
            path: "/var/lib/kafka/data",
        }],
        env: &[
            kafka_env("CLUSTER_ID", "5L6g3nShT-eMCtK--X86sw"),
            kafka_env("KAFKA_NODE_ID", "1"),
            kafka_env("KAFKA_PROCESS_ROLES", "broker,controller"),
            kafka_env("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093"),
            EnvSpec {
                name: "KAFKA_ADVERTISED_LISTENERS",
                value: EnvValue::Literal("PLAINTEXT://kafka:9092"),
                why_en: why!("the address clients are told to use: this service's name in the file (the default, localhost, only works inside the container)"),
                why_zh: why!("告诉客户端的连接地址：本文件里的服务名（默认的 localhost 只在容器内部可用）"),
            },
            kafka_env("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
            kafka_env(
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            ),
            kafka_env("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093"),
            kafka_env("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
            kafka_env("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
            EnvSpec {
                name: "KAFKA_LOG_DIRS",
                value: EnvValue::Literal("/var/lib/kafka/data"),
                why_en: why!("keeps the topics in the image's data volume; the image's default, /tmp/kraft-combined-logs, is lost when the container is recreated"),
                why_zh: why!("把主题数据放在镜像的数据卷里；镜像默认写到 /tmp/kraft-combined-logs，重建容器就会丢失"),
            },
        ],
        ..Deploy::NONE
    },
};

/// One of the single-node KRaft settings written for apache/kafka. The
/// image fills unset ones with defaults that advertise localhost and put the
/// controller on 29093, so the set is written whole and consistent.
const fn kafka_env(name: &'static str, value: &'static str) -> EnvSpec {
    EnvSpec {
        name,
        value: EnvValue::Literal(value),
        why_en: why!("single-node KRaft, written as one consistent set: the image's defaults advertise localhost, which other containers cannot reach"),
        why_zh: why!("单节点 KRaft 配置，整组写出以保持一致：镜像的默认值只对外宣告 localhost，其他容器连不上"),
    }
}

/// One of the KRaft settings of Bitnami's own compose example.
const fn bitnami_env(name: &'static str, value: &'static str) -> EnvSpec {
    EnvSpec {
        name,
        value: EnvValue::Literal(value),
        why_en: why!("single-node KRaft as in Bitnami's compose example; the container does not start a broker without it"),
        why_zh: why!("与 Bitnami 官方 compose 示例相同的单节点 KRaft 配置，缺少时无法启动 broker"),
    }
}

/// Kafka from Bitnami's image. Versioned bitnami/* tags moved to
/// docker.io/bitnamilegacy in August 2025 (bitnami/containers#83267) and
/// get no updates there; prefer apache/kafka for a new stack.
pub const KAFKA_BITNAMI: ServiceDef = ServiceDef {
    id: "kafka-bitnami",
    category: Category::Queue,
    name_en: "Kafka (Bitnami image)",
    name_zh: "Kafka 消息流（Bitnami 镜像）",
    // PostHog's kafka-container is Bitnami's Kafka image rebuilt (its
    // LICENSE.md: "Copyright VMware, Inc., PostHog Inc.", Bitnami packages).
    images: &["bitnami/kafka", "posthog/kafka-container"],
    kind: KindId::Jvm,
    knobs: KAFKA_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "bitnamilegacy/kafka",
        tag: "3.7",
        heap_env: Some("KAFKA_HEAP_OPTS"),
        ports: &[Port::new(9092, "clients (PLAINTEXT)")],
        volumes: &[Volume {
            name: "kafka-data",
            path: "/bitnami/kafka",
        }],
        env: &[
            bitnami_env("KAFKA_CFG_NODE_ID", "0"),
            bitnami_env("KAFKA_CFG_PROCESS_ROLES", "controller,broker"),
            EnvSpec {
                name: "KAFKA_CFG_CONTROLLER_QUORUM_VOTERS",
                value: EnvValue::Literal("0@kafka:9093"),
                why_en: why!("the controller quorum: this service's name in the file; 3.x images exit without it"),
                why_zh: why!("控制器仲裁地址：本文件里的服务名；3.x 镜像缺少它会退出"),
            },
            bitnami_env(
                "KAFKA_CFG_LISTENERS",
                "PLAINTEXT://:9092,CONTROLLER://:9093",
            ),
            bitnami_env("KAFKA_CFG_ADVERTISED_LISTENERS", "PLAINTEXT://:9092"),
            bitnami_env(
                "KAFKA_CFG_LISTENER_SECURITY_PROTOCOL_MAP",
                "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            ),
            bitnami_env("KAFKA_CFG_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
        ],
        ..Deploy::NONE
    },
};

/// ZooKeeper: the official image's zkEnv.sh defaults to -Xmx1000m and
/// Bitnami's to 1024m; the heap written is Kafka's bundled script's 512M
/// (what cp-zookeeper runs). No healthcheck: `zkServer.sh status` starts a
/// JVM that reads JVMFLAGS too, and `ruok` is off by default since 3.5.
pub const ZOOKEEPER: ServiceDef = ServiceDef {
    id: "zookeeper",
    category: Category::Queue,
    name_en: "ZooKeeper",
    name_zh: "ZooKeeper 协调服务",
    images: &[
        "zookeeper",
        "bitnami/zookeeper",
        "confluentinc/cp-zookeeper",
        "wurstmeister/zookeeper",
        // SigNoz republishes the official image with its own tag.
        "signoz/zookeeper",
    ],
    kind: KindId::Jvm,
    knobs: &[
        heap(512, "zookeeper-server-start.sh -Xmx512M", KAFKA_DOCS),
        nonheap(150, SPRING_FOOTPRINT_PROXY),
        THREADS,
        HEAP_IN_USE,
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "zookeeper",
        tag: "3.8",
        heap_env: Some("JVMFLAGS"),
        ports: &[Port::new(2181, "clients")],
        volumes: &[
            Volume {
                name: "zookeeper-data",
                path: "/data",
            },
            Volume {
                name: "zookeeper-datalog",
                path: "/datalog",
            },
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const NATS_KNOBS: &[KnobDef] = &[
    knob("live_heap_mib", "Live heap", "存活堆", Mib, 10, 1 << 16, "JetStream state for about ten small streams (≈ 1 MB a stream measured); grows with streams and in-memory storage", NATS_JETSTREAM),
    knob("base_mib", "Runtime and core server", "运行时与核心服务", Mib, 11, 1 << 16, "a core NATS server at 2M msgs/s: ≈ 11 MB RSS (maintainer)", NATS_CORE),
    GC_KNOBS[0],
    GC_KNOBS[1],
    CPU_LIGHT,
];

/// NATS with JetStream on. Without GOMEMLIMIT the Go GC sizes itself from
/// the host (maintainer, nats-server#5870).
pub const NATS: ServiceDef = ServiceDef {
    id: "nats",
    category: Category::Queue,
    name_en: "NATS",
    name_zh: "NATS 消息服务",
    images: &["nats", "bitnami/nats"],
    kind: KindId::Go,
    knobs: NATS_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "nats",
        tag: "2.10-alpine",
        command: &["-js", "-sd", "/data", "-m", "8222"],
        ports: &[
            Port::new(4222, "clients"),
            Port::new(8222, "monitoring (/healthz)"),
        ],
        volumes: &[Volume {
            name: "nats-data",
            path: "/data",
        }],
        // The -alpine variant has busybox wget; the scratch image has no shell.
        healthcheck: &["CMD", "wget", "-qO-", "http://localhost:8222/healthz"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const ETCD_KNOBS: &[KnobDef] = &[
    knob("live_heap_mib", "Live heap", "存活堆", Mib, 57, 1 << 16, "a Kubernetes control plane's etcd measured 67 MiB RSS; grows with keys and history until compaction", ETCD_RSS),
    knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, 10, 1 << 16, "Go runtime, taken out of the measured total", ETCD_RSS),
    GC_KNOBS[0],
    GC_KNOBS[1],
    CPU_LIGHT,
];

/// etcd as a single node (Milvus's metadata store, or your own). The
/// default listens on localhost only, so the command opens it to the
/// network; auto-compaction keeps the history (and memory) bounded.
pub const ETCD: ServiceDef = ServiceDef {
    id: "etcd",
    category: Category::Queue,
    name_en: "etcd",
    name_zh: "etcd 键值存储",
    images: &[
        "coreos/etcd",
        "bitnami/etcd",
        "etcd-development/etcd",
        "etcd",
        "milvusdb/etcd",
    ],
    kind: KindId::Go,
    knobs: ETCD_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "quay.io/coreos/etcd",
        tag: "v3.5.18",
        command: &[
            "etcd",
            "-advertise-client-urls=http://etcd:2379",
            "-listen-client-urls",
            "http://0.0.0.0:2379",
            "--data-dir",
            "/etcd",
        ],
        command_note: Some((
            "advertise this service's name in the file",
            "把 advertise 地址改成本文件里的服务名",
        )),
        ports: &[Port::new(2379, "clients")],
        volumes: &[Volume {
            name: "etcd-data",
            path: "/etcd",
        }],
        env: &[
            EnvSpec {
                name: "ETCD_AUTO_COMPACTION_MODE",
                value: EnvValue::Literal("revision"),
                why_en: why!("without compaction the key history grows until the container is OOM-killed (milvus#18707)"),
                why_zh: why!("不开启压缩时历史版本会一直增长，直到容器被 OOM Killer 杀掉（milvus#18707）"),
            },
            EnvSpec {
                name: "ETCD_AUTO_COMPACTION_RETENTION",
                value: EnvValue::Literal("1000"),
                why_en: why!("keep the last 1000 revisions, as Milvus's compose does"),
                why_zh: why!("只保留最近 1000 个版本，与 Milvus 官方 compose 相同"),
            },
        ],
        healthcheck: &["CMD", "etcdctl", "endpoint", "health"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const TEMPORAL_KNOBS: &[KnobDef] = &[
    knob("live_heap_mib", "Live heap", "存活堆", Mib, 263, 1 << 16, "a small self-hosted stack measured 273 MiB; history caches grow with workflows (a busy homelab server reached 2 GiB)", TEMPORAL_STATS),
    knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, 10, 1 << 16, "Go runtime, taken out of the measured total", TEMPORAL_STATS),
    GC_KNOBS[0],
    GC_KNOBS[1],
    CPU_LIGHT,
];

/// Temporal server from the auto-setup image: frontend, history, matching
/// and worker roles in one Go process, creating its schema in PostgreSQL
/// at start. Needs a PostgreSQL (or MySQL/Cassandra) service.
pub const TEMPORAL: ServiceDef = ServiceDef {
    id: "temporal",
    category: Category::Queue,
    name_en: "Temporal server",
    name_zh: "Temporal 工作流服务",
    images: &["temporalio/auto-setup", "temporalio/server"],
    kind: KindId::Go,
    knobs: TEMPORAL_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "temporalio/auto-setup",
        tag: "1.25.0",
        ports: &[Port::new(7233, "frontend gRPC")],
        env: &[
            EnvSpec {
                name: "DB",
                value: EnvValue::Literal("postgres12"),
                why_en: why!("the persistence driver; the default expects Cassandra"),
                why_zh: why!("持久化驱动；默认要求 Cassandra"),
            },
            EnvSpec {
                name: "DB_PORT",
                value: EnvValue::Literal("5432"),
                why_en: why!("PostgreSQL's port"),
                why_zh: why!("PostgreSQL 端口"),
            },
            EnvSpec {
                name: "POSTGRES_SEEDS",
                value: EnvValue::DependencyHost("postgres"),
                why_en: why!("the PostgreSQL service (its name in this file); the schema setup fails without it"),
                why_zh: why!("PostgreSQL 服务（本文件里的服务名）；缺少时建表失败、容器退出"),
            },
            EnvSpec {
                name: "POSTGRES_USER",
                value: EnvValue::Literal("postgres"),
                why_en: why!("the PostgreSQL user it creates its schema as"),
                why_zh: why!("用来建表的 PostgreSQL 用户"),
            },
            EnvSpec {
                name: "POSTGRES_PWD",
                value: EnvValue::DependencySecret,
                why_en: why!("that user's password, the same secret as the database's"),
                why_zh: why!("该用户的密码，与数据库的密码相同"),
            },
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const TEMPORAL_UI_KNOBS: &[KnobDef] = &[
    knob("live_heap_mib", "Live heap", "存活堆", Mib, 20, 1 << 16, "not measured: a small Go server that proxies to the frontend and serves static pages", PLANNER),
    knob("base_mib", "Runtime and stacks", "运行时与栈", Mib, 10, 1 << 16, "not measured: the Go runtime", PLANNER),
    GC_KNOBS[0],
    GC_KNOBS[1],
    CPU_LIGHT,
];

/// Temporal's web UI: a Go server in front of the Temporal frontend.
pub const TEMPORAL_UI: ServiceDef = ServiceDef {
    id: "temporal-ui",
    category: Category::Web,
    name_en: "Temporal UI",
    name_zh: "Temporal 管理界面",
    images: &["temporalio/ui"],
    kind: KindId::Go,
    knobs: TEMPORAL_UI_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "temporalio/ui",
        tag: "2.30.2",
        ports: &[Port::new(8080, "HTTP UI")],
        env: &[EnvSpec {
            name: "TEMPORAL_ADDRESS",
            value: EnvValue::Literal("temporal:7233"),
            why_en: why!("the Temporal server (its name in this file); the default, localhost, is the UI's own container"),
            why_zh: why!("Temporal 服务地址（本文件里的服务名）；默认的 localhost 指向界面容器自己"),
        }],
        ..Deploy::NONE
    },
};
