//! The layout search request: the plan and the reader's price book read
//! back, the protocol's constraints as the engine's, and the engine's
//! answer in the protocol's types (the option to keep as JSON). Progress
//! goes to a callback while the search runs.

use stackfit_core::codec;
use stackfit_core::findings::Lang;
use stackfit_core::model::price::book_from_csv;
use stackfit_core::model::Provider;
use stackfit_core::search::{self, Constraints, Layout, Progress};

use crate::protocol::{FoundLayout, FoundServer, Response, SearchConstraints, UiLang};

/// A provider by its kebab-case name (as the engine serialises it).
pub fn provider(name: &str) -> Option<Provider> {
    Provider::ALL.into_iter().find(|p| {
        serde_json::to_value(p)
            .ok()
            .and_then(|v| v.as_str().map(|s| s == name))
            .unwrap_or(false)
    })
}

fn constraints(c: &SearchConstraints) -> Result<Constraints, (String, String)> {
    let mut providers = Vec::new();
    for name in &c.providers {
        match provider(name) {
            Some(p) => providers.push(p),
            None => {
                return Err((
                    format!("Unknown provider {name:?}."),
                    format!("未知的云厂商“{name}”。"),
                ))
            }
        }
    }
    Ok(Constraints {
        keep_together: c.keep_together.clone(),
        keep_apart: c.keep_apart.clone(),
        pinned: c.pinned.clone(),
        providers,
        families: c.families.clone(),
        max_servers: c.max_servers.map(|n| n as usize),
        headroom_target_pct: c.headroom_target_pct,
        catalog_prices_only: c.catalog_prices_only,
        allow_unknown_prices: c.allow_unknown_prices,
    })
}

fn found(l: &Layout) -> FoundLayout {
    FoundLayout {
        provider_en: l.provider.map(|p| p.name_en()).unwrap_or("").to_string(),
        provider_zh: l.provider.map(|p| p.name_zh()).unwrap_or("").to_string(),
        monthly_fen: l.monthly_fen,
        known_monthly_fen: l.known_monthly_fen,
        unknown_prices: l.unknown_prices.clone(),
        headroom_pct: l.headroom_pct,
        servers: l
            .servers
            .iter()
            .map(|s| FoundServer {
                id: s.id.clone(),
                tier: s.tier.clone(),
                size: s.size.clone(),
                placements: s.placements.clone(),
                monthly_fen: s.monthly_fen,
                headroom_pct: s.headroom_pct,
                pinned: s.pinned,
            })
            .collect(),
        reason_en: l.reason_en.clone(),
        reason_zh: l.reason_zh.clone(),
        option_id: l.option.id.clone(),
        option_name: l.option.name.clone(),
        option: serde_json::to_string(&l.option).expect("options serialize"),
    }
}

/// Answers a search request; `progress` gets [`Response::SearchProgress`]
/// while it runs.
pub fn run(
    plan: &str,
    option: &str,
    book: &str,
    c: &SearchConstraints,
    lang: UiLang,
    progress: &mut dyn FnMut(Response),
) -> Response {
    let refused = |(en, zh): (String, String)| Response::Error {
        message_en: en,
        message_zh: zh,
    };
    let plan = match codec::from_json(plan) {
        Ok(r) => r.plan,
        Err(e) => return refused((e.describe(false), e.describe(true))),
    };
    let book = match book_from_csv(book) {
        Ok(b) => b,
        Err(e) => {
            return refused((
                e.to_string(),
                format!("第 {} 行第 {} 列：{}", e.line, e.column, e.zh),
            ))
        }
    };
    let c = match constraints(c) {
        Ok(c) => c,
        Err(e) => return refused(e),
    };
    let lang = match lang {
        UiLang::Zh => Lang::Zh,
        UiLang::En => Lang::En,
    };
    let mut tell = |p: Progress| {
        progress(Response::SearchProgress {
            providers_done: p.providers_done as u32,
            providers: p.providers as u32,
            nodes: p.nodes,
        })
    };
    match search::search_with_progress(&plan, option, &c, &book, lang, &mut tell) {
        Err(e) => refused((e.en, e.zh)),
        Ok(r) => Response::Search {
            layouts: r.layouts.iter().map(found).collect(),
            one_server: r.one_server.as_ref().map(|l| Box::new(found(l))),
            exact: r.exact,
            within_pct: r.bound.as_ref().map(|b| b.within_pct),
            no_fit_en: r.no_fit_en,
            no_fit_zh: r.no_fit_zh,
            tiers: r.tiers as u32,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackfit_core::model::price::{book_to_csv, PriceBook};

    fn ask(template: &str, option: &str, c: SearchConstraints) -> (Response, Vec<Response>) {
        let plan = codec::to_json(&stackfit_core::templates::get(template).unwrap());
        let mut steps = Vec::new();
        let r = run(
            &plan,
            option,
            &book_to_csv(&PriceBook::default()),
            &c,
            UiLang::En,
            &mut |p| steps.push(p),
        );
        (r, steps)
    }

    /// The worker's answer is the engine's: the same layouts, costs and
    /// reasons, and an option that reads back as the engine's.
    #[test]
    fn the_answer_is_the_engines_search() {
        let (r, steps) = ask("s3", "a-single", SearchConstraints::default());
        let Response::Search { layouts, .. } = r else {
            panic!("{r:?}")
        };
        let plan = stackfit_core::templates::get("s3").unwrap();
        let want = search::search(
            &plan,
            "a-single",
            &Constraints::default(),
            &PriceBook::default(),
            Lang::En,
        )
        .unwrap();
        assert_eq!(layouts.len(), want.layouts.len());
        for (got, want) in layouts.iter().zip(&want.layouts) {
            assert_eq!(got.monthly_fen, want.monthly_fen);
            assert_eq!(got.reason_en, want.reason_en);
            let option: stackfit_core::model::PlanOption =
                serde_json::from_str(&got.option).unwrap();
            assert_eq!(option, want.option);
        }
        // Progress ends with every provider done.
        let Some(Response::SearchProgress {
            providers_done,
            providers,
            ..
        }) = steps.last()
        else {
            panic!("no progress")
        };
        assert_eq!(providers_done, providers);
    }

    #[test]
    fn constraints_reach_the_engine() {
        let c = SearchConstraints {
            providers: vec!["tencent-cvm".into()],
            max_servers: Some(1),
            ..SearchConstraints::default()
        };
        let (r, _) = ask("s3", "a-single", c);
        let Response::Search { layouts, .. } = r else {
            panic!("{r:?}")
        };
        assert!(!layouts.is_empty());
        assert!(layouts
            .iter()
            .all(|l| l.servers.len() == 1 && l.provider_en == "Tencent Cloud CVM"));
        let bad = SearchConstraints {
            providers: vec!["nowhere".into()],
            ..SearchConstraints::default()
        };
        assert!(matches!(
            ask("s3", "a-single", bad).0,
            Response::Error { .. }
        ));
    }
}
