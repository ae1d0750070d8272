//! S1 — FastAPI + LangChain API with the "full observability" stack (ELK,
//! Prometheus, Grafana, Alertmanager): the full stack on 4 GB and on 8 GB,
//! and the report's recommended layout on 4 GB and on 2 GB, at the report's
//! ¥200 / ¥400 / ¥800.

use super::{TemplateInfo, Tr};
use crate::model::{Placement, Plan, PlanOption, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s1-observability",
    name_en: "FastAPI + full observability on 4 GiB",
    name_zh: "FastAPI + 全套可观测性（4 GiB）",
    summary_en: "The full ELK + Prometheus stack vs the report's trimmed layout, on 2, 4 and 8 GB at the report's prices",
    summary_zh: "完整 ELK + Prometheus 与报告推荐的精简布局对比，2GB、4GB、8GB 三档，按报告报价",
};

/// The report's Redis: `--maxmemory-policy allkeys-lru` (a cache, not a broker).
const ALLKEYS_LRU: i64 = 1;
/// `--appendonly yes` with `--save 900 1 …`: RDB and AOF.
const RDB_AND_AOF: i64 = 3;

/// A server of `gib` GB at the report's price for that size. The report
/// names no cloud and no vCPU count: the tiers (2 vCPU Alibaba ECS of that
/// memory) are the template's assumption.
fn server(t: Tr, label: &str, gib: u64) -> Server {
    let (tier, yuan) = match gib {
        2 => ("aliyun-ecs-e-c1m1-large", 200),
        8 => ("aliyun-ecs-g7-large", 800),
        _ => ("aliyun-ecs-c7-large", 400),
    };
    Server::new("a", label, tier)
        .spec(2, gib * 1024)
        .price(
            yuan * 100,
            &t.t(
                &format!("S1 report's cost table: {gib}GB ¥{yuan}/month (it names no cloud and no vCPU count; the tier is the template's assumption)"),
                &format!("S1 报告成本表：{gib}GB ¥{yuan}/月（报告没写云厂商和 vCPU 数，规格是模板的假设）"),
            ),
        )
}

/// A placement with the report's own memory figure for it, kept in a note:
/// the report gives ranges, so the model's figure is used.
fn said(p: Placement, t: Tr, en: &str, zh: &str) -> Placement {
    p.note(&t.t(
        &format!("S1 report: {en}; its figures are rough ranges, so the model's are used"),
        &format!("S1 报告：{zh}；报告的数字只是粗略范围，这里用模型的数字"),
    ))
}

fn api(t: Tr) -> Placement {
    said(
        Placement::new("api", "fastapi")
            .knob("workers", 1)
            .knob("app_mib", 250)
            .depends_on(&["postgres", "redis"]),
        t,
        "FastAPI backend 200–300 MB; 250 MB per worker here",
        "FastAPI 后端 200–300MB，这里按每个进程 250MB",
    )
}

fn full_stack(t: Tr, label: &str, gib: u64) -> Server {
    server(t, label, gib)
        .with(api(t))
        .with(said(
            Placement::new("postgres", "postgres"),
            t,
            "PostgreSQL 500 MB–1 GB",
            "PostgreSQL 500MB–1GB",
        ))
        .with(said(
            Placement::new("redis", "redis")
                .knob("maxmemory_mib", 512)
                .knob("policy", ALLKEYS_LRU)
                .knob("persistence", RDB_AND_AOF),
            t,
            "Redis with its 512MB configuration, 512 MB",
            "Redis 按 512MB 配置，占 512MB",
        ))
        .with(said(
            Placement::new("prometheus", "prometheus"),
            t,
            "Prometheus 256–512 MB",
            "Prometheus 256–512MB",
        ))
        .with(said(
            Placement::new("grafana", "grafana"),
            t,
            "Grafana 128–256 MB",
            "Grafana 128–256MB",
        ))
        .with(said(
            Placement::new("alertmanager", "alertmanager"),
            t,
            "Alertmanager 64 MB",
            "AlertManager 64MB",
        ))
        .with(said(
            Placement::new("elasticsearch", "elasticsearch").knob("heap_mib", 1024),
            t,
            "Elasticsearch 1–2 GB, \"at least 1 GB\"; a 1 GB heap here",
            "Elasticsearch 1–2GB，“最小 1GB”，这里按 1GB 堆",
        ))
        .with(said(
            Placement::new("logstash", "logstash"),
            t,
            "Logstash 256–512 MB",
            "Logstash 256–512MB",
        ))
        .with(said(
            Placement::new("kibana", "kibana"),
            t,
            "Kibana 256–512 MB",
            "Kibana 256–512MB",
        ))
}

