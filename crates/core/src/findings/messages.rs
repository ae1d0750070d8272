//! The zh and en text of each finding, built only from its numbers and subjects.

use super::{Finding, FindingKind};
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
            .enumerate()
            .map(|(i, s)| self.subjects_zh.get(i).unwrap_or(s))
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
    /// Figures under 1 GiB are always MiB; when a GiB figure would not add
    /// up with a MiB one, all three are MiB.
    pub(crate) fn sum3(&self, total: &str, part: &str, rest: &str) -> [String; 3] {
        let v = [total, part, rest].map(|n| self.num(n).max(0) as u64);
        let tenths = |m: u64| m.saturating_mul(10).saturating_add(512) / 1024;
        // Rounded to tenths of a GiB, "74 MiB: 1.4 GiB against 1.4 GiB"
        // would not add up; whenever one figure is shown in GiB, the three
        // must add up as shown (a figure under 1 GiB counts its tenths too).
        let any_gib = v.iter().any(|&m| m >= 1024);
        if any_gib && tenths(v[0]) != tenths(v[1]).saturating_add(tenths(v[2])) {
            v.map(|m| format!("{m} MiB"))
        } else {
            v.map(format_mib)
        }
    }

    /// ", max_connections 150 less 3 reserved for superusers" when some are reserved.
    fn reserved_en(&self) -> String {
        match self.num("superuser_reserved") {
            0 => format!(" (max_connections {})", self.num("max_connections")),
            r => format!(
                " (max_connections {} less {r} reserved for superusers)",
                self.num("max_connections")
            ),
        }
    }

    fn reserved_zh(&self) -> String {
        match self.num("superuser_reserved") {
            0 => format!("（max_connections 为 {}）", self.num("max_connections")),
            r => format!(
                "（max_connections {} 减去留给超级用户的 {r} 个）",
                self.num("max_connections")
            ),
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
            FindingKind::DbConnectionsOverMax if self.severity == crate::findings::Severity::Critical => format!(
                "{w}: at peak its clients hold about {} connections (processes × connections each: {}), more than the {} it accepts{}; if every pool filled, {}.",
                self.num("likely"), self.subjects_joined(), self.num("available"), self.reserved_en(), self.num("worst")
            ),
            FindingKind::DbConnectionsOverMax => format!(
                "{w}: at peak its clients hold about {} connections, within the {} it accepts{}; but if every pool filled they could open {} (processes × connections each: {}).",
                self.num("likely"), self.num("available"), self.reserved_en(), self.num("worst"), self.subjects_joined()
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
            FindingKind::BrokerEvicts => format!(
                "{w} is a queue broker ({}) with maxmemory-policy {}: when it is full it evicts keys, and queued tasks are lost.",
                self.subjects.iter().skip(1).cloned().collect::<Vec<_>>().join(", "), self.subjects.first().cloned().unwrap_or_default()
            ),
            FindingKind::TuningDiffers => format!(
                "{w}: for its {} limit, tuning gives {}; the plan's values are written as they are.",
                self.mib("limit_mib"), self.subjects_joined()
            ),
            FindingKind::MostlyAssumed => format!(
                "{} % of this server's estimate ({} of {}) is assumed, not sourced: measure {} with docker stats --no-stream and enter the figures.",
                self.num("assumed_pct"), self.mib("assumed_mib"), self.mib("expected_mib"), self.subjects_joined()
            ),
            FindingKind::TypicalNeedsSwap => format!(
                "Typical use {} exceeds the {} allocatable and fits only by running {} from swap: swap absorbs short peaks, not everyday use — the server would thrash.",
                self.mib("expected_mib"), self.mib("allocatable_mib"), self.mib("swapped_mib")
            ),
            FindingKind::PeakUsesSwap => format!(
                "Peaks reach {} against {} allocatable; {} of swap absorbs the {} over, slowly.",
                self.mib("peak_mib"), self.mib("allocatable_mib"), self.mib("swap_mib"), self.mib("over_mib")
            ),
            FindingKind::LoadNeedsConcurrency if self.num("needed") > self.num("plan") => format!(
                "{w}: its load needs {} {} ({} in flight at peak × 1.25); the plan has {}, so at peak work waits in the queue: set it to {}, as the load needs.",
                self.subjects.first().cloned().unwrap_or_default(), self.num("needed"), self.subjects.get(1).cloned().unwrap_or_default(), self.num("plan"), self.num("needed")
            ),
            FindingKind::LoadNeedsConcurrency => format!(
                "{w}: its load needs only {} {} ({} in flight at peak × 1.25); the plan's {} hold {} more memory than the load uses.",
                self.subjects.first().cloned().unwrap_or_default(), self.num("needed"), self.subjects.get(1).cloned().unwrap_or_default(), self.num("plan"), self.mib("spare_mib")
            ),
            FindingKind::NoServers => "This option has no servers yet: its ¥0 and its verdict describe nothing. Add a server.".to_string(),
            FindingKind::HostPortClash => format!(
                "{w} publishes host port {}, which {} on this server publishes too: Docker would start {} and refuse {w} (\"port is already allocated\"). Publish one of them on another host port, or move one to another server.",
                self.subjects.get(1).cloned().unwrap_or_default(), self.subjects.first().cloned().unwrap_or_default(), self.subjects.first().cloned().unwrap_or_default()
            ),
        }
    }

    pub fn message_zh(&self) -> String {
        let w = self.what();
        match self.kind {
            FindingKind::DoesNotFit => format!(
                "放不下，还差 {}：平时占用 {}，而可分配内存只有 {}。占用最多的是：{}。",
                self.short_en()[2], self.short_en()[0], self.short_en()[1], self.subjects_joined_zh()
            ),
            FindingKind::PeakOomRisk => format!(
                "峰值可达 {}，超出可分配内存 {}（多出 {}），会触发 OOM Killer 杀掉容器。峰值来自：{}。",
                self.sum3("peak_mib", "allocatable_mib", "over_mib")[0], self.sum3("peak_mib", "allocatable_mib", "over_mib")[1], self.sum3("peak_mib", "allocatable_mib", "over_mib")[2], self.subjects_joined_zh()
            ),
            FindingKind::LimitsOvercommitted => format!(
                "各容器的内存上限合计 {}，比可分配内存 {} 多出 {}：容器内存上限起不到保护宿主机的作用。",
                self.sum3("limits_mib", "allocatable_mib", "over_mib")[0], self.sum3("limits_mib", "allocatable_mib", "over_mib")[1], self.sum3("limits_mib", "allocatable_mib", "over_mib")[2]
            ),
            FindingKind::LowHeadroom => format!(
                "峰值时只剩 {}（{}%）空闲，低于 {}% 的余量目标。",
                self.mib("headroom_mib"), self.num("headroom_pct"), self.num("target_pct")
            ),
            FindingKind::SelfSizingNoLimit => format!(
                "{w} 没有设内存上限，会按宿主机的 {} 自行确定内存用量：{}%，即 {}。请设置上限（建议 {}）。",
                self.mib("host_mib"), self.num("percent"), self.mib("sized_mib"), self.mib("suggested_limit_mib")
            ),
            FindingKind::EsHeapOverHalf => format!(
                "{w}：堆内存 {} 超过了容器上限 {} 的一半，Lucene 要靠其余内存做堆外内存和文件缓存。建议把堆设为 {}。",
                self.mib("heap_mib"), self.mib("limit_mib"), self.mib("suggested_heap_mib")
            ),
            FindingKind::RedisMaxmemoryNearLimit => match self.num("maxmemory_mib") {
                0 => format!("{w}：容器上限是 {}，却没有设置 maxmemory，Redis 会一直增长，直到触发 OOM Killer 被杀掉。建议设为 {}。", self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")),
                _ if self.num("persistence") > 0 => format!(
                    "{w}：maxmemory {} 离容器上限 {} 太近，没有给持久化时的 fork 留出余量：保存期间被改写的内存页会因写时复制多占一份。建议设为 {}。",
                    self.mib("maxmemory_mib"), self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")
                ),
                _ => format!(
                    "{w}：maxmemory {} 离容器上限 {} 太近，没有给内存碎片和缓冲区留出余量。建议设为 {}。",
                    self.mib("maxmemory_mib"), self.mib("limit_mib"), self.mib("suggested_maxmemory_mib")
                ),
            },
            FindingKind::RedisForkHeadroom => format!(
                "{w}：持久化时会 fork 子进程，写时复制可能让内存涨到 {}，超过容器上限 {}。",
                self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::ShmTooSmall => format!(
                "{w}：/dev/shm 只有 {}，{}至少需要 {}。",
                self.mib("shm_mib"), self.subjects_joined_zh(), self.mib("needed_mib")
            ),
            FindingKind::CeleryConcurrencyDefault if self.num("gevent") > 0 => format!(
                "{w}：没有设置并发数（--concurrency），gevent 池只会按宿主机的 CPU 数（{}）开协程，对 I/O 密集型任务来说远远不够。请显式设置（建议 {}）。",
                self.num("host_cpus"), self.num("suggested")
            ),
            FindingKind::CeleryConcurrencyDefault => format!(
                "{w}：没有设置并发数（--concurrency），Celery 会按宿主机的 CPU 数（{}）启动子进程。请显式设置（建议 {}）。",
                self.num("host_cpus"), self.num("suggested")
            ),
            FindingKind::CpuOversubscribed => format!(
                "预计 CPU 用量 {} 核，超过了服务器的 {} 个 vCPU：任务会排队，整体变慢，CPU 是这台服务器的瓶颈。",
                format_cpus(self.num("cpu_millicores").max(0) as u64), self.num("vcpu")
            ),
            FindingKind::BurstableSustained => format!(
                "这是突发性能实例：持续 CPU 用量 {} 核，高于 {} 核的基准性能，CPU 积分耗尽后会被降频。",
                format_cpus(self.num("cpu_millicores").max(0) as u64), format_cpus(self.num("baseline_millicores").max(0) as u64)
            ),
            FindingKind::DbConnectionsOverMax if self.severity == crate::findings::Severity::Critical => format!(
                "{w}：高峰时客户端大约占用 {} 个连接（进程数 × 每个进程的连接数：{}），超过了它能接受的 {} 个{}；如果所有连接池都占满，会达到 {} 个。",
                self.num("likely"), self.subjects_joined_zh(), self.num("available"), self.reserved_zh(), self.num("worst")
            ),
            FindingKind::DbConnectionsOverMax => format!(
                "{w}：高峰时客户端大约占用 {} 个连接，在它能接受的 {} 个以内{}；但如果所有连接池都占满，可能打开 {} 个（进程数 × 每个进程的连接数：{}）。",
                self.num("likely"), self.num("available"), self.reserved_zh(), self.num("worst"), self.subjects_joined_zh()
            ),
            FindingKind::CrossServerDependency => format!(
                "{w} 要访问另一台服务器上的 {}：需要内网互通，会多一段网络延迟，还要在安全组或防火墙里放行。",
                self.subjects_joined_zh()
            ),
            FindingKind::TierSpecMismatch => format!(
                "名称里写的是 {}，但所选规格实际是 {}。",
                self.subjects.first().cloned().unwrap_or_default(), self.subjects.get(1).cloned().unwrap_or_default()
            ),
            FindingKind::UnknownTier => format!("规格目录里没有 {}，也没有填写配置（vCPU 与内存）。", self.subjects_joined_zh()),
            FindingKind::LimitBelowExpected => format!(
                "{w}：内存上限 {} 低于平时占用 {}，会触发 OOM Killer 被杀掉。",
                self.mib("limit_mib"), self.mib("expected_mib")
            ),
            FindingKind::PeakOverLimit => format!(
                "{w}：峰值 {} 超过内存上限 {}，一到峰值就会触发 OOM Killer 被杀掉。",
                self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::BrowserPeak => format!(
                "{w}：无头 Chromium 在峰值时多占 {}（{} 个浏览器），容器峰值达到 {}（上限 {}）。",
                self.mib("browser_mib"), self.num("browsers"), self.mib("peak_mib"), self.mib("limit_mib")
            ),
            FindingKind::PriceUnknown => "目录里没有这个规格的价格，请填写你实际支付的价格。".to_string(),
            FindingKind::BrokerEvicts => format!(
                "{w} 是 {} 的消息队列（broker），淘汰策略却是 {}：内存写满时会淘汰键，排队中的任务会丢失。",
                self.subjects.iter().skip(1).cloned().collect::<Vec<_>>().join("、"), self.subjects.first().cloned().unwrap_or_default()
            ),
            FindingKind::TuningDiffers => format!(
                "{w}：按 {} 的内存上限调优，建议调整为 {}；导出时仍写入方案中的取值。",
                self.mib("limit_mib"), self.subjects_joined_zh()
            ),
            FindingKind::MostlyAssumed => format!(
                "这台服务器的内存估算中有 {}%（{} / {}）是假设值，没有数据来源：请用 docker stats --no-stream 实测 {}，再填入实测值。",
                self.num("assumed_pct"), self.mib("assumed_mib"), self.mib("expected_mib"), self.subjects_joined_zh()
            ),
            FindingKind::TypicalNeedsSwap => format!(
                "平时占用 {} 超过了可分配内存 {}，要把 {} 放进交换空间（swap）才放得下：swap 只能吸收短时峰值，扛不住日常占用，否则会频繁换页，系统卡死。",
                self.mib("expected_mib"), self.mib("allocatable_mib"), self.mib("swapped_mib")
            ),
            FindingKind::PeakUsesSwap => format!(
                "峰值可达 {}，可分配内存只有 {}；超出的 {} 要靠 {} 的交换空间（swap）吸收，届时会明显变慢。",
                self.mib("peak_mib"), self.mib("allocatable_mib"), self.mib("over_mib"), self.mib("swap_mib")
            ),
            FindingKind::LoadNeedsConcurrency if self.num("needed") > self.num("plan") => format!(
                "{w}：按它的负载需要 {} {}（峰值同时在处理 {} 个 × 1.25）；方案是 {}，峰值时任务会在队列里等待：按负载所需改为 {}。",
                self.subjects_zh.first().or(self.subjects.first()).cloned().unwrap_or_default(), self.num("needed"), self.subjects.get(1).cloned().unwrap_or_default(), self.num("plan"), self.num("needed")
            ),
            FindingKind::LoadNeedsConcurrency => format!(
                "{w}：按它的负载只需要 {} {}（峰值同时在处理 {} 个 × 1.25）；方案的 {} 比负载所需多占 {} 内存。",
                self.subjects_zh.first().or(self.subjects.first()).cloned().unwrap_or_default(), self.num("needed"), self.subjects.get(1).cloned().unwrap_or_default(), self.num("plan"), self.mib("spare_mib")
            ),
            FindingKind::NoServers => "这个选项还没有服务器：显示的 ¥0 和结论都说明不了什么。请添加服务器。".to_string(),
            FindingKind::HostPortClash => format!(
                "{w} 发布的主机端口 {} 已被本服务器上的 {} 占用：Docker 会先启动 {}，{w} 则因端口被占用而起不来。请把其中一个改到别的主机端口，或移到另一台服务器。",
                self.subjects.get(1).cloned().unwrap_or_default(), self.subjects.first().cloned().unwrap_or_default(), self.subjects.first().cloned().unwrap_or_default()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Severity;

    fn short(expected: u64, allocatable: u64) -> Finding {
        Finding::new(FindingKind::DoesNotFit, Severity::Critical, "a")
            .n("expected_mib", expected)
            .n("allocatable_mib", allocatable)
            .n("shortfall_mib", expected - allocatable)
    }

    /// A small shortfall between two figures that round to the same GiB is
    /// told in MiB, so the sentence adds up.
    #[test]
    fn the_figures_of_a_shortfall_add_up_as_shown() {
        let m = short(1470, 1396).message_en();
        assert!(
            m.starts_with(
                "Does not fit by 74 MiB: typical use 1470 MiB against 1396 MiB allocatable"
            ),
            "{m}"
        );
        // Figures that add up in GiB stay in GiB.
        let m = short(3584, 2560).message_en();
        assert!(
            m.starts_with("Does not fit by 1 GiB: typical use 3.5 GiB against 2.5 GiB"),
            "{m}"
        );
        let m = short(2560, 2048).message_en();
        assert!(
            m.starts_with("Does not fit by 512 MiB: typical use 2.5 GiB against 2 GiB"),
            "{m}"
        );
        // Under 1 GiB, MiB as ever.
        let m = short(900, 800).message_en();
        assert!(
            m.starts_with("Does not fit by 100 MiB: typical use 900 MiB against 800 MiB"),
            "{m}"
        );
    }
}
