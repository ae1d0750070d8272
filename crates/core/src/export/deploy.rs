//! DEPLOY.md for an option, in the user's language: which file goes to which
//! server, the order to start them, the host settings the services need,
//! how to compare the running stack with the plan, and what the plan still
//! warns about.

use super::compose::{env_file_name, file_name};
use super::postgres::{conf_file_name, sql_file_name};
use super::spec::OptionExport;
use super::yaml::comment;
use super::{k8s, swarm};
use crate::findings::{Lang, Severity};
use crate::kinds::Tuned;

pub const FILE_NAME: &str = "DEPLOY.md";

/// Redis's documentation asks for overcommit when it persists (a fork must
/// not fail for lack of virtual memory).
const REDIS_OVERCOMMIT: &str = "vm.overcommit_memory=1";

pub(super) fn render(e: &OptionExport, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let t = |en: &str, zh_text: &str| -> String {
        if zh {
            zh_text.to_string()
        } else {
            en.to_string()
        }
    };
    let mut out = String::new();
    out.push_str(&format!(
        "# {} {}\n\n",
        t("Deploying", "部署"),
        comment(&e.option.name)
    ));
    let clashes = crate::report::port_clash_words(e.report.port_clashes(), lang)
        .map_or(String::new(), |c| format!(" · ⚠ {c}"));
    out.push_str(&format!(
        "{}**{}** — {}{clashes}\n\n",
        t("Plan ", "方案："),
        comment(&e.plan.name),
        if zh {
            format!("结论：{}", e.report.verdict.name_zh())
        } else {
            format!("verdict: {}", e.report.verdict.name_en())
        }
    ));

    if e.option.load != crate::model::multiplier::LOAD_ONE {
        let l = crate::model::multiplier::load_words(e.option.load);
        out.push_str(&if zh {
            format!("> 负载 {l}：这些文件里的进程数、连接数和内存上限是方案按 {l} 负载放大后的取值（假设分析），与评估一致；方案文件本身仍保存 ×1 的取值。\n\n")
        } else {
            format!("> Load {l}: the worker counts, connections and limits in these files are the plan's scaled to {l} its load (the what-if), as the evaluation sized them; the plan file keeps them at ×1.\n\n")
        });
    }
    // Which file goes where.
    out.push_str(&format!(
        "## {}\n\n",
        t("Files for each server", "各服务器的文件")
    ));
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        t("server", "服务器"),
        t("tier", "规格"),
        t("files", "文件")
    ));
    for s in &e.servers {
        let mut files = vec![file_name(&s.server.id), env_file_name(&s.server.id)];
        for c in &s.containers {
            if matches!(c.report.tuning.written, Tuned::Postgres(_)) {
                files.push(conf_file_name(&c.placement.id));
                files.push(sql_file_name(&c.placement.id));
            }
        }
        out.push_str(&format!(
            "| {} ({}) | {}, {} vCPU, {} MiB | {} |\n",
            comment(&s.server.label),
            s.server.id,
            comment(&s.report.tier),
            s.report.vcpu,
            s.report.capacity_mib,
            files
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out.push('\n');

    // Host ports two containers of one server publish: the second would
    // not start.
    for s in &e.servers {
        for k in &s.clashes {
            out.push_str(&if zh {
                format!(
                    "> **{}（{}）上的主机端口 {} 发布了两次**：`{}` 和 `{}`。Docker 会启动前者，后者报 “port is already allocated” 起不来：请把其中一个发布到别的主机端口。\n\n",
                    comment(&s.server.label), s.server.id, k.port, k.first, k.second
                )
            } else {
                format!(
                    "> **Host port {} is published twice on {} ({}):** by `{}` and by `{}`. Docker starts the first and refuses the second (\"port is already allocated\"): publish one of them on another host port.\n\n",
                    k.port, comment(&s.server.label), s.server.id, k.first, k.second
                )
            });
        }
    }

    // Order: servers others depend on first (counted once, not per
    // comparison: a plan of 2,000 dependencies took seconds).
    let mut depended: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in e.servers.iter().flat_map(|s| &s.containers) {
        for (sid, _) in &c.remote {
            *depended.entry(sid.as_str()).or_default() += 1;
        }
    }
    let mut order: Vec<&super::spec::ServerExport> = e.servers.iter().collect();
    crate::model::order::sort_by_key(&mut order, |s| {
        std::cmp::Reverse(depended.get(s.server.id.as_str()).copied().unwrap_or(0))
    });
    out.push_str(&format!("## {}\n\n", t("Order", "启动顺序")));
    for (i, s) in order.iter().enumerate() {
        out.push_str(&format!(
            "{}. {} ({}): `docker compose -f {} --env-file {} up -d`\n",
            i + 1,
            comment(&s.server.label),
            s.server.id,
            file_name(&s.server.id),
            env_file_name(&s.server.id)
        ));
    }
    out.push_str(&format!(
        "\n{}\n\n",
        t(
            "Before starting, fill every empty variable in each `.env` (your images, private addresses): docker compose stops with a message naming any that is missing. The secrets in the `.env` files were generated on your machine; keep them out of the repository.",
            "启动前，把每个 `.env` 里留空的变量填好（自己的镜像、内网地址）：缺哪个，docker compose 会停下并指出来。`.env` 里的密码是在你本机生成的，不要提交到代码仓库。"
        )
    ));

    // Host settings.
    out.push_str(&format!("## {}\n\n", t("Host settings", "主机设置")));
    let mut any = false;
    for s in &e.servers {
        let mut lines: Vec<String> = Vec::new();
        for c in &s.containers {
            if let Some(d) = c.def {
                for h in d.deploy.host {
                    let l = format!("`sysctl -w {h}` ({})", c.placement.id);
                    if !lines.contains(&l) {
                        lines.push(l);
                    }
                }
            }
            if let Tuned::Redis(r) = &c.report.tuning.written {
                if r.persistence != "off" {
                    lines.push(format!(
                        "`sysctl -w {REDIS_OVERCOMMIT}` ({}: {})",
                        c.placement.id,
                        t(
                            "Redis persists, and its fork must not fail",
                            "Redis 开启了持久化，fork 不能失败"
                        )
                    ));
                }
            }
        }
        if s.report.swap_mib > 0 {
            lines.push(format!(
                "{} {} MiB",
                t("swap as planned:", "按方案配置交换空间："),
                s.report.swap_mib
            ));
        }
        let ports: Vec<String> = s
            .containers
            .iter()
            .flat_map(|c| {
                c.ports
                    .iter()
                    .filter(|x| x.bind.is_some())
                    .map(|x| x.container.clone())
            })
            .collect();
        if !ports.is_empty() {
            lines.push(format!(
                "{} {}",
                t(
                    "firewall: admit the private network to ports",
                    "防火墙：只对内网放行端口"
                ),
                ports.join(", ")
            ));
        }
        if !lines.is_empty() {
            any = true;
            out.push_str(&format!("- **{}**\n", comment(&s.server.label)));
            for l in lines {
                out.push_str(&format!("  - {l}\n"));
            }
        }
    }
    if !any {
        out.push_str(&t(
            "Nothing beyond a Docker install.\n",
            "除安装 Docker 外无需其他设置。\n",
        ));
    }
    out.push_str(&t(
        "\nMake a setting survive a reboot by adding it to `/etc/sysctl.d/99-stackfit.conf`.\n\n",
        "\n要让设置在重启后仍然生效，把它写进 `/etc/sysctl.d/99-stackfit.conf`。\n\n",
    ));

    // Compare with the plan.
    out.push_str(&format!(
        "## {}\n\n",
        t(
            "Check the running stack against the plan",
            "对照方案检查运行中的服务"
        )
    ));
    out.push_str(&t(
        "Run `docker stats --no-stream` on each server and compare MEM USAGE with the plan's typical use and LIMIT with its limit. Paste the output into StackFit's import to replace the estimates with your measurements.\n\n",
        "在每台服务器上运行 `docker stats --no-stream`，把 MEM USAGE 与方案中的平时占用、LIMIT 与方案中的上限对照。把输出粘贴到 StackFit 的导入功能里，就能用实测值替换估算值。\n\n",
    ));
    out.push_str(&format!(
        "| {} | {} | {} | {} |\n|---|---|---:|---:|\n",
        t("server", "服务器"),
        t("container", "容器"),
        t("typical MiB", "平时占用 MiB"),
        t("limit MiB", "上限 MiB")
    ));
    for s in &e.servers {
        for c in &s.containers {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                s.server.id,
                c.placement.id,
                c.report.per_replica.expected_mib,
                c.limit_mib()
            ));
        }
    }
    out.push('\n');

    // What the plan still warns about.
    let open: Vec<_> = e
        .report
        .findings()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    out.push_str(&format!(
        "## {}\n\n",
        t("What the plan still warns about", "方案中尚未解决的提示")
    ));
    if open.is_empty() {
        out.push_str(&t("Nothing.\n", "没有。\n"));
    }
    for f in open.iter().take(20) {
        out.push_str(&format!("- {}\n", comment(&f.message(lang))));
    }
    out.push_str(&format!(
        "\n## {}\n\n{}\n",
        t("Outgrowing one server", "一台服务器不够用时"),
        if zh {
            format!(
                "`{}` 是同一方案的 Kubernetes 清单，`{}` 是 Docker Swarm 栈文件（先用 `{}` 载入变量）；文件开头写明了无法照搬的部分。",
                k8s::FILE_NAME,
                swarm::FILE_NAME,
                swarm::ENV_FILE_NAME
            )
        } else {
            format!(
                "`{}` holds the same plan as Kubernetes manifests and `{}` as a Docker Swarm stack (load `{}` first); each says at its top what does not carry over.",
                k8s::FILE_NAME,
                swarm::FILE_NAME,
                swarm::ENV_FILE_NAME
            )
        }
    ));
    out
}
