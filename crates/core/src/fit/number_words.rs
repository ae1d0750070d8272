//! The numbers behind a finding in words with their units: `cpu_millicores
//! 2950` reads "expected CPU: 2.95 CPUs" / "预计 CPU：2.95 核". One table of
//! every number name the rules use; a name missing from it still reads as
//! words (underscores become spaces) and a test keeps the table complete.

use crate::findings::{Finding, Lang, Number};
use crate::model::units::{format_cpus, format_mib};

/// How a number's value is written.
#[derive(Clone, Copy)]
enum Unit {
    Mib,
    Millicores,
    Percent,
    Count,
    /// 0 = no, anything else = yes.
    YesNo,
}

/// (name, en label, zh label, unit).
const NAMES: &[(&str, &str, &str, Unit)] = &[
    (
        "allocatable_mib",
        "allocatable memory",
        "可分配内存",
        Unit::Mib,
    ),
    (
        "available",
        "connections left for the apps",
        "留给应用的连接数",
        Unit::Count,
    ),
    (
        "baseline_millicores",
        "sustained CPU baseline",
        "持续 CPU 基准",
        Unit::Millicores,
    ),
    (
        "browser_mib",
        "memory the browsers add at peak",
        "浏览器峰值增加的内存",
        Unit::Mib,
    ),
    ("browsers", "browsers", "浏览器数", Unit::Count),
    (
        "claimed_mib",
        "memory the label claims",
        "标注的内存",
        Unit::Mib,
    ),
    (
        "claimed_vcpu",
        "vCPUs the label claims",
        "标注的 vCPU 数",
        Unit::Count,
    ),
    (
        "cpu_millicores",
        "expected CPU",
        "预计 CPU",
        Unit::Millicores,
    ),
    (
        "dependencies",
        "dependencies on the other server",
        "依赖另一台服务器的服务数",
        Unit::Count,
    ),
    ("expected_mib", "typical use", "平时占用", Unit::Mib),
    (
        "likely",
        "connections held at peak",
        "高峰时占用的连接数",
        Unit::Count,
    ),
    (
        "worst",
        "connections if every pool filled",
        "连接池全部占满时的连接数",
        Unit::Count,
    ),
    ("swap_mib", "swap", "交换空间", Unit::Mib),
    (
        "swapped_mib",
        "typical use that would run from swap",
        "要靠交换空间承担的平时占用",
        Unit::Mib,
    ),
    ("assumed_mib", "assumed memory", "假设的内存", Unit::Mib),
    (
        "assumed_pct",
        "share of the estimate assumed",
        "估算中假设值的占比",
        Unit::Percent,
    ),
    ("gevent", "gevent pool", "gevent 池", Unit::YesNo),
    ("headroom_mib", "free at peak", "峰值时剩余", Unit::Mib),
    ("headroom_pct", "free at peak", "峰值时剩余", Unit::Percent),
    ("heap_mib", "heap", "堆", Unit::Mib),
    ("host_cpus", "host CPUs", "主机 CPU 数", Unit::Count),
    ("host_mib", "host memory", "主机内存", Unit::Mib),
    ("limit_mib", "memory limit", "内存上限", Unit::Mib),
    (
        "limits_mib",
        "memory limits in total",
        "内存上限合计",
        Unit::Mib,
    ),
    (
        "max_connections",
        "max_connections",
        "max_connections",
        Unit::Count,
    ),
    ("maxmemory_mib", "maxmemory", "maxmemory", Unit::Mib),
    (
        "memory_mib",
        "memory of the tier",
        "该规格的内存",
        Unit::Mib,
    ),
    (
        "needed",
        "concurrency the load needs",
        "负载所需的并发",
        Unit::Count,
    ),
    ("needed_mib", "needed", "需要", Unit::Mib),
    ("over_mib", "over by", "超出", Unit::Mib),
    ("peak_mib", "peak", "峰值", Unit::Mib),
    (
        "percent",
        "share of host memory it takes",
        "占主机内存的比例",
        Unit::Percent,
    ),
    ("plan", "the plan's concurrency", "方案的并发", Unit::Count),
    (
        "persistence",
        "persistence (fork)",
        "持久化（fork）",
        Unit::YesNo,
    ),
    (
        "pools_total",
        "connection pools in total",
        "连接池合计",
        Unit::Count,
    ),
    (
        "reserve_mib",
        "OS and Docker reserve",
        "系统与 Docker 预留",
        Unit::Mib,
    ),
    ("shm_mib", "/dev/shm", "/dev/shm", Unit::Mib),
    ("shortfall_mib", "short by", "缺少", Unit::Mib),
    ("sized_mib", "what it takes", "自行占用", Unit::Mib),
    (
        "spare_mib",
        "memory beyond what the load uses",
        "超出负载所需的内存",
        Unit::Mib,
    ),
    ("suggested", "suggested", "建议值", Unit::Count),
    (
        "suggested_heap_mib",
        "suggested heap",
        "建议的堆",
        Unit::Mib,
    ),
    (
        "suggested_limit_mib",
        "suggested limit",
        "建议的上限",
        Unit::Mib,
    ),
    (
        "suggested_maxmemory_mib",
        "suggested maxmemory",
        "建议的 maxmemory",
        Unit::Mib,
    ),
    (
        "superuser_reserved",
        "reserved for superusers",
        "留给超级用户",
        Unit::Count,
    ),
    ("target_pct", "headroom target", "目标余量", Unit::Percent),
    (
        "usable_mib",
        "memory the OS sees",
        "系统可见内存",
        Unit::Mib,
    ),
    ("vcpu", "vCPUs", "vCPU 数", Unit::Count),
];

