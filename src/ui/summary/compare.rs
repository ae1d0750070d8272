//! The options side by side — verdict, what limits each, its headroom,
//! monthly and yearly cost and the monthly difference to the baseline
//! option (the first unless the user picks another in the compare view) —
//! with the recommended option marked by the rule the table states under it
//! (never by an option's name). "Compare in detail" opens the compare view.

use leptos::prelude::*;
use stackfit_core::fit::{recommend_option, Finding, Resource, Verdict};
use stackfit_core::model::units::format_fen;

use crate::i18n::money_text;
use crate::i18n::{keep_units, Lang};
use crate::state::{use_lang, use_planner};
use crate::ui::compare::CompareButton;
use crate::ui::verdict::{PortClashBadge, VerdictBadge};

/// One row of the table, from the engine's report.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    verdict: Verdict,
    limited_by: Option<Resource>,
    headroom_pct: Option<i64>,
    monthly: Option<i64>,
    yearly: Option<i64>,
    quoted: bool,
    delta: Option<i64>,
    recommended: bool,
    baseline: bool,
    reference: bool,
    /// No servers: nothing to judge.
    empty: bool,
    /// No servers and no quote for the whole: nothing to price either.
    unpriced: bool,
    /// Host ports published twice, and the first such finding.
    port_clashes: usize,
    port_clash: Option<Finding>,
}

fn delta_text(delta: Option<i64>, baseline: bool) -> String {
    match delta {
        _ if baseline => "—".into(),
        Some(d) if d > 0 => format!("+{}", format_fen(d)),
        Some(d) => format_fen(d),
        None => "—".into(),
    }
}

/// A comparison table, shown when the plan has more than one option. It
/// scrolls inside its own panel when the screen is narrow.
#[component]
pub fn OptionCompare() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let rows = Memo::new(move |_| {
        planner.report.with(|r| {
            r.options
                .iter()
                .map(|o| Row {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    verdict: o.verdict,
                    limited_by: o.limited_by,
                    headroom_pct: o.headroom_pct,
                    monthly: o.monthly_fen,
                    yearly: o.yearly_fen,
                    quoted: o.quote.is_some(),
                    delta: o.monthly_delta_fen,
                    recommended: r.recommended_option.as_deref() == Some(o.id.as_str()),
                    baseline: r.baseline_option.as_deref() == Some(o.id.as_str()),
                    reference: o.reference,
                    empty: o.servers.is_empty(),
                    unpriced: stackfit_core::present::unpriced(o),
                    port_clashes: o.port_clashes(),
                    port_clash: o.port_clash_finding().cloned(),
                })
                .collect::<Vec<_>>()
        })
    });
    let recommendation = Memo::new(move |_| planner.report.with(|r| recommend_option(&r.options)));
    let baseline_name = move || {
        rows.with(|rows| {
            rows.iter()
                .find(|r| r.baseline)
                .map(|r| r.name.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || rows.with(|r| r.len() > 1)>
            <section class="compare-wrap" data-testid="option-compare-panel" aria-labelledby="compare-title">
            <div class="compare-head">
                <h2 id="compare-title" class="compare-title">{move || lang.get().pick("方案对比", "Options side by side")}</h2>
                <CompareButton />
            </div>
            <div class="compare-scroll" tabindex="0" role="region" aria-labelledby="compare-title">
            <table class="compare" data-testid="option-compare">
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().pick("方案", "Option")}</th>
                        <th scope="col">{move || lang.get().pick("结论", "Verdict")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("每月", "Monthly")}</th>
                        <th scope="col" class="num delta-head" title=move || match lang.get() {
                            Lang::Zh => format!("每月费用与“{}”之差", baseline_name()),
                            Lang::En => format!("Monthly cost against “{}”", baseline_name()),
                        }>
                            {move || match lang.get() {
                                Lang::Zh => format!("比 {}", baseline_name()),
                                Lang::En => format!("vs. {}", baseline_name()),
                            }}
                        </th>
                        <th scope="col" class="num" title=move || lang.get().pick("各服务器峰值时内存余量中最小的", "The smallest memory headroom at peak of its servers")>
                            {move || lang.get().pick("余量", "Headroom")}
                        </th>
                        <th scope="col">{move || lang.get().pick("瓶颈", "Limited by")}</th>
                        <th scope="col" class="num optional">{move || lang.get().pick("每年", "Yearly")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|row| {
                                let id = row.id.clone();
                                let active = {
                                    let id = id.clone();
                                    move || planner.option_id.with(|o| *o == id)
                                };
                                let pick = move |_| planner.pick_option(&id);
                                let verdict = row.verdict;
                                let clash = row.port_clash.clone();
                                let clash_words = Signal::derive(move || clash.as_ref().map(|f| f.message(lang.get().into())));
                                view! {
                                    <tr
                                        class:active=active
                                        class:recommended=row.recommended
                                        data-option-id=row.id.clone()
                                        on:click=pick
                                    >
                                        <th scope="row">
                                            <span class="compare-name">{row.name.clone()}</span>
                                            {row.recommended.then(|| view! {
                                                <span class="recommended-tag" data-testid="recommended-option">
                                                    {move || lang.get().pick("★ 推荐", "★ Recommended")}
                                                </span>
                                            })}
                                            {row.reference.then(|| view! {
                                                <span class="reference-tag">{move || lang.get().pick("现状", "today's setup")}</span>
                                            })}
                                        </th>
                                        <td>
                                            {if row.empty {
                                                // Short: the table must fit beside the board at 1280 px.
                                                let words = if row.unpriced { ("尚无服务器", "no servers yet") } else { ("未评估", "not judged") };
                                                view! { <span class="hint">{move || lang.get().pick(words.0, words.1)}</span> }.into_any()
                                            } else {
                                                view! {
                                                    <VerdictBadge verdict=Signal::derive(move || Some(verdict)) />
                                                    " "
                                                    <PortClashBadge clashes=row.port_clashes title=clash_words compact=true />
                                                }.into_any()
                                            }}
                                        </td>
                                        <td class="num">
                                            {move || if row.unpriced { "—".to_string() } else { money_text(row.monthly, lang.get()) }}
                                            {row.quoted.then(|| view! { " " <span class="quote-tag">{move || lang.get().pick("报价", "quote")}</span> })}
                                        </td>
                                        <td class="num" data-testid="compare-delta">{delta_text(row.delta, row.baseline || row.unpriced)}</td>
                                        <td class="num">{row.headroom_pct.map(|p| keep_units(&format!("{p} %")))}</td>
                                        <td>{move || row.limited_by.map(|r| lang.get().pick(r.name_zh(), r.name_en()).to_string())}</td>
                                        <td class="num optional">{move || if row.unpriced { "—".to_string() } else { money_text(row.yearly, lang.get()) }}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            </div>
            <p class="compare-rule" data-testid="recommend-rule">
                {move || {
                    let l: stackfit_core::fit::Lang = lang.get().into();
                    recommendation.with(|r| {
                        let sep = if lang.get() == Lang::Zh { "" } else { " " };
                        keep_units(&format!("{}{sep}{}", r.rule(l), r.reason(l)))
                    })
                }}
            </p>
            </section>
        </Show>
    }
}
