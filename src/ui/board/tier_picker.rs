//! The tier picker: the server's tier with its spec and ¥/month; opens a
//! list grouped by provider, filterable by vCPU and memory, that says where
//! a price is estimated or unknown. Also the price override.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::cost::{price_basis_words, tier_price_words, Prices};
use stackfit_core::model::bounds::{self, MONTHLY_FEN};
use stackfit_core::model::{PriceOverride, PriceStatus, Provider, TierDef};
use stackfit_core::Action;

use crate::i18n::{keep_units, Lang};
use crate::state::{use_lang, use_my_prices, use_planner, use_popovers};
use crate::ui::fields::parse::parse_yuan;
use crate::ui::fields::FieldError;

/// How a tier's price reads: the engine's words, the same as in the
/// upgrade fixes ("¥300.00/month", "≈¥401.00/month (estimated)",
/// "¥180.00/month (your quote, 2026-11-30)").
fn price_label(tier: &TierDef, prices: &Prices, lang: Lang) -> String {
    keep_units(&tier_price_words(tier, prices, lang.into()))
}

/// Where that price comes from, with its date: the price's tooltip.
fn price_source(tier: &TierDef, prices: &Prices, lang: Lang) -> String {
    price_basis_words(&prices.tier(tier.id, Some(tier)).basis, lang.into())
}

