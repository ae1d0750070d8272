//! UI state, one concern per file, each with `provide_x()` / `use_x()`.

pub mod announcer;
pub mod lang;
pub mod library;
pub mod planner;
pub mod popover;
pub mod prices;
pub mod share;
pub mod whatif;

pub use announcer::{provide_announcer, use_announcer, Announcer};
pub use lang::{provide_lang, use_lang};
pub use library::{provide_library, use_library, Library, Notice};
pub use planner::{provide_planner, use_planner, Planner, Selection};
pub use popover::{provide_popovers, use_popovers, Popovers};
pub use prices::{provide_my_prices, use_my_prices, MyPrices, PricesNotice};
pub use share::{provide_sharing, use_sharing, Sharing};
pub use whatif::{provide_whatif, use_whatif, WhatIf};
