//! Search, logging, graph and vector stores: Elasticsearch, OpenSearch,
//! Logstash, Kibana, Meilisearch, Typesense, Neo4j, Weaviate, Qdrant,
//! Milvus, Chroma.

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

const OPENSEARCH_HEAP: Source = cite(
    "opensearch-project/OpenSearch#4608: the opensearchproject/opensearch:2.3.0 process runs with -XX:+AlwaysPreTouch -Xms1g -Xmx1g (jvm.options), no auto-sizing",
    "https://github.com/opensearch-project/OpenSearch/issues/4608",
    "2022-09-27",
    Confidence::B,
);
const NEO4J_IMAGE: Source = cite(
    "neo4j/docker-neo4j docker-entrypoint.sh: add_docker_default_to_conf server.memory.pagecache.size 512M unless the configuration sets it",
    "https://github.com/neo4j/docker-neo4j/blob/master/docker-image-src/5/coredb/docker-entrypoint.sh",
    "2026-12-01",
    Confidence::A,
);
const MEILI_STATS: Source = cite(
    "meilisearch/meilisearch#1149: Meilisearch 0.17 beside MySQL on a 1 GB VPS with a small index, RAM 300–600 MB",
    "https://github.com/meilisearch/meilisearch/issues/1149",
    "2020-12-31",
    Confidence::B,
);
const TYPESENSE_EMPTY: Source = cite(
    "typesense/typesense#930: docker stats of an empty Typesense 0.23 container, about 100 MiB (maintainer: ~35–45 MB RSS baseline)",
    "https://github.com/typesense/typesense/issues/930",
    "2023-03-11",
    Confidence::B,
);
const TYPESENSE_RESTART: Source = cite(
    "typesense/typesense#121: the official image held 460 MB after importing 8,830 documents and 878 MB after a restart with the same data",
    "https://github.com/typesense/typesense/issues/121",
    "2020-07-10",
    Confidence::B,
);
const QDRANT_SEGMENTS: Source = cite(
    "vellum-ai/vellum-assistant PR #29877: each segment pre-allocates 32 MB mmap chunks; an empty deployment with 2 segments per collection ≈ 580 MB, 2.7 GB with one segment per CPU on 8 cores",
    "https://github.com/vellum-ai/vellum-assistant/pull/29877",
    "2026-05-06",
    Confidence::B,
);
const QDRANT_CAPACITY: Source = cite(
    "Qdrant docs, Capacity planning: memory ≈ number of vectors × dimensions × 4 bytes × 1.5",
    "https://qdrant.tech/documentation/capacity-planning/",
    "2026-12-01",
    Confidence::A,
);
const CHROMA_RULE: Source = cite(
    "chroma-core/chroma#346 (maintainer): you need 4 GB plus your largest collection, 4 bytes × dimensionality × number of vectors (0.x Python server)",
    "https://github.com/chroma-core/chroma/issues/346",
    "2023-04-15",
    Confidence::B,
);

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    ELASTICSEARCH,
    OPENSEARCH,
    LOGSTASH,
    KIBANA,
    MEILISEARCH,
    TYPESENSE,
    NEO4J,
    WEAVIATE,
    QDRANT,
    MILVUS,
    CHROMA,
]);

/// Exits 0 on any HTTP answer (a 401 with security on, the default since
/// 8.x) and fails when nothing listens; curl is in the Elastic images.
const ES_HEALTHCHECK: &[&str] = &[
    "CMD-SHELL",
    "curl -s -k -o /dev/null https://localhost:9200 || curl -s -o /dev/null http://localhost:9200",
];

/// Bootstrap checks want it for production; single-node discovery skips them.
const MAX_MAP_COUNT: &[&str] = &["vm.max_map_count=262144"];

