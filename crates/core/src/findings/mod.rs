//! Findings: a stable id, a severity, the numbers behind it, zh and en text
//! built from those numbers, and a fix expressed as an [`Action`] where one exists.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::model::units::{format_fen, Fen};
use crate::model::Action;

mod messages;

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
    /// An option with no servers: its ¥0 and "fits" say nothing.
    NoServers,
    /// A queue broker whose eviction policy can drop queued tasks.
    BrokerEvicts,
    /// Tuning for the limit would change values the plan holds.
    TuningDiffers,
    /// Much of a server's estimate rests on assumed figures.
    MostlyAssumed,
    /// Typical use fits only by running from swap.
    TypicalNeedsSwap,
    /// Peaks fit only by spilling into swap.
    PeakUsesSwap,
    /// The load inputs need another value of the concurrency knob than the
    /// plan holds (`crate::fit::load`).
    LoadNeedsConcurrency,
    /// A placement publishes a host port another one on its server
    /// publishes too: Docker would refuse to start it (`crate::fit::ports`).
    HostPortClash,
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
            FindingKind::NoServers => "no-servers",
            FindingKind::BrokerEvicts => "broker-evicts",
            FindingKind::TuningDiffers => "tuning-differs",
            FindingKind::MostlyAssumed => "mostly-assumed",
            FindingKind::TypicalNeedsSwap => "typical-needs-swap",
            FindingKind::PeakUsesSwap => "peak-uses-swap",
            FindingKind::LoadNeedsConcurrency => "load-needs-concurrency",
            FindingKind::HostPortClash => "host-port-clash",
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

impl Lang {
    /// The text for this language: Chinese first, as the app's `pick`.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
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
    /// The same subjects in Chinese where they differ (empty: the same words).
    pub subjects_zh: Vec<String>,
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
            subjects_zh: Vec::new(),
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

    /// A subject whose words differ by language.
    pub fn subject_in(mut self, en: impl Into<String>, zh: impl Into<String>) -> Self {
        // Keep the Chinese list aligned with the English one.
        while self.subjects_zh.len() < self.subjects.len() {
            self.subjects_zh
                .push(self.subjects[self.subjects_zh.len()].clone());
        }
        self.subjects.push(en.into());
        self.subjects_zh.push(zh.into());
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
