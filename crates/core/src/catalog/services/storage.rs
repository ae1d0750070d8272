//! Object storage: MinIO.

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
pub(super) const SERVICES: &[ServiceDef] = &[MINIO];

pub const MINIO: ServiceDef = ServiceDef {
    id: "minio",
    category: Category::Storage,
    name_en: "MinIO",
    name_zh: "MinIO 对象存储",
    images: &["minio/minio", "bitnami/minio"],
    kind: KindId::Fixed,
    knobs: &[
        expected(1024, MINIO_DOCS),
        peak(2048, MINIO_DOCS),
        limit(2048, MINIO_DOCS),
        CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};
