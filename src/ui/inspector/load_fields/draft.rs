//! The load fields as typed (`super::LoadFields`): which fields a class of
//! load has, how each is typed against how the engine holds it (minutes →
//! seconds, seconds → ms), each checked against the engine's bound
//! (`stackfit_core::model::load`), and what the fields add up to — load
//! inputs to set, none, or what is still missing — with every refusal in
//! words of the UI's language. No browser here: tested natively.

use stackfit_core::fit::load::LoadClass;
use stackfit_core::model::bounds::Bound;
use stackfit_core::model::load::{
    ARRIVAL_WINDOW_S, LATENCY_MS, REQUESTS_PER_SECOND, TASKS_PER_HOUR, TASK_MS, WHOLE_HOUR_S,
};
use stackfit_core::model::LoadInputs;

use crate::i18n::{Lang, LoadMsg};
use crate::ui::fields::parse::{parse_thousandths, parse_whole};
use crate::ui::fields::FieldError;

/// One load input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Input {
    Rps,
    Latency,
    Tasks,
    Window,
    Mean,
    P95,
}

pub(super) const WEB: &[Input] = &[Input::Rps, Input::Latency];
pub(super) const TASKS: &[Input] = &[Input::Tasks, Input::Window, Input::Mean, Input::P95];
pub(super) const COUNT: usize = 6;

/// How a figure is typed against how the engine holds it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Typed {
    /// A whole number, held as typed.
    Whole,
    /// Seconds with up to three decimals, held in ms.
    Seconds,
    /// Minutes with up to three decimals, held in whole seconds.
    Minutes,
}

