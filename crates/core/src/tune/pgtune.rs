//! PostgreSQL settings by PGTune's published formulas (le0pard/pgtune,
//! `configurationSlice.js`, as summarised in the peer-tools digest §c), applied
//! to the container's memory limit instead of the host's RAM.

use serde::Serialize;

use crate::model::units::Mib;
use crate::model::DiskType;

/// PGTune's database types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbType {
    Web,
    Oltp,
    Dw,
    Desktop,
    Mixed,
}

/// The settings PGTune derives, in KiB where PostgreSQL takes memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PgSettings {
    pub max_connections: u64,
    pub shared_buffers_kib: u64,
    pub effective_cache_size_kib: u64,
    pub maintenance_work_mem_kib: u64,
    pub work_mem_kib: u64,
    pub wal_buffers_kib: u64,
    pub min_wal_size_mib: u64,
    pub max_wal_size_mib: u64,
    pub default_statistics_target: u64,
    /// The worker count PGTune puts into work_mem: the CPUs when ≥ 4, else 8.
    /// Written to postgresql.conf only as part of `parallel`.
    pub max_worker_processes: u64,
    /// PGTune's parallel settings; `None` below 4 CPUs, where PGTune emits
    /// none and PostgreSQL's own defaults (workers per gather 2) stay.
    pub parallel: Option<PgParallel>,
    /// 0.9 (PGTune's fixed value).
    pub checkpoint_completion_target: &'static str,
    /// 1.1 on SSD, SAN and NVMe; 4 on HDD.
    pub random_page_cost: &'static str,
    /// HDD 2, SSD 200, SAN 300, NVMe 1000.
    pub effective_io_concurrency: u64,
    /// "try" when shared_buffers is 2 GB or more, else "off".
    pub huge_pages: &'static str,
}

/// The parallel settings PGTune emits with 4 or more CPUs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PgParallel {
    /// The CPUs.
    pub max_worker_processes: u64,
    /// ⌈CPUs / 2⌉, at most 4 except for dw.
    pub max_parallel_workers_per_gather: u64,
    /// The CPUs.
    pub max_parallel_workers: u64,
    /// ⌈CPUs / 2⌉, at most 4.
    pub max_parallel_maintenance_workers: u64,
}

/// PGTune for `ram_mib` of memory (the limit), `cpus` and `max_connections`.
///
/// Formulas: shared_buffers = RAM/4 (desktop RAM/16); effective_cache_size =
/// 3·RAM/4 (desktop RAM/4); maintenance_work_mem = RAM/16 (dw RAM/8), at most
/// 8 GB; work_mem = (RAM − shared_buffers) / ((max_connections +
/// max_worker_processes) × 3) / {web 1, oltp 1, dw 2, desktop 6, mixed 2},
/// at least 4 MB; wal_buffers = 3 % of shared_buffers, at most 16 MB (over
/// 14 MB rounds to 16 MB), at least 32 kB; max_worker_processes = CPUs when
/// ≥ 4, else 8. Parallel settings only with ≥ 4 CPUs (none below, as
/// PGTune): max_worker_processes = max_parallel_workers = CPUs, workers per
/// gather = ⌈CPUs/2⌉ capped at 4 (not dw), max_parallel_maintenance_workers =
/// ⌈CPUs/2⌉ capped at 4.
///
/// ```
/// use stackfit_core::model::DiskType;
/// use stackfit_core::tune::pgtune::{pgtune, DbType};
/// // S3: a 4 GiB limit on an 8-vCPU box, max_connections 150.
/// let s = pgtune(4096, 8, 150, DbType::Web, DiskType::Ssd);
/// assert_eq!(s.shared_buffers_kib, 1024 * 1024);
/// assert_eq!(s.effective_cache_size_kib, 3 * 1024 * 1024);
/// assert_eq!(s.maintenance_work_mem_kib, 256 * 1024);
/// assert_eq!(s.wal_buffers_kib, 16 * 1024);
/// ```
pub fn pgtune(
    ram_mib: Mib,
    cpus: u32,
    max_connections: u64,
    db: DbType,
    disk: DiskType,
) -> PgSettings {
    let ram_kib = ram_mib.saturating_mul(1024);
    let cpus = u64::from(cpus.max(1));
    let shared = if db == DbType::Desktop {
        ram_kib / 16
    } else {
        ram_kib / 4
    };
    let cache = if db == DbType::Desktop {
        ram_kib / 4
    } else {
        ram_kib.saturating_mul(3) / 4
    };
    let maint = if db == DbType::Dw {
        ram_kib / 8
    } else {
        ram_kib / 16
    }
    .min(8 * 1024 * 1024);
    let workers = if cpus >= 4 { cpus } else { 8 };
    let divisor = match db {
        DbType::Web | DbType::Oltp => 1,
        DbType::Dw | DbType::Mixed => 2,
        DbType::Desktop => 6,
    };
    let work = (ram_kib.saturating_sub(shared)
        / max_connections.saturating_add(workers).saturating_mul(3)
        / divisor)
        .max(4 * 1024);
    let mut wal = shared * 3 / 100;
    if wal > 14 * 1024 {
        wal = 16 * 1024;
    }
    let wal = wal.clamp(32, 16 * 1024);
    let (min_wal, max_wal) = match db {
        DbType::Web | DbType::Mixed => (1024, 4096),
        DbType::Oltp => (2048, 8192),
        DbType::Dw => (4096, 16384),
        DbType::Desktop => (100, 2048),
    };
    let parallel = (cpus >= 4).then(|| {
        let half = cpus.div_ceil(2);
        PgParallel {
            max_worker_processes: cpus,
            max_parallel_workers_per_gather: if db == DbType::Dw { half } else { half.min(4) },
            max_parallel_workers: cpus,
            max_parallel_maintenance_workers: half.min(4),
        }
    });
    PgSettings {
        max_connections,
        shared_buffers_kib: shared,
        effective_cache_size_kib: cache,
        maintenance_work_mem_kib: maint,
        work_mem_kib: work,
        wal_buffers_kib: wal,
        min_wal_size_mib: min_wal,
        max_wal_size_mib: max_wal,
        default_statistics_target: if db == DbType::Dw { 500 } else { 100 },
        max_worker_processes: workers,
        parallel,
        checkpoint_completion_target: "0.9",
        random_page_cost: if disk == DiskType::Hdd { "4" } else { "1.1" },
        effective_io_concurrency: match disk {
            DiskType::Hdd => 2,
            DiskType::Ssd => 200,
            DiskType::San => 300,
            DiskType::Nvme => 1000,
        },
        huge_pages: if shared >= 2 * 1024 * 1024 {
            "try"
        } else {
            "off"
        },
    }
}

