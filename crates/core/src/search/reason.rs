//! A found layout as an option a caller can add, with its one-line reason
//! in en and zh; why nothing fits, in words.

use super::{Layout, LayoutServer, NoFit, Solution, Space};
use crate::catalog;
use crate::cost;
use crate::findings::Lang;
use crate::fit::{self, OptionReport};
use crate::model::price::PriceBook;
use crate::model::units::{format_fen, format_mib};
use crate::model::{fresh_id, Category, Plan, PlanOption, Provider, Server};

/// Why nothing can be found before searching: no tier, a pinned server over,
/// a placement no tier holds, fewer servers allowed than pinned.
pub(crate) fn precheck(
    space: &Space,
    ids_of: &dyn Fn(&super::Item) -> Vec<String>,
) -> Option<NoFit> {
    let free: Vec<usize> = (0..space.items.len())
        .filter(|&i| space.items[i].fixed.is_none())
        .collect();
    let mut fixed: Vec<usize> = space.items.iter().filter_map(|i| i.fixed).collect();
    fixed.sort_unstable();
    fixed.dedup();
    if fixed.len() > space.max_servers {
        return Some(NoFit::TooFewServers {
            max_servers: space.max_servers,
            exhaustive: true,
        });
    }
    for &b in &fixed {
        let on: Vec<usize> = (0..space.items.len())
            .filter(|&i| space.items[i].fixed == Some(b))
            .collect();
        if !space.fits(&on, b) {
            return Some(NoFit::PinnedOver {
                server: space.bins[b].server_id.clone(),
                placements: on.iter().flat_map(|&i| ids_of(&space.items[i])).collect(),
            });
        }
    }
    if !free.is_empty() && space.n_tiers == 0 {
        return Some(NoFit::NoTiers);
    }
    for &i in &free {
        if space.cheapest(&[i]).is_some() || fixed.iter().any(|&b| space.fits(&[i], b)) {
            continue;
        }
        let big = space.largest_tier()?;
        let t = space.totals(&[i], big);
        return Some(NoFit::TooBig {
            placements: ids_of(&space.items[i]),
            tier: space.bins[big].tier_id.clone(),
            expected_mib: t.expected_mib,
            peak_mib: t.peak_mib,
            allocatable_mib: t.allocatable_mib,
            cpu_millicores: t.cpu_expected_millicores,
            vcpu: space.bins[big].resolved.vcpu,
            headroom_target_pct: space.settings.headroom_target_pct,
        });
    }
    None
}

/// Why no layout was found, in words.
pub fn no_fit_words(why: &NoFit, lang: Lang) -> String {
    let en = matches!(lang, Lang::En);
    match why {
        NoFit::NoTiers => {
            if en {
                "no tier is allowed: the providers, families and price rule leave none (allow unknown prices, or add your quotes)".into()
            } else {
                "没有可用的规格：所选云厂商、规格族和价格规则排除了全部规格（可允许未知价格，或录入你的报价）".into()
            }
        }
        NoFit::TooBig {
            placements,
            tier,
            expected_mib,
            peak_mib,
            allocatable_mib,
            cpu_millicores,
            vcpu,
            headroom_target_pct,
        } => {
            let cpu = format!(
                "{}.{:02}",
                cpu_millicores / 1000,
                cpu_millicores % 1000 / 10
            );
            if en {
                format!(
                    "{} fits no allowed tier: even on the largest, {tier}, it expects {} with peaks of {} against {} allocatable (keeping {headroom_target_pct} % free) and {cpu} of {vcpu} vCPUs",
                    placements.join(" + "),
                    format_mib(*expected_mib),
                    format_mib(*peak_mib),
                    format_mib(*allocatable_mib),
                )
            } else {
                format!(
                    "{} 放不进任何允许的规格：即使在最大的 {tier} 上，预计占用 {}，峰值 {}，而可分配内存为 {}（需留 {headroom_target_pct}% 余量），CPU 需要 {cpu} 核，只有 {vcpu} 核",
                    placements.join(" + "),
                    format_mib(*expected_mib),
                    format_mib(*peak_mib),
                    format_mib(*allocatable_mib),
                )
            }
        }
        NoFit::PinnedOver { server, placements } => {
            if en {
                format!(
                    "{} do not fit the server they are pinned to ({server})",
                    placements.join(", ")
                )
            } else {
                format!(
                    "{} 放不进它们被固定的服务器（{server}）",
                    placements.join("、")
                )
            }
        }
        NoFit::TooFewServers {
            max_servers,
            exhaustive,
        } => match (en, exhaustive) {
            (true, true) => format!("no layout fits on {}", at_most_servers(*max_servers)),
            (true, false) => format!(
                "the heuristic found no layout on {} (too many placements for an exhaustive search; one may exist)",
                at_most_servers(*max_servers)
            ),
            (false, true) => format!("最多 {max_servers} 台服务器时没有放得下的布局"),
            (false, false) => format!(
                "启发式搜索在最多 {max_servers} 台服务器内没有找到布局（部署太多，未做穷举，可能仍有解）"
            ),
        },
        NoFit::Conflict { placements } => {
            if en {
                format!(
                    "the constraints contradict each other for {}: kept together (or pinned together) and kept apart, or pinned to two servers",
                    placements.join(", ")
                )
            } else {
                format!(
                    "约束对 {} 自相矛盾：既要放在一起（或固定在同一台）又要分开，或被固定到两台服务器",
                    placements.join("、")
                )
            }
        }
    }
}

