//! What a JSON text is at its top level, read without building it: an
//! object with its keys (and its `format`, when that is a string), or
//! something else. The restore step and the plan-file reader need no more
//! before they read a plan; a `serde_json::Value` would bring its own
//! parser and map code into the planner's first load for that one look.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::FORMAT;

/// A JSON text's top level.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// An object: its keys, sorted and each once, and its `format` if that
    /// is a string.
    Object {
        keys: Vec<String>,
        format: Option<String>,
    },
    /// A string (a `format` value is read as one of these).
    Text(String),
    /// An array, a number, `true`, `false` or `null`.
    Other,
}

impl Shape {
    /// The shape of `text`, or serde_json's error where it is not JSON.
    pub fn of(text: &str) -> Result<Shape, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// An object with key `key`.
    pub fn has(&self, key: &str) -> bool {
        matches!(self, Shape::Object { keys, .. } if keys.iter().any(|k| k == key))
    }

    /// An object meant as a plan file: the envelope's fields or a bare
    /// plan's.
    pub fn is_plan(&self) -> bool {
        self.has("plan")
            || self.has("options")
            || matches!(self, Shape::Object { format: Some(f), .. } if f == FORMAT)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut keys = Vec::new();
        let mut format = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "format" {
                format = match map.next_value::<Shape>()? {
                    Shape::Text(f) => Some(f),
                    _ => None,
                };
            } else {
                // Read through, not skipped: serde_json checks a skipped
                // value less (numbers out of range, lone surrogates, the
                // nesting limit) than one it reads, and this look must
                // refuse what a `Value` would.
                map.next_value::<Shape>()?;
            }
            keys.push(key);
        }
        crate::model::order::sort(&mut keys);
        keys.dedup();
        Ok(Shape::Object { keys, format })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        while seq.next_element::<Shape>()?.is_some() {}
        Ok(Shape::Other)
    }

    fn visit_str<E>(self, s: &str) -> Result<Shape, E> {
        Ok(Shape::Text(s.to_string()))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }

    fn visit_unit<E>(self) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shape, D::Error> {
        d.deserialize_any(ShapeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_top_level_as_serde_json_value_would() {
        let texts = [
            r#"{"format":"stackfit-plan","version":2,"plan":{"name":"x"}}"#,
            r#"{"options":[],"name":"bare","name":"twice"}"#,
            r#"{"format":{"nested":"stackfit-plan"},"b":[1,{"c":null}],"a":-1.5e3}"#,
            r#"[{"plan":1}]"#,
            r#""stackfit-plan""#,
            "3",
            "null",
            "true",
            "{}",
        ];
        for text in texts {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            let expected = match &value {
                serde_json::Value::Object(map) => Shape::Object {
                    keys: map.keys().cloned().collect(),
                    format: map.get("format").and_then(|f| f.as_str()).map(String::from),
                },
                serde_json::Value::String(s) => Shape::Text(s.clone()),
                _ => Shape::Other,
            };
            assert_eq!(Shape::of(text).unwrap(), expected, "{text}");
        }
        assert!(Shape::of(texts[0]).unwrap().is_plan());
        assert!(Shape::of(texts[1]).unwrap().is_plan());
        assert!(!Shape::of(texts[2]).unwrap().is_plan());
        assert!(!Shape::of(texts[3]).unwrap().is_plan());
    }

    #[test]
    fn refuses_what_is_not_json_where_serde_json_value_would() {
        let deep = format!(
            "{{\"plan\": {{}}, \"x\": {}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        for text in [
            "{\"plan\": {\"name\": \"x\",\n \"options\": 3",
            "{'a': 1}",
            "[1, 2,]",
            "",
            "{\"a\" 1}",
            // What serde_json checks only in a value it reads, not in one
            // it skips.
            "{\"plan\": {}, \"x\": 1e400}",
            "{\"plan\": {}, \"x\": \"\\ud800\"}",
            deep.as_str(),
        ] {
            let ours = Shape::of(text).unwrap_err();
            let value = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert_eq!(
                (ours.line(), ours.column()),
                (value.line(), value.column()),
                "{text}"
            );
        }
    }
}
