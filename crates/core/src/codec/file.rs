//! Plan files as a person hands them over: the bytes of a dropped or picked
//! file, checked for what they are before they are read as a plan. A file
//! that is not a plan says what it is instead (too large, an image, an
//! archive, YAML, JSON of another kind); a plan file goes through the one
//! restore step ([`super::from_json`]) with the same validation and the
//! same messages as a link.

use super::shape::Shape;
use super::{from_json, CodecError, Restored};

/// The largest plan file read: the most a share link may inflate to, far
/// above any real plan. A larger file is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = super::link::MAX_INFLATED_BYTES;

/// The file name suffix of a plan file (`<plan name>.stackfit.json`).
pub const FILE_SUFFIX: &str = ".stackfit.json";

/// What a file that is not a plan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    /// A ZIP archive (also .docx, .xlsx, .jar).
    Zip,
    Gzip,
    /// Any other bytes that are not UTF-8 text.
    Binary,
    /// Text that reads as YAML (a docker-compose file, most likely).
    Yaml,
    /// Text that is neither JSON nor YAML-like.
    Text,
    /// An empty file.
    Empty,
}

impl Kind {
    fn en(self) -> &'static str {
        match self {
            Kind::Png => "a PNG image",
            Kind::Jpeg => "a JPEG image",
            Kind::Gif => "a GIF image",
            Kind::Webp => "a WebP image",
            Kind::Pdf => "a PDF document",
            Kind::Zip => "a ZIP archive",
            Kind::Gzip => "a gzip archive",
            Kind::Binary => "a binary file, not text",
            Kind::Yaml => "a YAML file (a docker-compose file?)",
            Kind::Text => "text that is not JSON",
            Kind::Empty => "an empty file",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Kind::Png => "PNG 图片",
            Kind::Jpeg => "JPEG 图片",
            Kind::Gif => "GIF 图片",
            Kind::Webp => "WebP 图片",
            Kind::Pdf => "PDF 文档",
            Kind::Zip => "ZIP 压缩包",
            Kind::Gzip => "gzip 压缩包",
            Kind::Binary => "二进制文件，不是文本",
            Kind::Yaml => "YAML 文件（可能是 docker-compose 文件）",
            Kind::Text => "不是 JSON 的文本",
            Kind::Empty => "空文件",
        }
    }
}

/// Why a file could not be opened as a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`] (its size in bytes).
    TooLarge(usize),
    /// Not JSON at all: what it is instead.
    NotJson(Kind),
    /// JSON, but not a StackFit plan: its top-level fields (the first few),
    /// or empty for an array or a bare value.
    OtherJson(Vec<String>),
    /// A StackFit plan file that cannot be read (broken JSON, another
    /// format, a newer version, a value the validator cannot repair).
    Plan(CodecError),
}

