//! Layout search: given an option's placements and constraints, the
//! cheapest layouts — which placements share a server, and each server's
//! tier — in which every server fits.
//!
//! "Fits" is the engine's own verdict for a server, from the one rule
//! `fit::server_totals` (coinciding peaks, the OS and Docker reserve for its
//! containers, the headroom target, CPU against the vCPUs and a burstable
//! baseline), over each placement's report from `fit::evaluate_placement`
//! on that tier's host (so self-sizing heaps and auto worker counts follow
//! the tier). A layout is one provider's servers (a private network does not
//! span clouds); each group of placements gets the cheapest allowed tier it
//! fits. Cost is compared as (servers whose price is unknown, known ¥/month),
//! so a layout resting on an unknown price is never ranked as cheap, and says
//! so.
//!
//! - Up to [`EXACT_MAX_ITEMS`] placements to place (after keeping together
//!   what must stay together): exact, by branch and bound over every
//!   partition of them (a bound: the cost of the servers opened so far, which
//!   placing more can only raise).
//! - More: a deterministic heuristic (first-fit decreasing with every allowed
//!   tier as the bin, each server then shrunk to its cheapest fitting tier,
//!   then single moves and merges while they save money), with its stated
//!   bound: a lower bound on any layout's cost (memory and CPU at the
//!   cheapest ¥ per MiB and per vCPU, and the dearest placement alone), so
//!   the answer is at most [`Bound::within_pct`] above the optimum.
//!
//! The same input gives the same answer: every order is fixed (tiers by
//! cost then size then id, placements by size then id, ties by server count
//! then the layout's placement ids).

mod exact;
mod heuristic;
mod reason;
mod space;
mod tiers;

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use serde::Serialize;

use crate::catalog;
use crate::cost::Prices;
use crate::findings::Lang;
use crate::fit;
use crate::model::price::PriceBook;
use crate::model::units::{Fen, Mib};
use crate::model::{fresh_id, Placement, Plan, PlanOption, Provider};
pub(crate) use space::{keep_best, BinType, Cost, Group, Item, Solution, Space};
use tiers::{providers_for, tier_bins};

pub use reason::no_fit_words;

/// Placements (after merging what is kept together) up to which the search
/// is exact.
pub const EXACT_MAX_ITEMS: usize = 12;

pub use exact::{NODE_BUDGET, TICK_NODES};

/// How many layouts a search returns at most.
pub const BEST: usize = 3;

/// What a layout must respect.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Constraints {
    /// Each list: placements that share one server.
    pub keep_together: Vec<Vec<String>>,
    /// Each list: placements no two of which share a server (e.g. the
    /// database and the browser workers).
    pub keep_apart: Vec<Vec<String>>,
    /// (placement, server id of the option): the placement stays on that
    /// server, which keeps its tier, price and address (a machine you have).
    pub pinned: Vec<(String, String)>,
    /// Providers to choose tiers from; empty: the providers of the option's
    /// own servers, or every provider when none is known.
    pub providers: Vec<Provider>,
    /// Tier families allowed ("c7", "g7", "S6"); empty: any.
    pub families: Vec<String>,
    /// At most this many servers (pinned ones included).
    pub max_servers: Option<usize>,
    /// The headroom every server keeps at peak, in percent; `None`: the plan's.
    pub headroom_target_pct: Option<u32>,
    /// Price tiers from the catalog only, ignoring quotes (the reader's price
    /// book, the quotes the plan carries, and the plan's own price for a
    /// server of that tier). Default: quotes count, as in every evaluation.
    pub catalog_prices_only: bool,
    /// Also use tiers nobody could price (the layout then says it rests on
    /// unknown prices). Default: priced tiers only.
    pub allow_unknown_prices: bool,
}

/// The bound a heuristic answer comes with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bound {
    /// No layout of these placements on these tiers costs less (¥0.01/month).
    pub lower_bound_fen: Fen,
    /// The best layout found is at most this many percent above the optimum.
    pub within_pct: u32,
}

/// One server of a found layout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LayoutServer {
    pub id: String,
    pub tier: String,
    /// "8C16G".
    pub size: String,
    pub placements: Vec<String>,
    pub monthly_fen: Option<Fen>,
    /// Memory headroom at peak, percent of allocatable.
    pub headroom_pct: i64,
    /// A server of the option that the constraints pinned.
    pub pinned: bool,
}

