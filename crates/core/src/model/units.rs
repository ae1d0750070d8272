//! Units: memory in integer MiB, CPU in integer millicores, money in integer
//! minor units (fen for CNY, cents for USD), so that totals are exact.
//!
//! One parser for the sizes people write in compose files, reports and forms:
//! [`parse_memory_mib`] and [`parse_cpu_millicores`].

use std::fmt;

/// Memory in MiB (2^20 bytes). Every memory figure in the engine uses it.
pub type Mib = u64;
/// CPU in millicores (1000 = one vCPU).
pub type Millicores = u64;
/// Money in fen (¥0.01).
pub type Fen = i64;

/// The largest memory figure a plan may hold (limits, measurements, usable
/// memory, /dev/shm, reserve parts): 16 TiB, above any cloud server sold.
/// Bounding inputs keeps every sum far from overflow.
pub const MAX_MEMORY_MIB: Mib = 16 * 1024 * 1024;
/// The most replicas one placement may have.
pub const MAX_REPLICAS: u32 = 1000;
/// The largest USD→CNY rate accepted, in yuan per dollar × 1000 (100 yuan).
pub const MAX_FX_RATE_MILLI: i64 = 100_000;
/// The largest monthly price accepted: ¥1,000,000,000.
pub const MAX_MONTHLY_FEN: Fen = 100_000_000_000;
/// The most vCPUs a declared spec may have.
pub const MAX_VCPU: u32 = 4096;

/// Why a size could not be read. The message names the input and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitError {
    pub input: String,
    pub reason: &'static str,
}

impl fmt::Display for UnitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read {:?}: {}", self.input, self.reason)
    }
}

impl UnitError {
    /// What went wrong, in English (the same text as `Display`).
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    /// 出错原因（中文）。
    ///
    /// ```
    /// use stackfit_core::model::units::parse_memory_mib;
    /// let e = parse_memory_mib("abc").unwrap_err();
    /// assert_eq!(e.message_zh(), "无法识别“abc”：应为内存大小，如 512m、512MiB、1.5g、2Gi、1G 或字节数。");
    /// ```
    pub fn message_zh(&self) -> String {
        let reason = match self.reason {
            MEMORY_HELP => "应为内存大小，如 512m、512MiB、1.5g、2Gi、1G 或字节数",
            CPU_HELP => "应为 CPU 数，如 0.5、2，或毫核数，如 500m",
            BYTES_WHOLE => "字节数必须是整数",
            MILLICORES_WHOLE => "毫核数必须是整数",
            TOO_LARGE => "数值太大",
            other => other,
        };
        format!("无法识别“{}”：{reason}。", self.input.trim())
    }
}

impl std::error::Error for UnitError {}

const MEMORY_HELP: &str =
    "expected a memory size such as 512m, 512MiB, 1.5g, 2Gi, 1G or a byte count";
const CPU_HELP: &str = "expected CPUs such as 0.5, 2 or millicores such as 500m";
const BYTES_WHOLE: &str = "a byte count must be a whole number";
const MILLICORES_WHOLE: &str = "millicores must be a whole number";
const TOO_LARGE: &str = "too large";

/// A non-negative decimal split into its value scaled by 10^6, so "1.5" is
/// 1_500_000. Six fractional digits are plenty for sizes and CPUs.
fn parse_decimal_micro(number: &str) -> Option<u128> {
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i, f),
        None => (number, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.len() > 6 || int.len() > 20 {
        return None;
    }
    let int_v: u128 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut frac_v: u128 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    for _ in frac.len()..6 {
        frac_v *= 10;
    }
    Some(int_v * 1_000_000 + frac_v)
}

/// Splits "1.5g" into ("1.5", "g").
fn split_number_unit(s: &str) -> (&str, &str) {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    (&s[..end], s[end..].trim())
}

