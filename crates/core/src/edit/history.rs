//! Undo and redo: the plan before each applied action is kept, so undo gives
//! back exactly the plan that was there (plans are small; snapshots are the
//! simplest correct history).

use super::apply::{apply, ActionError};
use crate::model::{Action, Plan};

/// A plan with its undo and redo stacks.
///
/// ```
/// use stackfit_core::edit::History;
/// use stackfit_core::model::Action;
/// let plan = stackfit_core::templates::get("s0-finrep").unwrap();
/// let mut h = History::new(plan.clone());
/// h.apply(&Action::SetHeadroomTarget { pct: 20 }).unwrap();
/// assert_eq!(h.plan().settings.headroom_target_pct, 20);
/// assert!(h.undo());
/// assert_eq!(h.plan(), &plan);
/// assert!(h.redo());
/// assert_eq!(h.plan().settings.headroom_target_pct, 20);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    present: Plan,
    past: Vec<Plan>,
    future: Vec<Plan>,
    limit: usize,
    /// What the last [`History::apply_merging`] changed, so that a run of
    /// edits to the same value (typing, a slider) is one undo step.
    merging: Option<String>,
}

/// How many steps of undo are kept by default.
pub const DEFAULT_UNDO_DEPTH: usize = 200;

impl History {
    pub fn new(plan: Plan) -> Self {
        History {
            present: plan,
            past: Vec::new(),
            future: Vec::new(),
            limit: DEFAULT_UNDO_DEPTH,
            merging: None,
        }
    }

    /// The current plan.
    pub fn plan(&self) -> &Plan {
        &self.present
    }

    /// Applies an action; on success it can be undone and the redo stack is cleared.
    pub fn apply(&mut self, action: &Action) -> Result<(), ActionError> {
        self.merging = None;
        self.record(action).map(|_| ())
    }

    /// Applies an action that is one of a run of edits to the same value (a
    /// knob being typed or slid): the first of the run is an undo step, the
    /// rest update it, so one undo goes back to before the whole run. Any
    /// other change, undo or redo ends the run.
    ///
    /// ```
    /// use stackfit_core::edit::History;
    /// use stackfit_core::model::Action;
    /// let plan = stackfit_core::templates::get("s0").unwrap();
    /// let mut h = History::new(plan.clone());
    /// for pct in [2, 25, 30] {
    ///     h.apply_merging(&Action::SetHeadroomTarget { pct }).unwrap();
    /// }
    /// assert_eq!(h.plan().settings.headroom_target_pct, 30);
    /// assert!(h.undo());
    /// assert_eq!(h.plan(), &plan);
    /// ```
    pub fn apply_merging(&mut self, action: &Action) -> Result<(), ActionError> {
        let key = action.merge_key();
        if key.is_some() && key == self.merging && self.can_undo() {
            let mut next = self.present.clone();
            apply(&mut next, action)?;
            self.present = next;
            self.future.clear();
            return Ok(());
        }
        // A run starts only with a step of its own: an edit that changed
        // nothing (typing the value already there) must not let the next
        // keystroke fold into the step before it (a placement, say).
        if self.record(action)? {
            self.merging = key;
        }
        Ok(())
    }

    /// Ends the current run of merged edits (the field was committed or left),
    /// so the next edit of the same value is an undo step of its own.
    pub fn seal(&mut self) {
        self.merging = None;
    }

    /// Applies `action`; returns whether it changed the plan (and so pushed an undo step).
    fn record(&mut self, action: &Action) -> Result<bool, ActionError> {
        let mut next = self.present.clone();
        apply(&mut next, action)?;
        if next == self.present {
            return Ok(false);
        }
        let before = std::mem::replace(&mut self.present, next);
        self.past.push(before);
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.future.clear();
        Ok(true)
    }

