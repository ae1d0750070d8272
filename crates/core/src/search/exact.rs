//! The exact search: branch and bound over every partition of the items
//! (each placed into a server already opened, or a new one, in a fixed
//! order, so each partition is met once). A group's cost is its cheapest
//! fitting tier; adding items can only raise it, so the cost of the groups
//! opened so far bounds every layout below them, plus the cheapest server
//! of a placement still to place that fits none of them (it will need a
//! server of its own: adding placements never lets a group fit more).
//!
//! It starts from the heuristic's layouts (a good bound from the first
//! node) and stops after [`NODE_BUDGET`] nodes; a search that stops there
//! is not exact, and says so.

use super::{keep_best, Cost, Group, Solution, Space, BEST};

/// Nodes the branch and bound may visit before it gives up being exact.
pub const NODE_BUDGET: u64 = 400_000;

/// The best layouts, and whether every partition was accounted for.
pub(crate) fn search(
    space: &Space,
    seed: Vec<Solution>,
    tick: &mut dyn FnMut(u64),
) -> (Vec<Solution>, bool) {
    let mut groups: Vec<Group> = Vec::new();
    for (i, item) in space.items.iter().enumerate() {
        let Some(bin) = item.fixed else { continue };
        match groups.iter_mut().find(|g| g.bin == bin) {
            Some(g) => g.items.push(i),
            None => groups.push(Group {
                items: vec![i],
                bin,
            }),
        }
    }
    if groups.len() > space.max_servers || groups.iter().any(|g| !space.fits(&g.items, g.bin)) {
        return (Vec::new(), true);
    }
    let mut order: Vec<usize> = (0..space.items.len())
        .filter(|&i| space.items[i].fixed.is_none())
        .collect();
    let sizes: Vec<(u64, u64)> = (0..space.items.len()).map(|i| space.size(i)).collect();
    let twins = twins(space);
    order.sort_by_key(|&i| (std::cmp::Reverse(sizes[i]), twins[i], i));
    // Twins follow each other; a twin goes to the group of the one before
    // it or a later one (the same partitions with twins swapped are one).
    let after_twin: Vec<bool> = (0..order.len())
        .map(|k| k > 0 && twins[order[k]] == twins[order[k - 1]])
        .collect();
    let mut best = Vec::new();
    for s in seed {
        keep_best(space, &mut best, s);
    }
    let mut budget = NODE_BUDGET;
    let mut placed_in = vec![0usize; order.len()];
    let mut walk = Walk {
        order: &order,
        after_twin: &after_twin,
        placed_in: &mut placed_in,
        budget: &mut budget,
        tick,
    };
    let complete = branch(space, &mut walk, 0, &mut groups, &mut best);
    (best, complete)
}

fn total(space: &Space, groups: &[Group]) -> Cost {
    groups
        .iter()
        .fold(Cost::default(), |acc, g| acc + space.cost_of(g.bin))
}

/// Items that are interchangeable for the search (the same placements but
/// for their ids and dependencies, the same pins and the same keep-apart
/// partners) share a class: the smallest index among them.
fn twins(space: &Space) -> Vec<usize> {
    let sig = |i: usize| -> String {
        let ps: Vec<String> = space.items[i]
            .placements
            .iter()
            .map(|&p| {
                let mut q = space.placements[p].clone();
                q.id.clear();
                q.depends_on.clear();
                serde_json::to_string(&q).unwrap_or_default()
            })
            .collect();
        format!("{:?}|{}", space.items[i].fixed, ps.join(";"))
    };
    let sigs: Vec<String> = (0..space.items.len()).map(sig).collect();
    let m = space.items.len();
    (0..m)
        .map(|i| {
            (0..i)
                .find(|&j| {
                    sigs[j] == sigs[i]
                        && !space.apart[i][j]
                        && (0..m)
                            .filter(|&x| x != i && x != j)
                            .all(|x| space.apart[i][x] == space.apart[j][x])
                })
                .unwrap_or(i)
        })
        .collect()
}

/// The walk's fixed parts and its budget.
struct Walk<'w> {
    order: &'w [usize],
    after_twin: &'w [bool],
    /// The group each placed item (by its place in `order`) went to.
    placed_in: &'w mut [usize],
    budget: &'w mut u64,
    /// Told the nodes visited so far every [`TICK_NODES`] nodes.
    tick: &'w mut dyn FnMut(u64),
}

/// How often the walk reports the nodes it has visited.
pub const TICK_NODES: u64 = 8192;

/// The cheapest server a placement still to place needs when it fits no
/// group opened so far (0 when every one fits some group).
fn homeless(space: &Space, rest: &[usize], groups: &[Group]) -> Cost {
    let mut worst = Cost::default();
    for &item in rest {
        let housed = groups.iter().any(|g| {
            if !space.compatible(&g.items, item) {
                return false;
            }
            let mut items = g.items.clone();
            items.push(item);
            space.cheapest(&items).is_some()
        });
        if !housed {
            if let Some(bin) = space.cheapest(&[item]) {
                worst = worst.max(space.cost_of(bin));
            }
        }
    }
    worst
}

/// What a partial layout must stay under to be worth completing: the third
/// best so far, or — while fewer than three are known — twice the best (an
/// alternative dearer than that is not one anybody picks).
fn cutoff(best: &[Solution]) -> Option<Cost> {
    match best.len() {
        0 => None,
        n if n >= BEST => Some(best[BEST - 1].cost),
        _ => Some(best[0].cost + best[0].cost),
    }
}

/// Returns false when the node budget ran out.
fn branch(
    space: &Space,
    w: &mut Walk,
    k: usize,
    groups: &mut Vec<Group>,
    best: &mut Vec<Solution>,
) -> bool {
    if *w.budget == 0 {
        return false;
    }
    *w.budget -= 1;
    let visited = NODE_BUDGET - *w.budget;
    if visited.is_multiple_of(TICK_NODES) {
        (w.tick)(visited);
    }
    let cost = total(space, groups);
    let limit = cutoff(best);
    if limit.is_some_and(|l| cost > l) {
        return true;
    }
    let Some(&item) = w.order.get(k) else {
        keep_best(space, best, space.normalise(groups.clone()));
        return true;
    };
    if limit.is_some_and(|l| cost + homeless(space, &w.order[k..], groups) > l) {
        return true;
    }
    let from = if w.after_twin[k] {
        w.placed_in[k - 1]
    } else {
        0
    };
    for gi in from..groups.len() {
        if !space.compatible(&groups[gi].items, item) {
            continue;
        }
        let mut items = groups[gi].items.clone();
        items.push(item);
        let Some(bin) = space.cheapest(&items) else {
            continue;
        };
        let old = std::mem::replace(&mut groups[gi], Group { items, bin });
        w.placed_in[k] = gi;
        let done = branch(space, w, k + 1, groups, best);
        groups[gi] = old;
        if !done {
            return false;
        }
    }
    if groups.len() < space.max_servers {
        if let Some(bin) = space.cheapest(&[item]) {
            groups.push(Group {
                items: vec![item],
                bin,
            });
            w.placed_in[k] = groups.len() - 1;
            let done = branch(space, w, k + 1, groups, best);
            groups.pop();
            if !done {
                return false;
            }
        }
    }
    true
}