/// Reads a memory size into whole MiB, rounding to the nearest MiB.
///
/// Units follow Docker's convention that k, m, g, t are powers of 1024 (so
/// "1G" and "1Gi" and "1GB" are all 1024 MiB, as `docker run -m 1g` means),
/// case-insensitive, with an optional `b`/`ib` suffix. A bare number is a
/// byte count, as in `mem_limit: 8073741824`.
///
/// ```
/// use stackfit_core::model::units::parse_memory_mib;
/// assert_eq!(parse_memory_mib("512m"), Ok(512));
/// assert_eq!(parse_memory_mib("512MiB"), Ok(512));
/// assert_eq!(parse_memory_mib("1.5g"), Ok(1536));
/// assert_eq!(parse_memory_mib("2Gi"), Ok(2048));
/// assert_eq!(parse_memory_mib("8073741824"), Ok(7700));
/// assert!(parse_memory_mib("lots").is_err());
/// ```
pub fn parse_memory_mib(input: &str) -> Result<Mib, UnitError> {
    let err = |reason| UnitError {
        input: input.to_string(),
        reason,
    };
    let s = input.trim();
    if s.is_empty() {
        return Err(err(MEMORY_HELP));
    }
    let (number, unit) = split_number_unit(s);
    let micro = parse_decimal_micro(number).ok_or_else(|| err(MEMORY_HELP))?;
    let unit = unit.to_ascii_lowercase();
    let bytes_per_unit: u128 = match unit.as_str() {
        "" | "b" => 1,
        "k" | "kb" | "ki" | "kib" => 1 << 10,
        "m" | "mb" | "mi" | "mib" => 1 << 20,
        "g" | "gb" | "gi" | "gib" => 1 << 30,
        "t" | "tb" | "ti" | "tib" => 1 << 40,
        _ => return Err(err(MEMORY_HELP)),
    };
    if (unit.is_empty() || unit == "b") && micro % 1_000_000 != 0 {
        return Err(err(BYTES_WHOLE));
    }
    // bytes × 10^6, then to MiB rounded half up.
    let scaled = micro * bytes_per_unit;
    let denom: u128 = 1_000_000 * (1 << 20);
    let mib = (scaled + denom / 2) / denom;
    u64::try_from(mib).map_err(|_| err(TOO_LARGE))
}

/// Reads CPUs into millicores: "0.5" and "0.5cpu" are 500, "2" is 2000, "500m" is 500.
///
/// ```
/// use stackfit_core::model::units::parse_cpu_millicores;
/// assert_eq!(parse_cpu_millicores("0.5"), Ok(500));
/// assert_eq!(parse_cpu_millicores("500m"), Ok(500));
/// assert_eq!(parse_cpu_millicores("2"), Ok(2000));
/// assert!(parse_cpu_millicores("2g").is_err());
/// ```
pub fn parse_cpu_millicores(input: &str) -> Result<Millicores, UnitError> {
    let err = |reason| UnitError {
        input: input.to_string(),
        reason,
    };
    let s = input.trim();
    let (number, unit) = split_number_unit(s);
    let micro = parse_decimal_micro(number).ok_or_else(|| err(CPU_HELP))?;
    let milli = match unit.to_ascii_lowercase().as_str() {
        "" | "cpu" | "cpus" | "c" | "core" | "cores" => micro / 1000,
        "m" => {
            if micro % 1_000_000 != 0 {
                return Err(err(MILLICORES_WHOLE));
            }
            micro / 1_000_000
        }
        _ => return Err(err(CPU_HELP)),
    };
    u64::try_from(milli).map_err(|_| err(TOO_LARGE))
}

/// Formats MiB the way the reports do: "512 MiB", "1.5 GiB" (one decimal from 1 GiB up).
///
/// ```
/// use stackfit_core::model::units::format_mib;
/// assert_eq!(format_mib(512), "512 MiB");
/// assert_eq!(format_mib(1536), "1.5 GiB");
/// ```
pub fn format_mib(mib: Mib) -> String {
    if mib < 1024 {
        format!("{mib} MiB")
    } else {
        let tenths = (u128::from(mib) * 10 + 512) / 1024;
        if tenths.is_multiple_of(10) {
            format!("{} GiB", tenths / 10)
        } else {
            format!("{}.{} GiB", tenths / 10, tenths % 10)
        }
    }
}

/// Formats thousandths as a decimal with no trailing zeros: 500 → "0.5",
/// 2000 → "2", 1250 → "1.25".
///
/// ```
/// use stackfit_core::model::units::format_thousandths;
/// assert_eq!(format_thousandths(500), "0.5");
/// assert_eq!(format_thousandths(2000), "2");
/// assert_eq!(format_thousandths(1205), "1.205");
/// ```
pub fn format_thousandths(n: u64) -> String {
    let whole = n / 1000;
    let frac = n % 1000;
    if frac == 0 {
        format!("{whole}")
    } else {
        let s = format!("{frac:03}");
        format!("{whole}.{}", s.trim_end_matches('0'))
    }
}

/// Formats millicores as CPUs: "0.5", "2", "1.25".
pub fn format_cpus(milli: Millicores) -> String {
    format_thousandths(milli)
}

/// Formats yuan per dollar × 1000 as a rate: "6.789".
///
/// ```
/// assert_eq!(stackfit_core::model::units::format_rate_milli(6789), "6.789");
/// ```
pub fn format_rate_milli(milli: i64) -> String {
    format!("{}.{:03}", milli / 1000, (milli % 1000).abs())
}

/// Formats fen as yuan: "¥1,234.50"; negative amounts get a minus sign.
///
/// ```
/// use stackfit_core::model::units::format_fen;
/// assert_eq!(format_fen(123450), "¥1,234.50");
/// assert_eq!(format_fen(-4500), "-¥45.00");
/// ```
pub fn format_fen(fen: Fen) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}¥{}.{:02}", format_count(abs / 100), abs % 100)
}

