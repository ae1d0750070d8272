//! Sorting with one copy of the algorithm.
//!
//! `slice::sort_by` and its kin are generic: every element type and
//! comparator gets its own copy of the standard library's sorts (1 to 3 KB
//! of wasm each, about 35 KB over the planner's dozen call sites). These
//! functions sort an index permutation with the comparator behind
//! `&mut dyn FnMut`, so the algorithm is compiled once and only the short
//! step that moves the items is generic. They are stable, like
//! `slice::sort_by`, and meant for the short lists a plan holds (its
//! placements, findings, quotes); the layout search's hot loops keep the
//! standard sorts.

use std::cmp::Ordering;

/// The stable order of `0..n` under `cmp`: a bottom-up merge sort,
/// O(n log n) comparisons, compiled once for every caller.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // The left run wins ties: the sort is stable.
                if cmp(from[j], from[i]) == Ordering::Less {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + mid - i].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..k + hi - j].copy_from_slice(&from[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Sorts `v` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = order(v.len(), &mut |i, j| cmp(&v[i], &v[j]));
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| items[i].take()));
}

/// Sorts `v` by the key `key` gives each item, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so a failure reproduces.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed.max(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_library_does_and_keeps_ties_in_order() {
        for seed in 1..200 {
            for n in [0, 1, 2, 3, 7, 8, 9, 31, 64, 100] {
                // Few distinct keys, so many ties: each item remembers its place.
                let keyed: Vec<(u64, usize)> = numbers(seed, n, 5)
                    .into_iter()
                    .enumerate()
                    .map(|(place, key)| (key, place))
                    .collect();
                let mut ours = keyed.clone();
                sort_by_key(&mut ours, |&(key, _)| key);
                let mut std = keyed.clone();
                std.sort_by_key(|&(key, _)| key);
                assert_eq!(ours, std, "seed {seed}, n {n}");
            }
        }
    }

    #[test]
    fn sorts_descending_with_a_reversed_comparator() {
        let mut v = numbers(7, 50, 1000);
        sort_by(&mut v, |a, b| b.cmp(a));
        assert!(v.windows(2).all(|w| w[0] >= w[1]));
        let mut names = vec!["redis", "app", "postgres", "app"];
        sort(&mut names);
        assert_eq!(names, ["app", "app", "postgres", "redis"]);
    }
}