/// Server ids a, b, c, … skipping those pinned servers keep.
fn server_id(k: usize, taken: &[String]) -> String {
    let base = if k < 26 {
        ((b'a' + k as u8) as char).to_string()
    } else {
        format!("s{}", k + 1)
    };
    fresh_id(&base, taken.iter().map(String::as_str))
}

/// The found solution as a layout: the option (servers with their
/// placements, as the option has them), evaluated by the engine, and why.
pub(crate) fn build(
    plan: &Plan,
    book: &PriceBook,
    option: &PlanOption,
    option_report: Option<&OptionReport>,
    space: &Space,
    sol: &Solution,
    provider: Provider,
) -> Layout {
    let mut taken: Vec<String> = sol
        .groups
        .iter()
        .filter_map(|g| {
            space.bins[g.bin]
                .fixed
                .map(|s| option.servers[s].id.clone())
        })
        .collect();
    let mut servers = Vec::new();
    let mut new_index = 0;
    for g in &sol.groups {
        let bin = &space.bins[g.bin];
        let mut ps: Vec<usize> = g
            .items
            .iter()
            .flat_map(|&i| space.items[i].placements.iter().copied())
            .collect();
        ps.sort_unstable();
        let placements = ps.iter().map(|&p| space.placements[p].clone()).collect();
        let server = match bin.fixed {
            Some(s) => Server {
                placements,
                ..option.servers[s].clone()
            },
            None => {
                let id = server_id(new_index, &taken);
                new_index += 1;
                taken.push(id.clone());
                let size = bin.tier.map(|t| t.size_label()).unwrap_or_default();
                let mut s =
                    Server::new(&id, &format!("{} {size}", id.to_uppercase()), &bin.tier_id);
                s.price = bin.price_override.clone();
                s.placements = placements;
                s
            }
        };
        servers.push(server);
    }
    let mut new_option = PlanOption::new("layout", "layout");
    new_option.servers = servers;
    // The engine's own word on the layout: price, basis, headroom.
    let evaluated = fit::evaluate_with(
        &Plan {
            name: plan.name.clone(),
            description: String::new(),
            settings: space.settings.clone(),
            options: vec![new_option.clone()],
            quotes: plan.quotes.clone(),
        },
        book,
    );
    let rep = &evaluated.options[0];
    let unknown_prices: Vec<String> = rep
        .servers
        .iter()
        .filter(|s| s.monthly_fen.is_none())
        .map(|s| s.tier.clone())
        .collect();
    let known: i64 = rep.servers.iter().filter_map(|s| s.monthly_fen).sum();
    let headroom = rep
        .servers
        .iter()
        .map(|s| s.headroom_pct)
        .min()
        .unwrap_or(0);
    let layout_servers: Vec<LayoutServer> = new_option
        .servers
        .iter()
        .zip(&rep.servers)
        .zip(&sol.groups)
        .map(|((s, r), g)| LayoutServer {
            id: s.id.clone(),
            tier: s.tier.clone(),
            size: catalog::tier(&s.tier)
                .map(|t| t.size_label())
                .unwrap_or_else(|| format!("{}C{}", r.vcpu, format_mib(r.capacity_mib))),
            placements: s.placements.iter().map(|p| p.id.clone()).collect(),
            monthly_fen: r.monthly_fen,
            headroom_pct: r.headroom_pct,
            pinned: space.bins[g.bin].fixed.is_some(),
        })
        .collect();
    let monthly = unknown_prices.is_empty().then_some(known);
    let (reason_en, reason_zh) = reasons(
        option,
        option_report,
        rep,
        &layout_servers,
        monthly,
        &unknown_prices,
        headroom,
    );
    Layout {
        provider: Some(provider),
        monthly_fen: monthly,
        known_monthly_fen: known,
        unknown_prices,
        headroom_pct: headroom,
        servers: layout_servers,
        reason_en,
        reason_zh,
        option: new_option,
    }
}

