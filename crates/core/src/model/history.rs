//! Undo and redo: the plan before each applied action is kept, so undo gives
//! back exactly the plan that was there (plans are small; snapshots are the
//! simplest correct history).

use super::action::{apply, Action, ActionError};
use super::plan::Plan;

/// A plan with its undo and redo stacks.
///
/// ```
/// use stackfit_core::model::{Action, History};
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
        }
    }

    /// The current plan.
    pub fn plan(&self) -> &Plan {
        &self.present
    }

    /// Applies an action; on success it can be undone and the redo stack is cleared.
    pub fn apply(&mut self, action: &Action) -> Result<(), ActionError> {
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
