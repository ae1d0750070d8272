//! Commands as a container runs them: a compose `command:` string split the
//! way a POSIX shell splits words (quotes and backslashes), and a
//! `sh -c "a && exec b"` script cut into the commands it runs.

/// Splits a command line into words. Unbalanced quotes end at the end.
pub(crate) fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for d in chars.by_ref() {
                    if d == '\'' {
                        break;
                    }
                    cur.push(d);
                }
            }
            '"' => {
                in_word = true;
                while let Some(d) = chars.next() {
                    match d {
                        '"' => break,
                        '\\' if matches!(chars.peek(), Some('"' | '\\' | '$' | '`')) => {
                            cur.push(chars.next().unwrap_or('\\'))
                        }
                        _ => cur.push(d),
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some('\n') | None => {}
                    Some(d) => cur.push(d),
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            _ => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    out
}

/// The commands an argv runs: itself, or for `sh -c SCRIPT` the commands of
/// the script (split at `&&`, `||`, `;`, `|` and new lines, with `exec` and
/// variable assignments in front dropped).
pub(crate) fn commands(argv: &[String]) -> Vec<Vec<String>> {
    if let Some(script) = crate::kinds::command::script(argv) {
        return script_commands(script);
    }
    let mut argv = argv.to_vec();
    strip_prefix_words(&mut argv);
    if argv.is_empty() {
        Vec::new()
    } else {
        vec![argv]
    }
}

fn script_commands(script: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut chars = script.chars().peekable();
    let flush = |cur: &mut String, out: &mut Vec<Vec<String>>| {
        let mut w = words(cur);
        strip_prefix_words(&mut w);
        if !w.is_empty() {
            out.push(w);
        }
        cur.clear();
    };
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                cur.push(c);
            }
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                cur.push(c);
            }
            (None, ';' | '\n' | '|') => {
                if c == '|' && chars.peek() == Some(&'|') {
                    chars.next();
                }
                flush(&mut cur, &mut out);
            }
            (None, '&') if chars.peek() == Some(&'&') => {
                chars.next();
                flush(&mut cur, &mut out);
            }
            (None, c) => cur.push(c),
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Drops `exec`, `env`, `VAR=value` assignments and `tini --`-style
/// wrappers in front of the program.
fn strip_prefix_words(argv: &mut Vec<String>) {
    loop {
        let Some(first) = argv.first() else { return };
        let assignment = first.split_once('=').is_some_and(|(k, _)| {
            !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        let wrapper = matches!(
            first.as_str(),
            "exec"
                | "env"
                | "tini"
                | "/sbin/tini"
                | "/tini"
                | "dumb-init"
                | "/usr/bin/dumb-init"
                | "--"
                | "gosu"
                | "su-exec"
        );
        if assignment || wrapper {
            argv.remove(0);
        } else {
            return;
        }
    }
}

/// The program's name without its directory: "/usr/local/bin/gunicorn" → "gunicorn".
pub(crate) fn program(argv: &[String]) -> &str {
    argv.first()
        .map(|p| p.rsplit('/').next().unwrap_or(p))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn words_split_like_a_shell() {
        assert_eq!(
            words(r#"redis-server --save "" --requirepass 'a b' x\ y"#),
            v(&["redis-server", "--save", "", "--requirepass", "a b", "x y"])
        );
        assert_eq!(words("  a   b  "), v(&["a", "b"]));
        assert_eq!(words(r#""unclosed"#), v(&["unclosed"]));
    }

    #[test]
    fn shell_scripts_become_their_commands() {
        let argv = v(&[
            "sh",
            "-c",
            "python manage.py migrate && exec gunicorn app.wsgi -w 4",
        ]);
        let c = commands(&argv);
        assert_eq!(c.len(), 2);
        assert_eq!(c[1], v(&["gunicorn", "app.wsgi", "-w", "4"]));
        assert_eq!(program(&v(&["/usr/local/bin/celery", "worker"])), "celery");
        let c = commands(&v(&["tini", "--", "node", "server.js"]));
        assert_eq!(c, vec![v(&["node", "server.js"])]);
        // `-c` inside a group of short options: sh -xc, bash -euxc.
        for flag in ["-xc", "-euxc", "-ec"] {
            let c = commands(&v(&["sh", flag, "chown -R 1001 /data; echo done"]));
            assert_eq!(c.len(), 2, "{flag}");
        }
        assert_eq!(commands(&v(&["sh", "--rcfile", "x"])).len(), 1);
    }
}
