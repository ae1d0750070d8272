//! S4 — "VOC" two-server cluster on Alibaba Cloud: master A (8C16G,
//! 192.168.36.36) with the databases, API, frontend, Flower and three
//! workers; worker node B (4C8G, 192.168.36.37) with four gevent workers
//! reaching A's PostgreSQL and Redis over the private network.

use super::{TemplateInfo, Tr};
use crate::model::{Placement, Plan, PlanOption, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s4-voc",
    name_en: "VOC two-server cluster",
    name_zh: "VOC 双服务器集群",
    summary_en: "Master 8C16G + worker 4C8G: the worker node without OS and Docker counted, and the connection budget across both",
    summary_zh: "主节点 8C16G + 工作节点 4C8G：算上系统与 Docker 后的工作节点，以及两台服务器的连接预算",
};

/// The servers' private addresses, from the report's server tables and `.env.worker`.
const A_ADDRESS: &str = "192.168.36.36";
const B_ADDRESS: &str = "192.168.36.37";

/// The team's estimate (资源估算) for a placement, with what the report says of it.
fn est(p: Placement, mib: u64, t: Tr, en: &str, zh: &str) -> Placement {
    p.estimate(mib).note(&t.t(
        &format!("S4 report: {en}; the memory is the team's estimate, not a measurement"),
        &format!("S4 报告：{zh}；内存是团队的估算值（资源估算），不是实测值"),
    ))
}

/// A gevent worker as the report's worker details give it.
struct Gevent<'a> {
    id: &'a str,
    concurrency: i64,
    /// The team's estimate in MiB, and as the report writes it.
    mib: u64,
    said: &'a str,
    queues: &'a str,
    /// Environment the report sets on it (the inner gevent pool).
    env: &'a str,
    /// What the architecture diagram says instead, where it differs.
    diagram: (&'a str, &'a str),
}

fn gevent(t: Tr, w: Gevent) -> Placement {
    let (d_en, d_zh) = if w.diagram.0.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(" (its diagram says {})", w.diagram.0),
            format!("（架构图里写的是 {}）", w.diagram.1),
        )
    };
    let env = if w.env.is_empty() {
        String::new()
    } else {
        format!(", {}", w.env)
    };
    let env_zh = if w.env.is_empty() {
        String::new()
    } else {
        format!("，{}", w.env)
    };
    // The queues and the report's environment lines are the placement's own
    // fields (the export writes -Q and the .env lines), not only its note.
    let queues: Vec<&str> = w.queues.split(',').collect();
    let mut p = Placement::new(w.id, "celery-gevent")
        .knob("concurrency", w.concurrency)
        .knob("db_pool", 60)
        .depends_on(&["postgres", "redis"])
        .queues(&queues);
    for line in w.env.split(", ").filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once('=').expect("NAME=value");
        p = p.env(name, value);
    }
    est(
        p,
        w.mib,
        t,
        &format!(
            "{}, gevent, concurrency {}{env}{d_en}, -Q {}, ~{}, SQLAlchemy pool 20 + overflow 40",
            w.id, w.concurrency, w.queues, w.said
        ),
        &format!(
            "{}，gevent，并发 {}{env_zh}{d_zh}，-Q {}，约 {}，SQLAlchemy 连接池 20 + 溢出 40",
            w.id, w.concurrency, w.queues, w.said
        ),
    )
}

fn master(t: Tr) -> Server {
    Server::new(
        "a",
        &t.t("A — master 8C16G", "A — 主节点 8C16G"),
        "aliyun-ecs-c7-2xlarge",
    )
    .spec(8, 16384)
    .private_address(A_ADDRESS)
    .with(est(
        Placement::new("postgres", "postgres"),
        2048,
        t,
        "PostgreSQL 15 ~2GB, port 5432, reached from B at 192.168.36.36",
        "PostgreSQL 15 约 2GB，端口 5432，B 通过 192.168.36.36 访问",
    ))
    .with(est(
        Placement::new("redis", "redis"),
        1024,
        t,
        "Redis 7 ~1GB, the message queue and cache, port 6379, reached from B at 192.168.36.36",
        "Redis 7 约 1GB，用作消息队列和缓存，端口 6379，B 通过 192.168.36.36 访问",
    ))
    .with(est(
        Placement::new("api", "fastapi")
            .knob("db_pool", 60)
            .depends_on(&["postgres", "redis"])
            .public(),
        500,
        t,
        "FastAPI backend ~500MB, public on port 8000, SQLAlchemy pool 20 + overflow 40",
        "FastAPI 后端约 500MB，对外端口 8000，SQLAlchemy 连接池 20 + 溢出 40",
    ))
    .with(est(
        Placement::new("frontend", "static-frontend").public(),
        200,
        t,
        "React frontend + Nginx ~200MB (one figure for both), public on ports 80 and 3000",
        "React 前端 + Nginx 约 200MB（两者合计一个数字），对外端口 80 和 3000",
    ))
    .with(
        Placement::new("flower", "flower")
            .depends_on(&["redis"])
            .public()
            .note(&t.t(
                "S4 report: Flower task monitor, public on port 5555; no figure given",
                "S4 报告：Flower 任务监控，对外端口 5555；报告没有给出占用",
            )),
    )
    .with(est(
        Placement::new("worker-base", "celery-prefork")
            .knob("concurrency", 4)
            .knob("db_pool", 60)
            .depends_on(&["postgres", "redis"])
            .queues(&["ingestion", "reports", "celery"]),
        800,
        t,
        "worker-base, prefork, concurrency 4, -Q ingestion,reports,celery, ~800MB, SQLAlchemy pool 20 + overflow 40",
        "worker-base，prefork，并发 4，-Q ingestion,reports,celery，约 800MB，SQLAlchemy 连接池 20 + 溢出 40",
    ))
    .with(gevent(
        t,
        Gevent {
            id: "worker-vip",
            concurrency: 50,
            mib: 1229,
            said: "1.2GB",
            queues: "learning",
            env: "",
            diagram: ("", ""),
        },
    ))
    .with(gevent(
        t,
        Gevent {
            id: "worker-trans",
            concurrency: 100,
            mib: 1536,
            said: "1.5GB",
            queues: "translation",
            env: "",
            diagram: ("", ""),
        },
    ))
}

