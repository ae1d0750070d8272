//! Every range a person can type, in one place. The actions refuse a value
//! outside its range, the plan codec repairs one, and the UI shows the range
//! in words before anything is applied. Bounds are sane for the servers this
//! planner sizes (a small cloud fleet), far inside what would overflow a sum.

use super::service::{KnobDef, KnobUnit};
use super::units::{format_fen, format_mib, Fen, Mib};

/// What a bounded number counts, for saying its range in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A plain count (replicas, workers, vCPUs).
    Count,
    /// Memory in MiB.
    Mib,
    /// Memory in KiB.
    Kib,
    /// CPU in millicores.
    Millicores,
    /// Money in fen per month.
    FenPerMonth,
    /// Money in fen per year.
    FenPerYear,
    /// Yuan per US dollar × 1000.
    RateMilli,
    /// A percentage.
    Percent,
    /// Days.
    Days,
    /// Characters of text.
    Chars,
    /// 0 = off, 1 = on, or an index into choices.
    Choice,
    /// A load multiplier in thousandths (`1000` = ×1).
    LoadMilli,
}

/// An inclusive range and what it measures, with the field's name in both
/// languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub min: i64,
    pub max: i64,
    pub measure: Measure,
}

/// A value outside its [`Bound`]; nothing was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfBounds {
    pub bound: Bound,
    pub value: i64,
}

impl Bound {
    pub const fn new(
        name_en: &'static str,
        name_zh: &'static str,
        min: i64,
        max: i64,
        measure: Measure,
    ) -> Self {
        Bound {
            name_en,
            name_zh,
            min,
            max,
            measure,
        }
    }

    /// The bound of a catalog knob: its own range, in its own unit.
    pub fn of_knob(k: &KnobDef) -> Bound {
        let measure = match k.unit {
            KnobUnit::Count => Measure::Count,
            KnobUnit::Mib => Measure::Mib,
            KnobUnit::Kib => Measure::Kib,
            KnobUnit::Millicores => Measure::Millicores,
            KnobUnit::Percent => Measure::Percent,
            KnobUnit::Days => Measure::Days,
            KnobUnit::Bool | KnobUnit::Choice(_) => Measure::Choice,
        };
        Bound::new(k.name_en, k.name_zh, k.min, k.max, measure)
    }

    pub fn contains(&self, value: i64) -> bool {
        (self.min..=self.max).contains(&value)
    }

    /// `Ok(value)` inside the range, else the error that says so.
    ///
    /// ```
    /// use stackfit_core::model::bounds::REPLICAS;
    /// assert_eq!(REPLICAS.check(3), Ok(3));
    /// let e = REPLICAS.check(-5).unwrap_err();
    /// assert_eq!(e.message_en(), "Replicas must be from 1 to 200; -5 was not applied.");
    /// assert_eq!(e.message_zh(), "副本数须在 1 到 200 之间，未应用 -5。");
    /// ```
    pub fn check(&self, value: i64) -> Result<i64, OutOfBounds> {
        if self.contains(value) {
            Ok(value)
        } else {
            Err(OutOfBounds {
                bound: *self,
                value,
            })
        }
    }

    /// Checks an unsigned figure (a memory size, a count).
    pub fn check_u64(&self, value: u64) -> Result<u64, OutOfBounds> {
        self.check(i64::try_from(value).unwrap_or(i64::MAX))
            .map(|v| v as u64)
    }

    /// A value of this measure as people read it, e.g. "1.5 GiB", "¥2,000.00", "7.1".
    pub fn format(&self, value: i64, zh: bool) -> String {
        let v = value.max(0) as u64;
        match self.measure {
            Measure::Mib if value >= 0 => format_mib(v),
            Measure::Kib if value >= 0 => format!("{value} KiB"),
            Measure::Millicores if value >= 0 => {
                let cpus = super::units::format_cpus(v);
                if zh {
                    format!("{cpus} 核")
                } else if v == 1000 {
                    "1 CPU".into()
                } else {
                    format!("{cpus} CPUs")
                }
            }
            Measure::FenPerMonth => {
                if zh {
                    format!("{}/月", format_fen(value as Fen))
                } else {
                    format!("{}/month", format_fen(value as Fen))
                }
            }
            Measure::FenPerYear => {
                if zh {
                    format!("{}/年", format_fen(value as Fen))
                } else {
                    format!("{}/year", format_fen(value as Fen))
                }
            }
            Measure::RateMilli => super::units::format_rate_milli(value),
            Measure::LoadMilli if value >= 0 => crate::model::multiplier::load_words(v as u32),
            Measure::Percent => format!("{value} %"),
            Measure::Days if zh => format!("{value} 天"),
            Measure::Days => format!("{value} days"),
            Measure::Chars if zh => format!("{value} 个字符"),
            Measure::Chars => format!("{value} characters"),
            _ => value.to_string(),
        }
    }

