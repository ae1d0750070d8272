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
            ("a-plus", "A+：单台“8C32G”（推荐）"),
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

/// Renames `plan` (built from template `id`) into Chinese; names without a
/// translation stay as they are.
pub(super) fn localize(id: &str, plan: &mut Plan) {
    let Some((_, name, options, labels)) = NAMES.iter().find(|n| n.0 == id) else {
        return;
    };
    plan.name = name.to_string();
    for option in &mut plan.options {
        if let Some((_, zh)) = options.iter().find(|(o, _)| *o == option.id) {
            option.name = zh.to_string();
        }
        for server in &mut option.servers {
            if let Some((_, zh)) = labels.iter().find(|(en, _)| *en == server.label) {
                server.label = zh.to_string();
            }
        }
    }
}
