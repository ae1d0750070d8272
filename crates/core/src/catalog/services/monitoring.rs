//! Metrics, dashboards and alerting: Prometheus, Grafana, Alertmanager.

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
pub(super) const SERVICES: &[ServiceDef] = &[PROMETHEUS, GRAFANA, ALERTMANAGER];

#[rustfmt::skip]
pub const PROMETHEUS: ServiceDef = ServiceDef {
    id: "prometheus",
    category: Category::Monitoring,
    name_en: "Prometheus",
    name_zh: "Prometheus 监控",
    images: &["prom/prometheus", "bitnami/prometheus"],
    kind: KindId::Prometheus,
    knobs: &[
        knob("active_series", "Active series", "活跃序列数", Count, 10_000, 100_000_000, "prometheus_tsdb_head_series", PLANNER),
        knob("bytes_per_series", "Bytes per series", "每序列字节", Count, 3072, 100_000, "2–3 KB with Go GC", PROMETHEUS_DOCS),
        knob("retention_days", "Retention", "保留天数", Days, 15, 3650, "storage.tsdb.retention.time default 15d (disk, not memory)", PROMETHEUS_DOCS),
        knob("base_mib", "Server", "服务进程", Mib, 45, GIB64, "Prometheus 2.42 with 336 series: 45 MiB RSS", MEASURED),
        CPU,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const GRAFANA: ServiceDef = ServiceDef {
    id: "grafana",
    category: Category::Monitoring,
    name_en: "Grafana",
    name_zh: "Grafana 仪表盘",
    images: &["grafana/grafana", "grafana/grafana-oss", "bitnami/grafana"],
    kind: KindId::Fixed,
    knobs: &[
        expected(100, PLANNER),
        peak(200, PLANNER),
        limit(512, GRAFANA_DOCS),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const ALERTMANAGER: ServiceDef = ServiceDef {
    id: "alertmanager",
    category: Category::Monitoring,
    name_en: "Alertmanager",
    name_zh: "Alertmanager 告警",
    images: &["prom/alertmanager", "bitnami/alertmanager"],
    kind: KindId::Fixed,
    knobs: &[
        expected(32, MEASURED),
        peak(48, PLANNER),
        limit(64, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};