fn trans2(t: Tr) -> Placement {
    gevent(
        t,
        Gevent {
            id: "worker-trans-2",
            concurrency: 100,
            mib: 1536,
            said: "1.5GB",
            queues: "translation",
            env: "",
            diagram: ("40", "40"),
        },
    )
}

fn worker_node(t: Tr, with_trans2: bool) -> Server {
    let mut s = Server::new(
        "b",
        &t.t("B — worker 4C8G", "B — 工作节点 4C8G"),
        "aliyun-ecs-c7-xlarge",
    )
    .spec(4, 8192)
    .private_address(B_ADDRESS)
    .with(gevent(
        t,
        Gevent {
            id: "worker-insight",
            concurrency: 20,
            mib: 2048,
            said: "2GB",
            queues: "insight_extraction",
            env: "INSIGHT_PARALLEL_SIZE=40",
            diagram: ("10 and PARALLEL=60", "10、PARALLEL=60"),
        },
    ))
    .with(gevent(
        t,
        Gevent {
            id: "worker-theme",
            concurrency: 15,
            mib: 2560,
            said: "2.5GB",
            queues: "theme_extraction",
            env: "THEME_PARALLEL_SIZE=50",
            diagram: ("10 and PARALLEL=80", "10、PARALLEL=80"),
        },
    ));
    if with_trans2 {
        s = s.with(trans2(t));
    }
    s.with(gevent(
        t,
        Gevent {
            id: "worker-backup",
            concurrency: 30,
            mib: 1843,
            said: "1.8GB",
            queues: "learning,insight_extraction,theme_extraction",
            env: "INSIGHT_PARALLEL_SIZE=40, THEME_PARALLEL_SIZE=50",
            diagram: ("20", "20"),
        },
    ))
}

pub fn plan(t: Tr) -> Plan {
    let mut moved_a = master(t);
    moved_a.placements.push(trans2(t));
    Plan {
        quotes: Vec::new(),
        name: t.t("VOC two-server cluster (S4)", "VOC 双服务器集群（S4）"),
        description: t.t(
            "Six queues (ingestion, learning, translation, insight_extraction, theme_extraction, reports), each consumed by a worker's -Q; worker_prefetch_multiplier=1; SQLAlchemy pool 20 + overflow 40 in every process; the LLM API allows 15,000 requests/min and the workers hold themselves to 200/s together. Every memory figure is the team's estimate, not a measurement. Where the report disagrees with itself: its architecture diagram gives concurrency 10 for insight, 10 for theme, 40 for trans-2 and 20 for backup, with inner parallelism 60 and 80; its worker details give 20, 15, 100 and 30, with 40 and 50 — the details are used. Its totals count nothing for the OS or Docker.",
            "六个队列（ingestion、learning、translation、insight_extraction、theme_extraction、reports），每个都由某个 worker 的 -Q 消费；worker_prefetch_multiplier=1；每个进程的 SQLAlchemy 连接池 20 + 溢出 40；大模型 API 限额每分钟 15,000 次，所有 worker 合计自限每秒 200 次。所有内存数字都是团队的估算值，不是实测值。报告前后不一致的地方：架构图里 insight、theme、trans-2、backup 的并发是 10、10、40、20，内部并行度是 60 和 80；Worker 详细配置里是 20、15、100、30，并行度 40 和 50——这里用详细配置。报告的合计没有为系统和 Docker 留任何内存。",
        ),
        settings: Settings::default(),
        options: vec![
            PlanOption::new(
                "as-planned",
                &t.t("As planned: A 8C16G + B 4C8G", "原计划：A 8C16G + B 4C8G"),
            )
            .with(master(t))
            .with(worker_node(t, true))
            .note(&t.t(
                "S4 report's totals: A ~7.2 GB (\"8.8 GB left\"), B ~7.8 GB (\"200 MB left\"), with nothing counted for the OS or Docker.",
                "S4 报告的合计：A 约 7.2GB（“剩余 8.8GB”），B 约 7.8GB（“剩余 200MB”），都没有算系统和 Docker。",
            )),
            PlanOption::new(
                "trans2-on-a",
                &t.t("worker-trans-2 moved to A", "worker-trans-2 移到 A"),
            )
            .with(moved_a)
            .with(worker_node(t, false))
            .note(&t.t(
                "Not in the report: the same cluster with worker-trans-2 on A, which has room for it.",
                "报告中没有这个方案：同样的集群，把 worker-trans-2 放到还有余量的 A 上。",
            )),
        ],
    }
}
