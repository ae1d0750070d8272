//! Queues, streams and coordination: RabbitMQ, Kafka, ZooKeeper.

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
pub(super) const SERVICES: &[ServiceDef] = &[RABBITMQ, KAFKA, ZOOKEEPER];

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