    /// Replaces the whole plan (opening a template or a file) as one undoable step.
    pub fn replace(&mut self, plan: Plan) {
        self.merging = None;
        let before = std::mem::replace(&mut self.present, plan);
        self.past.push(before);
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Makes `plan` the current plan as one of a run of edits to the same
    /// value, `key` (an [`Action::merge_key`] applied elsewhere, on a copy
    /// of this plan): like [`History::apply_merging`], the first of the run
    /// is an undo step and the rest update it. A plan equal to the current
    /// one changes nothing and starts no run.
    ///
    /// ```
    /// use stackfit_core::edit::History;
    /// use stackfit_core::model::Action;
    /// let plan = stackfit_core::templates::get("s0").unwrap();
    /// let mut copy = History::new(plan.clone());
    /// let mut h = History::new(plan.clone());
    /// for pct in [2, 25, 30] {
    ///     let action = Action::SetHeadroomTarget { pct };
    ///     copy.apply_merging(&action).unwrap();
    ///     h.replace_merging(copy.plan().clone(), &action.merge_key().unwrap());
    /// }
    /// assert_eq!(h.plan().settings.headroom_target_pct, 30);
    /// assert!(h.undo());
    /// assert_eq!(h.plan(), &plan);
    /// assert!(!h.can_undo());
    /// ```
    pub fn replace_merging(&mut self, plan: Plan, key: &str) {
        if self.merging.as_deref() == Some(key) && self.can_undo() {
            self.present = plan;
            self.future.clear();
        } else if plan != self.present {
            self.replace(plan);
            self.merging = Some(key.to_string());
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Steps back; returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.merging = None;
        match self.past.pop() {
            Some(p) => {
                let now = std::mem::replace(&mut self.present, p);
                self.future.push(now);
                true
            }
            None => false,
        }
    }

    /// Steps forward again; returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.merging = None;
        match self.future.pop() {
            Some(p) => {
                let now = std::mem::replace(&mut self.present, p);
                self.past.push(now);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn knob(value: i64) -> Action {
        Action::SetKnob {
            option: "lean-2c4g".into(),
            placement: "postgres".into(),
            knob: "max_connections".into(),
            value: Some(value),
        }
    }

    #[test]
    fn typing_into_one_knob_is_one_undo_step() {
        let plan = crate::templates::get("s0").unwrap();
        let mut h = History::new(plan.clone());
        for v in [1, 15, 150] {
            h.apply_merging(&knob(v)).unwrap();
        }
        assert!(h.undo());
        assert_eq!(h.plan(), &plan);
        assert!(!h.can_undo());
    }

    #[test]
    fn another_change_or_an_undo_ends_the_run() {
        let plan = crate::templates::get("s0").unwrap();
        let mut h = History::new(plan.clone());
        h.apply_merging(&knob(50)).unwrap();
        h.apply(&Action::SetHeadroomTarget { pct: 20 }).unwrap();
        h.apply_merging(&knob(60)).unwrap();
        assert!(h.undo()); // the second run
        assert!(h.undo()); // the headroom
        assert!(h.undo()); // the first run
        assert_eq!(h.plan(), &plan);

        let mut h = History::new(plan.clone());
        h.apply_merging(&knob(50)).unwrap();
        h.undo();
        h.apply_merging(&knob(70)).unwrap();
        assert!(h.undo());
        assert_eq!(h.plan(), &plan);
    }

    /// The trial placed a service, then typed "12" into a knob that already
    /// held 1: the "1" changed nothing, yet started a run, so the "2" was
    /// folded into the placement's step and one undo took both away.
    #[test]
    fn an_edit_that_changes_nothing_does_not_join_the_step_before() {
        let plan = crate::templates::get("s0").unwrap();
        let mut h = History::new(plan.clone());
        h.apply(&Action::SetHeadroomTarget { pct: 20 }).unwrap();
        let current = h
            .plan()
            .option("lean-2c4g")
            .unwrap()
            .find_placement("postgres")
            .unwrap()
            .1
            .knobs
            .get("max_connections")
            .copied();
        let same = current.unwrap_or_else(|| {
            crate::catalog::service("postgres")
                .unwrap()
                .knob_default("max_connections")
        });
        h.apply_merging(&knob(same)).unwrap();
        h.apply_merging(&knob(same + 10)).unwrap();
        assert!(h.undo());
        assert_eq!(
            h.plan().settings.headroom_target_pct,
            20,
            "one undo takes back the typing only"
        );
        assert!(h.undo());
        assert_eq!(h.plan(), &plan);
    }

    #[test]
    fn a_sealed_run_is_not_continued() {
        let plan = crate::templates::get("s0").unwrap();
        let mut h = History::new(plan.clone());
        h.apply_merging(&knob(50)).unwrap();
        h.seal();
        h.apply_merging(&knob(60)).unwrap();
        assert!(h.undo());
        assert_eq!(
            h.plan()
                .option("lean-2c4g")
                .unwrap()
                .find_placement("postgres")
                .unwrap()
                .1
                .knobs["max_connections"],
            50
        );
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let plan = crate::templates::get("s0").unwrap();
        let mut h = History::new(plan.clone());
        let bad = Action::SetKnob {
            option: "lean-2c4g".into(),
            placement: "nope".into(),
            knob: "x".into(),
            value: Some(1),
        };
        assert!(h.apply_merging(&bad).is_err());
        assert_eq!(h.plan(), &plan);
        assert!(!h.can_undo());
    }
}
