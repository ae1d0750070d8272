//! The versioned JSON plan format and the one restore step: text → draft →
//! validated [`Plan`] plus the list of what had to be fixed, or an error that
//! names the field and the line. Invariant: only this module knows the wire
//! format's envelope and versions.

pub mod file;
pub mod link;
mod shape;

use serde::{Deserialize, Serialize};

use crate::edit::validate::{self, Mode, Note};
use crate::edit::ActionError;
use crate::model::Plan;

/// The `format` field of a plan file.
pub const FORMAT: &str = "stackfit-plan";
/// The current version of the plan format.
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    plan: &'a Plan,
}

#[derive(Deserialize)]
struct EnvelopeDraft {
    format: Option<String>,
    version: Option<u32>,
    plan: Plan,
}

/// What is wrong with a plan text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON, or not shaped like a plan (serde's words).
    Json(String),
    /// Another program's file (its `format`).
    Foreign(String),
    /// Written by a newer StackFit (its version).
    Newer(u32),
    /// A value the validator cannot repair.
    Rule(ActionError),
}

/// Why a plan file was rejected: what, the field's path or name, and the
/// 1-based line and column when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError {
    pub problem: Problem,
    pub field: Option<String>,
    pub line: usize,
    pub column: usize,
}

impl CodecError {
    /// What is wrong, in English (without the place).
    pub fn message_en(&self) -> String {
        match &self.problem {
            Problem::Json(m) => m.clone(),
            Problem::Foreign(f) => format!("not a StackFit plan (format {f:?})"),
            Problem::Newer(v) => {
                format!("written by a newer StackFit (version {v}; this one reads {VERSION})")
            }
            Problem::Rule(e) => e.message_en(),
        }
    }

    /// 出了什么问题（中文，不含位置）。
    pub fn message_zh(&self) -> String {
        match &self.problem {
            Problem::Json(m) => json_problem_zh(m),
            Problem::Foreign(f) => format!("这不是 StackFit 方案文件（格式为“{f}”）"),
            Problem::Newer(v) => {
                format!("文件由更新版本的 StackFit 写出（版本 {v}，当前只能读取版本 {VERSION}）")
            }
            Problem::Rule(e) => e.message_zh(),
        }
    }

    /// The whole message with its place, in the language asked for.
    pub fn describe(&self, zh: bool) -> String {
        match (&self.field, zh) {
            (Some(f), false) => format!(
                "line {}, column {}: field `{f}`: {}",
                self.line,
                self.column,
                self.message_en()
            ),
            (None, false) => format!(
                "line {}, column {}: {}",
                self.line,
                self.column,
                self.message_en()
            ),
            (Some(f), true) => format!(
                "第 {} 行第 {} 列，字段 `{f}`：{}",
                self.line,
                self.column,
                self.message_zh()
            ),
            (None, true) => format!(
                "第 {} 行第 {} 列：{}",
                self.line,
                self.column,
                self.message_zh()
            ),
        }
    }
}

/// serde_json's English message in Chinese: the common cases by their
/// words, anything else as a plain "cannot read".
fn json_problem_zh(m: &str) -> String {
    if let Some(rest) = m.strip_prefix("missing field `") {
        return format!("缺少字段“{}”", rest.split('`').next().unwrap_or(""));
    }
    if let Some(rest) = m.strip_prefix("unknown field `") {
        return format!("不认识的字段“{}”", rest.split('`').next().unwrap_or(""));
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let expected = rest.split(", expected ").nth(1).unwrap_or("");
        let want = match expected {
            e if e.contains("u32")
                || e.contains("u64")
                || e.contains("i64")
                || e.contains("integer") =>
            {
                "整数"
            }
            e if e.contains("string") => "字符串",
            e if e.contains("sequence") => "数组",
            e if e.contains("struct") || e.contains("map") => "对象",
            _ => "其他类型",
        };
        return format!("类型不对，这里应为{want}");
    }
    if m.starts_with("invalid value") {
        return "取值超出允许范围".into();
    }
    if m.starts_with("EOF while parsing") {
        return "内容不完整：文件在中途结束".into();
    }
    if m.starts_with("trailing characters") {
        return "JSON 结束后还有多余字符".into();
    }
    if m.starts_with("expected") || m.starts_with("key must be") {
        return "不是合法的 JSON（缺少逗号、引号或括号）".into();
    }
    "无法读取这里的 JSON".into()
}

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(false))
    }
}

impl std::error::Error for CodecError {}

/// A plan restored from text, with what validation had to change.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub plan: Plan,
    pub fixes: Vec<Note>,
}

