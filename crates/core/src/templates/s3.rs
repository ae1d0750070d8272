//! S3 — "EuraFlow" order-sync SaaS for 100 concurrent users: today's 2C4G,
//! the proposed three-queue Celery layout, and options A (one 8C16G),
//! B (split over three servers) and A+ ("8C32G", really ecs.c7.4xlarge),
//! which the report recommended; the planner recommends by its own stated
//! rule (`fit::recommend_option`), so the name says whose pick it was.

use super::{from_report, TemplateInfo};
use crate::model::{Placement, Plan, PlanOption, PriceOverride, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s3-euraflow",
    name_en: "EuraFlow order sync for 100 users",
    name_zh: "EuraFlow 订单同步（100 并发用户）",
    summary_en: "Three Celery queues, SQLAlchemy pools against max_connections, one big server vs a split vs the mislabelled A+",
    summary_zh: "三个 Celery 队列、SQLAlchemy 连接池与 max_connections，单机 / 拆分 / 标错规格的 A+",
};

const S: &str = "S3 EuraFlow";

/// The proposed workers: (id, concurrency, --max-memory-per-child KiB).
const WORKERS: &[(&str, i64, i64)] = &[
    ("worker-high", 4, 300_000),
    ("worker-normal", 6, 250_000),
    ("worker-low", 2, 200_000),
];

fn proposed_workers(child_mib: i64) -> Vec<Placement> {
    WORKERS
        .iter()
        .map(|(id, c, mmpc)| {
            Placement::new(id, "celery-prefork")
                .knob("concurrency", *c)
                .knob("max_memory_per_child_kib", *mmpc)
                .knob("child_mib", child_mib)
                .knob("db_pool", 80)
                .depends_on(&["postgres", "redis"])
                .note(&from_report(S, "pool 30 + overflow 50 per process"))
        })
        .collect()
}

fn api(workers: i64) -> Placement {
    Placement::new("api", "fastapi")
        .knob("workers", workers)
        .knob("app_mib", 400)
        .knob("db_pool", 80)
        .limit(2048)
        .depends_on(&["postgres", "redis"])
}

fn database() -> Placement {
    Placement::new("postgres", "postgres")
        .knob("max_connections", 150)
        .knob("shared_buffers_mib", 1024)
        .knob("work_mem_mib", 16)
        .knob("maintenance_work_mem_mib", 256)
        .knob("connections", 80)
        .limit(4096)
}

fn cache() -> Placement {
    Placement::new("redis", "redis")
        .knob("maxmemory_mib", 1024)
        .knob("persistence", 0)
        .limit(1280)
}

fn single(
    label: &str,
    tier: &str,
    vcpu: u32,
    mib: u64,
    price_fen: i64,
    price_note: &str,
) -> Server {
    let mut s = Server::new("a", label, tier)
        .spec(vcpu, mib)
        .price(price_fen, &from_report(S, price_note));
    s.placements = vec![api(4), database(), cache()];
    s.placements.extend(proposed_workers(250));
    s
}

pub fn plan() -> Plan {
    let now = Server::new("a", "2C4G today", "aliyun-ecs-c7-large")
        .spec(2, 4096)
        .with(api(1).limit(512).knob("db_pool", 60))
        .with(Placement::new("postgres", "postgres").knob("connections", 60))
        .with(Placement::new("redis", "redis"))
        .with(
            Placement::new("worker", "celery-prefork")
                .knob("concurrency", 4)
                .knob("child_mib", 150)
                .knob("db_pool", 60)
                .depends_on(&["postgres", "redis"]),
        );
    let mut now_proposed =
        Server::new("a", "2C4G with the proposed workers", "aliyun-ecs-c7-large").spec(2, 4096);
    now_proposed.placements = vec![
        api(1).limit(512),
        Placement::new("postgres", "postgres")
            .knob("max_connections", 150)
            .knob("connections", 80),
        Placement::new("redis", "redis"),
    ];
    now_proposed.placements.extend(proposed_workers(150));

    let web = Server::new("web", "web 4C8G", "aliyun-ecs-c7-xlarge")
        .spec(4, 8192)
        .with(api(4));
    let mut worker = Server::new("worker", "worker 8C16G", "aliyun-ecs-c7-2xlarge").spec(8, 16384);
    worker.placements = proposed_workers(250);
    let db = Server::new("db", "database 4C16G", "aliyun-ecs-g7-xlarge")
        .spec(4, 16384)
        .with(database())
        .with(cache());
    let mut split = PlanOption::new("b-split", "B: split web / worker / database")
        .with(web)
        .with(worker)
        .with(db);
    split.quoted_monthly = Some(PriceOverride {
        monthly_fen: 200_000,
        note: from_report(S, "¥2000–2500/month for the three, low end"),
    });

    Plan {
        name: "EuraFlow order sync (S3)".into(),
        description: "100 users × 2–3 shops; 20–30 tasks running at once at peak.".into(),
        settings: Settings::default(),
        options: vec![
            PlanOption::new("a-single", "A: one 8C16G").with(single(
                "A 8C16G",
                "aliyun-ecs-c7-2xlarge",
                8,
                16384,
                80_000,
                "~¥800/month (ecs.c7.2xlarge)",
            )),
            split,
            PlanOption::new("a-plus", "A+: one \"8C32G\" (the report's pick)").with(single(
                "A+ 8C32G",
                "aliyun-ecs-c7-4xlarge",
                16,
                32768,
                120_000,
                "¥1200–1500/month, low end",
            )),
            PlanOption::new("now", "Today: 2C4G").with(now),
            PlanOption::new("now-proposed", "Today's 2C4G with the proposed workers")
                .with(now_proposed),
        ],
    }
}
