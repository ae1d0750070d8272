//! The search's world: costs, items and groups, each placement's report on
//! each tier (from the engine, once), the cheapest tier for each group
//! (remembered), and the ranking that keeps the best layouts.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use super::BEST;
use crate::catalog;
use crate::fit::{self, PlacementReport, Resolved, ServerTotals, Verdict};
use crate::kinds::HostView;
use crate::model::units::{Fen, Mib};
use crate::model::{DiskType, Placement, PriceOverride, Settings, TierDef};

/// A layout's cost, compared in this order: servers with an unknown price,
/// the known ¥/month, then (to order unknowns deterministically) their memory
/// and vCPUs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Cost {
    pub unknown: u32,
    pub fen: Fen,
    pub unknown_mib: Mib,
    pub unknown_vcpu: u64,
}

impl std::ops::Add for Cost {
    type Output = Cost;
    fn add(self, o: Cost) -> Cost {
        Cost {
            unknown: self.unknown + o.unknown,
            fen: self.fen.saturating_add(o.fen),
            unknown_mib: self.unknown_mib.saturating_add(o.unknown_mib),
            unknown_vcpu: self.unknown_vcpu.saturating_add(o.unknown_vcpu),
        }
    }
}

/// How a tier (or a pinned server) is priced in the search.
#[derive(Clone, Debug)]
pub(crate) struct BinType {
    pub tier: Option<&'static TierDef>,
    pub tier_id: String,
    pub resolved: Resolved,
    pub disk: DiskType,
    pub swap: Mib,
    pub cost: Cost,
    pub monthly_fen: Option<Fen>,
    /// The plan's own price for a server of this tier, carried onto the
    /// servers of a found layout so its evaluation prices it the same.
    pub price_override: Option<PriceOverride>,
    /// A pinned server: its index in the option.
    pub fixed: Option<usize>,
    /// A pinned server's id in the option ("" for a tier).
    pub server_id: String,
}

/// Placements that move together (kept together, or pinned to one server).
#[derive(Clone, Debug)]
pub(crate) struct Item {
    /// Indices into the option's placements, in their order.
    pub placements: Vec<usize>,
    /// The bin (a pinned server) it must go to.
    pub fixed: Option<usize>,
}

/// One group of items on one bin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Group {
    pub items: Vec<usize>,
    pub bin: usize,
}

/// A layout as the search holds it: groups, their total cost and the
/// smallest headroom of its servers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Solution {
    pub groups: Vec<Group>,
    pub cost: Cost,
    pub headroom_pct: i64,
}

/// The search's world: the tiers, the items, the engine's reports of each
/// placement on each tier (computed once, when first asked), and which
/// tier is the cheapest for each group (remembered).
pub(crate) struct Space<'a> {
    pub placements: Vec<&'a Placement>,
    pub bins: Vec<BinType>,
    /// Bins `0..n_tiers` are catalog tiers, cheapest first; the rest pinned servers.
    pub n_tiers: usize,
    pub items: Vec<Item>,
    /// apart[i][j]: items i and j may not share a server.
    pub apart: Vec<Vec<bool>>,
    pub settings: Settings,
    pub max_servers: usize,
    pub reports: Vec<Vec<OnceCell<PlacementReport>>>,
    pub cheapest: RefCell<HashMap<Vec<u16>, Option<usize>>>,
}

impl<'a> Space<'a> {
    fn report(&self, bin: usize, placement: usize) -> &PlacementReport {
        self.reports[bin][placement].get_or_init(|| {
            let b = &self.bins[bin];
            let p = self.placements[placement];
            let host = HostView {
                usable_mib: b.resolved.usable_mib,
                vcpu: b.resolved.vcpu,
                disk: b.disk,
            };
            fit::evaluate_placement(p, catalog::service(&p.service), host).1
        })
    }

    /// The engine's totals for these items on this bin.
    pub fn totals(&self, items: &[usize], bin: usize) -> ServerTotals {
        let reports: Vec<&PlacementReport> = items
            .iter()
            .flat_map(|&i| self.items[i].placements.iter())
            .map(|&p| self.report(bin, p))
            .collect();
        let b = &self.bins[bin];
        fit::server_totals(&reports, &b.resolved, b.swap, &self.settings)
    }

    /// True when these items may share a server (no keep-apart pair).
    pub fn compatible(&self, items: &[usize], extra: usize) -> bool {
        items.iter().all(|&i| !self.apart[i][extra])
    }

