//! Compose's variable substitution — `$VAR`, `${VAR}`, `${VAR:-default}`,
//! `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`,
//! `${VAR+alt}`, nested defaults and `$$` — and the owned tree it produces
//! from the parsed one: values are substituted, keys are not (as Compose
//! does). Every value is bounded to [`limits::VALUE_BYTES`].

use std::collections::HashMap;

use super::limits;
use super::note::{msg, Msg, Notes, Pos};
use super::yaml::{Raw, RawV, Tag};

/// Variables as the project sees them (the `.env`, in core: no process
/// environment is read).
pub(crate) type Vars = HashMap<String, String>;

/// A YAML value after substitution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub v: V,
    pub at: Pos,
    pub tag: Tag,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum V {
    Null,
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Pos, Node)>),
}

impl Node {
    pub fn new(v: V, at: Pos) -> Node {
        Node {
            v,
            at,
            tag: Tag::None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.v {
            V::Map(m) => m.iter().find(|(k, _, _)| k == key).map(|(_, _, n)| n),
            _ => None,
        }
    }

    /// The text of a scalar (numbers and booleans are text too).
    pub fn str(&self) -> Option<&str> {
        match &self.v {
            V::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn entries(&self) -> &[(String, Pos, Node)] {
        match &self.v {
            V::Map(m) => m,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.v {
            V::Seq(s) => s,
            _ => &[],
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.v, V::Null)
    }
}

/// Why a substitution failed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SubstError {
    /// `${VAR:?message}` with VAR unset (or empty).
    Required {
        name: String,
        message: String,
    },
    /// A `$` that starts nothing Compose knows, or an unclosed `${`.
    Invalid(String),
    TooLong,
}

impl SubstError {
    pub fn msg(&self, value: &str) -> (&'static str, Msg) {
        let shown: String = value.chars().take(80).collect();
        match self {
            SubstError::Required { name, message } => (
                "required-variable",
                msg(
                    format!("required variable {name} is not set: {message}"),
                    format!("必需的变量 {name} 未设置：{message}"),
                ),
            ),
            SubstError::Invalid(what) => (
                "bad-interpolation",
                msg(
                    format!("invalid interpolation in {shown:?} ({what}); write a literal $ as $$"),
                    format!("{shown:?} 中的变量替换格式不正确（{what}）；字面量 $ 请写成 $$"),
                ),
            ),
            SubstError::TooLong => (
                "value-too-long",
                msg(
                    format!(
                        "a value grows past {} KiB once variables are substituted",
                        limits::VALUE_BYTES / 1024
                    ),
                    format!("变量替换后取值超过 {} KiB", limits::VALUE_BYTES / 1024),
                ),
            ),
        }
    }
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_name(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The index just after the `}` that closes a `${` whose content starts at
/// `from`, counting nested `${`.
fn closing(s: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = from;
    while i < s.len() {
        match s[i] {
            b'$' if s.get(i + 1) == Some(&b'$') => i += 1,
            b'$' if s.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Substitutes variables in `s`. `unset` collects names used but not set
/// (Compose warns and substitutes an empty string).
pub(crate) fn substitute(
    s: &str,
    vars: &Vars,
    unset: &mut Vec<String>,
) -> Result<String, SubstError> {
    subst(s, vars, unset, 0)
}

fn subst(
    s: &str,
    vars: &Vars,
    unset: &mut Vec<String>,
    depth: usize,
) -> Result<String, SubstError> {
    if depth > 16 {
        return Err(SubstError::Invalid("nested too deeply".into()));
    }
    if !s.contains('$') {
        return Ok(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut lit = 0;
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        out.push_str(&s[lit..i]);
        let next = b.get(i + 1).copied();
        match next {
            Some(b'$') => {
                out.push('$');
                i += 2;
            }
            Some(c) if is_name_start(c) => {
                let start = i + 1;
                let mut end = start;
                while end < b.len() && is_name(b[end]) {
                    end += 1;
                }
                let name = &s[start..end];
                match vars.get(name) {
                    Some(v) => out.push_str(v),
                    None => unset.push(name.to_string()),
                }
                i = end;
            }
            Some(b'{') => {
                let start = i + 2;
                let close = closing(b, start)
                    .ok_or_else(|| SubstError::Invalid("a ${ is not closed".into()))?;
                let inner = &s[start..close];
                out.push_str(&braced(inner, vars, unset, depth)?);
                i = close + 1;
            }
            // Compose leaves any other `$` as written (`$(date)`, a `$` at
            // the end): only `${` must be well formed (compose-go's pattern).
            _ => {
                out.push('$');
                i += 1;
            }
        }
        lit = i;
        if out.len() > limits::VALUE_BYTES {
            return Err(SubstError::TooLong);
        }
    }
    out.push_str(&s[lit..]);
    if out.len() > limits::VALUE_BYTES {
        return Err(SubstError::TooLong);
    }
    Ok(out)
}

fn braced(
    inner: &str,
    vars: &Vars,
    unset: &mut Vec<String>,
    depth: usize,
) -> Result<String, SubstError> {
    let b = inner.as_bytes();
    if b.is_empty() || !is_name_start(b[0]) {
        return Err(SubstError::Invalid(format!(
            "${{{inner}}} has no variable name"
        )));
    }
    let mut n = 1;
    while n < b.len() && is_name(b[n]) {
        n += 1;
    }
    let name = &inner[..n];
    let rest = &inner[n..];
    let value = vars.get(name).map(String::as_str);
    let set = value.is_some();
    let non_empty = value.is_some_and(|v| !v.is_empty());
    let word = |w: &str, unset: &mut Vec<String>| subst(w, vars, unset, depth + 1);
    if rest.is_empty() {
        if !set {
            unset.push(name.to_string());
        }
        return Ok(value.unwrap_or("").to_string());
    }
    let (op, w) = if let Some(w) = rest.strip_prefix(":-") {
        (":-", w)
    } else if let Some(w) = rest.strip_prefix(":?") {
        (":?", w)
    } else if let Some(w) = rest.strip_prefix(":+") {
        (":+", w)
    } else if let Some(w) = rest.strip_prefix('-') {
        ("-", w)
    } else if let Some(w) = rest.strip_prefix('?') {
        ("?", w)
    } else if let Some(w) = rest.strip_prefix('+') {
        ("+", w)
    } else {
        return Err(SubstError::Invalid(format!(
            "unknown operator in ${{{inner}}}"
        )));
    };
    Ok(match op {
        ":-" if non_empty => value.unwrap_or("").to_string(),
        ":-" => word(w, unset)?,
        "-" if set => value.unwrap_or("").to_string(),
        "-" => word(w, unset)?,
        ":?" | "?" if (op == ":?" && non_empty) || (op == "?" && set) => {
            value.unwrap_or("").to_string()
        }
        ":?" | "?" => {
            return Err(SubstError::Required {
                name: name.to_string(),
                message: word(w, unset)?,
            })
        }
        ":+" if non_empty => word(w, unset)?,
        "+" if set => word(w, unset)?,
        _ => String::new(),
    })
}

fn is_null_word(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

/// The owned tree of a parsed document, values substituted. Errors are
/// noted at the value's position; the value is then used as written.
pub(crate) fn resolve(
    raw: &Raw,
    vars: &Vars,
    notes: &mut Notes,
    unset: &mut Vec<(String, Pos)>,
) -> Node {
    let v = match &raw.v {
        RawV::Scalar(t, plain) if *plain && is_null_word(t) => V::Null,
        RawV::Scalar(t, _) => {
            let mut missing = Vec::new();
            let s = match substitute(t, vars, &mut missing) {
                Ok(s) => s,
                Err(e) => {
                    let (code, m) = e.msg(t);
                    notes.error(code, Some(raw.at), None, m);
                    t.to_string()
                }
            };
            unset.extend(missing.into_iter().map(|n| (n, raw.at)));
            V::Str(s)
        }
        RawV::Seq(items) => V::Seq(
            items
                .iter()
                .map(|r| resolve(r, vars, notes, unset))
                .collect(),
        ),
        RawV::Map(entries) => V::Map(
            entries
                .iter()
                .map(|(k, r)| (k.text.to_string(), k.at, resolve(r, vars, notes, unset)))
                .collect(),
        ),
    };
    Node {
        v,
        at: raw.at,
        tag: raw.tag,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vars {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn sub(s: &str, v: &Vars) -> Result<String, SubstError> {
        substitute(s, v, &mut Vec::new())
    }

    #[test]
    fn every_form_compose_documents() {
        let v = vars(&[("SET", "x"), ("EMPTY", "")]);
        assert_eq!(sub("$SET-${SET}", &v).unwrap(), "x-x");
        assert_eq!(
            sub("${UNSET:-d}|${EMPTY:-d}|${SET:-d}", &v).unwrap(),
            "d|d|x"
        );
        assert_eq!(sub("${UNSET-d}|${EMPTY-d}|${SET-d}", &v).unwrap(), "d||x");
        assert_eq!(
            sub("${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}", &v).unwrap(),
            "alt||alt"
        );
        assert_eq!(sub("$$SET costs $$5", &v).unwrap(), "$SET costs $5");
        assert_eq!(sub("${UNSET:-${SET}-${UNSET2:-z}}", &v).unwrap(), "x-z");
        assert_eq!(
            sub("${UNSET:?set UNSET in .env}", &v),
            Err(SubstError::Required {
                name: "UNSET".into(),
                message: "set UNSET in .env".into()
            })
        );
        assert!(sub("${EMPTY?must be set}", &v).is_ok());
        assert!(matches!(
            sub("${EMPTY:?must}", &v),
            Err(SubstError::Required { .. })
        ));
        // Only `${` must be well formed; any other `$` stays as written,
        // as Compose leaves it (the shell in a command reads it).
        assert_eq!(
            sub("echo $1 $(seq 1 60) 5$", &v).unwrap(),
            "echo $1 $(seq 1 60) 5$"
        );
        assert!(matches!(sub("${SET", &v), Err(SubstError::Invalid(_))));
        assert!(matches!(sub("${}", &v), Err(SubstError::Invalid(_))));
        let mut unset = Vec::new();
        assert_eq!(substitute("a${NOPE}b", &v, &mut unset).unwrap(), "ab");
        assert_eq!(unset, ["NOPE"]);
    }

    #[test]
    fn growth_is_bounded() {
        let big = "x".repeat(40_000);
        let v = vars(&[("B", &big)]);
        assert_eq!(sub("$B$B", &v), Err(SubstError::TooLong));
        let nested = "${A:-".repeat(40) + &"}".repeat(40);
        assert!(sub(&nested, &v).is_err());
    }
}
