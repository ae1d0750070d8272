//! Search, logging, graph and vector stores: Elasticsearch, Logstash, Kibana, Neo4j, Weaviate.

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

const GIB64: i64 = 64 * 1024;

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &[ELASTICSEARCH, LOGSTASH, KIBANA, NEO4J, WEAVIATE];

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
    deploy: Deploy {
        heap_env: Some("ES_JAVA_OPTS"),
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
        CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        heap_env: Some("LS_JAVA_OPTS"),
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
    deploy: Deploy::NONE,
};

#[rustfmt::skip]
pub const NEO4J: ServiceDef = ServiceDef {
    id: "neo4j",
    category: Category::Search,
    name_en: "Neo4j",
    name_zh: "Neo4j 图数据库",
    images: &["neo4j", "bitnami/neo4j"],
    kind: KindId::Neo4j,
    knobs: &[
        heap(0, "0 = auto: JVM default 25 % of memory", JVM_ERGONOMICS),
        crate::kinds::jvm::NEO4J_PAGECACHE,
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing { percent_of_memory: 75, rule: "page cache 50 % + JVM heap 25 % of the memory it sees", source: NEO4J_DOCS }),
    assumed: false,
    deploy: Deploy::NONE,
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
    deploy: Deploy::NONE,
};
