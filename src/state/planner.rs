//! The plan being edited: its undo history, the option on screen, the
//! selection, and the engine's report as a memo. Every change goes through
//! [`Planner::dispatch`] as a core `Action`; nothing here computes a number.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use stackfit_core::cost::Prices;
use stackfit_core::edit::{ActionError, History};
use stackfit_core::fit::evaluate_with;
use stackfit_core::model::price::PriceBook;
use stackfit_core::model::{Action, Placement, Plan, PlanOption};
use stackfit_core::Report;

/// Ids the app makes up (placements, servers, options, saved plans) come
/// from the engine's one rule.
pub use stackfit_core::model::fresh_id;

/// A change made by the planner of an extras screen (`crate::extras`), a
/// copy of the page's: the page's planner makes it too.
pub enum Echo<'a> {
    /// The plan after an action the engine accepted (the whole plan: the
    /// page then needs no reader of actions, which would weigh on its wasm).
    Changed(&'a Plan),
    /// The plan after one of a run of edits to the same value, `key` (an
    /// `Action::merge_key`): the page makes the whole run one undo step.
    Live { plan: &'a Plan, key: &'a str },
    /// The run of live edits ended (the field was committed or left).
    Sealed,
    /// An action the engine refused, for the page to say why.
    Refused(&'a ActionError),
    /// Another option shown.
    Picked(&'a str),
    /// The user's price book changed (the page keeps and saves it).
    Book(&'a PriceBook),
    /// A plan to open as a new saved plan (the page's library keeps it).
    NewPlan(&'a Plan),
    /// A plan file the user picked, for the page to open.
    File(&'a web_sys::File),
}

type EchoTo = Box<dyn Fn(Echo<'_>)>;

/// Where one planner copy passes its changes (the inspector's, in the
/// extras), in place of [`echo_changes`]'s.
type OwnEcho = Rc<dyn Fn(Echo<'_>)>;

thread_local! {
    static ECHO: RefCell<Option<EchoTo>> = const { RefCell::new(None) };
}

/// From now on every change this module's planner makes also goes to `to`.
pub fn echo_changes(to: impl Fn(Echo<'_>) + 'static) {
    ECHO.with(|e| *e.borrow_mut() = Some(Box::new(to)));
}

/// Stops passing changes on: the copy that asked for them is gone. A
/// dialog's copy set up later must not reach its host through an earlier
/// dialog's.
pub fn echo_nothing() {
    ECHO.with(|e| *e.borrow_mut() = None);
}

/// Passes `change` on, if this planner is a copy; returns whether it is.
pub fn echo(change: Echo<'_>) -> bool {
    ECHO.with(|e| match e.borrow().as_ref() {
        Some(to) => {
            to(change);
            true
        }
        None => false,
    })
}

/// What the inspector shows.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Selection {
    #[default]
    None,
    Server(String),
    Placement(String),
}

/// Handles to the plan state; `Copy`, so components take it by value.
#[derive(Clone, Copy)]
pub struct Planner {
    history: RwSignal<History>,
    /// The option the user picked; may name an option that undo removed, so
    /// read [`Planner::option_id`] instead.
    picked_option: RwSignal<String>,
    pub selection: RwSignal<Selection>,
    /// The user's own price book: their quotes price every plan first.
    pub book: RwSignal<PriceBook>,
    /// The engine's evaluation of the current plan, with the user's prices.
    pub report: Memo<Report>,
    /// The option on screen: the picked one if it still exists, else the first.
    pub option_id: Memo<String>,
    /// The last action the engine refused, to show the user why (in the
    /// UI's language: the error carries both).
    pub refusal: RwSignal<Option<ActionError>>,
    /// Why the inspector (in the extras) had an action refused, in Chinese
    /// and English, as the notice bar words it.
    pub copy_refusal: RwSignal<Option<(String, String)>>,
    /// Where this copy passes its changes, if it has a host of its own.
    own_echo: StoredValue<Option<OwnEcho>, LocalStorage>,
}

impl Planner {
    fn new(plan: Plan) -> Self {
        let first = plan
            .options
            .first()
            .map(|o| o.id.clone())
            .unwrap_or_default();
        let history = RwSignal::new(History::new(plan));
        let picked_option = RwSignal::new(first);
        let book = RwSignal::new(PriceBook::default());
        let report =
            Memo::new(move |_| book.with(|b| history.with(|h| evaluate_with(h.plan(), b))));
        let option_id = Memo::new(move |_| {
            let picked = picked_option.get();
            history.with(|h| {
                let options = &h.plan().options;
                if options.iter().any(|o| o.id == picked) {
                    picked
                } else {
                    options.first().map(|o| o.id.clone()).unwrap_or_default()
                }
            })
        });
        Planner {
            history,
            picked_option,
            selection: RwSignal::new(Selection::None),
            book,
            report,
            option_id,
            refusal: RwSignal::new(None),
            copy_refusal: RwSignal::new(None),
            own_echo: StoredValue::new_local(None),
        }
    }

    /// From now on this copy's changes go to `to` (not to the dialogs' host).
    pub fn echo_to(&self, to: impl Fn(Echo<'_>) + 'static) {
        self.own_echo.set_value(Some(Rc::new(to)));
    }

    /// Passes `change` on to this copy's host, or the dialogs' host.
    fn send(&self, change: Echo<'_>) {
        match self.own_echo.get_value() {
            Some(to) => to(change),
            None => {
                let _ = echo(change);
            }
        }
    }

    /// Records a refusal (or its absence) and passes a refusal on. The
    /// outcome of a newer action replaces the inspector's refusal shown.
    fn refused(&self, outcome: Result<(), ActionError>) {
        if let Err(e) = &outcome {
            self.send(Echo::Refused(e));
        }
        if self.copy_refusal.with_untracked(Option::is_some) {
            self.copy_refusal.set(None);
        }
        self.refusal.set(outcome.err());
    }

    /// Runs `f` with the prices the report uses: the plan's exchange rate
    /// and carried quotes, and the user's book.
    pub fn with_prices<T>(&self, f: impl FnOnce(&Prices) -> T) -> T {
        self.book
            .with(|b| self.history.with(|h| f(&Prices::of(h.plan(), b))))
    }

    /// Applies `action` through the undo history. A refused action leaves the
    /// plan as it was and records why.
    pub fn dispatch(&self, action: Action) {
        let mut outcome = Ok(());
        self.history.update(|h| outcome = h.apply(&action));
        if outcome.is_ok() {
            self.echo_plan();
        }
        self.refused(outcome);
    }

    /// Applies `action` for a field that shows the refusal itself: the error
    /// comes back instead of going to the notice bar.
    pub fn try_dispatch(&self, action: Action) -> Result<(), ActionError> {
        let mut outcome = Ok(());
        self.history.update(|h| outcome = h.apply(&action));
        if outcome.is_ok() {
            self.echo_plan();
            self.refusal.set(None);
        }
        outcome
    }

    /// Applies one of a run of edits to the same value (typing a number):
    /// the plan and every diagram follow each keystroke, and the whole run is
    /// one undo step.
    pub fn dispatch_live(&self, action: Action) {
        let mut outcome = Ok(());
        self.history.update(|h| outcome = h.apply_merging(&action));
        if outcome.is_ok() {
            match action.merge_key() {
                Some(key) => self.history.with_untracked(|h| {
                    self.send(Echo::Live {
                        plan: h.plan(),
                        key: &key,
                    })
                }),
                None => self.echo_plan(),
            }
        }
        self.refused(outcome);
    }

    /// Ends a run of live edits (the field was committed or left): the next
    /// edit of the same value is an undo step of its own.
    pub fn end_edit(&self) {
        self.history.update_untracked(|h| h.seal());
        self.send(Echo::Sealed);
    }

    /// Puts catalog service `service` on `server` of the option on screen,
    /// under a fresh placement id (the service id, then `-2`, `-3`, …), and
    /// selects it. Drag and drop and the "place on…" menu both come here.
    /// Returns the new placement's id, or `None` when the engine refused.
    pub fn place(&self, service: &str, server: &str) -> Option<String> {
        let option = self.option_id.get_untracked();
        let id = self.with_option(|o| {
            let taken: Vec<&str> = o
                .map(|o| {
                    o.servers
                        .iter()
                        .flat_map(|s| s.placements.iter().map(|p| p.id.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            fresh_id(service, taken.iter().copied())
        });
        self.dispatch(Action::AddPlacement {
            option,
            server: server.to_string(),
            placement: Box::new(Placement::new(&id, service)),
        });
        if self.refusal.get_untracked().is_some() {
            return None;
        }
        self.selection.set(Selection::Placement(id.clone()));
        Some(id)
    }

    fn echo_plan(&self) {
        self.history
            .with_untracked(|h| self.send(Echo::Changed(h.plan())));
    }

    /// Makes `plan` the plan as one undo step: a change an extras screen
    /// made on its copy of the planner.
    pub fn adopt(&self, plan: Plan) {
        self.history.update(|h| {
            if h.plan() != &plan {
                h.replace(plan);
            } else {
                // Nothing changed, but the copy's action ended any run of
                // live edits: the next one is a step of its own.
                h.seal();
            }
        });
        self.refusal.set(None);
        self.copy_refusal.set(None);
    }

    /// Makes `plan` the plan as one of a run of edits to value `key` that
    /// the inspector's copy made: the whole run is one undo step.
    pub fn adopt_live(&self, plan: Plan, key: &str) {
        self.history.update(|h| h.replace_merging(plan, key));
        self.refusal.set(None);
        self.copy_refusal.set(None);
    }

    /// Makes this copy show `plan`, on option `option`, with `selection`:
    /// the page's state, which the inspector's copy follows. Nothing is
    /// echoed, and what is already so is not set again.
    pub fn mirror(&self, plan: Plan, option: &str, selection: Selection) {
        if self.history.with_untracked(|h| h.plan() != &plan) {
            self.history.set(History::new(plan));
        }
        if self.picked_option.with_untracked(|p| p != option) {
            self.picked_option.set(option.to_string());
        }
        if self.selection.with_untracked(|s| s != &selection) {
            self.selection.set(selection);
        }
    }

    /// Reads the current plan.
    pub fn with_plan<R>(&self, f: impl FnOnce(&Plan) -> R) -> R {
        self.history.with(|h| f(h.plan()))
    }

    /// Reads the option on screen.
    pub fn with_option<R>(&self, f: impl FnOnce(Option<&PlanOption>) -> R) -> R {
        let id = self.option_id.get();
        self.history.with(|h| f(h.plan().option(&id)))
    }

    /// Shows another option; the option on screen again changes nothing
    /// (what is selected stays selected).
    pub fn pick_option(&self, id: &str) {
        self.send(Echo::Picked(id));
        let another = self.option_id.get_untracked() != id;
        if self.picked_option.with_untracked(|p| p != id) {
            self.picked_option.set(id.to_string());
        }
        if another {
            self.selection.set(Selection::None);
        }
    }

    /// After the UI language changed from `from` to `to`: the built-in plan
    /// a first visit opens, untouched, is shown in the new language too (its
    /// names and notes), on the same option. Any other plan is the user's
    /// and stays as written.
    pub fn follow_language(&self, from: crate::i18n::Lang, to: crate::i18n::Lang) {
        use stackfit_core::templates::first_in;
        if from == to
            || !self
                .history
                .with_untracked(|h| *h.plan() == first_in(from.into()))
        {
            return;
        }
        let shown = self.option_id.get_untracked();
        self.open(first_in(to.into()));
        self.pick_option(&shown);
    }

    /// Replaces the whole plan (a template, a saved plan): a fresh history.
    pub fn open(&self, plan: Plan) {
        let first = plan
            .options
            .first()
            .map(|o| o.id.clone())
            .unwrap_or_default();
        self.history.set(History::new(plan));
        self.picked_option.set(first);
        self.selection.set(Selection::None);
        self.refusal.set(None);
    }

    pub fn can_undo(&self) -> bool {
        self.history.with(|h| h.can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.history.with(|h| h.can_redo())
    }

    pub fn undo(&self) {
        self.history.update(|h| {
            h.undo();
        });
    }

    pub fn redo(&self) {
        self.history.update(|h| {
            h.redo();
        });
    }
}

/// Creates the planner on `plan` and provides it to every component.
pub fn provide_planner(plan: Plan) -> Planner {
    let planner = Planner::new(plan);
    provide_context(planner);
    planner
}

/// The planner provided by [`provide_planner`].
pub fn use_planner() -> Planner {
    expect_context::<Planner>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatch_applies_and_undo_restores_without_a_browser() {
        let owner = Owner::new();
        owner.with(|| {
            let plan = stackfit_core::templates::get("s0").unwrap();
            let planner = Planner::new(plan.clone());
            planner.dispatch(Action::SetHeadroomTarget { pct: 30 });
            assert_eq!(planner.report.get_untracked().headroom_target_pct, 30);
            assert!(planner.can_undo());
            planner.undo();
            assert_eq!(planner.with_plan(|p| p.clone()), plan);
            assert_eq!(
                planner.report.get_untracked().headroom_target_pct,
                plan.settings.headroom_target_pct
            );
        });
    }

    #[test]
    fn placing_the_same_service_twice_gives_readable_fresh_ids() {
        let owner = Owner::new();
        owner.with(|| {
            let planner = Planner::new(stackfit_core::templates::get("s0").unwrap());
            planner.place("redis", "a");
            let ids = planner.with_option(|o| {
                o.unwrap().servers[0]
                    .placements
                    .iter()
                    .map(|p| p.id.clone())
                    .collect::<Vec<_>>()
            });
            assert!(
                ids.contains(&"redis".to_string()) && ids.contains(&"redis-2".to_string()),
                "{ids:?}"
            );
            assert_eq!(
                planner.selection.get_untracked(),
                Selection::Placement("redis-2".into())
            );
        });
    }

    #[test]
    fn a_refused_action_keeps_the_plan_and_says_why() {
        let owner = Owner::new();
        owner.with(|| {
            let plan = stackfit_core::templates::get("s0").unwrap();
            let planner = Planner::new(plan.clone());
            planner.dispatch(Action::RemoveOption {
                option: "no-such-option".into(),
            });
            assert_eq!(planner.with_plan(|p| p.clone()), plan);
            assert!(planner.refusal.get_untracked().is_some());
            assert!(!planner.can_undo());
        });
    }

    /// The trial typed "12" into a knob: with the field's run sealed on
    /// commit, the next edit of the same knob is a step of its own.
    #[test]
    fn a_committed_edit_is_one_undo_step_and_the_next_is_another() {
        let owner = Owner::new();
        owner.with(|| {
            let plan = stackfit_core::templates::get("s0").unwrap();
            let planner = Planner::new(plan.clone());
            let knob = |value| Action::SetKnob {
                option: "lean-2c4g".into(),
                placement: "postgres".into(),
                knob: "max_connections".into(),
                value: Some(value),
            };
            planner.dispatch_live(knob(1));
            planner.dispatch_live(knob(12));
            planner.end_edit();
            planner.dispatch_live(knob(40));
            planner.undo();
            let conns = || {
                planner.with_plan(|p| {
                    p.option("lean-2c4g")
                        .unwrap()
                        .find_placement("postgres")
                        .unwrap()
                        .1
                        .knobs["max_connections"]
                })
            };
            assert_eq!(conns(), 12);
            planner.undo();
            assert_eq!(planner.with_plan(|p| p.clone()), plan);
        });
    }

    /// The inspector's copy typed a run into a knob, then an action that
    /// changed nothing came back as the same plan: that ends the run, so
    /// the next typing is an undo step of its own.
    #[test]
    fn an_unchanged_plan_adopted_from_the_inspector_ends_its_run_of_edits() {
        let owner = Owner::new();
        owner.with(|| {
            let plan = stackfit_core::templates::get("s0").unwrap();
            let planner = Planner::new(plan.clone());
            let with_conns = |n: i64| {
                let mut p = plan.clone();
                p.options
                    .iter_mut()
                    .find(|o| o.id == "lean-2c4g")
                    .unwrap()
                    .servers
                    .iter_mut()
                    .flat_map(|s| s.placements.iter_mut())
                    .find(|pl| pl.id == "postgres")
                    .unwrap()
                    .knobs
                    .insert("max_connections".into(), n);
                p
            };
            let key = "knob/lean-2c4g/postgres/max_connections";
            planner.adopt_live(with_conns(12), key);
            planner.adopt(with_conns(12));
            planner.adopt_live(with_conns(40), key);
            planner.undo();
            assert_eq!(planner.with_plan(|p| p.clone()), with_conns(12));
            planner.undo();
            assert_eq!(planner.with_plan(|p| p.clone()), plan);
        });
    }

    #[test]
    fn the_option_on_screen_falls_back_when_its_option_disappears() {
        let owner = Owner::new();
        owner.with(|| {
            let plan = stackfit_core::templates::get("s3").unwrap();
            let planner = Planner::new(plan.clone());
            let second = plan.options[1].id.clone();
            planner.pick_option(&second);
            assert_eq!(planner.option_id.get_untracked(), second);
            planner.dispatch(Action::RemoveOption { option: second });
            assert_eq!(planner.option_id.get_untracked(), plan.options[0].id);
        });
    }
}
