//! The form that adds or edits one quote: the tier (grouped by provider,
//! as the tier picker groups them), ¥/month and an optional prepaid ¥/year
//! (either may stand alone: 12 × the month, or the year / 12), the billing, the date (today unless changed) and a note. Nothing is
//! saved unless every field reads; each refusal says why in the UI language.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::model::bounds::{OutOfBounds, MONTHLY_FEN, NOTE_CHARS, YEARLY_FEN};
use stackfit_core::model::price::{is_date, monthly_of_year, Billing, Quote, QuoteFrom};
use stackfit_core::model::Provider;

use crate::browser::clock::today;
use crate::i18n::{keep_units, Lang};
use crate::state::{use_lang, use_my_prices, use_planner};
use crate::ui::fields::parse::parse_yuan;

/// What the form holds while it is being filled in.
#[derive(Clone, Copy)]
pub struct Draft {
    pub tier: RwSignal<String>,
    pub monthly: RwSignal<String>,
    pub yearly: RwSignal<String>,
    pub billing: RwSignal<Billing>,
    pub date: RwSignal<String>,
    pub note: RwSignal<String>,
    /// The tier whose quote is being edited; `None` while adding.
    pub editing: RwSignal<Option<String>>,
}

/// "1299.50" for 129950 fen: what a price field shows.
pub fn yuan_text(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

impl Draft {
    pub fn new(tier: String) -> Draft {
        Draft {
            tier: RwSignal::new(tier),
            monthly: RwSignal::new(String::new()),
            yearly: RwSignal::new(String::new()),
            billing: RwSignal::new(Billing::Monthly),
            date: RwSignal::new(today()),
            note: RwSignal::new(String::new()),
            editing: RwSignal::new(None),
        }
    }

    /// Fills the form with `q` to edit it.
    pub fn load(&self, q: &Quote) {
        self.tier.set(q.tier.clone());
        self.monthly.set(yuan_text(q.monthly_fen));
        self.yearly
            .set(q.yearly_fen.map(yuan_text).unwrap_or_default());
        self.billing.set(q.billing);
        self.date.set(q.date.clone());
        self.note.set(q.note.clone());
        self.editing.set(Some(q.tier.clone()));
    }

    /// Empties the form for a new quote of `tier`.
    pub fn reset(&self, tier: String) {
        self.tier.set(tier);
        self.monthly.set(String::new());
        self.yearly.set(String::new());
        self.billing.set(Billing::Monthly);
        self.date.set(today());
        self.note.set(String::new());
        self.editing.set(None);
    }
}

/// Why a field was refused.
#[derive(Clone, Debug, PartialEq)]
enum FormError {
    Required,
    NotYuan { text: String, yearly: bool },
    Range(OutOfBounds),
    NotDate(String),
    NoteLine,
}

impl FormError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (FormError::Required, Lang::Zh) => "请填写每月价格，或只填包年价格。".into(),
            (FormError::Required, Lang::En) => {
                "Enter the price per month, or only the yearly one.".into()
            }
            (FormError::NotYuan { text, yearly }, Lang::Zh) => format!(
                "无法识别“{text}”：请填写{}金额（元），如 {}。",
                if *yearly { "每年" } else { "每月" },
                if *yearly {
                    "1836 或 1836.50"
                } else {
                    "180 或 180.50"
                }
            ),
            (FormError::NotYuan { text, yearly }, Lang::En) => format!(
                "Can't read “{text}” as yuan per {}: write e.g. {}.",
                if *yearly { "year" } else { "month" },
                if *yearly {
                    "1836 or 1836.50"
                } else {
                    "180 or 180.50"
                }
            ),
            (FormError::Range(e), Lang::Zh) => e.message_zh(),
            (FormError::Range(e), Lang::En) => e.message_en(),
            (FormError::NotDate(t), Lang::Zh) => format!("“{t}”不是日期，请写成 YYYY-MM-DD。"),
            (FormError::NotDate(t), Lang::En) => {
                format!("“{t}” is not a date: write YYYY-MM-DD.")
            }
            (FormError::NoteLine, Lang::Zh) => "备注须为一行文字。".into(),
            (FormError::NoteLine, Lang::En) => "The note must be one line of text.".into(),
        }
    }
}

