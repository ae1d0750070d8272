//! Which resource limits a server — memory or CPU — and how CPU moves the
//! verdict. Memory decides by its own rule ([`Verdict::from_totals`]); CPU
//! does not OOM-kill, but work beyond the vCPUs queues for ever, so:
//!
//! - expected CPU above the server's vCPUs: does not fit;
//! - a burstable tier whose expected CPU is above its sustained baseline:
//!   tight (it runs until its credits are spent, then slows down);
//! - otherwise CPU fits.
//!
//! The server's verdict is the worse of the two; the limiting resource is the
//! one with the worse verdict, or on a tie the one closer to its capacity.

use crate::findings::Lang;
use crate::model::units::format_vcpu;
use crate::model::units::{format_mib, Mib, Millicores};
pub use crate::report::Resource;
use crate::report::{OptionReport, ServerReport, Verdict};

/// The CPU verdict of one server.
///
/// ```
/// use stackfit_core::fit::{cpu_verdict, Verdict};
/// assert_eq!(cpu_verdict(1500, 2000, None), Verdict::Fits);
/// assert_eq!(cpu_verdict(2950, 2000, None), Verdict::DoesNotFit);
/// // A burstable 2-vCPU tier at a 20 % baseline sustains 400 millicores.
/// assert_eq!(cpu_verdict(900, 2000, Some(400)), Verdict::Tight);
/// ```
pub fn cpu_verdict(
    expected: Millicores,
    capacity: Millicores,
    sustained: Option<Millicores>,
) -> Verdict {
    if capacity == 0 {
        // No spec (an unknown tier): that has its own critical finding.
        Verdict::Fits
    } else if expected > capacity {
        Verdict::DoesNotFit
    } else if sustained.is_some_and(|s| expected > s) {
        Verdict::Tight
    } else {
        Verdict::Fits
    }
}

/// How a server's two resources judge it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Judged {
    pub memory: Verdict,
    pub cpu: Verdict,
    pub verdict: Verdict,
    pub limited_by: Resource,
}

/// Use as per mille of what the server has; `u64::MAX` when it has nothing.
fn permille(used: u64, of: u64) -> u64 {
    if of == 0 {
        return if used == 0 { 0 } else { u64::MAX };
    }
    u64::try_from(u128::from(used) * 1000 / u128::from(of)).unwrap_or(u64::MAX)
}

/// Combines the memory verdict with CPU: called once, from `fit::measure`.
pub(crate) fn judge(
    memory: Verdict,
    peak_mib: Mib,
    allocatable_mib: Mib,
    cpu_expected: Millicores,
    cpu_capacity: Millicores,
    sustained: Option<Millicores>,
) -> Judged {
    let cpu = cpu_verdict(cpu_expected, cpu_capacity, sustained);
    let cpu_of = sustained.unwrap_or(cpu_capacity);
    let limited_by = match cpu.cmp(&memory) {
        std::cmp::Ordering::Greater => Resource::Cpu,
        std::cmp::Ordering::Less => Resource::Memory,
        std::cmp::Ordering::Equal
            if cpu_capacity > 0
                && permille(cpu_expected, cpu_of) > permille(peak_mib, allocatable_mib) =>
        {
            Resource::Cpu
        }
        std::cmp::Ordering::Equal => Resource::Memory,
    };
    Judged {
        memory,
        cpu,
        verdict: memory.max(cpu),
        limited_by,
    }
}

/// How full a server is on the resource that limits it, per mille.
fn pressure(s: &ServerReport) -> u64 {
    match s.limited_by {
        Resource::Memory => permille(s.peak_mib, s.allocatable_mib),
        Resource::Cpu => permille(
            s.cpu_expected_millicores,
            s.cpu_sustained_millicores
                .filter(|_| s.cpu_verdict == Verdict::Tight)
                .unwrap_or(s.cpu_capacity_millicores),
        ),
    }
}

/// The server that decides an option: the worst verdict, then the fullest
/// on its limiting resource, then the first.
fn deciding(servers: &[ServerReport]) -> Option<&ServerReport> {
    servers.iter().fold(None::<&ServerReport>, |w, s| match w {
        Some(w) if (w.verdict, pressure(w)) >= (s.verdict, pressure(s)) => Some(w),
        _ => Some(s),
    })
}

/// The option's limiting resource (that of its deciding server) and its
/// smallest memory headroom in percent. `None` without servers.
pub(crate) fn option_limits(servers: &[ServerReport]) -> (Option<Resource>, Option<i64>) {
    let headroom = servers.iter().map(|s| s.headroom_pct).min();
    (deciding(servers).map(|s| s.limited_by), headroom)
}

fn pct(used: u64, of: u64) -> u64 {
    permille(used, of) / 10
}

