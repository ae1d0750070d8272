//! The service catalog's citations as a file: every knob default's,
//! preset's and self-sizing rule's source, each distinct one once.
//!
//! The planner's wasm is built without the citation texts (see
//! [`crate::model::cite`]): it keeps only the grades it computes with, and
//! fetches this file ([`FILE`], written from this same catalog and checked by
//! `crates/core/tests/catalog_assets.rs`) when a user opens a service's
//! sources. The texts then come from the same place as everywhere else.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Confidence;

/// Where the site serves the file (copied from `assets/catalog/`).
pub const FILE: &str = "catalog/citations.json";

/// One citation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cited {
    pub title: String,
    /// The document's address, or "" for a measurement.
    pub url: String,
    /// ISO date the figure was read or measured.
    pub date: String,
    pub grade: Confidence,
}

/// A service's citations: indices into [`Citations::sources`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCitations {
    /// Knob id → its default's source, in the catalog's knob order.
    pub knobs: Vec<(String, usize)>,
    /// Preset id → where its values come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presets: Vec<(String, usize)>,
    /// The source of how it sizes itself without a limit, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_sizing: Option<usize>,
}

/// The whole catalog's citations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citations {
    /// Every distinct citation, once.
    pub sources: Vec<Cited>,
    /// Service id → its citations.
    pub services: BTreeMap<String, ServiceCitations>,
}

impl Citations {
    /// Reads the file; an index that points past the list is refused.
    pub fn from_json(text: &str) -> Result<Citations, String> {
        let c: Citations = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let n = c.sources.len();
        let bad = c.services.iter().find(|(_, s)| {
            s.knobs
                .iter()
                .chain(&s.presets)
                .map(|(_, i)| *i)
                .chain(s.self_sizing)
                .any(|i| i >= n)
        });
        match bad {
            Some((id, _)) => Err(format!("{id}: a citation index past the {n} sources")),
            None => Ok(c),
        }
    }

    /// The citation of service `service`'s knob `knob`.
    pub fn knob(&self, service: &str, knob: &str) -> Option<&Cited> {
        let s = self.services.get(service)?;
        let (_, i) = s.knobs.iter().find(|(id, _)| id == knob)?;
        self.sources.get(*i)
    }

    /// The citation of service `service`'s preset `preset`.
    pub fn preset(&self, service: &str, preset: &str) -> Option<&Cited> {
        let s = self.services.get(service)?;
        let (_, i) = s.presets.iter().find(|(id, _)| id == preset)?;
        self.sources.get(*i)
    }

    /// The citation of how service `service` sizes itself without a limit.
    pub fn self_sizing(&self, service: &str) -> Option<&Cited> {
        self.sources.get(self.services.get(service)?.self_sizing?)
    }
}

/// The catalog's citations, as the file holds them.
#[cfg(feature = "citations")]
pub fn citations() -> Citations {
    use crate::model::Source;

    let mut out = Citations::default();
    let mut index: BTreeMap<(&str, &str, &str, Confidence), usize> = BTreeMap::new();
    let mut cite = |s: &Source| {
        *index
            .entry((s.title, s.url, s.date, s.confidence))
            .or_insert_with(|| {
                out.sources.push(Cited {
                    title: s.title.to_string(),
                    url: s.url.to_string(),
                    date: s.date.to_string(),
                    grade: s.confidence,
                });
                out.sources.len() - 1
            })
    };
    let mut services = BTreeMap::new();
    for def in super::services() {
        let entry = ServiceCitations {
            knobs: def
                .knobs
                .iter()
                .map(|k| (k.id.to_string(), cite(&k.source)))
                .collect(),
            presets: def
                .presets
                .iter()
                .map(|p| (p.id.to_string(), cite(&p.source)))
                .collect(),
            self_sizing: def.self_sizing.as_ref().map(|s| cite(&s.source)),
        };
        services.insert(def.id.to_string(), entry);
    }
    out.services = services;
    out
}

#[cfg(all(test, feature = "citations"))]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_cited_and_each_citation_kept_once() {
        let c = citations();
        let defs = crate::catalog::services();
        assert_eq!(c.services.len(), defs.len());
        for def in defs {
            for k in def.knobs {
                let cited = c.knob(def.id, k.id).unwrap();
                assert_eq!(cited.title, k.source.title, "{}.{}", def.id, k.id);
                assert_eq!(cited.grade, k.source.confidence, "{}.{}", def.id, k.id);
            }
            for p in def.presets {
                assert_eq!(c.preset(def.id, p.id).unwrap().url, p.source.url);
            }
            assert_eq!(
                c.self_sizing(def.id).map(|s| s.date.as_str()),
                def.self_sizing.map(|s| s.source.date)
            );
        }
        let mut seen = std::collections::BTreeSet::new();
        for s in &c.sources {
            assert!(
                seen.insert((&s.title, &s.url, &s.date)),
                "twice: {}",
                s.title
            );
        }
        // Far fewer citations than cited numbers: shared ones are listed once.
        let cited: usize = defs.iter().map(|d| d.knobs.len()).sum();
        assert!(c.sources.len() < cited, "{} of {cited}", c.sources.len());
    }

    #[test]
    fn a_file_with_an_index_past_the_list_is_refused() {
        let mut c = citations();
        c.services.get_mut("postgres").unwrap().knobs[0].1 = c.sources.len();
        let text = serde_json::to_string(&c).unwrap();
        let err = Citations::from_json(&text).unwrap_err();
        assert!(err.starts_with("postgres:"), "{err}");
        assert!(Citations::from_json("{\"sources\": 3}").is_err());
    }
}
