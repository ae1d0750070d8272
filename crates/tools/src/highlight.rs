//! Light syntax highlighting for the export dialog: a small hand-written
//! tokenizer per kind of file (YAML; `.env` and `postgresql.conf`; SQL;
//! Markdown) that cuts the text into spans, written as escaped HTML. It runs
//! in the worker, beside the exporter, so the first load carries none of it.
//! Lossless: the spans, joined, are the text, so what is copied or
//! downloaded is exactly what is shown.

use crate::protocol::FileKind;
use stackfit_core::present::escape_html_into as escape_into;

/// What a span is; each has its own colour (`tok-*` in export.css).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Plain,
    Comment,
    /// A YAML key, a `.env` or `.conf` name, an SQL keyword, bold Markdown.
    Key,
    /// A quoted string; Markdown code.
    Str,
    /// A number, a size (`256MB`), true/false/null.
    Num,
    /// A `${VARIABLE}` Compose reads from `.env`.
    Var,
    /// A Markdown heading.
    Head,
    /// Punctuation that structures: `- `, `---`, `[`, `=`, fences, `|`.
    Mark,
}

impl Tok {
    /// The CSS class of the span (none for plain text).
    pub fn class(self) -> Option<&'static str> {
        match self {
            Tok::Plain => None,
            Tok::Comment => Some("tok-c"),
            Tok::Key => Some("tok-k"),
            Tok::Str => Some("tok-s"),
            Tok::Num => Some("tok-n"),
            Tok::Var => Some("tok-v"),
            Tok::Head => Some("tok-h"),
            Tok::Mark => Some("tok-m"),
        }
    }
}

/// The syntax a file is highlighted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Yaml,
    /// `NAME=value` and `name = value` lines with `#` comments.
    Ini,
    Sql,
    Markdown,
}

/// The syntax of an exported file.
pub fn syntax_of(kind: FileKind) -> Syntax {
    match kind {
        FileKind::Compose | FileKind::Kubernetes | FileKind::Swarm => Syntax::Yaml,
        FileKind::Env | FileKind::PostgresConf => Syntax::Ini,
        FileKind::Sql => Syntax::Sql,
        FileKind::Markdown => Syntax::Markdown,
    }
}

/// Collects spans, joining neighbours of the same kind.
struct Out<'a> {
    spans: Vec<(Tok, &'a str)>,
    text: &'a str,
    /// Where the last span ends (a byte offset into `text`).
    at: usize,
}

impl<'a> Out<'a> {
    fn new(text: &'a str) -> Self {
        Out {
            spans: Vec::new(),
            text,
            at: 0,
        }
    }

    /// Adds `text[self.at..end]` as `tok`.
    fn to(&mut self, end: usize, tok: Tok) {
        if end <= self.at {
            return;
        }
        let piece = &self.text[self.at..end];
        match self.spans.last_mut() {
            Some((t, s)) if *t == tok => {
                // Neighbours in `text`: extend the previous slice.
                let start = self.at - s.len();
                *s = &self.text[start..end];
            }
            _ => self.spans.push((tok, piece)),
        }
        self.at = end;
    }
}

/// Cuts `text` into highlighted spans.
///
/// ```
/// use stackfit_tools::highlight::{spans, Syntax, Tok};
/// let s = spans("db:\n  image: \"postgres:16\" # pinned\n", Syntax::Yaml);
/// assert!(s.contains(&(Tok::Key, "db")));
/// assert!(s.contains(&(Tok::Str, "\"postgres:16\"")));
/// assert!(s.contains(&(Tok::Comment, "# pinned")));
/// ```
pub fn spans(text: &str, syntax: Syntax) -> Vec<(Tok, &str)> {
    let mut out = Out::new(text);
    let mut in_fence = false;
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        match syntax {
            Syntax::Yaml => yaml_line(&mut out, line_start, line_end),
            Syntax::Ini => ini_line(&mut out, line_start, line_end),
            Syntax::Sql => sql_line(&mut out, line_start, line_end),
            Syntax::Markdown => markdown_line(&mut out, line_start, line_end, &mut in_fence),
        }
        // The line break itself.
        let next = (line_end + 1).min(text.len());
        out.to(next, Tok::Plain);
        line_start = next;
    }
    out.spans
}

