//! The extras' entry points (`stackfit::extras`): the screens a user needs
//! only sometimes, in their own wasm, which the page loads on first use.
//! Exports live here, not in the library, so the planner's wasm has none.

use wasm_bindgen::prelude::*;

fn main() {}

/// Runs the report page of share-link `payload`.
#[wasm_bindgen]
pub fn report(payload: String) {
    stackfit::extras::report(payload);
}

/// Shows dialog `screen` on the page's `context` (JSON), talking back to
/// the page through `host`'s functions.
#[wasm_bindgen]
pub fn open(screen: String, context: String, host: JsValue) -> Result<(), JsValue> {
    let host = stackfit::extras::Host::from_js(&host).map_err(|e| JsValue::from_str(&e))?;
    stackfit::extras::open(&screen, &context, host).map_err(|e| JsValue::from_str(&e))
}

/// Unmounts the open dialog.
#[wasm_bindgen]
pub fn close() {
    stackfit::extras::close();
}

/// Mounts the inspector of the page's selection in `element`, on the
/// page's `context` (JSON), talking back through `host`'s functions.
#[wasm_bindgen]
pub fn inspect(element: JsValue, context: String, host: JsValue) -> Result<(), JsValue> {
    let host =
        stackfit::extras::InspectorHost::from_js(&host).map_err(|e| JsValue::from_str(&e))?;
    stackfit::extras::inspect(element, &context, host).map_err(|e| JsValue::from_str(&e))
}

/// Makes the inspector follow the page's `context` (JSON).
#[wasm_bindgen]
pub fn inspect_sync(context: String) -> Result<(), JsValue> {
    stackfit::extras::inspect_sync(&context).map_err(|e| JsValue::from_str(&e))
}

/// The plan JSON share-link `fragment` carries, unpacked by the extras'
/// own link decoder: `[json]`, or why not, `[en, zh]`.
#[wasm_bindgen]
pub fn read_link(fragment: String) -> Vec<String> {
    stackfit::extras::read_link(&fragment)
}

/// Writes the share-link fragment of `plan` (JSON) through the tools
/// worker, then calls `done` with `[fragment]`, or why not, `[en, zh]`.
#[wasm_bindgen]
pub fn write_link(plan: String, done: js_sys::Function) {
    stackfit::extras::write_link(plan, done);
}

/// Reads `file` as a plan file and calls `done` with `[text]` (the page
/// restores it), or why it is not one, `[en, zh]`.
#[wasm_bindgen]
pub fn read_file(file: web_sys::File, done: js_sys::Function) {
    stackfit::extras::read_file(file, done);
}
