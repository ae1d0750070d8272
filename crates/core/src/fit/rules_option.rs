//! Option-wide rules: the connection budget across every server, services
//! that reach another server, and moves that make a failing server fit.

use std::collections::HashMap;

use super::{coinciding_peak, Measured, Verdict};
use crate::catalog;
use crate::findings::{Finding, FindingKind as K, Fix, Severity};
use crate::kinds::{self, round_up, Cx, HostView};
use crate::model::{Action, KindId, Placement, PlanOption, Settings};

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

/// The most max_connections a fix may suggest: PGTune's own default for
/// OLTP. Beyond it each backend's memory and the lock contention make a
/// pooler (PgBouncer) the answer, not a bigger number.
pub const MAX_CONNECTIONS_FIX: u64 = 300;

/// Connections the placements that depend on one database hold to it.
#[derive(Default)]
struct Budget {
    likely: u64,
    worst: u64,
    parts: Vec<String>,
    /// Dependents whose pool is larger than what they use at once: (id, in use).
    shrinkable: Vec<(String, u64)>,
    dependents: Vec<String>,
}

/// Sums the connections every process of every placement that depends on a
/// database holds to it, on any server, against what the database accepts:
/// what they hold at peak (a prefork child runs one task, so it uses the
/// connections of one task) and the worst case (every pool full).
pub(crate) fn connection_budget(
    option: &PlanOption,
    idx: &PlacementIndex,
    measured: &mut [Measured],
) {
    let mut budgets: HashMap<(usize, usize), Budget> = HashMap::new();
    for (si, s) in option.servers.iter().enumerate() {
        let host = host_of(s, &measured[si]);
        for (pi, p) in s.placements.iter().enumerate() {
            if p.depends_on.is_empty() {
                continue;
            }
            let Some(def) = catalog::service(&p.service) else {
                continue;
            };
            let procs = measured[si].footprints[pi].processes * u64::from(p.replicas.max(1));
            let Some(c) = kinds::kind(def.kind).db_connections(&Cx::new(def, p, host), procs)
            else {
                continue;
            };
            for d in &p.depends_on {
                let Some(&(dsi, dpi)) = idx.get(d.as_str()) else {
                    continue;
                };
                let db = &option.servers[dsi].placements[dpi];
                let accepts = catalog::service(&db.service).and_then(|dd| {
                    kinds::kind(dd.kind).accepts_connections(&Cx::new(
                        dd,
                        db,
                        host_of(&option.servers[dsi], &measured[dsi]),
                    ))
                });
                if accepts.is_none() {
                    continue;
                }
                let b = budgets.entry((dsi, dpi)).or_default();
                b.likely = b.likely.saturating_add(c.likely);
                b.worst = b.worst.saturating_add(c.worst);
                b.parts
                    .push(format!("{} {}×{}", p.id, c.processes, c.per_process_in_use));
                b.dependents.push(p.id.clone());
                if c.pool > c.per_process_in_use {
                    b.shrinkable.push((p.id.clone(), c.per_process_in_use));
                }
            }
        }
    }
    let mut budgets: Vec<_> = budgets.into_iter().collect();
    crate::model::order::sort_by_key(&mut budgets, |(k, _)| *k);
    let mut pgbouncer_id: Option<String> = None;
    for ((dsi, dpi), b) in budgets {
        let db = &option.servers[dsi].placements[dpi];
        let Some(ddef) = catalog::service(&db.service) else {
            continue;
        };
        let cx = Cx::new(ddef, db, host_of(&option.servers[dsi], &measured[dsi]));
        let Some((available, reserved)) = kinds::kind(ddef.kind).accepts_connections(&cx) else {
            continue;
        };
        if b.worst <= available {
            continue;
        }
        let max = cx.knob("max_connections");
        let severity = if b.likely > available {
            Severity::Critical
        } else {
            Severity::Warning
        };
        let mut f = Finding::new(K::DbConnectionsOverMax, severity, &option.servers[dsi].id)
            .at(&db.id)
            .n("likely", b.likely)
            .n("worst", b.worst)
            .n("max_connections", max)
            .n("superuser_reserved", reserved)
            .n("available", available);
        f.subjects = b.parts;
        let shrink = (!b.shrinkable.is_empty() && b.likely <= available).then(|| {
            let actions: Vec<Action> = b
                .shrinkable
                .iter()
                .map(|(id, n)| Action::SetKnob {
                    option: option.id.clone(),
                    placement: id.clone(),
                    knob: "db_pool".into(),
                    value: Some(*n as i64),
                })
                .collect();
            Fix::new(
                Action::Batch { actions },
                "Shrink each pool to what a process uses at once".into(),
                "把每个进程的连接池缩小到它同时用得到的连接数".into(),
            )
        });
        let pgbouncer = (ddef.kind == KindId::Postgres).then(|| {
            // The first free id, the same for every database's fix (each
            // is applied alone): looked up once, not once per database.
            let id = pgbouncer_id.get_or_insert_with(|| {
                let taken = option
                    .servers
                    .iter()
                    .flat_map(|s| s.placements.iter().map(|p| p.id.as_str()));
                crate::model::fresh_id("pgbouncer", taken)
            });
            add_pgbouncer(option, idx, dsi, db, id, &b.dependents)
        });
        let needed = round_up(b.likely.saturating_add(reserved.max(3)), 10);
        let raise =
            (ddef.has_knob("max_connections") && needed <= MAX_CONNECTIONS_FIX && needed > max)
                .then(|| {
                    Fix::new(
                        Action::set_knob(&option.id, &db.id, "max_connections", needed as i64),
                        format!("Raise max_connections to {needed}"),
                        format!("把 max_connections 提高到 {needed}"),
                    )
                });
        let mut fixes: Vec<Fix> = [shrink, pgbouncer, raise].into_iter().flatten().collect();
        if !fixes.is_empty() {
            let first = fixes.remove(0);
            f = f.fix(Some(first));
            f.alternatives = fixes;
        }
        measured[dsi].report.findings.push(f);
    }
}

