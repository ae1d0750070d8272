//! `.env` files as Compose reads them: `KEY=value`, `export KEY=value`,
//! comments, single quotes (literal), double quotes (escapes, several
//! lines), unquoted values with ` #` comments, and `${OTHER}` references to
//! values defined above. At most [`limits::ENV_LINES`] lines.

use super::interpolate::{substitute, Vars};
use super::limits;
use super::note::{msg, Msg, Pos};

/// A `.env` read: its variables in order and what was wrong with it.
pub(crate) struct DotEnv {
    pub vars: Vec<(String, String, Pos)>,
    pub problems: Vec<(&'static str, Pos, Msg)>,
}

fn valid_key(k: &str) -> bool {
    let b = k.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// Reads a `.env` text. `Err` when it has more lines than a `.env` has.
pub(crate) fn parse(text: &str, file: u16, inherited: &Vars) -> Result<DotEnv, (Pos, Msg)> {
    let lines = text.lines().count();
    if lines > limits::ENV_LINES {
        return Err((
            Pos::start(file),
            msg(
                format!(
                    "the .env has {lines} lines; StackFit reads up to {} (a .env has dozens)",
                    limits::ENV_LINES
                ),
                format!(
                    ".env 共有 {lines} 行，StackFit 最多读取 {} 行（.env 通常只有几十行）",
                    limits::ENV_LINES
                ),
            ),
        ));
    }
    let mut known: Vars = inherited.clone();
    let mut out = DotEnv {
        vars: Vec::new(),
        problems: Vec::new(),
    };
    let all: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < all.len() {
        let line_no = i + 1;
        let line = all[i].trim_start();
        let indent = all[i].len() - line.len();
        i += 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let body = line
            .strip_prefix("export ")
            .map(str::trim_start)
            .unwrap_or(line);
        let Some(eq) = body.find('=') else {
            let key = body.trim();
            if !valid_key(key) {
                out.problems.push((
                    "env-syntax",
                    Pos::new(file, line_no, indent),
                    msg(
                        format!("cannot read this .env line: {:?}", trunc(line)),
                        format!("无法解析这一行 .env：{:?}", trunc(line)),
                    ),
                ));
            }
            // `KEY` alone takes the value from the shell, which core does not read.
            continue;
        };
        let key = body[..eq].trim();
        let at = Pos::new(file, line_no, indent);
        if !valid_key(key) {
            out.problems.push((
                "env-syntax",
                at,
                msg(
                    format!("{:?} is not a variable name", trunc(key)),
                    format!("{:?} 不是合法的变量名", trunc(key)),
                ),
            ));
            continue;
        }
        let raw = body[eq + 1..].trim_start();
        let value = match raw.as_bytes().first() {
            Some(&q @ (b'\'' | b'"')) => {
                // A quoted value may run over several lines.
                let mut buf = raw[1..].to_string();
                loop {
                    if let Some(end) = closing_quote(&buf, q) {
                        buf.truncate(end);
                        break;
                    }
                    if i >= all.len() {
                        out.problems.push((
                            "env-syntax",
                            at,
                            msg(
                                format!("the quoted value of {key} is not closed"),
                                format!("{key} 的引号没有闭合"),
                            ),
                        ));
                        break;
                    }
                    buf.push('\n');
                    buf.push_str(all[i]);
                    i += 1;
                }
                if q == b'\'' {
                    Ok(buf)
                } else {
                    substitute(&unescape(&buf), &known, &mut Vec::new())
                }
            }
            _ => {
                let v = match raw.find(" #").or_else(|| raw.find("\t#")) {
                    Some(c) => &raw[..c],
                    None => raw,
                };
                substitute(v.trim_end(), &known, &mut Vec::new())
            }
        };
        match value {
            Ok(v) => {
                known.insert(key.to_string(), v.clone());
                out.vars.push((key.to_string(), v, at));
            }
            Err(e) => {
                let (code, m) = e.msg(raw);
                out.problems.push((code, at, m));
            }
        }
    }
    Ok(out)
}

fn trunc(s: &str) -> String {
    s.chars().take(60).collect()
}

/// The index of the closing quote, skipping `\"` in double quotes.
fn closing_quote(s: &str, q: u8) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if q == b'"' && b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == q {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(text: &str) -> Vec<(String, String)> {
        parse(text, 0, &Vars::new())
            .ok()
            .unwrap()
            .vars
            .into_iter()
            .map(|(k, v, _)| (k, v))
            .collect()
    }

    #[test]
    fn values_reference_values_above() {
        let v = vars(
            "# db\nPG_MEM=512m\nexport HOST=db\nURL=postgres://${HOST}:5432 # comment\n\
             SINGLE='${HOST} stays'\nDOUBLE=\"a\\n${HOST}\"\nMULTI=\"one\ntwo\"\nLATER=${NOT_YET:-x}\n",
        );
        let get = |k: &str| v.iter().find(|(n, _)| n == k).unwrap().1.clone();
        assert_eq!(get("PG_MEM"), "512m");
        assert_eq!(get("URL"), "postgres://db:5432");
        assert_eq!(get("SINGLE"), "${HOST} stays");
        assert_eq!(get("DOUBLE"), "a\ndb");
        assert_eq!(get("MULTI"), "one\ntwo");
        assert_eq!(get("LATER"), "x");
    }

    #[test]
    fn too_many_lines_is_one_clear_error() {
        let text = "A=1\n".repeat(100_000);
        let t = std::time::Instant::now();
        let e = parse(&text, 0, &Vars::new()).err().unwrap();
        assert!(e.1.en.contains("100000 lines"), "{}", e.1.en);
        assert!(t.elapsed().as_millis() < 1000);
    }

    #[test]
    fn doubling_values_stop_at_the_value_bound() {
        let mut text = String::from("A0=xxxxxxxxxxxxxxxx\n");
        for i in 1..40 {
            text.push_str(&format!("A{i}=${{A{}}}${{A{}}}\n", i - 1, i - 1));
        }
        let env = parse(&text, 0, &Vars::new()).ok().unwrap();
        assert!(env.problems.iter().any(|p| p.0 == "value-too-long"));
        assert!(env
            .vars
            .iter()
            .all(|(_, v, _)| v.len() <= limits::VALUE_BYTES));
    }
}
