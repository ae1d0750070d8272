//! Each server's breaking point on the summary: the load (relative to the
//! plan as set) at which it stops fitting and what gives out first, in the
//! engine's words (`whatif::breaking_words`); "holds to ×10" when it never
//! breaks. The points come from `state::whatif`, computed per plan change.

use leptos::prelude::*;
use stackfit_core::whatif::{breaking_words, Gives};

use crate::i18n::{keep_units, Lang};
use crate::state::{use_lang, use_planner, WhatIf};

fn gives_attr(g: &[Gives]) -> String {
    g.iter()
        .map(|g| match g {
            Gives::Memory => "memory",
            Gives::Cpu => "cpu",
            Gives::DatabaseConnections => "database-connections",
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The breaking points of the option on screen.
#[component]
pub fn BreakingPoints(whatif: WhatIf) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let load = Memo::new(move |_| planner.with_option(|o| o.map_or(1000, |o| o.load)));
    view! {
        <div class="breaking" data-testid="breaking-points" data-ms=move || whatif.breaking.with(|b| b.as_ref().map(|b| format!("{:.1}", b.ms)))
            data-run=move || whatif.breaking.with(|b| b.as_ref().map(|b| b.run))
            data-option=move || whatif.breaking.with(|b| b.as_ref().map(|b| b.option.clone()))
            data-stale=move || (whatif.breaking.with(|b| b.as_ref().map(|b| b.option.clone())) != Some(planner.option_id.get())).to_string()>
            <span class="breaking-title">{move || lang.get().pick("临界负载", "Breaking point")}</span>
            <ul>
                {move || {
                    whatif.breaking.get().filter(|b| b.option == planner.option_id.get()).map(|b| {
                        b.servers
                            .iter()
                            .map(|s| {
                                let (en, zh) = breaking_words(s);
                                let past = s.load.is_some_and(|l| load.get() >= l);
                                let label = s.label.clone();
                                view! {
                                    <li
                                        data-testid="breaking-point"
                                        data-server-id=s.server.clone()
                                        data-load=s.load.map_or("none".to_string(), |l| l.to_string())
                                        data-gives=gives_attr(&s.gives)
                                        class:past=past
                                    >
                                        <strong>{format!("{label}: ")}</strong>
                                        {move || keep_units(match lang.get() { Lang::Zh => &zh, Lang::En => &en })}
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
        </div>
    }
}