impl Input {
    pub(super) fn of(class: LoadClass) -> &'static [Input] {
        match class {
            LoadClass::Web => WEB,
            LoadClass::Tasks => TASKS,
        }
    }

    pub(super) fn testid(self) -> &'static str {
        match self {
            Input::Rps => "load-rps",
            Input::Latency => "load-latency",
            Input::Tasks => "load-tasks-per-hour",
            Input::Window => "load-window",
            Input::Mean => "load-mean",
            Input::P95 => "load-p95",
        }
    }

    pub(super) fn label(self) -> LoadMsg {
        match self {
            Input::Rps => LoadMsg::Rps,
            Input::Latency => LoadMsg::Latency,
            Input::Tasks => LoadMsg::Tasks,
            Input::Window => LoadMsg::Window,
            Input::Mean => LoadMsg::Mean,
            Input::P95 => LoadMsg::P95,
        }
    }

    pub(super) fn unit(self) -> LoadMsg {
        match self {
            Input::Rps => LoadMsg::RpsUnit,
            Input::Latency => LoadMsg::LatencyUnit,
            Input::Tasks => LoadMsg::TasksUnit,
            Input::Window => LoadMsg::WindowUnit,
            Input::Mean | Input::P95 => LoadMsg::SecondsUnit,
        }
    }

    /// The engine's bound, in the unit the engine holds.
    pub(super) fn bound(self) -> &'static Bound {
        match self {
            Input::Rps => &REQUESTS_PER_SECOND,
            Input::Latency => &LATENCY_MS,
            Input::Tasks => &TASKS_PER_HOUR,
            Input::Window => &ARRIVAL_WINDOW_S,
            Input::Mean | Input::P95 => &TASK_MS,
        }
    }

    pub(super) fn typed(self) -> Typed {
        match self {
            Input::Rps | Input::Latency | Input::Tasks => Typed::Whole,
            Input::Window => Typed::Minutes,
            Input::Mean | Input::P95 => Typed::Seconds,
        }
    }

    /// Whether the inputs are incomplete without it (the window defaults to
    /// the whole hour, the p95 to the mean).
    pub(super) fn required(self) -> bool {
        !matches!(self, Input::Window | Input::P95)
    }

    /// What an empty field means, when it means something.
    pub(super) fn empty_means(self) -> Option<LoadMsg> {
        match self {
            Input::Window => Some(LoadMsg::WindowEmpty),
            Input::P95 => Some(LoadMsg::P95Empty),
            _ => None,
        }
    }

    /// The figure the plan holds, in the engine's unit (`None`: not set, or
    /// the default an empty field means).
    pub(super) fn held(self, load: Option<LoadInputs>) -> Option<u64> {
        match (self, load?) {
            (
                Input::Rps,
                LoadInputs::Web {
                    requests_per_second,
                    ..
                },
            ) => Some(requests_per_second),
            (Input::Latency, LoadInputs::Web { latency_ms, .. }) => Some(latency_ms),
            (Input::Tasks, LoadInputs::Tasks { tasks_per_hour, .. }) => Some(tasks_per_hour),
            (
                Input::Window,
                LoadInputs::Tasks {
                    arrival_window_s, ..
                },
            ) => Some(arrival_window_s).filter(|s| *s < WHOLE_HOUR_S),
            (Input::Mean, LoadInputs::Tasks { mean_ms, .. }) => Some(mean_ms),
            (Input::P95, LoadInputs::Tasks { p95_ms, .. }) => p95_ms,
            _ => None,
        }
    }

    /// A held figure as the field shows it: 36000 ms → "36", 180 s → "3".
    pub(super) fn show(self, v: u64) -> String {
        match self.typed() {
            Typed::Whole => v.to_string(),
            Typed::Seconds => decimal(v, false),
            Typed::Minutes => decimal((v * 1000 + 30) / 60, false),
        }
    }

    /// What was typed, in the engine's unit and inside its bound; `None` for
    /// an empty field.
    pub(super) fn read(self, text: &str) -> Result<Option<u64>, LoadError> {
        let held = match self.typed() {
            Typed::Whole => parse_whole(text)?,
            Typed::Seconds => parse_thousandths(text)?,
            // Thousandths of a minute to the nearest second.
            Typed::Minutes => {
                parse_thousandths(text)?.map(|t| if t >= 0 { (t * 60 + 500) / 1000 } else { t })
            }
        };
        let Some(v) = held else {
            return Ok(None);
        };
        self.bound()
            .check(v)
            .map(|v| Some(v as u64))
            .map_err(|_| LoadError::Range(self, text.trim().to_string()))
    }

    /// The allowed range in the field's unit, from the engine's bound:
    /// "from 1 s to 60 min", "1 秒到 60 分钟之间".
    pub(super) fn range(self, lang: Lang) -> String {
        let b = self.bound();
        let (min, max) = (b.min.max(0) as u64, b.max.max(0) as u64);
        let (a, z) = match self.typed() {
            Typed::Whole => (grouped(min), grouped(max)),
            Typed::Seconds => (
                decimal(min, true),
                format!("{} {}", decimal(max, true), LoadMsg::SecondsUnit.text(lang)),
            ),
            Typed::Minutes => (
                format!("{min} {}", LoadMsg::SecondsUnit.text(lang)),
                format!("{} {}", max / 60, LoadMsg::WindowUnit.text(lang)),
            ),
        };
        match lang {
            // A space only between a Latin letter or digit and a Chinese word.
            Lang::Zh => format!("{a}{}到 {z}{}之间", zh_gap(&a), zh_gap(&z)),
            Lang::En => format!("from {a} to {z}"),
        }
    }

    /// What was typed, with the field's unit where the unit is not obvious
    /// from the number: "61 min", "0.5 秒".
    pub(super) fn typed_words(self, typed: &str, lang: Lang) -> String {
        match self {
            Input::Rps | Input::Tasks => typed.to_string(),
            _ => format!("{typed} {}", self.unit().text(lang)),
        }
    }
}

/// " " after a number or a Latin unit, nothing after a Chinese one.
fn zh_gap(words: &str) -> &'static str {
    if words.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        " "
    } else {
        ""
    }
}

