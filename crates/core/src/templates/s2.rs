//! S2 — an Alibaba ECS 2 vCPU / 2 GiB (1.8 GiB usable) with six measured
//! containers: can it take five more services, at min or standard size, only
//! the shared service, or the report's first batch; and what does 2C4G
//! change, at those sizes and with the report's own allocation?

use super::{TemplateInfo, Tr};
use crate::model::units::format_cpus;
use crate::model::{Placement, Plan, PlanOption, Server, Settings};

pub const INFO: TemplateInfo = TemplateInfo {
    id: "s2-ecs-2c2g",
    name_en: "Five more services on an ECS 2C2G",
    name_zh: "ECS 2C2G 再加五个服务",
    summary_en: "Six measured containers on 1.8 GiB usable, plus five new services at min or standard size, vs 2C4G",
    summary_zh: "1.8 GiB 可用内存上已有 6 个容器，再加 5 个服务（最小 / 标准），对比升级 2C4G",
};

/// `docker stats` on the 2C2G: (id, service, MiB rounded, CPU in millicores
/// from its CPU % of one core), and the report's figures as it writes them.
const EXISTING: &[(&str, &str, u64, u64, &str, &str)] = &[
    ("mysql", "mysql", 376, 2, "376.1MB", "0.20%"),
    ("neo4j", "neo4j", 372, 22, "371.7MB", "2.22%"),
    ("elasticsearch", "elasticsearch", 311, 6, "310.7MB", "0.62%"),
    ("weaviate", "weaviate", 49, 2, "48.69MB", "0.21%"),
    ("postgres", "postgres", 16, 1, "16.4MB", "0.07%"),
    ("redis", "redis", 7, 2, "7.057MB", "0.15%"),
];

/// The six running containers, measured (sum 1131 MiB, 35 millicores).
fn existing(t: Tr) -> Vec<Placement> {
    EXISTING
        .iter()
        .map(|(id, service, mib, cpu, mem_said, cpu_said)| {
            let mut p = Placement::new(id, service).measured(*mib).note(&t.t(
                &format!("S2 report, docker stats: {mem_said}, CPU {cpu_said} — a measurement"),
                &format!("S2 报告的 docker stats：内存 {mem_said}、CPU {cpu_said}，为实测值"),
            ));
            p.measured_cpu_millicores = Some(*cpu);
            p
        })
        .collect()
}

/// The five new services: id, what the report calls it (en, zh), port, and
/// memory in MB and CPU in millicores at each size of [`SIZES`].
type NewService = (
    &'static str,
    (&'static str, &'static str),
    &'static str,
    [u64; 4],
    [i64; 4],
);

const NEW: &[NewService] = &[
    (
        "ai-recommend",
        (
            "AI service 1 (Python Sanic; recommendation and analysis)",
            "AI 服务 1（Python Sanic；智能推荐、数据分析）",
        ),
        "8100",
        [400, 600, 1024, 500],
        [300, 500, 1000, 500],
    ),
    (
        "ai-nlp",
        (
            "AI service 2 (Python Sanic; NLP and Q&A)",
            "AI 服务 2（Python Sanic；NLP、智能问答）",
        ),
        "8110",
        [400, 600, 1536, 500],
        [300, 500, 1000, 500],
    ),
    (
        "shared",
        (
            "the shared service (Python Sanic; auth, data sync)",
            "共享服务（Python Sanic；用户认证、数据同步）",
        ),
        "8120",
        [150, 250, 300, 200],
        [200, 300, 500, 200],
    ),
    (
        "looma-crm",
        ("LoomaCRM (Go or Python)", "LoomaCRM（Go 或 Python）"),
        "",
        [150, 250, 400, 200],
        [200, 400, 500, 300],
    ),
    (
        "zervigo",
        ("Zervigo, permissions (Go)", "Zervigo 权限管理（Go）"),
        "",
        [120, 200, 250, 150],
        [200, 300, 400, 200],
    ),
];

