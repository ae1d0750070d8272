//! YAML text → a tree with positions, built from saphyr's event parser with
//! every bound applied while the events stream: nesting depth (aliases
//! included), nodes (an alias counts as every node it copies, so an alias
//! bomb stops at the first alias over the budget), merge keys (`<<`, also a
//! list of merges: the mapping's own keys win, earlier sources beat later
//! ones), duplicate keys, and Compose's `!reset` / `!override` tags.
//!
//! The tree shares subtrees (`Rc`), so an alias is a pointer copy; its cost
//! is counted, not paid, until [`super::interpolate`] turns it into an owned
//! tree of at most [`limits::NODES`] nodes.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use super::limits;
use super::note::{msg, Msg, Pos};

/// Compose's merge tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    None,
    /// `!reset`: an override file removes the value.
    Reset,
    /// `!override`: an override file replaces the value instead of merging it.
    Override,
    /// `!!str` and other explicit string tags: never null.
    Str,
}

#[derive(Clone, Debug)]
pub(crate) struct Raw {
    pub v: RawV,
    pub at: Pos,
    pub tag: Tag,
}

#[derive(Clone, Debug)]
pub(crate) enum RawV {
    /// Text and whether it was plain (unquoted), which decides null.
    Scalar(Rc<str>, bool),
    Seq(Rc<Vec<Raw>>),
    Map(Rc<Vec<(Key, Raw)>>),
}

#[derive(Clone, Debug)]
pub(crate) struct Key {
    pub text: Rc<str>,
    pub at: Pos,
}

/// A problem that stops reading the file.
pub(crate) struct Fatal {
    pub code: &'static str,
    pub at: Pos,
    pub m: Msg,
}

/// A problem worth an error that does not stop reading.
pub(crate) struct Problem {
    pub code: &'static str,
    pub at: Pos,
    pub m: Msg,
}

/// The documents of a file and the problems met on the way.
pub(crate) struct Parsed {
    pub docs: Vec<Raw>,
    pub problems: Vec<Problem>,
}

enum Kind {
    Seq(Vec<Raw>),
    Map {
        entries: Vec<(Key, Raw)>,
        key: Option<Raw>,
        seen: HashSet<Rc<str>>,
        merges: Vec<Raw>,
    },
}

struct Frame {
    kind: Kind,
    at: Pos,
    tag: Tag,
    anchor: usize,
    /// Nodes in this subtree, aliases expanded (an upper bound after merges).
    size: usize,
    /// Levels below this node.
    height: usize,
}

struct Loader {
    file: u16,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Raw, usize, usize)>,
    nodes: usize,
    docs: Vec<Raw>,
    problems: Vec<Problem>,
}

fn pos(file: u16, span: &Span) -> Pos {
    Pos::new(file, span.start.line(), span.start.col())
}

fn tag_of(tag: Option<&saphyr_parser::Tag>) -> Tag {
    match tag {
        Some(t) if t.handle == "!" && t.suffix == "reset" => Tag::Reset,
        Some(t) if t.handle == "!" && t.suffix == "override" => Tag::Override,
        Some(t) if t.is_yaml_core_schema() && t.suffix == "str" => Tag::Str,
        _ => Tag::None,
    }
}

fn too_many(at: Pos) -> Fatal {
    Fatal {
        code: "too-many-nodes",
        at,
        m: msg(
            format!(
                "more than {} YAML nodes once aliases are expanded (an alias bomb?); a compose file has a few hundred",
                limits::NODES
            ),
            format!(
                "展开别名后超过 {} 个 YAML 节点（疑似别名炸弹）；正常的 compose 文件只有几百个节点",
                limits::NODES
            ),
        ),
    }
}

fn too_deep(at: Pos) -> Fatal {
    Fatal {
        code: "too-deep",
        at,
        m: msg(
            format!(
                "nested more than {} levels deep; a compose file needs fewer than 10",
                limits::DEPTH
            ),
            format!("嵌套超过 {} 层；compose 文件通常不到 10 层", limits::DEPTH),
        ),
    }
}

