//! Browser APIs behind small functions and hooks, so that components never
//! touch `web_sys` directly.

pub mod address;
pub mod clipboard;
pub mod clock;
pub mod dismiss;
pub mod download;
pub mod extras;
pub mod fetch;
pub mod files;
pub mod focus;
pub mod language;
pub mod links;
pub mod location;
pub mod shortcuts;
pub mod storage;
pub mod tools_worker;
