//! PostgreSQL: shared_buffers + connections × per-connection memory, with
//! sorts and maintenance at peak; PGTune's formulas applied to the
//! container's limit; `postgres -c …` on export; /dev/shm for parallel
//! queries; the connections it accepts.

use serde::Serialize;

use super::knobs::{knob, CPU_IDLE_DB};
use super::{Cx, Kind, Raw, Run, Setting, ShmNeed, Suggestion, Tuned, Tuning};
use crate::findings::Severity;
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*};
use crate::sources::*;
use crate::tune::pgtune::{pg_size, pgtune, DbType, PgParallel};

const GIB64: i64 = 64 * 1024;

/// PostgreSQL's knobs, shared by every PostgreSQL image (TimescaleDB,
/// pgvector, PostGIS): PostgreSQL's own defaults.
#[rustfmt::skip]
pub const KNOBS: &[KnobDef] = &[
    knob("shared_buffers_mib", "shared_buffers", "shared_buffers", Mib, 128, GIB64, "PostgreSQL default 128MB", PG_RESOURCE),
    knob("max_connections", "max_connections", "最大连接数", Count, 100, 10_000, "PostgreSQL default", PG_RESOURCE),
    knob("work_mem_mib", "work_mem", "work_mem", Mib, 4, 16 * 1024, "per sort/hash node; PostgreSQL default 4MB", PG_RESOURCE),
    knob("maintenance_work_mem_mib", "maintenance_work_mem", "maintenance_work_mem", Mib, 64, 16 * 1024, "PostgreSQL default 64MB", PG_RESOURCE),
    knob("connections", "Open connections (typical)", "平时打开的连接数", Count, 10, 10_000, "connections open in normal use", PLANNER),
    knob("active_queries", "Queries sorting at once (peak)", "峰值时同时排序的查询数", Count, 2, 10_000, "each may use work_mem in two sort/hash nodes", PLANNER),
    knob("per_connection_mib", "Memory per connection", "每个连接的内存", Mib, 2, 1024, "< 2 MiB private per backend (1.1 MiB PSS measured)", PG_CONNECTION),
    knob("base_mib", "Base processes", "基础进程", Mib, 30, 1024, "postmaster + background workers: 27 MiB PSS", MEASURED),
    knob("max_parallel_workers_per_gather", "Parallel workers per query", "每个查询的并行进程数", Count, 2, 64, "PostgreSQL default; parallel queries use /dev/shm", PG_PARALLEL),
    CPU_IDLE_DB,
];

/// PostgreSQL's `superuser_reserved_connections` default (postgresql.org
/// docs, runtime-config-connection, A): slots ordinary clients cannot use.
pub const SUPERUSER_RESERVED_CONNECTIONS: u64 = 3;

/// /dev/shm for PostgreSQL parallel queries: the official image's compose
/// example sets 128mb (hub.docker.com/_/postgres, B).
pub const POSTGRES_SHM_MIB: Mib = 128;

pub struct Postgres;

/// The settings a PostgreSQL container is started with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PgTuned {
    pub max_connections: u64,
    pub shared_buffers_kib: u64,
    pub effective_cache_size_kib: u64,
    pub maintenance_work_mem_kib: u64,
    pub work_mem_kib: u64,
    pub wal_buffers_kib: u64,
    pub min_wal_size_mib: u64,
    pub max_wal_size_mib: u64,
    /// PGTune's parallel settings (≥ 4 CPUs; workers per gather is below).
    pub parallel: Option<PgParallel>,
    /// Workers per gather: written when PGTune writes parallel settings or
    /// the plan sets it; otherwise PostgreSQL's default (2) stays.
    pub max_parallel_workers_per_gather: Option<u64>,
    pub checkpoint_completion_target: &'static str,
    pub default_statistics_target: u64,
    pub random_page_cost: &'static str,
    pub effective_io_concurrency: u64,
    pub huge_pages: &'static str,
}

const RULE_PLAN: (&str, &str) = ("the plan's value", "方案中的取值");

