//! Writing YAML by hand, safely: a scalar is plain only when no YAML 1.1 or
//! 1.2 reader could take it for anything but this string; everything else is
//! double-quoted with every character a reader could treat as a line break
//! or reject escaped. Text in comments keeps to one line. `$` in values is
//! doubled, because Compose interpolates it.

/// Words YAML 1.1 reads as booleans or null (any case).
const RESERVED: &[&str] = &[
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
];

/// Characters no reader may see unescaped: C0/C1 controls and DEL, NEL
/// (a YAML 1.1 line break), the Unicode line and paragraph separators, the
/// BOM and the noncharacters U+FFFE/U+FFFF.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// A double-quoted YAML scalar with every risky character escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// True when `s` reads back as this same string when written plain.
fn plain_ok(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._/=-".contains(c))
        && !RESERVED.contains(&s.to_ascii_lowercase().as_str())
}

/// A YAML value: plain when safe, else double-quoted.
///
/// ```
/// use stackfit_core::export::yaml::scalar;
/// assert_eq!(scalar("postgres"), "postgres");
/// assert_eq!(scalar("yes"), "\"yes\"");
/// assert_eq!(scalar("010"), "\"010\"");
/// assert_eq!(scalar("a\u{2028}b: c"), "\"a\\u2028b: c\"");
/// ```
pub fn scalar(s: &str) -> String {
    if plain_ok(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// A literal value for a Compose file: `$` doubled (Compose would
/// interpolate it), then as [`scalar`].
///
/// ```
/// assert_eq!(stackfit_core::export::yaml::literal("pa$$word$x"), "\"pa$$$$word$$x\"");
/// ```
pub fn literal(s: &str) -> String {
    scalar(&s.replace('$', "$$"))
}

/// A mapping key: plain for names Compose allows that YAML cannot retype,
/// quoted otherwise (`true`, `010`, `0x1F` stay strings).
///
/// ```
/// use stackfit_core::export::yaml::key;
/// assert_eq!(key("worker-base"), "worker-base");
/// assert_eq!(key("true"), "\"true\"");
/// assert_eq!(key("010"), "\"010\"");
/// ```
pub fn key(s: &str) -> String {
    scalar(s)
}

/// Text safe inside a `#` comment: one line, nothing a reader takes for a
/// line break.
///
/// ```
/// assert_eq!(stackfit_core::export::yaml::comment("A\u{2028}privileged: true"), "A privileged: true");
/// ```
pub fn comment(s: &str) -> String {
    s.chars()
        .map(|c| if needs_escape(c) { ' ' } else { c })
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
            ("No", "\"No\""),
            ("null", "\"null\""),
            ("", "\"\""),
            ("a: b", "\"a: b\""),
            ("0x1F", "\"0x1F\""),
            (".inf", "\".inf\""),
            ("${X:?set it}", "\"${X:?set it}\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
            ("\u{85}", "\"\\u0085\""),
            ("\u{FFFE}", "\"\\uFFFE\""),
        ] {
            assert_eq!(scalar(s), want, "{s:?}");
        }
    }
}