/// The sizes the report gives each service: 最小 / 标准 / 理想配置 in its
/// detailed tables, and the low end of the 推荐配置 ranges its analysis and
/// plans use.
const SIZES: [(&str, &str); 4] = [
    ("最小配置 (min size)", "最小配置"),
    ("标准配置 (standard size)", "标准配置"),
    ("理想配置 (ideal size)", "理想配置"),
    ("推荐配置 (recommended size), low end", "推荐配置的低值"),
];
const MIN: usize = 0;
const STANDARD: usize = 1;
const RECOMMENDED_LOW: usize = 3;

/// A new service at `mib` (the team's estimate) and `cpu`.
fn new_service(t: Tr, id: &str, mib: u64, cpu: i64, size: (&str, &str)) -> Placement {
    let (_, name, port, _, _) = NEW.iter().find(|n| n.0 == id).expect("a new service");
    let port_en = if port.is_empty() {
        "port to be confirmed".to_string()
    } else {
        format!("port {port}")
    };
    let port_zh = if port.is_empty() {
        "端口待确认".to_string()
    } else {
        format!("端口 {port}")
    };
    let cores = format_cpus(cpu as u64);
    let base = t.t(
        &format!("S2 report: {}, {}, {port_en}", name.0, size.0),
        &format!("S2 报告：{}，{}，{port_zh}", name.1, size.1),
    );
    Placement::new(id, "custom")
        .knob("cpu_millicores", cpu)
        .estimate(mib)
        .note(&t.t(
            &format!("{base}: {mib} MB and {cores} core — the team's estimate"),
            &format!("{base}：{mib}MB、{cores} 核，为团队的估算值"),
        ))
}

fn new_services(t: Tr, size: usize) -> Vec<Placement> {
    NEW.iter()
        .map(|(id, _, _, mem, cpu)| new_service(t, id, mem[size], cpu[size], SIZES[size]))
        .collect()
}

/// One new service at the low end of its 推荐配置, as the report's "only the
/// core services" and "batches" plans deploy it (shared 200 MB, Zervigo 150 MB).
fn recommended_low(t: Tr, id: &str) -> Placement {
    let (_, _, _, mem, cpu) = NEW.iter().find(|n| n.0 == id).expect("a new service");
    new_service(
        t,
        id,
        mem[RECOMMENDED_LOW],
        cpu[RECOMMENDED_LOW],
        SIZES[RECOMMENDED_LOW],
    )
}

const LABEL_2C2G: (&str, &str) = ("2C2G (1.8 GiB usable)", "2C2G（可用 1.8 GiB）");

fn box_2c2g(t: Tr) -> Server {
    Server::new("a", &t.p(LABEL_2C2G), "aliyun-ecs-e-c1m1-large")
        .spec(2, 2048)
        .usable(1843)
        .price(
            8_000,
            &t.t(
                "S2 report: the current 2C2G ~¥80–100/month; the low end",
                "S2 报告：当前 2核2GB 约 ¥80–100/月，取低值",
            ),
        )
}

/// The upgrade in place: the report names no instance type, so the 2C4G of
/// the same family is assumed.
fn box_2c4g(t: Tr) -> Server {
    Server::new("a", "2C4G", "aliyun-ecs-e-c1m2-large")
        .spec(2, 4096)
        .price(
            12_000,
            &t.t(
                "S2 report: 2C4G ~¥120–150/month (+¥40–50); the low end",
                "S2 报告：升级后 2核4GB 约 ¥120–150/月（+¥40–50），取低值",
            ),
        )
}

fn option(id: &str, name: String, mut server: Server, t: Tr, extra: Vec<Placement>) -> PlanOption {
    server.placements = existing(t);
    server.placements.extend(extra);
    PlanOption::new(id, &name).with(server)
}

