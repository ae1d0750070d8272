//! The zh and en text of each finding, built only from its numbers and subjects.

use super::findings::{Finding, FindingKind};
use crate::model::units::{format_cpus, format_mib};

impl Finding {
    pub(crate) fn mib(&self, name: &str) -> String {
        format_mib(self.num(name).max(0) as u64)
    }

    pub(crate) fn what(&self) -> String {
        self.placement
            .clone()
            .unwrap_or_else(|| self.server.clone())
    }

    pub(crate) fn subjects_joined(&self) -> String {
        self.subjects.join(", ")
    }

    /// The subjects in Chinese: the few English subjects translated, joined with "、".
    pub(crate) fn subjects_joined_zh(&self) -> String {
        self.subjects
            .iter()
            .map(|s| match s.as_str() {
                "Chromium" => "无头 Chromium 浏览器",
                "PostgreSQL parallel queries" => "PostgreSQL 并行查询",
                other => other,
            })
            .collect::<Vec<_>>()
            .join("、")
    }

    /// `total`, `part` and `rest` (total = part + rest) formatted so that the
    /// shown numbers add up: rounded GiB when they do, else all in MiB.
    /// Figures under 1 GiB are always MiB.
    pub(crate) fn sum3(&self, total: &str, part: &str, rest: &str) -> [String; 3] {
        let v = [total, part, rest].map(|n| self.num(n).max(0) as u64);
        let tenths = |m: u64| (m.saturating_mul(10) + 512) / 1024;
        let all_gib = v.iter().all(|&m| m >= 1024);
        if all_gib && tenths(v[0]) != tenths(v[1]) + tenths(v[2]) {
            v.map(|m| format!("{m} MiB"))
        } else {
            v.map(format_mib)
        }
    }

    /// expected, allocatable, shortfall of a does-not-fit finding.
    fn short_en(&self) -> [String; 3] {
        self.sum3("expected_mib", "allocatable_mib", "shortfall_mib")
    }

