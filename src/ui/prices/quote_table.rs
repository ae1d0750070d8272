//! A list of quotes: the user's own (edit, remove) or the ones a shared
//! plan carries from its sender (copy one into my prices). Each row says
//! the tier, ¥/month, what a year costs (the prepaid figure, or twelve
//! months), the billing, the date and the note.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::model::price::{Quote, QuoteFrom};
use stackfit_core::model::units::format_fen;

use crate::i18n::{keep_units, Lang};
use crate::state::use_lang;

/// "ecs.c7.large · 2 vCPU · 4 GiB", or the id of a tier the catalog lacks.
pub fn tier_words(id: &str) -> String {
    match catalog::tier(id) {
        Some(t) => format!("{} · {} vCPU · {} GiB", t.name, t.vcpu, t.memory_mib / 1024),
        None => id.to_string(),
    }
}

fn yearly_words(q: &Quote, lang: Lang) -> String {
    let year = format_fen(q.yearly());
    match (q.yearly_fen.is_some(), lang) {
        (true, Lang::Zh) => format!("{year}（包年）"),
        (true, Lang::En) => format!("{year} (prepaid)"),
        (false, Lang::Zh) => format!("{year}（按 12 个月）"),
        (false, Lang::En) => format!("{year} (12 × monthly)"),
    }
}

/// What a row's action button does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RowAction {
    /// The user's own quotes: edit and remove.
    Mine,
    /// A shared plan's quotes: copy into my prices.
    Sender,
}

/// The table of `quotes`. `on_edit` / `on_remove` / `on_copy` get the quote
/// of the row whose button was pressed.
#[component]
pub fn QuoteTable(
    #[prop(into)] quotes: Signal<Vec<Quote>>,
    action: RowAction,
    /// data-testid of the table.
    testid: &'static str,
    #[prop(optional, into)] on_edit: Option<Callback<Quote>>,
    #[prop(optional, into)] on_remove: Option<Callback<Quote>>,
    #[prop(optional, into)] on_copy: Option<Callback<Quote>>,
    /// For a sender's quote: the user's own quote of that tier, if any.
    #[prop(optional, into)]
    mine: Option<Signal<Vec<Quote>>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="quote-scroll" tabindex="0" role="region" aria-label=move || lang.get().pick("报价表", "Quotes")>
        <table class="quotes" data-testid=testid>
            <thead>
                <tr>
                    <th scope="col">{move || lang.get().pick("规格", "Tier")}</th>
                    <th scope="col" class="num">{move || lang.get().pick("每月", "Monthly")}</th>
                    <th scope="col" class="num">{move || lang.get().pick("每年", "Yearly")}</th>
                    <th scope="col">{move || lang.get().pick("计费", "Billing")}</th>
                    <th scope="col">{move || lang.get().pick("日期", "Date")}</th>
                    <th scope="col">{move || lang.get().pick("备注", "Note")}</th>
                    <th scope="col"><span class="visually-hidden">{move || lang.get().pick("操作", "Actions")}</span></th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    quotes
                        .get()
                        .into_iter()
                        .map(|q| {
                            let quote = StoredValue::new(q.clone());
                            let tier = q.tier.clone();
                            let own = mine.map(|m| {
                                let tier = tier.clone();
                                Signal::derive(move || m.with(|m| m.iter().find(|o| o.tier == tier).cloned()))
                            });
                            let buttons = match action {
                                RowAction::Mine => view! {
                                    <button class="tool" data-testid="quote-edit" on:click=move |_| { if let Some(f) = on_edit { f.run(quote.get_value()) } }>
                                        {move || lang.get().pick("修改", "Edit")}
                                    </button>
                                    <button class="tool" data-testid="quote-remove" on:click=move |_| { if let Some(f) = on_remove { f.run(quote.get_value()) } }>
                                        {move || lang.get().pick("删除", "Remove")}
                                    </button>
                                }.into_any(),
                                RowAction::Sender => view! {
                                    <button class="tool" data-testid="copy-quote" on:click=move |_| { if let Some(f) = on_copy { f.run(quote.get_value()) } }>
                                        {move || match own.and_then(|o| o.get()) {
                                            Some(_) => lang.get().pick("用它替换我的报价", "Replace mine with it"),
                                            None => lang.get().pick("复制到我的报价", "Copy to my prices"),
                                        }}
                                    </button>
                                    {move || own.and_then(|o| o.get()).map(|o| {
                                        let text = match lang.get() {
                                            Lang::Zh => format!("目前使用你自己的报价：{}/月", format_fen(o.monthly_fen)),
                                            Lang::En => format!("Yours is used now: {}/month", format_fen(o.monthly_fen)),
                                        };
                                        view! { <span class="hint mine-used">{text}</span> }
                                    })}
                                }.into_any(),
                            };
                            let billing = q.billing;
                            let whose = q.from;
                            view! {
                                <tr data-testid=match action { RowAction::Mine => "quote-row", RowAction::Sender => "sender-quote" } data-tier=q.tier.clone()>
                                    <th scope="row">
                                        <span class="quote-tier-name">{tier_words(&q.tier)}</span>
                                        {(whose == QuoteFrom::Sender).then(|| view! { <span class="quote-tag">{move || lang.get().pick("发送方", "sender's")}</span> })}
                                    </th>
                                    <td class="num" data-testid="quote-row-monthly" data-label=move || lang.get().pick("每月", "Monthly")>{
                                        let (month, derived) = (format_fen(q.monthly_fen), q.month_from_year());
                                        move || keep_units(&match (derived, lang.get()) {
                                            (false, _) => month.clone(),
                                            (true, Lang::Zh) => format!("{month}（按年价 ÷ 12）"),
                                            (true, Lang::En) => format!("{month} (year ÷ 12)"),
                                        })
                                    }</td>
                                    <td class="num" data-testid="quote-row-yearly" data-label=move || lang.get().pick("每年", "Yearly")>{
                                        let q = q.clone();
                                        move || keep_units(&yearly_words(&q, lang.get()))
                                    }</td>
                                    <td data-label=move || lang.get().pick("计费", "Billing")>{move || lang.get().pick(billing.name_zh(), billing.name_en())}</td>
                                    <td class="date" data-label=move || lang.get().pick("日期", "Date")>{q.date.clone()}</td>
                                    <td class="note" data-label=move || lang.get().pick("备注", "Note")>{q.note.clone()}</td>
                                    <td class="row-actions">{buttons}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
        </div>
    }
}
