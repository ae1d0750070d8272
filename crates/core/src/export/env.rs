//! The `.env` beside each compose file: every variable the file reads, each
//! with what it does and why it has this value on this server — secrets
//! generated on the user's machine, private addresses, your images, the
//! plan's own environment lines.

use super::compose::{env_file_name, header};
use super::spec::{OptionExport, ServerExport};
use super::yaml::comment;

/// A `.env` value as Compose reads it back unchanged: bare when it holds
/// only safe characters, else single-quoted (no interpolation), or
/// double-quoted with escapes when it holds a single quote.
///
/// ```
/// use stackfit_core::export::env_value;
/// assert_eq!(env_value("abc123"), "abc123");
/// assert_eq!(env_value("a b$c"), "'a b$c'");
/// assert_eq!(env_value("it's"), "\"it's\"");
/// ```
pub fn env_value(v: &str) -> String {
    if v.chars()
        .all(|c| c.is_ascii_alphanumeric() || "_./:@,+=-".contains(c))
    {
        v.to_string()
    } else if !v.contains('\'') {
        format!("'{v}'")
    } else {
        let escaped = v
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('$', "\\$");
        format!("\"{escaped}\"")
    }
}

pub(super) fn render(e: &OptionExport, s: &ServerExport) -> String {
    let mut out = String::new();
    header(&mut out, e, s, &env_file_name(&s.server.id));
    out.push_str(&format!(
        "# docker compose reads it with --env-file {} (or rename it .env beside the compose file).\n",
        env_file_name(&s.server.id)
    ));
    if s.env.iter().any(|l| l.secret) {
        out.push_str("# Secrets were generated on your machine when you exported: they are in no plan file or link.\n");
    }
    if s.env.is_empty() {
        out.push_str(
            "# no variables: nothing here needs a secret, an address or your own image.\n",
        );
        return out;
    }
    for l in &s.env {
        out.push('\n');
        for c in &l.comment {
            out.push_str(&format!("# {}\n", comment(c)));
        }
        if l.required {
            out.push_str("# required: docker compose stops with a message until it is set\n");
        }
        out.push_str(&format!("{}={}\n", l.name, env_value(&l.value)));
    }
    out
}