    pub fn message_en(&self) -> String {
        let w = self.what();
        match self.kind {
            FindingKind::DoesNotFit => format!(
                "Does not fit by {}: typical use {} against {} allocatable. Largest: {}.",
                self.short_en()[2], self.short_en()[0], self.short_en()[1], self.subjects_joined()
            ),
            FindingKind::PeakOomRisk => format!(
                "Peaks reach {} against {} allocatable ({} over): the kernel will OOM-kill a container. Peaks come from: {}.",
                self.sum3("peak_mib", "allocatable_mib", "over_mib")[0], self.sum3("peak_mib", "allocatable_mib", "over_mib")[1], self.sum3("peak_mib", "allocatable_mib", "over_mib")[2], self.subjects_joined()
            ),
            FindingKind::LimitsOvercommitted => format!(
                "Memory limits add up to {}, {} more than the {} allocatable: limits do not protect the host.",
                self.sum3("limits_mib", "allocatable_mib", "over_mib")[0], self.sum3("limits_mib", "allocatable_mib", "over_mib")[2], self.sum3("limits_mib", "allocatable_mib", "over_mib")[1]
            ),
            FindingKind::LowHeadroom => format!(
                "Only {} ({} %) free at peak; the target is {} %.",
                self.mib("headroom_mib"), self.num("headroom_pct"), self.num("target_pct")
            ),
            FindingKind::SelfSizingNoLimit => format!(
                "{w} has no memory limit and sizes itself from the host's {}: {} % → {}. Set a limit ({}).",
                self.mib("host_mib"), self.num("percent"), self.mib("sized_mib"), self.mib("suggested_limit_mib")
            ),
            FindingKind::EsHeapOverHalf => format!(
                "{w}: heap {} is over half its {} limit; Lucene needs the rest for off-heap and file cache. Use {}.",
                self.mib("heap_mib"), self.mib("limit_mib"), self.mib("suggested_heap_mib")
            ),
            FindingKind::RedisMaxmemoryNearLimit => match self.num("maxmemory_mib") {
                0 => format!("{w}: no maxmemory under a {} limit — Redis grows until the container is killed. Use {}.", self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")),
                _ if self.num("persistence") > 0 => format!(
                    "{w}: maxmemory {} leaves too little of the {} limit for a persistence fork: copy-on-write duplicates the pages written while it saves. Use {}.",
                    self.mib("maxmemory_mib"), self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")
                ),
                _ => format!(
                    "{w}: maxmemory {} leaves too little of the {} limit for fragmentation and buffers. Use {}.",
                    self.mib("maxmemory_mib"), self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")
                ),
            },
            FindingKind::RedisForkHeadroom => format!(
                "{w}: persistence forks Redis; copy-on-write can take it to {}, over its {} limit.",
                self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::ShmTooSmall => format!(
                "{w}: /dev/shm is {}; it needs at least {} ({}).",
                self.mib("shm_mib"), self.mib("needed_mib"), self.subjects_joined()
            ),
            FindingKind::CeleryConcurrencyDefault if self.num("gevent") > 0 => format!(
                "{w}: concurrency is not set, so the gevent pool runs only as many greenlets as the host has CPUs ({}), far fewer than an I/O-bound pool is for. Set it explicitly ({}).",
                self.num("host_cpus"), self.num("suggested")
            ),
            FindingKind::CeleryConcurrencyDefault => format!(
                "{w}: concurrency is not set, so Celery starts one child per host CPU ({}). Set it explicitly ({}).",
                self.num("host_cpus"), self.num("suggested")
            ),
            FindingKind::CpuOversubscribed => format!(
                "Expected CPU use of {} cores exceeds the {} vCPUs: work queues up and everything slows down, so CPU is what limits this server.",
                format_cpus(self.num("cpu_millicores").max(0) as u64), self.num("vcpu")
            ),
            FindingKind::BurstableSustained => format!(
                "Burstable tier: sustained CPU {} is above the {} baseline; credits will run out and the server will slow down.",
                format_cpus(self.num("cpu_millicores").max(0) as u64), format_cpus(self.num("baseline_millicores").max(0) as u64)
            ),
            FindingKind::DbConnectionsOverMax if self.num("superuser_reserved") == 0 => format!(
                "{w}: connection pools add up to {} (one pool per process on every server: {}), but max_connections is {}.",
                self.num("pools_total"), self.subjects_joined(), self.num("max_connections")
            ),
            FindingKind::DbConnectionsOverMax => format!(
                "{w}: connection pools add up to {} (one pool per process on every server: {}), but max_connections is {} and {} of them are reserved for superusers, leaving {}.",
                self.num("pools_total"), self.subjects_joined(), self.num("max_connections"), self.num("superuser_reserved"), self.num("available")
            ),
            FindingKind::CrossServerDependency => format!(
                "{w} reaches {} on another server: it needs the private network, its latency and a firewall rule.",
                self.subjects_joined()
            ),
            FindingKind::TierSpecMismatch => format!(
                "The label says {} but the tier is really {}.",
                self.subjects.first().cloned().unwrap_or_default(), self.subjects.get(1).cloned().unwrap_or_default()
            ),
            FindingKind::UnknownTier => format!("Tier {} is not in the catalog and no spec is given.", self.subjects_joined()),
            FindingKind::LimitBelowExpected => format!(
                "{w}: its {} limit is below its typical use of {}; it will be OOM-killed.",
                self.mib("limit_mib"), self.mib("expected_mib")
            ),
            FindingKind::PeakOverLimit => format!(
                "{w}: peaks at {}, over its {} limit; it will be OOM-killed at peak.",
                self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::BrowserPeak => format!(
                "{w}: headless Chromium adds {} at peak (browsers: {}); the container peaks at {} of its {} limit.",
                self.mib("browser_mib"), self.num("browsers"), self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::PriceUnknown => "No price is known for this tier; enter the price you pay.".to_string(),
            FindingKind::NoServers => "This option has no servers yet: its ¥0 and its verdict describe nothing. Add a server.".to_string(),
        }
    }

    pub fn message_zh(&self) -> String {
        let w = self.what();
        match self.kind {
            FindingKind::DoesNotFit => format!(
                "放不下，缺 {}：常态占用 {}，可分配 {}。占用最多的：{}。",
                self.short_en()[2], self.short_en()[0], self.short_en()[1], self.subjects_joined_zh()
            ),
            FindingKind::PeakOomRisk => format!(
                "峰值可达 {}，超出可分配的 {}（多 {}），内核会 OOM 杀掉容器。峰值来自：{}。",
                self.sum3("peak_mib", "allocatable_mib", "over_mib")[0], self.sum3("peak_mib", "allocatable_mib", "over_mib")[1], self.sum3("peak_mib", "allocatable_mib", "over_mib")[2], self.subjects_joined_zh()
            ),
            FindingKind::LimitsOvercommitted => format!(
                "内存上限合计 {}，比可分配的 {} 多 {}，上限保护不了主机。",
                self.sum3("limits_mib", "allocatable_mib", "over_mib")[0], self.sum3("limits_mib", "allocatable_mib", "over_mib")[1], self.sum3("limits_mib", "allocatable_mib", "over_mib")[2]
            ),
            FindingKind::LowHeadroom => format!(
                "峰值时只剩 {}（{} %），目标是 {} %。",
                self.mib("headroom_mib"), self.num("headroom_pct"), self.num("target_pct")
            ),
            FindingKind::SelfSizingNoLimit => format!(
                "{w} 没有内存上限，会按主机的 {} 自行分配：{} % → {}。请设置上限（{}）。",
                self.mib("host_mib"), self.num("percent"), self.mib("sized_mib"), self.mib("suggested_limit_mib")
            ),
            FindingKind::EsHeapOverHalf => format!(
                "{w}：堆 {} 超过上限 {} 的一半，Lucene 需要其余内存做堆外和文件缓存。建议 {}。",
                self.mib("heap_mib"), self.mib("limit_mib"), self.mib("suggested_heap_mib")
            ),
            FindingKind::RedisMaxmemoryNearLimit => match self.num("maxmemory_mib") {
                0 => format!("{w}：上限 {} 下未设 maxmemory，Redis 会一直增长直到容器被杀。建议 {}。", self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")),
                _ if self.num("persistence") > 0 => format!(
                    "{w}：maxmemory {} 离上限 {} 太近，没给持久化 fork 留余量：保存期间被写的页会因写时复制而多占一份。建议 {}。",
                    self.mib("maxmemory_mib"), self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")
                ),
                _ => format!(
                    "{w}：maxmemory {} 离上限 {} 太近，没给碎片和缓冲留余量。建议 {}。",
                    self.mib("maxmemory_mib"), self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")
                ),
            },
            FindingKind::RedisForkHeadroom => format!(
                "{w}：持久化会 fork，写时复制可让内存到 {}，超过上限 {}。",
                self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::ShmTooSmall => format!(
                "{w}：/dev/shm 只有 {}，至少需要 {}（{}）。",
                self.mib("shm_mib"), self.mib("needed_mib"), self.subjects_joined_zh()
            ),
            FindingKind::CeleryConcurrencyDefault if self.num("gevent") > 0 => format!(
                "{w}：未设置并发数，gevent 池只会按主机 CPU 数（{}）运行协程，远少于 I/O 密集的池应有的数量。请显式设置（{}）。",
                self.num("host_cpus"), self.num("suggested")
            ),
            FindingKind::CeleryConcurrencyDefault => format!(
                "{w}：未设置并发数，Celery 会按主机 CPU 数（{}）启动子进程。请显式设置（{}）。",
                self.num("host_cpus"), self.num("suggested")
            ),
            FindingKind::CpuOversubscribed => format!(
                "预计 CPU {} 核，超过 {} 个 vCPU：任务会排队、整体变慢，CPU 是这台服务器的瓶颈。",
                format_cpus(self.num("cpu_millicores").max(0) as u64), self.num("vcpu")
            ),
            FindingKind::BurstableSustained => format!(
                "突发性能实例：持续 CPU {} 核高于基准 {} 核，积分耗尽后会降速。",
                format_cpus(self.num("cpu_millicores").max(0) as u64), format_cpus(self.num("baseline_millicores").max(0) as u64)
            ),
            FindingKind::DbConnectionsOverMax if self.num("superuser_reserved") == 0 => format!(
                "{w}：连接池合计 {}（每个进程一个池，跨所有服务器：{}），但 max_connections 只有 {}。",
                self.num("pools_total"), self.subjects_joined_zh(), self.num("max_connections")
            ),
            FindingKind::DbConnectionsOverMax => format!(
                "{w}：连接池合计 {}（每个进程一个池，跨所有服务器：{}），但 max_connections 只有 {}，其中 {} 个留给超级用户，只剩 {}。",
                self.num("pools_total"), self.subjects_joined_zh(), self.num("max_connections"), self.num("superuser_reserved"), self.num("available")
            ),
            FindingKind::CrossServerDependency => format!(
                "{w} 要访问另一台服务器上的 {}：需要内网互通、承受网络延迟并配置防火墙规则。",
                self.subjects_joined_zh()
            ),
            FindingKind::TierSpecMismatch => format!(
                "标注为 {}，但该规格实际是 {}。",
                self.subjects.first().cloned().unwrap_or_default(), self.subjects.get(1).cloned().unwrap_or_default()
            ),
            FindingKind::UnknownTier => format!("规格 {} 不在目录中，也没有给出配置。", self.subjects_joined_zh()),
            FindingKind::LimitBelowExpected => format!(
                "{w}：上限 {} 低于常态占用 {}，会被 OOM 杀掉。",
                self.mib("limit_mib"), self.mib("expected_mib")
            ),
            FindingKind::PeakOverLimit => format!(
                "{w}：峰值 {} 超过上限 {}，峰值时会被 OOM 杀掉。",
                self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::BrowserPeak => format!(
                "{w}：无头 Chromium 峰值增加 {}（{} 个浏览器），容器峰值 {}，上限 {}。",
                self.mib("browser_mib"), self.num("browsers"), self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::PriceUnknown => "该规格没有已知价格，请填写实际价格。".to_string(),
            FindingKind::NoServers => "该方案还没有服务器：¥0 和结论都没有意义。请添加服务器。".to_string(),
        }
    }
}
