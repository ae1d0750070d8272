//! Redis and Valkey: maxmemory × fragmentation, doubled for the pages a
//! persistence fork copies; maxmemory under a limit; `redis-server --…` on
//! export; a broker must never evict.

use serde::Serialize;

use super::knobs::{knob, CPU_LIGHT};
use super::{limit_for_peak, Cx, Kind, Raw, RuleCx, Run, Setting, Suggestion, Tuned, Tuning};
use crate::findings::{Finding, FindingKind as K, Fix, Severity};
use crate::model::units::{format_mib, Mib};
use crate::model::{KindId, KnobDef, KnobUnit::*};
use crate::sources::*;
use crate::tune::{redis_maxmemory, redis_room};

const GIB64: i64 = 64 * 1024;

/// Persistence modes shared by Redis and Valkey.
pub const PERSISTENCE: &[&str] = &["off", "rdb", "aof", "rdb+aof"];
/// Eviction policies (maxmemory-policy); Redis's default is noeviction.
pub const POLICIES: &[&str] = &[
    "noeviction",
    "allkeys-lru",
    "allkeys-lfu",
    "volatile-lru",
    "volatile-ttl",
];

#[rustfmt::skip]
pub const KNOBS: &[KnobDef] = &[
    knob("maxmemory_mib", "maxmemory (0 = none)", "maxmemory（0 = 不限）", Mib, 0, GIB64, "no limit by default", REDIS_MAXMEMORY),
    knob("dataset_mib", "Data in use (typical)", "平时的数据量", Mib, 2, GIB64, "used_memory in normal operation: small installs hold a few MiB (whole containers at 8–21 MiB in docker stats)", REDIS_SMALL),
    knob("persistence", "Persistence", "持久化", Choice(PERSISTENCE), 1, 3, "RDB snapshots are on in the default redis.conf", REDIS_PERSIST),
    knob("policy", "maxmemory-policy", "淘汰策略（maxmemory-policy）", Choice(POLICIES), 0, 4, "noeviction is Redis's default and the only safe policy for a queue broker", REDIS_MAXMEMORY),
    knob("fragmentation_pct", "Fragmentation", "内存碎片率", Percent, 110, 1000, "RSS / used_memory: 1.08 measured with 1 M keys", MEASURED),
    knob("cow_pct", "Copy-on-write while forking", "fork 写时复制", Percent, 100, 100, "up to 2 × while saving RDB or rewriting AOF", REDIS_PERSIST),
    knob("base_mib", "Empty server", "空实例内存", Mib, 8, 1024, "empty Redis 7: 9.4 MiB PSS; idle containers 8–9 MiB in docker stats", REDIS_SMALL),
    CPU_LIGHT,
];

pub struct Redis;

/// What a Redis container is started with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RedisTuned {
    /// `--maxmemory`; `None` when the plan sets none (Redis grows unbounded).
    pub maxmemory_mib: Option<Mib>,
    pub policy: &'static str,
    pub persistence: &'static str,
}

impl RedisTuned {
    pub fn settings(&self) -> Vec<Setting> {
        let plan = ("the plan's value", "方案中的取值");
        let mut out = Vec::new();
        if let Some(m) = self.maxmemory_mib {
            out.push(Setting::new("--maxmemory", format!("{m}mb"), plan));
        }
        out.push(Setting::new("--maxmemory-policy", self.policy.into(), plan));
        out.push(Setting::new("persistence", self.persistence.into(), plan));
        out
    }
}

fn tuned_maxmemory(cx: &Cx, limit: Mib) -> (Mib, bool) {
    let args = (
        limit,
        cx.knob("base_mib"),
        cx.knob("fragmentation_pct"),
        cx.knob("persistence") > 0,
        cx.knob("cow_pct"),
    );
    (
        redis_maxmemory(args.0, args.1, args.2, args.3, args.4),
        redis_room(args.0, args.1, args.2, args.3, args.4) > 0,
    )
}

fn choice(list: &'static [&'static str], i: u64) -> &'static str {
    list.get(i as usize).copied().unwrap_or(list[0])
}