/// "256MB", "1GB", "4MB", "16MB", "1536kB" — how postgresql.conf writes sizes.
pub fn pg_size(kib: u64) -> String {
    if kib.is_multiple_of(1024 * 1024) {
        format!("{}GB", kib / (1024 * 1024))
    } else if kib.is_multiple_of(1024) {
        format!("{}MB", kib / 1024)
    } else {
        format!("{kib}kB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// S1's 4 GB box gives PostgreSQL about 1 GiB: PGTune on that limit gives
    /// the report's shared_buffers and maintenance_work_mem.
    #[test]
    fn one_gib_limit_matches_the_s1_report() {
        let s = pgtune(1024, 2, 100, DbType::Web, DiskType::Ssd);
        assert_eq!(pg_size(s.shared_buffers_kib), "256MB");
        assert_eq!(pg_size(s.maintenance_work_mem_kib), "64MB");
        assert_eq!(pg_size(s.effective_cache_size_kib), "768MB");
        // (1024 − 256) MiB / ((100 + 8) × 3) = 2.4 MiB → the 4 MB floor.
        assert_eq!(pg_size(s.work_mem_kib), "4MB");
        assert_eq!(s.parallel, None);
    }

    /// PGTune emits no parallel settings below 4 CPUs; writing
    /// max_parallel_workers_per_gather = 0 there disabled PostgreSQL's default 2.
    #[test]
    fn no_parallel_settings_below_four_cpus() {
        for cpus in 1..4 {
            let s = pgtune(2048, cpus, 100, DbType::Web, DiskType::Ssd);
            assert_eq!(s.parallel, None, "{cpus} CPUs");
            assert_eq!(s.max_worker_processes, 8, "work_mem still counts 8");
        }
    }

    /// With ≥ 4 CPUs PGTune emits all four parallel settings.
    #[test]
    fn parallel_settings_at_four_cpus_and_more_follow_pgtune() {
        let p = pgtune(4096, 4, 100, DbType::Web, DiskType::Ssd)
            .parallel
            .unwrap();
        assert_eq!(
            p,
            PgParallel {
                max_worker_processes: 4,
                max_parallel_workers_per_gather: 2,
                max_parallel_workers: 4,
                max_parallel_maintenance_workers: 2,
            }
        );
        let p = pgtune(4096, 12, 100, DbType::Web, DiskType::Ssd)
            .parallel
            .unwrap();
        assert_eq!(p.max_parallel_workers_per_gather, 4);
        assert_eq!(p.max_parallel_workers, 12);
        assert_eq!(p.max_parallel_maintenance_workers, 4);
        let dw = pgtune(4096, 12, 100, DbType::Dw, DiskType::Ssd)
            .parallel
            .unwrap();
        assert_eq!(dw.max_parallel_workers_per_gather, 6);
        assert_eq!(dw.max_parallel_maintenance_workers, 4);
    }

    #[test]
    fn work_mem_follows_connections_and_type() {
        let web = pgtune(16 * 1024, 8, 50, DbType::Web, DiskType::Ssd);
        let mixed = pgtune(16 * 1024, 8, 50, DbType::Mixed, DiskType::Ssd);
        // (16384 − 4096) MiB × 1024 / (58 × 3) = 72319 kB.
        assert_eq!(web.work_mem_kib, 12288 * 1024 / 174);
        assert_eq!(mixed.work_mem_kib, web.work_mem_kib / 2);
        assert_eq!(web.parallel.unwrap().max_parallel_workers_per_gather, 4);
    }
}