fn money(text: &str, yearly: bool, required: bool) -> Result<Option<i64>, FormError> {
    let bound = if yearly { YEARLY_FEN } else { MONTHLY_FEN };
    match parse_yuan(text) {
        Ok(Some(fen)) => bound.check(fen).map(Some).map_err(FormError::Range),
        Ok(None) if required => Err(FormError::Required),
        Ok(None) => Ok(None),
        Err(_) => Err(FormError::NotYuan {
            text: text.trim().to_string(),
            yearly,
        }),
    }
}

/// The quote the draft describes, or each field's refusal.
type Checked = Result<Quote, Vec<(&'static str, FormError)>>;

fn check(d: &Draft) -> Checked {
    let mut errors = Vec::new();
    let yearly_text = d.yearly.get_untracked();
    let yearly = money(&yearly_text, true, false)
        .map_err(|e| errors.push(("yearly", e)))
        .ok()
        .flatten();
    // A yearly price alone is enough (its year / 12 a month); with neither,
    // the month is what is missing.
    let monthly = match money(
        &d.monthly.get_untracked(),
        false,
        yearly_text.trim().is_empty(),
    ) {
        Ok(None) => yearly.map(monthly_of_year),
        Ok(m) => m,
        Err(e) => {
            errors.push(("monthly", e));
            None
        }
    };
    let date = d.date.get_untracked().trim().to_string();
    if !is_date(&date) {
        errors.push(("date", FormError::NotDate(date.clone())));
    }
    let note = d.note.get_untracked().trim().to_string();
    if note.chars().any(char::is_control) {
        errors.push(("note", FormError::NoteLine));
    } else if let Err(e) = NOTE_CHARS.check(note.chars().count() as i64) {
        errors.push(("note", FormError::Range(e)));
    }
    match monthly {
        Some(monthly_fen) if errors.is_empty() => Ok(Quote {
            tier: d.tier.get_untracked(),
            monthly_fen,
            yearly_fen: yearly,
            billing: d.billing.get_untracked(),
            date,
            note,
            from: QuoteFrom::Mine,
        }),
        _ => Err(errors),
    }
}

/// The tiers to choose from: the catalog's by provider, then the plan's own
/// (declared) tiers the catalog does not have.
fn tier_options(plan_tiers: Vec<String>, lang: Lang, current: RwSignal<String>) -> impl IntoView {
    let groups = Provider::ALL.into_iter().map(move |provider| {
        let options = catalog::tiers()
            .iter()
            .filter(|t| t.provider == provider)
            .map(|t| {
                let text = format!("{} · {} vCPU · {} GiB", t.name, t.vcpu, t.memory_mib / 1024);
                view! { <option value=t.id prop:selected=move || current.with(|c| c == t.id)>{text}</option> }
            })
            .collect_view();
        view! { <optgroup label=lang.pick(provider.name_zh(), provider.name_en())>{options}</optgroup> }
    });
    let own: Vec<String> = plan_tiers
        .into_iter()
        .filter(|t| catalog::tier(t).is_none())
        .collect();
    let own = (!own.is_empty()).then(|| {
        view! {
            <optgroup label=lang.pick("本方案自定义的规格", "This plan's own tiers")>
                {own.into_iter().map(|t| {
                    let id = t.clone();
                    view! { <option value=t.clone() prop:selected=move || current.with(|c| *c == id)>{t.clone()}</option> }
                }).collect_view()}
            </optgroup>
        }
    });
    view! { {groups.collect_view()} {own} }
}

/// The add / edit form. `saved` is called with the tier of each quote saved.
#[component]
pub fn QuoteForm(draft: Draft, #[prop(into)] saved: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let prices = use_my_prices();
    let errors = RwSignal::new(Vec::<(&'static str, FormError)>::new());
    let error_of = move |field: &'static str| {
        errors.with(|es| {
            es.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, e)| keep_units(&e.text(lang.get())))
        })
    };
    let invalid = move |field: &'static str| {
        errors.with(|es| es.iter().any(|(f, _)| *f == field).then_some("true"))
    };
    let plan_tiers = move || {
        planner.with_plan(|p| {
            let mut t: Vec<String> = p
                .options
                .iter()
                .flat_map(|o| o.servers.iter().map(|s| s.tier.clone()))
                .collect();
            t.sort();
            t.dedup();
            t
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check(&draft) {
            Ok(quote) => {
                errors.set(Vec::new());
                let tier = quote.tier.clone();
                prices.set(quote);
                draft.reset(tier.clone());
                saved.run(tier);
            }
            Err(es) => errors.set(es),
        }
    };
    let field_error = move |field: &'static str| {
        view! {
            <Show when=move || error_of(field).is_some()>
                <p class="field-error" role="alert" data-testid=format!("quote-{field}-error")>{move || error_of(field)}</p>
            </Show>
        }
    };
    view! {
        <form class="quote-form" data-testid="quote-form" on:submit=submit novalidate>
            <h3>
                {move || match (draft.editing.get(), lang.get()) {
                    (Some(t), Lang::Zh) => format!("修改 {t} 的报价"),
                    (Some(t), Lang::En) => format!("Edit the quote for {t}"),
                    (None, l) => l.pick("添加报价", "Add a quote").to_string(),
                }}
            </h3>
            <div class="quote-grid">
                <label class="field quote-tier">
                    <span>{move || lang.get().pick("规格", "Tier")}</span>
                    <select
                        data-testid="quote-tier"
                        on:change=move |ev| draft.tier.set(event_target_value(&ev))
                    >
                        {move || tier_options(plan_tiers(), lang.get(), draft.tier)}
                    </select>
                </label>
                <label class="field">
                    <span>{move || lang.get().pick("每月价格（元）", "¥ per month")}</span>
                    <input
                        data-testid="quote-monthly"
                        inputmode="decimal"
                        autocomplete="off"
                        placeholder=move || lang.get().pick("只填包年价格时可不填", "empty with a yearly price: ÷ 12")
                        aria-invalid=move || invalid("monthly")
                        prop:value=move || draft.monthly.get()
                        on:input=move |ev| draft.monthly.set(event_target_value(&ev))
                    />
                    {field_error("monthly")}
                </label>
                <label class="field">
                    <span>{move || lang.get().pick("包年价格（元/年，可不填）", "¥ per year, prepaid (optional)")}</span>
                    <input
                        data-testid="quote-yearly"
                        inputmode="decimal"
                        autocomplete="off"
                        placeholder=move || lang.get().pick("不填则按 12 个月计", "empty: 12 × monthly")
                        aria-invalid=move || invalid("yearly")
                        prop:value=move || draft.yearly.get()
                        on:input=move |ev| draft.yearly.set(event_target_value(&ev))
                    />
                    {field_error("yearly")}
                </label>
                <label class="field">
                    <span>{move || lang.get().pick("计费方式", "Billing")}</span>
                    <select
                        data-testid="quote-billing"
                        on:change=move |ev| {
                            let b = match event_target_value(&ev).as_str() {
                                "yearly-prepaid" => Billing::YearlyPrepaid,
                                "promotion" => Billing::Promotion,
                                _ => Billing::Monthly,
                            };
                            draft.billing.set(b);
                        }
                    >
                        {[Billing::Monthly, Billing::YearlyPrepaid, Billing::Promotion]
                            .into_iter()
                            .map(|b| view! { <option value=b.as_str() prop:selected=move || draft.billing.get() == b>{move || lang.get().pick(b.name_zh(), b.name_en())}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || lang.get().pick("报价日期", "Quoted on")}</span>
                    <input
                        type="date"
                        data-testid="quote-date"
                        aria-invalid=move || invalid("date")
                        prop:value=move || draft.date.get()
                        on:input=move |ev| draft.date.set(event_target_value(&ev))
                    />
                    {field_error("date")}
                </label>
                <label class="field quote-note">
                    <span>{move || lang.get().pick("备注（来源、折扣等）", "Note (who quoted it, discounts)")}</span>
                    <input
                        data-testid="quote-note"
                        maxlength=NOTE_CHARS.max.to_string()
                        aria-invalid=move || invalid("note")
                        prop:value=move || draft.note.get()
                        on:input=move |ev| draft.note.set(event_target_value(&ev))
                    />
                    {field_error("note")}
                </label>
            </div>
            <div class="quote-actions">
                <button type="submit" class="tool primary" data-testid="quote-save">
                    {move || match draft.editing.get() {
                        Some(_) => lang.get().pick("保存修改", "Save changes"),
                        None => lang.get().pick("添加到我的报价", "Add to my prices"),
                    }}
                </button>
                <Show when=move || draft.editing.with(Option::is_some)>
                    <button
                        type="button"
                        class="tool"
                        data-testid="quote-cancel"
                        on:click=move |_| {
                            errors.set(Vec::new());
                            draft.reset(draft.tier.get_untracked());
                        }
                    >
                        {move || lang.get().pick("取消修改", "Cancel")}
                    </button>
                </Show>
            </div>
        </form>
    }
}
