//! S0 — "FinRep" daily-report system: PostgreSQL, Redis, uvicorn FastAPI, a
//! Celery worker that drives Playwright/Chromium, and Celery beat; the lean
//! 2C4G limits, the standard 4C8G limits, the 2C2G that does not fit and the
//! report's "extreme" 2C2G variant with web, worker and beat in one container.

use super::{TemplateInfo, Tr};
use crate::model::{Placement, Plan, PlanOption, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s0-finrep",
    name_en: "FinRep daily reports on 2C4G",
    name_zh: "FinRep 日报系统（2C4G）",
    summary_en: "PostgreSQL, Redis, FastAPI, a Celery worker with Playwright, beat: lean 2C4G vs standard 4C8G vs 2C2G and its extreme merged variant",
    summary_zh: "PostgreSQL、Redis、FastAPI、带 Playwright 的 Celery worker 与 beat：2C4G 精简、4C8G 标准、2C2G 及其合并容器的极限方案",
};

/// The Redis flags the report writes (`--maxmemory-policy allkeys-lru`,
/// index 1 of the policy choices; `--save ""`, persistence off).
const ALLKEYS_LRU: i64 = 1;

/// An estimate from the report's 预期输出示例, with what the report says about the service.
fn example(p: Placement, mib: u64, t: Tr, en: &str, zh: &str) -> Placement {
    p.estimate(mib).note(&t.t(
        &format!("S0 report: {en}; {mib} MB is its 预期输出示例 (an example of the docker stats output it expects on 2C4G), an estimate, not a measurement"),
        &format!("S0 报告：{zh}；{mib}MB 是报告中的“预期输出示例”（它预计在 2C4G 上看到的 docker stats 输出），属估算值，不是实测值"),
    ))
}

fn redis(t: Tr, maxmemory_mib: i64, limit_mib: u64) -> Placement {
    Placement::new("redis", "redis")
        .knob("maxmemory_mib", maxmemory_mib)
        .knob("policy", ALLKEYS_LRU)
        .knob("persistence", 0)
        .limit(limit_mib)
        .note(&t.t(
            "S0 report: redis-server --maxmemory 256mb --maxmemory-policy allkeys-lru --save \"\" — shown once, for 2C4G, and kept on every size; this Redis is also Celery's broker",
            "S0 报告：redis-server --maxmemory 256mb --maxmemory-policy allkeys-lru --save \"\"——报告只在 2C4G 处给出，各规格沿用；这个 Redis 同时是 Celery 的 broker",
        ))
}

/// The five services with the lean (2C4G) limits and the report's example output.
fn lean_placements(t: Tr) -> Vec<Placement> {
    let redis = redis(t, 256, 256);
    let redis_note = redis.note.clone();
    vec![
        example(
            Placement::new("postgres", "postgres")
                .knob("connections", 10)
                .limit(512),
            180,
            t,
            "limit 512M (1G on 4C8G), a pool of 5–10 connections",
            "上限 512M（4C8G 上为 1G），连接池限制为 5–10 个连接",
        ),
        redis.estimate(50).note(&t.t(
            &format!("{redis_note}; 50 MB is its 预期输出示例, an estimate"),
            &format!("{redis_note}；50MB 是“预期输出示例”，属估算值"),
        )),
        example(
            Placement::new("web", "fastapi")
                .knob("workers", 1)
                .knob("app_mib", 350)
                .knob("db_pool", 10)
                .limit(1024)
                .depends_on(&["postgres", "redis"]),
            350,
            t,
            "uvicorn --workers 1 under a 1G limit (2 workers and 2G on 4C8G)",
            "uvicorn --workers 1，上限 1G（4C8G 上为 2 个 worker、2G）",
        ),
        // PLAYWRIGHT_MAX_BROWSERS=1, CRAWL_CONCURRENCY_DYNAMIC=1; the 800 MB
        // example is a child with the LLM and crawl libraries imported.
        example(
            Placement::new("worker", "celery-prefork")
                .knob("concurrency", 1)
                .knob("max_tasks_per_child", 20)
                .knob("child_mib", 740)
                .knob("browsers", 1)
                .knob("pages_per_browser", 1)
                .knob("db_pool", 10)
                .limit(1536)
                .shm(256)
                .depends_on(&["postgres", "redis"]),
            800,
            t,
            "celery worker --concurrency=1 --max-tasks-per-child=20, limit 1.5G, shm_size 256mb (the Playwright minimum); .env.2c4g.example trades time for memory: PLAYWRIGHT_MAX_BROWSERS=1 (the browsers knob), PLAYWRIGHT_TIMEOUT_MS=45000, CRAWL_CONCURRENCY_RSS=3, CRAWL_CONCURRENCY_DYNAMIC=1, LLM_MAX_CHUNKS_PER_ARTICLE=6, LLM_TIMEOUT_SEC=120, MAIL_RATE_LIMIT_PER_SEC=0.5",
            "celery worker --concurrency=1 --max-tasks-per-child=20，上限 1.5G，shm_size 256mb（Playwright 的最低要求）；.env.2c4g.example 用时间换内存：PLAYWRIGHT_MAX_BROWSERS=1（即浏览器数参数）、PLAYWRIGHT_TIMEOUT_MS=45000、CRAWL_CONCURRENCY_RSS=3、CRAWL_CONCURRENCY_DYNAMIC=1、LLM_MAX_CHUNKS_PER_ARTICLE=6、LLM_TIMEOUT_SEC=120、MAIL_RATE_LIMIT_PER_SEC=0.5",
        ),
        example(
            Placement::new("beat", "celery-beat")
                .limit(256)
                .depends_on(&["redis"]),
            80,
            t,
            "limit 256M on every size",
            "各规格上限都是 256M",
        ),
    ]
}

