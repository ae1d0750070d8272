//! Chinese names for the templates' plans, options and servers, so that a
//! plan opened in Chinese reads as Chinese. Sizes written in labels ("8C32G")
//! are kept: they are claims the evaluation checks against the tier.

use crate::model::Plan;

/// (template id, plan name, [(option id, option name)], [(server label, label)]).
type Names = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
);

const NAMES: &[Names] = &[
    (
        "s0-finrep",
        "FinRep 日报系统（S0）",
        &[
            ("lean-2c4g", "2C4G，精简限额"),
            ("standard-4c8g", "4C8G，标准限额"),
            ("tiny-2c2g", "2C2G，精简限额"),
        ],
        &[("2C4G lean", "2C4G 精简"), ("4C8G standard", "4C8G 标准")],
    ),
    (
        "s1-observability",
        "FastAPI + LangChain 全套可观测（S1）",
        &[
            ("full", "含 ELK 的全套"),
            ("recommended", "推荐的 4 GiB 布局"),
        ],
        &[
            ("4 GiB, full stack", "4 GiB，全套"),
            ("4 GiB, recommended layout", "4 GiB，推荐布局"),
        ],
    ),
    (
        "s2-ecs-2c2g",
        "ECS 2C2G：再加五个服务？（S2）",
        &[
            ("now", "2C2G 现状"),
            ("plus-min", "2C2G + 五个服务（最小）"),
            ("plus-standard", "2C2G + 五个服务（标准）"),
            ("plus-shared", "2C2G + 仅共享服务"),
            ("upgrade-2c4g", "2C4G + 五个服务（标准）"),
            ("upgrade-2c4g-min", "2C4G + 五个服务（最小）"),
        ],
        &[("2C2G (1.8 GiB usable)", "2C2G（可用 1.8 GiB）")],
    ),
    (
        "s3-euraflow",
        "EuraFlow 订单同步（S3）",
        &[
            ("a-single", "A：单台 8C16G"),
            ("b-split", "B：拆分 web / worker / 数据库"),
            ("a-plus", "A+：单台“8C32G”（原报告推荐）"),
            ("now", "现状：2C4G"),
            ("now-proposed", "现状 2C4G 跑新的 worker 布局"),
        ],
        &[
            ("database 4C16G", "数据库 4C16G"),
            ("2C4G today", "2C4G 现状"),
            ("2C4G with the proposed workers", "2C4G + 新 worker 布局"),
        ],
    ),
    (
        "s4-voc",
        "VOC 双服务器集群（S4）",
        &[
            ("as-planned", "原计划：A 8C16G + B 4C8G"),
            ("trans2-on-a", "worker-trans-2 移到 A"),
        ],
        &[
            ("A — master 8C16G", "A — 主节点 8C16G"),
            ("B — worker 4C8G", "B — 工作节点 4C8G"),
        ],
    ),
];

/// What the reports' figures are, in Chinese: (English, Chinese) for the
/// `what` of each [`super::from_report`] note.
const NOTES: &[(&str, &str)] = &[
    ("measured idle on 2C4G", "在 2C4G 上实测的空闲占用"),
    ("2C4G ¥150–200/month, low end", "2C4G 每月 ¥150–200，取低值"),
    ("2C2G ¥100–150/month, low end", "2C2G 每月 ¥100–150，取低值"),
    ("4C8G ¥300–400/month, low end", "4C8G 每月 ¥300–400，取低值"),
    ("4 GB ¥400/month", "4 GB 每月 ¥400"),
    ("FastAPI backend 200–300 MB", "FastAPI 后端 200–300 MB"),
    (
        "Elasticsearch 1–2 GB; the 1 GB heap is the low end",
        "Elasticsearch 1–2 GB；1 GB 堆取低值",
    ),
    ("docker stats", "docker stats 实测"),
    ("min size", "最小规格"),
    ("standard size", "标准规格"),
    ("ideal size", "理想规格"),
    ("2C2G ¥80–100/month, low end", "2C2G 每月 ¥80–100，取低值"),
    ("2C4G ¥120–150/month, low end", "2C4G 每月 ¥120–150，取低值"),
    ("the shared service at 200 MB", "共享服务按 200 MB 计"),
    (
        "pool 30 + overflow 50 per process",
        "每个进程连接池 30 + 溢出 50",
    ),
    (
        "¥2000–2500/month for the three, low end",
        "三台合计每月 ¥2000–2500，取低值",
    ),
    (
        "~¥800/month (ecs.c7.2xlarge)",
        "约每月 ¥800（ecs.c7.2xlarge）",
    ),
    ("¥1200–1500/month, low end", "每月 ¥1200–1500，取低值"),
    ("the team's estimate", "团队的估算"),
];

/// A note written by [`super::from_report`], in Chinese; other notes as they are.
fn note_zh(note: &str) -> String {
    let Some((what, rest)) = note.split_once(" — figure from the ") else {
        return note.to_string();
    };
    let Some(scenario) = rest.strip_suffix(" report (user-supplied, not catalog data)") else {
        return note.to_string();
    };
    let what = NOTES
        .iter()
        .find(|(en, _)| *en == what)
        .map_or(what, |(_, zh)| zh);
    format!("{what}——{scenario} 报告中的数字（用户提供，非目录数据）")
}

/// Renames `plan` (built from template `id`) into Chinese, with its notes
/// (the sources of the reports' figures); names without a translation stay
/// as they are.
pub(super) fn localize(id: &str, plan: &mut Plan) {
    let Some((_, name, options, labels)) = NAMES.iter().find(|n| n.0 == id) else {
        return;
    };
    plan.name = name.to_string();
    for option in &mut plan.options {
        if let Some((_, zh)) = options.iter().find(|(o, _)| *o == option.id) {
            option.name = zh.to_string();
        }
        option.note = note_zh(&option.note);
        if let Some(q) = &mut option.quoted_monthly {
            q.note = note_zh(&q.note);
        }
        for server in &mut option.servers {
            if let Some((_, zh)) = labels.iter().find(|(en, _)| *en == server.label) {
                server.label = zh.to_string();
            }
            if let Some(p) = &mut server.price {
                p.note = note_zh(&p.note);
            }
            for placement in &mut server.placements {
                placement.note = note_zh(&placement.note);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// A template opened in Chinese shows no English note: every note the
    /// reports' figures carry has its translation.
    #[test]
    fn every_note_of_every_template_reads_in_chinese() {
        for t in crate::templates::list() {
            let plan = crate::templates::get_in(t.id, crate::fit::Lang::Zh).unwrap();
            let notes = plan.options.iter().flat_map(|o| {
                let servers = o.servers.iter().flat_map(|s| {
                    s.price
                        .iter()
                        .map(|p| p.note.clone())
                        .chain(s.placements.iter().map(|p| p.note.clone()))
                });
                std::iter::once(o.note.clone())
                    .chain(o.quoted_monthly.iter().map(|q| q.note.clone()))
                    .chain(servers)
                    .collect::<Vec<_>>()
            });
            for note in notes.filter(|n| !n.is_empty()) {
                assert!(!note.contains("figure from"), "{}: {note}", t.id);
                assert!(
                    note.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{}: {note}",
                    t.id
                );
            }
        }
    }
}
