//! The search's answer: the best three layouts (and the cheapest one-server
//! layout beside them when none of them is one), each with its monthly
//! cost, smallest headroom, servers and tiers, the engine's one-line reason,
//! the tiers whose price is unknown, and "Keep as option"; or why nothing
//! fits.

use std::sync::Arc;

use leptos::prelude::*;
use stackfit_core::model::units::format_fen;
use stackfit_core::model::PlanOption;
use stackfit_core::Action;
use stackfit_tools::protocol::FoundLayout;

use super::Found;
use crate::i18n::{keep_units, Lang};
use crate::state::planner::fresh_id;
use crate::state::{use_lang, use_planner};

/// A layout's monthly cost: the total, or the known part and what is unknown.
fn cost_words(l: &FoundLayout, lang: Lang) -> String {
    match l.monthly_fen {
        Some(fen) => match lang {
            Lang::Zh => format!("{}/月", format_fen(fen)),
            Lang::En => format!("{}/month", format_fen(fen)),
        },
        None => match lang {
            Lang::Zh => format!(
                "已知部分 {}/月，另有 {} 台价格未知",
                format_fen(l.known_monthly_fen),
                l.unknown_prices.len()
            ),
            Lang::En => format!(
                "{}/month known, plus {} server(s) of unknown price",
                format_fen(l.known_monthly_fen),
                l.unknown_prices.len()
            ),
        },
    }
}

