//! The report's files: a canvas saved as PNG, text (Markdown, CSV, SVG) and
//! a picked file read as text; the download itself is `files::download_blob`.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

pub use super::files::{download_blob, download_text};

/// Offers the picture on `canvas` as a PNG named `file_name` (the canvas's
/// own pixels: its backing store, devicePixelRatio times its CSS size).
/// `done` says whether the browser produced the image.
pub fn download_canvas_png(
    canvas: &web_sys::HtmlCanvasElement,
    file_name: String,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let callback = Closure::once_into_js(move |blob: JsValue| {
        let result = match blob.dyn_into::<web_sys::Blob>() {
            Ok(blob) => download_blob(&file_name, &blob),
            Err(_) => Err("the browser made no image".to_string()),
        };
        done(result);
    });
    if let Err(e) = canvas.to_blob(callback.unchecked_ref()) {
        leptos::logging::warn!("toBlob: {}", super::error_text(e));
    }
}

/// Reads `file` as UTF-8 text and calls `done` with it (or why not).
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Result<String, String>) + 'static) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let ok = {
        let done = done.clone();
        Closure::once(move |text: JsValue| {
            if let Some(f) = done.borrow_mut().take() {
                f(text.as_string().ok_or_else(|| "not text".to_string()));
            }
        })
    };
    let failed = Closure::once(move |e: JsValue| {
        if let Some(f) = done.borrow_mut().take() {
            f(Err(super::error_text(e)));
        }
    });
    let _ = file.text().then2(&ok, &failed);
    // The promise calls one of them once; both are small and kept alive for it.
    ok.forget();
    failed.forget();
}
