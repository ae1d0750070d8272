//! "My prices": the user's price book. The header's button opens a dialog
//! that lists the quotes, adds, edits and removes them, imports and exports
//! them as CSV, and shows the quotes a shared plan carries from its sender
//! with a way to copy one. The tier picker opens it on one tier ("set my
//! price"). Every plan is priced with the book first (`Planner::book`).

mod quote_form;
mod quote_table;

use leptos::html;
use leptos::prelude::*;
use stackfit_core::model::price::{Quote, QuoteFrom};

pub use quote_form::yuan_text;
use quote_form::{Draft, QuoteForm};
pub use quote_table::tier_words;
use quote_table::{QuoteTable, RowAction};

use crate::browser::{clock::today, download};
use crate::i18n::Lang;
use crate::state::prices::csv_error_text;
use crate::state::{use_lang, use_my_prices, use_planner, MyPrices, Popovers, Selection};
use crate::ui::dialog::{Modal, OpenButton};

/// The popover key of the price-book dialog.
pub const KEY: &str = "prices";

/// Opens the price book on `tier` (from the tier picker).
pub fn open_for_tier(prices: MyPrices, popovers: Popovers, tier: &str) {
    prices.asked_tier.set(Some(tier.to_string()));
    popovers.open(KEY);
}

/// The header's button: "My prices", with how many quotes the book holds.
#[component]
pub fn PricesButton() -> impl IntoView {
    let planner = use_planner();
    let count = move || planner.book.with(|b| b.quotes.len());
    view! {
        <OpenButton key=KEY class="tool prices-button" testid="prices-button" label=("我的报价", "My prices")>
            <Show when=move || count() != 0>
                " "<span class="count-badge">{count}</span>
            </Show>
        </OpenButton>
    }
}

/// What the last import or export did.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    None,
    Saved(String),
    Removed(String),
    Imported(usize),
    Exported(String),
    Failed(String),
}

fn status_text(s: &Status, lang: Lang) -> String {
    match (s, lang) {
        (Status::None, _) => String::new(),
        (Status::Saved(t), Lang::Zh) => format!("已保存 {t} 的报价；所有方案都按它计价。"),
        (Status::Saved(t), Lang::En) => {
            format!("Saved the quote for {t}; every plan is priced with it.")
        }
        (Status::Removed(t), Lang::Zh) => format!("已删除 {t} 的报价。"),
        (Status::Removed(t), Lang::En) => format!("Removed the quote for {t}."),
        (Status::Imported(n), Lang::Zh) => format!("已导入 {n} 条报价。"),
        (Status::Imported(n), Lang::En) => format!("Imported {n} quotes."),
        (Status::Exported(name), Lang::Zh) => format!("已下载“{name}”。"),
        (Status::Exported(name), Lang::En) => format!("Downloaded “{name}”."),
        (Status::Failed(why), Lang::Zh) => format!("浏览器未能完成：{why}"),
        (Status::Failed(why), Lang::En) => format!("The browser could not do it: {why}"),
    }
}

/// The price-book dialog, shown while its popover is open.
#[component]
pub fn PriceBookDialog() -> impl IntoView {
    view! {
        <Modal key=KEY class="prices-dialog" testid="price-book" labelledby="prices-title" title=("我的报价", "My prices")>
            <PriceBook />
        </Modal>
    }
}

/// The tier a new quote starts on: the one asked for, else the selected
/// server's, else the first server's of the option on screen.
fn starting_tier() -> String {
    let planner = use_planner();
    if let Some(t) = use_my_prices().asked_tier.get_untracked() {
        return t;
    }
    let selected = match planner.selection.get_untracked() {
        Selection::Server(id) => Some(id),
        _ => None,
    };
    planner
        .with_option(|o| {
            let o = o?;
            selected
                .and_then(|id| o.server(&id))
                .or(o.servers.first())
                .map(|s| s.tier.clone())
        })
        .unwrap_or_else(|| "aliyun-ecs-c7-large".into())
}

