//! Auth, source hosting, CI, registries and all-in-one applications.

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
pub(super) const SERVICES: &[ServiceDef] = &[GITEA];

const GITEA_MEMORY: Source = Source {
    title: "go-gitea/gitea#34271: a Gitea 1.24 instance uses 60–100 MB after startup (maintainer); docker stats 228.8 MiB after use",
    url: "https://github.com/go-gitea/gitea/issues/34271",
    date: "2025-04-23",
    confidence: crate::model::Confidence::B,
};
const GITEA_DOCS: Source = Source {
    title: "Gitea documentation: 2 CPU cores and 1 GB RAM is typically sufficient for small teams",
    url: "https://docs.gitea.com/",
    date: "2026-12-01",
    confidence: crate::model::Confidence::A,
};

pub const GITEA: ServiceDef = ServiceDef {
    id: "gitea",
    category: Category::Platform,
    name_en: "Gitea",
    name_zh: "Gitea 代码托管",
    images: &["gitea/gitea", "bitnami/gitea"],
    kind: KindId::Go,
    knobs: &[
        knob(
            "live_heap_mib",
            "Live heap",
            "存活堆",
            Mib,
            90,
            1 << 16,
            "60–100 MB after startup (maintainer)",
            GITEA_MEMORY,
        ),
        knob(
            "base_mib",
            "Runtime and stacks",
            "运行时与栈",
            Mib,
            10,
            1 << 16,
            "Go runtime",
            GITEA_MEMORY,
        ),
        GC_KNOBS[0],
        GC_KNOBS[1],
        CPU_LIGHT,
        knob(
            "db_pool",
            "DB connections per process",
            "每进程数据库连接数",
            Count,
            10,
            10_000,
            "Gitea's database pool",
            GITEA_DOCS,
        ),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "gitea/gitea",
        tag: "1.24",
        ports: &[
            Port {
                container: 3000,
                what: "HTTP",
            },
            Port {
                container: 22,
                what: "SSH",
            },
        ],
        volumes: &[Volume {
            name: "gitea-data",
            path: "/data",
        }],
        healthcheck: &["CMD", "curl", "-fsS", "http://localhost:3000/api/healthz"],
        ..Deploy::NONE
    },
};
