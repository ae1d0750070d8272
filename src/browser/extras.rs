//! The extras seen from the page: the screens a user needs only sometimes
//! (the report page, the compare view, the export and layout-search
//! dialogs; `crate::extras`) are their own wasm, `stackfit-extras`
//! (src/bin/extras.rs), loaded on first use so they are not part of the
//! first load. Trunk builds it like the tools worker (`data-type="worker"`:
//! wasm-bindgen's no-modules output, no file hash), and the page runs it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The extras' files, next to index.html.
const JS_URL: &str = "./stackfit-extras.js";
const WASM_URL: &str = "./stackfit-extras_bg.wasm";

// No-modules output defines a global `wasm_bindgen`: the init function,
// carrying the exports once it has run. A failed load may be retried.
#[wasm_bindgen(inline_js = r#"
let loading = null;
export function load_extras(js, wasm) {
    if (loading === null) {
        loading = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = js;
            script.onload = () => wasm_bindgen({ module_or_path: wasm }).then(() => resolve(wasm_bindgen), reject);
            script.onerror = () => reject(new Error('cannot fetch ' + js));
            document.head.appendChild(script);
        }).catch((e) => { loading = null; throw e; });
    }
    return loading;
}
"#)]
extern "C" {
    fn load_extras(js: &str, wasm: &str) -> js_sys::Promise;
}

/// The loaded extras: their exported functions.
#[derive(Clone)]
pub struct Extras(JsValue);

impl Extras {
    /// Calls export `name` with `args`.
    pub fn call(&self, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
        let f = js_sys::Reflect::get(&self.0, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| format!("the extras have no `{name}`"))?;
        let args: js_sys::Array = args.iter().collect();
        f.apply(&JsValue::NULL, &args).map_err(describe)
    }
}

/// Loads the extras (once) and gives them, or why they could not load, to
/// `then`.
pub fn with_extras(then: impl FnOnce(Result<Extras, String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = wasm_bindgen_futures::JsFuture::from(load_extras(JS_URL, WASM_URL))
            .await
            .map(Extras)
            .map_err(describe);
        then(loaded);
    });
}

fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
