//! Metrics, logs, traces and host agents: Prometheus, Grafana, Alertmanager,
//! exporters (node-exporter, cAdvisor), Loki and its shippers (Promtail,
//! Fluent Bit, Fluentd, Vector), tracing (Tempo, Jaeger, the OpenTelemetry
//! collector), Netdata, Uptime Kuma, Graylog, Portainer and Watchtower.
//!
//! Figures come from published `docker stats` / pod readings where one was
//! found (each cited next to its number, and listed in
//! `tests/truth/measurements-ops.json`); the rest are planning
//! assumptions labelled `PLANNER`.

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
use crate::model::cite as src;
use crate::model::{
    Category, Confidence, Deploy, EnvSpec, EnvValue, KindId, KnobDef, KnobUnit, Port, Preset,
    SelfSizing, ServiceDef, Source, Volume,
};
use crate::sources::*;
use KnobUnit::*;

const GIB64: i64 = 64 * 1024;

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    PROMETHEUS,
    GRAFANA,
    ALERTMANAGER,
    NODE_EXPORTER,
    CADVISOR,
    LOKI,
    PROMTAIL,
    FLUENT_BIT,
    FLUENTD,
    VECTOR,
    TEMPO,
    JAEGER,
    OTEL_COLLECTOR,
    NETDATA,
    UPTIME_KUMA,
    GRAYLOG,
    PORTAINER,
    WATCHTOWER,
]);

// ---- Sources (measurements first, then vendor documents) -------------------

const LIGHTBEND_IDLE: Source = src(
    "lightbend/console-charts PR #80: single-node minikube doing nothing, max memory node-exporter 8M, prometheus 204M, alert-manager 8M, grafana 33M (2018 versions)",
    "https://github.com/lightbend/console-charts/pull/80",
    "2018-09-05",
    Confidence::B,
);
const CADVISOR_STATS: Source = src(
    "google/cadvisor#2149: docker stats of a cAdvisor container in a Swarm monitoring stack: 89.24MiB / 23.53GiB",
    "https://github.com/google/cadvisor/issues/2149",
    "2019-01-18",
    Confidence::B,
);
const LOKI_PEAK: Source = src(
    "rwlove/home-ops PR #12536: Loki SingleBinary's real 14-day peak working set is 2.35Gi (homelab cluster)",
    "https://github.com/rwlove/home-ops/pull/12536",
    "2026-06-18",
    Confidence::B,
);
const PROMTAIL_POD: Source = src(
    "grafana/loki#6949 (Promtail memory leak report): pod memory 114.39 MiB at the time of the heap profile",
    "https://github.com/grafana/loki/issues/6949",
    "2022-08-23",
    Confidence::B,
);
const FLUENT_BIT_VS_VECTOR: Source = src(
    "vectordotdev/vector#22036: at the same load in Kubernetes, Fluent Bit consumes 25 MiB while Vector consumes up to 150 MiB",
    "https://github.com/vectordotdev/vector/issues/22036",
    "2024-12-16",
    Confidence::B,
);
const FLUENT_BIT_GROWTH: Source = src(
    "fluent/fluent-bit#10614: 4.0.0 DaemonSet tailing ~100 pods grew from about 20 MB to over 50 MB, in some cases over 200 MB, after a few hours",
    "https://github.com/fluent/fluent-bit/issues/10614",
    "2025-07-18",
    Confidence::B,
);
const VECTOR_SIDECAR: Source = src(
    "stackabletech/trino-operator#685 (maintainer): the Vector container has a 128 Mi limit and even under heavy load only up to 61 Mi were used",
    "https://github.com/stackabletech/trino-operator/issues/685",
    "2024-12-10",
    Confidence::B,
);
const JAEGER_STATS: Source = src(
    "jaegertracing/jaeger#7273 (docker stats): 1.888GiB after running a while with one small app and the in-memory store; 8.766MiB right after a restart",
    "https://github.com/jaegertracing/jaeger/issues/7273",
    "2025-06-29",
    Confidence::B,
);
const OTEL_ADOT: Source = src(
    "open-telemetry/opentelemetry-collector#12743: an ADOT collector sidecar (AWS's distribution of the collector) always used at most 50MiB under a 100 MiB limit",
    "https://github.com/open-telemetry/opentelemetry-collector/issues/12743",
    "2025-03-26",
    Confidence::B,
);
const NETDATA_MAINTAINER: Source = src(
    "netdata/netdata#11111 (maintainer): the entire netdata process with 3 days of retention normally uses under 200MB, closer to 180MB",
    "https://github.com/netdata/netdata/issues/11111",
    "2021-05-12",
    Confidence::B,
);
const UPTIME_KUMA_250: Source = src(
    "louislam/uptime-kuma#5884: ~250 monitors, average memory consumption below 400 MiB (2.0.0-beta.3, SQLite)",
    "https://github.com/louislam/uptime-kuma/issues/5884",
    "2025-06-10",
    Confidence::B,
);
const UPTIME_KUMA_CHROMIUM: Source = src(
    "louislam/uptime-kuma#3817: the docker container uses 800mb of RAM with just 19 probes, 2 of which run Chromium",
    "https://github.com/louislam/uptime-kuma/issues/3817",
    "2023-09-29",
    Confidence::B,
);
const GRAYLOG_IMAGE: Source = src(
    "Graylog2/graylog-docker Dockerfile: GRAYLOG_SERVER_JAVA_OPTS sets GC flags and no -Xmx, so the JVM's default heap (25 % of what it sees) applies",
    "https://github.com/Graylog2/graylog-docker/blob/94968e4aad4acd6d0c01b74572c3f5b2c8ddd953/docker/oss/Dockerfile",
    "2025-04-17",
    Confidence::A,
);

