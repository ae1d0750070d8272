//! The report an evaluation returns: per option, per server and per placement
//! numbers, verdicts, findings and cost. The web app draws only these.

use serde::Serialize;

pub mod load;

pub use crate::findings::{Finding, FindingKind, Fix, Lang, Number, Severity};
use crate::kinds::Tuning;
use crate::model::price::{Billing, QuoteFrom};
use crate::model::units::{Fen, Mib, Millicores};
use crate::model::{Confidence, KindId, Provider};

/// How many placements' peaks the verdict assumes strike at the same
/// instant: the two largest excesses over expected use. Independent peaks
/// (a crawl, a fork, a batch) rarely coincide; two covers a trigger that
/// hits two services at once (a crawl that also loads the database). The
/// all-at-once worst case is still reported.
pub const PEAKS_THAT_COINCIDE: usize = 2;

/// A server resource that can limit what runs on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resource {
    Memory,
    Cpu,
}

impl Resource {
    pub fn name_en(self) -> &'static str {
        match self {
            Resource::Memory => "memory",
            Resource::Cpu => "CPU",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Resource::Memory => "内存",
            Resource::Cpu => "CPU",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.name_en(),
            Lang::Zh => self.name_zh(),
        }
    }
}

/// A server's or an option's verdict, ordered from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Peak use leaves at least the headroom target free.
    Fits,
    /// Peak fits but leaves less than the headroom target.
    Tight,
    /// Typical use fits but peaks exceed allocatable memory.
    OomRisk,
    /// Typical use alone exceeds allocatable memory.
    DoesNotFit,
}

impl Verdict {
    /// "fits", "tight", "oom-risk", "does-not-fit".
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Fits => "fits",
            Verdict::Tight => "tight",
            Verdict::OomRisk => "oom-risk",
            Verdict::DoesNotFit => "does-not-fit",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Verdict::Fits => "fits",
            Verdict::Tight => "tight",
            Verdict::OomRisk => "OOM risk",
            Verdict::DoesNotFit => "does not fit",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Verdict::Fits => "放得下",
            Verdict::Tight => "偏紧",
            Verdict::OomRisk => "有 OOM 风险",
            Verdict::DoesNotFit => "放不下",
        }
    }

    /// The verdict from the memory totals of one server.
    ///
    /// ```
    /// use stackfit_core::fit::Verdict;
    /// assert_eq!(Verdict::from_totals(1000, 500, 600, 15), Verdict::Fits);
    /// assert_eq!(Verdict::from_totals(1000, 500, 900, 15), Verdict::Tight);
    /// assert_eq!(Verdict::from_totals(1000, 900, 1100, 15), Verdict::OomRisk);
    /// assert_eq!(Verdict::from_totals(1000, 1100, 1200, 15), Verdict::DoesNotFit);
    /// ```
    pub fn from_totals(
        allocatable_mib: Mib,
        expected_mib: Mib,
        peak_mib: Mib,
        target_pct: u32,
    ) -> Verdict {
        if expected_mib > allocatable_mib {
            Verdict::DoesNotFit
        } else if peak_mib > allocatable_mib {
            Verdict::OomRisk
        } else if u128::from(allocatable_mib - peak_mib) * 100
            < u128::from(allocatable_mib) * u128::from(target_pct)
        {
            Verdict::Tight
        } else {
            Verdict::Fits
        }
    }
}

/// Where a server's monthly price comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum PriceBasis {
    /// The plan's own figure for this server (a quote it records), with its note.
    Override { note: String },
    /// A quote from a price book: the reader's own, or the sender's that a
    /// shared plan carries.
    Quote {
        from: QuoteFrom,
        billing: Billing,
        /// When it was quoted: YYYY-MM-DD.
        date: String,
        note: String,
    },
    /// The catalog's price: listed, or estimated by a stated formula; the
    /// date its source was read.
    Catalog { estimated: bool, date: &'static str },
    /// Nobody could source one and the plan gives none.
    Unknown,
}

/// Where a placement's expected memory comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Basis {
    /// The user's own figure (`docker stats`).
    Measured,
    /// A figure someone estimated (a team's guess, a report's example output).
    Estimated,
    /// The catalog, with the weakest confidence of its memory figures.
    Sourced { grade: Confidence },
    /// A stand-in for an image the catalog does not know.
    Assumed,
}

impl Basis {
    pub fn is_assumed(self) -> bool {
        self == Basis::Assumed
    }

    /// The basis in words: "measured", "sourced (B)", "假设", …
    pub fn words(self, lang: crate::findings::Lang) -> String {
        use crate::findings::Lang;
        match (self, lang) {
            (Basis::Measured, Lang::En) => "measured".into(),
            (Basis::Measured, Lang::Zh) => "实测".into(),
            (Basis::Estimated, Lang::En) => "estimated".into(),
            (Basis::Estimated, Lang::Zh) => "估算".into(),
            (Basis::Sourced { grade }, Lang::En) => format!("sourced ({grade:?})"),
            (Basis::Sourced { grade }, Lang::Zh) => format!("有出处（{grade:?} 级）"),
            (Basis::Assumed, Lang::En) => "assumed".into(),
            (Basis::Assumed, Lang::Zh) => "假设".into(),
        }
    }
}

