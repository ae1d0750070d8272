//! Option-wide rules: the connection budget across every server, services
//! that reach another server, and moves that make a failing server fit.

use std::collections::HashMap;

use super::footprint::{round_up, Knobs};
use super::rules::set_knob;
use super::{Measured, Verdict};
use crate::catalog;
use crate::model::{Action, MemoryModel, PlanOption, Settings};
use crate::report::{Finding, FindingKind as K, Fix, Severity};

/// Where each placement id of an option lives: (server index, placement index).
pub(crate) type PlacementIndex<'a> = HashMap<&'a str, (usize, usize)>;

pub(crate) fn index(option: &PlanOption) -> PlacementIndex<'_> {
    let mut map = HashMap::with_capacity(option.servers.iter().map(|s| s.placements.len()).sum());
    for (si, s) in option.servers.iter().enumerate() {
        for (pi, p) in s.placements.iter().enumerate() {
            map.entry(p.id.as_str()).or_insert((si, pi));
        }
    }
    map
}

/// PostgreSQL's `superuser_reserved_connections` default (postgresql.org
/// docs, runtime-config-connection, A): slots ordinary clients cannot use.
pub const SUPERUSER_RESERVED_CONNECTIONS: u64 = 3;

/// Sums database pools over every process of every placement that depends on
/// each PostgreSQL/MySQL placement, on any server, against its max_connections.
pub(crate) fn connection_budget(
    option: &PlanOption,
    idx: &PlacementIndex,
    measured: &mut [Measured],
) {
    // One pass over the dependents: (database location) → (total, parts).
    let mut budgets: HashMap<(usize, usize), (u64, Vec<String>)> = HashMap::new();
    for (si, s) in option.servers.iter().enumerate() {
        for (pi, p) in s.placements.iter().enumerate() {
            if p.depends_on.is_empty() {
                continue;
            }
            let Some(def) = catalog::service(&p.service) else {
                continue;
            };
            let pool = Knobs::new(def, p).get("db_pool");
            if pool == 0 {
                continue;
            }
            let procs = measured[si].footprints[pi].processes * u64::from(p.replicas.max(1));
            for d in &p.depends_on {
                let Some(&(dsi, dpi)) = idx.get(d.as_str()) else {
                    continue;
                };
                let db = &option.servers[dsi].placements[dpi];
                let is_db = catalog::service(&db.service).is_some_and(|dd| {
                    matches!(dd.model, MemoryModel::Postgres | MemoryModel::Mysql)
                });
                if is_db {
                    let e = budgets.entry((dsi, dpi)).or_default();
                    e.0 = e.0.saturating_add(procs.saturating_mul(pool));
                    e.1.push(format!("{} {}×{}", p.id, procs, pool));
                }
            }
        }
    }
    let mut budgets: Vec<_> = budgets.into_iter().collect();
    budgets.sort_by_key(|(k, _)| *k);
    for ((dsi, dpi), (total, parts)) in budgets {
        let db = &option.servers[dsi].placements[dpi];
        let Some(ddef) = catalog::service(&db.service) else {
            continue;
        };
        let max = Knobs::new(ddef, db).get("max_connections");
        // Ordinary clients get max_connections − superuser_reserved_connections.
        // (PostgreSQL only: MySQL adds its one SUPER slot on top of max_connections.)
        let reserved = if ddef.model == MemoryModel::Postgres {
            SUPERUSER_RESERVED_CONNECTIONS
        } else {
            0
        };
        let available = max.saturating_sub(reserved);
        if total > available {
            let needed = round_up(total.saturating_add(reserved.max(3)), 10);
            let mut f = Finding::new(
                K::DbConnectionsOverMax,
                Severity::Critical,
                &option.servers[dsi].id,
            )
            .at(&db.id)
            .n("pools_total", total)
            .n("max_connections", max)
            .n("superuser_reserved", reserved)
            .n("available", available);
            f.subjects = parts;
            let f = f.fix(Some(Fix::new(
                set_knob(option, &db.id, "max_connections", needed as i64),
                format!("Raise max_connections to {needed}, or shrink the pools / add PgBouncer"),
                format!("把 max_connections 提高到 {needed}，或缩小连接池 / 使用 PgBouncer"),
            )));
            measured[dsi].report.findings.push(f);
        }
    }
}

