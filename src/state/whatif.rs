//! The what-if of the option on screen: each server's breaking point
//! (`whatif::breaking_points`, relative to the plan as set, ×1), computed
//! once per change of the plan and not per move of the load slider — its
//! input is a memo of the option with its load put back to ×1, so a slider
//! move gives an equal input and nothing is computed. The computation runs
//! in a task of its own after the change has been drawn (it costs a few to
//! a few tens of ms: 12 evaluations or more per server), so an edit's
//! diagram does not wait for it.

use std::sync::Arc;

use leptos::prelude::*;
use stackfit_core::whatif::{breaking_points, Breaking, LOAD_ONE};
use stackfit_core::Plan;

use crate::state::Planner;

/// The breaking points of one option, and what computing them cost.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakingPoints {
    pub option: String,
    pub servers: Vec<Breaking>,
    /// Milliseconds the computation took in the browser (0 natively).
    pub ms: f64,
    /// Which computation this is (1, 2, …).
    pub run: u32,
}

/// Handles to the what-if state; `Copy`.
#[derive(Clone, Copy)]
pub struct WhatIf {
    /// The plan as the breaking points see it: the option on screen at ×1.
    pub input: Memo<Option<Plan>>,
    /// The breaking points of the option on screen (`None`: none yet).
    pub breaking: RwSignal<Option<Arc<BreakingPoints>>>,
    /// How many times the points were computed (for tests: slider moves
    /// must not add to it).
    pub computed: StoredValue<u32>,
    book: RwSignal<stackfit_core::model::price::PriceBook>,
    /// The last change scheduled (a newer one supersedes it).
    generation: StoredValue<u32>,
}

fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let global = js_sys::global();
        js_sys::Reflect::get(&global, &"performance".into())
            .ok()
            .and_then(|perf| {
                let now = js_sys::Reflect::get(&perf, &"now".into()).ok()?;
                now.dyn_into::<js_sys::Function>()
                    .ok()?
                    .call0(&perf)
                    .ok()?
                    .as_f64()
            })
            .unwrap_or_else(js_sys::Date::now)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

impl WhatIf {
    pub fn new(planner: Planner) -> WhatIf {
        // The plan as the breaking points see it: the option on screen at
        // ×1, with what its evaluation reads (settings, carried quotes).
        let input = Memo::new(move |_| {
            let id = planner.option_id.get();
            planner.with_plan(|p| {
                p.option(&id).map(|o| {
                    let mut o = o.clone();
                    o.load = LOAD_ONE;
                    Plan {
                        name: String::new(),
                        description: String::new(),
                        settings: p.settings.clone(),
                        options: vec![o],
                        quotes: p.quotes.clone(),
                    }
                })
            })
        });
        WhatIf {
            input,
            breaking: RwSignal::new(None),
            computed: StoredValue::new(0),
            book: planner.book,
            generation: StoredValue::new(0),
        }
    }

    /// Computes the breaking points of the current input now.
    pub fn compute(&self) {
        let points = self.input.with_untracked(|plan| {
            let plan = plan.as_ref()?;
            let option = plan.options.first()?;
            let t0 = now_ms();
            let servers = self
                .book
                .with_untracked(|b| breaking_points(plan, option, b));
            self.computed.update_value(|n| *n += 1);
            Some(Arc::new(BreakingPoints {
                option: option.id.clone(),
                servers,
                ms: now_ms() - t0,
                run: self.computed.get_value(),
            }))
        });
        self.breaking.set(points);
    }

    /// Computes the points after every change of the input, in a task of
    /// its own (a change that comes before it runs supersedes it).
    pub fn follow(self) -> Self {
        Effect::new(move |_| {
            self.input.track();
            let generation = self.generation.get_value().wrapping_add(1);
            self.generation.set_value(generation);
            set_timeout(
                move || {
                    if self.generation.try_get_value() == Some(generation) {
                        self.compute();
                    }
                },
                std::time::Duration::ZERO,
            );
        });
        self
    }
}

/// Creates the what-if state over `planner` and provides it.
pub fn provide_whatif(planner: Planner) -> WhatIf {
    let w = WhatIf::new(planner).follow();
    provide_context(w);
    w
}

/// The what-if state provided by [`provide_whatif`].
pub fn use_whatif() -> WhatIf {
    expect_context::<WhatIf>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackfit_core::Action;

    #[test]
    fn breaking_points_follow_plan_changes_but_not_the_load_slider() {
        let owner = Owner::new();
        owner.with(|| {
            let planner = crate::state::planner::provide_planner(
                stackfit_core::templates::get("s3").unwrap(),
            );
            let w = WhatIf::new(planner);
            w.compute();
            let first = w.breaking.get_untracked().expect("an option");
            assert_eq!(w.computed.get_value(), 1);
            let input = w.input.get_untracked();
            assert!(!first.servers.is_empty());
            let option = planner.option_id.get_untracked();
            // Slider moves: the report follows, the points are not recomputed.
            for load in [1500, 2500, 4000] {
                planner.dispatch_live(Action::SetLoad {
                    option: option.clone(),
                    load,
                });
                assert_eq!(
                    planner
                        .report
                        .with_untracked(|r| r.option(&option).unwrap().load),
                    load
                );
                assert_eq!(w.input.get_untracked(), input, "the same input");
            }
            // A change to the plan is a new input.
            planner.dispatch(Action::SetHeadroomTarget { pct: 40 });
            assert_ne!(w.input.get_untracked(), input);
            w.compute();
            assert_eq!(w.computed.get_value(), 2);
            assert_ne!(w.breaking.get_untracked(), Some(first));
        });
    }
}
