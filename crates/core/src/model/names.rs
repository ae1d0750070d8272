//! A placement's small maps — its knob values and its environment lines —
//! as one sorted `Vec` of (name, value).
//!
//! A placement holds a handful of entries. `BTreeMap` would do, but each of
//! its instantiations brings its own copy of node splitting, merging and
//! stealing (about 7 KB of wasm each); a sorted `Vec` with a binary search
//! is a few hundred bytes and reads the same. The JSON is a map, as
//! `BTreeMap`'s was, so stored plans and links are unchanged.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Values by name, in name order, each name at most once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Names<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for Names<V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<V> Names<V> {
    pub const fn new() -> Self {
        Names {
            entries: Vec::new(),
        }
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(n, _)| n.as_str().cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<&V> {
        self.find(name).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets `name` to `value`; returns the value it had.
    pub fn insert(&mut self, name: String, value: V) -> Option<V> {
        match self.find(&name) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (name, value));
                None
            }
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<V> {
        self.find(name).ok().map(|i| self.entries.remove(i).1)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(n, v)| (n, v))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut V)> {
        self.entries.iter_mut().map(|(n, v)| (&*n, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(n, _)| n)
    }

    /// Keeps the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        self.entries.retain_mut(|(n, v)| keep(n, v));
    }
}

/// `names["workers"]`, like a map's index: panics when the name is absent.
impl<V> std::ops::Index<&str> for Names<V> {
    type Output = V;

    fn index(&self, name: &str) -> &V {
        match self.get(name) {
            Some(v) => v,
            None => panic!("no entry {name:?}"),
        }
    }
}

impl<'a, V> IntoIterator for &'a Names<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(n, v)| (n, v))
    }
}

impl<V> IntoIterator for Names<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<V> Names<V> {
    /// The entries in name order, the last of each name kept (as inserting
    /// them one by one would), in O(n log n): an untrusted plan may hold
    /// many before its bounds are checked.
    fn from_entries(mut entries: Vec<(String, V)>) -> Self {
        super::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(String, V)> = Vec::with_capacity(entries.len());
        for (n, v) in entries {
            match kept.last_mut() {
                // A later entry of the same name (the sort is stable) wins.
                Some(last) if last.0 == n => last.1 = v,
                _ => kept.push((n, v)),
            }
        }
        Names { entries: kept }
    }
}

/// Later entries win, as they would in a map built by inserting.
impl<V> FromIterator<(String, V)> for Names<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        Names::from_entries(iter.into_iter().collect())
    }
}

impl<V: Serialize> Serialize for Names<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.entries.len()))?;
        for (n, v) in &self.entries {
            map.serialize_entry(n, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Names<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Names<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Names<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(Names::from_entries(entries))
            }
        }
        d.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_as_a_btree_map_under_the_same_edits() {
        // The same inserts, overwrites and removals on both; after each,
        // the same lookups, order and JSON.
        let mut ours = Names::new();
        let mut std = BTreeMap::new();
        let edits: [(&str, Option<i64>); 9] = [
            ("workers", Some(4)),
            ("concurrency", Some(8)),
            ("threads", Some(2)),
            ("workers", Some(6)),
            ("aof", None),
            ("concurrency", None),
            ("buffer_pool_mib", Some(512)),
            ("threads", None),
            ("z", Some(1)),
        ];
        for (name, value) in edits {
            match value {
                Some(v) => assert_eq!(
                    ours.insert(name.to_string(), v),
                    std.insert(name.to_string(), v)
                ),
                None => assert_eq!(ours.remove(name), std.remove(name)),
            }
            assert_eq!(
                ours.iter().collect::<Vec<_>>(),
                std.iter().collect::<Vec<_>>()
            );
            assert_eq!(ours.len(), std.len());
            for probe in ["workers", "concurrency", "threads", "aof", "z"] {
                assert_eq!(ours.get(probe), std.get(probe), "{probe}");
                assert_eq!(ours.contains_key(probe), std.contains_key(probe));
            }
            assert_eq!(
                serde_json::to_string(&ours).unwrap(),
                serde_json::to_string(&std).unwrap()
            );
        }
    }

    #[test]
    fn collects_like_a_btree_map_later_names_winning() {
        let entries: Vec<(String, i64)> = (0..300)
            .map(|i| (format!("k{}", (i * 7919) % 97), i))
            .collect();
        let ours: Names<i64> = entries.iter().cloned().collect();
        let std: BTreeMap<String, i64> = entries.into_iter().collect();
        assert_eq!(
            ours.iter().collect::<Vec<_>>(),
            std.iter().collect::<Vec<_>>()
        );
    }

    #[test]
    fn reads_a_json_map_in_any_order_and_a_repeated_name_keeps_the_last() {
        let names: Names<String> = serde_json::from_str(r#"{"B":"2","A":"1","B":"3"}"#).unwrap();
        assert_eq!(names.keys().collect::<Vec<_>>(), ["A", "B"]);
        assert_eq!(names.get("B").map(String::as_str), Some("3"));
        assert!(serde_json::from_str::<Names<i64>>(r#"["A", 1]"#).is_err());
    }
}