/// A found layout, as an option a caller can add to the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Layout {
    pub provider: Option<Provider>,
    /// The layout's cost; `None` when a server's price is unknown.
    pub monthly_fen: Option<Fen>,
    /// What the known prices add up to.
    pub known_monthly_fen: Fen,
    /// Tiers of its servers whose price is unknown.
    pub unknown_prices: Vec<String>,
    /// The smallest headroom of its servers, percent.
    pub headroom_pct: i64,
    pub servers: Vec<LayoutServer>,
    /// Why this one, in one line.
    pub reason_en: String,
    pub reason_zh: String,
    /// The option to add (`Action::AddOption`); its evaluation prices and
    /// judges it as the search did.
    pub option: PlanOption,
}

/// Why no layout was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NoFit {
    /// No allowed tier at all (the providers, families and price rule leave none).
    NoTiers,
    /// These placements (kept together) fit no allowed tier on their own;
    /// the figures are on the largest one.
    TooBig {
        placements: Vec<String>,
        tier: String,
        expected_mib: Mib,
        peak_mib: Mib,
        allocatable_mib: Mib,
        cpu_millicores: u64,
        vcpu: u32,
        headroom_target_pct: u32,
    },
    /// Placements pinned to a server do not fit it.
    PinnedOver {
        server: String,
        placements: Vec<String>,
    },
    /// No layout was found on the servers allowed: proven when the search
    /// was exhaustive, else what the heuristic could not find.
    TooFewServers {
        max_servers: usize,
        exhaustive: bool,
    },
    /// The constraints contradict each other (kept together and apart,
    /// pinned to two servers).
    Conflict { placements: Vec<String> },
}

/// What a search returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResult {
    pub option: String,
    /// Up to [`BEST`] layouts, cheapest first.
    pub layouts: Vec<Layout>,
    /// True when the answer is the optimum (branch and bound); false for the
    /// heuristic, whose [`Bound`] says how far from it the answer may be.
    pub exact: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// Why there is no layout, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_fit: Option<NoFit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_fit_en: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_fit_zh: Option<String>,
    /// The cheapest layout on one server, beside the best three when none
    /// of them is one (one big server against several small ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_server: Option<Layout>,
    /// How many tiers were considered.
    pub tiers: usize,
}

/// How far a running search is, for a caller that shows progress (the
/// planner's tools worker posts it to the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Providers searched to the end so far.
    pub providers_done: usize,
    /// Providers to search.
    pub providers: usize,
    /// Nodes the exact search has visited in the current provider (at most
    /// [`NODE_BUDGET`]).
    pub nodes: u64,
}

/// A request the search cannot start on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchError {
    pub en: String,
    pub zh: String,
}

fn error(en: String, zh: String) -> SearchError {
    SearchError { en, zh }
}

/// Searches for the cheapest layouts of `option_id`'s placements (see the
/// module's doc), as a reader with `book` prices them; new options are
/// named in `lang`.
///
/// ```
/// use stackfit_core::model::price::PriceBook;
/// use stackfit_core::search::{search, Constraints};
/// use stackfit_core::findings::Lang;
/// let plan = stackfit_core::templates::get("s3").unwrap();
/// let found = search(&plan, "a-single", &Constraints::default(), &PriceBook::default(), Lang::En).unwrap();
/// let a = stackfit_core::fit::evaluate(&plan).option("a-single").unwrap().monthly_fen.unwrap();
/// assert!(found.exact && found.layouts[0].monthly_fen.unwrap() <= a);
/// ```
pub fn search(
    plan: &Plan,
    option_id: &str,
    c: &Constraints,
    book: &PriceBook,
    lang: Lang,
) -> Result<SearchResult, SearchError> {
    search_with_progress(plan, option_id, c, book, lang, &mut |_| {})
}

