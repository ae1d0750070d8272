//! The reference scenarios S0–S4 as built-in plans, each carrying every
//! option its report compares. Figures taken from a report are the plan's
//! own overrides, labelled as the report labels them — a `docker stats`
//! measurement is measured, a report's example output or a team's estimate
//! is an estimate, a price is a quote — with a note naming the report; a
//! note also says where the report's own arithmetic is wrong. Nothing here
//! is catalog data.

mod s0;
mod s1;
mod s2;
mod s3;
mod s4;

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

/// Builds a template's plan with its names, labels and notes in one language.
type Builder = fn(Tr) -> Plan;

/// The templates as the picker lists them. Kept apart from the builders:
/// the web app lists them all but builds only the first (the others it
/// loads as plan files, `assets/templates/`, so their code stays out of its
/// first load).
const INFOS: [TemplateInfo; 5] = [s0::INFO, s1::INFO, s2::INFO, s3::INFO, s4::INFO];

const BUILDERS: [Builder; 5] = [s0::plan, s1::plan, s2::plan, s3::plan, s4::plan];

/// Every built-in template, in order.
///
/// ```
/// let ids: Vec<_> = stackfit_core::templates::list().iter().map(|t| t.id).collect();
/// assert_eq!(ids, ["s0-finrep", "s1-observability", "s2-ecs-2c2g", "s3-euraflow", "s4-voc"]);
/// ```
pub fn list() -> Vec<TemplateInfo> {
    INFOS.to_vec()
}

/// The template a first visit opens (S0), built without the others.
///
/// ```
/// use stackfit_core::fit::Lang;
/// let first = stackfit_core::templates::first_in(Lang::En);
/// assert_eq!(Some(first), stackfit_core::templates::get("s0"));
/// ```
pub fn first_in(lang: Lang) -> Plan {
    s0::plan(Tr(lang))
}

/// The file name of a template's plan file in `lang`, as the web app
/// fetches it: `s3-euraflow.zh.json`.
pub fn asset_name(id: &str, lang: Lang) -> String {
    let l = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    format!("{id}.{l}.json")
}

/// A fresh copy of the template's plan in English, by id (or by its short
/// name "s0" … "s4").
pub fn get(id: &str) -> Option<Plan> {
    get_in(id, Lang::En)
}

/// The template's plan with its plan, option and server names and its notes
/// in `lang`. The plans are the same question in either language: same ids,
/// figures, tiers and prices.
///
/// ```
/// use stackfit_core::fit::Lang;
/// let plan = stackfit_core::templates::get_in("s2", Lang::Zh).unwrap();
/// assert_eq!(plan.options[0].name, "2C2G 现状");
/// ```
pub fn get_in(id: &str, lang: Lang) -> Option<Plan> {
    INFOS
        .iter()
        .position(|i| i.id == id || i.id.split('-').next() == Some(id))
        .map(|n| BUILDERS[n](Tr(lang)))
}

/// Picks a template's text in its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tr(pub Lang);

impl Tr {
    /// `en` or `zh`, as the template's language asks.
    pub fn t(self, en: &str, zh: &str) -> String {
        match self.0 {
            Lang::En => en.to_string(),
            Lang::Zh => zh.to_string(),
        }
    }

    /// The pair `(en, zh)` in the template's language.
    pub fn p(self, text: (&str, &str)) -> String {
        self.t(text.0, text.1)
    }
}