/// A single node: without it a node bound to a non-loopback address runs
/// the bootstrap checks and waits for a cluster that never forms.
const SINGLE_NODE: EnvSpec = EnvSpec {
    name: "discovery.type",
    value: EnvValue::Literal("single-node"),
    why_en: why!(
        "one node: otherwise it enforces production bootstrap checks and waits to form a cluster"
    ),
    why_zh: why!("单节点：否则会执行生产环境启动检查，并一直等待组建集群"),
};

#[rustfmt::skip]
pub const ELASTICSEARCH: ServiceDef = ServiceDef {
    id: "elasticsearch",
    category: Category::Search,
    name_en: "Elasticsearch",
    name_zh: "Elasticsearch 搜索",
    images: &["elasticsearch", "elasticsearch/elasticsearch", "bitnami/elasticsearch"],
    kind: KindId::Elasticsearch,
    knobs: &[
        heap(0, "0 = auto: 50 % of the limit, or of the host without one", ES_HEAP),
        knob("offheap_mib", "Off-heap", "堆外内存", Mib, 700, GIB64, "direct buffers, Lucene, threads", ES_OFFHEAP),
        knob("cpu_millicores", "Expected CPU", "预计 CPU", KnobUnit::Millicores, 500, 256_000, "indexing and queries", PLANNER),
    ],
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 50, rule: "heap = 50 % of available memory (the container limit if set, else the host)", source: ES_HEAP }),
    assumed: false,
    // Elastic publishes full versions only (no `8` or `latest`-style lines).
    deploy: Deploy {
        image: "elasticsearch",
        tag: "9.4.5",
        heap_env: Some("ES_JAVA_OPTS"),
        ports: &[Port::new(9200, "HTTP REST")],
        volumes: &[Volume { name: "elasticsearch-data", path: "/usr/share/elasticsearch/data" }],
        env: &[SINGLE_NODE],
        healthcheck: ES_HEALTHCHECK,
        host: MAX_MAP_COUNT,
        ..Deploy::NONE
    },
};