#[component]
pub fn Results(found: Arc<Found>) -> impl IntoView {
    let lang = use_lang();
    let bound = {
        let f = found.clone();
        move || {
            if f.layouts.is_empty() {
                return None;
            }
            Some(match (f.exact, f.within_pct, lang.get()) {
                (true, _, Lang::Zh) => "已穷举所有分组：这是最优解。".to_string(),
                (true, _, Lang::En) => "Every grouping was accounted for: this is the optimum.".to_string(),
                (false, Some(p), Lang::Zh) => format!("部署较多，用启发式搜索：最便宜的结果最多比最优解贵 {p}%。"),
                (false, Some(p), Lang::En) => format!("Many placements, so a heuristic: the cheapest answer is at most {p}% above the optimum."),
                (false, None, Lang::Zh) => "部署较多，用启发式搜索（无法给出与最优解的差距）。".to_string(),
                (false, None, Lang::En) => "Many placements, so a heuristic (no bound could be stated).".to_string(),
            })
        }
    };
    let no_fit = found.no_fit.clone();
    let mut cards: Vec<(usize, FoundLayout, bool)> = found
        .layouts
        .iter()
        .cloned()
        .enumerate()
        .map(|(k, l)| (k + 1, l, false))
        .collect();
    if let Some(one) = found.one_server.clone() {
        cards.push((cards.len() + 1, one, true));
    }
    view! {
        <section class="search-results" data-testid="search-results" data-exact=found.exact.to_string() data-elapsed-ms=format!("{:.1}", found.elapsed_ms)>
            {no_fit.map(|(zh, en)| view! {
                <p class="search-no-fit" data-testid="search-no-fit" role="alert">
                    <strong>{move || lang.get().pick("找不到放得下的布局。", "No layout fits.")}</strong>
                    " "
                    {move || keep_units(lang.get().pick(&zh, &en))}
                </p>
            })}
            <p class="search-bound muted" data-testid="search-bound">{bound}</p>
            <ol class="layout-list">
                {cards
                    .into_iter()
                    .map(|(rank, layout, one)| view! { <LayoutCard rank layout one_server=one /> })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// One found layout.
#[component]
fn LayoutCard(rank: usize, layout: FoundLayout, one_server: bool) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let popovers = crate::state::use_popovers();
    let kept = RwSignal::new(None::<String>);
    let refused = RwSignal::new(None::<(String, String)>);
    let layout = Arc::new(layout);
    let keep = {
        let layout = layout.clone();
        move |_| {
            let Ok(mut option) = serde_json::from_str::<PlanOption>(&layout.option) else {
                return;
            };
            let ids: Vec<String> =
                planner.with_plan(|p| p.options.iter().map(|o| o.id.clone()).collect());
            option.id = fresh_id(&option.id, ids.iter().map(String::as_str));
            let id = option.id.clone();
            match planner.try_dispatch(Action::AddOption { option }) {
                Ok(()) => {
                    refused.set(None);
                    kept.set(Some(id));
                }
                Err(e) => refused.set(Some((e.message_zh(), e.message_en()))),
            }
        }
    };
    let show = move |_| {
        if let Some(id) = kept.get_untracked() {
            planner.pick_option(&id);
            popovers.dismiss();
        }
    };
    let l = layout.clone();
    let title = move || {
        let n = l.servers.len();
        match (one_server, lang.get()) {
            (true, Lang::Zh) => "全部放在一台服务器上（对照）".to_string(),
            (true, Lang::En) => "Everything on one server (for comparison)".to_string(),
            (false, Lang::Zh) => format!("第 {rank} 名：{n} 台服务器"),
            (false, Lang::En) => format!("#{rank}: {n} server{}", if n == 1 { "" } else { "s" }),
        }
    };
    let l = layout.clone();
    let provider = move || lang.get().pick(&l.provider_zh, &l.provider_en).to_string();
    let l = layout.clone();
    let cost = move || keep_units(&cost_words(&l, lang.get()));
    let l = layout.clone();
    let reason = move || keep_units(lang.get().pick(&l.reason_zh, &l.reason_en));
    let unknown = layout.unknown_prices.clone();
    let headroom_pct = layout.headroom_pct;
    let monthly_attr = layout
        .monthly_fen
        .map(|f| f.to_string())
        .unwrap_or_default();
    let n_servers = layout.servers.len();
    let servers = layout.servers.clone();
    view! {
        <li
            class="layout-card"
            class:one-server=one_server
            data-testid="search-layout"
            data-rank=rank
            data-one-server=one_server.to_string()
            data-monthly-fen=monthly_attr
            data-servers=n_servers
        >
            <header class="layout-head">
                <h3>{title}</h3>
                <span class="layout-provider muted">{provider}</span>
                <strong class="layout-monthly" data-testid="search-layout-monthly">{cost}</strong>
                <span class="layout-headroom" data-testid="search-layout-headroom">
                    {move || match lang.get() {
                        Lang::Zh => format!("最小余量 {}%", headroom_pct),
                        Lang::En => format!("{}% headroom at least", headroom_pct),
                    }}
                </span>
            </header>
            <p class="layout-reason" data-testid="search-layout-reason">{reason}</p>
            <Show when={let u = unknown.clone(); move || !u.is_empty()}>
                <p class="layout-unknown" data-testid="search-layout-unknown">
                    {let u = unknown.clone(); move || match lang.get() {
                        Lang::Zh => format!("依赖未知价格：{}（请在“我的报价”里填写后再比较）", u.join("、")),
                        Lang::En => format!("Rests on unknown prices: {} (add your quotes in My prices to compare)", u.join(", ")),
                    }}
                </p>
            </Show>
            <table class="layout-servers" data-testid="search-layout-servers">
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().pick("服务器", "Server")}</th>
                        <th scope="col">{move || lang.get().pick("规格", "Tier")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("每月", "Monthly")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("余量", "Headroom")}</th>
                        <th scope="col">{move || lang.get().pick("部署", "Placements")}</th>
                    </tr>
                </thead>
                <tbody>
                    {servers
                        .into_iter()
                        .map(|s| {
                            let pinned = s.pinned;
                            view! {
                                <tr data-testid="search-layout-server" data-server-id=s.id.clone()>
                                    <th scope="row">
                                        {s.id.clone()}
                                        <Show when=move || pinned>
                                            <span class="pinned-tag">{move || lang.get().pick("固定", "pinned")}</span>
                                        </Show>
                                    </th>
                                    <td class="layout-tier">{format!("{} · {}", s.size, s.tier)}</td>
                                    <td class="num">{move || keep_units(&crate::i18n::money_text(s.monthly_fen, lang.get()))}</td>
                                    <td class="num">{format!("{}%", s.headroom_pct)}</td>
                                    <td class="layout-placements">{s.placements.join(", ")}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <div class="layout-actions">
                <Show
                    when=move || kept.get().is_some()
                    fallback=move || view! {
                        <button class="tool primary" data-testid="search-keep" on:click=keep.clone()>
                            {move || lang.get().pick("保留为新方案", "Keep as option")}
                        </button>
                    }
                >
                    <span class="kept" data-testid="search-kept" role="status">
                        {move || lang.get().pick("已加入方案列表。", "Kept: it is in the options now.")}
                    </span>
                    <button class="tool" data-testid="search-show" on:click=show>
                        {move || lang.get().pick("查看这个方案", "Show it")}
                    </button>
                </Show>
                <span class="field-error" role="alert">
                    {move || refused.get().map(|(zh, en)| lang.get().pick(&zh, &en).to_string())}
                </span>
            </div>
        </li>
    }
}
