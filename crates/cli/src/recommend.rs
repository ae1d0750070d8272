//! `stackfit recommend`: the cheapest layouts of an option's placements that
//! fit (the engine's layout search), each with its servers, monthly cost
//! and one-line reason.

use stackfit_core::fit::Lang;
use stackfit_core::model::price::PriceBook;
use stackfit_core::model::units::format_fen;
use stackfit_core::model::Provider;
use stackfit_core::search::{self, Constraints, SearchResult};
use stackfit_core::Plan;

/// Exit status when no layout fits (the search says why).
pub const NOTHING_FITS: u8 = 1;

/// What the command line asks for, beside the plan.
pub struct Request<'a> {
    pub option: Option<&'a str>,
    pub providers: Option<&'a str>,
    pub families: Option<&'a str>,
    pub max_servers: Option<&'a str>,
    pub headroom: Option<&'a str>,
    pub keep_together: Vec<&'a str>,
    pub keep_apart: Vec<&'a str>,
    pub pin: Vec<&'a str>,
    pub catalog_prices_only: bool,
    pub allow_unknown_prices: bool,
    pub json: bool,
}

/// "aliyun,tencent,aws" (or the finer aliyun-ecs, aliyun-swas, tencent-cvm,
/// tencent-lighthouse) as providers.
pub fn parse_providers(text: &str) -> Result<Vec<Provider>, String> {
    let mut out = Vec::new();
    for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let add: &[Provider] = match name.to_ascii_lowercase().as_str() {
            "aliyun" | "alibaba" => &[Provider::AlibabaEcs, Provider::AlibabaLightweight],
            "aliyun-ecs" => &[Provider::AlibabaEcs],
            "aliyun-swas" | "aliyun-lightweight" => &[Provider::AlibabaLightweight],
            "tencent" => &[Provider::TencentCvm, Provider::TencentLighthouse],
            "tencent-cvm" => &[Provider::TencentCvm],
            "tencent-lighthouse" => &[Provider::TencentLighthouse],
            "aws" => &[Provider::Aws],
            other => {
                return Err(format!(
                    "unknown provider {other:?} (aliyun, aliyun-ecs, aliyun-swas, tencent, tencent-cvm, tencent-lighthouse, aws)"
                ))
            }
        };
        out.extend_from_slice(add);
    }
    Ok(out)
}

fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn run(
    plan: &Plan,
    req: &Request,
    book: &PriceBook,
    lang: Lang,
) -> Result<(String, u8), String> {
    let option = crate::whatif::pick_option(plan, req.option)?;
    let number = |name: &str, text: Option<&str>| -> Result<Option<u64>, String> {
        text.map(|t| {
            t.parse::<u64>()
                .map_err(|_| format!("{name} takes a whole number, not {t:?}"))
        })
        .transpose()
    };
    let max_servers = number("--max-servers", req.max_servers)?;
    if max_servers == Some(0) {
        return Err("--max-servers must be at least 1".into());
    }
    let headroom = number("--headroom", req.headroom)?;
    if headroom.is_some_and(|h| h > 90) {
        return Err("--headroom is a percent from 0 to 90".into());
    }
    let mut pinned = Vec::new();
    for p in &req.pin {
        let (placement, server) = p
            .split_once('=')
            .ok_or_else(|| format!("--pin takes PLACEMENT=SERVER, not {p:?}"))?;
        pinned.push((placement.to_string(), server.to_string()));
    }
    let c = Constraints {
        keep_together: req.keep_together.iter().map(|t| list(t)).collect(),
        keep_apart: req.keep_apart.iter().map(|t| list(t)).collect(),
        pinned,
        providers: req
            .providers
            .map(parse_providers)
            .transpose()?
            .unwrap_or_default(),
        families: req.families.map(list).unwrap_or_default(),
        max_servers: max_servers.map(|n| n as usize),
        headroom_target_pct: headroom.map(|h| h as u32),
        catalog_prices_only: req.catalog_prices_only,
        allow_unknown_prices: req.allow_unknown_prices,
    };
    let found = search::search(plan, option, &c, book, lang).map_err(|e| match lang {
        Lang::En => e.en,
        Lang::Zh => e.zh,
    })?;
    let code = if found.layouts.is_empty() {
        NOTHING_FITS
    } else {
        0
    };
    let out = if req.json {
        serde_json::to_string_pretty(&found).expect("serializable") + "\n"
    } else {
        table(plan, &found, lang)
    };
    Ok((out, code))
}

fn table(plan: &Plan, r: &SearchResult, lang: Lang) -> String {
    let zh = matches!(lang, Lang::Zh);
    let name = plan.option(&r.option).map_or("", |o| o.name.as_str());
    let mut out = if zh {
        format!("{name} 的布局搜索（{} 个规格）：", r.tiers)
    } else {
        format!("Layouts for {name} ({} tiers considered): ", r.tiers)
    };
    out += &match (&r.bound, r.exact) {
        (_, true) => (if zh {
            "精确解（分支定界）\n"
        } else {
            "exact (branch and bound)\n"
        })
        .to_string(),
        (Some(b), false) => {
            if zh {
                format!(
                    "启发式，最多比最优贵 {} %（下界 {}/月）\n",
                    b.within_pct,
                    format_fen(b.lower_bound_fen)
                )
            } else {
                format!(
                    "heuristic, at most {} % above the optimum (lower bound {}/month)\n",
                    b.within_pct,
                    format_fen(b.lower_bound_fen)
                )
            }
        }
        (None, false) => (if zh { "启发式\n" } else { "heuristic\n" }).to_string(),
    };
    if r.layouts.is_empty() {
        let why = if zh { &r.no_fit_zh } else { &r.no_fit_en };
        out += &format!("  {}\n", why.as_deref().unwrap_or_default());
        return out;
    }
    let listed = r
        .layouts
        .iter()
        .enumerate()
        .map(|(k, l)| (format!("{}. ", k + 1), l));
    let one = r.one_server.iter().map(|l| (String::new(), l));
    for (mark, l) in listed.chain(one) {
        let cost = match l.monthly_fen {
            Some(m) => format!("{}{}", format_fen(m), if zh { "/月" } else { "/month" }),
            None => (if zh { "价格未知" } else { "price unknown" }).to_string(),
        };
        out += &format!(
            "{mark}{} — {}\n   {}\n",
            l.option.name,
            cost,
            if zh { &l.reason_zh } else { &l.reason_en }
        );
        for s in &l.servers {
            let price = s.monthly_fen.map_or_else(
                || (if zh { "价格未知" } else { "price unknown" }).to_string(),
                format_fen,
            );
            out += &if zh {
                format!(
                    "   {} {}（{}{}）：{} — {} · 余量 {}%\n",
                    s.id,
                    s.size,
                    s.tier,
                    if s.pinned { "，固定" } else { "" },
                    s.placements.join("、"),
                    price,
                    s.headroom_pct
                )
            } else {
                format!(
                    "   {} {} ({}{}): {} — {} · {} % headroom\n",
                    s.id,
                    s.size,
                    s.tier,
                    if s.pinned { ", pinned" } else { "" },
                    s.placements.join(", "),
                    price,
                    s.headroom_pct
                )
            };
        }
    }
    out
}