/// OpenSearch: Elasticsearch's memory model, but its jvm.options fix the
/// heap at 1 GiB (pre-touched, so resident from the start) instead of
/// sizing it from memory.
#[rustfmt::skip]
pub const OPENSEARCH: ServiceDef = ServiceDef {
    id: "opensearch",
    category: Category::Search,
    name_en: "OpenSearch",
    name_zh: "OpenSearch 搜索",
    images: &["opensearchproject/opensearch", "bitnami/opensearch"],
    kind: KindId::Elasticsearch,
    knobs: &[
        heap(1024, "OpenSearch ships -Xms1g -Xmx1g (jvm.options); 0 would mean Elasticsearch's auto-sizing, which OpenSearch does not do", OPENSEARCH_HEAP),
        knob("offheap_mib", "Off-heap", "堆外内存", Mib, 700, GIB64, "measured on Elasticsearch (the same Lucene and JVM); an OpenSearch node with a tiny index measured 1.65 GB RSS", ES_OFFHEAP),
        knob("cpu_millicores", "Expected CPU", "预计 CPU", KnobUnit::Millicores, 500, 256_000, "indexing and queries", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "opensearchproject/opensearch",
        tag: "2",
        heap_env: Some("OPENSEARCH_JAVA_OPTS"),
        ports: &[
            Port::new(9200, "HTTP REST"),
            Port::new(9600, "Performance Analyzer"),
        ],
        volumes: &[Volume { name: "opensearch-data", path: "/usr/share/opensearch/data" }],
        env: &[
            SINGLE_NODE,
            EnvSpec {
                name: "OPENSEARCH_INITIAL_ADMIN_PASSWORD",
                value: EnvValue::Secret,
                why_en: why!("2.12+ quits at first start without it while the security plugin is on; it must be strong: 8+ characters with upper and lower case, a digit and a symbol"),
                why_zh: why!("2.12 及以上版本在启用安全插件时，首次启动缺少它会直接退出；密码须足够强：至少 8 位，含大小写字母、数字和符号"),
            },
        ],
        healthcheck: ES_HEALTHCHECK,
        host: MAX_MAP_COUNT,
        ..Deploy::NONE
    },
};

pub const LOGSTASH: ServiceDef = ServiceDef {
    id: "logstash",
    category: Category::Search,
    name_en: "Logstash",
    name_zh: "Logstash 日志处理",
    images: &["logstash", "logstash/logstash", "bitnami/logstash"],
    kind: KindId::Jvm,
    knobs: &[
        heap(1024, "config/jvm.options -Xmx1g", LOGSTASH_DOCS),
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        THREADS,
        HEAP_IN_USE,
        CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "logstash",
        tag: "9.4.5",
        heap_env: Some("LS_JAVA_OPTS"),
        ports: &[
            Port::new(5044, "Beats input"),
            Port::new(9600, "monitoring API"),
        ],
        volumes: &[Volume {
            name: "logstash-data",
            path: "/usr/share/logstash/data",
        }],
        healthcheck: &["CMD-SHELL", "curl -s http://localhost:9600/ || exit 1"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const NODE_HEAP_KNOBS_KIBANA: &[KnobDef] = &[
    knob("base_mib", "Server outside the heap", "堆外进程", Mib, 250, GIB64, "not sourced: a budget to replace with a measurement", KIBANA_ASSUMED),
    knob("heap_used_mib", "Heap in use (typical)", "常用堆内存", Mib, 250, GIB64, "old space in normal use; not sourced", KIBANA_ASSUMED),
    crate::kinds::node::MAX_OLD_SPACE,
    CPU,
];

pub const KIBANA: ServiceDef = ServiceDef {
    id: "kibana",
    category: Category::Search,
    name_en: "Kibana",
    name_zh: "Kibana 可视化",
    images: &["kibana", "kibana/kibana", "bitnami/kibana"],
    kind: KindId::Node,
    knobs: NODE_HEAP_KNOBS_KIBANA,
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "Node sizes old space from the memory it sees (≈ ¼, at most ~4 GiB)",
        source: NODE_HEAP,
    }),
    assumed: false,
    deploy: Deploy {
        image: "kibana",
        tag: "9.4.5",
        ports: &[Port::new(5601, "HTTP UI")],
        volumes: &[Volume {
            name: "kibana-data",
            path: "/usr/share/kibana/data",
        }],
        env: &[EnvSpec {
            name: "ELASTICSEARCH_HOSTS",
            value: EnvValue::Literal("http://elasticsearch:9200"),
            why_en: why!("the Elasticsearch service (its name in this file); the default, localhost:9200, is Kibana's own container"),
            why_zh: why!("Elasticsearch 服务地址（本文件里的服务名）；默认的 localhost:9200 指向 Kibana 容器自己"),
        }],
        healthcheck: &[
            "CMD-SHELL",
            "curl -s -I http://localhost:5601 | grep -q 'HTTP/1.1 302 Found'",
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const MEILISEARCH_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 450, 1 << 20, "a small index measured 300–600 MB (mostly LMDB pages, which grow with the index)", MEILI_STATS),
    knob("peak_mib", "Peak memory", "峰值内存", Mib, 1024, 1 << 20, "not sourced: indexing a batch of documents; its own indexing budget is ⅔ of the host's RAM unless MEILI_MAX_INDEXING_MEMORY is set", PLANNER),
    limit(0, PLANNER),
    CPU_IDLE_DB,
];

/// Meilisearch: a Rust server over memory-mapped LMDB files. Its indexing
/// budget is ⅔ of the RAM sysinfo reports, which ignores the cgroup limit
/// (mitodl/ol-infrastructure PR #5634): set MEILI_MAX_INDEXING_MEMORY
/// below the limit.
pub const MEILISEARCH: ServiceDef = ServiceDef {
    id: "meilisearch",
    category: Category::Search,
    name_en: "Meilisearch",
    name_zh: "Meilisearch 搜索",
    images: &["getmeili/meilisearch"],
    kind: KindId::Fixed,
    knobs: MEILISEARCH_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "getmeili/meilisearch",
        tag: "v1.12",
        ports: &[Port::new(7700, "HTTP API")],
        volumes: &[Volume {
            name: "meili-data",
            path: "/meili_data",
        }],
        // Alpine-based: busybox wget; /health needs no key.
        healthcheck: &[
            "CMD",
            "wget",
            "-q",
            "--spider",
            "http://localhost:7700/health",
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const TYPESENSE_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 100, 1 << 20, "an empty server measured 100 MiB in docker stats; the whole index lives in RAM, 2–3 × the raw data (maintainer)", TYPESENSE_EMPTY),
    knob("peak_mib", "Peak memory", "峰值内存", Mib, 878, 1 << 20, "8,830 documents: 460 MB after the import, 878 MB after a restart", TYPESENSE_RESTART),
    limit(0, PLANNER),
    CPU_IDLE_DB,
];

/// Typesense: an in-memory search index; it refuses to start without a
/// data directory and an API key.
pub const TYPESENSE: ServiceDef = ServiceDef {
    id: "typesense",
    category: Category::Search,
    name_en: "Typesense",
    name_zh: "Typesense 搜索",
    images: &["typesense/typesense"],
    kind: KindId::Fixed,
    knobs: TYPESENSE_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "typesense/typesense",
        tag: "27.1",
        ports: &[Port::new(8108, "HTTP API")],
        volumes: &[Volume {
            name: "typesense-data",
            path: "/data",
        }],
        env: &[
            EnvSpec {
                name: "TYPESENSE_DATA_DIR",
                value: EnvValue::Literal("/data"),
                why_en: why!("the server refuses to start without a data directory"),
                why_zh: why!("没有数据目录时服务拒绝启动"),
            },
            EnvSpec {
                name: "TYPESENSE_API_KEY",
                value: EnvValue::Secret,
                why_en: why!("the server refuses to start without a bootstrap API key"),
                why_zh: why!("没有初始 API 密钥时服务拒绝启动"),
            },
        ],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const NEO4J_KNOBS: &[KnobDef] = &[
    heap(0, "0 = auto: JVM default 25 % of memory", JVM_ERGONOMICS),
    knob("pagecache_mib", "Page cache (0 = auto)", "页缓存（0 = 自动）", Mib, 512, GIB64, "the official image sets 512M unless you do; 0 = Neo4j's own 50 % of available memory", NEO4J_IMAGE),
    nonheap(250, SPRING_FOOTPRINT_PROXY),
    CPU,
];

#[rustfmt::skip]
pub const NEO4J: ServiceDef = ServiceDef {
    id: "neo4j",
    category: Category::Search,
    name_en: "Neo4j",
    name_zh: "Neo4j 图数据库",
    images: &["neo4j", "bitnami/neo4j"],
    kind: KindId::Neo4j,
    knobs: NEO4J_KNOBS,
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 25, rule: "heap: the JVM default, 25 % of the memory it sees; the image fixes the page cache at 512M", source: JVM_ERGONOMICS }),
    assumed: false,
    // NEO4J_AUTH is optional: without it the first login must change neo4j/neo4j.
    deploy: Deploy {
        image: "neo4j",
        tag: "2025.05.0",
        ports: &[
            Port::new(7474, "HTTP and Browser"),
            Port::new(7687, "Bolt"),
        ],
        volumes: &[Volume { name: "neo4j-data", path: "/data" }],
        // The entrypoint itself downloads plugins with wget.
        healthcheck: &["CMD-SHELL", "wget --no-verbose --tries=1 --spider http://localhost:7474 || exit 1"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const WEAVIATE: ServiceDef = ServiceDef {
    id: "weaviate",
    category: Category::Search,
    name_en: "Weaviate",
    name_zh: "Weaviate 向量数据库",
    images: &["semitechnologies/weaviate"],
    kind: KindId::VectorDb,
    knobs: &[
        knob("objects", "Objects", "对象数", Count, 100_000, 10_000_000_000, "vectors stored", PLANNER),
        knob("dimensions", "Dimensions", "向量维度", Count, 384, 65_536, "e.g. 384 for all-MiniLM, 1536 for OpenAI ada-002", PLANNER),
        knob("vector_copies", "Memory per vector byte", "向量内存倍数", Count, 2, 16, "rule of thumb: 2 × the raw float32 vectors", WEAVIATE_DOCS),
        knob("base_mib", "Server", "服务进程", Mib, 50, GIB64, "Go server without vectors", PLANNER),
        CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "cr.weaviate.io/semitechnologies/weaviate",
        tag: "1.35.7",
        ports: &[
            Port::new(8080, "REST and GraphQL"),
            Port::new(50051, "gRPC"),
        ],
        volumes: &[Volume { name: "weaviate-data", path: "/var/lib/weaviate" }],
        env: &[EnvSpec {
            name: "PERSISTENCE_DATA_PATH",
            value: EnvValue::Literal("/var/lib/weaviate"),
            why_en: why!("where the volume is mounted; the default, ./data, is outside it and lost when the container is recreated"),
            why_zh: why!("数据卷挂载的位置；默认的 ./data 不在卷里，重建容器后数据丢失"),
        }],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const QDRANT_KNOBS: &[KnobDef] = &[
    knob("objects", "Vectors", "向量数", Count, 100_000, 10_000_000_000, "vectors stored", PLANNER),
    knob("dimensions", "Dimensions", "向量维度", Count, 384, 65_536, "e.g. 384 for all-MiniLM, 1536 for OpenAI ada-002", PLANNER),
    knob("vector_copies", "Memory per vector byte", "向量内存倍数", Count, 2, 16, "Qdrant's 1.5 × the raw float32 vectors, rounded up to whole copies; 0 when vectors are on disk", QDRANT_CAPACITY),
    knob("base_mib", "Server and empty segments", "服务进程与空段", Mib, 580, GIB64, "≈ 580 MB empty with 2 segments per collection; the default is one segment per CPU, 2.7 GB on 8 cores", QDRANT_SEGMENTS),
    knob("peak_extra_mib", "Optimizer and loading (peak)", "优化与加载峰值", Mib, 512, GIB64, "not sourced: segments rebuilt by the optimizer; loading 96k 3072-d vectors once spiked to 21 GB (qdrant#6124)", PLANNER),
    CPU_IDLE_DB,
];

/// Qdrant: a Rust server. No global memory cap (maintainer, qdrant#167):
/// a container limit plus on-disk vectors or quantization bound it.
pub const QDRANT: ServiceDef = ServiceDef {
    id: "qdrant",
    category: Category::Search,
    name_en: "Qdrant",
    name_zh: "Qdrant 向量数据库",
    images: &["qdrant/qdrant"],
    kind: KindId::VectorDb,
    knobs: QDRANT_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    // The image has neither curl nor wget to probe /healthz with.
    deploy: Deploy {
        image: "qdrant/qdrant",
        tag: "v1.13.4",
        ports: &[
            Port::new(6333, "HTTP API and web UI"),
            Port::new(6334, "gRPC"),
        ],
        volumes: &[Volume {
            name: "qdrant-storage",
            path: "/qdrant/storage",
        }],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const MILVUS_KNOBS: &[KnobDef] = &[
    knob("objects", "Vectors", "向量数", Count, 100_000, 10_000_000_000, "vectors in loaded collections", PLANNER),
    knob("dimensions", "Dimensions", "向量维度", Count, 384, 65_536, "e.g. 384 for all-MiniLM, 1536 for OpenAI ada-002", PLANNER),
    knob("vector_copies", "Memory per vector byte", "向量内存倍数", Count, 2, 16, "not sourced: raw vectors plus an HNSW index", PLANNER),
    knob("base_mib", "Server", "服务进程", Mib, 1024, GIB64, "not measured: every role in one Go/C++ process; Milvus asks 8 GB of RAM for standalone with etcd and MinIO", PLANNER),
    knob("peak_extra_mib", "Index builds (peak)", "建索引峰值", Mib, 1024, GIB64, "not sourced: segments being flushed and indexed", PLANNER),
    CPU,
];

/// Milvus standalone: needs an etcd and a MinIO (see those entries); its
/// CPU needs SSE4.2/AVX. Upstream's compose also sets seccomp unconfined.
pub const MILVUS: ServiceDef = ServiceDef {
    id: "milvus",
    category: Category::Search,
    name_en: "Milvus (standalone)",
    name_zh: "Milvus 向量数据库（单机版）",
    images: &["milvusdb/milvus"],
    kind: KindId::VectorDb,
    knobs: MILVUS_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "milvusdb/milvus",
        tag: "v2.5.10",
        command: &["milvus", "run", "standalone"],
        ports: &[
            Port::new(19530, "gRPC / SDK"),
            Port::new(9091, "metrics and /healthz"),
        ],
        volumes: &[Volume {
            name: "milvus-data",
            path: "/var/lib/milvus",
        }],
        env: &[
            EnvSpec {
                name: "ETCD_ENDPOINTS",
                value: EnvValue::Literal("etcd:2379"),
                why_en: why!("its metadata store (the etcd service's name in this file); it exits when it cannot reach etcd"),
                why_zh: why!("元数据存储（本文件里 etcd 服务的名字）；连不上 etcd 时直接退出"),
            },
            EnvSpec {
                name: "MINIO_ADDRESS",
                value: EnvValue::Literal("minio:9000"),
                why_en: why!("its object storage (the MinIO service's name in this file)"),
                why_zh: why!("对象存储（本文件里 MinIO 服务的名字）"),
            },
        ],
        healthcheck: &["CMD", "curl", "-f", "http://localhost:9091/healthz"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const CHROMA_KNOBS: &[KnobDef] = &[
    knob("objects", "Vectors", "向量数", Count, 100_000, 10_000_000_000, "vectors in loaded collections", PLANNER),
    knob("dimensions", "Dimensions", "向量维度", Count, 384, 65_536, "384 for the default all-MiniLM embedding", PLANNER),
    knob("vector_copies", "Memory per vector byte", "向量内存倍数", Count, 1, 16, "4 bytes × dimensions × vectors (maintainer); the HNSW graph adds some", CHROMA_RULE),
    knob("base_mib", "Server", "服务进程", Mib, 256, GIB64, "not measured for the 1.x Rust server; the maintainer's '4 GB plus the collection' was for the 0.x Python one", PLANNER),
    knob("peak_extra_mib", "Queries (peak)", "查询峰值", Mib, 256, GIB64, "not sourced: query load; memory was reported not to come back after load tests (0.4)", PLANNER),
    CPU_IDLE_DB,
];

/// Chroma's server. The 1.x image keeps everything in memory and loses it
/// on restart unless IS_PERSISTENT is set (chroma#6654); data at /data.
pub const CHROMA: ServiceDef = ServiceDef {
    id: "chroma",
    category: Category::Search,
    name_en: "Chroma",
    name_zh: "Chroma 向量数据库",
    images: &["chromadb/chroma", "chroma-core/chroma"],
    kind: KindId::VectorDb,
    knobs: CHROMA_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "chromadb/chroma",
        tag: "1.4.0",
        ports: &[Port::new(8000, "HTTP API")],
        volumes: &[Volume {
            name: "chroma-data",
            path: "/data",
        }],
        env: &[EnvSpec {
            name: "IS_PERSISTENT",
            value: EnvValue::Literal("TRUE"),
            why_en: why!("without it the server runs in memory and silently loses every collection when the container restarts"),
            why_zh: why!("不设置时服务只在内存中运行，容器一重启所有集合就悄悄丢失"),
        }],
        ..Deploy::NONE
    },
};
