//! With nothing selected, the inspector shows the plan's settings: the
//! headroom target, the reserve formula and the USD→CNY rate, each checked
//! against the engine's range before it is applied.

use leptos::prelude::*;
use stackfit_core::catalog::{USD_CNY_RATE_MILLI, USD_CNY_SOURCE, USD_CNY_SOURCE_ZH};
use stackfit_core::model::bounds::{self, Bound};
use stackfit_core::model::ReserveModel;
use stackfit_core::Action;

use crate::i18n::Lang;
use crate::state::{use_lang, use_planner};
use crate::ui::fields::{NumberField, NumberKind};

/// Plan settings.
#[component]
pub fn PlanSettings() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let settings = Memo::new(move |_| planner.with_plan(|p| p.settings.clone()));
    let reserve_field = move |label: (&'static str, &'static str),
                              bound: Bound,
                              get: fn(&ReserveModel) -> u64,
                              set: fn(&mut ReserveModel, u64),
                              testid: &'static str| {
        view! {
            <NumberField
                label
                bound
                value=Signal::derive(move || settings.with(|s| i64::try_from(get(&s.reserve)).ok()))
                on_apply=Callback::new(move |v: Option<i64>| {
                    if let Some(v) = v.and_then(|v| u64::try_from(v).ok()) {
                        let mut reserve = settings.with_untracked(|s| s.reserve);
                        set(&mut reserve, v);
                        planner.dispatch_live(Action::SetReserve { reserve });
                    }
                })
                testid
                unit=Some(("MiB", "MiB"))
            />
        }
    };
    view! {
        <h2 tabindex="-1" data-testid="inspector-heading">{move || lang.get().pick("方案设置", "Plan settings")}</h2>
        <p class="hint">{move || lang.get().pick("选中服务器或服务即可编辑它。", "Select a server or a service to edit it.")}</p>
        <NumberField
            label=("目标余量", "Headroom target")
            bound=bounds::HEADROOM_PCT
            value=Signal::derive(move || settings.with(|s| Some(i64::from(s.headroom_target_pct))))
            on_apply=Callback::new(move |v: Option<i64>| {
                if let Some(pct) = v.and_then(|v| u32::try_from(v).ok()) {
                    planner.dispatch_live(Action::SetHeadroomTarget { pct });
                }
            })
            testid="headroom-target"
            unit=Some(("%", "%"))
        />
        <h3>{move || lang.get().pick("系统与 Docker 预留", "OS and Docker reserve")}</h3>
        {reserve_field(("操作系统", "Operating system"), bounds::RESERVE_OS_MIB, |r| r.os_mib, |r, v| r.os_mib = v, "reserve-os")}
        {reserve_field(("containerd", "containerd"), bounds::RESERVE_DAEMON_MIB, |r| r.containerd_mib, |r, v| r.containerd_mib = v, "reserve-containerd")}
        {reserve_field(("dockerd", "dockerd"), bounds::RESERVE_DAEMON_MIB, |r| r.dockerd_mib, |r, v| r.dockerd_mib = v, "reserve-dockerd")}
        {reserve_field(("每个容器", "Per container"), bounds::RESERVE_PER_CONTAINER_MIB, |r| r.per_container_mib, |r, v| r.per_container_mib = v, "reserve-per-container")}
        <h3>{move || lang.get().pick("汇率", "Exchange rate")}</h3>
        <NumberField
            label=("1 美元兑人民币（元）", "Yuan per US dollar")
            bound=bounds::USD_CNY_RATE_MILLI
            kind=NumberKind::Thousandths
            optional=true
            value=Signal::derive(move || Some(settings.with(|s| s.usd_cny_rate_milli).unwrap_or(USD_CNY_RATE_MILLI)))
            on_apply=Callback::new(move |usd_cny_rate_milli: Option<i64>| {
                planner.dispatch(Action::SetFxRate { usd_cny_rate_milli });
            })
            testid="fx-rate"
        />
        <p class="hint">
            {move || match lang.get() {
                Lang::Zh => format!("默认汇率：{}（{}）。清空即恢复默认。", USD_CNY_SOURCE_ZH, USD_CNY_SOURCE.date),
                Lang::En => format!("Default rate: {} ({}). Clear the field to restore it.", USD_CNY_SOURCE.title, USD_CNY_SOURCE.date),
            }}
        </p>
    }
}
