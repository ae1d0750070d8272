//! Component tests in headless Chromium (wasm-bindgen-test). Run by
//! `make test` through wasm-bindgen-test-runner and chromedriver; on native
//! targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use gloo_storage::Storage;
use leptos::prelude::*;
use stackfit::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the whole app into a fresh container and returns that container.
fn mount_app() -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), App).forget();
    host
}

/// Lets Leptos run its scheduled effects (they run as microtasks/tasks).
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn by_testid(root: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
fn palette_lists_every_catalog_service() {
    let host = mount_app();
    let palette = by_testid(&host, "palette");
    for service in stackfit_core::catalog::services() {
        let item = palette
            .query_selector(&format!("[data-testid='palette-item-{}']", service.id))
            .unwrap();
        assert!(item.is_some(), "palette misses {}", service.id);
    }
    let shown = palette
        .query_selector_all("[data-testid^='palette-item-']")
        .unwrap()
        .length();
    assert_eq!(shown as usize, stackfit_core::catalog::services().len());
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_palette_heading() {
    // Start from a known language regardless of the browser's.
    gloo_storage::LocalStorage::set("stackfit.lang", stackfit::i18n::Lang::En).unwrap();
    let host = mount_app();
    let heading = || {
        host.query_selector(".palette h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(heading(), "Services");
    by_testid(&host, "lang-switch").click();
    next_tick().await;
    assert_eq!(heading(), "服务目录");
    // The visible part of the switch's name: the other language's own name.
    let visible = by_testid(&host, "lang-switch")
        .query_selector("span")
        .unwrap()
        .unwrap();
    assert_eq!(visible.text_content().as_deref(), Some("English"));
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("zh-CN")
    );
}

#[wasm_bindgen_test]
async fn app_marks_itself_ready_and_opens_with_one_server_card() {
    let host = mount_app();
    next_tick().await;
    by_testid(&host, "app-ready");
    let board = by_testid(&host, "board");
    let cards = board
        .query_selector_all("[data-testid='server-card']")
        .unwrap();
    assert_eq!(cards.length(), 1);
    let card: web_sys::Element = cards.get(0).unwrap().unchecked_into();
    // A first visit opens the S0 template on its first option ("2C4G lean",
    // or "2C4G 精简" when an earlier test left the UI in Chinese).
    let label = card.get_attribute("data-server-label").unwrap_or_default();
    assert!(label.starts_with("2C4G "), "{label}");
    assert_eq!(card.get_attribute("data-verdict").as_deref(), Some("fits"));
}

#[wasm_bindgen_test]
async fn memory_diagram_draws_a_canvas_and_lists_every_segment_as_text() {
    use stackfit::ui::board::MemoryDiagram;
    use stackfit_core::chart::{memory_chart, Lang};

    let report = stackfit_core::evaluate(&stackfit_core::templates::get("s2").unwrap());
    let server = report.option("plus-standard").unwrap().servers[0].clone();
    let chart = memory_chart(&server, Lang::En);
    let segments = chart.segments.len();
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.style().set_property("width", "480px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <MemoryDiagram chart=Signal::stored(Some(chart.clone())) /> },
    )
    .forget();
    next_tick().await;

    let figure = by_testid(&host, "memory-diagram");
    assert_eq!(
        figure.get_attribute("data-verdict").as_deref(),
        Some("does-not-fit")
    );
    let canvas: web_sys::HtmlCanvasElement = figure
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(
        canvas.width() >= 200,
        "the canvas is sized to its box, got {}",
        canvas.width()
    );
    let text = by_testid(&host, "memory-diagram-text");
    assert!(
        text.child_element_count() as usize >= segments,
        "every segment is also text"
    );
    assert!(text.text_content().unwrap().contains("ai-recommend"));
}

/// A value outside the engine's range is refused before it is applied: the
/// field names the range in the UI's language and shows the plan's value again.
#[wasm_bindgen_test]
async fn a_refused_headroom_target_is_named_and_the_field_shows_the_plan_value() {
    gloo_storage::LocalStorage::set("stackfit.lang", stackfit::i18n::Lang::En).unwrap();
    let host = mount_app();
    next_tick().await;
    let input: web_sys::HtmlInputElement = by_testid(&host, "headroom-target").unchecked_into();
    let held = input.value();
    input.set_value("95");
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    next_tick().await;
    assert_eq!(input.value(), held);
    let error = by_testid(&host, "headroom-target-error")
        .text_content()
        .unwrap_or_default();
    assert!(
        error.starts_with("Headroom target must be from 0"),
        "{error}"
    );
    assert!(error.ends_with("95\u{a0}% was not applied."), "{error}");
}

/// The exporter lives in the tools worker: the app mounts with the export
/// button and without starting the worker (it starts on the first export).
#[wasm_bindgen_test]
async fn the_export_button_is_there_and_the_worker_waits_for_it() {
    let host = mount_app();
    next_tick().await;
    let button = by_testid(&host, "export-open");
    assert_eq!(
        button.get_attribute("aria-haspopup").as_deref(),
        Some("dialog")
    );
    assert!(!stackfit::browser::tools_worker::is_started());
}