impl FileError {
    /// Why the plan in a file that is a plan file cannot be read, in
    /// Chinese when `zh` ([`FileError::Plan`]'s message).
    pub fn unreadable(e: &CodecError, zh: bool) -> String {
        match zh {
            false => format!(
                "The plan in this file cannot be read: {}",
                e.describe(false)
            ),
            true => format!("文件中的方案无法读取：{}", e.describe(true)),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            FileError::TooLarge(n) => format!(
                "This file is {} KiB, more than any plan needs (at most {} KiB); it was not opened.",
                n.div_ceil(1024),
                MAX_FILE_BYTES / 1024
            ),
            FileError::NotJson(Kind::Yaml) => format!(
                "This is not a StackFit plan file: it is {}. Plan files are JSON (*{FILE_SUFFIX}); to bring in a compose file, use Import… in the header.",
                Kind::Yaml.en()
            ),
            FileError::NotJson(kind) => format!(
                "This is not a StackFit plan file: it is {}. Plan files are JSON (*{FILE_SUFFIX}).",
                kind.en()
            ),
            FileError::OtherJson(keys) if keys.is_empty() => {
                "This is JSON, but not a StackFit plan.".into()
            }
            FileError::OtherJson(keys) => format!(
                "This is JSON, but not a StackFit plan (its fields: {}).",
                keys.join(", ")
            ),
            FileError::Plan(e) => Self::unreadable(e, false),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            FileError::TooLarge(n) => format!(
                "这个文件有 {} KiB，远超任何方案所需（最多 {} KiB），未打开。",
                n.div_ceil(1024),
                MAX_FILE_BYTES / 1024
            ),
            FileError::NotJson(kind_of) => {
                // A space between Chinese and a Latin word ("而是 PNG 图片").
                let kind = kind_of.zh();
                let gap = if kind.starts_with(|c: char| c.is_ascii()) {
                    " "
                } else {
                    ""
                };
                let import = if *kind_of == Kind::Yaml {
                    "要导入 compose 文件，请用顶栏的“导入…”。"
                } else {
                    ""
                };
                format!("这不是 StackFit 方案文件，而是{gap}{kind}。方案文件是 JSON 格式（*{FILE_SUFFIX}）。{import}")
            }
            FileError::OtherJson(keys) if keys.is_empty() => {
                "这是 JSON 文件，但不是 StackFit 方案。".into()
            }
            FileError::OtherJson(keys) => format!(
                "这是 JSON 文件，但不是 StackFit 方案（其中的字段：{}）。",
                keys.join("、")
            ),
            FileError::Plan(e) => Self::unreadable(e, true),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for FileError {}

/// What the first bytes say a non-text file is.
fn sniff_binary(bytes: &[u8]) -> Option<Kind> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    Some(if starts(b"\x89PNG") {
        Kind::Png
    } else if starts(b"\xFF\xD8\xFF") {
        Kind::Jpeg
    } else if starts(b"GIF8") {
        Kind::Gif
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Kind::Webp
    } else if starts(b"%PDF") {
        Kind::Pdf
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        Kind::Zip
    } else if starts(b"\x1F\x8B") {
        Kind::Gzip
    } else {
        return None;
    })
}

/// Whether text that is not JSON reads as YAML: its first line that is
/// not blank, a comment or a document marker is `key:` or `- item`.
fn looks_like_yaml(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
        .is_some_and(|l| {
            l.starts_with("- ")
                || l.split_once(':').is_some_and(|(key, rest)| {
                    !key.is_empty()
                        && !key.contains(' ')
                        && (rest.is_empty() || rest.starts_with(' '))
                })
        })
}

/// Reads the bytes of a plan file: checks what they are, then restores the
/// plan like [`super::from_json`] (validated, with the list of what was
/// fixed).
///
/// ```
/// use stackfit_core::codec::{file::{read_plan_file, FileError, Kind}, to_json};
/// let plan = stackfit_core::templates::get("s1").unwrap();
/// assert_eq!(read_plan_file(to_json(&plan).as_bytes()).unwrap().plan, plan);
/// assert_eq!(read_plan_file(b"\x89PNG\r\n").unwrap_err(), FileError::NotJson(Kind::Png));
/// assert_eq!(read_plan_file(b"services:\n  web: {}\n").unwrap_err(), FileError::NotJson(Kind::Yaml));
/// ```
pub fn read_plan_file(bytes: &[u8]) -> Result<Restored, FileError> {
    from_json(plan_file_text(bytes)?).map_err(FileError::Plan)
}

/// The text of a file that is a plan file, or one broken somewhere (the
/// codec then says where), without its byte-order mark; or what the file
/// is instead. [`read_plan_file`] restores it; the page's extras check a
/// file with this alone and hand the text to the page, which restores it.
pub fn plan_file_text(bytes: &[u8]) -> Result<&str, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    if let Some(kind) = sniff_binary(bytes) {
        return Err(FileError::NotJson(kind));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotJson(Kind::Binary))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::NotJson(Kind::Empty));
    }
    match Shape::of(text) {
        Ok(shape) if shape.is_plan() => Ok(text),
        Ok(Shape::Object { keys, .. }) => Err(FileError::OtherJson(
            keys.iter()
                .take(4)
                .map(|k| k.chars().take(40).collect())
                .collect(),
        )),
        Ok(_) => Err(FileError::OtherJson(Vec::new())),
        Err(_) if looks_like_yaml(text) => Err(FileError::NotJson(Kind::Yaml)),
        // Starts like JSON: a plan file that is broken somewhere.
        Err(_) if text.trim_start().starts_with('{') => Ok(text),
        Err(_) => Err(FileError::NotJson(Kind::Text)),
    }
}

