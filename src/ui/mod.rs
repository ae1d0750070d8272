//! Components, one per file, grouped by feature; each feature's CSS sits
//! beside it and is linked from index.html.

mod app;
pub mod board;
pub mod header;
pub mod palette;

pub use app::App;
