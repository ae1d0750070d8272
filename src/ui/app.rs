//! The planner's root: provides the state and lays out header, palette and board.

use leptos::prelude::*;

use crate::state::provide_lang;
use crate::ui::{board::Board, header::Header, palette::Palette};

/// The whole planner. Its root carries `data-testid="app-ready"` once mounted,
/// which is what end-to-end tests wait for.
#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    let mounted = RwSignal::new(false);
    // Effects run after the first render, so this marks a mounted, live app.
    Effect::new(move |_| mounted.set(true));
    view! {
        <div class="app" data-testid=move || mounted.get().then_some("app-ready")>
            <Header />
            <main class="workspace">
                <Palette />
                <Board />
            </main>
        </div>
    }
}