/// [`search`], telling `progress` how far it is: at the start and end of
/// each provider, and every [`exact::TICK_NODES`] nodes of the exact
/// search. The answer is the same as [`search`]'s.
pub fn search_with_progress(
    plan: &Plan,
    option_id: &str,
    c: &Constraints,
    book: &PriceBook,
    lang: Lang,
    progress: &mut dyn FnMut(Progress),
) -> Result<SearchResult, SearchError> {
    // An option off ×1 is laid out at its load: the search sizes the scaled
    // placements (the figures its report shows), and the layouts it offers
    // keep the plan's own knobs and the option's load, so they evaluate as
    // the search judged them and the load is not baked into the knobs.
    let Some(as_set) = plan
        .option(option_id)
        .filter(|o| o.load != crate::whatif::LOAD_ONE)
    else {
        return search_as_set(plan, option_id, c, book, lang, progress);
    };
    let mut scaled = plan.clone();
    for o in &mut scaled.options {
        if o.id == option_id {
            *o = crate::whatif::scale_option(o, o.load);
            o.load = crate::whatif::LOAD_ONE;
        }
    }
    let mut found = search_as_set(&scaled, option_id, c, book, lang, progress)?;
    for layout in found.layouts.iter_mut().chain(found.one_server.iter_mut()) {
        layout.option.load = as_set.load;
        for p in layout
            .option
            .servers
            .iter_mut()
            .flat_map(|s| &mut s.placements)
        {
            if let Some((_, own)) = as_set.find_placement(&p.id) {
                *p = own.clone();
            }
        }
    }
    Ok(found)
}

