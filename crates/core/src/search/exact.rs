//! The exact search: branch and bound over every partition of the items
//! (each placed into a server already opened, or a new one, in a fixed
//! order, so each partition is met once). A group's cost is its cheapest
//! fitting tier; adding items can only raise it, so the cost of the groups
//! opened so far bounds every layout below them.

use super::{keep_best, Cost, Group, Solution, Space, BEST};

pub(crate) fn search(space: &Space) -> Vec<Solution> {
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
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..space.items.len())
        .filter(|&i| space.items[i].fixed.is_none())
        .collect();
    let sizes: Vec<(u64, u64)> = (0..space.items.len()).map(|i| space.size(i)).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(sizes[i]), i));
    let mut best = Vec::new();
    branch(space, &order, 0, &mut groups, &mut best);
    best
}

fn total(space: &Space, groups: &[Group]) -> Cost {
    groups
        .iter()
        .fold(Cost::default(), |acc, g| acc + space.cost_of(g.bin))
}

fn branch(
    space: &Space,
    order: &[usize],
    k: usize,
    groups: &mut Vec<Group>,
    best: &mut Vec<Solution>,
) {
    let cost = total(space, groups);
    if best.len() == BEST && cost > best[BEST - 1].cost {
        return;
    }
    let Some(&item) = order.get(k) else {
        keep_best(space, best, space.normalise(groups.clone()));
        return;
    };
    for gi in 0..groups.len() {
        if !space.compatible(&groups[gi].items, item) {
            continue;
        }
        let mut items = groups[gi].items.clone();
        items.push(item);
        let Some(bin) = space.cheapest(&items) else {
            continue;
        };
        let old = std::mem::replace(&mut groups[gi], Group { items, bin });
        branch(space, order, k + 1, groups, best);
        groups[gi] = old;
    }
    if groups.len() < space.max_servers {
        if let Some(bin) = space.cheapest(&[item]) {
            groups.push(Group {
                items: vec![item],
                bin,
            });
            branch(space, order, k + 1, groups, best);
            groups.pop();
        }
    }
}
