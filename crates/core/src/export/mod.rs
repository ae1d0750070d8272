//! Exporters: what to deploy, written as text from a plan and its report.
//!
//! Each exporter is a pure function of `(&Plan, &Report, …)`. It writes the
//! numbers the report already has (limits, expected use, verdicts) and the
//! in-container settings [`crate::tune`] derives from those limits; it
//! computes no sizing of its own. Output is deterministic, so it is checked
//! against reviewed golden files (`tests/golden/compose/`).

mod address;
mod compose;
mod env;
mod run;
mod target;

pub use address::address_variable;
pub use compose::compose;
pub use env::env_file;

use crate::model::units::Mib;

/// A memory size as Docker writes it: whole GiB as "2g", anything else in MiB
/// ("2432m"), so the value is exactly the report's.
///
/// ```
/// use stackfit_core::export::mem_size;
/// assert_eq!(mem_size(2048), "2g");
/// assert_eq!(mem_size(1536), "1536m");
/// ```
pub fn mem_size(mib: Mib) -> String {
    if mib > 0 && mib.is_multiple_of(1024) {
        format!("{}g", mib / 1024)
    } else {
        format!("{mib}m")
    }
}

/// A YAML scalar: plain when it cannot be read as anything but this string
/// (starts with a letter; letters, digits and `._/-=`; not a YAML 1.1
/// boolean or null), otherwise double-quoted with JSON escapes, which YAML's
/// double-quoted style accepts.
pub(crate) fn yaml_scalar(s: &str) -> String {
    let plain = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._/-=".contains(c))
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).expect("a string serializes")
    }
}

/// A mapping key: plain for the names compose allows (`[a-zA-Z0-9._-]`),
/// quoted otherwise so the file still parses.
pub(crate) fn yaml_key(s: &str) -> String {
    if s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    {
        s.to_string()
    } else {
        serde_json::to_string(s).expect("a string serializes")
    }
}

/// Text safe inside a `#` comment: one line, no control characters.
pub(crate) fn comment_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// An id as an environment variable name part: "worker-base" → "WORKER_BASE".
pub(crate) fn env_name(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_that_yaml_would_retype_are_quoted() {
        for (s, want) in [
            ("postgres", "postgres"),
            ("shared_buffers=592MB", "shared_buffers=592MB"),
            ("-c", "\"-c\""),
            ("20", "\"20\""),
            ("no", "\"no\""),
            ("", "\"\""),
            ("a: b", "\"a: b\""),
            ("${X:?set it}", "\"${X:?set it}\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ] {
            assert_eq!(yaml_scalar(s), want, "{s}");
        }
        assert_eq!(yaml_key("worker-base"), "worker-base");
        assert_eq!(yaml_key("my app"), "\"my app\"");
    }

    #[test]
    fn names_and_comments_are_made_safe() {
        assert_eq!(env_name("worker-trans-2"), "WORKER_TRANS_2");
        assert_eq!(comment_text("A\nB — 主"), "A B — 主");
    }
}
