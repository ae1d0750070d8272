//! The heuristic for plans too large to search exactly: first-fit
//! decreasing once with each allowed tier as the bin (a placement too big
//! for it opens the cheapest tier that holds it), each server then shrunk to
//! its cheapest fitting tier, then single moves and merges of servers while
//! they save money. Deterministic: every loop runs in a fixed order.
//! [`lower_bound`] is what no layout can cost less than.

use super::{keep_best, Cost, Group, Solution, Space};
use crate::model::units::Fen;

/// Rounds of improvement at most (each must save money, so few are needed).
const MAX_ROUNDS: usize = 64;

pub(crate) fn search(space: &Space) -> Vec<Solution> {
    let mut order: Vec<usize> = (0..space.items.len())
        .filter(|&i| space.items[i].fixed.is_none())
        .collect();
    let sizes: Vec<(u64, u64)> = (0..space.items.len()).map(|i| space.size(i)).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(sizes[i]), i));
    let mut best = Vec::new();
    for t in 0..space.n_tiers {
        if let Some(groups) = first_fit(space, &order, t) {
            let s = improve(space, groups);
            keep_best(space, &mut best, s);
        }
    }
    best
}

fn pinned_groups(space: &Space) -> Vec<Group> {
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
    groups
}

fn first_fit(space: &Space, order: &[usize], tier: usize) -> Option<Vec<Group>> {
    let mut groups = pinned_groups(space);
    for &item in order {
        let home = groups.iter().position(|g| {
            if !space.compatible(&g.items, item) {
                return false;
            }
            let mut items = g.items.clone();
            items.push(item);
            space.fits(&items, g.bin)
        });
        match home {
            Some(gi) => groups[gi].items.push(item),
            None => {
                if groups.len() >= space.max_servers {
                    return None;
                }
                let bin = if space.fits(&[item], tier) {
                    tier
                } else {
                    space.cheapest(&[item])?
                };
                groups.push(Group {
                    items: vec![item],
                    bin,
                });
            }
        }
    }
    for g in &mut groups {
        g.bin = space.cheapest(&g.items)?;
    }
    Some(groups)
}

fn cost(space: &Space, g: &[usize]) -> Option<Cost> {
    if g.is_empty() {
        return Some(Cost::default());
    }
    space.cheapest(g).map(|b| space.cost_of(b))
}

fn improve(space: &Space, mut groups: Vec<Group>) -> Solution {
    for _ in 0..MAX_ROUNDS {
        if !merge_once(space, &mut groups) && !move_once(space, &mut groups) {
            break;
        }
    }
    space.normalise(groups)
}

/// Merges the first pair of servers whose union is cheaper than the two.
fn merge_once(space: &Space, groups: &mut Vec<Group>) -> bool {
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            if !groups[b]
                .items
                .iter()
                .all(|&i| space.compatible(&groups[a].items, i))
            {
                continue;
            }
            let mut items = groups[a].items.clone();
            items.extend_from_slice(&groups[b].items);
            let Some(bin) = space.cheapest(&items) else {
                continue;
            };
            let before = space.cost_of(groups[a].bin) + space.cost_of(groups[b].bin);
            if space.cost_of(bin) < before {
                groups[a] = Group { items, bin };
                groups.remove(b);
                return true;
            }
        }
    }
    false
}

/// Moves the first placement whose move to another server saves money.
fn move_once(space: &Space, groups: &mut Vec<Group>) -> bool {
    for a in 0..groups.len() {
        for (k, &item) in groups[a].items.iter().enumerate() {
            if space.items[item].fixed.is_some() {
                continue;
            }
            let mut rest = groups[a].items.clone();
            rest.remove(k);
            let Some(rest_cost) = cost(space, &rest) else {
                continue;
            };
            for b in 0..groups.len() {
                if a == b || !space.compatible(&groups[b].items, item) {
                    continue;
                }
                let mut to = groups[b].items.clone();
                to.push(item);
                let Some(bin_to) = space.cheapest(&to) else {
                    continue;
                };
                let before = space.cost_of(groups[a].bin) + space.cost_of(groups[b].bin);
                if rest_cost + space.cost_of(bin_to) < before {
                    groups[b] = Group {
                        items: to,
                        bin: bin_to,
                    };
                    if rest.is_empty() {
                        groups.remove(a);
                    } else {
                        let bin = space.cheapest(&rest).expect("costed above");
                        groups[a] = Group { items: rest, bin };
                    }
                    return true;
                }
            }
        }
    }
    false
}