fn search_as_set(
    plan: &Plan,
    option_id: &str,
    c: &Constraints,
    book: &PriceBook,
    lang: Lang,
    progress: &mut dyn FnMut(Progress),
) -> Result<SearchResult, SearchError> {
    let option = plan.option(option_id).ok_or_else(|| {
        error(
            format!("no option {option_id:?}"),
            format!("没有方案 “{option_id}”"),
        )
    })?;
    if option.servers.iter().all(|s| s.placements.is_empty()) {
        return Err(error(
            format!("option {option_id:?} has no placements to lay out"),
            format!("方案 “{option_id}” 没有可以排布的部署"),
        ));
    }
    let prices = Prices::of(plan, book);
    let placements: Vec<&Placement> = option
        .servers
        .iter()
        .flat_map(|s| s.placements.iter())
        .collect();
    let index = |id: &str| -> Result<usize, SearchError> {
        placements.iter().position(|p| p.id == id).ok_or_else(|| {
            error(
                format!("no placement {id:?} in option {option_id:?}"),
                format!("方案 “{option_id}” 中没有部署 “{id}”"),
            )
        })
    };
    // Union the placements that move together.
    let n = placements.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    for group in &c.keep_together {
        let ids: Vec<usize> = group.iter().map(|id| index(id)).collect::<Result<_, _>>()?;
        for w in ids.windows(2) {
            join(&mut parent, w[0], w[1]);
        }
    }
    let mut pinned_to: Vec<Option<usize>> = vec![None; n];
    for (pid, sid) in &c.pinned {
        let p = index(pid)?;
        let s = option
            .servers
            .iter()
            .position(|s| &s.id == sid)
            .ok_or_else(|| {
                error(
                    format!("no server {sid:?} in option {option_id:?}"),
                    format!("方案 “{option_id}” 中没有服务器 “{sid}”"),
                )
            })?;
        pinned_to[p] = Some(s);
    }
    // Placements pinned to one server share it.
    for s in 0..option.servers.len() {
        let on: Vec<usize> = (0..n).filter(|&p| pinned_to[p] == Some(s)).collect();
        for w in on.windows(2) {
            join(&mut parent, w[0], w[1]);
        }
    }
    let mut items: Vec<Item> = Vec::new();
    let mut item_of = vec![0usize; n];
    let mut root_item: HashMap<usize, usize> = HashMap::new();
    for (p, slot) in item_of.iter_mut().enumerate() {
        let r = root(&mut parent, p);
        let i = *root_item.entry(r).or_insert_with(|| {
            items.push(Item {
                placements: Vec::new(),
                fixed: None,
            });
            items.len() - 1
        });
        items[i].placements.push(p);
        *slot = i;
    }
    let ids_of = |item: &Item| -> Vec<String> {
        item.placements
            .iter()
            .map(|&p| placements[p].id.clone())
            .collect()
    };
    let conflict = |ids: Vec<String>| SearchResult {
        option: option.id.clone(),
        layouts: Vec::new(),
        one_server: None,
        exact: true,
        bound: None,
        no_fit_en: Some(no_fit_words(
            &NoFit::Conflict {
                placements: ids.clone(),
            },
            Lang::En,
        )),
        no_fit_zh: Some(no_fit_words(
            &NoFit::Conflict {
                placements: ids.clone(),
            },
            Lang::Zh,
        )),
        no_fit: Some(NoFit::Conflict { placements: ids }),
        tiers: 0,
    };
    // Pinned servers become fixed bins; an item pinned to two is a conflict.
    let mut fixed_servers: Vec<usize> = Vec::new();
    for item in &mut items {
        let mut to: Vec<usize> = item
            .placements
            .iter()
            .filter_map(|&p| pinned_to[p])
            .collect();
        to.sort_unstable();
        to.dedup();
        if to.len() > 1 {
            let ids = item
                .placements
                .iter()
                .map(|&p| placements[p].id.clone())
                .collect();
            return Ok(conflict(ids));
        }
        if let Some(&s) = to.first() {
            let at = match fixed_servers.iter().position(|&f| f == s) {
                Some(i) => i,
                None => {
                    fixed_servers.push(s);
                    fixed_servers.len() - 1
                }
            };
            item.fixed = Some(at); // an index into fixed_servers for now
        }
    }
    let m = items.len();
    let mut apart = vec![vec![false; m]; m];
    for group in &c.keep_apart {
        let ids: Vec<usize> = group.iter().map(|id| index(id)).collect::<Result<_, _>>()?;
        for (k, &a) in ids.iter().enumerate() {
            for &b in &ids[k + 1..] {
                let (ia, ib) = (item_of[a], item_of[b]);
                if ia == ib {
                    return Ok(conflict(vec![
                        placements[a].id.clone(),
                        placements[b].id.clone(),
                    ]));
                }
                apart[ia][ib] = true;
                apart[ib][ia] = true;
            }
        }
    }
    // Pinned servers restrict the provider to theirs.
    let mut providers = providers_for(option, c);
    let pinned_providers: Vec<Provider> = fixed_servers
        .iter()
        .filter_map(|&s| catalog::tier(&option.servers[s].tier).map(|t| t.provider))
        .collect();
    if let Some(p) = pinned_providers.first() {
        providers.retain(|x| x == p);
        if providers.is_empty() {
            providers.push(*p);
        }
    }
    let mut settings = plan.settings.clone();
    if let Some(t) = c.headroom_target_pct {
        settings.headroom_target_pct = t;
    }
    let max_servers = c.max_servers.unwrap_or(usize::MAX).max(1);
    let report = fit::evaluate_with(plan, book);
    let option_report = report.option(&option.id);
    let mut all: Vec<(Cost, usize, Provider, Layout)> = Vec::new();
    let mut singles: Vec<(Cost, Provider, Layout)> = Vec::new();
    let mut exact_all = true;
    let mut lower: Option<Fen> = None;
    let mut why: Option<NoFit> = None;
    let mut tiers_seen = 0;
    let n_providers = providers.len();
    for (done, provider) in providers.into_iter().enumerate() {
        progress(Progress {
            providers_done: done,
            providers: n_providers,
            nodes: 0,
        });
        let mut bins = tier_bins(plan, &prices, provider, c);
        let n_tiers = bins.len();
        tiers_seen += n_tiers;
        for &s in &fixed_servers {
            let server = &option.servers[s];
            let r = fit::resolve(server, None);
            let priced = prices.server(server, r.tier);
            bins.push(BinType {
                tier: r.tier,
                tier_id: server.tier.clone(),
                resolved: r,
                disk: server.disk,
                swap: server.swap_mib.unwrap_or(0),
                cost: match priced.monthly_fen {
                    Some(fen) => Cost {
                        fen,
                        ..Cost::default()
                    },
                    None => Cost {
                        unknown: 1,
                        unknown_mib: r.capacity_mib,
                        unknown_vcpu: u64::from(r.vcpu),
                        ..Cost::default()
                    },
                },
                monthly_fen: priced.monthly_fen,
                price_override: server.price.clone(),
                fixed: Some(s),
                server_id: server.id.clone(),
            });
        }
        let mut its = items.clone();
        for it in &mut its {
            it.fixed = it.fixed.map(|f| n_tiers + f);
        }
        let reports = (0..bins.len())
            .map(|_| (0..n).map(|_| OnceCell::new()).collect())
            .collect();
        let space = Space {
            placements: placements.clone(),
            bins,
            n_tiers,
            items: its,
            apart: apart.clone(),
            settings: settings.clone(),
            max_servers,
            reports,
            cheapest: RefCell::new(HashMap::new()),
        };
        if let Some(reason) = reason::precheck(&space, &ids_of) {
            why = why.or(Some(reason));
            continue;
        }
        let free = space.items.iter().filter(|i| i.fixed.is_none()).count();
        let seed = heuristic::search(&space);
        let (found, exact) = if free <= EXACT_MAX_ITEMS {
            exact::search(&space, seed, &mut |nodes| {
                progress(Progress {
                    providers_done: done,
                    providers: n_providers,
                    nodes,
                })
            })
        } else {
            (seed, false)
        };
        if !exact {
            exact_all = false;
            if let Some(lb) = heuristic::lower_bound(&space) {
                lower = Some(lower.map_or(lb, |l: Fen| l.min(lb)));
            }
        }
        if found.is_empty() {
            why = why.or(Some(NoFit::TooFewServers {
                max_servers,
                exhaustive: exact,
            }));
            continue;
        }
        if let Some(one) = one_server(&space) {
            let layout = reason::build(plan, book, option, option_report, &space, &one, provider);
            singles.push((one.cost, provider, layout));
        }
        for s in found {
            let layout = reason::build(plan, book, option, option_report, &space, &s, provider);
            all.push((s.cost, s.groups.len(), provider, layout));
        }
    }
    progress(Progress {
        providers_done: n_providers,
        providers: n_providers,
        nodes: 0,
    });
    all.sort_by_key(|a| (a.0, a.1, a.2));
    all.truncate(BEST);
    let mut taken: Vec<String> = plan.options.iter().map(|o| o.id.clone()).collect();
    let layouts: Vec<Layout> = all
        .into_iter()
        .enumerate()
        .map(|(k, (_, _, _, mut layout))| {
            let id = fresh_id(
                &format!("layout-{}", k + 1),
                taken.iter().map(String::as_str),
            );
            taken.push(id.clone());
            layout.option.id = id;
            layout.option.name = reason::option_name(&layout, k + 1, lang);
            layout.option.note = match lang {
                Lang::En => layout.reason_en.clone(),
                Lang::Zh => layout.reason_zh.clone(),
            };
            layout
        })
        .collect();
    singles.sort_by_key(|a| (a.0, a.1));
    let one_server = singles
        .into_iter()
        .next()
        .filter(|_| !layouts.iter().any(|l| l.servers.len() == 1))
        .map(|(_, _, mut layout)| {
            layout.option.id = fresh_id("layout-one-server", taken.iter().map(String::as_str));
            layout.option.name = reason::one_server_name(&layout, lang);
            layout.option.note = match lang {
                Lang::En => layout.reason_en.clone(),
                Lang::Zh => layout.reason_zh.clone(),
            };
            layout
        });
    let best_fen = layouts.first().and_then(|l| l.monthly_fen);
    let bound = match (exact_all, lower, best_fen) {
        (false, Some(lb), Some(best)) if lb > 0 => Some(Bound {
            lower_bound_fen: lb,
            within_pct: u32::try_from(((best - lb).max(0) * 100 + lb - 1) / lb).unwrap_or(u32::MAX),
        }),
        _ => None,
    };
    let no_fit = if layouts.is_empty() {
        Some(why.unwrap_or(NoFit::NoTiers))
    } else {
        None
    };
    Ok(SearchResult {
        option: option.id.clone(),
        exact: exact_all,
        bound,
        no_fit_en: no_fit.as_ref().map(|w| no_fit_words(w, Lang::En)),
        no_fit_zh: no_fit.as_ref().map(|w| no_fit_words(w, Lang::Zh)),
        no_fit,
        layouts,
        one_server,
        tiers: tiers_seen,
    })
}

/// Everything on one server: the cheapest tier that holds it all (or the
/// one pinned server), when there is one.
fn one_server(space: &Space) -> Option<Solution> {
    let all: Vec<usize> = (0..space.items.len()).collect();
    let bin = space.cheapest(&all)?;
    Some(space.normalise(vec![Group { items: all, bin }]))
}