/// Memory and CPU of one replica or of all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub expected_mib: Mib,
    pub peak_mib: Mib,
    pub limit_mib: Mib,
    pub cpu_millicores: Millicores,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlacementReport {
    pub id: String,
    pub service: String,
    pub kind: KindId,
    pub replicas: u32,
    pub basis: Basis,
    /// One replica, each figure capped at its limit (the kernel kills a
    /// container at its limit, so it never holds more).
    pub per_replica: Figures,
    /// Every replica together: `per_replica` × replicas.
    pub total: Figures,
    /// One replica as the kind models it, before capping at the limit.
    pub modelled_expected_mib: Mib,
    pub modelled_peak_mib: Mib,
    /// True when no limit was set and the default limit is shown.
    pub limit_is_default: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heap_mib: Option<Mib>,
    /// Processes per replica that hold their own database pool.
    pub processes: u64,
    /// What the container is started with, and where tuning for its limit
    /// would change a value the plan holds.
    pub tuning: Tuning,
    /// What its load inputs need (Little's law → concurrency → memory),
    /// with the derivation in words; `None` without load inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load: Option<load::LoadDerivation>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServerReport {
    pub id: String,
    pub label: String,
    pub tier: String,
    /// The tier was found in the catalog (otherwise the declared spec was used).
    pub tier_known: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<Provider>,
    pub vcpu: u32,
    /// Memory as sold.
    pub capacity_mib: Mib,
    /// What the OS sees.
    pub usable_mib: Mib,
    /// OS + Docker + per-container overhead.
    pub reserve_mib: Mib,
    /// usable − reserve, what containers can have.
    pub allocatable_mib: Mib,
    /// Every placement at its typical use.
    pub expected_mib: Mib,
    /// The peak the verdict uses: every placement at its expected use plus
    /// the [`PEAKS_THAT_COINCIDE`] largest peak excesses (a placement's
    /// replicas peak together).
    pub peak_mib: Mib,
    /// Every placement at its peak at the same instant (the worst case).
    pub peak_all_at_once_mib: Mib,
    pub limit_mib: Mib,
    /// Swap the server declares: it absorbs short peaks, never typical use.
    pub swap_mib: Mib,
    /// Expected memory of placements whose figures are assumed (unknown images).
    pub assumed_mib: Mib,
    /// `assumed_mib` as a percent of `expected_mib`, rounded down.
    pub assumed_pct: u32,
    /// allocatable − peak (negative when peaks do not fit).
    pub headroom_mib: i64,
    /// headroom as a percent of allocatable, rounded down.
    pub headroom_pct: i64,
    pub cpu_capacity_millicores: Millicores,
    pub cpu_expected_millicores: Millicores,
    /// What a burstable tier sustains without spending credits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_sustained_millicores: Option<Millicores>,
    /// None when no price is known (never counted as ¥0).
    pub monthly_fen: Option<Fen>,
    /// What a year costs: a prepaid quote's own figure, else 12 × monthly.
    pub yearly_fen: Option<Fen>,
    pub price_basis: PriceBasis,
    /// The worse of `memory_verdict` and `cpu_verdict` (see `fit::limiting`).
    pub verdict: Verdict,
    /// The verdict of the memory totals alone.
    pub memory_verdict: Verdict,
    /// The verdict of expected CPU against the vCPUs (and a burstable baseline).
    pub cpu_verdict: Verdict,
    /// The resource that limits this server: the one with the worse verdict,
    /// or on a tie the one closer to its capacity.
    pub limited_by: Resource,
    pub placements: Vec<PlacementReport>,
    /// Placements that publish a host port an earlier one on this server
    /// publishes too: Docker would refuse to start them (each one once,
    /// with the first placement it clashes with). The exporters write
    /// these ports; the `host-port-clash` findings say so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub port_clashes: Vec<PortClash>,
    pub findings: Vec<Finding>,
}