/// The spans as HTML: `<span class="tok-k">…</span>` around highlighted
/// text, every character of the text escaped (it may hold anything a plan
/// holds). One string for the `<code>` element, so a long file is one DOM
/// write, not thousands of reactive nodes.
///
/// ```
/// use stackfit_tools::highlight::{to_html, Syntax};
/// assert_eq!(to_html("a: \"<b>\"", Syntax::Yaml), "<span class=\"tok-k\">a</span><span class=\"tok-m\">:</span> <span class=\"tok-s\">&quot;&lt;b&gt;&quot;</span>");
/// ```
pub fn to_html(text: &str, syntax: Syntax) -> String {
    let mut html = String::with_capacity(text.len() + text.len() / 4);
    for (tok, piece) in spans(text, syntax) {
        match tok.class() {
            Some(class) => {
                html.push_str("<span class=\"");
                html.push_str(class);
                html.push_str("\">");
                escape_into(&mut html, piece);
                html.push_str("</span>");
            }
            None => escape_into(&mut html, piece),
        }
    }
    html
}

/// Offset of the first non-space byte at or after `from`, before `end`.
fn skip_spaces(text: &str, from: usize, end: usize) -> usize {
    text[from..end]
        .find(|c: char| c != ' ' && c != '\t')
        .map_or(end, |i| from + i)
}