/// The report's 2C4G allocation, as limits: databases 1.5 GB, apps 2 GB
/// (the system's 500 MB is the server's reserve).
const ALLOCATION: &[(&str, u64)] = &[
    ("mysql", 400),
    ("neo4j", 350),
    ("elasticsearch", 300),
    ("postgres", 200),
    ("weaviate", 150),
    ("redis", 100),
    ("ai-recommend", 600),
    ("ai-nlp", 600),
    ("shared", 300),
    ("looma-crm", 300),
    ("zervigo", 200),
];

fn allocated(t: Tr) -> PlanOption {
    let mut o = option(
        "upgrade-2c4g-allocated",
        t.t(
            "2C4G with the report's allocation as limits",
            "2C4G，按报告的内存分配设上限",
        ),
        box_2c4g(t),
        t,
        new_services(t, STANDARD),
    );
    for p in &mut o.servers[0].placements {
        if let Some((_, mib)) = ALLOCATION.iter().find(|(id, _)| *id == p.id) {
            p.limit_mib = Some(*mib);
        }
    }
    o.note(&t.t(
        "S2 report's allocation for 2C4G, as limits: databases 1.5 GB (MySQL 400, Neo4j 350, Elasticsearch 300, PostgreSQL 200, Weaviate 150, Redis 100 MB), apps 2 GB (600, 600, 300, 300, 200 MB), system 500 MB. That is 4,000 MB, more than a 4 GiB server leaves once the OS and Docker are counted; and the Neo4j and Elasticsearch limits are below what they measure today (372 and 311 MB).",
        "S2 报告给 2C4G 的内存分配，作为上限：数据库层 1.5GB（MySQL 400、Neo4j 350、Elasticsearch 300、PostgreSQL 200、Weaviate 150、Redis 100MB），应用层 2GB（600、600、300、300、200MB），系统 500MB。合计 4,000MB，超过 4GiB 服务器扣除系统和 Docker 后剩下的内存；而且 Neo4j 和 Elasticsearch 的上限低于它们现在的实测占用（372MB 和 311MB）。",
    ))
}

