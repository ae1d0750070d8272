//! The options side by side, as the engine's report for budget holders
//! (`present::Presentation`) words them: verdict, monthly and yearly ¥, the
//! difference to the baseline option, the smallest headroom, the share of
//! assumed figures and what limits each; under each option its servers and
//! tiers, where its prices come from, and its worst findings. The same table in
//! the planner's compare view and on the report page; on a phone each
//! option becomes a card.

use leptos::prelude::*;
use stackfit_core::present::{CompareRow, Presentation};

use crate::i18n::{keep_units, Lang};
use crate::state::use_lang;
use crate::ui::verdict::{PortClashBadge, VerdictBadge};

/// The column headings, in (zh, en): also each cell's label on a phone.
const COLUMNS: [(&str, &str); 8] = [
    ("方案", "Option"),
    ("结论", "Verdict"),
    ("每月", "Monthly"),
    ("每年", "Yearly"),
    ("对比基准", "vs. baseline"),
    ("最小余量", "Smallest headroom"),
    ("假设占比", "Assumed"),
    ("瓶颈", "Limited by"),
];

fn label(i: usize, lang: Lang) -> &'static str {
    lang.pick(COLUMNS[i].0, COLUMNS[i].1)
}

/// The comparison of `presentation`'s options, one `<tbody>` each: a row
/// of figures, then a row with its servers, where its prices come from and
/// its worst findings. With `on_reference`, each option has a checkbox that
/// marks it as today's setup (compared, never recommended); without, the
/// table only reads.
#[component]
pub fn ComparisonTable(
    #[prop(into)] presentation: Signal<Presentation>,
    /// The ids of the options kept for comparison (today's setup).
    #[prop(into)]
    references: Signal<Vec<String>>,
    /// Marks or unmarks an option as today's setup.
    #[prop(optional, into)]
    on_reference: Option<Callback<(String, bool)>>,
) -> impl IntoView {
    let lang = use_lang();
    let baseline_name = move || {
        presentation.with(|p| {
            p.rows
                .iter()
                .find(|r| r.baseline)
                .map(|r| r.name.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="comparison-scroll" tabindex="0" role="region" aria-label=move || lang.get().pick("方案对比表", "Comparison of the options")>
            <table class="comparison" data-testid="comparison">
                <thead>
                    <tr>
                        {(0..COLUMNS.len())
                            .map(|i| {
                                let class = if (2..=6).contains(&i) { "num" } else { "" };
                                view! {
                                    <th scope="col" class=class>
                                        {move || label(i, lang.get())}
                                        {(i == 4).then(|| view! { <span class="col-note">{baseline_name}</span> })}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                {move || {
                    presentation
                        .get()
                        .rows
                        .into_iter()
                        .map(|row| view! { <Row row references on_reference /> })
                        .collect_view()
                }}
            </table>
        </div>
    }
}

#[component]
fn Row(
    row: CompareRow,
    references: Signal<Vec<String>>,
    on_reference: Option<Callback<(String, bool)>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = StoredValue::new(row.id.clone());
    let reference = move || references.with(|r| r.contains(&id.get_value()));
    let verdict = row.verdict;
    let evaluated = row.evaluated;
    let cell = move |i: usize| move || label(i, lang.get());
    let headroom = row
        .headroom_pct
        .map(|h| keep_units(&format!("{h} %")))
        .unwrap_or_else(|| "—".into());
    let sep = move || lang.get().pick("；", "; ");
    let sources = row.price_sources.clone();
    view! {
        <tbody
            data-testid="comparison-row"
            data-option-id=row.id.clone()
            class:recommended=row.recommended
            class:baseline=row.baseline
            class:reference=reference
        >
            <tr class="figures">
                <th scope="row" data-label=cell(0)>
                    <span class="comparison-name">{row.name.clone()}</span>
                    <span class="tags">
                        {row.recommended.then(|| view! {
                            <span class="recommended-tag" data-testid="comparison-recommended">{move || lang.get().pick("★ 推荐", "★ Recommended")}</span>
                        })}
                        {row.baseline.then(|| view! {
                            <span class="baseline-tag" data-testid="comparison-baseline">{move || lang.get().pick("对比基准", "baseline")}</span>
                        })}
                        <Show when=reference>
                            <span class="reference-tag" data-testid="comparison-reference">{move || lang.get().pick("现状", "today's setup")}</span>
                        </Show>
                    </span>
                </th>
                <td data-label=cell(1)>
                    {if evaluated {
                        view! {
                            <VerdictBadge verdict=Signal::derive(move || Some(verdict)) />
                            " "
                            <PortClashBadge clashes=row.port_clashes title=row.port_clash_message.clone() />
                        }.into_any()
                    } else {
                        view! { <span class="hint">{row.verdict_words.clone()}</span> }.into_any()
                    }}
                </td>
                <td class="num money" data-label=cell(2) data-testid="comparison-monthly">{row.monthly.clone()}</td>
                <td class="num" data-label=cell(3) data-testid="comparison-yearly">{row.yearly.clone()}</td>
                <td class="num" data-label=cell(4) data-testid="comparison-delta">{row.delta.clone()}</td>
                <td class="num" data-label=cell(5)>{headroom}</td>
                <td class="num" data-label=cell(6)>{keep_units(&format!("{} %", row.assumed_pct))}</td>
                <td class="limited" data-label=cell(7)>
                    {if row.limited_by.is_empty() { "—".to_string() } else { keep_units(&row.limited_by) }}
                </td>
            </tr>
            <tr class="details">
                <td colspan=COLUMNS.len().to_string()>
                    <dl class="comparison-details">
                        <div>
                            <dt>{move || lang.get().pick("服务器", "Servers")}</dt>
                            <dd>{row.servers.clone()}</dd>
                        </div>
                        <div>
                            <dt>{move || lang.get().pick("价格来源", "Prices")}</dt>
                            <dd data-testid="comparison-price-sources">{move || sources.join(sep())}</dd>
                        </div>
                        <div>
                            <dt>{move || lang.get().pick("问题", "Findings")}</dt>
                            <dd>
                                {row.finding_counts.clone()}
                                <ul class="top-findings">
                                    {row.top_findings.iter().map(|f| view! { <li>{keep_units(f)}</li> }).collect_view()}
                                </ul>
                            </dd>
                        </div>
                    </dl>
                    {on_reference.map(|f| view! {
                        <label class="reference-toggle">
                            <input
                                type="checkbox"
                                data-testid="reference-toggle"
                                prop:checked=reference
                                on:change=move |ev| f.run((id.get_value(), event_target_checked(&ev)))
                            />
                            {move || lang.get().pick("这是现状（只作对比，不参与推荐）", "This is today's setup (compared, never recommended)")}
                        </label>
                    })}
                </td>
            </tr>
        </tbody>
    }
}
