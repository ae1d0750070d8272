//! The service catalog's citations as a file: every knob default's,
//! preset's and self-sizing rule's source, each distinct one once.
//!
//! The planner's wasm is built without the citation texts (see
//! [`crate::model::cite`]): it keeps only the grades it computes with, and
//! fetches this file ([`FILE`], written from this same catalog and checked by
//! `crates/core/tests/catalog_assets.rs`) when a user opens a service's
//! sources. The texts then come from the same place as everywhere else.
//! So do the reasons a service's image needs its environment lines
//! (`EnvSpec::why_en`, `why_zh`), which those builds leave out too.

use crate::model::Confidence;

/// Where the site serves the file (copied from `assets/catalog/`).
pub const FILE: &str = "catalog/citations.tsv";

/// One citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    pub title: String,
    /// The document's address, or "" for a measurement.
    pub url: String,
    /// ISO date the figure was read or measured.
    pub date: String,
    pub grade: Confidence,
}

/// What a citation backs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backs {
    /// A knob's default.
    Knob,
    /// A preset's values.
    Preset,
    /// How a runtime sizes itself without a limit (its id is "").
    SelfSizing,
}

/// One figure of one service and its citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub service: String,
    pub backs: Backs,
    /// The knob's or the preset's id.
    pub id: String,
    /// Its citation: an index into [`Citations::sources`].
    pub source: usize,
    /// A knob's note: what its default is and why ("" for the others).
    pub note: String,
}

/// Why a service's image needs one of its environment lines, in both
/// languages (`EnvSpec::why_en`, `why_zh`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvWhy {
    pub service: String,
    /// The variable's name.
    pub name: String,
    pub en: String,
    pub zh: String,
}

/// The whole catalog's citations.
///
/// The file is tab-separated text (⇥ below), one record a line (a few lines of
/// reading code in the planner, where a JSON reader for these types cost
/// more than the texts it keeps out):
///
/// ```text
/// source ⇥ <grade a|b|c> ⇥ <date> ⇥ <url or empty> ⇥ <title>
/// knob ⇥ <service> ⇥ <knob> ⇥ <source number, from 0> ⇥ <note>
/// preset ⇥ <service> ⇥ <preset> ⇥ <source number>
/// self-sizing ⇥ <service> ⇥ <source number>
/// env ⇥ <service> ⇥ <variable> ⇥ <why, English> ⇥ <why, Chinese>
/// ```
///
/// Lines starting with `#` are comments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Citations {
    /// Every distinct citation, once.
    pub sources: Vec<Cited>,
    /// Every service's cited figures, in the catalog's order.
    pub records: Vec<Record>,
    /// Every service's environment lines, in the catalog's order.
    pub env: Vec<EnvWhy>,
}

impl Citations {
    /// Reads the file. A line it cannot read, or a source number past the
    /// sources listed before it, is refused with the line's number.
    pub fn from_tsv(text: &str) -> Result<Citations, String> {
        let mut c = Citations::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let record = |service: &str, backs, id: &str, source: &str, note: &str| {
                let source = source.parse::<usize>().ok()?;
                (source < c.sources.len()).then(|| Record {
                    service: service.to_string(),
                    backs,
                    id: id.to_string(),
                    source,
                    note: note.to_string(),
                })
            };
            let read = match fields.as_slice() {
                ["source", grade, date, url, title] => {
                    let grade = match *grade {
                        "a" => Confidence::A,
                        "b" => Confidence::B,
                        "c" => Confidence::C,
                        _ => return Err(format!("line {}: grade {grade:?}", n + 1)),
                    };
                    c.sources.push(Cited {
                        title: title.to_string(),
                        url: url.to_string(),
                        date: date.to_string(),
                        grade,
                    });
                    continue;
                }
                ["knob", service, id, i, note] => record(service, Backs::Knob, id, i, note),
                ["preset", service, id, i] => record(service, Backs::Preset, id, i, ""),
                ["self-sizing", service, i] => record(service, Backs::SelfSizing, "", i, ""),
                ["env", service, name, en, zh] => {
                    c.env.push(EnvWhy {
                        service: service.to_string(),
                        name: name.to_string(),
                        en: en.to_string(),
                        zh: zh.to_string(),
                    });
                    continue;
                }
                _ => None,
            };
            match read {
                Some(r) => c.records.push(r),
                None => return Err(format!("line {}", n + 1)),
            }
        }
        Ok(c)
    }

    /// One figure of a service: its record and its citation.
    pub fn of(&self, service: &str, backs: Backs, id: &str) -> Option<(&Record, &Cited)> {
        let r = self
            .records
            .iter()
            .find(|r| r.service == service && r.backs == backs && r.id == id)?;
        Some((r, self.sources.get(r.source)?))
    }

    /// Why service `service`'s image needs environment line `name`.
    pub fn env_why(&self, service: &str, name: &str) -> Option<&EnvWhy> {
        self.env
            .iter()
            .find(|w| w.service == service && w.name == name)
    }

    /// The file's text.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# StackFit: the service catalog's citations (crates/core/src/catalog/citations.rs).\n\
             # Written from the catalog by `UPDATE_CATALOG=1 cargo test -p stackfit-core --test catalog_assets`.\n",
        );
        for s in &self.sources {
            let grade = match s.grade {
                Confidence::A => "a",
                Confidence::B => "b",
                Confidence::C => "c",
            };
            out += &format!("source\t{grade}\t{}\t{}\t{}\n", s.date, s.url, s.title);
        }
        for r in &self.records {
            let (service, id, i) = (&r.service, &r.id, r.source);
            out += &match r.backs {
                Backs::Knob => format!("knob\t{service}\t{id}\t{i}\t{}\n", r.note),
                Backs::Preset => format!("preset\t{service}\t{id}\t{i}\n"),
                Backs::SelfSizing => format!("self-sizing\t{service}\t{i}\n"),
            };
        }
        for w in &self.env {
            out += &format!("env\t{}\t{}\t{}\t{}\n", w.service, w.name, w.en, w.zh);
        }
        out
    }
}