impl Loader {
    fn count(&mut self, n: usize, at: Pos) -> Result<(), Fatal> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > limits::NODES {
            return Err(too_many(at));
        }
        Ok(())
    }

    fn open(&mut self, kind: Kind, at: Pos, tag: Tag, anchor: usize) -> Result<(), Fatal> {
        if self.stack.len() + 1 > limits::DEPTH {
            return Err(too_deep(at));
        }
        self.count(1, at)?;
        self.stack.push(Frame {
            kind,
            at,
            tag,
            anchor,
            size: 1,
            height: 0,
        });
        Ok(())
    }

    /// A finished node goes to its anchor (if any) and its parent.
    fn complete(&mut self, node: Raw, size: usize, height: usize, anchor: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), size, height));
        }
        let Some(parent) = self.stack.last_mut() else {
            self.docs.push(node);
            return;
        };
        parent.size = parent.size.saturating_add(size);
        parent.height = parent.height.max(height + 1);
        match &mut parent.kind {
            Kind::Seq(items) => items.push(node),
            Kind::Map {
                entries,
                key,
                seen,
                merges,
            } => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    let (text, plain) = match &k.v {
                        RawV::Scalar(t, plain) => (t.clone(), *plain),
                        _ => {
                            self.problems.push(Problem {
                                code: "complex-key",
                                at: k.at,
                                m: msg(
                                    "a key that is a list or a mapping; Compose reads only text keys",
                                    "键是列表或映射；Compose 只接受文本键",
                                ),
                            });
                            return;
                        }
                    };
                    if plain && &*text == "<<" {
                        merges.push(node);
                        return;
                    }
                    if !seen.insert(text.clone()) {
                        self.problems.push(Problem {
                            code: "duplicate-key",
                            at: k.at,
                            m: msg(
                                format!("key {text:?} appears twice in this mapping; the last one is used"),
                                format!("键 {text:?} 在同一映射中出现了两次，以后一个为准"),
                            ),
                        });
                        if let Some(i) = entries.iter().position(|(e, _)| e.text == text) {
                            entries.remove(i);
                        }
                    }
                    entries.push((Key { text, at: k.at }, node));
                }
            },
        }
    }

    fn close(&mut self) {
        let Some(f) = self.stack.pop() else { return };
        let v = match f.kind {
            Kind::Seq(items) => RawV::Seq(Rc::new(items)),
            Kind::Map {
                mut entries,
                mut seen,
                merges,
                ..
            } => {
                for m in merges {
                    let sources: Vec<Raw> = match &m.v {
                        RawV::Map(_) => vec![m],
                        RawV::Seq(items) => items.iter().cloned().collect(),
                        RawV::Scalar(..) => vec![m],
                    };
                    for s in sources {
                        let RawV::Map(src) = &s.v else {
                            self.problems.push(Problem {
                                code: "bad-merge",
                                at: s.at,
                                m: msg(
                                    "a merge key (<<) takes a mapping or a list of mappings",
                                    "合并键（<<）的值必须是映射或映射列表",
                                ),
                            });
                            continue;
                        };
                        for (k, v) in src.iter() {
                            if seen.insert(k.text.clone()) {
                                entries.push((k.clone(), v.clone()));
                            }
                        }
                    }
                }
                RawV::Map(Rc::new(entries))
            }
        };
        let node = Raw {
            v,
            at: f.at,
            tag: f.tag,
        };
        self.complete(node, f.size, f.height, f.anchor);
    }

    fn event(&mut self, ev: Event, span: Span) -> Result<(), Fatal> {
        let at = pos(self.file, &span);
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, at)?;
                let tag = tag_of(tag.as_deref());
                let plain = style == ScalarStyle::Plain && tag != Tag::Str;
                let node = Raw {
                    v: RawV::Scalar(Rc::from(&*text), plain),
                    at,
                    tag,
                };
                self.complete(node, 1, 0, anchor);
            }
            Event::Alias(id) => {
                let Some((node, size, height)) = self.anchors.get(&id).cloned() else {
                    return Err(Fatal {
                        code: "yaml-syntax",
                        at,
                        m: msg("an alias names no anchor", "别名没有对应的锚点"),
                    });
                };
                if self.stack.len() + height > limits::DEPTH {
                    return Err(too_deep(at));
                }
                self.count(size, at)?;
                self.complete(node, size, height, 0);
            }
            Event::SequenceStart(anchor, tag) => {
                self.open(Kind::Seq(Vec::new()), at, tag_of(tag.as_deref()), anchor)?
            }
            Event::MappingStart(anchor, tag) => self.open(
                Kind::Map {
                    entries: Vec::new(),
                    key: None,
                    seen: HashSet::new(),
                    merges: Vec::new(),
                },
                at,
                tag_of(tag.as_deref()),
                anchor,
            )?,
            Event::SequenceEnd | Event::MappingEnd => self.close(),
            _ => {}
        }
        Ok(())
    }
}