fn lookup(name: &str) -> Option<&'static (&'static str, &'static str, &'static str, Unit)> {
    NAMES.iter().find(|n| n.0 == name)
}

/// A finding's number as a label and a value with its unit.
pub trait NumberWords {
    /// ("expected CPU", "2.95 CPUs") / ("预计 CPU", "2.95 核").
    fn words(&self, lang: Lang) -> (String, String);
}

impl NumberWords for Number {
    fn words(&self, lang: Lang) -> (String, String) {
        let zh = lang == Lang::Zh;
        let (label, unit) = match lookup(self.name) {
            Some((_, en, zh_label, unit)) => (if zh { *zh_label } else { *en }.to_string(), *unit),
            None => (self.name.replace('_', " "), Unit::Count),
        };
        let v = self.value;
        let value = match unit {
            Unit::Mib if v >= 0 => format_mib(v as u64),
            Unit::Mib => format!("−{}", format_mib(v.unsigned_abs())),
            Unit::Millicores => {
                let cpus = format_cpus(v.max(0) as u64);
                match (zh, v) {
                    (true, _) => format!("{cpus} 核"),
                    (false, 1000) => "1 CPU".to_string(),
                    (false, _) => format!("{cpus} CPUs"),
                }
            }
            Unit::Percent => format!("{v} %"),
            Unit::Count => v.to_string(),
            Unit::YesNo => match (zh, v != 0) {
                (true, true) => "是".to_string(),
                (true, false) => "否".to_string(),
                (false, true) => "yes".to_string(),
                (false, false) => "no".to_string(),
            },
        };
        (label, value)
    }
}

impl Finding {
    /// Every number behind the finding, in words with units.
    ///
    /// ```
    /// use stackfit_core::fit::{Finding, FindingKind, Lang, Severity};
    /// let f = Finding::new(FindingKind::CpuOversubscribed, Severity::Critical, "a")
    ///     .n("cpu_millicores", 2950)
    ///     .n("vcpu", 2);
    /// assert_eq!(f.numbers_in_words(Lang::En), [
    ///     ("expected CPU".to_string(), "2.95 CPUs".to_string()),
    ///     ("vCPUs".to_string(), "2".to_string()),
    /// ]);
    /// assert_eq!(f.numbers_in_words(Lang::Zh)[0], ("预计 CPU".to_string(), "2.95 核".to_string()));
    /// ```
    pub fn numbers_in_words(&self, lang: Lang) -> Vec<(String, String)> {
        self.numbers.iter().map(|n| n.words(lang)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::evaluate;

    /// Every number any template's findings carry has words in the table,
    /// so the screen never shows a raw key such as `cpu_millicores`.
    #[test]
    fn every_number_the_templates_show_has_words() {
        for t in crate::templates::list() {
            let r = evaluate(&crate::templates::get(t.id).unwrap());
            for f in r.options.iter().flat_map(|o| o.findings()) {
                for n in &f.numbers {
                    assert!(
                        lookup(n.name).is_some(),
                        "{}: no words for {}",
                        f.id(),
                        n.name
                    );
                }
            }
        }
    }

    /// Every name any rule gives a number (read from the rules' source), so
    /// a new rule cannot add a number without words.
    #[test]
    fn every_number_a_rule_can_give_has_words() {
        let sources = [
            include_str!("rules.rs"),
            include_str!("rules_placement.rs"),
            include_str!("rules_option.rs"),
        ];
        let mut seen = 0;
        for src in sources {
            for (i, _) in src.match_indices(".n(") {
                let rest = src[i + 3..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let name = &rest[..rest.find('"').unwrap()];
                assert!(lookup(name).is_some(), "no words for {name}");
                seen += 1;
            }
        }
        assert!(seen > 30, "read only {seen} numbers from the rules");
    }

    #[test]
    fn the_table_names_each_number_once() {
        let mut names: Vec<_> = NAMES.iter().map(|n| n.0).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), NAMES.len());
    }
}