/// The report's "extreme" 2C2G variant: PostgreSQL 256 MB, Redis 128 MB and
/// one 1.5 GB container running uvicorn, a Celery worker and beat, with
/// Playwright off.
fn extreme_placements(t: Tr) -> Vec<Placement> {
    vec![
        example(
            Placement::new("postgres", "postgres")
                .knob("connections", 10)
                .limit(256),
            180,
            t,
            "the extreme 2C2G variant gives PostgreSQL 256MB (同上: the 2C4G settings)",
            "极限方案给 PostgreSQL 256MB（“同上”，即 2C4G 的配置）",
        ),
        redis(t, 128, 128).estimate(50).note(&t.t(
            "S0 report, extreme 2C2G variant: Redis \"同上，128MB\" — the 2C4G flags (allkeys-lru, --save \"\") with 128 MB, read here as maxmemory 128mb under a 128M limit; 50 MB is the 2C4G 预期输出示例, an estimate",
            "S0 报告极限方案：Redis “同上，128MB”——沿用 2C4G 的参数（allkeys-lru、--save \"\"），这里理解为 maxmemory 128mb、上限 128M；50MB 是 2C4G 的“预期输出示例”，属估算值",
        )),
        Placement::new("web", "custom")
            .knob("processes", 2)
            .knob("db_pool", 10)
            .limit(1536)
            .depends_on(&["postgres", "redis"])
            .estimate(350 + 800 + 80)
            .note(&t.t(
                "S0 report, extreme 2C2G variant: one container runs celery beat --detach, celery worker --detach --concurrency=1 and uvicorn under a 1.5G limit, with Playwright off (RSS crawling only). The report gives no figure for it: 1,230 MB is the sum of its 2C4G 预期输出示例 for web (350), worker (800) and beat (80), an estimate",
                "S0 报告极限方案：一个容器里同时运行 celery beat --detach、celery worker --detach --concurrency=1 和 uvicorn，上限 1.5G，关闭 Playwright（只做 RSS 采集）。报告没有给出它的占用：1,230MB 是 2C4G“预期输出示例”中 web（350）、worker（800）、beat（80）之和，属估算值",
            )),
    ]
}