/// No layout whose prices are all known costs less than this (fen/month):
/// the pinned servers' prices plus the largest of three bounds on what the
/// rest needs — memory (each placement's expected use, grossed up for the
/// headroom target, plus its containers' share of the reserve, bought at
/// the cheapest ¥ per MiB of any allowed tier), CPU (at the cheapest ¥ per
/// vCPU) and the dearest placement alone on its cheapest tier.
/// `None` when no allowed tier has a price (no priced layout exists).
pub(crate) fn lower_bound(space: &Space) -> Option<Fen> {
    let fixed: Vec<usize> = {
        let mut v: Vec<usize> = space.items.iter().filter_map(|i| i.fixed).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let fixed_fen: Fen = fixed
        .iter()
        .map(|&b| space.bins[b].monthly_fen.unwrap_or(0))
        .sum();
    let priced: Vec<usize> = (0..space.n_tiers)
        .filter(|&t| space.bins[t].monthly_fen.is_some())
        .collect();
    if priced.is_empty() {
        return None;
    }
    let settings = &space.settings;
    let base = settings.reserve.reserve_mib(0);
    let per_container = settings.reserve.per_container_mib;
    let keep = u128::from(100u32.saturating_sub(settings.headroom_target_pct).max(1));
    // What an item asks of the servers it could go to (fen-free figures).
    let demand = |i: usize, bin: usize| -> (u128, u128) {
        let totals = space.totals(&[i], bin);
        let containers: u64 = space.items[i]
            .placements
            .iter()
            .map(|&p| u64::from(space.placements[p].replicas.max(1)))
            .sum();
        (
            u128::from(totals.expected_mib) * 100 / keep + u128::from(per_container * containers),
            u128::from(totals.cpu_expected_millicores),
        )
    };
    let (mut memory, mut cpu): (u128, u128) = (0, 0);
    for i in 0..space.items.len() {
        if space.items[i].fixed.is_some() {
            continue;
        }
        let (m, c) = priced
            .iter()
            .map(|&t| demand(i, t))
            .fold((u128::MAX, u128::MAX), |(m, c), (a, b)| {
                (m.min(a), c.min(b))
            });
        memory += m;
        cpu += c;
    }
    // Room the pinned servers leave after their own placements.
    let (mut fixed_mem, mut fixed_cpu): (u128, u128) = (0, 0);
    for &b in &fixed {
        let (mut m, mut c) = (
            u128::from(space.bins[b].resolved.usable_mib.saturating_sub(base)),
            u128::from(space.bins[b].resolved.vcpu) * 1000,
        );
        for i in (0..space.items.len()).filter(|&i| space.items[i].fixed == Some(b)) {
            let (dm, dc) = demand(i, b);
            m = m.saturating_sub(dm);
            c = c.saturating_sub(dc);
        }
        fixed_mem += m;
        fixed_cpu += c;
    }
    let memory = memory.saturating_sub(fixed_mem);
    let cpu = cpu.saturating_sub(fixed_cpu);
    let at_cheapest = |need: u128, cap: &dyn Fn(usize) -> u128| -> Fen {
        priced
            .iter()
            .filter(|&&t| cap(t) > 0)
            .map(|&t| {
                let fen =
                    u128::try_from(space.bins[t].monthly_fen.unwrap_or(0).max(0)).unwrap_or(0);
                need * fen / cap(t)
            })
            .min()
            .map_or(0, |v| Fen::try_from(v).unwrap_or(Fen::MAX))
    };
    let by_memory = at_cheapest(memory, &|t| {
        u128::from(space.bins[t].resolved.usable_mib.saturating_sub(base))
    });
    let by_cpu = at_cheapest(cpu, &|t| u128::from(space.bins[t].resolved.vcpu) * 1000);
    let alone = if fixed.is_empty() {
        (0..space.items.len())
            .filter_map(|i| space.cheapest(&[i]))
            .filter_map(|b| space.bins[b].monthly_fen)
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    Some(fixed_fen.saturating_add(by_memory.max(by_cpu).max(alone)))
}
