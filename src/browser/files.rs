//! Files the user chose or dropped, read as text (the import dialog).

use wasm_bindgen_futures::JsFuture;

/// One file: `Ok((name, text))`, or `Err(name)` when it is larger than
/// the limit and was not read, or could not be read.
pub type ReadFile = Result<(String, String), String>;

/// The files of a list, taken at once: an input's list empties when the
/// input is cleared.
pub fn take(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads every file as text, in order, skipping any larger than
/// `max_bytes` (it is not read at all).
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