/// A PgBouncer in transaction mode beside the database, and every dependent
/// pointed at it instead: the database then sees only its pool.
/// `id` is a placement id nobody in the option has.
fn add_pgbouncer(
    option: &PlanOption,
    idx: &PlacementIndex,
    dsi: usize,
    db: &Placement,
    id: &str,
    dependents: &[String],
) -> Fix {
    let mut actions = vec![Action::AddPlacement {
        option: option.id.clone(),
        server: option.servers[dsi].id.clone(),
        placement: Box::new(Placement::new(id, "pgbouncer").depends_on(&[db.id.as_str()])),
    }];
    for dep in dependents {
        if let Some(&(si, pi)) = idx.get(dep.as_str()) {
            let p = &option.servers[si].placements[pi];
            let deps = p
                .depends_on
                .iter()
                .map(|d| {
                    if *d == db.id {
                        id.to_string()
                    } else {
                        d.clone()
                    }
                })
                .collect();
            actions.push(Action::SetDependencies {
                option: option.id.clone(),
                placement: dep.clone(),
                depends_on: deps,
            });
        }
    }
    Fix::new(
        Action::Batch { actions },
        format!("Put PgBouncer in front of {}", db.id),
        format!("在 {} 前加一层 PgBouncer 连接池", db.id),
    )
}

fn host_of(server: &crate::model::Server, m: &Measured) -> HostView {
    HostView {
        usable_mib: m.report.usable_mib,
        vcpu: m.report.vcpu,
        disk: server.disk,
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
                        .subject_in(
                            format!("{} ({})", deps.join(", "), other.label),
                            format!("{}（{}）", deps.join("、"), other.label),
                        )
                        .n("dependencies", deps.len()),
                );
            }
        }
    }
}

