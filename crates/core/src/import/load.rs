//! A Compose project from its files: each file read, parsed and substituted
//! once; its services' `extends` resolved (same file or another given file);
//! its `include`s imported; the `-f` files merged in order. Cycles in
//! `extends` and `include` are errors naming the chain; chains and files read
//! are bounded.

use std::collections::HashMap;
use std::rc::Rc;

use super::dotenv;
use super::interpolate::{resolve, Node, Vars, V};
use super::limits;
use super::merge::{merge, merge_maps, normalize_service};
use super::note::{msg, text_of, Notes, Pos};
use super::yaml;
use super::InputFile;

pub(crate) type Services = Vec<(String, Pos, Node)>;

/// The merged project: services in order, its name if a file gives one.
pub(crate) struct Project {
    pub services: Services,
    pub name: Option<(String, Pos)>,
}

pub(crate) struct Loader<'a, 'n> {
    /// Every file given: the `-f` files first, then the others.
    pub(super) files: Vec<InputFile<'a>>,
    compose_count: usize,
    pub notes: &'n mut Notes,
    vars: Vars,
    docs: HashMap<usize, Option<Node>>,
    pub(super) extended: HashMap<(usize, String), Option<Node>>,
    /// How many `extends` a resolved service stands on.
    pub(super) depths: HashMap<(usize, String), usize>,
    services: HashMap<usize, Rc<Services>>,
    reads: usize,
    pub unset: Vec<(String, Pos)>,
    /// A file could not be read at all: stop.
    pub fatal: bool,
}

const TOP_KEYS: &[&str] = &[
    "version", "name", "services", "include", "networks", "volumes", "secrets", "configs", "models",
];

