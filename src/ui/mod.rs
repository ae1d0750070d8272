//! Components, one per file, grouped by feature; each feature's CSS sits
//! beside it and is linked from index.html.

mod app;
pub mod board;
pub mod compare;
pub mod dialog;
pub mod export;
pub mod extras;
pub mod fields;
pub mod findings;
pub mod header;
pub mod import;
pub mod inspector;
pub mod layout_search;
pub mod notice;
pub mod options;
pub mod palette;
pub mod prices;
pub mod report;
pub mod share;
pub mod summary;
pub mod verdict;

pub use app::App;
