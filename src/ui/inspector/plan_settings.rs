//! With nothing selected, the inspector shows the plan's settings: the
//! headroom target, the reserve formula and the USD→CNY rate.

use leptos::prelude::*;
use stackfit_core::catalog::{USD_CNY_RATE_MILLI, USD_CNY_SOURCE};
use stackfit_core::model::ReserveModel;
use stackfit_core::Action;

use crate::state::{use_lang, use_planner};

/// Plan settings.
#[component]
pub fn PlanSettings() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let settings = Memo::new(move |_| planner.with_plan(|p| p.settings.clone()));
    let reserve_field = move |label: (&'static str, &'static str),
                              get: fn(&ReserveModel) -> u64,
                              set: fn(&mut ReserveModel, u64),
                              testid: &'static str| {
        view! {
            <label class="field">
                <span>{move || lang.get().pick(label.0, label.1)}</span>
                <span class="knob-input">
                    <input
                        type="number"
                        min="0"
                        data-testid=testid
                        prop:value=move || settings.with(|s| get(&s.reserve)).to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                                let mut reserve = settings.with_untracked(|s| s.reserve);
                                set(&mut reserve, v);
                                planner.dispatch_live(Action::SetReserve { reserve });
                            }
                        }
                    />
                    <span class="unit">"MiB"</span>
                </span>
            </label>
        }
    };
    view! {
        <h2>{move || lang.get().pick("方案设置", "Plan settings")}</h2>
        <p class="hint">{move || lang.get().pick("选中服务器或服务即可编辑它。", "Select a server or a service to edit it.")}</p>
        <label class="field">
            <span>{move || lang.get().pick("目标余量", "Headroom target")}</span>
            <span class="knob-input">
                <input
                    type="number"
                    min="0"
                    max="90"
                    data-testid="headroom-target"
                    prop:value=move || settings.with(|s| s.headroom_target_pct).to_string()
                    on:input=move |ev| {
                        if let Ok(pct) = event_target_value(&ev).trim().parse::<u32>() {
                            planner.dispatch_live(Action::SetHeadroomTarget { pct });
                        }
                    }
                />
                <span class="unit">"%"</span>
            </span>
        </label>
        <h3>{move || lang.get().pick("系统与 Docker 预留", "OS and Docker reserve")}</h3>
        {reserve_field(("操作系统", "Operating system"), |r| r.os_mib, |r, v| r.os_mib = v, "reserve-os")}
        {reserve_field(("containerd", "containerd"), |r| r.containerd_mib, |r, v| r.containerd_mib = v, "reserve-containerd")}
        {reserve_field(("dockerd", "dockerd"), |r| r.dockerd_mib, |r, v| r.dockerd_mib = v, "reserve-dockerd")}
        {reserve_field(("每个容器", "Per container"), |r| r.per_container_mib, |r, v| r.per_container_mib = v, "reserve-per-container")}
        <h3>{move || lang.get().pick("汇率", "Exchange rate")}</h3>
        <label class="field">
            <span>"¥ / US$"</span>
            <input
                inputmode="decimal"
                data-testid="fx-rate"
                prop:value=move || {
                    let milli = settings.with(|s| s.usd_cny_rate_milli).unwrap_or(USD_CNY_RATE_MILLI);
                    format!("{}.{:03}", milli / 1000, milli % 1000)
                }
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let milli = text.trim().parse::<f64>().ok().filter(|r| *r > 0.0 && *r < 100.0).map(|r| (r * 1000.0).round() as i64);
                    planner.dispatch(Action::SetFxRate { usd_cny_rate_milli: milli });
                }
            />
        </label>
        <p class="hint">
            {move || match lang.get() {
                crate::i18n::Lang::Zh => format!("默认汇率：{}（{}）。留空恢复默认。", USD_CNY_SOURCE.title, USD_CNY_SOURCE.date),
                crate::i18n::Lang::En => format!("Default rate: {} ({}). Clear to restore.", USD_CNY_SOURCE.title, USD_CNY_SOURCE.date),
            }}
        </p>
    }
}
