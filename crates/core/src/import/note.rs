//! What an import tells the user: notes with a stable code, the file, line
//! and column they are about, and their text in English and Chinese; and
//! the first check on every file (size, binary data, UTF-8).

use serde::Serialize;

use super::limits;

/// A place in an input file: 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One thing the import says: an error, a warning, a setting read or
/// something ignored, with why. `code` is stable (tests and tools match
/// it); `en` and `zh` are the message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Location>,
    /// The compose service it is about, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub en: String,
    pub zh: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(at) = &self.at {
            write!(f, "{at}: ")?;
        }
        write!(f, "{}", self.en)
    }
}

/// A position inside the import: an index into the file table, 1-based
/// line, 0-based column (as the YAML parser counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub file: u16,
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(file: u16, line: usize, col: usize) -> Pos {
        Pos {
            file,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        }
    }

    /// The start of a file.
    pub fn start(file: u16) -> Pos {
        Pos::new(file, 1, 0)
    }
}

/// Message text in both languages.
pub(crate) struct Msg {
    pub en: String,
    pub zh: String,
}

pub(crate) fn msg(en: impl Into<String>, zh: impl Into<String>) -> Msg {
    Msg {
        en: en.into(),
        zh: zh.into(),
    }
}

/// Everything an import has said so far, and the names of the files its
/// positions point into.
#[derive(Default)]
pub(crate) struct Notes {
    pub files: Vec<String>,
    /// Files a compose file names (`include`, `extends`, `env_file`) that
    /// were not given, as written there.
    pub missing_files: Vec<String>,
    pub errors: Vec<Note>,
    pub warnings: Vec<Note>,
    pub ignored: Vec<Note>,
    dropped_errors: usize,
}

impl Notes {
    /// Registers a file name; its index goes into every [`Pos`] inside it.
    pub fn file(&mut self, name: &str) -> u16 {
        if let Some(i) = self.files.iter().position(|f| f == name) {
            return i as u16;
        }
        self.files.push(name.to_string());
        (self.files.len() - 1).min(u16::MAX as usize) as u16
    }

    pub fn location(&self, at: Pos) -> Location {
        Location {
            file: self
                .files
                .get(at.file as usize)
                .cloned()
                .unwrap_or_default(),
            line: at.line as usize,
            column: at.col as usize + 1,
        }
    }

    pub fn note(&self, code: &'static str, at: Option<Pos>, service: Option<&str>, m: Msg) -> Note {
        Note {
            code,
            at: at.map(|p| self.location(p)),
            service: service.map(str::to_string),
            en: m.en,
            zh: m.zh,
        }
    }

    pub fn error(&mut self, code: &'static str, at: Option<Pos>, service: Option<&str>, m: Msg) {
        if self.errors.len() >= limits::ERRORS {
            self.dropped_errors += 1;
            return;
        }
        let n = self.note(code, at, service, m);
        if !self.errors.contains(&n) {
            self.errors.push(n);
        }
    }

    pub fn warn(&mut self, code: &'static str, at: Option<Pos>, service: Option<&str>, m: Msg) {
        if self.warnings.len() < limits::ERRORS {
            let n = self.note(code, at, service, m);
            if !self.warnings.contains(&n) {
                self.warnings.push(n);
            }
        }
    }

    pub fn ignore(&mut self, code: &'static str, at: Option<Pos>, service: Option<&str>, m: Msg) {
        if self.ignored.len() < limits::ERRORS * 10 {
            let n = self.note(code, at, service, m);
            self.ignored.push(n);
        }
    }

    /// The closing line for errors past [`limits::ERRORS`].
    pub fn finish(&mut self) {
        if self.dropped_errors > 0 {
            let n = self.dropped_errors;
            self.errors.push(Note {
                code: "more-errors",
                at: None,
                service: None,
                en: format!("{n} more errors not listed"),
                zh: format!("另有 {n} 个错误未列出"),
            });
            self.dropped_errors = 0;
        }
    }
}

/// Why a file cannot be read as text.
pub(crate) struct Unreadable {
    pub code: &'static str,
    pub at: Pos,
    pub m: Msg,
}

/// Checks a file before any parser sees it: at most [`limits::FILE_BYTES`],
/// UTF-8 (a UTF-8 byte order mark is dropped), no NUL or other control
/// bytes that only binary data has (escape sequences of a terminal capture pass).
pub(crate) fn text_of<'a>(bytes: &'a [u8], file: u16, name: &str) -> Result<&'a str, Unreadable> {
    let start = Pos::start(file);
    if bytes.len() > limits::FILE_BYTES {
        let mib = bytes.len() as f64 / (1024.0 * 1024.0);
        return Err(Unreadable {
            code: "too-large",
            at: start,
            m: msg(
                format!(
                    "{name} is {mib:.1} MiB; StackFit reads files up to 1 MiB (a compose file is a few KiB)"
                ),
                format!("{name} 大小为 {mib:.1} MiB，StackFit 只读取 1 MiB 以内的文件（compose 文件通常只有几 KiB）"),
            ),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Unreadable {
            code: "utf16",
            at: start,
            m: msg(
                format!("{name} is saved as UTF-16; save it as UTF-8 and import it again"),
                format!("{name} 是 UTF-16 编码，请另存为 UTF-8 后重新导入"),
            ),
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            return Err(Unreadable {
                code: "not-text",
                at: end_of(std::str::from_utf8(good).unwrap_or(""), file),
                m: msg(
                    format!(
                        "{name} is not UTF-8 text (binary data at byte {})",
                        e.valid_up_to()
                    ),
                    format!(
                        "{name} 不是 UTF-8 文本（第 {} 字节处是二进制数据）",
                        e.valid_up_to()
                    ),
                ),
            });
        }
    };
    if let Some(i) = text
        .bytes()
        .position(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x1b))
    {
        return Err(Unreadable {
            code: "not-text",
            at: end_of(&text[..i], file),
            m: msg(
                format!(
                    "{name} holds binary data (control byte 0x{:02x}), not text",
                    text.as_bytes()[i]
                ),
                format!(
                    "{name} 含有二进制数据（控制字节 0x{:02x}），不是文本文件",
                    text.as_bytes()[i]
                ),
            ),
        });
    }
    Ok(text)
}

/// The position just after `prefix` (line and column of the next character).
pub(crate) fn end_of(prefix: &str, file: u16) -> Pos {
    let line = prefix.matches('\n').count() + 1;
    let col = prefix
        .rfind('\n')
        .map_or(prefix, |i| &prefix[i + 1..])
        .chars()
        .count();
    Pos::new(file, line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_oversized_files_are_refused_with_a_place() {
        let e = text_of(b"a: 1\nb: \x00\x01", 0, "x.yml").err().unwrap();
        assert_eq!((e.code, e.at.line, e.at.col), ("not-text", 2, 3));
        let e = text_of(b"ok\n\xff\xfe", 0, "x.yml").err().unwrap();
        assert_eq!((e.code, e.at.line), ("not-text", 2));
        let e = text_of(b"\xff\xfea\x00", 0, "x.yml").err().unwrap();
        assert_eq!(e.code, "utf16");
        let big = vec![b'a'; limits::FILE_BYTES + 1];
        assert_eq!(text_of(&big, 0, "x").err().unwrap().code, "too-large");
        assert_eq!(text_of(b"\xEF\xBB\xBFa: 1", 0, "x").ok(), Some("a: 1"));
    }
}