// ---- Services -------------------------------------------------------------

#[rustfmt::skip]
pub const PROMETHEUS: ServiceDef = ServiceDef {
    id: "prometheus",
    category: Category::Monitoring,
    name_en: "Prometheus",
    name_zh: "Prometheus 监控",
    images: &["prom/prometheus", "prometheus/prometheus", "bitnami/prometheus", "ubuntu/prometheus"],
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
    deploy: Deploy {
        image: "prom/prometheus",
        tag: "v3.14.0",
        ports: &[Port::new(9090, "HTTP UI, API and /metrics")],
        volumes: &[Volume { name: "prometheus-data", path: "/prometheus" }],
        // The image is built on quay.io/prometheus/busybox: busybox wget is there.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://localhost:9090/-/healthy"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const GRAFANA: ServiceDef = ServiceDef {
    id: "grafana",
    category: Category::Monitoring,
    name_en: "Grafana",
    name_zh: "Grafana 仪表盘",
    images: &["grafana/grafana", "grafana/grafana-oss", "grafana/grafana-enterprise", "bitnami/grafana"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 100, 1 << 20,
            "no recent idle measurement found (33 MiB was Grafana 5 in 2018); a small instance with a few dashboards, planning figure", PLANNER),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 200, 1 << 20,
            "dashboards loading at once; a 128 MiB limit failed under dashboards (otaru#2307), so the default limit is the vendor's 512 MB", PLANNER),
        limit(512, GRAFANA_DOCS),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "grafana/grafana",
        tag: "12.4.3",
        ports: &[Port::new(3000, "HTTP UI and API")],
        volumes: &[Volume { name: "grafana-data", path: "/var/lib/grafana" }],
        // The default (Alpine) image has busybox wget; /api/health is Grafana's health API.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://localhost:3000/api/health"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const ALERTMANAGER: ServiceDef = ServiceDef {
    id: "alertmanager",
    category: Category::Monitoring,
    name_en: "Alertmanager",
    name_zh: "Alertmanager 告警",
    images: &["prom/alertmanager", "prometheus/alertmanager", "bitnami/alertmanager"],
    kind: KindId::Fixed,
    knobs: &[
        expected(32, MEASURED),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 48, 1 << 20, "many alerts and silences at once; planning figure", PLANNER),
        knob("limit_mib", "Default limit", "默认内存上限", Mib, 64, 1 << 20, "limit written into compose; planning figure", PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "prom/alertmanager",
        tag: "v0.34.0",
        ports: &[Port::new(9093, "HTTP UI and API")],
        volumes: &[Volume { name: "alertmanager-data", path: "/alertmanager" }],
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://localhost:9093/-/healthy"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const NODE_EXPORTER: ServiceDef = ServiceDef {
    id: "node-exporter",
    category: Category::Monitoring,
    name_en: "Prometheus node exporter",
    name_zh: "node_exporter 主机指标采集",
    images: &["prom/node-exporter", "prometheus/node-exporter", "bitnami/node-exporter"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 8, 1 << 20, "idle minikube, max memory 8M (2018)", LIGHTBEND_IDLE),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 32, 1 << 20, "a scrape on a host with many filesystems and NICs; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "prom/node-exporter",
        tag: "v1.12.1",
        ports: &[Port::new(9100, "/metrics")],
        // Host metrics need the README's bind mount '/:/host:ro,rslave' and
        // --path.rootfs=/host (and pid: host); without them it reports the container.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://localhost:9100/metrics"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const CADVISOR: ServiceDef = ServiceDef {
    id: "cadvisor",
    category: Category::Monitoring,
    name_en: "cAdvisor",
    name_zh: "cAdvisor 容器指标采集",
    images: &["google/cadvisor", "cadvisor/cadvisor", "zcube/cadvisor"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 90, 1 << 20, "docker stats 89.24 MiB in a Swarm monitoring stack", CADVISOR_STATS),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 256, 1 << 20,
            "grows with the containers it watches and the housekeeping interval (google/cadvisor#3558); planning figure", PLANNER),
        limit(0, PLANNER),
        knob("cpu_millicores", "Expected CPU", "预计 CPU", Millicores, 50, 256_000,
            "walks every cgroup each second (--housekeeping_interval 1s); planning figure, enter a measurement", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ghcr.io/google/cadvisor",
        tag: "v0.60.5",
        ports: &[Port::new(8080, "web UI and /metrics")],
        // The README's run command binds /, /var/run, /sys, /var/lib/docker and
        // /dev/disk read-only and adds --privileged --device=/dev/kmsg.
        healthcheck: &["CMD", "wget", "--quiet", "--tries=1", "--spider", "http://localhost:8080/healthz"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const LOKI: ServiceDef = ServiceDef {
    id: "loki",
    category: Category::Monitoring,
    name_en: "Grafana Loki (single binary)",
    name_zh: "Loki 日志聚合（单体模式）",
    images: &["grafana/loki", "bitnami/grafana-loki"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 256, 1 << 20,
            "the two embedded caches (chunks, results) may hold 100 MB each by default (Loki configuration reference), plus the ingester's open chunks; no idle measurement found, planning figure", PLANNER),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 2406, 1 << 20,
            "14-day peak working set 2.35 GiB of a homelab single binary; large range queries spike it", LOKI_PEAK),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // Tag and healthcheck: grafana/loki production/docker/docker-compose.yaml at
        // 65e30f8488e8a5ea2013c6881675f8103a8f6bc7 (2026-08-22).
        image: "grafana/loki",
        tag: "3.7.6",
        ports: &[Port::new(3100, "HTTP push and query API")],
        volumes: &[Volume { name: "loki-data", path: "/loki" }],
        // Distroless from 3.6: no shell or wget; the binary's own -health checks /ready.
        healthcheck: &["CMD", "/usr/bin/loki", "-health"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PROMTAIL: ServiceDef = ServiceDef {
    id: "promtail",
    category: Category::Monitoring,
    name_en: "Promtail (end of life)",
    name_zh: "Promtail 日志采集（已停止维护）",
    images: &["grafana/promtail"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 114, 1 << 20, "pod memory 114.39 MiB in a leak report (tails many files)", PROMTAIL_POD),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 256, 1 << 20, "grows with tailed files and batches; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // Promtail reached end of life on 2026-03-02 (replaced by Grafana Alloy);
        // 3.2.1 is the tag Loki's docs pull.
        image: "grafana/promtail",
        tag: "3.2.1",
        ports: &[Port::new(9080, "HTTP (targets, metrics)")],
        volumes: &[Volume { name: "promtail-positions", path: "/tmp" }],
        // Ubuntu base without curl or wget: no healthcheck.
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const FLUENT_BIT: ServiceDef = ServiceDef {
    id: "fluent-bit",
    category: Category::Monitoring,
    name_en: "Fluent Bit",
    name_zh: "Fluent Bit 轻量日志采集",
    images: &["fluent/fluent-bit", "bitnami/fluent-bit"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 25, 1 << 20, "25 MiB in Kubernetes at the load where Vector used 150 MiB", FLUENT_BIT_VS_VECTOR),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 200, 1 << 20, "a DaemonSet grew from 20 MB to over 200 MB within hours; bound it with mem_buf_limit", FLUENT_BIT_GROWTH),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "fluent/fluent-bit",
        tag: "5.1.1",
        ports: &[Port::new(2020, "HTTP server (metrics, health)"), Port::new(24224, "forward input")],
        // Distroless image: no shell, wget or curl, so no healthcheck.
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const FLUENTD: ServiceDef = ServiceDef {
    id: "fluentd",
    category: Category::Monitoring,
    name_en: "Fluentd",
    name_zh: "Fluentd 日志收集",
    images: &["fluent/fluentd", "bitnami/fluentd"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 100, 1 << 20,
            "one CRuby process with jemalloc and memory buffers; no measurement found, planning figure", PLANNER),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 300, 1 << 20,
            "memory buffers filling while an output is down (bound them with total_limit_size); planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "fluent/fluentd",
        tag: "v1.19-debian-2",
        ports: &[Port::new(24224, "forward input (TCP/UDP)")],
        volumes: &[Volume { name: "fluentd-log", path: "/fluentd/log" }],
        // ruby:3.4-slim base without curl or wget: no healthcheck.
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const VECTOR: ServiceDef = ServiceDef {
    id: "vector",
    category: Category::Monitoring,
    name_en: "Vector",
    name_zh: "Vector 日志与指标管道",
    images: &["timberio/vector"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 61, 1 << 20, "a sidecar under heavy load used up to 61 Mi of its 128 Mi limit (maintainer)", VECTOR_SIDECAR),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 150, 1 << 20, "up to 150 MiB in Kubernetes with memory buffers of 50,000 events", FLUENT_BIT_VS_VECTOR),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "timberio/vector",
        tag: "0.57.0-alpine",
        command: &["--config", "/etc/vector/vector.yaml"],
        command_note: Some((
            "mount your vector.yaml at /etc/vector/vector.yaml: the image ships only an example and exits without a config",
            "把 vector.yaml 挂载到 /etc/vector/vector.yaml：镜像只带示例配置，没有配置会直接退出",
        )),
        ports: &[Port::new(8686, "API and /health (when api.enabled)")],
        volumes: &[Volume { name: "vector-data", path: "/var/lib/vector" }],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const TEMPO: ServiceDef = ServiceDef {
    id: "tempo",
    category: Category::Monitoring,
    name_en: "Grafana Tempo (single binary)",
    name_zh: "Tempo 链路追踪存储（单体模式）",
    images: &["grafana/tempo", "bitnami/grafana-tempo"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 256, 1 << 20,
            "live traces held before a block is cut, plus the WAL; no measurement found, planning figure", PLANNER),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 1024, 1 << 20,
            "searches and compaction; planning figure (memory.automemlimit_enabled can cap it at 80 % of a limit)", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "grafana/tempo",
        tag: "3.0.0",
        command: &["-config.file=/etc/tempo.yaml"],
        command_note: Some((
            "mount your tempo.yaml at /etc/tempo.yaml: the image has no default config",
            "把 tempo.yaml 挂载到 /etc/tempo.yaml：镜像没有默认配置",
        )),
        ports: &[
            Port::new(3200, "HTTP API"),
            Port::new(4317, "OTLP gRPC"),
            Port::new(4318, "OTLP HTTP"),
        ],
        volumes: &[Volume { name: "tempo-data", path: "/var/tempo" }],
        // Distroless; the binary's -health flag checks /ready.
        healthcheck: &["CMD", "/tempo", "-health"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const JAEGER: ServiceDef = ServiceDef {
    id: "jaeger",
    category: Category::Monitoring,
    name_en: "Jaeger all-in-one",
    name_zh: "Jaeger 链路追踪（一体化镜像）",
    images: &["jaegertracing/jaeger", "jaegertracing/all-in-one"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 512, 1 << 20,
            "the in-memory store grows with the traces it keeps (all-in-one max_traces 100000) and does not shrink: 8.8 MiB after a restart, 1.9 GiB after a while (#7273); planning figure between them", PLANNER),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 1933, 1 << 20, "docker stats 1.888 GiB with one small app sending traces", JAEGER_STATS),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // v2 image; cmd/jaeger/internal/all-in-one.yaml keeps max_traces 100000 in memory;
        // healthcheck from docker-compose/kafka at 8498073ff809b1a3923521920a9b1b017ea97ecf.
        image: "jaegertracing/jaeger",
        tag: "2.20.0",
        ports: &[
            Port::new(16686, "UI and query API"),
            Port::new(4317, "OTLP gRPC"),
            Port::new(4318, "OTLP HTTP"),
        ],
        // Alpine base (busybox wget); the healthcheckv2 extension answers on 13133.
        healthcheck: &["CMD-SHELL", "wget --no-verbose --tries=1 --spider http://localhost:13133/status || exit 1"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const OTEL_COLLECTOR: ServiceDef = ServiceDef {
    id: "otel-collector",
    category: Category::Monitoring,
    name_en: "OpenTelemetry Collector (contrib)",
    name_zh: "OpenTelemetry Collector 采集器（contrib）",
    images: &[
        "otel/opentelemetry-collector-contrib",
        "otel/opentelemetry-collector",
        "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib",
        "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector",
    ],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 50, 1 << 20,
            "a collector sidecar used at most 50 MiB (AWS's distribution; contrib carries more components)", OTEL_ADOT),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 512, 1 << 20,
            "the contrib image's default pipeline has no memory_limiter, so queues grow while an exporter is down; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // opentelemetry-collector-releases distributions/otelcol-contrib (Dockerfile FROM scratch).
        image: "otel/opentelemetry-collector-contrib",
        tag: "0.159.0",
        ports: &[
            Port::new(4317, "OTLP gRPC"),
            Port::new(4318, "OTLP HTTP"),
            Port::new(13133, "health_check extension"),
        ],
        // FROM scratch: no shell or HTTP client, so no in-container healthcheck.
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const NETDATA: ServiceDef = ServiceDef {
    id: "netdata",
    category: Category::Monitoring,
    name_en: "Netdata",
    name_zh: "Netdata 实时监控",
    images: &["netdata/netdata"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 180, 1 << 20, "whole process with 3 days of retention, closer to 180 MB (maintainer)", NETDATA_MAINTAINER),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 512, 1 << 20,
            "about twice the 250 MB seen across 50 hosts; metric churn from many short-lived containers has reached 4 GiB (#15066): planning figure", PLANNER),
        limit(0, PLANNER),
        knob("cpu_millicores", "Expected CPU", "预计 CPU", Millicores, 50, 256_000,
            "collects every second and trains ML models per metric; planning figure, enter a measurement", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "netdata/netdata",
        tag: "v2.10.4",
        ports: &[Port::new(19999, "dashboard and API")],
        volumes: &[
            Volume { name: "netdataconfig", path: "/etc/netdata" },
            Volume { name: "netdatalib", path: "/var/lib/netdata" },
            Volume { name: "netdatacache", path: "/var/cache/netdata" },
        ],
        // The image has its own HEALTHCHECK. Host metrics need pid: host, SYS_PTRACE
        // and read-only binds of /proc and /sys (Netdata's Docker docs).
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const UPTIME_KUMA: ServiceDef = ServiceDef {
    id: "uptime-kuma",
    category: Category::Monitoring,
    name_en: "Uptime Kuma",
    name_zh: "Uptime Kuma 可用性监控",
    images: &["louislam/uptime-kuma"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 400, 1 << 20,
            "below 400 MiB on average with ~250 monitors; a few dozen monitors use less: enter a measurement", UPTIME_KUMA_250),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 800, 1 << 20, "800 MB with 19 probes, 2 of them real-browser (Chromium) monitors", UPTIME_KUMA_CHROMIUM),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // louislam/uptime-kuma compose.yaml and docker/dockerfile at 6398a9581d1c3c427a7536559f47ccf45dac08b4.
        image: "louislam/uptime-kuma",
        tag: "2",
        ports: &[Port::new(3001, "web UI")],
        volumes: &[Volume { name: "uptime-kuma-data", path: "/app/data" }],
        // The image's own HEALTHCHECK runs this bundled binary from /app.
        healthcheck: &["CMD-SHELL", "extra/healthcheck"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const GRAYLOG: ServiceDef = ServiceDef {
    id: "graylog",
    category: Category::Monitoring,
    name_en: "Graylog server",
    name_zh: "Graylog 日志管理平台",
    images: &["graylog/graylog", "graylog/graylog-enterprise", "graylog2/server"],
    kind: KindId::Jvm,
    knobs: &[
        heap(0, "0 = auto: the image sets no -Xmx, so the JVM takes 25 % of what it sees", GRAYLOG_IMAGE),
        nonheap(250, SPRING_FOOTPRINT_PROXY),
        THREADS,
        HEAP_IN_USE,
        CPU,
    ],
    presets: &[],
    self_sizing: Some(SelfSizing {
        percent_of_memory: 25,
        rule: "no -Xmx in the image: max heap = 25 % of the memory the JVM sees (the limit, else the host)",
        source: GRAYLOG_IMAGE,
    }),
    assumed: false,
    deploy: Deploy {
        // Graylog2/docker-compose open-core/docker-compose.yml at 577d2d4d65ee91cae50ae7cdfe1db5096b8ea0b1:
        // the tag, the two required secrets (':?' guards) and the MongoDB URI.
        image: "graylog/graylog",
        tag: "7.1",
        ports: &[
            Port::new(9000, "web UI and API"),
            Port::new(12201, "GELF input"),
            Port::new(5140, "syslog input"),
        ],
        volumes: &[Volume { name: "graylog-data", path: "/usr/share/graylog/data" }],
        env: &[
            EnvSpec {
                name: "GRAYLOG_PASSWORD_SECRET",
                value: EnvValue::Secret,
                why_en: why!("Graylog refuses to start without a password secret (at least 16 characters)"),
                why_zh: why!("未设置密码密钥（至少 16 个字符）时 Graylog 拒绝启动"),
            },
            EnvSpec {
                name: "GRAYLOG_ROOT_PASSWORD_SHA2",
                value: EnvValue::Secret,
                why_en: why!("required: the SHA-256 of the admin password (echo -n 'password' | sha256sum)"),
                why_zh: why!("必填：管理员密码的 SHA-256 值（echo -n '密码' | sha256sum）"),
            },
            EnvSpec {
                name: "GRAYLOG_MONGODB_URI",
                value: EnvValue::Literal("mongodb://mongodb:27017/graylog"),
                why_en: why!("Graylog keeps its configuration in MongoDB (the service named mongodb)"),
                why_zh: why!("Graylog 的配置存放在 MongoDB 中（服务名为 mongodb）"),
            },
        ],
        healthcheck: &["CMD", "/health_check.sh"],
        ..Deploy::NONE
    },
};

#[rustfmt::skip]
pub const PORTAINER: ServiceDef = ServiceDef {
    id: "portainer",
    category: Category::Monitoring,
    name_en: "Portainer CE",
    name_zh: "Portainer 容器管理面板",
    images: &["portainer/portainer-ce", "portainer/portainer", "portainer/portainer-ee"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 64, 1 << 20,
            "a Go server with an embedded BoltDB managing one host; no measurement found, planning figure", PLANNER),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 192, 1 << 20, "listing many containers and images at once; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "portainer/portainer-ce",
        tag: "2.21.4",
        ports: &[Port::new(9443, "HTTPS UI"), Port::new(8000, "Edge agent tunnel")],
        // Managing the local host needs the bind /var/run/docker.sock:/var/run/docker.sock.
        volumes: &[Volume { name: "portainer-data", path: "/data" }],
        // Scratch-like base: no shell or HTTP client, so no healthcheck.
        ..Deploy::NONE
    },
};

const WATCHTOWER_STATS: Source = src(
    "Islandora-Devops/isle-dc PR #201: docker stats before memory limits, isle-dc_watchtower_1 at 11.08 MiB on a 3.8 GiB host",
    "https://github.com/Islandora-Devops/isle-dc/pull/201",
    "2021-12-15",
    Confidence::B,
);

#[rustfmt::skip]
pub const WATCHTOWER: ServiceDef = ServiceDef {
    id: "watchtower",
    category: Category::Monitoring,
    name_en: "Watchtower (unmaintained)",
    name_zh: "Watchtower 容器自动更新（已停止维护）",
    images: &["containrrr/watchtower", "v2tec/watchtower", "nickfedor/watchtower"],
    kind: KindId::Fixed,
    knobs: &[
        knob("expected_mib", "Expected memory", "预计内存", Mib, 11, 1 << 20,
            "a small Go daemon polling registries: 11.08 MiB in docker stats", WATCHTOWER_STATS),
        knob("peak_mib", "Peak memory", "峰值内存", Mib, 64, 1 << 20, "while pulling and recreating containers; planning figure", PLANNER),
        limit(0, PLANNER),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        // containrrr/watchtower is archived; 1.7.1 is its last release. It needs
        // the bind /var/run/docker.sock:/var/run/docker.sock or it exits.
        image: "containrrr/watchtower",
        tag: "1.7.1",
        healthcheck: &["CMD", "/watchtower", "--health-check"],
        ..Deploy::NONE
    },
};
