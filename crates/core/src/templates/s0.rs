//! S0 — "FinRep" daily-report system: PostgreSQL, Redis, uvicorn FastAPI, a
//! Celery worker that drives Playwright/Chromium, and Celery beat; lean 2C4G
//! limits, standard 4C8G limits, and the 2C2G that does not fit.

use super::{from_report, TemplateInfo};
use crate::model::{Placement, Plan, PlanOption, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s0-finrep",
    name_en: "FinRep daily reports on 2C4G",
    name_zh: "FinRep 日报系统（2C4G）",
    summary_en: "PostgreSQL, Redis, FastAPI, a Celery worker with Playwright, beat: lean 2C4G vs standard 4C8G vs 2C2G",
    summary_zh: "PostgreSQL、Redis、FastAPI、带 Playwright 的 Celery worker 与 beat：2C4G 精简 / 4C8G 标准 / 2C2G",
};

const S: &str = "S0 FinRep";

/// The five services with the lean (2C4G) limits and the idle memory measured on 2C4G.
fn lean_placements() -> Vec<Placement> {
    let measured = |p: Placement, mib| {
        p.measured(mib)
            .note(&from_report(S, "measured idle on 2C4G"))
    };
    vec![
        measured(
            Placement::new("postgres", "postgres")
                .knob("connections", 10)
                .limit(512),
            180,
        ),
        measured(
            Placement::new("redis", "redis")
                .knob("maxmemory_mib", 256)
                .knob("persistence", 0)
                .limit(256),
            50,
        ),
        measured(
            Placement::new("web", "fastapi")
                .knob("workers", 1)
                .knob("app_mib", 350)
                .knob("db_pool", 10)
                .limit(1024)
                .depends_on(&["postgres", "redis"]),
            350,
        ),
        // PLAYWRIGHT_MAX_BROWSERS=1, CRAWL_CONCURRENCY_DYNAMIC=1; the measured
        // 800 MB is a child with the LLM and crawl libraries imported.
        measured(
            Placement::new("worker", "celery-prefork")
                .knob("concurrency", 1)
                .knob("child_mib", 740)
                .knob("browsers", 1)
                .knob("pages_per_browser", 1)
                .knob("db_pool", 10)
                .limit(1536)
                .shm(256)
                .depends_on(&["postgres", "redis"]),
            800,
        ),
        measured(
            Placement::new("beat", "celery-beat")
                .limit(256)
                .depends_on(&["redis"]),
            80,
        ),
    ]
}

pub fn plan() -> Plan {
    let lean = lean_placements();
    let mut lean_server = Server::new("a", "2C4G lean", "aliyun-ecs-c7-large")
        .spec(2, 4096)
        .price(15_000, &from_report(S, "2C4G ¥150–200/month, low end"));
    lean_server.placements = lean.clone();

    let mut tiny = Server::new("a", "2C2G", "aliyun-ecs-e-c1m1-large")
        .spec(2, 2048)
        .price(10_000, &from_report(S, "2C2G ¥100–150/month, low end"));
    tiny.placements = lean;

    let standard = Server::new("a", "4C8G standard", "aliyun-ecs-c7-xlarge")
        .spec(4, 8192)
        .price(30_000, &from_report(S, "4C8G ¥300–400/month, low end"))
        .with(
            Placement::new("postgres", "postgres")
                .knob("shared_buffers_mib", 256)
                .knob("connections", 10)
                .limit(1024),
        )
        .with(
            Placement::new("redis", "redis")
                .knob("maxmemory_mib", 256)
                .knob("persistence", 0)
                .limit(512),
        )
        .with(
            Placement::new("web", "fastapi")
                .knob("workers", 2)
                .knob("app_mib", 350)
                .knob("db_pool", 10)
                .limit(2048)
                .depends_on(&["postgres", "redis"]),
        )
        .with(
            // PLAYWRIGHT_MAX_BROWSERS=3, concurrency 2, shm 512mb.
            Placement::new("worker", "celery-prefork")
                .knob("concurrency", 2)
                .knob("child_mib", 740)
                .knob("browsers", 3)
                .knob("pages_per_browser", 1)
                .knob("db_pool", 10)
                .limit(3072)
                .shm(512)
                .depends_on(&["postgres", "redis"]),
        )
        .with(
            Placement::new("beat", "celery-beat")
                .measured(80)
                .limit(256)
                .depends_on(&["redis"]),
        );

    Plan {
        name: "FinRep daily reports (S0)".into(),
        description: "采集 + 日报: can the lean limits run on 2C4G, and what does 4C8G buy?".into(),
        settings: Settings::default(),
        options: vec![
            PlanOption::new("lean-2c4g", "2C4G, lean limits").with(lean_server),
            PlanOption::new("standard-4c8g", "4C8G, standard limits").with(standard),
            PlanOption::new("tiny-2c2g", "2C2G, lean limits").with(tiny),
        ],
    }
}