/// Parses YAML text (already checked by `text_of`) into its documents.
pub(crate) fn parse(text: &str, file: u16) -> Result<Parsed, Fatal> {
    let mut loader = Loader {
        file,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        docs: Vec::new(),
        problems: Vec::new(),
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        match next {
            Ok((ev, span)) => loader.event(ev, span)?,
            Err(e) => {
                let m = e.marker();
                let at = Pos::new(file, m.line(), m.col());
                if e.info() == "recursion limit exceeded" {
                    // The scanner's own flow-nesting limit, met while it looks ahead.
                    return Err(too_deep(at));
                }
                return Err(Fatal {
                    code: "yaml-syntax",
                    at,
                    m: syntax(e.info()),
                });
            }
        }
    }
    Ok(Parsed {
        docs: loader.docs,
        problems: loader.problems,
    })
}

/// The parser's message, with Chinese for the ones people meet.
fn syntax(info: &str) -> Msg {
    let zh = match info {
        "mapping values are not allowed in this context" => "此处不能写映射值（检查冒号和缩进）",
        "invalid indentation" | "invalid indentation in flow construct" => "缩进不正确",
        "tab cannot be used as indentation" | "tabs disallowed in this context" => {
            "不能用制表符缩进，请改用空格"
        }
        "did not find expected node content" => "此处缺少内容",
        "while parsing a block mapping, did not find expected key" => "块映射中缺少键（检查缩进）",
        "recursion limit exceeded" => "嵌套层数过多",
        "while scanning a quoted scalar, found unexpected end of stream" => "引号字符串没有结束",
        "found unprintable character" => "含有不可打印的字符",
        _ => "",
    };
    let zh = if zh.is_empty() {
        format!("YAML 语法错误：{info}")
    } else {
        format!("YAML 语法错误：{zh}")
    };
    msg(format!("YAML syntax error: {info}"), zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_keys(r: &Raw) -> Vec<String> {
        match &r.v {
            RawV::Map(m) => m.iter().map(|(k, _)| k.text.to_string()).collect(),
            _ => panic!("not a map"),
        }
    }

    fn get<'a>(r: &'a Raw, key: &str) -> &'a Raw {
        match &r.v {
            RawV::Map(m) => &m.iter().find(|(k, _)| &*k.text == key).unwrap().1,
            _ => panic!("not a map"),
        }
    }

    fn text(r: &Raw) -> &str {
        match &r.v {
            RawV::Scalar(t, _) => t,
            _ => panic!("not a scalar"),
        }
    }

    #[test]
    fn merge_keys_own_keys_win_and_earlier_sources_beat_later() {
        let y = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 0\n";
        let p = parse(y, 0).ok().unwrap();
        let c = get(&p.docs[0], "c");
        assert_eq!(map_keys(c), ["x", "y", "z"]);
        assert_eq!(text(get(c, "x")), "0");
        assert_eq!(text(get(c, "y")), "1");
        assert_eq!(text(get(c, "z")), "2");
        let quoted = parse("a: &a {x: 1}\nb: {\"<<\": *a}\n", 0).ok().unwrap();
        assert_eq!(map_keys(get(&quoted.docs[0], "b")), ["<<"]);
    }

    #[test]
    fn positions_are_the_nodes_own() {
        let p = parse("services:\n  db:\n    image: postgres\n", 3)
            .ok()
            .unwrap();
        let image = get(get(get(&p.docs[0], "services"), "db"), "image");
        assert_eq!((image.at.file, image.at.line, image.at.col), (3, 3, 11));
    }

    #[test]
    fn alias_bombs_and_deep_nesting_stop_at_the_bound() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            bomb.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let e = parse(&bomb, 0).err().unwrap();
        assert_eq!(e.code, "too-many-nodes");
        let deep = "- ".repeat(500) + "x\n";
        assert_eq!(parse(&deep, 0).err().unwrap().code, "too-deep");
        // An alias of a deep node inside another deep node is deep too.
        let mut s = String::from("a: &a ");
        s.push_str(&"[".repeat(40));
        s.push_str(&"]".repeat(40));
        s.push_str("\nb: ");
        s.push_str(&"[".repeat(40));
        s.push_str("*a");
        s.push_str(&"]".repeat(40));
        assert_eq!(parse(&s, 0).err().unwrap().code, "too-deep");
    }

    #[test]
    fn duplicate_keys_and_bad_merges_are_problems_not_panics() {
        let p = parse("a: 1\na: 2\nb:\n  <<: 3\n", 0).ok().unwrap();
        let codes: Vec<_> = p.problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["duplicate-key", "bad-merge"]);
        assert_eq!(text(get(&p.docs[0], "a")), "2");
        let e = parse("a: [1, 2\n", 0).err().unwrap();
        assert_eq!(e.code, "yaml-syntax");
    }
}