    /// The range in words: "from 1 to 200", "from 0 MiB to 1 TiB".
    pub fn range_en(&self) -> String {
        if self.measure == Measure::Chars {
            return format!("at most {}", self.format(self.max, false));
        }
        format!(
            "from {} to {}",
            self.format(self.min, false),
            self.format(self.max, false)
        )
    }

    /// 范围的中文说法："1 到 200 之间"。
    pub fn range_zh(&self) -> String {
        if self.measure == Measure::Chars {
            return format!("不超过 {}", self.format(self.max, true));
        }
        format!(
            "{} 到 {} 之间",
            self.format(self.min, true),
            self.format(self.max, true)
        )
    }
}

impl OutOfBounds {
    pub fn message_en(&self) -> String {
        let b = &self.bound;
        if b.measure == Measure::Chars {
            return format!(
                "{} must be {}; {} is too long and was not applied.",
                capitalise(b.name_en),
                b.range_en(),
                b.format(self.value, false)
            );
        }
        format!(
            "{} must be {}; {} was not applied.",
            capitalise(b.name_en),
            b.range_en(),
            b.format(self.value, false)
        )
    }

    pub fn message_zh(&self) -> String {
        let b = &self.bound;
        if b.measure == Measure::Chars {
            return format!(
                "{}须{}，{}太长，未应用。",
                b.name_zh,
                b.range_zh(),
                b.format(self.value, true)
            );
        }
        format!(
            "{}须在 {}，未应用 {}。",
            b.name_zh,
            b.range_zh(),
            b.format(self.value, true)
        )
    }
}

impl std::fmt::Display for OutOfBounds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