/// What limits a server, in words with its numbers: "limited by CPU: 2.95 of
/// 2 vCPU expected (147 %)"; for a server that fits, what runs out first:
/// "memory runs out first: peak 3 GiB of 3.3 GiB allocatable (90 %)".
///
/// ```
/// use stackfit_core::fit::{evaluate, limited_by_words, Lang};
/// let r = evaluate(&stackfit_core::templates::get("s2").unwrap());
/// let s = &r.option("upgrade-2c4g").unwrap().servers[0];
/// assert!(limited_by_words(s, Lang::En).starts_with("limited by CPU: 2.04 of 2 vCPU expected (101 %)"));
/// assert!(limited_by_words(s, Lang::Zh).starts_with("瓶颈是 CPU：预计 2.04 / 2 vCPU（101 %）"));
/// let lean = &r.option("now").unwrap().servers[0];
/// assert!(limited_by_words(lean, Lang::En).contains("runs out first"));
/// ```
pub fn limited_by_words(s: &ServerReport, lang: Lang) -> String {
    let fits = s.verdict == Verdict::Fits;
    let lead = match (lang, fits) {
        (Lang::En, false) => format!("limited by {}: ", s.limited_by.name_en()),
        (Lang::En, true) => format!("{} runs out first: ", s.limited_by.name_en()),
        (Lang::Zh, false) => format!("瓶颈是{}：", zh_name(s.limited_by)),
        (Lang::Zh, true) => format!("最先用尽的是{}：", zh_name(s.limited_by)),
    };
    let numbers = match s.limited_by {
        Resource::Cpu => {
            let sustained = s
                .cpu_sustained_millicores
                .filter(|b| s.cpu_expected_millicores > *b && s.cpu_verdict == Verdict::Tight);
            let (of, of_words_en, of_words_zh) = match sustained {
                Some(b) => (b, " sustained baseline", "持续基准"),
                None => (s.cpu_capacity_millicores, "", ""),
            };
            let used = pct(s.cpu_expected_millicores, of);
            let expected = format_vcpu(s.cpu_expected_millicores);
            let expected = expected.trim_end_matches(" vCPU");
            match lang {
                Lang::En => format!(
                    "{expected} of {}{of_words_en} expected ({used} %)",
                    format_vcpu(of)
                ),
                Lang::Zh => format!(
                    "预计 {expected} / {}{of_words_zh}（{used} %）",
                    format_vcpu(of)
                ),
            }
        }
        Resource::Memory => {
            let used = pct(s.peak_mib, s.allocatable_mib);
            let (peak, allocatable) = (format_mib(s.peak_mib), format_mib(s.allocatable_mib));
            match lang {
                Lang::En => format!("peak {peak} of {allocatable} allocatable ({used} %)"),
                Lang::Zh => format!("峰值 {peak} / 可分配 {allocatable}（{used} %）"),
            }
        }
    };
    format!("{lead}{numbers}")
}

/// "CPU" stays as written in Chinese, set off from the characters before it.
fn zh_name(r: Resource) -> &'static str {
    match r {
        Resource::Memory => "内存",
        Resource::Cpu => " CPU",
    }
}

/// The option's limiting resource in words: its deciding server's (the
/// worst, then the fullest), named when the option has more than one
/// server. Empty for an option without servers.
///
/// ```
/// use stackfit_core::fit::{evaluate, option_limited_by_words, Lang};
/// let r = evaluate(&stackfit_core::templates::get("s3").unwrap());
/// // Every server of the split fits; the worker is the fullest (CPU 37 %).
/// let words = option_limited_by_words(r.option("b-split").unwrap(), Lang::En);
/// assert!(words.starts_with("worker 8C16G: CPU runs out first: 3 of 8 vCPU"), "{words}");
/// ```
pub fn option_limited_by_words(o: &OptionReport, lang: Lang) -> String {
    match deciding(&o.servers) {
        Some(s) if o.servers.len() > 1 => match lang {
            Lang::En => format!("{}: {}", s.label, limited_by_words(s, lang)),
            Lang::Zh => format!("{}：{}", s.label, limited_by_words(s, lang)),
        },
        Some(s) => limited_by_words(s, lang),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_over_the_vcpus_outranks_fitting_memory() {
        let j = judge(Verdict::Fits, 1000, 3000, 2950, 2000, None);
        assert_eq!(j.verdict, Verdict::DoesNotFit);
        assert_eq!(j.limited_by, Resource::Cpu);
        assert_eq!(j.memory, Verdict::Fits);
    }

    #[test]
    fn on_a_tie_the_fuller_resource_limits() {
        // Memory 90 % used at peak, CPU 40 %: memory limits.
        let j = judge(Verdict::Fits, 900, 1000, 800, 2000, None);
        assert_eq!((j.verdict, j.limited_by), (Verdict::Fits, Resource::Memory));
        // Memory 20 %, CPU 95 %: CPU limits though both fit.
        let j = judge(Verdict::Fits, 200, 1000, 1900, 2000, None);
        assert_eq!((j.verdict, j.limited_by), (Verdict::Fits, Resource::Cpu));
    }

    #[test]
    fn worse_memory_limits_even_when_cpu_is_fuller() {
        let j = judge(Verdict::OomRisk, 1200, 1000, 1990, 2000, None);
        assert_eq!(
            (j.verdict, j.limited_by),
            (Verdict::OomRisk, Resource::Memory)
        );
    }

    #[test]
    fn a_server_without_a_spec_is_not_judged_on_cpu() {
        assert_eq!(cpu_verdict(5000, 0, None), Verdict::Fits);
    }
}
