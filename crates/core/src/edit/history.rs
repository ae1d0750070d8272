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
        self.record(action)
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
        self.record(action)?;
        self.merging = key;
        Ok(())
    }

    fn record(&mut self, action: &Action) -> Result<(), ActionError> {
        let mut next = self.present.clone();
        apply(&mut next, action)?;
        if next != self.present {
            let before = std::mem::replace(&mut self.present, next);
            self.past.push(before);
            if self.past.len() > self.limit {
                self.past.remove(0);
            }
            self.future.clear();
        }
        Ok(())
    }

    /// Replaces the whole plan (opening a template or a file) as one undoable step.
    pub fn replace(&mut self, plan: Plan) {
        self.merging = None;
        let before = std::mem::replace(&mut self.present, plan);
        self.past.push(before);
        self.future.clear();
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