/// A count with thousands separators.
///
/// ```
/// use stackfit_core::model::units::format_count;
/// assert_eq!(format_count(1452), "1,452");
/// assert_eq!(format_count(130_000), "130,000");
/// assert_eq!(format_count(50), "50");
/// ```
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// Units that must stay on the line of the number before them.
const UNITS: &[&str] = &[
    "%", "MiB", "GiB", "TiB", "KiB", "vCPU", "CPU", "CPUs", "cores", "核", "个", "天", "days",
];

/// Joins each number to the unit after it with a no-break space, so "24 %"
/// or "1.5 GiB" never wraps between the two.
///
/// ```
/// use stackfit_core::model::units::keep_units;
/// assert_eq!(keep_units("peak 1.5 GiB · 24 %"), "peak 1.5\u{a0}GiB · 24\u{a0}%");
/// assert_eq!(keep_units("from 1 to 200"), "from 1 to 200");
/// ```
pub fn keep_units(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let joins = c == ' '
            && prev.is_some_and(|p| p.is_ascii_digit())
            && UNITS.iter().any(|u| {
                text[i + 1..].starts_with(u)
                    && text[i + 1 + u.len()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !n.is_ascii_alphanumeric())
            });
        out.push(if joins { '\u{a0}' } else { c });
        prev = Some(c);
    }
    out
}

/// Formats millicores as vCPU with at most two decimals: "0.5 vCPU", "2 vCPU".
///
/// ```
/// assert_eq!(stackfit_core::model::units::format_vcpu(1250), "1.25 vCPU");
/// assert_eq!(stackfit_core::model::units::format_vcpu(2000), "2 vCPU");
/// ```
pub fn format_vcpu(milli: Millicores) -> String {
    let hundredths = (milli + 5) / 10;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    if frac == 0 {
        format!("{whole} vCPU")
    } else if frac.is_multiple_of(10) {
        format!("{whole}.{} vCPU", frac / 10)
    } else {
        format!("{whole}.{frac:02} vCPU")
    }
}

/// `text` without its thousands separators, if it has them where they go
/// ("1,000", "12,345,678"); `None` for a comma anywhere else ("1,5", which
/// may be a decimal comma, or "10,00"): never read as another number.
///
/// ```
/// use stackfit_core::model::units::without_thousands;
/// assert_eq!(without_thousands("1,836").as_deref(), Some("1836"));
/// assert_eq!(without_thousands("-12,000").as_deref(), Some("-12000"));
/// assert_eq!(without_thousands("150").as_deref(), Some("150"));
/// assert_eq!(without_thousands("1,5"), None);
/// ```
pub fn without_thousands(text: &str) -> Option<String> {
    let (sign, digits) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (&text[..text.len() - rest.len()], rest),
        None => ("", text),
    };
    let mut groups = digits.split(',');
    let first = groups.next().unwrap_or_default();
    let mut out = format!("{sign}{first}");
    if digits.contains(',') {
        if first.is_empty() || first.len() > 3 {
            return None;
        }
        for g in groups {
            if g.len() != 3 {
                return None;
            }
            out.push_str(g);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_sizes_people_write() {
        for (input, mib) in [
            ("512m", 512),
            ("512mb", 512),
            ("512MiB", 512),
            ("512 MB", 512),
            ("1.5g", 1536),
            ("2Gi", 2048),
            ("1G", 1024),
            ("1gb", 1024),
            ("8073741824", 7700),
            ("1073741824b", 1024),
            ("262144k", 256),
            ("0.5g", 512),
            ("1t", 1024 * 1024),
        ] {
            assert_eq!(parse_memory_mib(input), Ok(mib), "{input}");
        }
    }

    #[test]
    fn memory_rejects_what_it_cannot_read() {
        for input in [
            "",
            "m",
            "1.2.3g",
            "-1g",
            "12 parsecs",
            "1.5",
            "0x10",
            "1,5g",
        ] {
            let e = parse_memory_mib(input).unwrap_err();
            assert_eq!(e.input, input);
            assert!(e.to_string().contains("cannot read"), "{e}");
        }
    }

    #[test]
    fn cpu_sizes_people_write() {
        for (input, milli) in [
            ("0.5", 500),
            ("500m", 500),
            ("2", 2000),
            ("1.25", 1250),
            ("2 cpus", 2000),
            (".5", 500),
        ] {
            assert_eq!(parse_cpu_millicores(input), Ok(milli), "{input}");
        }
        for input in ["", "2g", "1.5m", "half", "-1"] {
            assert!(parse_cpu_millicores(input).is_err(), "{input}");
        }
    }

    #[test]
    fn formats_round_trip_readably() {
        assert_eq!(format_mib(3584), "3.5 GiB");
        assert_eq!(format_mib(4096), "4 GiB");
        assert_eq!(format_cpus(2500), "2.5");
        assert_eq!(format_cpus(250), "0.25");
        assert_eq!(format_fen(0), "¥0.00");
        assert_eq!(format_fen(100_000_000), "¥1,000,000.00");
    }
}
