//! The preset dictionaries of share links (version 2): the templates' notes
//! and a plan's JSON skeleton, one dictionary per language, so that a plan
//! made from a template shares in well under 2,000 characters.
//!
//! `UPDATE_LINK_DICT=1 cargo test -p stackfit-core --test link_dict` writes
//! them. NEVER rewrite a dictionary a released version uses: a link made
//! with it would no longer open. Add a new link version with new
//! dictionaries instead.

use stackfit_core::codec::link::{plan_to_fragment, DICTIONARY_BYTES};
use stackfit_core::findings::Lang;
use stackfit_core::templates;

fn collect_notes(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("note" | "description", serde_json::Value::String(s)) => {
                        if !out.contains(s) {
                            out.push(s.clone());
                        }
                    }
                    _ => collect_notes(x, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_notes(x, out)),
        _ => {}
    }
}

fn strip_notes(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("note");
            m.remove("description");
            m.values_mut().for_each(strip_notes);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_notes),
        _ => {}
    }
}

fn dictionary(lang: Lang) -> Vec<u8> {
    let mut notes = Vec::new();
    let mut skeleton = String::new();
    for t in templates::list() {
        let plan = templates::get_in(t.id, lang).unwrap();
        let mut v: serde_json::Value =
            serde_json::from_str(&stackfit_core::codec::to_json(&plan)).unwrap();
        collect_notes(&v, &mut notes);
        if t.id.starts_with("s3") {
            strip_notes(&mut v);
            skeleton = serde_json::to_string(&v).unwrap();
        }
    }
    // Rarely used text first: what sits nearest the plan is cheapest to refer to.
    let mut text = notes.join("\n");
    text.push('\n');
    text.push_str(&skeleton);
    let bytes = text.into_bytes();
    let start = bytes.len().saturating_sub(DICTIONARY_BYTES);
    // Keep whole UTF-8 characters.
    let start = (start..bytes.len())
        .find(|&i| (bytes[i] & 0xC0) != 0x80)
        .unwrap_or(start);
    bytes[start..].to_vec()
}

#[test]
fn dictionaries_are_written_and_every_template_links_in_under_2000_characters() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/codec");
    for (lang, file) in [
        (Lang::En, "link-dict-en.txt"),
        (Lang::Zh, "link-dict-zh.txt"),
    ] {
        if std::env::var_os("UPDATE_LINK_DICT").is_some() {
            std::fs::write(dir.join(file), dictionary(lang)).unwrap();
        }
        for t in templates::list() {
            let plan = templates::get_in(t.id, lang).unwrap();
            let f = plan_to_fragment(&plan);
            assert!(f.len() < 2000, "{} {lang:?}: {} characters", t.id, f.len());
        }
    }
}