/// "a/./b/../c.yml" → "a/c.yml"; backslashes read as slashes.
pub(crate) fn normalize_path(p: &str) -> String {
    let p = p.replace('\\', "/");
    let absolute = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

fn dir_of(name: &str) -> &str {
    name.rfind(['/', '\\']).map_or("", |i| &name[..i])
}

pub(super) fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

impl<'a, 'n> Loader<'a, 'n> {
    pub fn new(
        compose: &[InputFile<'a>],
        others: &[InputFile<'a>],
        notes: &'n mut Notes,
        vars: Vars,
    ) -> Self {
        let mut files = compose.to_vec();
        files.extend_from_slice(others);
        Loader {
            files,
            compose_count: compose.len(),
            notes,
            vars,
            docs: HashMap::new(),
            extended: HashMap::new(),
            depths: HashMap::new(),
            services: HashMap::new(),
            reads: 0,
            unset: Vec::new(),
            fatal: false,
        }
    }

    pub fn vars(&self) -> &Vars {
        &self.vars
    }

    /// The given file that `reference`, written in file `from`, names: the
    /// same path relative to `from`, else the only given file of that name.
    pub fn find(&self, reference: &str, from: Option<usize>) -> Option<usize> {
        let dir = from.map_or("", |i| dir_of(self.files[i].name));
        let wanted = normalize_path(&format!("{dir}/{reference}"));
        let wanted = wanted.trim_start_matches('/');
        if let Some(i) = self
            .files
            .iter()
            .position(|f| normalize_path(f.name).trim_start_matches('/') == wanted)
        {
            return Some(i);
        }
        let base = base_name(reference);
        let same: Vec<usize> = (0..self.files.len())
            .filter(|&i| base_name(self.files[i].name) == base)
            .collect();
        (same.len() == 1).then(|| same[0])
    }

    fn file_id(&mut self, i: usize) -> u16 {
        let name = self.files[i].name;
        self.notes.file(name)
    }

    /// Reads, parses and substitutes file `i` once; `None` when it cannot be read.
    pub fn doc(&mut self, i: usize) -> Option<Node> {
        if let Some(d) = self.docs.get(&i) {
            return d.clone();
        }
        let d = self.read(i);
        if d.is_none() {
            self.fatal = true;
        }
        self.docs.insert(i, d.clone());
        d
    }

    fn read(&mut self, i: usize) -> Option<Node> {
        let f = self.files[i];
        let fid = self.file_id(i);
        self.reads += 1;
        if self.reads > limits::FILES {
            self.notes.error(
                "too-many-files",
                Some(Pos::start(fid)),
                None,
                msg(
                    format!(
                        "more than {} files read through include and extends",
                        limits::FILES
                    ),
                    format!(
                        "通过 include 和 extends 读取的文件超过 {} 个",
                        limits::FILES
                    ),
                ),
            );
            return None;
        }
        let text = match text_of(f.bytes, fid, f.name) {
            Ok(t) => t,
            Err(e) => {
                self.notes.error(e.code, Some(e.at), None, e.m);
                return None;
            }
        };
        let parsed = match yaml::parse(text, fid) {
            Ok(p) => p,
            Err(e) => {
                self.notes.error(e.code, Some(e.at), None, e.m);
                return None;
            }
        };
        for p in parsed.problems {
            self.notes.error(p.code, Some(p.at), None, p.m);
        }
        let mut top: Option<Node> = None;
        for raw in &parsed.docs {
            let doc = resolve(raw, &self.vars, self.notes, &mut self.unset);
            let doc = match doc.v {
                V::Map(_) => doc,
                V::Null => Node::new(V::Map(Vec::new()), doc.at),
                _ => {
                    self.notes.error(
                        "not-a-mapping",
                        Some(doc.at),
                        None,
                        msg(
                            "a compose file is a mapping (services:, volumes:, …) at its top level",
                            "compose 文件的顶层必须是映射（services:、volumes: 等）",
                        ),
                    );
                    return None;
                }
            };
            top = Some(match top {
                None => doc,
                Some(t) => merge(t, doc, "")
                    .unwrap_or_else(|| Node::new(V::Map(Vec::new()), Pos::start(fid))),
            });
        }
        let mut top = top.unwrap_or_else(|| Node::new(V::Map(Vec::new()), Pos::start(fid)));
        if let V::Map(entries) = &mut top.v {
            for (k, at, v) in entries.iter_mut() {
                if k == "services" {
                    self.check_services(v);
                } else if !TOP_KEYS.contains(&k.as_str()) && !k.starts_with("x-") {
                    self.notes.warn(
                        "unknown-key",
                        Some(*at),
                        None,
                        msg(
                            format!("unknown top-level key {k:?}; ignored"),
                            format!("未知的顶层键 {k:?}，已忽略"),
                        ),
                    );
                }
            }
        }
        Some(top)
    }

    fn check_services(&mut self, services: &mut Node) {
        if services.is_null() {
            services.v = V::Map(Vec::new());
        }
        let V::Map(entries) = &mut services.v else {
            self.notes.error(
                "not-a-mapping",
                Some(services.at),
                None,
                msg(
                    "services: must be a mapping of service names",
                    "services: 必须是以服务名为键的映射",
                ),
            );
            services.v = V::Map(Vec::new());
            return;
        };
        if entries.len() > limits::SERVICES {
            self.notes.error(
                "too-many-services",
                Some(services.at),
                None,
                msg(
                    format!(
                        "{} services; StackFit imports up to {}",
                        entries.len(),
                        limits::SERVICES
                    ),
                    format!(
                        "共 {} 个服务，StackFit 最多导入 {} 个",
                        entries.len(),
                        limits::SERVICES
                    ),
                ),
            );
            entries.truncate(limits::SERVICES);
        }
        for (name, at, svc) in entries.iter_mut() {
            if svc.is_null() {
                svc.v = V::Map(Vec::new());
            }
            if !matches!(svc.v, V::Map(_)) {
                self.notes.error(
                    "not-a-mapping",
                    Some(*at),
                    Some(name),
                    msg(
                        format!("service {name} must be a mapping"),
                        format!("服务 {name} 必须是映射"),
                    ),
                );
                svc.v = V::Map(Vec::new());
            }
            normalize_service(svc);
        }
    }

    pub(super) fn services_of(&mut self, i: usize) -> Rc<Services> {
        if let Some(s) = self.services.get(&i) {
            return s.clone();
        }
        let s = Rc::new(
            self.doc(i)
                .and_then(|d| d.get("services").map(|s| s.entries().to_vec()))
                .unwrap_or_default(),
        );
        self.services.insert(i, s.clone());
        s
    }

    pub fn missing(&mut self, reference: &str, at: Pos, service: Option<&str>) {
        if !self.notes.missing_files.iter().any(|f| f == reference) {
            self.notes.missing_files.push(reference.to_string());
        }
        self.notes.error(
            "missing-file",
            Some(at),
            service,
            msg(
                format!("{reference} is named here but was not given; add it to the import (nothing is read from disk)"),
                format!("此处引用了 {reference}，但导入时没有提供该文件；请一并添加（不会从磁盘读取）"),
            ),
        );
    }

    /// File `i` as a project of its own: its services (extends applied),
    /// then what it includes.
    fn model(&mut self, i: usize, chain: &mut Vec<usize>) -> Project {
        let Some(doc) = self.doc(i) else {
            return Project {
                services: Vec::new(),
                name: None,
            };
        };
        let names: Vec<(String, Pos)> = self
            .services_of(i)
            .iter()
            .map(|(n, at, _)| (n.clone(), *at))
            .collect();
        let mut services: Services = Vec::new();
        for (n, at) in names {
            if let Some(s) = self.extend(i, &n, &mut Vec::new()) {
                services.push((n, at, s));
            }
        }
        let name = doc
            .get("name")
            .and_then(|n| n.str().map(|s| (s.to_string(), n.at)));
        if let Some(include) = doc.get("include") {
            chain.push(i);
            for item in include.items() {
                self.include(item, i, chain, &mut services);
            }
            chain.pop();
        }
        Project { services, name }
    }

    fn include(
        &mut self,
        item: &Node,
        from: usize,
        chain: &mut Vec<usize>,
        services: &mut Services,
    ) {
        let paths: Vec<(String, Pos)> = match &item.v {
            V::Str(s) => vec![(s.clone(), item.at)],
            V::Map(_) => match item.get("path") {
                Some(p) if p.str().is_some() => vec![(p.str().unwrap_or("").to_string(), p.at)],
                Some(p) => p
                    .items()
                    .iter()
                    .filter_map(|n| n.str().map(|s| (s.to_string(), n.at)))
                    .collect(),
                None => Vec::new(),
            },
            _ => Vec::new(),
        };
        let saved = self.vars.clone();
        for env in item
            .get("env_file")
            .map(|e| {
                if e.str().is_some() {
                    vec![e.clone()]
                } else {
                    e.items().to_vec()
                }
            })
            .unwrap_or_default()
        {
            if let Some(f) = env.str() {
                match self.find(f, Some(from)) {
                    Some(j) => self.layer_env(j),
                    None => self.missing(f, env.at, None),
                }
            }
        }
        let mut merged: Services = Vec::new();
        for (p, at) in paths {
            let Some(j) = self.find(&p, Some(from)) else {
                self.missing(&p, at, None);
                continue;
            };
            if chain.contains(&j) || chain.len() >= limits::CHAIN {
                let mut names: Vec<&str> = chain
                    .iter()
                    .map(|&c| base_name(self.files[c].name))
                    .collect();
                names.push(base_name(self.files[j].name));
                let path = names.join(" → ");
                let (code, m) = if chain.contains(&j) {
                    (
                        "include-cycle",
                        msg(
                            format!("include goes round in a circle: {path}"),
                            format!("include 形成了循环：{path}"),
                        ),
                    )
                } else {
                    (
                        "include-too-deep",
                        msg(
                            format!("include is nested more than {} deep: {path}", limits::CHAIN),
                            format!("include 嵌套超过 {} 层：{path}", limits::CHAIN),
                        ),
                    )
                };
                self.notes.error(code, Some(at), None, m);
                continue;
            }
            let sub = self.model(j, chain);
            merge_services(&mut merged, sub.services);
        }
        self.vars = saved;
        for (n, at, s) in merged {
            if services.iter().any(|(m, _, _)| *m == n) {
                self.notes.error(
                    "include-conflict",
                    Some(at),
                    Some(&n),
                    msg(
                        format!("service {n} is defined both here and in a file that includes it"),
                        format!("服务 {n} 在此文件和包含它的文件中都有定义"),
                    ),
                );
            } else {
                services.push((n, at, s));
            }
        }
    }

    /// Adds an `env_file` given to `include` to the variables.
    fn layer_env(&mut self, j: usize) {
        let f = self.files[j];
        let fid = self.file_id(j);
        let text = match text_of(f.bytes, fid, f.name) {
            Ok(t) => t,
            Err(e) => return self.notes.error(e.code, Some(e.at), None, e.m),
        };
        match dotenv::parse(text, fid, &self.vars) {
            Ok(env) => {
                for (code, at, m) in env.problems {
                    self.notes.error(code, Some(at), None, m);
                }
                for (k, v, _) in env.vars {
                    self.vars.insert(k, v);
                }
            }
            Err((at, m)) => self.notes.error("env-too-long", Some(at), None, m),
        }
    }

    /// The project: every `-f` file's model merged in order.
    pub fn project(&mut self) -> Project {
        let mut out = Project {
            services: Vec::new(),
            name: None,
        };
        for i in 0..self.compose_count {
            let m = self.model(i, &mut Vec::new());
            merge_services(&mut out.services, m.services);
            if m.name.is_some() {
                out.name = m.name;
            }
        }
        out
    }

    /// The text of a given file (for `env_file`), `None` when absent or unreadable.
    pub fn env_file(
        &mut self,
        reference: &str,
        at: Pos,
        service: &str,
        required: bool,
    ) -> Option<(Vec<(String, String)>, u16)> {
        let from = (0..self.files.len()).find(|&i| {
            self.notes
                .files
                .get(at.file as usize)
                .is_some_and(|n| n == self.files[i].name)
        });
        let Some(j) = self.find(reference, from) else {
            if required {
                self.missing(reference, at, Some(service));
            } else {
                self.notes.ignore(
                    "env-file-absent",
                    Some(at),
                    Some(service),
                    msg(format!("env_file {reference} (optional) was not given; its variables are not read"), format!("可选的 env_file {reference} 未提供，其中的变量未读取")),
                );
            }
            return None;
        };
        let f = self.files[j];
        let fid = self.file_id(j);
        let text = match text_of(f.bytes, fid, f.name) {
            Ok(t) => t,
            Err(e) => {
                self.notes.error(e.code, Some(e.at), Some(service), e.m);
                return None;
            }
        };
        match dotenv::parse(text, fid, &self.vars) {
            Ok(env) => {
                for (code, at, m) in env.problems {
                    self.notes.error(code, Some(at), Some(service), m);
                }
                Some((env.vars.into_iter().map(|(k, v, _)| (k, v)).collect(), fid))
            }
            Err((at, m)) => {
                self.notes.error("env-too-long", Some(at), Some(service), m);
                None
            }
        }
    }
}

/// Adds `more` onto `into` as a later `-f` file does.
pub(crate) fn merge_services(into: &mut Services, more: Services) {
    let base = std::mem::take(into);
    *into = merge_maps(base, more);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalise() {
        assert_eq!(normalize_path("./a/../b/c.yml"), "b/c.yml");
        assert_eq!(normalize_path("../x.yml"), "../x.yml");
        assert_eq!(normalize_path("dir\\x.yml"), "dir/x.yml");
    }
}
