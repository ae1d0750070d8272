//! Object and file storage: MinIO, SeaweedFS.

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

const MINIO_STATS: Source = cite(
    "future-agi/future-agi PR #2618: docker stats of a self-hosted stack in steady state, minio 123.7 MiB",
    "https://github.com/future-agi/future-agi/pull/2618",
    "2026-09-08",
    Confidence::B,
);
const MINIO_BUFFERS: Source = cite(
    "minio/minio#12428 (maintainer): MinIO holds a number of buffers ready for writes, up to 1 GB; a tiny personal workload was OOM-killed under a 200 MB limit (minio#15664)",
    "https://github.com/minio/minio/issues/12428",
    "2021-06-03",
    Confidence::B,
);
const SEAWEEDFS_RSS: Source = cite(
    "seaweedfs/seaweedfs#2877: ps of containerised weed processes, the filer with -s3 at 77,484 KiB RSS (the all-in-one master + volume idled at 8 MiB in #1483)",
    "https://github.com/seaweedfs/seaweedfs/issues/2877",
    "2022-04-07",
    Confidence::B,
);

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([MINIO, SEAWEEDFS]);

#[rustfmt::skip]
const MINIO_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 124, 1 << 20, "steady state measured in a self-hosted stack (123.7 MiB); grows with object count and concurrent requests", MINIO_STATS),
    knob("peak_mib", "Peak memory", "峰值内存", Mib, 1024, 1 << 20, "write buffers it keeps ready: up to 1 GB (maintainer)", MINIO_BUFFERS),
    limit(0, PLANNER),
    CPU_LIGHT,
];

/// MinIO. Its Docker Hub images were deleted in September 2026 (community
/// builds stopped in October 2025): `minio/minio` no longer pulls, while
/// quay.io still serves the archived RELEASE tags.
pub const MINIO: ServiceDef = ServiceDef {
    id: "minio",
    category: Category::Storage,
    name_en: "MinIO",
    name_zh: "MinIO 对象存储",
    images: &[
        "minio/minio",
        "bitnami/minio",
        "coollabsio/minio",
        "alpine/minio",
        "chainguard/minio",
    ],
    kind: KindId::Fixed,
    knobs: MINIO_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    // Root credentials default to minioadmin/minioadmin when unset.
    deploy: Deploy {
        image: "quay.io/minio/minio",
        tag: "RELEASE.2025-09-07T16-13-09Z",
        command: &["server", "/data", "--console-address", ":9001"],
        ports: &[Port::new(9000, "S3 API"), Port::new(9001, "web console")],
        volumes: &[Volume {
            name: "minio-data",
            path: "/data",
        }],
        // Recent images dropped curl; they ship the mc client.
        healthcheck: &["CMD", "mc", "ready", "local"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
const SEAWEEDFS_KNOBS: &[KnobDef] = &[
    knob("expected_mib", "Expected memory", "预计内存", Mib, 76, 1 << 20, "a containerised filer with S3 measured 76 MiB RSS; master and volume server add little when idle", SEAWEEDFS_RSS),
    knob("peak_mib", "Peak memory", "峰值内存", Mib, 256, 1 << 20, "not sourced: the volume server keeps a needle index in memory, ~50 bytes per stored file (700 million files took 34 GB)", PLANNER),
    limit(0, PLANNER),
    CPU_LIGHT,
];

/// SeaweedFS as one `weed server` (master, volume server, filer and S3
/// gateway in one process). Memory follows the number of files, not bytes.
pub const SEAWEEDFS: ServiceDef = ServiceDef {
    id: "seaweedfs",
    category: Category::Storage,
    name_en: "SeaweedFS",
    name_zh: "SeaweedFS 文件与对象存储",
    images: &["chrislusf/seaweedfs"],
    kind: KindId::Fixed,
    knobs: SEAWEEDFS_KNOBS,
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "chrislusf/seaweedfs",
        tag: "3.80",
        command: &["server", "-dir=/data", "-s3"],
        ports: &[
            Port::new(9333, "master"),
            Port::new(8080, "volume server"),
            Port::new(8888, "filer"),
            Port::new(8333, "S3 API"),
        ],
        volumes: &[Volume {
            name: "seaweedfs-data",
            path: "/data",
        }],
        ..Deploy::NONE
    },
};
