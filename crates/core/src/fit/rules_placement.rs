//! Per-placement rules: limits against expected and peak, self-sizing
//! runtimes, Elasticsearch heap, Redis maxmemory and fork, /dev/shm, Celery
//! concurrency and headless Chromium peaks.

use super::footprint::{Footprint, Knobs};
use super::rules::{
    margin, set_knob, set_limit, CHROMIUM_SHM_PER_BROWSER_MIB, DOCKER_DEFAULT_SHM_MIB,
    POSTGRES_SHM_MIB,
};
use super::Resolved;
use crate::model::units::{format_mib, MAX_MEMORY_MIB};
use crate::model::{Action, MemoryModel, Placement, PlanOption, Server, ServiceDef};
use crate::report::{Finding, FindingKind as K, Fix, Severity};
use crate::tune;

pub(crate) fn placement_rules(
    option: &PlanOption,
    server: &Server,
    r: &Resolved,
    def: &ServiceDef,
    p: &Placement,
    f: &Footprint,
    out: &mut Vec<Finding>,
) {
    let sid = server.id.as_str();
    let pid = p.id.as_str();
    let k = Knobs::new(def, p);
    let limit = p.limit_mib.unwrap_or(f.default_limit_mib);
    // What the tuners are given is capped at the plan's bound, so a plan that
    // skipped validation cannot overflow them.
    let tune_limit = limit.min(MAX_MEMORY_MIB);
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
    } else if f.peak_mib > limit
        && !is_redis
        && f.browser_peak_mib == 0
        // A self-sizing runtime with no limit sizes its peak from the host,
        // not from the default limit; `self-sizing-no-limit` covers it, and
        // its fix (the default limit) makes it size itself to fit.
        && !f.sized_from_host
    {
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
            // What the rule takes: its percent of the memory the runtime sees.
            let sized = r.usable_mib.saturating_mul(u64::from(ss.percent_of_memory)) / 100;
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
            // Half the limit, and no more than leaves room for the off-heap
            // memory, as the tuning writes it.
            let h = tune::es_heap_within(tune_limit, k.get("offheap_mib")).mib;
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
            tune_limit,
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
                    .n("persistence", u64::from(persistent))
                    .fix(Some(Fix::new(
                        set_knob(option, pid, "maxmemory_mib", suggested as i64),
                        format!(
                            "Set maxmemory to {} (maxmemory {suggested}mb)",
                            format_mib(suggested)
                        ),
                        format!(
                            "把 maxmemory 设为 {}（maxmemory {suggested}mb）",
                            format_mib(suggested)
                        ),
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
                    format!(
                        "Set /dev/shm to {} (shm_size: {needed}mb)",
                        format_mib(needed)
                    ),
                    format!(
                        "把 /dev/shm 设为 {}（shm_size: {needed}mb）",
                        format_mib(needed)
                    ),
                ))),
        );
    }

    if matches!(
        def.model,
        MemoryModel::CeleryPrefork | MemoryModel::CeleryGevent
    ) && k.get("concurrency") == 0
    {
        let t = tune::tune_placement(def, p, r.usable_mib.min(MAX_MEMORY_MIB), r.vcpu);
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
                .n("gevent", u64::from(def.model == MemoryModel::CeleryGevent))
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
