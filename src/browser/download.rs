//! Files out of the page: a download with a given name (a Blob, an object
//! URL and an anchor) and a copy to the clipboard.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name` of MIME type `mime`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no anchor".to_string())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // The download has its own copy once it started; free the URL after.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Offers `text` as a UTF-8 text download named `name`.
pub fn download_text(name: &str, text: &str) -> Result<(), String> {
    download_bytes(name, "text/plain;charset=utf-8", text.as_bytes())
}

/// Copies `text` to the clipboard; `done` gets whether it worked (the
/// browser may refuse without a user gesture or permission). A promise
/// callback, not a future: the app has no other async code, and an executor
/// would cost the first load.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (ok, failed) = (done.clone(), done);
    let on_ok = wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = ok.take() {
            f(true)
        }
    });
    let on_err = wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = failed.take() {
            f(false)
        }
    });
    // `then` through Reflect: the once-closures free themselves when called.
    let promise = window.navigator().clipboard().write_text(text);
    let then = js_sys::Reflect::get(&promise, &"then".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match then {
        Some(then) => {
            let _ = then.call2(&promise, &on_ok, &on_err);
        }
        None => {
            let _ = js_sys::Function::from(on_err)
                .call1(&wasm_bindgen::JsValue::NULL, &wasm_bindgen::JsValue::NULL);
        }
    }
}