/// The end of a quoted string starting at `from` (a `"` or `'`), or `end`
/// when it is not closed on the line.
fn string_end(text: &str, from: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let quote = bytes[from];
    let mut i = from + 1;
    while i < end {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') && i + 1 < end => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    end
}

/// A value on one line: quoted strings (with `${…}` inside as variables),
/// `${…}`, numbers and true/false/null, flow punctuation, and a ` #`
/// comment to the end of the line.
fn value(out: &mut Out, from: usize, end: usize) {
    let text = out.text;
    let bytes = text.as_bytes();
    let mut i = from;
    while i < end {
        let b = bytes[i];
        let after_space = i == from || matches!(bytes[i - 1], b' ' | b'\t');
        if b == b'#' && after_space {
            out.to(i, Tok::Plain);
            out.to(end, Tok::Comment);
            return;
        }
        if b == b'"' || b == b'\'' {
            out.to(i, Tok::Plain);
            let close = string_end(text, i, end);
            string(out, i, close);
            i = close;
            continue;
        }
        if b == b'$' && bytes.get(i + 1) == Some(&b'{') {
            out.to(i, Tok::Plain);
            let close = text[i..end].find('}').map_or(end, |j| i + j + 1);
            out.to(close, Tok::Var);
            i = close;
            continue;
        }
        if matches!(b, b'[' | b']' | b'{' | b'}' | b',') {
            out.to(i, Tok::Plain);
            out.to(i + 1, Tok::Mark);
            i += 1;
            continue;
        }
        let word_start = i == from || !is_word(bytes[i - 1]);
        if word_start && is_word(b) {
            let stop = text[i..end]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                .map_or(end, |j| i + j);
            let word = &text[i..stop];
            let numeric = word.starts_with(|c: char| c.is_ascii_digit());
            let literal = matches!(word, "true" | "false" | "null" | "on" | "off");
            if numeric || literal {
                out.to(i, Tok::Plain);
                out.to(stop, Tok::Num);
            }
            i = stop.max(i + 1);
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out.to(end, Tok::Plain);
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A quoted string, its `${…}` variables marked inside.
fn string(out: &mut Out, from: usize, end: usize) {
    let text = out.text;
    let mut i = from;
    while let Some(j) = text[i..end].find("${") {
        let var = i + j;
        out.to(var, Tok::Str);
        let close = text[var..end].find('}').map_or(end, |k| var + k + 1);
        out.to(close, Tok::Var);
        i = close;
    }
    out.to(end, Tok::Str);
}

fn yaml_line(out: &mut Out, start: usize, end: usize) {
    let text = out.text;
    let mut i = skip_spaces(text, start, end);
    out.to(i, Tok::Plain);
    let rest = &text[i..end];
    if rest.starts_with('#') {
        out.to(end, Tok::Comment);
        return;
    }
    if rest == "---" || rest.starts_with("--- ") {
        out.to(i + 3, Tok::Mark);
        value(out, i + 3, end);
        return;
    }
    // Sequence items: "- ", possibly nested ("- - ").
    while text[i..end].starts_with("- ") || &text[i..end] == "-" {
        out.to((i + 2).min(end), Tok::Mark);
        i = skip_spaces(text, (i + 2).min(end), end);
        out.to(i, Tok::Plain);
    }
    // A key: a quoted or plain scalar followed by ':' and a space or the end.
    let key_end = if i < end && matches!(text.as_bytes()[i], b'"' | b'\'') {
        let close = string_end(text, i, end);
        text[close..end].starts_with(':').then_some(close)
    } else {
        plain_key_end(&text[i..end]).map(|k| i + k)
    };
    if let Some(k) = key_end {
        out.to(k, Tok::Key);
        out.to(k + 1, Tok::Mark);
        value(out, k + 1, end);
    } else {
        value(out, i, end);
    }
}

/// Where a plain key ends in `s` (the offset of its ':'), if `s` starts with one.
fn plain_key_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if s.is_empty() || matches!(bytes[0], b'[' | b'{' | b'|' | b'>' | b'$' | b'&' | b'*') {
        return None;
    }
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' if i > 0 && (i + 1 == bytes.len() || bytes[i + 1] == b' ') => return Some(i),
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            b'"' | b'\'' | b'{' | b'[' => return None,
            _ => {}
        }
    }
    None
}

fn ini_line(out: &mut Out, start: usize, end: usize) {
    let text = out.text;
    let i = skip_spaces(text, start, end);
    out.to(i, Tok::Plain);
    let rest = &text[i..end];
    if rest.starts_with('#') || rest.starts_with(';') {
        out.to(end, Tok::Comment);
        return;
    }
    match rest.find('=') {
        Some(eq) if eq > 0 && !rest[..eq].contains(['"', '\'', '#']) => {
            let name_end = i + rest[..eq].trim_end().len();
            out.to(name_end, Tok::Key);
            out.to(i + eq, Tok::Plain);
            out.to(i + eq + 1, Tok::Mark);
            value(out, i + eq + 1, end);
        }
        _ => value(out, i, end),
    }
}

fn sql_line(out: &mut Out, start: usize, end: usize) {
    let text = out.text;
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if text[i..end].starts_with("--") {
            out.to(i, Tok::Plain);
            out.to(end, Tok::Comment);
            return;
        }
        if b == b'\'' {
            out.to(i, Tok::Plain);
            let close = string_end(text, i, end);
            out.to(close, Tok::Str);
            i = close;
            continue;
        }
        if is_word(b) && (i == start || !is_word(bytes[i - 1])) {
            let stop = text[i..end]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .map_or(end, |j| i + j);
            let word = &text[i..stop];
            let tok = if word.starts_with(|c: char| c.is_ascii_digit()) {
                Some(Tok::Num)
            } else if word.len() > 1 && word.bytes().all(|c| c.is_ascii_uppercase() || c == b'_') {
                Some(Tok::Key)
            } else {
                None
            };
            if let Some(tok) = tok {
                out.to(i, Tok::Plain);
                out.to(stop, tok);
            }
            i = stop;
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out.to(end, Tok::Plain);
}

fn markdown_line(out: &mut Out, start: usize, end: usize, in_fence: &mut bool) {
    let text = out.text;
    let line = &text[start..end];
    if line.trim_start().starts_with("```") {
        *in_fence = !*in_fence;
        out.to(end, Tok::Mark);
        return;
    }
    if *in_fence {
        out.to(end, Tok::Str);
        return;
    }
    if line.starts_with('#') {
        out.to(end, Tok::Head);
        return;
    }
    let mut i = skip_spaces(text, start, end);
    out.to(i, Tok::Plain);
    let rest = &text[i..end];
    let marker = if rest.starts_with("- ") || rest.starts_with("* ") {
        Some(2)
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && rest[digits..].starts_with(". ")).then_some(digits + 2)
    };
    if let Some(m) = marker {
        out.to(i + m, Tok::Mark);
        i += m;
    }
    // Inline code, bold and table bars.
    let bytes = text.as_bytes();
    while i < end {
        if bytes[i] == b'`' {
            out.to(i, Tok::Plain);
            let close = text[i + 1..end].find('`').map_or(end, |j| i + 1 + j + 1);
            out.to(close, Tok::Str);
            i = close;
        } else if text[i..end].starts_with("**") {
            out.to(i, Tok::Plain);
            let close = text[i + 2..end].find("**").map_or(end, |j| i + 2 + j + 2);
            out.to(close, Tok::Key);
            i = close;
        } else if bytes[i] == b'|' {
            out.to(i, Tok::Plain);
            out.to(i + 1, Tok::Mark);
            i += 1;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.to(end, Tok::Plain);
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackfit_core::export::{files, Secrets};
    use stackfit_core::findings::Lang;

    fn joined(s: &[(Tok, &str)]) -> String {
        s.iter().map(|(_, t)| *t).collect()
    }

    /// Every file of every template option, in both languages, comes back
    /// whole from the tokenizer (what is shown is what is copied).
    #[test]
    fn spans_join_back_to_every_exported_file() {
        for info in stackfit_core::templates::list() {
            let id = info.id;
            let plan = stackfit_core::templates::get(id).unwrap();
            let report = stackfit_core::evaluate(&plan);
            for o in &plan.options {
                for lang in [Lang::En, Lang::Zh] {
                    let out =
                        files(&plan, &report, &o.id, &mut Secrets::placeholders(), lang).unwrap();
                    for f in out {
                        let kind: FileKind =
                            serde_json::from_value(serde_json::to_value(f.kind).unwrap()).unwrap();
                        let s = spans(&f.text, syntax_of(kind));
                        assert_eq!(joined(&s), f.text, "{id}/{}: {}", o.id, f.name);
                        // Neighbours of one kind are joined.
                        assert!(s.windows(2).all(|w| w[0].0 != w[1].0), "{}", f.name);
                    }
                }
            }
        }
    }

    #[test]
    fn yaml_keys_strings_numbers_variables_and_comments() {
        let text = "services:\n  db:\n    image: \"postgres:16\"\n    environment:\n      POSTGRES_PASSWORD: \"${POSTGRES_PASSWORD:?set it}\"\n    shm_size: 256m # for sorts\n    command: [\"postgres\", \"-c\"]\n    replicas: 2\n---\n- name: x\n";
        let s = spans(text, Syntax::Yaml);
        assert_eq!(joined(&s), text);
        for want in [
            (Tok::Key, "services"),
            (Tok::Key, "POSTGRES_PASSWORD"),
            (Tok::Str, "\"postgres:16\""),
            (Tok::Var, "${POSTGRES_PASSWORD:?set it}"),
            (Tok::Num, "256m"),
            (Tok::Comment, "# for sorts"),
            (Tok::Num, "2"),
            (Tok::Mark, "---"),
            (Tok::Mark, "- "),
        ] {
            assert!(s.contains(&want), "{want:?} in {s:?}");
        }
    }

    #[test]
    fn env_conf_sql_and_markdown() {
        let env = "# the password\nPOSTGRES_PASSWORD=abc\n";
        let s = spans(env, Syntax::Ini);
        assert!(s.contains(&(Tok::Comment, "# the password")));
        assert!(s.contains(&(Tok::Key, "POSTGRES_PASSWORD")));
        let conf = "shared_buffers = 256MB  # 25 % of the limit\n";
        let s = spans(conf, Syntax::Ini);
        assert!(s.contains(&(Tok::Key, "shared_buffers")));
        assert!(s.contains(&(Tok::Num, "256MB")));
        assert!(s.contains(&(Tok::Comment, "# 25 % of the limit")));
        let sql = "-- why\nALTER SYSTEM SET work_mem = '4MB';\n";
        let s = spans(sql, Syntax::Sql);
        assert!(s.contains(&(Tok::Comment, "-- why")));
        assert!(s.contains(&(Tok::Str, "'4MB'")));
        assert!(s.iter().any(|(t, x)| *t == Tok::Key && x.contains("ALTER")));
        let md =
            "# 部署\n\n- 把 `docker-compose.a.yml` 放到 **A**\n```sh\ndocker compose up -d\n```\n";
        let s = spans(md, Syntax::Markdown);
        assert_eq!(joined(&s), md);
        assert!(s.contains(&(Tok::Head, "# 部署")));
        assert!(s.contains(&(Tok::Str, "`docker-compose.a.yml`")));
        assert!(s.contains(&(Tok::Key, "**A**")));
        assert!(s.contains(&(Tok::Str, "docker compose up -d")));
    }

    /// A plan's text cannot become markup in the dialog.
    #[test]
    fn html_escapes_everything_the_text_holds() {
        let html = to_html(
            "# <script>alert('x')</script> & \"q\"\nk: <img src=x>\n",
            Syntax::Yaml,
        );
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;")
                && html.contains("&amp;")
                && html.contains("&#39;x&#39;")
        );
    }

    /// Hostile text (unclosed quotes, lone `${`, multi-byte characters at
    /// every position) never panics and always joins back.
    #[test]
    fn odd_text_is_cut_without_loss() {
        let samples = [
            "a: \"unclosed\n",
            "b: '${\n",
            "${x",
            "c: 'it''s' # 注释\n",
            "名字: 值 #注\u{2028}x\n",
            "- - - \n-\n",
            "= = =\n",
            "'\n",
            "```\nx\n",
            "**x",
            "`x",
        ];
        for text in samples {
            for syntax in [Syntax::Yaml, Syntax::Ini, Syntax::Sql, Syntax::Markdown] {
                assert_eq!(joined(&spans(text, syntax)), text, "{syntax:?}: {text:?}");
            }
        }
    }
}