/// Writes a plan as versioned, pretty-printed JSON.
///
/// ```
/// use stackfit_core::codec::{from_json, to_json};
/// let plan = stackfit_core::templates::get("s3").unwrap();
/// let back = from_json(&to_json(&plan)).unwrap();
/// assert_eq!(back.plan, plan);
/// assert!(back.fixes.is_empty());
/// ```
pub fn to_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(&Envelope {
        format: FORMAT,
        version: VERSION,
        plan,
    })
    .expect("plans serialize")
}

/// Reads a plan file (the envelope, or a bare plan object) and validates it.
///
/// ```
/// let err = stackfit_core::codec::from_json("{\"plan\": {\"name\": \"x\",\n \"options\": 3}}").unwrap_err();
/// assert_eq!(err.line, 2);
/// assert_eq!(err.field.as_deref(), Some("options"));
/// ```
pub fn from_json(text: &str) -> Result<Restored, CodecError> {
    let shape = shape::Shape::of(text).map_err(|e| serde_error(text, &e))?;
    let plan = if shape.has("plan") {
        let draft: EnvelopeDraft = serde_json::from_str(text).map_err(|e| serde_error(text, &e))?;
        if let Some(f) = &draft.format {
            if f != FORMAT {
                return Err(at(text, "format", f, Problem::Foreign(f.clone())));
            }
        }
        if let Some(v) = draft.version {
            if v > VERSION {
                return Err(at(text, "version", &v.to_string(), Problem::Newer(v)));
            }
        }
        draft.plan
    } else {
        serde_json::from_str::<Plan>(text).map_err(|e| serde_error(text, &e))?
    };
    validate(plan, text)
}

/// 1-based line and column of byte offset `pos`.
fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let before = &text[..pos.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.len(), |i| before.len() - i - 1)
        + 1;
    (line, col)
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut off = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (off + column.saturating_sub(1)).min(text.len());
        }
        off += l.len();
    }
    text.len()
}

/// The nearest `"key":` at or before `pos`: the field a parse error is in.
fn field_before(text: &str, pos: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let mut i = pos.min(bytes.len());
    while i > 0 {
        i -= 1;
        if bytes[i] == b':' {
            let mut j = i;
            while j > 0 && bytes[j - 1].is_ascii_whitespace() {
                j -= 1;
            }
            if j > 0 && bytes[j - 1] == b'"' {
                let end = j - 1;
                let start = text[..end].rfind('"')? + 1;
                return Some(text[start..end].to_string());
            }
        }
    }
    None
}

fn serde_error(text: &str, e: &serde_json::Error) -> CodecError {
    let msg = e.to_string();
    let message = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m)
        .to_string();
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
        .map(str::to_string);
    let field = missing.or_else(|| {
        if e.is_data() {
            field_before(text, offset_of(text, e.line(), e.column()))
        } else {
            None
        }
    });
    CodecError {
        problem: Problem::Json(message),
        field,
        line: e.line(),
        column: e.column(),
    }
}

/// An error about `field` whose offending `value` is located in the text.
fn at(text: &str, field: &str, value: &str, problem: Problem) -> CodecError {
    let pos = if value.is_empty() {
        None
    } else {
        let needle = format!("\"{value}\"");
        text.find(&needle).or_else(|| text.find(value))
    };
    let pos = pos.or_else(|| {
        // The last path segment as a key ("tier", "monthly_fen").
        let key = field.rsplit('.').next().unwrap_or(field);
        let key = key.split('[').next().unwrap_or(key);
        text.find(&format!("\"{key}\""))
    });
    let (line, column) = line_col(text, pos.unwrap_or(0));
    CodecError {
        problem,
        field: Some(field.to_string()),
        line,
        column,
    }
}