/// 10000000 → "10,000,000".
pub(super) fn grouped(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Thousandths as a decimal: 36000 → "36", 500 → "0.5", 1 → "0.001";
/// `group` puts commas in the whole part (for words, never for a field).
pub(super) fn decimal(thousandths: u64, group: bool) -> String {
    let whole = thousandths / 1000;
    let whole = if group {
        grouped(whole)
    } else {
        whole.to_string()
    };
    match thousandths % 1000 {
        0 => whole,
        f => format!("{whole}.{}", format!("{f:03}").trim_end_matches('0')),
    }
}

/// Why what was typed was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum LoadError {
    /// Not a number of the field's kind.
    Typed(FieldError),
    /// Outside the engine's bound: the field and what was typed.
    Range(Input, String),
    /// The p95 duration is shorter than the mean (ms each).
    P95BelowMean { p95_ms: u64, mean_ms: u64 },
}

impl From<FieldError> for LoadError {
    fn from(e: FieldError) -> Self {
        LoadError::Typed(e)
    }
}

impl LoadError {
    /// The message, entirely in `lang`.
    pub(super) fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Typed(e), _) => e.text(lang),
            (LoadError::Range(input, typed), Lang::Zh) => format!(
                "{}须在 {}，未应用 {}。",
                input.label().text(lang),
                input.range(lang),
                input.typed_words(typed, lang)
            ),
            (LoadError::Range(input, typed), Lang::En) => format!(
                "{} must be {}; {} was not applied.",
                input.label().text(lang),
                input.range(lang),
                input.typed_words(typed, lang)
            ),
            (LoadError::P95BelowMean { p95_ms, mean_ms }, Lang::Zh) => format!(
                "p95 耗时（{} 秒）短于平均耗时（{} 秒），未应用。",
                decimal(*p95_ms, true),
                decimal(*mean_ms, true)
            ),
            (LoadError::P95BelowMean { p95_ms, mean_ms }, Lang::En) => format!(
                "The p95 duration ({} s) is shorter than the mean ({} s); nothing was applied.",
                decimal(*p95_ms, true),
                decimal(*mean_ms, true)
            ),
        }
    }
}

/// What the fields add up to.
#[derive(Debug, PartialEq)]
pub(super) enum Outcome {
    /// Load inputs to set (`None`: every field empty).
    Apply(Option<LoadInputs>),
    /// Some fields are filled, these required ones are not.
    Missing(Vec<Input>),
}

/// The load the fields describe: each field's draft where it has one, else
/// the plan's figure. An error names the field it belongs to.
pub(super) fn assemble(
    class: LoadClass,
    held: Option<LoadInputs>,
    drafts: &[Option<String>; COUNT],
) -> Result<Outcome, (Input, LoadError)> {
    let mut values = [None; COUNT];
    for &input in Input::of(class) {
        values[input as usize] = match &drafts[input as usize] {
            Some(text) => input.read(text).map_err(|e| (input, e))?,
            None => input.held(held),
        };
    }
    let inputs = Input::of(class);
    if inputs.iter().all(|i| values[*i as usize].is_none()) {
        return Ok(Outcome::Apply(None));
    }
    let missing: Vec<Input> = inputs
        .iter()
        .copied()
        .filter(|i| i.required() && values[*i as usize].is_none())
        .collect();
    if !missing.is_empty() {
        return Ok(Outcome::Missing(missing));
    }
    let v = |i: Input| values[i as usize].unwrap_or_default();
    Ok(Outcome::Apply(Some(match class {
        LoadClass::Web => LoadInputs::web(v(Input::Rps), v(Input::Latency)),
        LoadClass::Tasks => {
            let (mean_ms, p95_ms) = (v(Input::Mean), values[Input::P95 as usize]);
            if let Some(p95_ms) = p95_ms.filter(|p| *p < mean_ms) {
                return Err((Input::P95, LoadError::P95BelowMean { p95_ms, mean_ms }));
            }
            LoadInputs::Tasks {
                tasks_per_hour: v(Input::Tasks),
                arrival_window_s: values[Input::Window as usize].unwrap_or(WHOLE_HOUR_S),
                mean_ms,
                p95_ms,
            }
        }
    })))
}

