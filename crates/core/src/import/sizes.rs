//! Memory sizes in the dialects that services read: Docker's (k, m, g are
//! powers of 1024, a bare number is bytes), Redis's (`m` is 10^6 bytes, `mb`
//! is 2^20), PostgreSQL's (kB, MB, GB, TB; a bare number is the setting's
//! own unit), MySQL's (K, M, G), and the decimal or binary units `docker
//! stats` prints. All return whole MiB, rounded to nearest, never 0 for a
//! size above 0.

use crate::model::units::{parse_memory_mib, Mib};

const MIB: u128 = 1 << 20;

fn to_mib(bytes: u128) -> Option<Mib> {
    let mib = (bytes + MIB / 2) / MIB;
    let mib = if bytes > 0 { mib.max(1) } else { 0 };
    u64::try_from(mib).ok()
}

/// A decimal number with up to 6 fractional digits, scaled by 10^6.
fn micro(number: &str) -> Option<u128> {
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    if (int.is_empty() && frac.is_empty())
        || int.len() > 20
        || frac.len() > 6
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let i: u128 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let f: u128 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    Some(i * 1_000_000 + f * 10u128.pow(6 - frac.len() as u32))
}

fn split(s: &str) -> (&str, String) {
    let s = s.trim();
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    (&s[..end], s[end..].trim().to_ascii_lowercase())
}

fn scaled(number: &str, bytes_per_unit: u128) -> Option<Mib> {
    to_mib(micro(number)?.checked_mul(bytes_per_unit)? / 1_000_000)
}

/// Docker's sizes (`mem_limit`, `shm_size`, tmpfs `size=`), the JVM's
/// `-Xmx`, Go's GOMEMLIMIT and Neo4j's settings: the project's one parser.
pub(crate) fn docker_mib(s: &str) -> Option<Mib> {
    let s = s.trim();
    let (number, unit) = split(s);
    if unit.is_empty() || unit == "b" {
        // A byte count (or a decimal one, which Docker also reads).
        return scaled(number, 1);
    }
    parse_memory_mib(s).ok().or_else(|| {
        // Mixed spellings parse_memory_mib does not take, e.g. "1.5 GB" with a space.
        parse_memory_mib(&format!("{number}{unit}")).ok()
    })
}

/// Redis's memory units (redis.conf): 1k = 1000 bytes, 1kb = 1024, 1m =
/// 10^6, 1mb = 2^20, 1g = 10^9, 1gb = 2^30; case-insensitive.
pub(crate) fn redis_mib(s: &str) -> Option<Mib> {
    let (number, unit) = split(s);
    let per: u128 = match unit.as_str() {
        "" | "b" => 1,
        "k" => 1_000,
        "kb" => 1 << 10,
        "m" => 1_000_000,
        "mb" => 1 << 20,
        "g" => 1_000_000_000,
        "gb" => 1 << 30,
        _ => return None,
    };
    scaled(number, per)
}

/// PostgreSQL's memory units; a bare number is in `unit_kib` KiB (8 for
/// shared_buffers' pages, 1 for work_mem).
pub(crate) fn pg_mib(s: &str, unit_kib: u128) -> Option<Mib> {
    let (number, unit) = split(s);
    let per: u128 = match unit.as_str() {
        "" => unit_kib * 1024,
        "b" => 1,
        "kb" => 1 << 10,
        "mb" => 1 << 20,
        "gb" => 1 << 30,
        "tb" => 1 << 40,
        _ => return None,
    };
    scaled(number, per)
}

/// MySQL's sizes: K, M, G, T (powers of 1024), a bare number is bytes.
pub(crate) fn mysql_mib(s: &str) -> Option<Mib> {
    let (number, unit) = split(s);
    let per: u128 = match unit.as_str() {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        "t" => 1 << 40,
        _ => return None,
    };
    scaled(number, per)
}

/// The sizes `docker stats` prints: binary (KiB, MiB, GiB, TiB) for memory,
/// decimal (kB, MB, GB, TB) where podman and older clients print them, and B;
/// rounded up (a measurement is not rounded down to less than was used).
pub(crate) fn stats_mib(s: &str) -> Option<Mib> {
    let (number, unit) = split(s);
    let per: u128 = match unit.as_str() {
        "b" => 1,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "tib" => 1 << 40,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "tb" | "t" => 1_000_000_000_000,
        _ => return None,
    };
    let bytes = micro(number)?.checked_mul(per)?.div_ceil(1_000_000);
    u64::try_from(bytes.div_ceil(MIB)).ok()
}

/// A decimal such as "0.5" as a percentage: 50.
pub(crate) fn ratio_pct(s: &str) -> Option<i64> {
    let m = micro(s.trim())?;
    i64::try_from((m + 5_000) / 10_000).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_dialect_reads_its_own_units() {
        assert_eq!(docker_mib("512m"), Some(512));
        assert_eq!(docker_mib("1G"), Some(1024));
        assert_eq!(docker_mib("1.5gb"), Some(1536));
        assert_eq!(docker_mib("536870912"), Some(512));
        assert_eq!(docker_mib("2GiB"), Some(2048));
        assert_eq!(
            docker_mib("1000"),
            Some(1),
            "bytes round up to 1 MiB, never 0"
        );
        assert_eq!(docker_mib("lots"), None);
        assert_eq!(redis_mib("223mb"), Some(223));
        assert_eq!(redis_mib("100m"), Some(95));
        assert_eq!(redis_mib("1GB"), Some(1024));
        assert_eq!(pg_mib("128MB", 8), Some(128));
        assert_eq!(
            pg_mib("16384", 8),
            Some(128),
            "shared_buffers counts 8kB pages"
        );
        assert_eq!(pg_mib("65536", 1), Some(64), "work_mem counts kB");
        assert_eq!(pg_mib("1GB", 1), Some(1024));
        assert_eq!(mysql_mib("512M"), Some(512));
        assert_eq!(mysql_mib("134217728"), Some(128));
        assert_eq!(stats_mib("38.2MiB"), Some(39));
        assert_eq!(stats_mib("1.944GiB"), Some(1991));
        assert_eq!(stats_mib("100MB"), Some(96));
        assert_eq!(stats_mib("512kB"), Some(1));
        assert_eq!(stats_mib("0B"), Some(0));
        assert_eq!(ratio_pct("0.5"), Some(50));
        assert_eq!(ratio_pct("0.95"), Some(95));
    }
}
