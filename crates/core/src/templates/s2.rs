//! S2 — an Alibaba ECS 2 vCPU / 2 GiB (1.8 GiB usable) with six measured
//! containers: can it take five more services, at min or standard size, and
//! what does 2C4G change?

use super::{from_report, TemplateInfo};
use crate::model::{Placement, Plan, PlanOption, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s2-ecs-2c2g",
    name_en: "Five more services on an ECS 2C2G",
    name_zh: "ECS 2C2G 再加五个服务",
    summary_en: "Six measured containers on 1.8 GiB usable, plus five new services at min or standard size, vs 2C4G",
    summary_zh: "1.8 GiB 可用内存上已有 6 个容器，再加 5 个服务（最小 / 标准），对比升级 2C4G",
};

const S: &str = "S2 ECS 2C2G";

/// `docker stats` on the 2C2G, rounded to MiB (sum 1131 MiB).
fn existing() -> Vec<Placement> {
    let m = |id: &str, service: &str, mib| {
        Placement::new(id, service)
            .measured(mib)
            .note(&from_report(S, "docker stats"))
    };
    vec![
        m("mysql", "mysql", 376),
        m("neo4j", "neo4j", 372),
        m("elasticsearch", "elasticsearch", 311),
        m("weaviate", "weaviate", 49),
        m("postgres", "postgres", 16),
        m("redis", "redis", 7),
    ]
}

/// The five new services at one size: (id, service, [min, standard, ideal] MiB, [.. ] millicores).
const NEW: &[(&str, [i64; 3], [i64; 3])] = &[
    ("ai-recommend", [400, 600, 1024], [300, 500, 1000]),
    ("ai-nlp", [400, 600, 1536], [300, 500, 1000]),
    ("shared", [150, 250, 300], [200, 300, 500]),
    ("crm", [150, 250, 400], [200, 400, 500]),
    ("permission", [120, 200, 250], [200, 300, 400]),
];

fn new_services(size: usize) -> Vec<Placement> {
    NEW.iter()
        .map(|(id, mem, cpu)| {
            Placement::new(id, "custom")
                .knob("expected_mib", mem[size])
                .knob("cpu_millicores", cpu[size])
                .note(&from_report(
                    S,
                    ["min size", "standard size", "ideal size"][size],
                ))
        })
        .collect()
}

fn box_2c2g(label: &str) -> Server {
    Server::new("a", label, "aliyun-ecs-e-c1m1-large")
        .spec(2, 2048)
        .usable(1843)
        .price(8_000, &from_report(S, "2C2G ¥80–100/month, low end"))
}

fn box_2c4g(label: &str) -> Server {
    Server::new("a", label, "aliyun-ecs-c7-large")
        .spec(2, 4096)
        .price(12_000, &from_report(S, "2C4G ¥120–150/month, low end"))
}

fn option(id: &str, name: &str, mut server: Server, extra: Vec<Placement>) -> PlanOption {
    server.placements = existing();
    server.placements.extend(extra);
    PlanOption::new(id, name).with(server)
}

pub fn plan() -> Plan {
    let shared_only = Placement::new("shared", "custom")
        .knob("expected_mib", 200)
        .knob("cpu_millicores", 300)
        .note(&from_report(S, "the shared service at 200 MB"));
    Plan {
        name: "ECS 2C2G: five more services? (S2)".into(),
        description: "1.8 GiB usable, 1131 MiB of containers measured, no swap.".into(),
        settings: Settings::default(),
        options: vec![
            option(
                "now",
                "2C2G today",
                box_2c2g("2C2G (1.8 GiB usable)"),
                vec![],
            ),
            option(
                "plus-min",
                "2C2G + five at min size",
                box_2c2g("2C2G (1.8 GiB usable)"),
                new_services(0),
            ),
            option(
                "plus-standard",
                "2C2G + five at standard size",
                box_2c2g("2C2G (1.8 GiB usable)"),
                new_services(1),
            ),
            option(
                "plus-shared",
                "2C2G + only the shared service",
                box_2c2g("2C2G (1.8 GiB usable)"),
                vec![shared_only],
            ),
            option(
                "upgrade-2c4g",
                "2C4G + five at standard size",
                box_2c4g("2C4G"),
                new_services(1),
            ),
            option(
                "upgrade-2c4g-min",
                "2C4G + five at min size",
                box_2c4g("2C4G"),
                new_services(0),
            ),
        ],
    }
}
