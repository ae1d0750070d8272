//! Changing a plan: [`apply`] carries out one [`crate::model::Action`] or
//! refuses it; [`History`] keeps undo and redo.

pub mod adopt;
mod apply;
mod history;
pub mod validate;

pub use apply::{apply, ActionError};
pub use history::History;