/// The catalog's citations, as the file holds them.
#[cfg(feature = "citations")]
pub fn citations() -> Citations {
    use crate::model::Source;
    use std::collections::BTreeMap;

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
    let mut records = Vec::new();
    for def in super::services() {
        let mut add = |backs, id: &str, source: usize, note: &str| {
            records.push(Record {
                service: def.id.to_string(),
                backs,
                id: id.to_string(),
                source,
                note: note.to_string(),
            })
        };
        for k in def.knobs {
            add(Backs::Knob, k.id, cite(&k.source), k.note);
        }
        for p in def.presets {
            add(Backs::Preset, p.id, cite(&p.source), "");
        }
        if let Some(s) = &def.self_sizing {
            add(Backs::SelfSizing, "", cite(&s.source), "");
        }
        for e in def.deploy.env {
            out.env.push(EnvWhy {
                service: def.id.to_string(),
                name: e.name.to_string(),
                en: e.why_en.to_string(),
                zh: e.why_zh.to_string(),
            });
        }
    }
    out.records = records;
    out
}

#[cfg(all(test, feature = "citations"))]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_cited_and_each_citation_kept_once() {
        let c = citations();
        let defs = crate::catalog::services();
        for def in defs {
            for k in def.knobs {
                let (record, cited) = c.of(def.id, Backs::Knob, k.id).unwrap();
                assert_eq!(record.note, k.note, "{}.{}", def.id, k.id);
                assert_eq!(cited.title, k.source.title, "{}.{}", def.id, k.id);
                assert_eq!(cited.grade, k.source.confidence, "{}.{}", def.id, k.id);
            }
            for p in def.presets {
                assert_eq!(
                    c.of(def.id, Backs::Preset, p.id).unwrap().1.url,
                    p.source.url
                );
            }
            assert_eq!(
                c.of(def.id, Backs::SelfSizing, "")
                    .map(|(_, s)| s.date.as_str()),
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
    fn no_text_breaks_a_line_or_a_field() {
        let c = citations();
        for s in c.sources {
            assert!(
                !format!("{}{}{}", s.title, s.url, s.date).contains(['\t', '\n', '\r']),
                "{s:?}"
            );
        }
        for w in c.env {
            assert!(
                !format!("{}{}", w.en, w.zh).contains(['\t', '\n', '\r']),
                "{w:?}"
            );
        }
    }

    #[test]
    fn every_environment_line_says_why_in_both_languages() {
        let c = citations();
        let mut lines = 0;
        for def in crate::catalog::services() {
            for e in def.deploy.env {
                let w = c.env_why(def.id, e.name).unwrap();
                assert_eq!((w.en.as_str(), w.zh.as_str()), (e.why_en, e.why_zh));
                assert!(
                    !w.en.is_empty() && !w.zh.is_empty(),
                    "{}.{}",
                    def.id,
                    e.name
                );
                lines += 1;
            }
        }
        assert_eq!(c.env.len(), lines);
        assert!(lines > 100, "{lines}");
    }

    #[test]
    fn a_file_it_cannot_read_is_refused_with_the_line() {
        let good = "source\ta\t2026-12-01\thttps://example.org\tA doc\nknob\tpostgres\tshared_buffers_mib\t0\tthe default\nenv\tpostgres\tPOSTGRES_PASSWORD\tthe image refuses to start without it\t不设置时镜像拒绝启动\n";
        let c = Citations::from_tsv(good).unwrap();
        assert_eq!(
            c.env_why("postgres", "POSTGRES_PASSWORD")
                .map(|w| w.zh.as_str()),
            Some("不设置时镜像拒绝启动")
        );
        let (record, cited) = c.of("postgres", Backs::Knob, "shared_buffers_mib").unwrap();
        assert_eq!(
            (record.source, record.note.as_str(), cited.title.as_str()),
            (0, "the default", "A doc")
        );
        for (bad, line) in [
            ("knob\tpostgres\tshared_buffers_mib\t0\tx\n", "line 1"), // no source 0 yet
            ("source\tz\t2026-12-01\t\tx\n", "line 1: grade \"z\""),
            (
                "# note\nsource\ta\td\tu\tt\nknob\tpostgres\tx\t1\tn\n",
                "line 3",
            ),
            ("<html>not found</html>", "line 1"),
        ] {
            assert_eq!(Citations::from_tsv(bad).unwrap_err(), line);
        }
    }
}