/// The tier of one server, and the picker to change it.
#[component]
pub fn TierPicker(
    /// The server's id within the option on screen.
    server_id: String,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let popovers = use_popovers();
    let my_prices = use_my_prices();
    let key = format!("tier:{server_id}");
    let sid = StoredValue::new(server_id);
    let open = {
        let key = key.clone();
        Memo::new(move |_| popovers.is_open(&key))
    };
    let min_vcpu = RwSignal::new(0u32);
    let min_gib = RwSignal::new(0u64);
    // Why what the user typed as a price was not applied.
    let price_error = RwSignal::new(None::<FieldError>);
    let server = Memo::new(move |_| {
        let id = sid.get_value();
        planner.with_option(|o| o.and_then(|o| o.server(&id)).cloned())
    });
    let current = move || server.with(|s| s.as_ref().and_then(|s| catalog::tier(&s.tier)));
    let button_text = move || match current() {
        Some(t) => format!("{} · {}C{}G", t.name, t.vcpu, t.memory_mib / 1024),
        None => server.with(|s| s.as_ref().map(|s| s.tier.clone()).unwrap_or_default()),
    };
    let choose = move |tier: &'static str| {
        let option = planner.option_id.get_untracked();
        planner.dispatch(Action::SetTier {
            option,
            server: sid.get_value(),
            tier: tier.to_string(),
        });
        popovers.dismiss();
    };
    let groups = move || {
        let (v, g) = (min_vcpu.get(), min_gib.get());
        Provider::ALL
            .into_iter()
            .map(|provider| {
                let tiers: Vec<&'static TierDef> = catalog::tiers()
                    .iter()
                    .filter(|t| t.provider == provider && t.vcpu >= v && t.memory_mib >= g * 1024)
                    .collect();
                (provider, tiers)
            })
            .filter(|(_, tiers)| !tiers.is_empty())
            .collect::<Vec<_>>()
    };
    view! {
        <div class="tier" data-popover=key.clone()>
            <button
                class="tier-button"
                data-testid="tier-picker"
                data-popover-trigger=key.clone()
                aria-haspopup="dialog"
                aria-expanded=move || open.get().to_string()
                on:click={
                    let key = key.clone();
                    move |_| popovers.toggle(&key)
                }
            >
                <span class="tier-name">{button_text}</span>
                <span class="tier-price" title=move || current().map(|t| planner.with_prices(|p| price_source(t, p, lang.get())))>
                    // The server's own price, when it has one, is the one it
                    // costs (the field below): the tier's is not shown here.
                    {move || match server.with(|s| s.as_ref().is_some_and(|s| s.price.is_some())) {
                        true => Some(lang.get().pick("方案中填写的价格", "the plan's own price").to_string()),
                        false => current().map(|t| planner.with_prices(|p| price_label(t, p, lang.get()))),
                    }}
                </span>
            </button>
            <Show when=move || open.get()>
                <div
                    class="tier-panel"
                    data-testid="tier-panel"
                    role="dialog"
                    aria-label=move || lang.get().pick("选择规格", "Choose a tier")
                >
                    <div class="tier-filters">
                        <label>
                            "vCPU ≥ "
                            <select on:change=move |ev| min_vcpu.set(event_target_value(&ev).parse().unwrap_or(0))>
                                {[0u32, 2, 4, 8, 16].into_iter().map(|n| view! { <option value=n.to_string()>{if n == 0 { "—".to_string() } else { n.to_string() }}</option> }).collect_view()}
                            </select>
                        </label>
                        <label>
                            {move || lang.get().pick("内存 ≥ ", "Memory ≥ ")}
                            <select on:change=move |ev| min_gib.set(event_target_value(&ev).parse().unwrap_or(0))>
                                {[0u64, 2, 4, 8, 16, 32, 64].into_iter().map(|n| view! { <option value=n.to_string()>{if n == 0 { "—".to_string() } else { format!("{n} GiB") }}</option> }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <div class="tier-list">
                        {move || {
                            groups()
                                .into_iter()
                                .map(|(provider, tiers)| {
                                    view! {
                                        <h4>{move || lang.get().pick(provider.name_zh(), provider.name_en())}</h4>
                                        <ul>
                                            {tiers
                                                .into_iter()
                                                .map(|t| {
                                                    view! {
                                                        <li class="tier-row">
                                                            <button
                                                                data-testid=format!("tier-option-{}", t.id)
                                                                class:current=move || current().is_some_and(|c| c.id == t.id)
                                                                aria-current=move || current().is_some_and(|c| c.id == t.id).then_some("true")
                                                                on:click=move |_| choose(t.id)
                                                            >
                                                                <span class="tier-name">{t.name}</span>
                                                                <span class="tier-spec">{format!("{} vCPU · {} GiB", t.vcpu, t.memory_mib / 1024)}</span>
                                                                <span
                                                                    class="tier-price"
                                                                    class:unknown=matches!(t.price, PriceStatus::Unknown)
                                                                    title=move || planner.with_prices(|p| price_source(t, p, lang.get()))
                                                                >
                                                                    {move || planner.with_prices(|p| price_label(t, p, lang.get()))}
                                                                </span>
                                                            </button>
                                                            <button
                                                                class="set-price"
                                                                data-testid=format!("set-price-{}", t.id)
                                                                aria-label=move || match lang.get() {
                                                                    Lang::Zh => format!("我的价：{}", t.name),
                                                                    Lang::En => format!("My price for {}", t.name),
                                                                }
                                                                on:click=move |_| crate::ui::prices::open_for_tier(my_prices, popovers, t.id)
                                                            >
                                                                {move || lang.get().pick("我的价", "my price")}
                                                            </button>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                </div>
            </Show>
            <label class="price-override edit-only">
                <span>{move || lang.get().pick("实际价格 ¥/月", "Your price ¥/month")}</span>
                <input
                    data-testid="price-override"
                    inputmode="decimal"
                    placeholder=move || lang.get().pick("留空用目录价", "empty = catalog")
                    aria-invalid=move || price_error.with(Option::is_some).then_some("true")
                    title=move || keep_units(&match lang.get() {
                        Lang::Zh => format!("可填 {}", MONTHLY_FEN.range_zh()),
                        Lang::En => format!("Allowed {}", MONTHLY_FEN.range_en()),
                    })
                    prop:value=move || server.with(|s| s.as_ref().and_then(|s| s.price.as_ref()).map(|p| yuan_text(p.monthly_fen)).unwrap_or_default())
                    on:change=move |ev| {
                        let checked = parse_yuan(&event_target_value(&ev)).and_then(|fen| match fen {
                            Some(f) => bounds::MONTHLY_FEN.check(f).map(Some).map_err(FieldError::Range),
                            None => Ok(None),
                        });
                        match checked {
                            Ok(fen) => {
                                price_error.set(None);
                                let option = planner.option_id.get_untracked();
                                let price = fen.map(|monthly_fen| PriceOverride { monthly_fen, note: String::new() });
                                planner.dispatch(Action::SetServerPrice { option, server: sid.get_value(), price });
                            }
                            Err(e) => {
                                price_error.set(Some(e));
                                // The field shows the price the plan holds.
                                let held = server.with_untracked(|s| s.as_ref().and_then(|s| s.price.as_ref()).map(|p| yuan_text(p.monthly_fen)).unwrap_or_default());
                                event_target::<web_sys::HtmlInputElement>(&ev).set_value(&held);
                            }
                        }
                    }
                />
            </label>
            <Show when=move || price_error.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid="price-override-error">
                    {move || price_error.get().map(|e| keep_units(&e.text(lang.get())))}
                </p>
            </Show>
        </div>
    }
}

/// "1299.50" for 129950 fen: what the price field shows.
fn yuan_text(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}