    /// True when the items fit on the bin with the headroom target kept.
    pub fn fits(&self, items: &[usize], bin: usize) -> bool {
        match self.items_fixed(items) {
            Err(()) => return false,
            Ok(Some(f)) if f != bin => return false,
            _ => {}
        }
        self.totals(items, bin).judged.verdict == Verdict::Fits
    }

    /// The pinned bin these items must go to, if any; `Err` when they are
    /// pinned to two.
    fn items_fixed(&self, items: &[usize]) -> Result<Option<usize>, ()> {
        let mut found = None;
        for f in items.iter().filter_map(|&i| self.items[i].fixed) {
            match found {
                Some(g) if g != f => return Err(()),
                _ => found = Some(f),
            }
        }
        Ok(found)
    }

    /// The bin for a group: its pinned server, else the cheapest allowed
    /// tier it fits; `None` when nothing holds it.
    pub fn cheapest(&self, items: &[usize]) -> Option<usize> {
        match self.items_fixed(items) {
            Err(()) => return None,
            Ok(Some(f)) => return self.fits(items, f).then_some(f),
            Ok(None) => {}
        }
        let mut key: Vec<u16> = items.iter().map(|&i| i as u16).collect();
        key.sort_unstable();
        if let Some(hit) = self.cheapest.borrow().get(&key) {
            return *hit;
        }
        let found = (0..self.n_tiers).find(|&t| self.fits(items, t));
        self.cheapest.borrow_mut().insert(key, found);
        found
    }

    /// The cost of a group on its bin.
    pub fn cost_of(&self, bin: usize) -> Cost {
        self.bins[bin].cost
    }

    /// A size for ordering items, largest first: the peak and CPU of the item
    /// alone on the largest tier.
    pub fn size(&self, item: usize) -> (Mib, u64) {
        let big = self.largest_tier().unwrap_or(0);
        let t = self.totals(&[item], self.items[item].fixed.unwrap_or(big));
        (t.peak_mib, t.cpu_expected_millicores)
    }

    /// The allowed tier with the most memory (then vCPUs).
    pub fn largest_tier(&self) -> Option<usize> {
        (0..self.n_tiers).max_by_key(|&t| {
            let r = &self.bins[t].resolved;
            (r.usable_mib, r.vcpu, std::cmp::Reverse(t))
        })
    }

    /// Sorts a solution's groups (pinned servers first, then by placement
    /// order) and totals its cost.
    pub fn normalise(&self, mut groups: Vec<Group>) -> Solution {
        for g in &mut groups {
            g.items.sort_unstable();
        }
        groups.sort_by_key(|g| {
            (
                self.bins[g.bin].fixed.is_none(),
                g.items.first().copied().unwrap_or(usize::MAX),
            )
        });
        let cost = groups
            .iter()
            .fold(Cost::default(), |acc, g| acc + self.cost_of(g.bin));
        let headroom_pct = groups
            .iter()
            .map(|g| self.totals(&g.items, g.bin).headroom_pct)
            .min()
            .unwrap_or(100);
        Solution {
            groups,
            cost,
            headroom_pct,
        }
    }

    /// The order layouts are ranked in: cost, fewer servers, more headroom,
    /// then the layout's placements (a fixed order for ties).
    #[allow(clippy::type_complexity)]
    pub fn rank_key(&self, s: &Solution) -> (Cost, usize, std::cmp::Reverse<i64>, Vec<Vec<usize>>) {
        (
            s.cost,
            s.groups.len(),
            std::cmp::Reverse(s.headroom_pct),
            s.groups.iter().map(|g| g.items.clone()).collect(),
        )
    }
}

/// A layout's shape: its servers' tiers (pinned servers by their own).
fn shape(s: &Solution) -> Vec<usize> {
    let mut v: Vec<usize> = s.groups.iter().map(|g| g.bin).collect();
    v.sort_unstable();
    v
}

/// Keeps the [`BEST`] best solutions of different shapes (the same tiers
/// rearranged is one answer: the best-ranked arrangement), in rank order.
pub(crate) fn keep_best(space: &Space, best: &mut Vec<Solution>, s: Solution) {
    let key = space.rank_key(&s);
    if let Some(i) = best.iter().position(|b| shape(b) == shape(&s)) {
        if space.rank_key(&best[i]) <= key {
            return;
        }
        best.remove(i);
    }
    let at = best
        .iter()
        .position(|b| space.rank_key(b) > key)
        .unwrap_or(best.len());
    if at < BEST {
        best.insert(at, s);
        best.truncate(BEST);
    }
}
