//! The versioned JSON plan format and the one restore step: text → draft →
//! validated [`Plan`] plus the list of what had to be fixed, or an error that
//! names the field and the line. Invariant: only this module knows the wire
//! format's envelope and versions.

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::model::units::{
    Mib, MAX_FX_RATE_MILLI, MAX_MEMORY_MIB, MAX_MONTHLY_FEN, MAX_REPLICAS, MAX_VCPU,
};
use crate::model::{fresh_id, Plan, PlanOption, PriceOverride};

/// The `format` field of a plan file.
pub const FORMAT: &str = "stackfit-plan";
/// The current version of the plan format.
pub const VERSION: u32 = 1;

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

/// Why a plan file was rejected: a message, the field's path or name, and
/// the 1-based line and column when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError {
    pub message: String,
    pub field: Option<String>,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.field {
            Some(field) => write!(
                f,
                "line {}, column {}: field `{}`: {}",
                self.line, self.column, field, self.message
            ),
            None => write!(
                f,
                "line {}, column {}: {}",
                self.line, self.column, self.message
            ),
        }
    }
}

impl std::error::Error for CodecError {}

/// A plan restored from text, with what validation had to change.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub plan: Plan,
    pub fixes: Vec<String>,
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
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| serde_error(text, &e))?;
    let enveloped = value.get("plan").is_some();
    let plan = if enveloped {
        let draft: EnvelopeDraft = serde_json::from_str(text).map_err(|e| serde_error(text, &e))?;
        if let Some(f) = &draft.format {
            if f != FORMAT {
                return Err(at(
                    text,
                    "format",
                    f,
                    format!("not a StackFit plan (format {f:?})"),
                ));
            }
        }
        if let Some(v) = draft.version {
            if v > VERSION {
                return Err(at(
                    text,
                    "version",
                    &v.to_string(),
                    format!("written by a newer StackFit (version {v}; this one reads {VERSION})"),
                ));
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
        message,
        field,
        line: e.line(),
        column: e.column(),
    }
}

/// An error about `field` whose offending `value` is located in the text.
fn at(text: &str, field: &str, value: &str, message: String) -> CodecError {
    let needle = format!("\"{value}\"");
    let pos = text.find(&needle).or_else(|| text.find(value)).unwrap_or(0);
    let (line, column) = line_col(text, pos);
    CodecError {
        message,
        field: Some(field.to_string()),
        line,
        column,
    }
}

/// Keeps `id` if `seen` does not have it yet, else renames it with
/// [`fresh_id`] and records the fix as "`<path>: `<what> id "x" was
/// repeated; renamed to "x-2"".
fn dedupe(
    path: Option<&str>,
    what: &str,
    id: &mut String,
    seen: &mut Vec<String>,
    fixes: &mut Vec<String>,
) {
    let fresh = fresh_id(id, seen.iter().map(String::as_str));
    if fresh != *id {
        let prefix = path.map(|p| format!("{p}: ")).unwrap_or_default();
        fixes.push(format!(
            "{prefix}{what} id {id:?} was repeated; renamed to {fresh:?}"
        ));
        *id = fresh;
    }
    seen.push(id.clone());
}

/// Lowers a memory figure over [`MAX_MEMORY_MIB`] to it, saying so.
fn cap_mib(path: &str, v: &mut Mib, fixes: &mut Vec<String>) {
    if *v > MAX_MEMORY_MIB {
        fixes.push(format!(
            "{path}: {v} MiB is over the 16 TiB a plan allows; set to {MAX_MEMORY_MIB}"
        ));
        *v = MAX_MEMORY_MIB;
    }
}

/// A price must be within 0..=[`MAX_MONTHLY_FEN`]; a wrong price is refused
/// rather than changed (a changed price would look like a real one).
fn check_price(text: &str, path: &str, price: Option<&PriceOverride>) -> Result<(), CodecError> {
    match price {
        Some(p) if p.monthly_fen < 0 => Err(at(
            text,
            &format!("{path}.monthly_fen"),
            "monthly_fen",
            "a price cannot be negative".to_string(),
        )),
        Some(p) if p.monthly_fen > MAX_MONTHLY_FEN => Err(at(
            text,
            &format!("{path}.monthly_fen"),
            "monthly_fen",
            format!(
                "a monthly price of {} fen is over the ¥1,000,000,000 a plan allows",
                p.monthly_fen
            ),
        )),
        _ => Ok(()),
    }
}

/// Validates a parsed plan: rejects what cannot be evaluated (unknown
/// services, tiers with neither catalog entry nor spec, negative prices) and
/// fixes the rest, saying what it changed.
pub fn validate(mut plan: Plan, text: &str) -> Result<Restored, CodecError> {
    let mut fixes = Vec::new();
    if plan.options.is_empty() {
        plan.options.push(PlanOption::new("a", "Option A"));
        fixes.push("the plan had no options; added an empty one".to_string());
    }
    let s = &mut plan.settings;
    if s.headroom_target_pct > 90 {
        fixes.push(format!(
            "headroom target {} % lowered to 90 %",
            s.headroom_target_pct
        ));
        s.headroom_target_pct = 90;
    }
    if s.usd_cny_rate_milli.is_some_and(|r| r <= 0) {
        fixes.push("a non-positive USD/CNY rate was dropped; the catalog rate is used".to_string());
        s.usd_cny_rate_milli = None;
    }
    if let Some(r) = s.usd_cny_rate_milli.filter(|&r| r > MAX_FX_RATE_MILLI) {
        fixes.push(format!(
            "settings.usd_cny_rate_milli: {r} is over {MAX_FX_RATE_MILLI}; dropped, the catalog rate is used"
        ));
        s.usd_cny_rate_milli = None;
    }
    let reserve = &mut s.reserve;
    for (name, v) in [
        ("os_mib", &mut reserve.os_mib),
        ("containerd_mib", &mut reserve.containerd_mib),
        ("dockerd_mib", &mut reserve.dockerd_mib),
        ("per_container_mib", &mut reserve.per_container_mib),
    ] {
        cap_mib(&format!("settings.reserve.{name}"), v, &mut fixes);
    }
    let mut option_ids = Vec::new();
    for (oi, o) in plan.options.iter_mut().enumerate() {
        check_price(
            text,
            &format!("options[{oi}].quoted_monthly"),
            o.quoted_monthly.as_ref(),
        )?;
        dedupe(None, "option", &mut o.id, &mut option_ids, &mut fixes);
        let mut server_ids = Vec::new();
        let mut placement_ids = Vec::new();
        for (si, server) in o.servers.iter_mut().enumerate() {
            let path = format!("options[{oi}].servers[{si}]");
            dedupe(
                Some(&path),
                "server",
                &mut server.id,
                &mut server_ids,
                &mut fixes,
            );
            if catalog::tier(&server.tier).is_none() && server.spec.is_none() {
                return Err(at(
                    text,
                    &format!("{path}.tier"),
                    &server.tier,
                    format!(
                        "tier {:?} is not in the catalog; give a \"spec\" with vcpu and memory_mib",
                        server.tier
                    ),
                ));
            }
            check_price(text, &format!("{path}.price"), server.price.as_ref())?;
            if let Some(spec) = server.spec.as_mut() {
                cap_mib(
                    &format!("{path}.spec.memory_mib"),
                    &mut spec.memory_mib,
                    &mut fixes,
                );
                if spec.vcpu > MAX_VCPU {
                    fixes.push(format!(
                        "{path}.spec.vcpu: {} is over {MAX_VCPU}; set to {MAX_VCPU}",
                        spec.vcpu
                    ));
                    spec.vcpu = MAX_VCPU;
                }
            }
            if let Some(u) = server.usable_mib.as_mut() {
                cap_mib(&format!("{path}.usable_mib"), u, &mut fixes);
            }
            for (pi, p) in server.placements.iter_mut().enumerate() {
                let ppath = format!("{path}.placements[{pi}]");
                let Some(def) = catalog::service(&p.service) else {
                    return Err(at(
                        text,
                        &format!("{ppath}.service"),
                        &p.service,
                        format!("no service {:?} in the catalog (use \"custom\")", p.service),
                    ));
                };
                dedupe(
                    Some(&ppath),
                    "placement",
                    &mut p.id,
                    &mut placement_ids,
                    &mut fixes,
                );
                if p.replicas == 0 {
                    fixes.push(format!("{ppath}: replicas 0 raised to 1"));
                    p.replicas = 1;
                }
                if p.replicas > MAX_REPLICAS {
                    fixes.push(format!(
                        "{ppath}.replicas: {} is over {MAX_REPLICAS}; set to {MAX_REPLICAS}",
                        p.replicas
                    ));
                    p.replicas = MAX_REPLICAS;
                }
                for (name, v) in [
                    ("measured_mib", p.measured_mib.as_mut()),
                    ("limit_mib", p.limit_mib.as_mut()),
                    ("shm_mib", p.shm_mib.as_mut()),
                ] {
                    if let Some(v) = v {
                        cap_mib(&format!("{ppath}.{name}"), v, &mut fixes);
                    }
                }
                p.knobs.retain(|k, _| {
                    let known = def.knob(k).is_some();
                    if !known {
                        fixes.push(format!("{ppath}: {} has no knob {k:?}; dropped", def.id));
                    }
                    known
                });
                for (k, v) in p.knobs.iter_mut() {
                    let kd = def.knob(k).expect("retained above");
                    let c = (*v).clamp(kd.min, kd.max);
                    if c != *v {
                        fixes.push(format!("{ppath}: {k} = {v} is out of range; set to {c}"));
                        *v = c;
                    }
                }
            }
        }
        // Dependencies must name placements of the same option.
        for server in o.servers.iter_mut() {
            for p in server.placements.iter_mut() {
                let before = p.depends_on.len();
                p.depends_on
                    .retain(|d| placement_ids.contains(d) && d != &p.id);
                if p.depends_on.len() != before {
                    fixes.push(format!(
                        "option {:?}: {} depended on unknown placements; dropped them",
                        o.id, p.id
                    ));
                }
            }
        }
    }
    Ok(Restored { plan, fixes })
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
        let fixes = restored.fixes.join("\n");
        assert!(
            fixes.contains(r#"option id "as-planned" was repeated; renamed to "as-planned-2""#),
            "{fixes}"
        );
        assert!(
            fixes
                .contains(r#"options[0].servers[2]: server id "a" was repeated; renamed to "a-2""#),
            "{fixes}"
        );
        assert!(fixes.contains(r#"options[0].servers[2].placements[0]: placement id "postgres" was repeated; renamed to "postgres-2""#), "{fixes}");
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
            .replace("\"version\": 1", "\"version\": 9");
        let e = from_json(&text).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("version"));
        assert_eq!(e.line, 3);
    }
}
