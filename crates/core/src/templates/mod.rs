//! The reference scenarios S0–S4 as built-in plans with their options.
//! Figures quoted by the original reports (measured memory, limits, prices)
//! are stored as the plan's own overrides with a note saying so — never as
//! catalog data.

mod s0;
mod s1;
mod s2;
mod s3;
mod s4;
mod zh;

use serde::Serialize;

use crate::model::Plan;
use crate::report::Lang;

/// A template as the template picker lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TemplateInfo {
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub summary_en: &'static str,
    pub summary_zh: &'static str,
}

/// Builds a template's plan.
type Builder = fn() -> Plan;

const TEMPLATES: &[(TemplateInfo, Builder)] = &[
    (s0::INFO, s0::plan),
    (s1::INFO, s1::plan),
    (s2::INFO, s2::plan),
    (s3::INFO, s3::plan),
    (s4::INFO, s4::plan),
];

/// Every built-in template, in order.
///
/// ```
/// let ids: Vec<_> = stackfit_core::templates::list().iter().map(|t| t.id).collect();
/// assert_eq!(ids, ["s0-finrep", "s1-observability", "s2-ecs-2c2g", "s3-euraflow", "s4-voc"]);
/// ```
pub fn list() -> Vec<TemplateInfo> {
    TEMPLATES.iter().map(|(i, _)| *i).collect()
}

/// A fresh copy of the template's plan, by id (or by its short name "s0" … "s4").
pub fn get(id: &str) -> Option<Plan> {
    TEMPLATES
        .iter()
        .find(|(i, _)| i.id == id || i.id.split('-').next() == Some(id))
        .map(|(_, f)| f())
}

/// The template's plan with its plan, option and server names in `lang`.
///
/// ```
/// use stackfit_core::fit::Lang;
/// let plan = stackfit_core::templates::get_in("s2", Lang::Zh).unwrap();
/// assert_eq!(plan.options[0].name, "2C2G 现状");
/// ```
pub fn get_in(id: &str, lang: Lang) -> Option<Plan> {
    let info = TEMPLATES
        .iter()
        .find(|(i, _)| i.id == id || i.id.split('-').next() == Some(id))?
        .0;
    let mut plan = get(info.id)?;
    if lang == Lang::Zh {
        zh::localize(info.id, &mut plan);
    }
    Some(plan)
}

/// A note for figures taken from a scenario's own report.
pub(crate) fn from_report(scenario: &str, what: &str) -> String {
    format!("{what} — figure from the {scenario} report (user-supplied, not catalog data)")
}
