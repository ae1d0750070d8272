//! Fetching a file of the site (a template's plan file, the catalog's
//! citations) as text.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text at `url` (relative to the page), or why it could not be read.
pub async fn text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(super::error_text)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = response.text().map_err(super::error_text)?;
    JsFuture::from(body)
        .await
        .map_err(super::error_text)?
        .as_string()
        .ok_or_else(|| "not text".to_string())
}

/// `url` asked for as of this deploy: with the planner's own file hash as a
/// version (as the extras' loader does), for a file Trunk copies without a
/// hash in its name, so a CDN never hands this planner an earlier deploy's.
pub fn versioned(url: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(r#"link[rel="modulepreload"][href*="stackfit-planner-"]"#)
                .ok()
                .flatten()
        })
        .and_then(|link| link.get_attribute("href"));
    let hash = href.as_deref().and_then(|h| {
        let rest = &h[h.find("stackfit-planner-")? + "stackfit-planner-".len()..];
        let hash = rest.strip_suffix(".js")?;
        hash.bytes().all(|b| b.is_ascii_hexdigit()).then_some(hash)
    });
    match hash {
        Some(hash) => format!("{url}?v={hash}"),
        None => url.to_string(),
    }
}
