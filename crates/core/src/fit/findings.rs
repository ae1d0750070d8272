//! Findings: a stable id, a severity, the numbers behind it, zh and en text
//! built from those numbers, and a fix expressed as an [`Action`] where one exists.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::model::units::{format_cpus, format_fen, format_mib, Fen};
use crate::model::Action;

/// What was found. `id()` gives the stable kebab-case id used in JSON and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    DoesNotFit,
    PeakOomRisk,
    LimitsOvercommitted,
    LowHeadroom,
    SelfSizingNoLimit,
    EsHeapOverHalf,
    RedisMaxmemoryNearLimit,
    RedisForkHeadroom,
    ShmTooSmall,
    CeleryConcurrencyDefault,
    CpuOversubscribed,
    BurstableSustained,
    DbConnectionsOverMax,
    CrossServerDependency,
    TierSpecMismatch,
    UnknownTier,
    LimitBelowExpected,
    PeakOverLimit,
    BrowserPeak,
    PriceUnknown,
}

impl FindingKind {
    pub fn id(self) -> &'static str {
        match self {
            FindingKind::DoesNotFit => "does-not-fit",
            FindingKind::PeakOomRisk => "peak-oom-risk",
            FindingKind::LimitsOvercommitted => "limits-overcommitted",
            FindingKind::LowHeadroom => "low-headroom",
            FindingKind::SelfSizingNoLimit => "self-sizing-no-limit",
            FindingKind::EsHeapOverHalf => "es-heap-over-half",
            FindingKind::RedisMaxmemoryNearLimit => "redis-maxmemory-near-limit",
            FindingKind::RedisForkHeadroom => "redis-fork-headroom",
            FindingKind::ShmTooSmall => "shm-too-small",
            FindingKind::CeleryConcurrencyDefault => "celery-concurrency-default",
            FindingKind::CpuOversubscribed => "cpu-oversubscribed",
            FindingKind::BurstableSustained => "burstable-sustained",
            FindingKind::DbConnectionsOverMax => "db-connections-over-max",
            FindingKind::CrossServerDependency => "cross-server-dependency",
            FindingKind::TierSpecMismatch => "tier-spec-mismatch",
            FindingKind::UnknownTier => "unknown-tier",
            FindingKind::LimitBelowExpected => "limit-below-expected",
            FindingKind::PeakOverLimit => "peak-over-limit",
            FindingKind::BrowserPeak => "browser-peak",
            FindingKind::PriceUnknown => "price-unknown",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

/// The interface languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Zh,
}

/// One number behind a finding, named with its unit (e.g. "shortfall_mib").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Number {
    pub name: &'static str,
    pub value: i64,
}

/// A concrete change that addresses a finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub action: Action,
    pub label_en: String,
    pub label_zh: String,
    /// Monthly cost change if known (an upgrade's price delta).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_delta_fen: Option<Fen>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// The server id it concerns.
    pub server: String,
    /// The placement id it concerns, if one.
    pub placement: Option<String>,
    /// Names it refers to (the placements that cause it, the other server, …).
    pub subjects: Vec<String>,
    pub numbers: Vec<Number>,
    pub fix: Option<Fix>,
    /// Other fixes (e.g. moving a service instead of upgrading).
    pub alternatives: Vec<Fix>,
}

impl Finding {
    pub fn new(kind: FindingKind, severity: Severity, server: &str) -> Self {
        Finding {
            kind,
            severity,
            server: server.to_string(),
            placement: None,
            subjects: Vec::new(),
            numbers: Vec::new(),
            fix: None,
            alternatives: Vec::new(),
        }
    }

    pub fn at(mut self, placement: &str) -> Self {
        self.placement = Some(placement.to_string());
        self
    }

    pub fn n(mut self, name: &'static str, value: impl TryInto<i64>) -> Self {
        self.numbers.push(Number {
            name,
            value: value.try_into().unwrap_or(i64::MAX),
        });
        self
    }

    pub fn subject(mut self, s: impl Into<String>) -> Self {
        self.subjects.push(s.into());
        self
    }