impl Kind for Redis {
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let frag = cx.knob("fragmentation_pct");
        let maxmemory = cx.knob("maxmemory_mib");
        let data = if maxmemory > 0 {
            cx.knob("dataset_mib").min(maxmemory)
        } else {
            cx.knob("dataset_mib")
        };
        let base = cx.knob("base_mib");
        let expected = base.saturating_add(data.saturating_mul(frag) / 100);
        let full = if maxmemory > 0 {
            base.saturating_add(maxmemory.saturating_mul(frag) / 100)
        } else {
            expected
        };
        let fork = if cx.knob("persistence") > 0 {
            (full - base).saturating_mul(cx.knob("cow_pct")) / 100
        } else {
            0
        };
        Raw::new(
            expected,
            full.saturating_add(fork),
            cx.knob("cpu_millicores"),
        )
    }

    /// maxmemory = (limit − empty server) / fragmentation, halved when
    /// persisting (a fork may copy every page it saves).
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let plan = cx.knob("maxmemory_mib");
        let (tuned, _) = tuned_maxmemory(cx, limit_mib);
        // A smaller maxmemory than the limit allows is safe: suggest only
        // when the plan sets none or one the limit cannot hold.
        let suggestions = (plan == 0 || plan > tuned)
            .then_some(Suggestion {
                knob: "maxmemory_mib",
                plan: plan as i64,
                tuned: tuned as i64,
                risky: true,
            })
            .into_iter()
            .collect();
        Tuning {
            limit_mib,
            written: Tuned::Redis(RedisTuned {
                maxmemory_mib: (plan > 0).then_some(plan),
                policy: choice(POLICIES, cx.knob("policy")),
                persistence: choice(PERSISTENCE, cx.knob("persistence")),
            }),
            suggestions,
        }
    }

    fn run(&self, cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run::default();
        let Tuned::Redis(t) = tuned else {
            return run;
        };
        let bin = if cx.def.deploy.image.contains("valkey") {
            "valkey-server"
        } else {
            "redis-server"
        };
        run.command.push(bin.into());
        if let Some(m) = t.maxmemory_mib {
            run.command.extend(["--maxmemory".into(), format!("{m}mb")]);
        }
        run.command
            .extend(["--maxmemory-policy".into(), t.policy.into()]);
        match t.persistence {
            "off" => run.command.extend([
                "--save".into(),
                String::new(),
                "--appendonly".into(),
                "no".into(),
            ]),
            "aof" => run.command.extend([
                "--save".into(),
                String::new(),
                "--appendonly".into(),
                "yes".into(),
            ]),
            "rdb+aof" => run.command.extend(["--appendonly".into(), "yes".into()]),
            _ => {}
        }
        run
    }

    fn rules(&self, rx: &RuleCx, out: &mut Vec<Finding>) {
        let cx = &rx.cx;
        let limit = rx.limit_mib;
        let persistent = cx.knob("persistence") > 0;
        let (suggested, _) = tuned_maxmemory(cx, limit);
        let maxmemory = cx.knob("maxmemory_mib");
        let option = &rx.option.id;
        let pid = &cx.placement.id;
        if maxmemory == 0 || maxmemory > suggested {
            out.push(
                rx.finding(K::RedisMaxmemoryNearLimit, Severity::Warning)
                    .n("maxmemory_mib", maxmemory)
                    .n("limit_mib", limit)
                    .n("suggested_maxmemory_mib", suggested)
                    .n("persistence", u64::from(persistent))
                    .fix(Some(Fix::new(
                        crate::model::Action::SetKnob {
                            option: option.clone(),
                            placement: pid.clone(),
                            knob: "maxmemory_mib".into(),
                            value: Some(suggested as i64),
                        },
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
        if persistent && rx.peak_mib > limit {
            let to = limit_for_peak(rx.peak_mib);
            out.push(
                rx.finding(K::RedisForkHeadroom, Severity::Warning)
                    .n("peak_mib", rx.peak_mib)
                    .n("limit_mib", limit)
                    .fix(Some(Fix::new(
                        crate::model::Action::SetLimit {
                            option: option.clone(),
                            placement: pid.clone(),
                            mib: Some(to),
                        },
                        format!("Raise the limit to {} for the fork", format_mib(to)),
                        format!("把上限提高到 {}，给 fork 留出余量", format_mib(to)),
                    ))),
            );
        }
        let policy = choice(POLICIES, cx.knob("policy"));
        let brokers: Vec<&str> = rx
            .dependents
            .iter()
            .filter(|(_, d)| {
                matches!(
                    d.kind,
                    KindId::CeleryPrefork | KindId::CeleryGevent | KindId::Sidekiq
                )
            })
            .map(|(p, _)| p.id.as_str())
            .collect();
        if policy.starts_with("allkeys") && !brokers.is_empty() {
            let mut f = rx
                .finding(K::BrokerEvicts, Severity::Warning)
                .subject(policy.to_string());
            for b in brokers {
                f = f.subject(b.to_string());
            }
            out.push(f.fix(Some(Fix::new(
                crate::model::Action::SetKnob {
                    option: option.clone(),
                    placement: pid.clone(),
                    knob: "policy".into(),
                    value: Some(0),
                },
                "Use maxmemory-policy noeviction".into(),
                "改用 maxmemory-policy noeviction".into(),
            ))));
        }
    }
}