/// Placements Docker would refuse to start: they publish a host port an
/// earlier placement on their server publishes too (`fit::ports`). The
/// report keeps the clashes (the exporters write the same ports); each
/// is a critical finding. Its fix: when the later one is public and no
/// longer publishing its ports ends the clash, to stop; else, when moving
/// the ports its compose file published to free host ports ends it (if
/// need be, with no longer publishing), that move.
pub(crate) fn port_clashes(option: &PlanOption, measured: &mut [Measured]) {
    let reached = super::ports::Reached::of(option);
    for (si, s) in option.servers.iter().enumerate() {
        let found = super::ports::clashes(option, si, &reached);
        for k in &found {
            let second = &k.clash.second;
            let unpublish = k.ends_unpublished.then(|| {
                Fix::new(
                    Action::SetPublic {
                        option: option.id.clone(),
                        placement: second.clone(),
                        public: false,
                    },
                    format!("Stop publishing {second}'s ports"),
                    format!("不再对外发布 {second} 的端口"),
                )
            });
            let fix = unpublish.or_else(|| {
                let moved = k.moved.as_ref()?;
                let s = if moved.hosts.len() > 1 { "s" } else { "" };
                let set = Action::SetPorts {
                    option: option.id.clone(),
                    placement: second.clone(),
                    ports: moved.ports.clone(),
                };
                let (en, zh) = (
                    format!(
                        "Publish {second} on host port{s} {} instead of {}",
                        listed(&moved.hosts, End::After, ", "),
                        listed(&moved.hosts, End::Before, ", ")
                    ),
                    format!(
                        "把 {second} 发布的主机端口 {} 改为 {}",
                        listed(&moved.hosts, End::Before, "、"),
                        listed(&moved.hosts, End::After, "、")
                    ),
                );
                Some(match moved.unpublished {
                    false => Fix::new(set, en, zh),
                    true => Fix::new(
                        Action::Batch {
                            actions: vec![
                                Action::SetPublic {
                                    option: option.id.clone(),
                                    placement: second.clone(),
                                    public: false,
                                },
                                set,
                            ],
                        },
                        format!("{en}, and make it no longer public"),
                        format!("{zh}，并取消对外公开"),
                    ),
                })
            });
            measured[si].report.findings.push(
                Finding::new(K::HostPortClash, Severity::Critical, &s.id)
                    .at(second)
                    .subject(k.clash.first.clone())
                    .subject(k.clash.port.clone())
                    .fix(fix),
            );
        }
        measured[si].report.port_clashes = found.into_iter().map(|k| k.clash).collect();
    }
}

/// Which end of a port's move.
#[derive(Clone, Copy, PartialEq)]
enum End {
    Before,
    After,
}

/// One end of each move (`hosts`: before, after), as a list: "80, 443".
fn listed(hosts: &[(u32, u32)], end: End, sep: &str) -> String {
    hosts
        .iter()
        .map(|&(before, after)| if end == End::Before { before } else { after }.to_string())
        .collect::<Vec<_>>()
        .join(sep)
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
        crate::model::order::sort_by_key(&mut cands, |p| p.total.expected_mib);
        let pairs = |r: &crate::report::ServerReport| -> Vec<(u64, u64)> {
            r.placements
                .iter()
                .map(|p| (p.total.expected_mib, p.total.peak_mib))
                .collect()
        };
        let mut best: Option<(String, String, String, bool)> = None;
        'outer: for p in cands {
            let n = u64::from(p.replicas);
            let src_alloc = src.allocatable_mib.saturating_add(per.saturating_mul(n));
            let without: Vec<_> = src
                .placements
                .iter()
                .filter(|q| q.id != p.id)
                .map(|q| (q.total.expected_mib, q.total.peak_mib))
                .collect();
            let sv = Verdict::from_totals(
                src_alloc,
                src.expected_mib - p.total.expected_mib,
                coinciding_peak(&without),
                target,
            );
            for (ti, t) in measured.iter().enumerate() {
                if ti == si {
                    continue;
                }
                let t = &t.report;
                let t_alloc = t.allocatable_mib.saturating_sub(per.saturating_mul(n));
                let mut with = pairs(t);
                with.push((p.total.expected_mib, p.total.peak_mib));
                let tv = Verdict::from_totals(
                    t_alloc,
                    t.expected_mib.saturating_add(p.total.expected_mib),
                    coinciding_peak(&with),
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
