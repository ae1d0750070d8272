//! The rules that turn an evaluated option into findings: verdict findings
//! with upgrade and move fixes, per-placement checks (limits, self-sizing
//! runtimes, Elasticsearch heap, Redis, /dev/shm, Celery, Chromium), CPU,
//! tier label vs spec, and the option-wide connection budget and cross-server
//! dependencies.

use super::findings::{Finding, FindingKind as K, Fix, Severity};
use super::footprint::{round_up, Knobs, DEFAULT_LIMIT_MARGIN_PCT, LIMIT_STEP_MIB};
use super::recommend::recommend_server;
use super::{Measured, Resolved, Verdict};
use crate::catalog;
use crate::model::units::{format_mib, Mib};
use crate::model::{Action, MemoryModel, PlanOption, Server, Settings};
use crate::tune;

/// Docker's default /dev/shm (docker run --help, B).
pub const DOCKER_DEFAULT_SHM_MIB: Mib = 64;
/// /dev/shm per headless Chromium: a planning figure between Docker's 64 MB,
/// which crashes tabs, and SeleniumHQ's 2 GB advice (digest §2.5).
pub const CHROMIUM_SHM_PER_BROWSER_MIB: Mib = 256;
/// /dev/shm for PostgreSQL parallel queries: the official image's compose
/// example sets 128mb (hub.docker.com/_/postgres, B).
pub const POSTGRES_SHM_MIB: Mib = 128;

pub(crate) fn apply_rules(
    option: &PlanOption,
    resolved: &[Resolved],
    measured: &mut [Measured],
    settings: &Settings,
    rate: i64,
) {
    for (si, server) in option.servers.iter().enumerate() {
        let mut out = Vec::new();
        server_rules(
            option,
            server,
            &resolved[si],
            &measured[si],
            settings,
            rate,
            &mut out,
        );
        measured[si].report.findings = out;
    }
    connection_budget(option, measured);
    cross_server(option, measured);
    move_fixes(option, measured, settings);
}

fn set_limit(option: &PlanOption, placement: &str, mib: Mib) -> Action {
    Action::SetLimit {
        option: option.id.clone(),
        placement: placement.to_string(),
        mib: Some(mib),
    }
}

fn set_knob(option: &PlanOption, placement: &str, knob: &str, value: i64) -> Action {
    Action::SetKnob {
        option: option.id.clone(),
        placement: placement.to_string(),
        knob: knob.to_string(),
        value: Some(value),
    }
}

fn margin(mib: Mib) -> Mib {
    round_up(mib * (100 + DEFAULT_LIMIT_MARGIN_PCT) / 100, LIMIT_STEP_MIB)
}

/// Reads "8C32G", "2c4g", "16C 64G", "2C0.5G" out of a label.
pub fn parse_size_claim(label: &str) -> Option<(u32, Mib)> {
    let b = label.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'C' || b[i] == b'c') {
                let vcpu: u32 = label[start..i].parse().ok()?;
                let mut j = i + 1;
                while j < b.len() && b[j] == b' ' {
                    j += 1;
                }
                let ms = j;
                while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                    j += 1;
                }
                if j > ms && j < b.len() && (b[j] == b'G' || b[j] == b'g') {
                    let gib = crate::model::units::parse_memory_mib(&format!("{}g", &label[ms..j]))
                        .ok()?;
                    return Some((vcpu, gib));
                }
            }
        }
        i += 1;
    }
    None
}

fn size_text(vcpu: u32, mib: Mib) -> String {
    if mib.is_multiple_of(1024) {
        format!("{vcpu}C{}G", mib / 1024)
    } else {
        format!("{vcpu}C{:.1}G", mib as f64 / 1024.0)
    }
}

