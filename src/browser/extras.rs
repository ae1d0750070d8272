//! The extras seen from the page: the screens a user needs only sometimes
//! (the report page; the compare view, the export, import, layout-search,
//! price-book and share dialogs; `crate::extras`) are their own wasm, `stackfit-extras`
//! (src/bin/extras.rs), loaded on first use so they are not part of the
//! first load. Trunk builds it like the tools worker (`data-type="worker"`:
//! wasm-bindgen's no-modules output, no file hash), and the page runs it
//! through the loader Trunk inlines into index.html (`extras_loader.js`; a
//! wasm-bindgen snippet would be written by both builds into one folder).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;

/// The extras' files, next to index.html (named in `extras_loader.js`
/// too, which fetches them at once for a report link).
const JS_URL: &str = "./stackfit-extras.js";
const WASM_URL: &str = "./stackfit-extras_bg.wasm";

/// The loaded extras: their exported functions.
#[derive(Clone)]
pub struct Extras(JsValue);

impl Extras {
    /// Calls export `name` with `args`.
    pub fn call(&self, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
        let f = function_of(&self.0, name).ok_or_else(|| format!("the extras have no `{name}`"))?;
        let args: js_sys::Array = args.iter().collect();
        f.apply(&JsValue::NULL, &args).map_err(super::error_text)
    }
}

/// Loads the extras (once) and gives them, or why they could not load, to
/// `then`.
pub fn with_extras(then: impl FnOnce(Result<Extras, String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match load() {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map(Extras)
                .map_err(super::error_text),
            Err(why) => Err(why),
        };
        then(loaded);
    });
}

/// Calls export `name` of the extras with `args` and a callback, which
/// they call once with an array of strings; `done` gets those strings, or
/// why the extras could not be asked.
pub fn ask(
    name: &'static str,
    args: Vec<JsValue>,
    done: impl FnOnce(Result<Vec<String>, String>) + 'static,
) {
    with_extras(move |extras| {
        let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
        let answer = {
            let done = done.clone();
            Closure::once_into_js(move |parts: JsValue| {
                if let Some(done) = done.borrow_mut().take() {
                    done(Ok(strings_of(&parts)));
                }
            })
        };
        let mut args = args;
        args.push(answer);
        if let Err(why) = extras.and_then(|e| e.call(name, &args)) {
            if let Some(done) = done.borrow_mut().take() {
                done(Err(why));
            }
        }
    });
}

/// The strings of a JS array the extras answered with.
pub fn strings_of(answer: &JsValue) -> Vec<String> {
    js_sys::Array::from(answer)
        .iter()
        .filter_map(|p| p.as_string())
        .collect()
}

/// Starts loading the extras, if they are not loaded yet: when the
/// pointer or the focus reaches a button that opens one of their dialogs,
/// so the dialog opens sooner. A failure is told by the load the click makes.
pub fn warm() {
    with_extras(|_| {});
}

/// Starts loading (or joins the load) through the page's loader,
/// `window.stackfitLoadExtras` (src/browser/extras_loader.js, inlined into
/// index.html).
fn load() -> Result<js_sys::Promise, String> {
    let loader = function_of(&js_sys::global(), "stackfitLoadExtras")
        .ok_or("the page has no extras loader")?;
    loader
        .call2(
            &JsValue::NULL,
            &JsValue::from_str(JS_URL),
            &JsValue::from_str(WASM_URL),
        )
        .map_err(super::error_text)?
        .dyn_into::<js_sys::Promise>()
        .map_err(super::error_text)
}

/// What to do about a failed load, in `lang`, from what the loader said
/// (`extras_loader.js`: the file's address, then `: HTTP 404` when the
/// server answered with a status; `browser::fetch`: `HTTP 404`). No
/// status: the request never got an answer, so the connection is the
/// likely cause; 404 or 410: the server
/// has no such file (a site caught half-way through an update, or
/// uploaded without it), which a reload of the page may mend; any other
/// status: the server's own error, worth another try in a moment.
pub fn retry_advice(why: &str, lang: Lang) -> &'static str {
    let status = why
        .rsplit_once("HTTP ")
        .and_then(|(_, code)| code.get(..3))
        .and_then(|code| code.parse::<u16>().ok());
    match status {
        None => lang.pick("请检查网络后重试。", "Check the connection and try again."),
        Some(404 | 410) => lang.pick(
            "服务器上没有这个文件，网站可能正在更新：请刷新页面；仍然不行，请告诉网站的维护者。",
            "The server has no such file (the site may be mid-update): reload the page, and if that does not help, tell whoever runs this site.",
        ),
        Some(_) => lang.pick(
            "服务器出错了，请稍后重试。",
            "The server returned an error: try again in a moment.",
        ),
    }
}

/// Function `name` of JS object `object`, if it has one.
pub fn function_of(object: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advice_follows_the_status_the_loader_reported() {
        let network = retry_advice("./stackfit-extras.js", Lang::Zh);
        assert_eq!(network, "请检查网络后重试。");
        let missing = retry_advice("./stackfit-extras_bg.wasm: HTTP 404", Lang::En);
        assert!(
            missing.starts_with("The server has no such file"),
            "{missing}"
        );
        assert_eq!(
            retry_advice("./stackfit-extras_bg.wasm: HTTP 410", Lang::En),
            missing
        );
        let server = retry_advice("./stackfit-extras_bg.wasm: HTTP 503", Lang::Zh);
        assert_eq!(server, "服务器出错了，请稍后重试。");
        // Not a status: the connection.
        assert_eq!(
            retry_advice("./stackfit-extras_bg.wasm: HTTP ?", Lang::En),
            "Check the connection and try again."
        );
    }
}
