//! Text into HTML: the one escape every writer of HTML uses (the export's
//! highlighter, the import preview, the inspector's citations).

/// Appends `text` to `out` with the characters HTML gives meaning to
/// escaped, safe in an element and in a quoted attribute.
///
/// ```
/// let mut out = String::new();
/// stackfit_core::present::escape_html_into(&mut out, r#"<a href="x">Tom & 'Jerry'</a>"#);
/// assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
/// ```
pub fn escape_html_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` escaped for HTML (see [`escape_html_into`]).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html_into(&mut out, text);
    out
}