pub fn plan(t: Tr) -> Plan {
    let price = |fen, en: &str, zh: &str| (fen, t.t(en, zh));
    let (lean_fen, lean_note) = price(
        15_000,
        "S0 report's price table: 2C4G ¥150–200/month; the low end",
        "S0 报告价格表：2核4G ¥150–200/月，取低值",
    );
    let (tiny_fen, tiny_note) = price(
        10_000,
        "S0 report's price table: 2C2G ¥100–150/month; the low end",
        "S0 报告价格表：2核2G ¥100–150/月，取低值",
    );
    let (std_fen, std_note) = price(
        30_000,
        "S0 report's price table: 4C8G ¥300–400/month; the low end",
        "S0 报告价格表：4核8G ¥300–400/月，取低值",
    );

    let mut lean_server = Server::new("a", &t.t("2C4G lean", "2C4G 精简"), "aliyun-ecs-c7-large")
        .spec(2, 4096)
        .price(lean_fen, &lean_note);
    lean_server.placements = lean_placements(t);

    let two_gib = |label: &str| {
        Server::new("a", label, "aliyun-ecs-e-c1m1-large")
            .spec(2, 2048)
            .price(tiny_fen, &tiny_note)
    };
    let mut tiny = two_gib(&t.t("2C2G", "2C2G"));
    tiny.placements = lean_placements(t);
    let mut extreme = two_gib(&t.t("2C2G extreme", "2C2G 极限"));
    extreme.placements = extreme_placements(t);

    let standard = Server::new(
        "a",
        &t.t("4C8G standard", "4C8G 标准"),
        "aliyun-ecs-c7-xlarge",
    )
    .spec(4, 8192)
    .price(std_fen, &std_note)
    .with(
        Placement::new("postgres", "postgres")
            .knob("shared_buffers_mib", 256)
            .knob("connections", 10)
            .limit(1024),
    )
    .with(redis(t, 256, 512))
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
            .depends_on(&["postgres", "redis"])
            .note(&t.t(
                "S0 report, 4C8G: concurrency 2, limit 3G, shm_size 512mb, PLAYWRIGHT_MAX_BROWSERS=3",
                "S0 报告 4C8G：并发 2，上限 3G，shm_size 512mb，PLAYWRIGHT_MAX_BROWSERS=3",
            )),
    )
    .with(
        example(
            Placement::new("beat", "celery-beat")
                .limit(256)
                .depends_on(&["redis"]),
            80,
            t,
            "limit 256M on every size",
            "各规格上限都是 256M",
        ),
    );

    Plan {
        quotes: Vec::new(),
        name: t.t("FinRep daily reports (S0)", "FinRep 日报系统（S0）"),
        description: t.t(
            "采集 + 日报 (crawling and daily reports): can the lean limits run on 2C4G, what does 4C8G buy, and can 2C2G run at all? The docker stats figures on 2C4G (180 / 50 / 350 / 800 / 80 MB) are the report's 预期输出示例 — the output it expects to see — entered as estimates, not measurements. Where the report's arithmetic is wrong: it says 2C4G costs ¥30/month more than 2C2G, but its own price table gives ¥150–200 against ¥100–150, ¥50 more at either end.",
            "采集 + 日报：精简限额能否在 2C4G 上运行？4C8G 能多换来什么？2C2G 到底能不能跑？2C4G 上的 docker stats 数字（180 / 50 / 350 / 800 / 80 MB）是报告中的“预期输出示例”，即它预计会看到的输出，这里按估算值录入，不是实测值。报告算错的地方：它说 2C4G 比 2C2G “多¥30/月”，但它自己的价格表是 ¥150–200 对 ¥100–150，两端都多 ¥50。",
        ),
        settings: Settings::default(),
        options: vec![
            PlanOption::new("lean-2c4g", &t.t("2C4G, lean limits", "2C4G，精简限额"))
                .with(lean_server),
            PlanOption::new("standard-4c8g", &t.t("4C8G, standard limits", "4C8G，标准限额"))
                .with(standard),
            PlanOption::new("tiny-2c2g", &t.t("2C2G, lean limits", "2C2G，精简限额"))
                .with(tiny)
                .note(&t.t(
                    "S0 report: the full system needs ~3 GB (about 500 MB for the system and Docker, ~2.5 GB of containers) against 2 GB — it cannot run.",
                    "S0 报告：完整系统约需 3GB（系统与 Docker 约 500MB，容器约 2.5GB），而只有 2GB，无法运行。",
                )),
            PlanOption::new(
                "extreme-2c2g",
                &t.t(
                    "2C2G, extreme: web + worker + beat merged (not recommended)",
                    "2C2G 极限方案：web + worker + beat 合并（不推荐）",
                ),
            )
            .with(extreme)
            .note(&t.t(
                "S0 report's 极限方案: no Playwright, one task at a time, crawling 30 minutes or more. Its limits add up to 1.88 GB (256 MB + 128 MB + 1.5 GB); with the ~500 MB it keeps for the system and Docker that is 2.38 GB, more than the 2 GB there is. The report advises buying 2C4G instead \"for ¥30/month more\" — its own price table says ¥50.",
                "S0 报告的“极限方案”：不能用 Playwright，任务只能串行，采集要 30 分钟以上。限额合计 1.88GB（256MB + 128MB + 1.5GB），加上报告给系统与 Docker 留的约 500MB 共 2.38GB，超过了 2GB。报告建议不如直接买 2C4G（“多¥30/月”）——按它自己的价格表其实是多 ¥50。",
            )),
        ],
    }
}
