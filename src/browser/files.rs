//! Files in and out: downloading text as a file, reading the bytes of a
//! picked or dropped file, and a page-wide drop target for files (only for
//! drags that carry files: dragging services and placements is untouched).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `file_name` of type `mime`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    super::download::download_blob(file_name, &blob)
}

/// The bytes of `file`.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Whether a drag carries files (from the desktop), not our own items.
fn carries_files(e: &web_sys::DragEvent) -> bool {
    e.data_transfer().is_some_and(|dt| {
        dt.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Makes the whole page a drop target for files: `over` says whether a
/// file is being dragged over the page, `dropped` gets the first file
/// dropped. Installed once, for the app's lifetime.
pub fn use_file_drop(over: RwSignal<bool>, dropped: impl Fn(web_sys::File) + 'static) {
    let enter = window_event_listener(ev::dragover, move |e| {
        if carries_files(&e) {
            e.prevent_default();
            if let Some(dt) = e.data_transfer() {
                dt.set_drop_effect("copy");
            }
            if !over.get_untracked() {
                over.set(true);
            }
        }
    });
    let leave = window_event_listener(ev::dragleave, move |e| {
        // Leaving the window: the drag has no element to go to.
        if e.related_target().is_none() {
            over.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |e| {
        over.set(false);
        if !carries_files(&e) {
            return;
        }
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0))
        {
            dropped(file);
        }
    });
    on_cleanup(move || {
        enter.remove();
        leave.remove();
        drop.remove();
    });
}
