//! Draws StackFit's chart models on any plotters backend. The engine
//! (`stackfit-core::chart`) decides every segment, label and colour; this
//! crate only turns them into pixels: a canvas in the web app, SVG for the
//! golden files, and a small SVG writer of its own for the diagrams users
//! save from the report page. It is a crate of its own so that the
//! engine stays free of plotters, which brings wasm-bindgen and web-sys into
//! wasm32 builds.

pub mod memory;
#[cfg(feature = "svg")]
pub mod svg;
pub mod svg_writer;

pub use memory::{draw_memory, layout, DrawOptions, Layout};
