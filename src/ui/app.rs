//! The planner's root: provides the state and lays out the header, the
//! palette, the board with its option tabs and summary, and the side panel
//! with the inspector and the findings.

use leptos::prelude::*;

use crate::browser::dismiss::use_dismiss;
use crate::browser::shortcuts::use_undo_shortcuts;
use crate::state::{
    library, provide_announcer, provide_lang, provide_library, provide_my_prices, provide_planner,
    provide_popovers, provide_sharing,
};
use crate::ui::{
    board::Board,
    extras::{warm_once, ExtraScreens},
    findings::FindingsPanel,
    header::Header,
    inspector::Inspector,
    notice::NoticeBar,
    options::OptionTabs,
    palette::{Palette, TemplateMenu},
    prices::PricesNoticeBar,
    share::{DropOverlay, OpenNotice},
    summary::Summary,
};

/// The whole planner. Its root carries `data-testid="app-ready"` once mounted
/// and no share link in the address is still being read, which is what
/// end-to-end tests wait for.
#[component]
pub fn App() -> impl IntoView {
    let lang = provide_lang();
    let boot = library::boot(lang.get_untracked());
    let planner = provide_planner(boot.plan.clone());
    let library = provide_library(planner, &boot);
    // The user's price book prices every plan (loaded before the first report).
    provide_my_prices(planner);
    // A share link in the address opens as a new saved plan (once the tools
    // worker has unpacked it).
    provide_sharing(planner, library);
    use_undo_shortcuts(planner);
    let popovers = provide_popovers();
    let announcer = provide_announcer();
    use_dismiss(popovers, planner);
    // A report link pasted into an open planner is the report page's.
    crate::browser::address::reload_when_fragment(|f| {
        crate::browser::address::report_payload_of(f).is_some()
    });

    let mounted = RwSignal::new(false);
    // Effects run after the first render, so this marks a mounted, live app.
    Effect::new(move |_| mounted.set(true));
    view! {
        <div class="app" data-testid=move || (mounted.get() && library.arriving.get() == 0).then_some("app-ready")>
            <Header />
            <NoticeBar />
            <PricesNoticeBar />
            <OpenNotice />
            // An extras dialog while open; why not, if its code could not load.
            <ExtraScreens />
            <main class="workspace" on:pointerover=|_| warm_once() on:focusin=|_| warm_once()>
                <Palette />
                <section class="centre">
                    // A phone has no palette: its first screen offers the templates here.
                    <TemplateMenu testid="template-menu-phone" class="phone-only" with_empty=false />
                    <OptionTabs />
                    <Summary />
                    <Board />
                </section>
                <aside class="side">
                    <Inspector />
                    <FindingsPanel />
                </aside>
            </main>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
                {move || announcer.text()}
            </p>
            <DropOverlay />
        </div>
    }
}