/// Two placements on one server that publish the same host port on
/// overlapping addresses: Docker starts the first and refuses the second
/// ("port is already allocated"; `crate::fit::ports`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PortClash {
    /// The placement written first, and the one Docker would refuse.
    pub first: String,
    pub second: String,
    /// The first port both take, e.g. `8080/tcp`.
    pub port: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionReport {
    pub id: String,
    pub name: String,
    /// The load the option was evaluated at, in thousandths (`1000` = ×1,
    /// the plan as set): every figure, finding and export of this report is
    /// at that load ([`crate::whatif::scale_option`]).
    pub load: u32,
    /// Kept for comparison (today's setup): never recommended.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reference: bool,
    /// The worst verdict of its servers.
    pub verdict: Verdict,
    /// The option's monthly cost; None when any server's price is unknown
    /// and the option has no quoted total.
    pub monthly_fen: Option<Fen>,
    pub yearly_fen: Option<Fen>,
    /// The share of the option's expected memory that rests on assumptions, in percent.
    pub assumed_pct: u32,
    /// Servers without a known price (their cost is not in any total).
    pub unpriced_servers: Vec<String>,
    /// The option's own quoted total, when it has one: it replaces the sum
    /// of its servers' prices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<OptionQuote>,
    /// Monthly difference against the baseline option (the plan's
    /// `settings.baseline_option`, else its first), when both are known.
    pub monthly_delta_fen: Option<Fen>,
    /// The resource that limits the option's worst server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limited_by: Option<Resource>,
    /// The smallest memory headroom of its servers, in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headroom_pct: Option<i64>,
    pub servers: Vec<ServerReport>,
    /// The task workers' load derivations together (tasks per hour → in
    /// flight → concurrency → memory, against the plan's), when any worker
    /// has load inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_load: Option<load::LoadSummary>,
    /// Findings about the option as a whole (e.g. it has no servers); the
    /// server's own findings are in `servers`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// A price quoted for a whole option (e.g. "¥2,000/month for the three
/// servers"), with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionQuote {
    pub monthly_fen: Fen,
    /// The quote's source, as the plan records it.
    pub note: String,
}

/// The result of [`super::evaluate`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub headroom_target_pct: u32,
    pub usd_cny_rate_milli: i64,
    /// The option the others' monthly differences are against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_option: Option<String>,
    pub options: Vec<OptionReport>,
    /// The option the stated rule recommends (see `fit::recommend_option`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended_option: Option<String>,
}

impl Report {
    pub fn option(&self, id: &str) -> Option<&OptionReport> {
        self.options.iter().find(|o| o.id == id)
    }

    /// A placement's report by option and placement id.
    pub fn placement(&self, option: &str, placement: &str) -> Option<&PlacementReport> {
        self.option(option)?
            .servers
            .iter()
            .find_map(|s| s.placement(placement))
    }
}

impl OptionReport {
    pub fn server(&self, id: &str) -> Option<&ServerReport> {
        self.servers.iter().find(|s| s.id == id)
    }

    /// Every finding of the option and of every server.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .chain(self.servers.iter().flat_map(|s| s.findings.iter()))
    }

    /// Host ports published twice, over all its servers.
    pub fn port_clashes(&self) -> usize {
        self.servers.iter().map(|s| s.port_clashes.len()).sum()
    }

    /// Its first host-port clash finding: the words beside a clash badge.
    pub fn port_clash_finding(&self) -> Option<&Finding> {
        self.servers
            .iter()
            .find_map(ServerReport::port_clash_finding)
    }
}

/// What is said beside a verdict wherever one is shown when host ports are
/// published twice: the verdict judges memory and CPU, while Docker would
/// refuse a container. `None` without a clash.
///
/// ```
/// use stackfit_core::report::{port_clash_words, Lang};
/// assert_eq!(port_clash_words(0, Lang::En), None);
/// assert_eq!(port_clash_words(1, Lang::En).as_deref(), Some("port clash"));
/// assert_eq!(port_clash_words(3, Lang::Zh).as_deref(), Some("3 处端口冲突"));
/// ```
pub fn port_clash_words(clashes: usize, lang: Lang) -> Option<String> {
    match (clashes, lang) {
        (0, _) => None,
        (1, Lang::En) => Some("port clash".into()),
        (1, Lang::Zh) => Some("端口冲突".into()),
        (n, Lang::En) => Some(format!("{n} port clashes")),
        (n, Lang::Zh) => Some(format!("{n} 处端口冲突")),
    }
}

/// `verdict` with its port clashes beside it: "fits · port clash"; the
/// verdict alone without a clash.
///
/// ```
/// use stackfit_core::report::{with_port_clashes, Lang};
/// assert_eq!(with_port_clashes("fits", 2, Lang::En), "fits · 2 port clashes");
/// assert_eq!(with_port_clashes("fits", 0, Lang::En), "fits");
/// ```
pub fn with_port_clashes(verdict: &str, clashes: usize, lang: Lang) -> String {
    match port_clash_words(clashes, lang) {
        Some(c) => format!("{verdict} · {c}"),
        None => verdict.to_string(),
    }
}

impl ServerReport {
    pub fn placement(&self, id: &str) -> Option<&PlacementReport> {
        self.placements.iter().find(|p| p.id == id)
    }

    pub fn has_finding(&self, id: &str) -> bool {
        self.findings.iter().any(|f| f.id() == id)
    }

    /// Its first host-port clash finding: the words beside a clash badge.
    pub fn port_clash_finding(&self) -> Option<&Finding> {
        self.findings
            .iter()
            .find(|f| f.kind == FindingKind::HostPortClash)
    }
}
