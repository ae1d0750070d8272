//! Compose's merge rules, for `-f a -f b`, `extends` and several YAML
//! documents: mappings merge key by key, `command`, `entrypoint` and
//! `healthcheck.test` are replaced, other lists are appended without
//! repeats, scalars are replaced; `!reset` removes a value and `!override`
//! replaces it whole. Services are normalised first, so a list
//! `environment` merges with a mapping one.

use std::collections::HashMap;

use super::interpolate::{Node, V};
use super::note::Pos;
use super::yaml::Tag;

/// Keys whose list value replaces the one it overrides.
const REPLACED: &[&str] = &["command", "entrypoint", "test", "profiles"];

/// Merges `over` onto `base`. `key` is the key both sit under.
pub(crate) fn merge(base: Node, over: Node, key: &str) -> Option<Node> {
    match over.tag {
        Tag::Reset => return None,
        Tag::Override => return Some(over),
        _ => {}
    }
    Some(match (base.v, over.v) {
        (V::Map(b), V::Map(o)) => Node {
            v: V::Map(merge_maps(b, o)),
            at: over.at,
            tag: Tag::None,
        },
        (V::Seq(mut b), V::Seq(o)) if !REPLACED.contains(&key) => {
            for item in o {
                let seen = item.str().is_some() && b.iter().any(|x| x.str() == item.str());
                if !seen {
                    b.push(item);
                }
            }
            Node {
                v: V::Seq(b),
                at: over.at,
                tag: Tag::None,
            }
        }
        (_, v) => Node {
            v,
            at: over.at,
            tag: over.tag,
        },
    })
}

/// Key-by-key merge, in linear time.
pub(crate) fn merge_maps(
    base: Vec<(String, Pos, Node)>,
    over: Vec<(String, Pos, Node)>,
) -> Vec<(String, Pos, Node)> {
    let mut out: Vec<Option<(String, Pos, Node)>> = base.into_iter().map(Some).collect();
    let mut index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.as_ref().map(|(k, _, _)| (k.clone(), i)))
        .collect();
    for (k, at, v) in over {
        match index.get(&k).copied() {
            Some(i) => {
                let (_, _, old) = out[i].take().expect("indexed entries are present");
                out[i] = merge(old, v, &k).map(|n| (k, at, n));
            }
            None if v.tag == Tag::Reset => {}
            None => {
                index.insert(k.clone(), out.len());
                let v = strip_tags(v);
                out.push(Some((k, at, v)));
            }
        }
    }
    out.into_iter().flatten().collect()
}

/// A value added where nothing was: its merge tags mean nothing there.
fn strip_tags(mut n: Node) -> Node {
    if n.tag == Tag::Override {
        n.tag = Tag::None;
    }
    n
}

/// `KEY=value` items (or `KEY` alone, unset) as a mapping.
fn list_to_map(items: Vec<Node>, sep: char) -> Vec<(String, Pos, Node)> {
    items
        .into_iter()
        .filter_map(|n| {
            let at = n.at;
            let s = n.str()?.to_string();
            Some(match s.split_once(sep) {
                Some((k, v)) => (
                    k.trim().to_string(),
                    at,
                    Node::new(V::Str(v.to_string()), at),
                ),
                None => (s.trim().to_string(), at, Node::new(V::Null, at)),
            })
        })
        .collect()
}

/// Compose's long forms for the keys whose short forms would not merge.
pub(crate) fn normalize_service(svc: &mut Node) {
    let V::Map(entries) = &mut svc.v else { return };
    for (k, _, v) in entries.iter_mut() {
        let at = v.at;
        let tag = v.tag;
        match k.as_str() {
            "environment" | "labels" | "annotations" => {
                v.v = match std::mem::replace(&mut v.v, V::Null) {
                    V::Seq(items) => V::Map(list_to_map(items, '=')),
                    V::Null => V::Map(Vec::new()),
                    other => other,
                };
            }
            "depends_on" => {
                let value = std::mem::replace(&mut v.v, V::Null);
                if let V::Seq(items) = value {
                    let m = items
                        .into_iter()
                        .filter_map(|n| {
                            let name = n.str()?.to_string();
                            let cond = Node::new(
                                V::Map(vec![(
                                    "condition".into(),
                                    n.at,
                                    Node::new(V::Str("service_started".into()), n.at),
                                )]),
                                n.at,
                            );
                            Some((name, n.at, cond))
                        })
                        .collect();
                    v.v = V::Map(m);
                } else if let V::Null = value {
                    v.v = V::Map(Vec::new());
                } else {
                    v.v = value;
                }
            }
            "build" => {
                if let V::Str(s) = &v.v {
                    let ctx = Node::new(V::Str(s.clone()), at);
                    v.v = V::Map(vec![("context".into(), at, ctx)]);
                }
            }
            "extends" => {
                if let V::Str(s) = &v.v {
                    let name = Node::new(V::Str(s.clone()), at);
                    v.v = V::Map(vec![("service".into(), at, name)]);
                }
            }
            "env_file" | "tmpfs" | "profiles" | "dns" | "links" => {
                if let V::Str(s) = &v.v {
                    v.v = V::Seq(vec![Node::new(V::Str(s.clone()), at)]);
                }
            }
            _ => {}
        }
        v.tag = tag;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::interpolate::resolve;
    use crate::import::note::Notes;
    use crate::import::yaml::parse;

    fn node(y: &str) -> Node {
        let p = parse(y, 0).ok().unwrap();
        let mut n = resolve(
            &p.docs[0],
            &Default::default(),
            &mut Notes::default(),
            &mut Vec::new(),
        );
        normalize_service(&mut n);
        n
    }

    #[test]
    fn override_files_merge_as_compose_does() {
        let base = node("image: app\ncommand: [a, b]\nenvironment: [A=1, B=2]\nports: ['80']\nmem_limit: 1g\ncpus: 1\n");
        let over = node("command: [c]\nenvironment: {B: '3', C: '4'}\nports: ['80', '443']\nmem_limit: 2g\ncpus: !reset null\n");
        let m = merge(base, over, "web").unwrap();
        let cmd: Vec<_> = m
            .get("command")
            .unwrap()
            .items()
            .iter()
            .map(|n| n.str().unwrap())
            .collect();
        assert_eq!(cmd, ["c"]);
        let env = m.get("environment").unwrap();
        assert_eq!(env.get("A").unwrap().str(), Some("1"));
        assert_eq!(env.get("B").unwrap().str(), Some("3"));
        assert_eq!(env.get("C").unwrap().str(), Some("4"));
        assert_eq!(m.get("ports").unwrap().items().len(), 2);
        assert_eq!(m.get("mem_limit").unwrap().str(), Some("2g"));
        assert!(m.get("cpus").is_none());
    }

    #[test]
    fn override_tag_replaces_a_mapping_whole() {
        let base = node("environment: {A: '1'}\n");
        let over = node("environment: !override {B: '2'}\n");
        let m = merge(base, over, "s").unwrap();
        let env = m.get("environment").unwrap();
        assert!(env.get("A").is_none());
        assert_eq!(env.get("B").unwrap().str(), Some("2"));
    }
}