/// Validates a parsed plan with the one validator: rejects what cannot be
/// evaluated (unknown services, tiers with neither catalog entry nor spec,
/// prices out of range, plans larger than any real one) and repairs the
/// rest, saying what it changed.
pub fn validate(mut plan: Plan, text: &str) -> Result<Restored, CodecError> {
    match validate::plan(&mut plan, Mode::Repair) {
        Ok(fixes) => Ok(Restored { plan, fixes }),
        Err(r) => Err(at(text, &r.path, &r.value, Problem::Rule(r.error))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_plans_and_envelopes_both_load() {
        let plan = crate::templates::get("s0").unwrap();
        let bare = serde_json::to_string(&plan).unwrap();
        assert_eq!(from_json(&bare).unwrap().plan, plan);
        assert_eq!(from_json(&to_json(&plan)).unwrap().plan, plan);
    }

    /// Repeated ids would make actions and compose service names ambiguous:
    /// validation renames every repeat after the first and says where.
    #[test]
    fn repeated_ids_are_renamed_with_a_named_fix() {
        let mut plan = crate::templates::get("s4").unwrap();
        let copy = plan.options[0].clone();
        plan.options.push(copy);
        let o = &mut plan.options[0];
        let server = o.servers[0].clone();
        o.servers.push(server);
        let restored = from_json(&serde_json::to_string(&plan).unwrap()).unwrap();
        let ids: Vec<_> = restored
            .plan
            .options
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(ids, ["as-planned", "trans2-on-a", "as-planned-2"]);
        let servers: Vec<_> = restored.plan.options[0]
            .servers
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(servers, ["a", "b", "a-2"]);
        let fixes: Vec<String> = restored.fixes.iter().map(|n| n.text_en()).collect();
        let fixes = fixes.join("\n");
        assert!(
            fixes.contains(
                r#"options[2].id: option id "as-planned" was repeated; renamed to "as-planned-2""#
            ),
            "{fixes}"
        );
        assert!(
            fixes.contains(
                r#"options[0].servers[2].id: server id "a" was repeated; renamed to "a-2""#
            ),
            "{fixes}"
        );
        assert!(fixes.contains(r#"options[0].servers[2].placements[0].id: placement id "postgres" was repeated; renamed to "postgres-2""#), "{fixes}");
        // The same notes in Chinese.
        assert!(restored
            .fixes
            .iter()
            .any(|n| n.text_zh().contains("服务器标识“a”重复，已改为“a-2”")));
    }

    #[test]
    fn errors_name_the_field_and_line() {
        let text = "{\n \"name\": \"x\",\n \"options\": [{\"id\": \"a\", \"name\": \"A\", \"servers\": [\n  {\"id\": \"s\", \"label\": \"s\", \"tier\": \"aws-t3-medium\",\n   \"placements\": [{\"id\": \"p\", \"service\": \"postgres\", \"replicas\": \"two\"}]}]}]\n}";
        let e = from_json(text).unwrap_err();
        assert_eq!((e.field.as_deref(), e.line), (Some("replicas"), 5), "{e}");
        let missing =
            from_json("{\"name\": \"x\", \"options\": [{\"id\": \"a\", \"servers\": []}]}")
                .unwrap_err();
        assert_eq!(missing.field.as_deref(), Some("name"), "{missing}");
        let syntax = from_json("{\n\"name\": \"x\",,\n}").unwrap_err();
        assert_eq!(syntax.line, 2);
    }

    #[test]
    fn unknown_service_is_rejected_with_its_path_and_line() {
        let mut plan = crate::templates::get("s1").unwrap();
        plan.options[0].servers[0].placements[1].service = "oracle-db".into();
        let text = to_json(&plan);
        let e = from_json(&text).unwrap_err();
        assert_eq!(
            e.field.as_deref(),
            Some("options[0].servers[0].placements[1].service")
        );
        assert!(
            text.lines().nth(e.line - 1).unwrap().contains("oracle-db"),
            "{e}"
        );
    }

    #[test]
    fn drafts_are_fixed_and_the_fixes_reported() {
        let mut plan = crate::templates::get("s0").unwrap();
        let o = &mut plan.options[0];
        o.servers[0].placements[0].replicas = 0;
        o.servers[0].placements[1]
            .knobs
            .insert("nonsense".into(), 3);
        o.servers[0].placements[1]
            .knobs
            .insert("maxmemory_mib".into(), -5);
        o.servers[0].placements[2].depends_on.push("ghost".into());
        o.servers[0].placements[3].id = "web".into();
        plan.settings.headroom_target_pct = 150;
        let r = from_json(&to_json(&plan)).unwrap();
        assert_eq!(r.fixes.len(), 6, "{:#?}", r.fixes);
        let p = &r.plan.options[0].servers[0].placements;
        assert_eq!(p[0].replicas, 1);
        assert!(!p[1].knobs.contains_key("nonsense"));
        assert_eq!(p[1].knobs["maxmemory_mib"], 0);
        assert_eq!(p[3].id, "web-2");
        assert_eq!(r.plan.settings.headroom_target_pct, 90);
    }

    #[test]
    fn newer_versions_are_refused() {
        let text = to_json(&crate::templates::get("s2").unwrap())
            .replace("\"version\": 2", "\"version\": 9");
        let e = from_json(&text).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("version"));
        assert_eq!(e.line, 3);
    }
}
