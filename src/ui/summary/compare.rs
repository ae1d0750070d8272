//! The options side by side — verdict, monthly and yearly cost, and the
//! monthly difference to the first option — for whoever holds the budget.

use leptos::prelude::*;
use stackfit_core::model::units::format_fen;

use super::money_text;
use crate::state::{use_lang, use_planner};
use crate::ui::verdict::VerdictBadge;

/// A comparison table, shown when the plan has more than one option.
#[component]
pub fn OptionCompare() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let rows = move || {
        planner.report.with(|r| {
            r.options
                .iter()
                .map(|o| {
                    (
                        o.id.clone(),
                        o.name.clone(),
                        o.verdict,
                        o.monthly_fen,
                        o.yearly_fen,
                        o.monthly_delta_fen,
                        o.servers.len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || planner.report.with(|r| r.options.len() > 1)>
            <div class="compare-wrap">
            <table class="compare" data-testid="option-compare">
                <thead>
                    <tr>
                        <th>{move || lang.get().pick("方案", "Option")}</th>
                        <th>{move || lang.get().pick("结论", "Verdict")}</th>
                        <th class="optional">{move || lang.get().pick("服务器", "Servers")}</th>
                        <th class="num">{move || lang.get().pick("每月", "Monthly")}</th>
                        <th class="num optional">{move || lang.get().pick("每年", "Yearly")}</th>
                        <th class="num">{move || lang.get().pick("与第一个方案相比", "vs. first option")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows()
                            .into_iter()
                            .map(|(id, name, verdict, monthly, yearly, delta, servers)| {
                                let pick = move |_| planner.pick_option(&id);
                                view! {
                                    <tr on:click=pick>
                                        <td>{name}</td>
                                        <td><VerdictBadge verdict=Signal::derive(move || Some(verdict)) /></td>
                                        <td class="num optional">{servers}</td>
                                        <td class="num">{move || money_text(monthly, lang.get())}</td>
                                        <td class="num optional">{move || money_text(yearly, lang.get())}</td>
                                        <td class="num">
                                            {delta.map(|d| if d > 0 { format!("+{}", format_fen(d)) } else { format_fen(d) }).unwrap_or_else(|| "—".into())}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </Show>
    }
}
