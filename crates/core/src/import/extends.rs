//! `extends`: a service built on another service of the same file or of
//! another given file, resolved once per service (memoised), with cycles
//! and chains deeper than [`limits::CHAIN`] reported with the chain.

use super::interpolate::{Node, V};
use super::limits;
use super::load::{base_name, Loader};
use super::merge::merge;
use super::note::msg;

impl Loader<'_, '_> {
    /// Service `name` of file `i` with its `extends` chain applied.
    pub(super) fn extend(
        &mut self,
        i: usize,
        name: &str,
        chain: &mut Vec<(usize, String)>,
    ) -> Option<Node> {
        let key = (i, name.to_string());
        if let Some(done) = self.extended.get(&key) {
            return done.clone();
        }
        let services = self.services_of(i);
        let (_, at, svc) = services.iter().find(|(n, _, _)| n == name)?.clone();
        let Some(ext) = svc.get("extends").cloned() else {
            return Some(svc);
        };
        let describe = |chain: &[(usize, String)], l: &Self| {
            chain
                .iter()
                .map(|(f, s)| format!("{} ({})", s, base_name(l.files[*f].name)))
                .collect::<Vec<_>>()
                .join(" → ")
        };
        if chain.contains(&key) || chain.len() >= limits::CHAIN {
            let cycle = chain.contains(&key);
            chain.push(key.clone());
            let path = describe(chain, self);
            chain.pop();
            let (code, m) = if cycle {
                (
                    "extends-cycle",
                    msg(
                        format!("extends goes round in a circle: {path}"),
                        format!("extends 形成了循环：{path}"),
                    ),
                )
            } else {
                (
                    "extends-too-deep",
                    msg(
                        format!(
                            "extends is chained more than {} deep: {path}",
                            limits::CHAIN
                        ),
                        format!("extends 链超过 {} 层：{path}", limits::CHAIN),
                    ),
                )
            };
            self.notes.error(code, Some(ext.at), Some(name), m);
            self.extended.insert(key, None);
            return None;
        }
        let Some(base_name_) = ext.get("service").and_then(Node::str).map(str::to_string) else {
            self.notes.error(
                "bad-extends",
                Some(ext.at),
                Some(name),
                msg(
                    "extends needs the service to extend",
                    "extends 需要写明要继承的服务（service:）",
                ),
            );
            return Some(svc);
        };
        let base_file = match ext.get("file").and_then(Node::str) {
            None => i,
            Some(f) => match self.find(f, Some(i)) {
                Some(j) => j,
                None => {
                    self.missing(f, ext.at, Some(name));
                    return Some(svc);
                }
            },
        };
        chain.push(key.clone());
        let mut base = self.extend(base_file, &base_name_, chain);
        chain.pop();
        let depth = self
            .depths
            .get(&(base_file, base_name_.clone()))
            .copied()
            .unwrap_or(0)
            + 1;
        if base.is_some() && depth > limits::CHAIN {
            self.notes.error(
                "extends-too-deep",
                Some(ext.at),
                Some(name),
                msg(
                    format!(
                        "{name} stands on more than {} services through extends",
                        limits::CHAIN
                    ),
                    format!("{name} 通过 extends 继承的层级超过 {} 层", limits::CHAIN),
                ),
            );
            base = None;
        }
        self.depths.insert(key.clone(), depth);
        let merged = match base {
            Some(mut b) => {
                if let V::Map(e) = &mut b.v {
                    e.retain(|(k, _, _)| k != "extends");
                }
                let mut own = svc.clone();
                if let V::Map(e) = &mut own.v {
                    e.retain(|(k, _, _)| k != "extends");
                }
                merge(b, own, name).map(|mut n| {
                    n.at = at;
                    n
                })
            }
            None => {
                if self
                    .services_of(base_file)
                    .iter()
                    .all(|(n, _, _)| *n != base_name_)
                {
                    let f = base_name(self.files[base_file].name).to_string();
                    self.notes.error(
                        "bad-extends",
                        Some(ext.at),
                        Some(name),
                        msg(
                            format!("extends names {base_name_}, which {f} does not define"),
                            format!("extends 指向的服务 {base_name_} 在 {f} 中不存在"),
                        ),
                    );
                }
                None
            }
        };
        self.extended.insert(key, merged.clone());
        merged
    }
}