/// Capitalises an English name (ASCII: the only case our words have).
/// `s` with a capital first letter, to start a sentence; a setting's own
/// name ("max_connections", "work_mem") is written as the software spells it.
fn capitalise(s: &str) -> String {
    let identifier = s
        .split_whitespace()
        .next()
        .is_some_and(|w| w.contains(['_', '.']));
    if identifier {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

const GIB: i64 = 1024;
const TIB: i64 = 1024 * 1024;

/// Replicas of one placement. Compose stacks on a few servers run a handful;
/// 200 is far above any seen in the reference reports.
/// The longest published port (Compose's short syntax) a plan keeps.
pub const PORT_SPEC_CHARS: usize = 100;

pub const REPLICAS: Bound = Bound::new("replicas", "副本数", 1, 200, Measure::Count);
/// A memory figure of one container (measured use, limit): up to 1 TiB.
pub const CONTAINER_MIB: Bound = Bound::new("memory", "内存", 1, TIB, Measure::Mib);
/// A measured figure may be 0 (a container that holds nothing yet).
pub const MEASURED_MIB: Bound = Bound::new("measured memory", "实测内存", 0, TIB, Measure::Mib);
/// A container's memory limit.
pub const LIMIT_MIB: Bound = Bound::new("memory limit", "内存上限", 4, TIB, Measure::Mib);
/// /dev/shm of one container.
pub const SHM_MIB: Bound = Bound::new("/dev/shm size", "/dev/shm 大小", 1, 64 * GIB, Measure::Mib);
/// Memory of a server (as sold or as the OS sees it): up to 24 TiB, the
/// largest cloud instances sold.
pub const SERVER_MIB: Bound =
    Bound::new("server memory", "服务器内存", 256, 24 * TIB, Measure::Mib);
/// CPU a container was measured using: up to 896 cores.
pub const MEASURED_CPU_MILLICORES: Bound =
    Bound::new("measured CPU", "实测 CPU", 0, 896_000, Measure::Millicores);
/// A CPU cap per container.
pub const CPU_LIMIT_MILLICORES: Bound =
    Bound::new("CPU limit", "CPU 上限", 10, 896_000, Measure::Millicores);
/// vCPUs of a declared server.
pub const VCPU: Bound = Bound::new("vCPUs", "vCPU 数", 1, 896, Measure::Count);
/// Swap a server declares.
pub const SWAP_MIB: Bound = Bound::new("swap", "交换空间", 0, 256 * GIB, Measure::Mib);
/// The OS part of the reserve: systemd, sshd, cloud agents (a security
/// agent alone can take 500–800 MB).
pub const RESERVE_OS_MIB: Bound = Bound::new("OS reserve", "系统预留", 0, 16 * GIB, Measure::Mib);
/// A Docker daemon's reserve (containerd, dockerd).
pub const RESERVE_DAEMON_MIB: Bound = Bound::new(
    "Docker daemon reserve",
    "Docker 守护进程预留",
    0,
    4 * GIB,
    Measure::Mib,
);
/// The reserve per running container (containerd-shim: 5–11 MB).
pub const RESERVE_PER_CONTAINER_MIB: Bound =
    Bound::new("reserve per container", "每容器预留", 0, GIB, Measure::Mib);
/// A monthly price: up to ¥2,000,000, above the dearest single instance sold.
pub const MONTHLY_FEN: Bound = Bound::new(
    "monthly price",
    "月价格",
    0,
    200_000_000,
    Measure::FenPerMonth,
);
/// A yearly price: twelve of the dearest months.
pub const YEARLY_FEN: Bound = Bound::new(
    "yearly price",
    "年价格",
    0,
    12 * 200_000_000,
    Measure::FenPerYear,
);
/// Yuan per US dollar × 1000: 1.000 to 20.000.
pub const USD_CNY_RATE_MILLI: Bound = Bound::new(
    "USD→CNY exchange rate",
    "美元兑人民币汇率",
    1_000,
    20_000,
    Measure::RateMilli,
);
/// An option's load multiplier in thousandths, the what-if slider (×0.5 … ×10).
pub const LOAD: Bound = Bound::new(
    "load multiplier",
    "负载倍数",
    crate::model::multiplier::LOAD_MIN as i64,
    crate::model::multiplier::LOAD_MAX as i64,
    Measure::LoadMilli,
);
/// Headroom kept free at peak, in percent of allocatable memory.
pub const HEADROOM_PCT: Bound = Bound::new("headroom target", "余量目标", 0, 90, Measure::Percent);
/// A plan's name.
pub const PLAN_NAME_CHARS: Bound = Bound::new("plan name", "方案名称", 0, 80, Measure::Chars);
/// An option's name.
pub const OPTION_NAME_CHARS: Bound = Bound::new("option name", "选项名称", 0, 80, Measure::Chars);
/// A server's label.
pub const LABEL_CHARS: Bound = Bound::new("server label", "服务器名称", 0, 60, Measure::Chars);
/// A note or description.
pub const NOTE_CHARS: Bound = Bound::new("note", "备注", 0, 2_000, Measure::Chars);
/// An id (a compose service name): a DNS label.
pub const ID_CHARS: Bound = Bound::new("id", "标识", 1, 63, Measure::Chars);
/// A private address (an IP or a host name).
pub const ADDRESS_CHARS: Bound = Bound::new("private address", "内网地址", 0, 253, Measure::Chars);

/// The port a service listens on (and is published on).
pub const PORT: Bound = Bound::new("port", "端口", 1, 65_535, Measure::Count);

/// Checks a text's length in characters against `bound`.
///
/// ```
/// use stackfit_core::model::bounds::{check_text, LABEL_CHARS};
/// assert!(check_text(&LABEL_CHARS, "A — master").is_ok());
/// let long = "x".repeat(61);
/// let e = check_text(&LABEL_CHARS, &long).unwrap_err();
/// assert_eq!(e.message_zh(), "服务器名称须不超过 60 个字符，61 个字符太长，未应用。");
/// ```
pub fn check_text(bound: &Bound, text: &str) -> Result<(), OutOfBounds> {
    let n = text.chars().count();
    bound
        .check(i64::try_from(n).unwrap_or(i64::MAX))
        .map(|_| ())
}

/// Checks an optional memory figure.
pub fn check_mib(bound: &Bound, mib: Option<Mib>) -> Result<(), OutOfBounds> {
    match mib {
        Some(m) => bound.check_u64(m).map(|_| ()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_people_write_them() {
        assert_eq!(LIMIT_MIB.range_en(), "from 4 MiB to 1024 GiB");
        assert_eq!(MONTHLY_FEN.range_zh(), "¥0.00/月 到 ¥2,000,000.00/月 之间");
        assert_eq!(USD_CNY_RATE_MILLI.range_en(), "from 1.000 to 20.000");
        assert_eq!(HEADROOM_PCT.range_zh(), "0 % 到 90 % 之间");
    }

    #[test]
    fn a_sentence_starts_with_a_capital_but_a_setting_keeps_its_spelling() {
        assert_eq!(capitalise("replicas"), "Replicas");
        assert_eq!(capitalise("max_connections"), "max_connections");
        assert_eq!(capitalise("work_mem per query"), "work_mem per query");
        assert_eq!(capitalise("vm.max_map_count"), "vm.max_map_count");
    }

    /// The trial typed 99999999 into a price, a reserve and an exchange rate
    /// and saw each accepted (or silently ignored).
    #[test]
    fn the_values_the_trial_typed_are_out_of_bounds() {
        assert!(MONTHLY_FEN.check(9_999_999_900).is_err());
        assert!(RESERVE_OS_MIB.check(9765 * 1024).is_err());
        for rate in [0, -5_000] {
            let e = USD_CNY_RATE_MILLI.check(rate).unwrap_err();
            assert!(
                e.message_zh().starts_with("美元兑人民币汇率须在"),
                "{}",
                e.message_zh()
            );
        }
        assert!(REPLICAS.check(-5).is_err());
        assert!(check_text(&PLAN_NAME_CHARS, &"名".repeat(10_000)).is_err());
    }
}
