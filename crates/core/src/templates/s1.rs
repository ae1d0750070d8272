//! S1 — FastAPI + LangChain API with the "full observability" stack (ELK,
//! Prometheus, Grafana) on 4 GiB, and the report's recommended 4 GiB layout.

use super::{from_report, TemplateInfo};
use crate::model::{Placement, Plan, PlanOption, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s1-observability",
    name_en: "FastAPI + full observability on 4 GiB",
    name_zh: "FastAPI + 全套可观测性（4 GiB）",
    summary_en: "The full ELK + Prometheus stack vs the report's trimmed 4 GiB layout",
    summary_zh: "完整 ELK + Prometheus 与报告推荐的 4 GiB 精简布局对比",
};

const S: &str = "S1 observability";

fn server(label: &str) -> Server {
    Server::new("a", label, "aliyun-ecs-c7-large")
        .spec(2, 4096)
        .price(40_000, &from_report(S, "4 GB ¥400/month"))
}

fn api() -> Placement {
    Placement::new("api", "fastapi")
        .knob("workers", 1)
        .knob("app_mib", 250)
        .depends_on(&["postgres", "redis"])
        .note(&from_report(S, "FastAPI backend 200–300 MB"))
}

pub fn plan() -> Plan {
    let full = server("4 GiB, full stack")
        .with(api())
        .with(Placement::new("postgres", "postgres"))
        .with(
            Placement::new("redis", "redis")
                .knob("maxmemory_mib", 512)
                .knob("persistence", 3),
        )
        .with(Placement::new("prometheus", "prometheus"))
        .with(Placement::new("grafana", "grafana"))
        .with(Placement::new("alertmanager", "alertmanager"))
        .with(
            Placement::new("elasticsearch", "elasticsearch")
                .knob("heap_mib", 1024)
                .note(&from_report(
                    S,
                    "Elasticsearch 1–2 GB; the 1 GB heap is the low end",
                )),
        )
        .with(Placement::new("logstash", "logstash"))
        .with(Placement::new("kibana", "kibana"));

    // kernel 300, FastAPI 250, PostgreSQL 800, Redis 256, Prometheus 150,
    // Grafana 100, file cache 500, buffer 544: the report's limits.
    let trimmed = server("4 GiB, recommended layout")
        .with(api().limit(250))
        .with(
            Placement::new("postgres", "postgres")
                .knob("shared_buffers_mib", 256)
                .knob("work_mem_mib", 8)
                .knob("maintenance_work_mem_mib", 64)
                .limit(800),
        )
        .with(
            Placement::new("redis", "redis")
                .knob("maxmemory_mib", 256)
                .knob("persistence", 3)
                .limit(256),
        )
        .with(
            Placement::new("prometheus", "prometheus")
                .knob("retention_days", 7)
                .limit(150),
        )
        .with(Placement::new("grafana", "grafana").limit(100))
        .with(Placement::new("alertmanager", "alertmanager").limit(64));

    Plan {
        name: "FastAPI + LangChain observability (S1)".into(),
        description: "Does the full observability stack fit 4 GiB? Which parts to keep?".into(),
        settings: Settings::default(),
        options: vec![
            PlanOption::new("full", "Full stack with ELK").with(full),
            PlanOption::new("recommended", "Recommended 4 GiB layout").with(trimmed),
        ],
    }
}