impl PgTuned {
    pub fn settings(&self) -> Vec<Setting> {
        let mut out = vec![
            Setting::new(
                "max_connections",
                self.max_connections.to_string(),
                RULE_PLAN,
            ),
            Setting::new(
                "shared_buffers",
                pg_size(self.shared_buffers_kib),
                RULE_PLAN,
            ),
            Setting::new(
                "effective_cache_size",
                pg_size(self.effective_cache_size_kib),
                ("3 × limit / 4 (PGTune)", "上限 × 3/4（PGTune）"),
            ),
            Setting::new(
                "maintenance_work_mem",
                pg_size(self.maintenance_work_mem_kib),
                RULE_PLAN,
            ),
            Setting::new("work_mem", pg_size(self.work_mem_kib), RULE_PLAN),
            Setting::new(
                "wal_buffers",
                pg_size(self.wal_buffers_kib),
                (
                    "3 % of shared_buffers, ≤ 16MB (PGTune)",
                    "shared_buffers 的 3%，不超过 16MB（PGTune）",
                ),
            ),
            Setting::new(
                "min_wal_size",
                format!("{}MB", self.min_wal_size_mib),
                ("PGTune (web)", "PGTune（Web 应用）"),
            ),
            Setting::new(
                "max_wal_size",
                format!("{}MB", self.max_wal_size_mib),
                ("PGTune (web)", "PGTune（Web 应用）"),
            ),
            Setting::new(
                "checkpoint_completion_target",
                self.checkpoint_completion_target.into(),
                ("PGTune's fixed value", "PGTune 的固定取值"),
            ),
            Setting::new(
                "default_statistics_target",
                self.default_statistics_target.to_string(),
                ("PGTune (web)", "PGTune（Web 应用）"),
            ),
            Setting::new(
                "random_page_cost",
                self.random_page_cost.into(),
                (
                    "1.1 on SSD, 4 on HDD (PGTune)",
                    "SSD 为 1.1，HDD 为 4（PGTune）",
                ),
            ),
            Setting::new(
                "effective_io_concurrency",
                self.effective_io_concurrency.to_string(),
                (
                    "by disk: HDD 2, SSD 200, SAN 300, NVMe 1000 (PGTune)",
                    "按磁盘：HDD 2、SSD 200、SAN 300、NVMe 1000（PGTune）",
                ),
            ),
            Setting::new(
                "huge_pages",
                self.huge_pages.into(),
                (
                    "try from 2 GB of shared_buffers (PGTune)",
                    "shared_buffers 达到 2 GB 时为 try（PGTune）",
                ),
            ),
        ];
        if let Some(par) = self.parallel {
            let cpus = ("the CPUs (PGTune)", "CPU 数（PGTune）");
            out.push(Setting::new(
                "max_worker_processes",
                par.max_worker_processes.to_string(),
                cpus,
            ));
            out.push(Setting::new(
                "max_parallel_workers",
                par.max_parallel_workers.to_string(),
                cpus,
            ));
            out.push(Setting::new(
                "max_parallel_maintenance_workers",
                par.max_parallel_maintenance_workers.to_string(),
                (
                    "⌈CPUs / 2⌉, at most 4 (PGTune)",
                    "⌈CPU 数 / 2⌉，最多 4（PGTune）",
                ),
            ));
        }
        if let Some(n) = self.max_parallel_workers_per_gather {
            out.push(Setting::new(
                "max_parallel_workers_per_gather",
                n.to_string(),
                RULE_PLAN,
            ));
        }
        out
    }
}