/// The report's recommended layout: its memory allocation as limits
/// (kernel 300, FastAPI 250, PostgreSQL 800, Redis 256, Prometheus 150,
/// Grafana 100, file cache 500, buffer 544 MB). No Alertmanager: the report
/// leaves it out of this layout.
fn trimmed(t: Tr, label: &str, gib: u64) -> Server {
    let limit = |en: &str, zh: &str| {
        t.t(
            &format!("S1 report's 4GB allocation: {en}, as the limit"),
            &format!("S1 报告的 4GB 内存分配：{zh}，作为上限"),
        )
    };
    server(t, label, gib)
        .with(api(t).limit(250).note(&limit("FastAPI 250MB", "FastAPI 250MB")))
        .with(
            Placement::new("postgres", "postgres")
                .knob("shared_buffers_mib", 256)
                .knob("work_mem_mib", 8)
                .knob("maintenance_work_mem_mib", 64)
                .limit(800)
                .note(&t.t(
                    "S1 report's 4GB allocation: PostgreSQL 800MB (as the limit), with shared_buffers=256MB, effective_cache_size=1GB, work_mem=8MB, maintenance_work_mem=64MB. Its comments are wrong: 256MB is called 25% of RAM (it is 6%), work_mem is said to be shared_buffers / max_connections (that is 2.6MB), maintenance_work_mem 1/6 of available RAM (it is not)",
                    "S1 报告的 4GB 内存分配：PostgreSQL 800MB（作为上限），shared_buffers=256MB、effective_cache_size=1GB、work_mem=8MB、maintenance_work_mem=64MB。报告里的注释是错的：256MB 被说成内存的 25%（其实是 6%），work_mem 说是 shared_buffers / max_connections（那应是 2.6MB），maintenance_work_mem 说是可用内存的 1/6（并不是）",
                )),
        )
        .with(
            Placement::new("redis", "redis")
                .knob("maxmemory_mib", 256)
                .knob("policy", ALLKEYS_LRU)
                .knob("persistence", RDB_AND_AOF)
                .limit(256)
                .note(&t.t(
                    "S1 report: redis-server --appendonly yes --maxmemory 256mb --maxmemory-policy allkeys-lru --save 900 1 --save 300 10 --save 60 10000, 256MB in its allocation (as the limit)",
                    "S1 报告：redis-server --appendonly yes --maxmemory 256mb --maxmemory-policy allkeys-lru --save 900 1 --save 300 10 --save 60 10000，内存分配 256MB（作为上限）",
                )),
        )
        .with(
            Placement::new("prometheus", "prometheus")
                .knob("retention_days", 7)
                .limit(150)
                .note(&t.t(
                    "S1 report: the light Prometheus, --storage.tsdb.retention.time=7d, scrape every 30–60 s, 10 alert rules instead of 47; 150MB in its allocation (as the limit)",
                    "S1 报告：轻量版 Prometheus，--storage.tsdb.retention.time=7d，抓取间隔 30–60 秒，告警规则从 47 条减到 10 条；内存分配 150MB（作为上限）",
                )),
        )
        .with(
            Placement::new("grafana", "grafana")
                .limit(100)
                .note(&limit("Grafana 100MB (optional)", "Grafana 100MB（可选）")),
        )
}

pub fn plan(t: Tr) -> Plan {
    Plan {
        quotes: Vec::new(),
        name: t.t(
            "FastAPI + LangChain observability (S1)",
            "FastAPI + LangChain 全套可观测性（S1）",
        ),
        description: t.t(
            "Does the full observability stack fit 4 GB, which parts to keep, and what do 2 GB and 8 GB give? Where the report's arithmetic is wrong: its items add up to 3.2–5.7 GB, not the 3.8–6.5 GB it states; ELK to 1.5–3.0 GB, not 1.5–2.5 GB; and its recommended 4 GB layout to 2.9 GB, not 3.2 GB — and that counts 500 MB of file cache and a 544 MB emergency buffer as if they were in use.",
            "完整的可观测性组件能否放进 4GB？保留哪些？2GB 和 8GB 又如何？报告算错的地方：各组件加起来是 3.2–5.7GB，而不是它写的 3.8–6.5GB；ELK 合计 1.5–3.0GB，不是 1.5–2.5GB；推荐的 4GB 布局合计 2.9GB，不是 3.2GB，而且这还把 500MB 文件系统缓存和 544MB 应急缓冲当成了占用。",
        ),
        settings: Settings::default(),
        options: vec![
            PlanOption::new("full", &t.t("Full stack with ELK, 4 GB", "含 ELK 的全套，4GB")).with(
                full_stack(t, &t.t("4 GiB, full stack", "4 GiB，全套"), 4),
            ),
            PlanOption::new(
                "recommended",
                &t.t("Recommended layout, 4 GB", "推荐的精简布局，4GB"),
            )
            .with(trimmed(t, &t.t("4 GiB, recommended layout", "4 GiB，推荐布局"), 4))
            .note(&t.t(
                "S1 report's choice: skip ELK (use a hosted log service), keep FastAPI, PostgreSQL, Redis at 256 MB, a light Prometheus and Grafana.",
                "S1 报告的推荐：跳过 ELK（改用云日志服务），保留 FastAPI、PostgreSQL、256MB 的 Redis、轻量版 Prometheus 和 Grafana。",
            )),
            PlanOption::new("full-8g", &t.t("Full stack with ELK, 8 GB", "含 ELK 的全套，8GB"))
                .with(full_stack(t, &t.t("8 GiB, full stack", "8 GiB，全套"), 8))
                .note(&t.t(
                    "S1 report's cost table: 完整（8GB）¥800/month, \"over-provisioned\".",
                    "S1 报告成本表：完整（8GB）¥800/月，“过度配置”。",
                )),
            PlanOption::new(
                "recommended-2g",
                &t.t("Recommended layout, 2 GB", "推荐的精简布局，2GB"),
            )
            .with(trimmed(t, &t.t("2 GiB, recommended layout", "2 GiB，推荐布局"), 2))
            .note(&t.t(
                "S1 report's cost table: 最小（2GB）¥200/month, \"poor, crashes often\". It does not say what runs on 2 GB; the template puts its recommended layout there.",
                "S1 报告成本表：最小（2GB）¥200/月，“性能差，经常崩溃”。报告没说 2GB 上跑什么，模板放的是它推荐的精简布局。",
            )),
        ],
    }
}