/// "Mean duration" → "mean duration", for a list inside a sentence.
pub(super) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drafts(pairs: &[(Input, &str)]) -> [Option<String>; COUNT] {
        let mut d = <[Option<String>; COUNT]>::default();
        for (i, t) in pairs {
            d[*i as usize] = Some(t.to_string());
        }
        d
    }

    #[test]
    fn the_fields_read_minutes_and_seconds_into_the_engines_units() {
        let d = drafts(&[
            (Input::Tasks, "100"),
            (Input::Window, "3"),
            (Input::Mean, "36"),
            (Input::P95, "54.5"),
        ]);
        assert_eq!(
            assemble(LoadClass::Tasks, None, &d),
            Ok(Outcome::Apply(Some(LoadInputs::Tasks {
                tasks_per_hour: 100,
                arrival_window_s: 180,
                mean_ms: 36_000,
                p95_ms: Some(54_500),
            })))
        );
        // Shown back as typed.
        assert_eq!(Input::Window.show(180), "3");
        assert_eq!(Input::Window.show(90), "1.5");
        assert_eq!(Input::P95.show(54_500), "54.5");
    }

    #[test]
    fn an_empty_window_is_the_whole_hour_and_an_empty_p95_the_mean() {
        let d = drafts(&[(Input::Tasks, "100"), (Input::Mean, "0.25")]);
        assert_eq!(
            assemble(LoadClass::Tasks, None, &d),
            Ok(Outcome::Apply(Some(LoadInputs::Tasks {
                tasks_per_hour: 100,
                arrival_window_s: WHOLE_HOUR_S,
                mean_ms: 250,
                p95_ms: None,
            })))
        );
        assert_eq!(
            Input::Window.held(Some(LoadInputs::tasks(1, 3600, 1, 1))),
            None
        );
    }

    #[test]
    fn a_partial_load_waits_and_an_emptied_one_is_removed() {
        let d = drafts(&[(Input::Tasks, "100")]);
        assert_eq!(
            assemble(LoadClass::Tasks, None, &d),
            Ok(Outcome::Missing(vec![Input::Mean]))
        );
        let held = Some(LoadInputs::web(50, 200));
        let d = drafts(&[(Input::Rps, ""), (Input::Latency, " ")]);
        assert_eq!(assemble(LoadClass::Web, held, &d), Ok(Outcome::Apply(None)));
    }

    #[test]
    fn bad_values_are_named_in_the_ui_language() {
        let held = Some(LoadInputs::tasks(100, 180, 36_000, 54_000));
        let (at, e) = assemble(LoadClass::Tasks, held, &drafts(&[(Input::P95, "10")])).unwrap_err();
        assert_eq!(at, Input::P95);
        assert_eq!(
            e.text(Lang::En),
            "The p95 duration (10 s) is shorter than the mean (36 s); nothing was applied."
        );
        assert_eq!(
            e.text(Lang::Zh),
            "p95 耗时（10 秒）短于平均耗时（36 秒），未应用。"
        );
        let e = Input::Tasks.read("0").unwrap_err();
        assert_eq!(
            e.text(Lang::En),
            "Tasks per hour must be from 1 to 10,000,000; 0 was not applied."
        );
        assert_eq!(
            e.text(Lang::Zh),
            "每小时任务数须在 1 到 10,000,000 之间，未应用 0。"
        );
        let e = Input::Window.read("61").unwrap_err();
        assert_eq!(
            e.text(Lang::Zh),
            "到达窗口须在 1 秒到 60 分钟之间，未应用 61 分钟。"
        );
        assert!(matches!(Input::Mean.read("abc"), Err(LoadError::Typed(_))));
        for input in TASKS.iter().chain(WEB) {
            for word in ["from", "must", "not", "was"] {
                assert!(!input.range(Lang::Zh).contains(word));
            }
        }
    }
}