#[allow(clippy::too_many_arguments)]
fn server_rules(
    option: &PlanOption,
    server: &Server,
    r: &Resolved,
    m: &Measured,
    settings: &Settings,
    rate: i64,
    out: &mut Vec<Finding>,
) {
    let rep = &m.report;
    let sid = server.id.as_str();
    if r.tier.is_none() && server.spec.is_none() {
        out.push(
            Finding::new(K::UnknownTier, Severity::Critical, sid).subject(server.tier.clone()),
        );
    }
    if let (Some(t), Some((vcpu, mib))) = (r.tier, parse_size_claim(&server.label)) {
        if vcpu != t.vcpu || mib != t.memory_mib {
            out.push(
                Finding::new(K::TierSpecMismatch, Severity::Warning, sid)
                    .subject(size_text(vcpu, mib))
                    .subject(format!("{} ({})", size_text(t.vcpu, t.memory_mib), t.name))
                    .n("claimed_vcpu", vcpu)
                    .n("claimed_mib", mib)
                    .n("vcpu", t.vcpu)
                    .n("memory_mib", t.memory_mib),
            );
        }
    }

    let upgrade = || -> Option<Fix> {
        let rec = recommend_server(server, r, rep.monthly_fen, settings, rate)?;
        let action = Action::SetTier {
            option: option.id.clone(),
            server: sid.to_string(),
            tier: rec.tier.to_string(),
        };
        let mut fix = Fix::new(
            action,
            format!(
                "Upgrade to {} ({} vCPU / {})",
                rec.tier_name,
                rec.vcpu,
                format_mib(rec.memory_mib)
            ),
            format!(
                "升级到 {}（{} vCPU / {}）",
                rec.tier_name,
                rec.vcpu,
                format_mib(rec.memory_mib)
            ),
        );
        fix.monthly_delta_fen = rec.monthly_delta_fen;
        Some(fix)
    };

    let mut by_expected: Vec<_> = rep.placements.iter().collect();
    by_expected.sort_by_key(|p| std::cmp::Reverse(p.expected_mib));
    match rep.verdict {
        Verdict::DoesNotFit => {
            let mut f = Finding::new(K::DoesNotFit, Severity::Critical, sid)
                .n("expected_mib", rep.expected_mib)
                .n("allocatable_mib", rep.allocatable_mib)
                .n("shortfall_mib", rep.expected_mib - rep.allocatable_mib)
                .n("usable_mib", rep.usable_mib)
                .n("reserve_mib", rep.reserve_mib);
            for p in by_expected.iter().take(3) {
                f = f.subject(format!("{} {}", p.id, format_mib(p.expected_mib)));
            }
            out.push(f.fix(upgrade()));
        }
        Verdict::OomRisk => {
            let mut by_transient: Vec<_> = rep
                .placements
                .iter()
                .filter(|p| p.peak_mib > p.expected_mib)
                .collect();
            by_transient.sort_by_key(|p| std::cmp::Reverse(p.peak_mib - p.expected_mib));
            let mut f = Finding::new(K::PeakOomRisk, Severity::Critical, sid)
                .n("expected_mib", rep.expected_mib)
                .n("peak_mib", rep.peak_mib)
                .n("allocatable_mib", rep.allocatable_mib)
                .n("over_mib", rep.peak_mib - rep.allocatable_mib);
            for p in by_transient.iter().take(3) {
                f = f.subject(format!(
                    "{} +{}",
                    p.id,
                    format_mib(p.peak_mib - p.expected_mib)
                ));
            }
            out.push(f.fix(upgrade()));
        }
        Verdict::Tight => out.push(
            Finding::new(K::LowHeadroom, Severity::Warning, sid)
                .n("headroom_mib", rep.headroom_mib)
                .n("headroom_pct", rep.headroom_pct)
                .n("target_pct", settings.headroom_target_pct)
                .n("allocatable_mib", rep.allocatable_mib)
                .fix(upgrade()),
        ),
        Verdict::Fits => {}
    }
    if rep.limit_mib > rep.allocatable_mib {
        out.push(
            Finding::new(K::LimitsOvercommitted, Severity::Warning, sid)
                .n("limits_mib", rep.limit_mib)
                .n("allocatable_mib", rep.allocatable_mib)
                .n("over_mib", rep.limit_mib - rep.allocatable_mib),
        );
    }
    if rep.cpu_capacity_millicores > 0 && rep.cpu_expected_millicores > rep.cpu_capacity_millicores
    {
        out.push(
            Finding::new(K::CpuOversubscribed, Severity::Warning, sid)
                .n("cpu_millicores", rep.cpu_expected_millicores)
                .n("vcpu", rep.vcpu),
        );
    }
    if let Some(baseline) = r.tier.and_then(|t| t.sustained_millicores()) {
        if rep.cpu_expected_millicores > baseline {
            out.push(
                Finding::new(K::BurstableSustained, Severity::Warning, sid)
                    .n("cpu_millicores", rep.cpu_expected_millicores)
                    .n("baseline_millicores", baseline),
            );
        }
    }
    if rep.monthly_fen.is_none() {
        out.push(Finding::new(K::PriceUnknown, Severity::Info, sid).subject(server.tier.clone()));
    }
    for (i, p) in server.placements.iter().enumerate() {
        if let Some(def) = catalog::service(&p.service) {
            placement_rules(option, server, r, def, p, &m.footprints[i], out);
        }
    }
}

