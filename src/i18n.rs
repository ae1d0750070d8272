//! The two languages of the UI and every fixed string in both. Engine text
//! (service names, findings) comes from `stackfit-core` in both languages.

use serde::{Deserialize, Serialize};
use stackfit_core::model::units::format_fen;

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The language to start in for a browser language tag such as "zh-CN",
    /// "zh-TW" or "en-US": Chinese for any `zh`, English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language: what the switch changes to.
    pub fn toggled(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A fixed UI string, in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Tagline,
    SwitchTo,
    SwitchLabel,
    Palette,
    PaletteHint,
    Board,
    ServerDefaultLabel,
    Vcpu,
    Memory,
    Usable,
    PriceUnknown,
    PerMonth,
    EmptyServer,
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Msg::Tagline => (
                "容器规划：放得下吗？要多少钱？",
                "Will it fit, and what will it cost?",
            ),
            Msg::SwitchTo => ("English", "中文"),
            Msg::SwitchLabel => ("切换到英文", "Switch to Chinese"),
            Msg::Palette => ("服务目录", "Services"),
            Msg::PaletteHint => (
                "把服务拖到服务器上，或点击服务选择服务器；方向键在服务间移动。",
                "Drag a service onto a server, or click it to pick one; arrow keys move between services.",
            ),
            Msg::Board => ("服务器", "Servers"),
            Msg::ServerDefaultLabel => ("A — 主节点", "A — main"),
            Msg::Vcpu => ("vCPU", "vCPU"),
            Msg::Memory => ("内存", "Memory"),
            Msg::Usable => ("系统可见", "usable"),
            Msg::PriceUnknown => (
                "价格未知 — 请填写实际价格",
                "price unknown — enter your own",
            ),
            Msg::PerMonth => ("/月", "/month"),
            Msg::EmptyServer => (
                "还没有服务。从左侧拖入。",
                "No services yet. Drag one in from the left.",
            ),
        };
        lang.pick(zh, en)
    }
}

/// The fixed words of the inspector's load section
/// (`ui::inspector::load_fields`): labels, units and notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadMsg {
    Heading,
    Hint,
    Rps,
    RpsUnit,
    Latency,
    LatencyUnit,
    Tasks,
    TasksUnit,
    Window,
    WindowUnit,
    WindowEmpty,
    Mean,
    SecondsUnit,
    P95,
    P95Empty,
    Allowed,
    StillNeeded,
    NothingUntilFilled,
    Derived,
    OptionWorkers,
}

impl LoadMsg {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            LoadMsg::Heading => ("负载", "Load"),
            LoadMsg::Hint => (
                "峰值时的负载，都可不填。填了就按利特尔法则（同时在处理的数量 = 到达速率 × 耗时）推算所需的并发数和内存。",
                "The load at peak; every field is optional. From it StackFit derives, by Little's law (in flight = arrival rate × time), the concurrency and memory it needs.",
            ),
            LoadMsg::Rps => ("每秒请求数", "Requests per second"),
            LoadMsg::RpsUnit => ("个/秒", "req/s"),
            LoadMsg::Latency => ("平均延迟", "Mean latency"),
            LoadMsg::LatencyUnit => ("毫秒", "ms"),
            LoadMsg::Tasks => ("每小时任务数", "Tasks per hour"),
            LoadMsg::TasksUnit => ("个/小时", "tasks/h"),
            LoadMsg::Window => ("到达窗口", "Arrival window"),
            LoadMsg::WindowUnit => ("分钟", "min"),
            LoadMsg::WindowEmpty => ("留空表示在一小时内均匀到达", "empty: spread over the hour"),
            LoadMsg::Mean => ("平均耗时", "Mean duration"),
            LoadMsg::SecondsUnit => ("秒", "s"),
            LoadMsg::P95 => ("p95 耗时", "p95 duration"),
            LoadMsg::P95Empty => ("留空表示与平均耗时相同", "empty: the mean"),
            LoadMsg::Allowed => ("可填", "Allowed"),
            LoadMsg::StillNeeded => ("还需填写：", "Still needed: "),
            LoadMsg::NothingUntilFilled => (
                "。填全后才会应用；要去掉负载，请清空所有字段。",
                ". Nothing is applied until they are filled in; to remove the load, empty every field.",
            ),
            LoadMsg::Derived => ("推算", "Derived"),
            LoadMsg::OptionWorkers => ("这个选项的所有任务进程合计", "This option's task workers together"),
        };
        lang.pick(zh, en)
    }
}

/// "Derived at this option's load ×2 …": the derivation follows the what-if
/// multiplier (`x`, e.g. "×2"), the fields hold the plan's figures.
pub fn load_at_words(lang: Lang, x: &str) -> String {
    match lang {
        Lang::Zh => format!("以上按这个选项的负载 {x} 推算；输入框里是 ×1 时的数字。"),
        Lang::En => {
            format!("Derived at this option's load {x}; the fields hold the figures at ×1.")
        }
    }
}

/// Joins each number to the unit after it with a no-break space (the
/// engine's rule, shared with the tools worker's preview).
pub use stackfit_core::model::units::keep_units;

impl From<Lang> for stackfit_core::fit::Lang {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Zh => stackfit_core::fit::Lang::Zh,
            Lang::En => stackfit_core::fit::Lang::En,
        }
    }
}

/// "¥1,234.00" or, when a server has no price, what is missing.
pub fn money_text(fen: Option<i64>, lang: Lang) -> String {
    match fen {
        Some(fen) => format_fen(fen),
        None => lang.pick("价格未知", "price unknown").to_string(),
    }
}

/// The unit written after a knob's value, (zh, en): beside the
/// inspector's input and in its sources.
pub fn knob_unit(unit: stackfit_core::model::KnobUnit) -> Option<(&'static str, &'static str)> {
    use stackfit_core::model::KnobUnit;
    match unit {
        KnobUnit::Mib => Some(("MiB", "MiB")),
        KnobUnit::Kib => Some(("KiB", "KiB")),
        // Typed and shown in CPUs; the plan holds millicores.
        KnobUnit::Millicores => Some(("核", "CPUs")),
        KnobUnit::Percent => Some(("%", "%")),
        KnobUnit::Days => Some(("天", "days")),
        KnobUnit::Count | KnobUnit::Bool | KnobUnit::Choice(_) => None,
    }
}

/// A preset's name, (zh, en): the inspector's preset buttons and its sources.
pub fn preset_label(id: &str) -> (&str, &str) {
    match id {
        "min" => ("最低", "Min"),
        "standard" => ("标准", "Standard"),
        "ideal" => ("理想", "Ideal"),
        other => (other, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_browser_tags_start_in_chinese() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("zh-TW"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn switch_names_the_other_language() {
        assert_eq!(Msg::SwitchTo.text(Lang::Zh), "English");
        assert_eq!(Msg::SwitchTo.text(Lang::En), "中文");
        assert_eq!(Lang::Zh.toggled().toggled(), Lang::Zh);
    }
}
