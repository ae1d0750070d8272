//! The report's sentences in each language, in one place.

use crate::catalog::{USD_CNY_SOURCE, USD_CNY_SOURCE_ZH};
use crate::chart::format_vcpu;
use crate::findings::Lang;
use crate::model::units::{format_mib, format_rate_milli};
use crate::model::ReserveModel;
use crate::report::{Basis, OptionReport, ServerReport, Verdict};

use super::CompareRow;

pub(super) struct Words {
    pub lang: Lang,
    pub unknown: &'static str,
    pub no_servers: &'static str,
    pub per_month: &'static str,
    pub not_evaluated: &'static str,
}

impl Words {
    pub fn of(lang: Lang) -> Words {
        Words {
            lang,
            unknown: lang.pick("未知", "unknown"),
            no_servers: lang.pick("（没有服务器）", "(no servers)"),
            per_month: lang.pick("/月", "/month"),
            not_evaluated: lang.pick("未评估（没有服务器）", "not evaluated (no servers)"),
        }
    }

    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    pub fn verdict(&self, v: Verdict) -> &'static str {
        match self.lang {
            Lang::En => v.name_en(),
            Lang::Zh => v.name_zh(),
        }
    }

    pub fn basis(&self, b: Basis) -> String {
        b.words(self.lang)
    }

    pub fn counts(&self, critical: usize, warnings: usize) -> String {
        match (self.zh(), critical, warnings) {
            (true, 0, 0) => "无需处理".into(),
            (true, c, w) => [(c, "个严重"), (w, "个警告")]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, s)| format!("{n} {s}"))
                .collect::<Vec<_>>()
                .join(" · "),
            (false, 0, 0) => "nothing to fix".into(),
            (false, c, w) => {
                let mut parts = Vec::new();
                if c > 0 {
                    parts.push(format!("{c} critical"));
                }
                match w {
                    0 => {}
                    1 => parts.push("1 warning".into()),
                    n => parts.push(format!("{n} warnings")),
                }
                parts.join(" · ")
            }
        }
    }

    pub fn option_quote(&self, note: &str) -> String {
        match (self.zh(), note.is_empty()) {
            (true, true) => "整个选项的报价".into(),
            (true, false) => format!("整个选项的报价：{note}"),
            (false, true) => "a quote for the whole option".into(),
            (false, false) => format!("a quote for the whole option: {note}"),
        }
    }

    pub fn arithmetic(&self, s: &ServerReport) -> String {
        if self.zh() {
            format!(
                "可用 {} − 系统预留 {} = 可分配 {}",
                format_mib(s.usable_mib),
                format_mib(s.reserve_mib),
                format_mib(s.allocatable_mib)
            )
        } else {
            format!(
                "usable {} − reserve {} = allocatable {}",
                format_mib(s.usable_mib),
                format_mib(s.reserve_mib),
                format_mib(s.allocatable_mib)
            )
        }
    }

    pub fn cpu(&self, s: &ServerReport) -> String {
        let expected = format_vcpu(s.cpu_expected_millicores);
        let expected = expected.trim_end_matches(" vCPU");
        if self.zh() {
            format!("CPU 预计 {expected} / {} vCPU", s.vcpu)
        } else {
            format!("CPU {expected} of {} vCPU expected", s.vcpu)
        }
    }

    pub fn question(&self, name: &str, options: usize) -> String {
        if self.zh() {
            format!("问题：{name}（比较 {options} 个方案）。")
        } else {
            format!("The question: {name} ({options} options compared).")
        }
    }

    pub fn no_answer(&self, fitting: usize) -> String {
        match (self.zh(), fitting) {
            (true, 0) => "回答：没有一个方案放得下并留足余量，需要更大的服务器或更少的服务；各方案的缺口见下表。".into(),
            (true, _) => "回答：有方案放得下，但月费未知，无法按价格推荐；请在价格本中填写这些规格的报价。".into(),
            (false, 0) => "The answer: no option fits with the headroom target; it needs bigger servers or fewer services — the table below shows by how much.".into(),
            (false, _) => "The answer: some options fit, but their monthly cost is unknown, so none can be recommended on price; enter quotes for their tiers in the price book.".into(),
        }
    }

    pub fn cost(&self, r: &CompareRow) -> String {
        let sources = r.price_sources.join(if self.zh() { "；" } else { "; " });
        if self.zh() {
            format!(
                "费用：每月 {}，每年 {}（价格来源：{sources}）。",
                r.monthly, r.yearly
            )
        } else {
            format!(
                "It costs {}/month, {}/year (prices: {sources}).",
                r.monthly, r.yearly
            )
        }
    }

    pub fn risk(&self, o: &OptionReport, attention: usize) -> String {
        let headroom = o.headroom_pct.unwrap_or(0);
        match (self.zh(), attention) {
            (true, 0) => format!(
                "风险：没有需要处理的问题；最紧的服务器高峰时仍留 {headroom}% 余量；内存数字中有 {}% 是假设值。",
                o.assumed_pct
            ),
            (true, n) => format!(
                "风险：有 {n} 个问题需要处理（见下文）；最紧的服务器高峰时留 {headroom}% 余量；内存数字中有 {}% 是假设值。",
                o.assumed_pct
            ),
            (false, 0) => format!(
                "Risk: nothing needs attention; the fullest server keeps {headroom} % free at peak; {} % of its memory figures are assumed.",
                o.assumed_pct
            ),
            (false, n) => format!(
                "Risk: {n} findings need attention (below); the fullest server keeps {headroom} % free at peak; {} % of its memory figures are assumed.",
                o.assumed_pct
            ),
        }
    }

    pub fn headroom_rule(&self, pct: u32) -> String {
        if self.zh() {
            format!("余量目标：高峰时每台服务器至少留出可分配内存的 {pct}%，否则判为“偏紧”。")
        } else {
            format!("Headroom target: at peak every server keeps at least {pct} % of its allocatable memory free; less is \"tight\".")
        }
    }

    pub fn reserve_rule(&self, r: &ReserveModel) -> String {
        if self.zh() {
            format!(
                "系统预留 = 操作系统 {} + containerd {} + dockerd {} + 每个容器 {}；可分配 = 可用内存 − 系统预留。",
                format_mib(r.os_mib),
                format_mib(r.containerd_mib),
                format_mib(r.dockerd_mib),
                format_mib(r.per_container_mib)
            )
        } else {
            format!(
                "Reserve = OS {} + containerd {} + dockerd {} + {} per container; allocatable = usable memory − reserve.",
                format_mib(r.os_mib),
                format_mib(r.containerd_mib),
                format_mib(r.dockerd_mib),
                format_mib(r.per_container_mib)
            )
        }
    }

    pub fn peak_rule(&self) -> String {
        let n = crate::report::PEAKS_THAT_COINCIDE;
        if self.zh() {
            format!("高峰 = 所有服务的典型用量 + 高峰超出最多的 {n} 个服务的超出部分（假设不会所有服务同时到达高峰）。")
        } else {
            format!("Peak = every service at its typical use + the {n} largest peak excesses (not every service peaks at once).")
        }
    }

    pub fn rate(&self, milli: i64, own: bool) -> String {
        let rate = format_rate_milli(milli);
        match (self.zh(), own) {
            (true, true) => format!("汇率：1 美元 = {rate} 元（方案中填写）。"),
            (true, false) => format!("汇率：1 美元 = {rate} 元（{USD_CNY_SOURCE_ZH}）。"),
            (false, true) => format!("Exchange rate: 1 USD = {rate} CNY (set in the plan)."),
            (false, false) => {
                format!(
                    "Exchange rate: 1 USD = {rate} CNY ({}).",
                    USD_CNY_SOURCE.title
                )
            }
        }
    }

    pub fn price_line(&self, p: &str) -> String {
        if self.zh() {
            format!("价格 · {p}")
        } else {
            format!("Price · {p}")
        }
    }

    pub fn assumed_list(&self, names: &[String]) -> String {
        if self.zh() {
            format!(
                "以下服务的内存是假设值（服务目录里没有，也没有实测）：{}。",
                names.join("、")
            )
        } else {
            format!(
                "Assumed rather than measured or sourced (not in the catalog, no measurement): {}.",
                names.join(", ")
            )
        }
    }
}