pub(crate) fn cross_server(option: &PlanOption, idx: &PlacementIndex, measured: &mut [Measured]) {
    for (si, s) in option.servers.iter().enumerate() {
        for p in &s.placements {
            // One finding per other server this placement reaches.
            let mut by_server: Vec<(usize, Vec<&str>)> = Vec::new();
            for d in &p.depends_on {
                if let Some(&(ti, _)) = idx.get(d.as_str()) {
                    if ti != si {
                        match by_server.iter_mut().find(|(t, _)| *t == ti) {
                            Some((_, deps)) => deps.push(d),
                            None => by_server.push((ti, vec![d])),
                        }
                    }
                }
            }
            for (ti, deps) in by_server {
                let other = &option.servers[ti];
                measured[si].report.findings.push(
                    Finding::new(K::CrossServerDependency, Severity::Info, &s.id)
                        .at(&p.id)
                        .subject(format!("{} ({})", deps.join(", "), other.label))
                        .n("dependencies", deps.len()),
                );
            }
        }
    }
}

/// For a server that does not fit or risks OOM in a multi-server option, the
/// smallest placement whose move to another server leaves both fitting
/// (or at worst tight) becomes a fix: the main fix when no upgrade exists,
/// otherwise an alternative.
pub(crate) fn move_fixes(option: &PlanOption, measured: &mut [Measured], settings: &Settings) {
    if option.servers.len() < 2 {
        return;
    }
    let per = settings.reserve.per_container_mib;
    let target = settings.headroom_target_pct;
    for si in 0..measured.len() {
        let src = &measured[si].report;
        if !matches!(src.verdict, Verdict::DoesNotFit | Verdict::OomRisk) {
            continue;
        }
        let mut cands: Vec<_> = src.placements.iter().collect();
        cands.sort_by_key(|p| p.expected_mib);
        let mut best: Option<(String, String, String, bool)> = None;
        'outer: for p in cands {
            let n = u64::from(p.replicas);
            let src_alloc = src.allocatable_mib.saturating_add(per.saturating_mul(n));
            let sv = Verdict::from_totals(
                src_alloc,
                src.expected_mib - p.expected_mib,
                src.peak_mib - p.peak_mib,
                target,
            );
            for (ti, t) in measured.iter().enumerate() {
                if ti == si {
                    continue;
                }
                let t = &t.report;
                let t_alloc = t.allocatable_mib.saturating_sub(per.saturating_mul(n));
                let tv = Verdict::from_totals(
                    t_alloc,
                    t.expected_mib.saturating_add(p.expected_mib),
                    t.peak_mib.saturating_add(p.peak_mib),
                    target,
                );
                if sv <= Verdict::Tight && tv <= Verdict::Tight {
                    let both_fit = sv == Verdict::Fits && tv == Verdict::Fits;
                    if best.as_ref().is_none_or(|b| !b.3 && both_fit) {
                        best = Some((p.id.clone(), t.id.clone(), t.label.clone(), both_fit));
                    }
                    if both_fit {
                        break 'outer;
                    }
                }
            }
        }
        if let Some((pid, tid, tlabel, _)) = best {
            let fix = Fix::new(
                Action::MovePlacement {
                    option: option.id.clone(),
                    placement: pid.clone(),
                    to_server: tid,
                },
                format!("Move {pid} to {tlabel}"),
                format!("把 {pid} 移到 {tlabel}"),
            );
            let findings = &mut measured[si].report.findings;
            if let Some(f) = findings
                .iter_mut()
                .find(|f| matches!(f.kind, K::DoesNotFit | K::PeakOomRisk))
            {
                if f.fix.is_none() {
                    f.fix = Some(fix);
                } else {
                    f.alternatives.push(fix);
                }
            }
        }
    }
}
