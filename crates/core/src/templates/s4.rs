//! S4 — "VOC" two-server cluster on Alibaba Cloud: master A (8C16G) with the
//! databases, API and three workers; worker node B (4C8G) with four gevent
//! workers reaching A's PostgreSQL and Redis over the private network.

use super::{from_report, TemplateInfo};
use crate::model::{Placement, Plan, PlanOption, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s4-voc",
    name_en: "VOC two-server cluster",
    name_zh: "VOC 双服务器集群",
    summary_en: "Master 8C16G + worker 4C8G: the worker node without OS and Docker counted, and the connection budget across both",
    summary_zh: "主节点 8C16G + 工作节点 4C8G：算上系统与 Docker 后的工作节点，以及两台服务器的连接预算",
};

const S: &str = "S4 VOC";

fn est(p: Placement, mib: u64) -> Placement {
    p.measured(mib).note(&from_report(S, "the team's estimate"))
}

fn gevent(id: &str, concurrency: i64, mib: u64) -> Placement {
    est(
        Placement::new(id, "celery-gevent")
            .knob("concurrency", concurrency)
            .knob("db_pool", 60)
            .depends_on(&["postgres", "redis"]),
        mib,
    )
}

fn master() -> Server {
    Server::new("a", "A — master 8C16G", "aliyun-ecs-c7-2xlarge")
        .spec(8, 16384)
        .with(est(Placement::new("postgres", "postgres"), 2048))
        .with(est(Placement::new("redis", "redis"), 1024))
        .with(est(
            Placement::new("api", "fastapi")
                .knob("db_pool", 60)
                .depends_on(&["postgres", "redis"]),
            500,
        ))
        .with(est(Placement::new("frontend", "static-frontend"), 200))
        .with(Placement::new("flower", "flower").depends_on(&["redis"]))
        .with(est(
            Placement::new("worker-base", "celery-prefork")
                .knob("concurrency", 4)
                .knob("db_pool", 60)
                .depends_on(&["postgres", "redis"]),
            800,
        ))
        .with(gevent("worker-vip", 50, 1229))
        .with(gevent("worker-trans", 100, 1536))
}

fn worker_node(with_trans2: bool) -> Server {
    let mut s = Server::new("b", "B — worker 4C8G", "aliyun-ecs-c7-xlarge")
        .spec(4, 8192)
        .with(gevent("worker-insight", 20, 2048))
        .with(gevent("worker-theme", 15, 2560));
    if with_trans2 {
        s = s.with(gevent("worker-trans-2", 100, 1536));
    }
    s.with(gevent("worker-backup", 30, 1843))
}

pub fn plan() -> Plan {
    let mut moved_a = master();
    moved_a.placements.push(gevent("worker-trans-2", 100, 1536));
    Plan {
        name: "VOC two-server cluster (S4)".into(),
        description: "Six queues; worker_prefetch_multiplier=1; SQLAlchemy pool 20 + 40 overflow per process.".into(),
        settings: Settings::default(),
        options: vec![
            PlanOption::new("as-planned", "As planned: A 8C16G + B 4C8G").with(master()).with(worker_node(true)),
            PlanOption::new("trans2-on-a", "worker-trans-2 moved to A").with(moved_a).with(worker_node(false)),
        ],
    }
}
