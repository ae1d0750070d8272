//! The tier picker: the server's tier with its spec and ¥/month; opens a
//! list grouped by provider, filterable by vCPU and memory, that says where
//! a price is estimated or unknown. Also the price override.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::model::{PriceOverride, PriceStatus, Provider, TierDef};
use stackfit_core::Action;

use crate::i18n::Lang;
use crate::state::{use_lang, use_planner};
use crate::ui::summary::money_text;

/// How a tier's catalog price reads in the list: "¥123.45/mo", "≈¥…/mo (estimated)" or "price unknown".
fn price_label(tier: &TierDef, rate_milli: i64, lang: Lang) -> String {
    let per_month = lang.pick("/月", "/mo");
    match &tier.price {
        PriceStatus::Listed { price, .. } => format!(
            "{}{per_month}",
            money_text(Some(price.to_fen(rate_milli)), lang)
        ),
        PriceStatus::Estimated { price, .. } => {
            format!(
                "≈{}{per_month} {}",
                money_text(Some(price.to_fen(rate_milli)), lang),
                lang.pick("（估算）", "(est.)")
            )
        }
        PriceStatus::Unknown => lang.pick("价格未知", "price unknown").to_string(),
    }
}

/// Parses what a user types as a monthly price in yuan: "150", "¥1,299.5".
/// Empty means "no override".
pub fn parse_yuan(text: &str) -> Result<Option<i64>, String> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '￥'])
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let (whole, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let valid = !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && frac.len() <= 2
        && frac.chars().all(|c| c.is_ascii_digit());
    if !valid || whole.len() > 9 {
        return Err(format!(
            "“{}” is not an amount in yuan, e.g. 150 or 1299.50",
            text.trim()
        ));
    }
    let fen =
        whole.parse::<i64>().unwrap_or(0) * 100 + format!("{frac:0<2}").parse::<i64>().unwrap_or(0);
    Ok(Some(fen))
}

/// The tier of one server, and the picker to change it.
#[component]
pub fn TierPicker(
    /// The server's id within the option on screen.
    server_id: String,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let sid = StoredValue::new(server_id);
    let open = RwSignal::new(false);
    let min_vcpu = RwSignal::new(0u32);
    let min_gib = RwSignal::new(0u64);
    // What the user typed when it was not an amount.
    let price_error = RwSignal::new(None::<String>);
    let server = Memo::new(move |_| {
        let id = sid.get_value();
        planner.with_option(|o| o.and_then(|o| o.server(&id)).cloned())
    });
    let rate = move || planner.report.with(|r| r.usd_cny_rate_milli);
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
        open.set(false);
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
        <div class="tier">
            <button
                class="tier-button"
                data-testid="tier-picker"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="tier-name">{button_text}</span>
                <span class="tier-price">{move || current().map(|t| price_label(t, rate(), lang.get()))}</span>
            </button>
            <Show when=move || open.get()>
                <div
                    class="tier-panel"
                    data-testid="tier-panel"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            open.set(false);
                        }
                    }
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
                                                        <li>
                                                            <button
                                                                data-testid=format!("tier-option-{}", t.id)
                                                                class:current=move || current().is_some_and(|c| c.id == t.id)
                                                                aria-current=move || current().is_some_and(|c| c.id == t.id).then_some("true")
                                                                on:click=move |_| choose(t.id)
                                                            >
                                                                <span class="tier-name">{t.name}</span>
                                                                <span class="tier-spec">{format!("{} vCPU · {} GiB", t.vcpu, t.memory_mib / 1024)}</span>
                                                                <span class="tier-price" class:unknown=matches!(t.price, PriceStatus::Unknown)>
                                                                    {move || price_label(t, rate(), lang.get())}
                                                                </span>
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
                    prop:value=move || server.with(|s| s.as_ref().and_then(|s| s.price.as_ref()).map(|p| format!("{}.{:02}", p.monthly_fen / 100, p.monthly_fen % 100)).unwrap_or_default())
                    on:change=move |ev| match parse_yuan(&event_target_value(&ev)).map_err(|_| event_target_value(&ev)) {
                        Ok(fen) => {
                            price_error.set(None);
                            let option = planner.option_id.get_untracked();
                            let price = fen.map(|monthly_fen| PriceOverride { monthly_fen, note: String::new() });
                            planner.dispatch(Action::SetServerPrice { option, server: sid.get_value(), price });
                        }
                        Err(e) => price_error.set(Some(e)),
                    }
                />
            </label>
            <Show when=move || price_error.with(Option::is_some)>
                <p class="field-error" role="alert">
                    {move || {
                        price_error.get().map(|input| match lang.get() {
                            Lang::Zh => format!("无法识别“{}”：请填写每月金额（元），如 150 或 1299.50。价格没有改动。", input.trim()),
                            Lang::En => format!("Can't read “{}” as yuan per month: write e.g. 150 or 1299.50. The price was not changed.", input.trim()),
                        })
                    }}
                </p>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_yuan;

    #[test]
    fn parses_yuan_as_people_type_them() {
        assert_eq!(parse_yuan("150"), Ok(Some(15000)));
        assert_eq!(parse_yuan("¥1,299.5"), Ok(Some(129950)));
        assert_eq!(parse_yuan(" 99.99 "), Ok(Some(9999)));
        assert_eq!(parse_yuan(""), Ok(None));
        assert!(parse_yuan("12.345").is_err());
        assert!(parse_yuan("abc").is_err());
        assert!(parse_yuan("-5").is_err());
    }
}
