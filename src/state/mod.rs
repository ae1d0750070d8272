//! UI state, one concern per file, each with `provide_x()` / `use_x()`.

pub mod lang;

pub use lang::{provide_lang, use_lang};
