//! Inspects one server: its label, the memory the OS really sees, and where
//! its price comes from.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::cost::price_basis_words;
use stackfit_core::fit::PriceBasis;
use stackfit_core::model::bounds;
use stackfit_core::model::PriceStatus;
use stackfit_core::Action;

use crate::state::{use_lang, use_planner, Selection};
use crate::ui::fields::{LineRefusal, MemoryField, TextLineField};

/// The inspector for a server.
#[component]
pub fn ServerInspector(
    /// The server's id within the option on screen.
    server_id: String,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let sid = StoredValue::new(server_id);
    let server = Memo::new(move |_| {
        let id = sid.get_value();
        planner.with_option(|o| o.and_then(|o| o.server(&id)).cloned())
    });
    let tier = move || server.with(|s| s.as_ref().and_then(|s| catalog::tier(&s.tier)));
    let price_source = move || {
        let lang = lang.get();
        match tier().map(|t| t.price) {
            Some(PriceStatus::Listed {
                source, billing, ..
            }) => format!(
                "{}{billing} — {} ({})",
                lang.pick("目录价格，计费说明：", "Catalog price: "),
                source.title,
                source.date
            ),
            Some(PriceStatus::Estimated {
                source, formula, ..
            }) => {
                format!(
                    "{} {formula} — {} ({})",
                    lang.pick("估算：", "Estimated:"),
                    source.title,
                    source.date
                )
            }
            Some(PriceStatus::Unknown) | None => lang
                .pick(
                    "没有可靠来源的目录价格。请在服务器卡片上填写你的实际价格。",
                    "No sourced catalog price. Enter your own price on the server card.",
                )
                .to_string(),
        }
    };
    let quote_source = move || {
        let option = planner.option_id.get();
        let id = sid.get_value();
        planner.report.with(|r| {
            let basis = &r.option(&option)?.server(&id)?.price_basis;
            matches!(basis, PriceBasis::Quote { .. })
                .then(|| price_basis_words(basis, lang.get().into()))
        })
    };
    view! {
        <Show when=move || server.with(Option::is_some) fallback=move || planner.selection.set(Selection::None)>
            <h2 tabindex="-1" data-testid="inspector-heading">{move || server.with(|s| s.as_ref().map(|s| s.label.clone()))}</h2>
            <p class="hint">{move || tier().map(|t| format!("{} · {} vCPU · {} GiB", t.name, t.vcpu, t.memory_mib / 1024))}</p>
            <MemoryField
                label=("系统可见内存（free -m 的 total）", "Memory the OS sees (free -m total)")
                bound=bounds::SERVER_MIB
                value=Signal::derive(move || server.with(|s| s.as_ref().and_then(|s| s.usable_mib)))
                placeholder=("按规格估算", "estimated from the tier")
                on_set=Callback::new(move |usable_mib| {
                    planner.dispatch(Action::SetServerUsable { option: planner.option_id.get_untracked(), server: sid.get_value(), usable_mib })
                })
                testid="usable"
            />
            <TextLineField
                label=("内网地址", "Private address")
                value=Signal::derive(move || server.with(|s| s.as_ref().and_then(|s| s.private_address.clone()).unwrap_or_default()))
                bound=bounds::ADDRESS_CHARS
                hint=("其他服务器上的服务通过它访问这台服务器（如 172.16.0.10）；留空则导出为必须填写的变量", "Where the other servers reach this one (e.g. 172.16.0.10); empty: the export asks for it in .env")
                on_apply=Callback::new(move |text: String| {
                    let address = (!text.is_empty()).then_some(text);
                    planner
                        .try_dispatch(Action::SetServerAddress { option: planner.option_id.get_untracked(), server: sid.get_value(), address })
                        .err()
                        .map(LineRefusal::Engine)
                })
                testid="private-address"
                placeholder=("例如 172.16.0.10", "e.g. 172.16.0.10")
            />
            <section class="price-source">
                <h3>{move || lang.get().pick("价格来源", "Where the price comes from")}</h3>
                <p data-testid="price-source">
                    {move || match server.with(|s| s.as_ref().and_then(|s| s.price.clone())) {
                        Some(p) if !p.note.is_empty() => format!("{} — {}", lang.get().pick("你填写的价格", "Your price"), p.note),
                        Some(_) => lang.get().pick("你填写的价格", "Your price").to_string(),
                        // A quote (the user's own, or one a shared plan carries) prices it.
                        None => quote_source().unwrap_or_else(price_source),
                    }}
                </p>
            </section>
        </Show>
    }
}
