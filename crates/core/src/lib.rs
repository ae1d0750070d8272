//! StackFit's engine: the resource model, the sourced catalogs, fit evaluation,
//! cost and tuning. Pure Rust with no browser dependency, so every rule is
//! tested natively with `cargo test`.

pub mod catalog;
pub mod model;