#[component]
fn PriceBook() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let prices = use_my_prices();
    let draft = Draft::new(starting_tier());
    // Asked for one tier: edit its quote if there is one.
    if let Some(tier) = prices.asked_tier.get_untracked() {
        if let Some(q) = planner.book.with_untracked(|b| b.quote(&tier).cloned()) {
            draft.load(&q);
        }
        prices.asked_tier.set(None);
    }
    let status = RwSignal::new(Status::None);
    let import_error = RwSignal::new(None::<stackfit_core::model::price::CsvError>);
    let picker = NodeRef::<html::Input>::new();

    let mine = Signal::derive(move || planner.book.with(|b| b.quotes.clone()));
    let senders = Signal::derive(move || planner.with_plan(|p| p.quotes.clone()));

    let edit = Callback::new(move |q: Quote| {
        draft.load(&q);
        crate::browser::focus::focus_testid_later("quote-monthly");
    });
    let remove = Callback::new(move |q: Quote| {
        prices.remove(&q.tier);
        if draft.editing.get_untracked().as_deref() == Some(q.tier.as_str()) {
            draft.reset(q.tier.clone());
        }
        status.set(Status::Removed(q.tier));
    });
    let copy = Callback::new(move |q: Quote| {
        let tier = q.tier.clone();
        prices.set(Quote {
            from: QuoteFrom::Mine,
            ..q
        });
        status.set(Status::Saved(tier));
    });
    let saved = Callback::new(move |tier: String| status.set(Status::Saved(tier)));

    let export = move |_| {
        let name = format!("stackfit-prices-{}.csv", today());
        // A byte-order mark, so spreadsheet programs read the notes as UTF-8.
        let text = format!("\u{feff}{}", prices.csv());
        status.set(
            match download::download_text(&name, "text/csv;charset=utf-8", &text) {
                Ok(()) => Status::Exported(name),
                Err(e) => Status::Failed(e),
            },
        );
    };
    let pick = move |_| {
        if let Some(input) = picker.get_untracked() {
            input.click();
        }
    };
    let picked = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            download::read_text(&file, move |text| match text {
                // Read after the dialog closed: its copy of the book is gone.
                _ if status.is_disposed() => {}
                Ok(text) => match prices.import_csv(&text) {
                    Ok(n) => {
                        import_error.set(None);
                        status.set(Status::Imported(n));
                    }
                    Err(e) => {
                        status.set(Status::None);
                        import_error.set(Some(e));
                    }
                },
                Err(why) => status.set(Status::Failed(why)),
            });
        }
        input.set_value("");
    };

    view! {
        <p class="hint modal-intro">
            {move || lang.get().pick(
                "目录里查不到可靠标价的规格（大多数阿里云 ECS 和腾讯云 CVM），填上你拿到的报价。报价只保存在这个浏览器里，所有方案都优先使用它；分享方案时，方案用到的报价会作为“发送方的报价”随链接一起发出。",
                "For tiers whose list price could not be sourced (most Alibaba ECS and Tencent CVM), enter the price you were quoted. Your quotes stay in this browser and price every plan first; a shared plan carries the ones it uses, marked as the sender's.",
            )}
        </p>
        <Show when=move || prices.notice.with(Option::is_some)>
            <p class="notice prices-notice" role="status" data-testid="prices-notice">
                {move || prices.notice.with(|n| n.as_ref().map(|n| n.text(lang.get())))}
            </p>
        </Show>
        <section aria-labelledby="my-quotes-title">
            <h3 id="my-quotes-title">{move || lang.get().pick("我的报价", "My quotes")}</h3>
            <Show
                when=move || mine.with(|m| !m.is_empty())
                fallback=move || view! { <p class="hint" data-testid="no-quotes">{move || lang.get().pick("还没有报价。", "No quotes yet.")}</p> }
            >
                <QuoteTable quotes=mine action=RowAction::Mine testid="my-quotes" on_edit=edit on_remove=remove />
            </Show>
        </section>
        <QuoteForm draft saved />
        <Show when=move || senders.with(|s| !s.is_empty())>
            <section aria-labelledby="sender-quotes-title">
                <h3 id="sender-quotes-title">{move || lang.get().pick("这个方案带来的报价（发送方的）", "Quotes this plan carries (the sender's)")}</h3>
                <p class="hint">
                    {move || lang.get().pick(
                        "你没有自己报价的规格按发送方的报价计价。复制一条，它就成为你的报价，以后所有方案都会用它。",
                        "Tiers you have no quote for are priced with the sender's. Copy one to make it yours, for every plan.",
                    )}
                </p>
                <QuoteTable quotes=senders action=RowAction::Sender testid="sender-quotes" on_copy=copy mine />
            </section>
        </Show>
        <section class="prices-io" aria-labelledby="prices-io-title">
            <h3 id="prices-io-title">{move || lang.get().pick("导入与导出（CSV）", "Import and export (CSV)")}</h3>
            <div class="quote-actions">
                <button type="button" class="tool" data-testid="prices-import" on:click=pick>
                    {move || lang.get().pick("导入 CSV…", "Import CSV…")}
                </button>
                <input type="file" accept=".csv,text/csv" hidden data-testid="prices-import-file" node_ref=picker on:change=picked />
                <button type="button" class="tool" data-testid="prices-export" on:click=export>
                    {move || lang.get().pick("导出 CSV", "Export CSV")}
                </button>
            </div>
            <p class="hint">
                {move || lang.get().pick(
                    "CSV 的第一行是表头 tier,monthly_cny,yearly_cny,billing,date,note；金额单位是元（只填年价时月价可留空），计费方式为 monthly、yearly-prepaid 或 promotion，日期写成 YYYY-MM-DD。导入的报价会替换同一规格的旧报价。",
                    "The CSV starts with the header tier,monthly_cny,yearly_cny,billing,date,note; amounts in yuan (the monthly one may be empty when the yearly one is given), billing monthly, yearly-prepaid or promotion, dates YYYY-MM-DD. An imported quote replaces the tier's older one.",
                )}
            </p>
            <Show when=move || import_error.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid="prices-import-error">
                    {move || import_error.with(|e| e.as_ref().map(|e| match lang.get() {
                        Lang::Zh => format!("无法导入：{}。没有导入任何报价，原有报价不变。", csv_error_text(e, Lang::Zh)),
                        Lang::En => format!("Not imported: {}. No quote was imported; your prices are unchanged.", csv_error_text(e, Lang::En)),
                    }))}
                </p>
            </Show>
        </section>
        <p class="modal-status" role="status" aria-live="polite" data-testid="prices-status">
            {move || status.with(|s| status_text(s, lang.get()))}
        </p>
    }
}

/// A bar under the header when the stored price book could not be read or
/// saved (the library's notice bar covers saved plans).
#[component]
pub fn PricesNoticeBar() -> impl IntoView {
    let lang = use_lang();
    let prices = use_my_prices();
    view! {
        <Show when=move || prices.notice.with(Option::is_some)>
            <div class="notice" role="status" data-testid="prices-notice-bar">
                <span>{move || prices.notice.with(|n| n.as_ref().map(|n| n.text(lang.get())))}</span>
                <button class="tool" on:click=move |_| prices.notice.set(None)>
                    {move || lang.get().pick("知道了", "Dismiss")}
                </button>
            </div>
        </Show>
    }
}