    pub fn fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    /// The stable id, e.g. "does-not-fit".
    pub fn id(&self) -> &'static str {
        self.kind.id()
    }

    /// A number by name, 0 if absent.
    pub fn num(&self, name: &str) -> i64 {
        self.numbers
            .iter()
            .find(|n| n.name == name)
            .map_or(0, |n| n.value)
    }

    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.message_en(),
            Lang::Zh => self.message_zh(),
        }
    }

    fn mib(&self, name: &str) -> String {
        format_mib(self.num(name).max(0) as u64)
    }

    fn what(&self) -> String {
        self.placement
            .clone()
            .unwrap_or_else(|| self.server.clone())
    }

    fn subjects_joined(&self) -> String {
        self.subjects.join(", ")
    }

    pub fn message_en(&self) -> String {
        let w = self.what();
        match self.kind {
            FindingKind::DoesNotFit => format!(
                "Does not fit by {}: typical use {} against {} allocatable. Largest: {}.",
                self.mib("shortfall_mib"), self.mib("expected_mib"), self.mib("allocatable_mib"), self.subjects_joined()
            ),
            FindingKind::PeakOomRisk => format!(
                "Peaks reach {} against {} allocatable ({} over): the kernel will OOM-kill a container. Peaks come from: {}.",
                self.mib("peak_mib"), self.mib("allocatable_mib"), self.mib("over_mib"), self.subjects_joined()
            ),
            FindingKind::LimitsOvercommitted => format!(
                "Memory limits add up to {}, {} more than the {} allocatable: limits do not protect the host.",
                self.mib("limits_mib"), self.mib("over_mib"), self.mib("allocatable_mib")
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
            FindingKind::CeleryConcurrencyDefault => format!(
                "{w}: concurrency is not set, so Celery starts one child per host CPU ({}). Set it explicitly ({}).",
                self.num("host_cpus"), self.num("suggested")
            ),
            FindingKind::CpuOversubscribed => format!(
                "Expected CPU {} exceeds the {} vCPUs.",
                format_cpus(self.num("cpu_millicores").max(0) as u64), self.num("vcpu")
            ),
            FindingKind::BurstableSustained => format!(
                "Burstable tier: sustained CPU {} is above the {} baseline; credits will run out and the server will slow down.",
                format_cpus(self.num("cpu_millicores").max(0) as u64), format_cpus(self.num("baseline_millicores").max(0) as u64)
            ),
            FindingKind::DbConnectionsOverMax => format!(
                "{w}: connection pools add up to {} (one pool per process on every server: {}), but max_connections is {}.",
                self.num("pools_total"), self.subjects_joined(), self.num("max_connections")
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
        }
    }

    pub fn message_zh(&self) -> String {
        let w = self.what();
        match self.kind {
            FindingKind::DoesNotFit => format!(
                "放不下，缺 {}：常态占用 {}，可分配 {}。占用最多的：{}。",
                self.mib("shortfall_mib"), self.mib("expected_mib"), self.mib("allocatable_mib"), self.subjects_joined()
            ),
            FindingKind::PeakOomRisk => format!(
                "峰值可达 {}，超出可分配的 {}（多 {}），内核会 OOM 杀掉容器。峰值来自：{}。",
                self.mib("peak_mib"), self.mib("allocatable_mib"), self.mib("over_mib"), self.subjects_joined()
            ),
            FindingKind::LimitsOvercommitted => format!(
                "内存上限合计 {}，比可分配的 {} 多 {}，上限保护不了主机。",
                self.mib("limits_mib"), self.mib("allocatable_mib"), self.mib("over_mib")
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
                self.mib("shm_mib"), self.mib("needed_mib"), self.subjects_joined()
            ),
            FindingKind::CeleryConcurrencyDefault => format!(
                "{w}：未设置并发数，Celery 会按主机 CPU 数（{}）启动子进程。请显式设置（{}）。",
                self.num("host_cpus"), self.num("suggested")
            ),
            FindingKind::CpuOversubscribed => format!(
                "预计 CPU {} 核，超过 {} 个 vCPU。",
                format_cpus(self.num("cpu_millicores").max(0) as u64), self.num("vcpu")
            ),
            FindingKind::BurstableSustained => format!(
                "突发性能实例：持续 CPU {} 核高于基准 {} 核，积分耗尽后会降速。",
                format_cpus(self.num("cpu_millicores").max(0) as u64), format_cpus(self.num("baseline_millicores").max(0) as u64)
            ),
            FindingKind::DbConnectionsOverMax => format!(
                "{w}：连接池合计 {}（每个进程一个池，跨所有服务器：{}），但 max_connections 只有 {}。",
                self.num("pools_total"), self.subjects_joined(), self.num("max_connections")
            ),
            FindingKind::CrossServerDependency => format!(
                "{w} 要访问另一台服务器上的 {}：需要内网互通、承受网络延迟并配置防火墙规则。",
                self.subjects_joined()
            ),
            FindingKind::TierSpecMismatch => format!(
                "标注为 {}，但该规格实际是 {}。",
                self.subjects.first().cloned().unwrap_or_default(), self.subjects.get(1).cloned().unwrap_or_default()
            ),
            FindingKind::UnknownTier => format!("规格 {} 不在目录中，也没有给出配置。", self.subjects_joined()),
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
        }
    }
}

impl Fix {
    pub fn new(action: Action, label_en: String, label_zh: String) -> Self {
        Fix {
            action,
            label_en,
            label_zh,
            monthly_delta_fen: None,
        }
    }

    /// "+¥45.00/month" style suffix when the delta is known.
    pub fn delta_text(&self) -> String {
        match self.monthly_delta_fen {
            Some(d) if d >= 0 => format!("+{}/month", format_fen(d)),
            Some(d) => format!("{}/month", format_fen(d)),
            None => "price unknown".to_string(),
        }
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Finding", 10)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("server", &self.server)?;
        st.serialize_field("placement", &self.placement)?;
        st.serialize_field("subjects", &self.subjects)?;
        st.serialize_field("numbers", &self.numbers)?;
        st.serialize_field("message_en", &self.message_en())?;
        st.serialize_field("message_zh", &self.message_zh())?;
        st.serialize_field("fix", &self.fix)?;
        st.serialize_field("alternatives", &self.alternatives)?;
        st.end()
    }
}