fn placement_rules(
    option: &PlanOption,
    server: &Server,
    r: &Resolved,
    def: &crate::model::ServiceDef,
    p: &crate::model::Placement,
    f: &super::footprint::Footprint,
    out: &mut Vec<Finding>,
) {
    let sid = server.id.as_str();
    let pid = p.id.as_str();
    let k = Knobs::new(def, p);
    let limit = p.limit_mib.unwrap_or(f.default_limit_mib);
    let is_redis = def.model == MemoryModel::Redis;

    if p.limit_mib.is_some() && f.expected_mib > limit {
        out.push(
            Finding::new(K::LimitBelowExpected, Severity::Critical, sid)
                .at(pid)
                .n("limit_mib", limit)
                .n("expected_mib", f.expected_mib)
                .fix(Some(Fix::new(
                    set_limit(option, pid, margin(f.peak_mib)),
                    format!("Raise the limit to {}", format_mib(margin(f.peak_mib))),
                    format!("把上限提高到 {}", format_mib(margin(f.peak_mib))),
                ))),
        );
    } else if f.peak_mib > limit && !is_redis && f.browser_peak_mib == 0 {
        out.push(
            Finding::new(K::PeakOverLimit, Severity::Warning, sid)
                .at(pid)
                .n("peak_mib", f.peak_mib)
                .n("limit_mib", limit)
                .fix(Some(Fix::new(
                    set_limit(option, pid, margin(f.peak_mib)),
                    format!("Raise the limit to {}", format_mib(margin(f.peak_mib))),
                    format!("把上限提高到 {}", format_mib(margin(f.peak_mib))),
                ))),
        );
    }

    if let Some(ss) = def.self_sizing {
        if f.sized_from_host {
            let sized = f.heap_mib.unwrap_or(f.expected_mib);
            out.push(
                Finding::new(K::SelfSizingNoLimit, Severity::Warning, sid)
                    .at(pid)
                    .n("host_mib", r.usable_mib)
                    .n("percent", ss.percent_of_memory)
                    .n("sized_mib", sized)
                    .n("suggested_limit_mib", f.default_limit_mib)
                    .subject(ss.rule)
                    .fix(Some(Fix::new(
                        set_limit(option, pid, f.default_limit_mib),
                        format!("Set a {} limit", format_mib(f.default_limit_mib)),
                        format!("设置 {} 的上限", format_mib(f.default_limit_mib)),
                    ))),
            );
        }
    }

    if def.model == MemoryModel::Elasticsearch && k.get("heap_mib") > 0 {
        let heap = k.get("heap_mib");
        if heap * 2 > limit {
            let h = tune::es_heap(limit);
            out.push(
                Finding::new(K::EsHeapOverHalf, Severity::Warning, sid)
                    .at(pid)
                    .n("heap_mib", heap)
                    .n("limit_mib", limit)
                    .n("suggested_heap_mib", h)
                    .fix(Some(Fix::new(
                        set_knob(option, pid, "heap_mib", h as i64),
                        format!("Set the heap to {}", format_mib(h)),
                        format!("把堆设为 {}", format_mib(h)),
                    ))),
            );
        }
    }

    if is_redis {
        let persistent = k.get("persistence") > 0;
        let suggested = tune::redis_maxmemory(
            limit,
            k.get("base_mib"),
            k.get("fragmentation_pct"),
            persistent,
            k.get("cow_pct"),
        );
        let maxmemory = k.get("maxmemory_mib");
        if maxmemory == 0 || maxmemory > suggested {
            out.push(
                Finding::new(K::RedisMaxmemoryNearLimit, Severity::Warning, sid)
                    .at(pid)
                    .n("maxmemory_mib", maxmemory)
                    .n("limit_mib", limit)
                    .n("suggested_maxmemory_mib", suggested)
                    .fix(Some(Fix::new(
                        set_knob(option, pid, "maxmemory_mib", suggested as i64),
                        format!("Set maxmemory to {suggested}mb"),
                        format!("把 maxmemory 设为 {suggested}mb"),
                    ))),
            );
        }
        if persistent && f.peak_mib > limit {
            out.push(
                Finding::new(K::RedisForkHeadroom, Severity::Warning, sid)
                    .at(pid)
                    .n("peak_mib", f.peak_mib)
                    .n("limit_mib", limit)
                    .fix(Some(Fix::new(
                        set_limit(option, pid, margin(f.peak_mib)),
                        format!(
                            "Raise the limit to {} for the fork",
                            format_mib(margin(f.peak_mib))
                        ),
                        format!("为 fork 把上限提高到 {}", format_mib(margin(f.peak_mib))),
                    ))),
            );
        }
    }

    let shm = p.shm_mib.unwrap_or(DOCKER_DEFAULT_SHM_MIB);
    let browsers = if matches!(
        def.model,
        MemoryModel::CeleryPrefork | MemoryModel::Chromium
    ) {
        k.get("browsers")
    } else {
        0
    };
    let (needed, why, severity) = if browsers > 0 {
        let sev = if shm <= DOCKER_DEFAULT_SHM_MIB {
            Severity::Critical
        } else {
            Severity::Warning
        };
        (browsers * CHROMIUM_SHM_PER_BROWSER_MIB, "Chromium", sev)
    } else if def.model == MemoryModel::Postgres && k.get("max_parallel_workers_per_gather") > 0 {
        (
            POSTGRES_SHM_MIB,
            "PostgreSQL parallel queries",
            Severity::Info,
        )
    } else {
        (0, "", Severity::Info)
    };
    if shm < needed {
        out.push(
            Finding::new(K::ShmTooSmall, severity, sid)
                .at(pid)
                .n("shm_mib", shm)
                .n("needed_mib", needed)
                .subject(why)
                .fix(Some(Fix::new(
                    Action::SetShm {
                        option: option.id.clone(),
                        placement: pid.to_string(),
                        mib: Some(needed),
                    },
                    format!("Set shm_size to {needed}mb"),
                    format!("把 shm_size 设为 {needed}mb"),
                ))),
        );
    }

    if matches!(
        def.model,
        MemoryModel::CeleryPrefork | MemoryModel::CeleryGevent
    ) && k.get("concurrency") == 0
    {
        let t = tune::tune_placement(def, p, r.usable_mib, r.vcpu);
        let suggested = t
            .knobs
            .iter()
            .find(|(n, _)| *n == "concurrency")
            .map_or(1, |(_, v)| *v);
        out.push(
            Finding::new(K::CeleryConcurrencyDefault, Severity::Warning, sid)
                .at(pid)
                .n("host_cpus", r.vcpu)
                .n("suggested", suggested)
                .fix(Some(Fix::new(
                    set_knob(option, pid, "concurrency", suggested),
                    format!("Set --concurrency={suggested}"),
                    format!("设置 --concurrency={suggested}"),
                ))),
        );
    }

    if f.browser_peak_mib > 0 {
        out.push(
            Finding::new(K::BrowserPeak, Severity::Warning, sid)
                .at(pid)
                .n("browser_mib", f.browser_peak_mib)
                .n("browsers", browsers)
                .n("peak_mib", f.peak_mib)
                .n("limit_mib", limit),
        );
    }
}