impl Kind for Postgres {
    /// Load adds open client connections (each a backend) and queries
    /// running at once (each with its work_mem); max_connections is
    /// configuration and stays.
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        vec![
            ("connections", cx.knob("connections")),
            ("active_queries", cx.knob("active_queries")),
        ]
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let expected = cx
            .knob("base_mib")
            .saturating_add(cx.knob("shared_buffers_mib"))
            .saturating_add(
                cx.knob("connections")
                    .saturating_mul(cx.knob("per_connection_mib")),
            );
        let transient = cx
            .knob("active_queries")
            .saturating_mul(cx.knob("work_mem_mib"))
            .saturating_mul(2)
            .saturating_add(cx.knob("maintenance_work_mem_mib"));
        Raw::new(
            expected,
            expected.saturating_add(transient),
            cx.knob("cpu_millicores"),
        )
    }

    /// PGTune (web) on the limit for what only tuning decides; the plan's
    /// values for shared_buffers, work_mem, maintenance_work_mem,
    /// max_connections and workers per gather, with PGTune's where they differ.
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let max_connections = cx.knob("max_connections");
        let s = pgtune(
            limit_mib,
            cx.host.vcpu,
            max_connections,
            DbType::Web,
            cx.host.disk,
        );
        let kib = |id: &str| cx.knob(id).saturating_mul(1024);
        let per_gather = (s.parallel.is_some()
            || cx.set("max_parallel_workers_per_gather").is_some())
        .then(|| cx.knob("max_parallel_workers_per_gather"));
        let written = PgTuned {
            max_connections,
            shared_buffers_kib: kib("shared_buffers_mib"),
            effective_cache_size_kib: s.effective_cache_size_kib,
            maintenance_work_mem_kib: kib("maintenance_work_mem_mib"),
            work_mem_kib: kib("work_mem_mib"),
            wal_buffers_kib: s.wal_buffers_kib,
            min_wal_size_mib: s.min_wal_size_mib,
            max_wal_size_mib: s.max_wal_size_mib,
            parallel: s.parallel,
            max_parallel_workers_per_gather: per_gather,
            checkpoint_completion_target: s.checkpoint_completion_target,
            default_statistics_target: s.default_statistics_target,
            random_page_cost: s.random_page_cost,
            effective_io_concurrency: s.effective_io_concurrency,
            // Huge pages follow the shared_buffers written (the plan's).
            huge_pages: if kib("shared_buffers_mib") >= 2 * 1024 * 1024 {
                "try"
            } else {
                "off"
            },
        };
        let mib = |k: u64| i64::try_from(k / 1024).unwrap_or(i64::MAX);
        let plan = |id: &str| i64::try_from(cx.knob(id)).unwrap_or(i64::MAX);
        let mut suggestions: Vec<Suggestion> = [
            ("shared_buffers_mib", mib(s.shared_buffers_kib)),
            ("work_mem_mib", mib(s.work_mem_kib)),
            ("maintenance_work_mem_mib", mib(s.maintenance_work_mem_kib)),
        ]
        .into_iter()
        .filter_map(|(k, tuned)| Suggestion::compare(k, plan(k), tuned))
        .collect();
        if let Some(p) = s.parallel {
            suggestions.extend(Suggestion::compare(
                "max_parallel_workers_per_gather",
                plan("max_parallel_workers_per_gather"),
                p.max_parallel_workers_per_gather as i64,
            ));
        }
        Tuning {
            limit_mib,
            written: Tuned::Postgres(written),
            suggestions,
        }
    }

    /// `postgres -c name=value` for every setting, as the official image
    /// passes arguments to the server.
    fn run(&self, _cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run::default();
        if let Tuned::Postgres(t) = tuned {
            run.command.push("postgres".into());
            for s in t.settings() {
                run.command.push("-c".into());
                run.command.push(format!("{}={}", s.name, s.value));
            }
        }
        run
    }

    fn shm_needed(&self, cx: &Cx) -> Option<ShmNeed> {
        (cx.knob("max_parallel_workers_per_gather") > 0).then_some(ShmNeed {
            mib: POSTGRES_SHM_MIB,
            why_en: "PostgreSQL parallel queries",
            why_zh: "PostgreSQL 并行查询",
            severity: Severity::Info,
        })
    }

    fn accepts_connections(&self, cx: &Cx) -> Option<(u64, u64)> {
        let max = cx.knob("max_connections");
        Some((
            max.saturating_sub(SUPERUSER_RESERVED_CONNECTIONS),
            SUPERUSER_RESERVED_CONNECTIONS,
        ))
    }
}
