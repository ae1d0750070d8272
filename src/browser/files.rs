//! Files in and out: downloads (text or bytes) with a given name, reading the bytes of a
//! picked or dropped file, and a page-wide drop target for files (only for
//! drags that carry files: dragging services and placements is untouched).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `bytes` as a download named `file_name` of MIME type `mime`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(super::error_text)?;
    download_blob(file_name, &blob)
}

/// Offers `blob` as a download named `file_name` (an object URL and a
/// hidden anchor): the one way the page hands out a file.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(super::error_text)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(super::error_text)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&anchor).map_err(super::error_text)?;
    anchor.click();
    anchor.remove();
    // The download has its own copy once it started; free the URL after.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Offers `text` as a UTF-8 download named `file_name`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_bytes(file_name, mime, text.as_bytes())
}

/// The bytes of `file`.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(super::error_text)?;
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

/// One file read as text: `Ok((name, text))`, or `Err(name)` when it is
/// larger than the limit (not read at all) or could not be read.
pub type ReadFile = Result<(String, String), String>;

/// The files of a list, taken at once: an input's list empties when the
/// input is cleared.
pub fn take(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads every file as text, in order, skipping any larger than
/// `max_bytes` (the import dialog's files).
pub async fn read_texts(list: Vec<web_sys::File>, max_bytes: usize) -> Vec<ReadFile> {
    let mut out = Vec::new();
    for file in list {
        let name = file.name();
        if file.size() > max_bytes as f64 {
            out.push(Err(name));
            continue;
        }
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        out.push(text.map(|t| (name.clone(), t)).ok_or(name));
    }
    out
}
