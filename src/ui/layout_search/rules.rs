//! The search form's rules: keep two placements apart or together, or pin
//! a placement to a server of the option — built from two selects and
//! listed with a remove button each.

use leptos::prelude::*;

use super::form::{Rule, SearchForm};
use crate::i18n::Lang;
use crate::state::use_lang;

/// The kinds of rule, as the kind select's values.
const KINDS: [(&str, &str, &str); 3] = [
    ("apart", "不放在同一台", "Keep apart"),
    ("together", "放在同一台", "Keep together"),
    ("pin", "固定在现有服务器", "Pin to a server"),
];

fn rule_words(rule: &Rule, servers: &[(String, String)], lang: Lang) -> String {
    let label = |id: &str| {
        servers
            .iter()
            .find(|(s, _)| s == id)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| id.to_string())
    };
    match (rule, lang) {
        (Rule::Apart(a, b), Lang::Zh) => format!("{a} 与 {b} 不放在同一台服务器"),
        (Rule::Apart(a, b), Lang::En) => format!("{a} and {b} on different servers"),
        (Rule::Together(a, b), Lang::Zh) => format!("{a} 与 {b} 放在同一台服务器"),
        (Rule::Together(a, b), Lang::En) => format!("{a} and {b} on one server"),
        (Rule::Pin(p, s), Lang::Zh) => format!("{p} 固定在 {}（保留其规格、价格和地址）", label(s)),
        (Rule::Pin(p, s), Lang::En) => {
            format!("{p} stays on {} (its tier, price and address)", label(s))
        }
    }
}

/// The rule builder and the rules so far.
#[component]
pub fn RuleBuilder(
    form: RwSignal<SearchForm>,
    /// The option's placement ids.
    placements: Memo<Vec<String>>,
    /// The option's servers: (id, label).
    servers: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let lang = use_lang();
    let kind = RwSignal::new("apart".to_string());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    // The selects show their first entry until the user picks another.
    let first_value = move || {
        let f = first.get();
        if f.is_empty() {
            placements.with(|p| p.first().cloned().unwrap_or_default())
        } else {
            f
        }
    };
    let second_choices = Memo::new(move |_| {
        if kind.get() == "pin" {
            servers.get()
        } else {
            placements.with(|p| p.iter().map(|id| (id.clone(), id.clone())).collect())
        }
    });
    let second_value = move || {
        let s = second.get();
        let choices = second_choices.get();
        if choices.iter().any(|(id, _)| *id == s) {
            s
        } else {
            // Default: the first that is not the first placement.
            let f = first_value();
            choices
                .iter()
                .find(|(id, _)| *id != f)
                .or(choices.first())
                .map(|(id, _)| id.clone())
                .unwrap_or_default()
        }
    };
    let add = move |_| {
        let (a, b) = (first_value(), second_value());
        if a.is_empty() || b.is_empty() {
            return;
        }
        let rule = match kind.get_untracked().as_str() {
            "together" => Rule::Together(a, b),
            "pin" => Rule::Pin(a, b),
            _ => Rule::Apart(a, b),
        };
        form.update(|f| f.add(rule));
    };
    view! {
        <fieldset class="search-rules" data-testid="search-rules">
            <legend>{move || lang.get().pick("约束", "Rules")}</legend>
            <div class="rule-builder">
                <select
                    data-testid="search-rule-kind"
                    aria-label=move || lang.get().pick("约束类型", "Kind of rule")
                    on:change=move |ev| kind.set(event_target_value(&ev))
                >
                    {KINDS
                        .into_iter()
                        .map(|(v, zh, en)| view! {
                            <option value=v prop:selected=move || kind.get() == v>{move || lang.get().pick(zh, en)}</option>
                        })
                        .collect_view()}
                </select>
                <select
                    data-testid="search-rule-first"
                    aria-label=move || lang.get().pick("部署", "Placement")
                    on:change=move |ev| first.set(event_target_value(&ev))
                >
                    {move || {
                        let chosen = first_value();
                        placements
                            .get()
                            .into_iter()
                            .map(|id| {
                                let selected = id == chosen;
                                view! { <option value=id.clone() selected=selected>{id.clone()}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                <span class="rule-joint">
                    {move || match (kind.get().as_str(), lang.get()) {
                        ("pin", Lang::Zh) => "→ 服务器",
                        ("pin", Lang::En) => "on",
                        (_, Lang::Zh) => "与",
                        (_, Lang::En) => "and",
                    }}
                </span>
                <select
                    data-testid="search-rule-second"
                    aria-label=move || if kind.get() == "pin" { lang.get().pick("服务器", "Server") } else { lang.get().pick("另一个部署", "Other placement") }
                    on:change=move |ev| second.set(event_target_value(&ev))
                >
                    {move || {
                        let chosen = second_value();
                        second_choices
                            .get()
                            .into_iter()
                            .map(|(id, label)| {
                                let selected = id == chosen;
                                view! { <option value=id selected=selected>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                <button type="button" class="tool" data-testid="search-rule-add" on:click=add>
                    {move || lang.get().pick("添加约束", "Add rule")}
                </button>
            </div>
            <ul class="rule-list" data-testid="search-rule-list">
                {move || {
                    let servers = servers.get();
                    form.with(|f| f.rules.clone())
                        .into_iter()
                        .map(|rule| {
                            let key = rule.key();
                            let words = {
                                let rule = rule.clone();
                                let servers = servers.clone();
                                move || rule_words(&rule, &servers, lang.get())
                            };
                            let remove = {
                                let rule = rule.clone();
                                move |_| form.update(|f| f.rules.retain(|r| *r != rule))
                            };
                            view! {
                                <li data-testid="search-rule" data-rule=key>
                                    <span>{words}</span>
                                    <button type="button" class="tool small" data-testid="search-rule-remove" on:click=remove>
                                        {move || lang.get().pick("移除", "Remove")}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
                <Show when=move || form.with(|f| f.rules.is_empty())>
                    <li class="muted" data-testid="search-no-rules">
                        {move || lang.get().pick("还没有约束：任意部署都可以放在一起。", "No rules yet: any placements may share a server.")}
                    </li>
                </Show>
            </ul>
        </fieldset>
    }
}