/// Sums database pools over every process of every placement that depends on
/// each PostgreSQL/MySQL placement, on any server, against its max_connections.
fn connection_budget(option: &PlanOption, measured: &mut [Measured]) {
    for (dsi, dserver) in option.servers.iter().enumerate() {
        for db in &dserver.placements {
            let Some(ddef) = catalog::service(&db.service) else {
                continue;
            };
            if !matches!(ddef.model, MemoryModel::Postgres | MemoryModel::Mysql) {
                continue;
            }
            let max = Knobs::new(ddef, db).get("max_connections");
            let mut total = 0u64;
            let mut parts = Vec::new();
            for (si, s) in option.servers.iter().enumerate() {
                for (pi, p) in s.placements.iter().enumerate() {
                    if !p.depends_on.iter().any(|d| d == &db.id) {
                        continue;
                    }
                    let Some(def) = catalog::service(&p.service) else {
                        continue;
                    };
                    let pool = Knobs::new(def, p).get("db_pool");
                    let procs =
                        measured[si].footprints[pi].processes * u64::from(p.replicas.max(1));
                    if pool == 0 {
                        continue;
                    }
                    total += procs * pool;
                    parts.push(format!("{} {}×{}", p.id, procs, pool));
                }
            }
            if total > max {
                let needed = round_up(total + 3, 10);
                let mut f = Finding::new(K::DbConnectionsOverMax, Severity::Critical, &dserver.id)
                    .at(&db.id)
                    .n("pools_total", total)
                    .n("max_connections", max);
                for part in parts {
                    f = f.subject(part);
                }
                let f = f.fix(Some(Fix::new(
                    set_knob(option, &db.id, "max_connections", needed as i64),
                    format!(
                        "Raise max_connections to {needed}, or shrink the pools / add PgBouncer"
                    ),
                    format!("把 max_connections 提高到 {needed}，或缩小连接池 / 使用 PgBouncer"),
                )));
                measured[dsi].report.findings.push(f);
            }
        }
    }
}

fn cross_server(option: &PlanOption, measured: &mut [Measured]) {
    for (si, s) in option.servers.iter().enumerate() {
        for p in &s.placements {
            // One finding per other server this placement reaches.
            let mut by_server: Vec<(usize, Vec<&str>)> = Vec::new();
            for d in &p.depends_on {
                if let Some((ti, _)) = option.find_placement(d) {
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
fn move_fixes(option: &PlanOption, measured: &mut [Measured], settings: &Settings) {
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
            let src_alloc = src.allocatable_mib + per * n;
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
                let t_alloc = t.allocatable_mib.saturating_sub(per * n);
                let tv = Verdict::from_totals(
                    t_alloc,
                    t.expected_mib + p.expected_mib,
                    t.peak_mib + p.peak_mib,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_size_claims_from_labels() {
        assert_eq!(
            parse_size_claim("A+ 8C32G (recommended)"),
            Some((8, 32 * 1024))
        );
        assert_eq!(parse_size_claim("2c4g lean"), Some((2, 4096)));
        assert_eq!(parse_size_claim("web 2C0.5G"), Some((2, 512)));
        assert_eq!(parse_size_claim("A — master"), None);
        assert_eq!(parse_size_claim("ecs.c7.4xlarge"), None);
    }
}