/// The file name a plan downloads as: its name with the characters file
/// systems refuse replaced, then [`FILE_SUFFIX`].
///
/// ```
/// use stackfit_core::codec::file::file_name;
/// assert_eq!(file_name("EuraFlow: A/B?"), "EuraFlow- A-B-.stackfit.json");
/// assert_eq!(file_name("  "), "plan.stackfit.json");
/// ```
pub fn file_name(plan_name: &str) -> String {
    let cleaned: String = plan_name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim().trim_matches('.');
    let stem = if cleaned.is_empty() { "plan" } else { cleaned };
    format!("{stem}{FILE_SUFFIX}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{to_json, Problem};

    #[test]
    fn every_template_reads_back_from_its_file() {
        for t in crate::templates::list() {
            for lang in [crate::findings::Lang::En, crate::findings::Lang::Zh] {
                let plan = crate::templates::get_in(t.id, lang).unwrap();
                let back = read_plan_file(to_json(&plan).as_bytes()).unwrap();
                assert_eq!(back.plan, plan, "{}", t.id);
                assert!(back.fixes.is_empty());
                // With a byte-order mark, as some editors save.
                let bom = format!("\u{feff}{}", to_json(&plan));
                assert_eq!(read_plan_file(bom.as_bytes()).unwrap().plan, plan);
            }
        }
    }

    /// Each kind of file that is not a plan says what it is.
    #[test]
    fn files_that_are_not_plans_say_what_they_are() {
        let cases: &[(&[u8], FileError)] = &[
            (b"\x89PNG\r\n\x1a\n....", FileError::NotJson(Kind::Png)),
            (b"\xFF\xD8\xFF\xE0", FileError::NotJson(Kind::Jpeg)),
            (b"%PDF-1.7\n", FileError::NotJson(Kind::Pdf)),
            (b"PK\x03\x04rest", FileError::NotJson(Kind::Zip)),
            (b"\x00\x01\xFE\xFF", FileError::NotJson(Kind::Binary)),
            (b"", FileError::NotJson(Kind::Empty)),
            (b"  \n", FileError::NotJson(Kind::Empty)),
            (
                b"# compose\nservices:\n  db:\n    image: postgres\n",
                FileError::NotJson(Kind::Yaml),
            ),
            (b"hello there", FileError::NotJson(Kind::Text)),
            (b"[1, 2]", FileError::OtherJson(vec![])),
            (
                b"{\"type\": \"excalidraw\", \"elements\": []}",
                FileError::OtherJson(vec!["elements".into(), "type".into()]),
            ),
        ];
        assert_eq!(
            FileError::NotJson(Kind::Png).message_zh(),
            "这不是 StackFit 方案文件，而是 PNG 图片。方案文件是 JSON 格式（*.stackfit.json）。"
        );
        assert!(FileError::NotJson(Kind::Binary)
            .message_zh()
            .contains("而是二进制文件"));
        for (bytes, want) in cases {
            assert_eq!(&read_plan_file(bytes).unwrap_err(), want, "{bytes:?}");
            assert!(!want.message_zh().is_empty() && !want.message_en().is_empty());
        }
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert_eq!(
            read_plan_file(&big).unwrap_err(),
            FileError::TooLarge(MAX_FILE_BYTES + 1)
        );
    }

    /// A plan file with a problem gets the codec's message: the same as a
    /// link's plan would.
    #[test]
    fn broken_plan_files_name_the_field_and_line() {
        let plan = crate::templates::get("s0").unwrap();
        let text = to_json(&plan).replacen("\"version\": 2", "\"version\": 7", 1);
        let FileError::Plan(e) = read_plan_file(text.as_bytes()).unwrap_err() else {
            panic!("a newer plan file is a plan file");
        };
        assert_eq!(e.problem, Problem::Newer(7));
        let text = to_json(&plan).replacen(crate::codec::FORMAT, "excalidraw", 1);
        let e = read_plan_file(text.as_bytes()).unwrap_err();
        assert!(
            matches!(&e, FileError::Plan(CodecError { problem: Problem::Foreign(f), .. }) if f == "excalidraw"),
            "{e:?}"
        );
        let cut = &to_json(&plan)[..200];
        let e = read_plan_file(cut.as_bytes()).unwrap_err();
        assert!(
            e.message_zh().starts_with("文件中的方案无法读取：第 "),
            "{}",
            e.message_zh()
        );
        assert!(e.message_en().contains("line "), "{}", e.message_en());
    }

    #[test]
    fn a_plan_files_text_restores_as_the_file_does() {
        let plan = crate::templates::get("s2").unwrap();
        let file = format!("\u{feff}{}", crate::codec::to_json(&plan));
        let text = plan_file_text(file.as_bytes()).unwrap();
        assert!(text.starts_with('{'));
        // A plan file broken somewhere is handed on: the codec says where.
        let broken = b"{\n  \"name\": \"x\",\n  \"options\": [";
        assert!(plan_file_text(broken).is_ok());
        assert!(matches!(read_plan_file(broken), Err(FileError::Plan(_))));
        assert_eq!(
            from_json(text).unwrap(),
            read_plan_file(file.as_bytes()).unwrap()
        );
        assert_eq!(
            plan_file_text(b"\x89PNG\r\n"),
            Err(FileError::NotJson(Kind::Png))
        );
    }

    #[test]
    fn file_names_keep_chinese_and_drop_what_file_systems_refuse() {
        assert_eq!(file_name("日报系统 2C4G"), "日报系统 2C4G.stackfit.json");
        assert_eq!(file_name("a\u{7}b"), "a-b.stackfit.json");
        assert_eq!(file_name("..."), "plan.stackfit.json");
    }
}