pub fn plan(t: Tr) -> Plan {
    Plan {
        quotes: Vec::new(),
        name: t.t(
            "ECS 2C2G: five more services? (S2)",
            "ECS 2C2G：还能再加五个服务吗？（S2）",
        ),
        description: t.t(
            "1.8 GiB usable, 1,131 MiB of containers measured with docker stats (3.47% of one CPU in total), no swap; the five new services' sizes are the team's estimates. Where the report's arithmetic is wrong: it says 831 MB is available in one place (total memory less the containers, forgetting the ~469 MB the system uses) and 264 MB in another (the measurement: free plus reclaimable cache) — 264 MB is right. Its 最小配置 adds up to 1,220 MB in its size tables, but its detailed analysis gives 1,550 MB under that name: the low ends of its 推荐配置.",
            "可用 1.8 GiB，docker stats 实测容器占用 1,131 MiB（CPU 合计只占一个核的 3.47%），没有 swap；五个新服务的大小是团队的估算值。报告算错的地方：它一处说可用内存约 831MB（总内存减去容器，漏算了系统占用的约 469MB），另一处说 264MB（实测的空闲内存加可回收缓存），264MB 才对。它的“最小配置”在各服务的配置表里合计 1,220MB，“详细资源分析”里却写成 1,550MB，那其实是“推荐配置”低值之和。",
        ),
        settings: Settings::default(),
        options: vec![
            option("now", t.t("2C2G today", "2C2G 现状"), box_2c2g(t), t, vec![]).for_reference(),
            option(
                "plus-min",
                t.t("2C2G + five at min size", "2C2G + 五个服务（最小配置）"),
                box_2c2g(t),
                t,
                new_services(t, MIN),
            )
            .note(&t.t(
                "S2 report, 场景一: 1,130 + 1,220 = 2,350 MB against 1,800 MB. Elsewhere it calls a 1,550 MB set 最小配置 (shared 200, AI 500 + 500, LoomaCRM 200, Zervigo 150: the low ends of its 推荐配置); the minimum sizes it lists add up to 1,220 MB, used here.",
                "S2 报告场景一：1,130 + 1,220 = 2,350MB，对比 1,800MB。报告另一处把 1,550MB 的一组（共享服务 200、AI 500 + 500、LoomaCRM 200、Zervigo 150，即“推荐配置”的低值）叫作“最小配置”；它列出的最小配置合计是 1,220MB，这里用的是后者。",
            )),
            option(
                "plus-standard",
                t.t("2C2G + five at standard size", "2C2G + 五个服务（标准配置）"),
                box_2c2g(t),
                t,
                new_services(t, STANDARD),
            ),
            option(
                "plus-recommended",
                t.t(
                    "2C2G + five at recommended size (low end)",
                    "2C2G + 五个服务（推荐配置低值）",
                ),
                box_2c2g(t),
                t,
                new_services(t, RECOMMENDED_LOW),
            )
            .note(&t.t(
                "S2 report's headline comparison (承载能力评估) uses its 推荐配置: 1,550–2,450 MB for the five (the low end here: AI 500 + 500, shared 200, LoomaCRM 200, Zervigo 150 MB) against the 831 MB it wrongly takes to be available. Its 方案三 (forcing everything on) calls the same 1,550 MB 最小配置.",
                "S2 报告的结论（承载能力评估）用的是“推荐配置”：五个服务共 1,550–2,450MB（这里取低值：AI 500 + 500、共享服务 200、LoomaCRM 200、Zervigo 150MB），对比它误以为可用的 831MB。它的方案三（强行部署全部服务）把同样的 1,550MB 叫作“最小配置”。",
            )),
            option(
                "plus-shared",
                t.t("2C2G + only the shared service", "2C2G + 仅共享服务"),
                box_2c2g(t),
                t,
                vec![recommended_low(t, "shared")],
            )
            .note(&t.t(
                "S2 report, 方案二: only the shared service (200 MB); both AI services call a hosted model API (DeepSeek), LoomaCRM and Zervigo wait. The report answers twice: 1,130 + 200 = 1,330 MB with 470 MB left (场景三, forgetting the system), and 1,600 + 200 = 1,800 MB with nothing left (方案二, counting it).",
                "S2 报告方案二：只部署共享服务（200MB），两个 AI 服务改调外部模型 API（DeepSeek），LoomaCRM 和 Zervigo 延后。报告给了两个答案：1,130 + 200 = 1,330MB、剩 470MB（场景三，漏算了系统），以及 1,600 + 200 = 1,800MB、一点不剩（方案二，算上了系统）。",
            )),
            option(
                "first-batch",
                t.t(
                    "2C2G + first batch: shared service and Zervigo",
                    "2C2G + 第一批：共享服务与 Zervigo",
                ),
                box_2c2g(t),
                t,
                vec![
                    recommended_low(t, "shared"),
                    recommended_low(t, "zervigo"),
                ],
            )
            .note(&t.t(
                "S2 report, 方案三 (batches, not recommended): first the shared service (200 MB) and Zervigo (150 MB), 350 MB; then LoomaCRM and AI service 1 if memory allows.",
                "S2 报告方案三（分批部署，不推荐）：第一批部署共享服务（200MB）和 Zervigo（150MB），共 350MB；第二批视资源情况再加 LoomaCRM 和 AI 服务 1。",
            )),
            option(
                "upgrade-2c4g",
                t.t("2C4G + five at standard size", "2C4G + 五个服务（标准配置）"),
                box_2c4g(t),
                t,
                new_services(t, STANDARD),
            ),
            option(
                "upgrade-2c4g-min",
                t.t("2C4G + five at min size", "2C4G + 五个服务（最小配置）"),
                box_2c4g(t),
                t,
                new_services(t, MIN),
            ),
            allocated(t),
        ],
    }
}