/// The one-line reason: the cost against the option searched from (only
/// between comparable prices), the smallest headroom, and the shape.
fn reasons(
    option: &PlanOption,
    option_report: Option<&OptionReport>,
    rep: &OptionReport,
    servers: &[LayoutServer],
    monthly: Option<i64>,
    unknown: &[String],
    headroom: i64,
) -> (String, String) {
    let name = &option.name;
    let comparable = option_report.is_some_and(|o| {
        o.quote.is_none()
            && rep.servers.iter().all(|a| {
                o.servers
                    .iter()
                    .all(|b| cost::comparable(&a.price_basis, &b.price_basis))
            })
    }) || option_report.is_some_and(|o| {
        // A quoted option total compares with layouts priced by quotes.
        o.quote.is_some()
            && rep.servers.iter().all(|a| {
                matches!(
                    a.price_basis,
                    crate::report::PriceBasis::Override { .. }
                        | crate::report::PriceBasis::Quote { .. }
                )
            })
    });
    let theirs = option_report.and_then(|o| o.monthly_fen);
    let (cost_en, cost_zh) = match (monthly, theirs) {
        (None, _) => (
            format!(
                "rests on {} unknown price(s) ({})",
                unknown.len(),
                unknown.join(", ")
            ),
            format!(
                "有 {} 台的价格未知（{}）",
                unknown.len(),
                unknown.join("、")
            ),
        ),
        (Some(m), Some(t)) if comparable => match t - m {
            d if d > 0 => (
                format!("{}/month cheaper than {name}", format_fen(d)),
                format!("比 {name} 每月便宜 {}", format_fen(d)),
            ),
            d if d < 0 => (
                format!("{}/month dearer than {name}", format_fen(-d)),
                format!("比 {name} 每月贵 {}", format_fen(-d)),
            ),
            _ => (
                format!("the same monthly cost as {name}"),
                format!("每月费用与 {name} 相同"),
            ),
        },
        (Some(m), Some(t)) => (
            format!(
                "{}/month at {} ({name}: {} by {}, not compared)",
                format_fen(m),
                basis_en(rep),
                format_fen(t),
                option_report.map_or("", basis_en)
            ),
            format!(
                "每月 {}（{}；{name} 为 {}，{}，来源不同，不作比较）",
                format_fen(m),
                basis_zh(rep),
                format_fen(t),
                option_report.map_or("", basis_zh)
            ),
        ),
        (Some(m), None) => (
            format!("{}/month ({name}'s price is unknown)", format_fen(m)),
            format!("每月 {}（{name} 的价格未知）", format_fen(m)),
        ),
    };
    let (shape_en, shape_zh) = if servers.len() == 1 {
        (
            format!("everything on one {}", servers[0].size),
            format!("全部放在一台 {} 上", servers[0].size),
        )
    } else if let Some(db) = servers.iter().find(|s| {
        !s.placements.is_empty()
            && s.placements.iter().all(|p| {
                option
                    .find_placement(p)
                    .and_then(|(_, p)| catalog::service(&p.service))
                    .is_some_and(|d| d.category == Category::Database)
            })
    }) {
        let ids = db.placements.join(" + ");
        (
            if db.placements.len() == 1 {
                format!("{ids} alone on its server, {} servers", servers.len())
            } else {
                format!("{ids} alone on their server, {} servers", servers.len())
            },
            format!("{ids} 单独一台服务器，共 {} 台", servers.len()),
        )
    } else {
        (
            format!("{} servers", servers.len()),
            format!("共 {} 台服务器", servers.len()),
        )
    };
    (
        format!("{cost_en}, {headroom} % headroom, {shape_en}"),
        format!("{cost_zh}，余量 {headroom}%，{shape_zh}"),
    )
}

/// Where an option's prices come from, in a few words.
fn basis_en(o: &OptionReport) -> &'static str {
    match basis_kind(o) {
        Some(0) => "catalog prices",
        Some(_) => "quotes",
        None => "mixed prices",
    }
}

fn basis_zh(o: &OptionReport) -> &'static str {
    match basis_kind(o) {
        Some(0) => "按目录价",
        Some(_) => "按报价",
        None => "价格来源混合",
    }
}

/// 0: every server at a catalog price; 1: every one quoted; `None`: mixed.
fn basis_kind(o: &OptionReport) -> Option<u8> {
    if o.quote.is_some() {
        return Some(1);
    }
    let kinds: Vec<u8> = o
        .servers
        .iter()
        .map(|s| match s.price_basis {
            crate::report::PriceBasis::Catalog { .. } => 0,
            _ => 1,
        })
        .collect();
    match kinds.first() {
        Some(&k) if kinds.iter().all(|&x| x == k) => Some(k),
        _ => None,
    }
}

/// The name of the `rank`th layout's option, with its servers' sizes.
pub(crate) fn option_name(layout: &Layout, rank: usize, lang: Lang) -> String {
    let sizes: Vec<&str> = layout.servers.iter().map(|s| s.size.as_str()).collect();
    match lang {
        Lang::En => format!("Found {rank}: {}", sizes.join(" + ")),
        Lang::Zh => format!("搜索方案 {rank}：{}", sizes.join(" + ")),
    }
}

/// The name of the one-server layout's option.
pub(crate) fn one_server_name(layout: &Layout, lang: Lang) -> String {
    let size = layout.servers.first().map_or("", |s| s.size.as_str());
    match lang {
        Lang::En => format!("One server: {size}"),
        Lang::Zh => format!("单台服务器：{size}"),
    }
}

/// "at most 1 server", "at most 3 servers".
fn at_most_servers(n: usize) -> String {
    if n == 1 {
        "at most 1 server".to_string()
    } else {
        format!("at most {n} servers")
    }
}
