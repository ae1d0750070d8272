//! Saved plans in local storage: an index of plans plus one entry per plan
//! (the engine's versioned JSON), autosaved on every change. Storage that is
//! missing, full or holding a broken plan is reported and never fatal, and a
//! saved plan is never overwritten by another one.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use stackfit_core::model::{Plan, PlanOption, Server, Settings};
use stackfit_core::{codec, templates};

use super::planner::Planner;
use crate::browser::storage::{self, StorageProblem};
use crate::i18n::Lang;

const INDEX_KEY: &str = "stackfit.plans";
const CURRENT_KEY: &str = "stackfit.current";
const PLAN_KEY_PREFIX: &str = "stackfit.plan.";
/// The option on screen of a saved plan, so a reload (or opening it from
/// the plan menu) shows the option the user was on.
const OPTION_KEY_PREFIX: &str = "stackfit.option.";

/// The template a first visit opens on.
pub const FIRST_TEMPLATE: &str = "s0-finrep";

/// One saved plan as the plan menu lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedPlan {
    pub id: String,
    pub name: String,
    /// Milliseconds since the epoch of the last save.
    pub updated_ms: f64,
}

/// Something the user should know about storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Storage cannot be written: work goes on, unsaved.
    Unavailable(String),
    /// A saved plan could not be read; it was left as it is.
    Unreadable { name: String, reason: String },
    /// A saved plan was read, but validation had to change things.
    Repaired { name: String, fixes: Vec<String> },
    /// A template's plan file could not be loaded; the current plan stays.
    TemplateUnavailable { name: String, reason: String },
}

/// Handles to the plan library; `Copy`.
#[derive(Clone, Copy)]
pub struct Library {
    pub entries: RwSignal<Vec<SavedPlan>>,
    /// The id under which the plan being edited is saved.
    pub current: RwSignal<String>,
    pub notice: RwSignal<Option<Notice>>,
    /// Plans on their way in (a share link the tools worker is unpacking):
    /// while any is, the planner is not yet ready, and the plan on screen
    /// when the first began arriving ([`Library::held`]) is not saved as
    /// long as it stays as it was (a first visit by a link saves only the
    /// linked plan). What the user changes or opens meanwhile is saved.
    pub arriving: RwSignal<u32>,
    /// The id and plan on screen when a link began arriving.
    held: StoredValue<Option<(String, Plan)>>,
}

/// What the app starts with: the plan to edit and the library's state.
pub struct Boot {
    pub plan: Plan,
    /// The option that was on screen, if the plan was open before.
    pub option: Option<String>,
    pub current: String,
    pub entries: Vec<SavedPlan>,
    pub notice: Option<Notice>,
}

/// Reads the library and picks the plan to open: the one edited last, else
/// the first template, named in `lang`. Never writes.
pub fn boot(lang: Lang) -> Boot {
    let mut notice = None;
    let entries = match storage::load::<Vec<SavedPlan>>(INDEX_KEY) {
        Ok(list) => list.unwrap_or_default(),
        Err(problem) => {
            notice = Some(problem_notice(problem));
            Vec::new()
        }
    };
    let current = storage::load::<String>(CURRENT_KEY).ok().flatten();
    if let Some(entry) = current.and_then(|id| entries.iter().find(|e| e.id == id).cloned()) {
        match read_plan(&entry) {
            Ok((plan, fixes)) => {
                if !fixes.is_empty() {
                    notice = Some(Notice::Repaired {
                        name: entry.name.clone(),
                        fixes,
                    });
                }
                return Boot {
                    plan,
                    option: saved_option(&entry.id),
                    current: entry.id,
                    entries,
                    notice,
                };
            }
            Err(reason) => {
                notice = Some(Notice::Unreadable {
                    name: entry.name.clone(),
                    reason,
                })
            }
        }
    }
    let plan = templates::first_in(lang.into());
    Boot {
        plan,
        option: None,
        current: new_id(&entries),
        entries,
        notice,
    }
}

fn read_plan(entry: &SavedPlan) -> Result<(Plan, Vec<String>), String> {
    let text = storage::load::<String>(&plan_key(&entry.id))
        .map_err(|p| format!("{p:?}"))?
        .ok_or_else(|| "the saved plan is missing from storage".to_string())?;
    codec::from_json(&text)
        .map(|r| (r.plan, r.fixes.iter().map(|n| n.text_en()).collect()))
        .map_err(|e| e.to_string())
}

fn problem_notice(problem: StorageProblem) -> Notice {
    match problem {
        StorageProblem::Unavailable(why) | StorageProblem::Corrupt(why) => Notice::Unavailable(why),
    }
}

fn option_key(id: &str) -> String {
    format!("{OPTION_KEY_PREFIX}{id}")
}

/// The option saved plan `id` was last shown on, if known.
fn saved_option(id: &str) -> Option<String> {
    storage::load::<String>(&option_key(id)).ok().flatten()
}

fn plan_key(id: &str) -> String {
    format!("{PLAN_KEY_PREFIX}{id}")
}

/// A new plan id not used by any saved plan.
fn new_id(entries: &[SavedPlan]) -> String {
    let base = format!("p{}", js_sys::Date::now() as u64);
    crate::state::planner::fresh_id(&base, entries.iter().map(|e| e.id.as_str()))
}

/// An empty plan with one option and one 2C4G server: where "New plan"
/// starts, named in `lang`.
pub fn empty_plan(lang: Lang) -> Plan {
    Plan {
        quotes: Vec::new(),
        name: lang.pick("未命名方案", "Untitled plan").into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("a", "A").with(Server::new("a", "A", "aliyun-ecs-c7-large"))],
    }
}

impl Library {
    /// A plan is on its way in: until it arrives ([`Library::arrived`]) the
    /// plan on screen now is not saved unless it changes.
    pub fn arriving(&self, planner: &Planner) {
        if self.arriving.get_untracked() == 0 {
            let shown = (
                self.current.get_untracked(),
                planner.with_plan(Clone::clone),
            );
            self.held.set_value(Some(shown));
        }
        self.arriving.update(|n| *n += 1);
    }

    /// A plan that was on its way has arrived (opened or refused).
    pub fn arrived(&self) {
        self.arriving.update(|n| *n = n.saturating_sub(1));
        if self.arriving.get_untracked() == 0 {
            // Nothing is on its way: the snapshot is not needed any more.
            self.held.set_value(None);
        }
    }

    /// Saves the plan being edited under the current id.
    fn autosave(&self, plan: &Plan) {
        let id = self.current.get_untracked();
        let result = storage::save(&plan_key(&id), &codec::to_json(plan)).and_then(|()| {
            let mut entries = self.entries.get_untracked();
            let now = js_sys::Date::now();
            match entries.iter_mut().find(|e| e.id == id) {
                Some(entry) => {
                    entry.name = plan.name.clone();
                    entry.updated_ms = now;
                }
                None => entries.push(SavedPlan {
                    id: id.clone(),
                    name: plan.name.clone(),
                    updated_ms: now,
                }),
            }
            storage::save(INDEX_KEY, &entries)?;
            storage::save(CURRENT_KEY, &id)?;
            self.entries.set(entries);
            Ok(())
        });
        match result {
            Ok(()) => {
                if matches!(self.notice.get_untracked(), Some(Notice::Unavailable(_))) {
                    self.notice.set(None);
                }
            }
            Err(problem) => self.notice.set(Some(problem_notice(problem))),
        }
    }

    /// Opens `plan` as a new saved plan (a template, "new", a duplicate, a
    /// link or a file). A name a saved plan already has gets a number ("S0
    /// (2)"), so the plan menu tells them apart. Returns the name it got.
    pub fn open_new(&self, planner: &Planner, mut plan: Plan) -> String {
        let entries = self.entries.get_untracked();
        plan.name = distinct_name(&plan.name, entries.iter().map(|e| e.name.as_str()));
        self.current.set(new_id(&entries));
        let name = plan.name.clone();
        planner.open(plan);
        name
    }

    /// Opens a saved plan; an unreadable one is reported and the current plan stays.
    pub fn open_saved(&self, planner: &Planner, id: &str) {
        let Some(entry) = self
            .entries
            .get_untracked()
            .into_iter()
            .find(|e| e.id == id)
        else {
            return;
        };
        match read_plan(&entry) {
            Ok((plan, fixes)) => {
                self.notice
                    .set((!fixes.is_empty()).then(|| Notice::Repaired {
                        name: entry.name.clone(),
                        fixes,
                    }));
                let option = saved_option(&entry.id);
                self.current.set(entry.id);
                planner.open(plan);
                if let Some(option) = option {
                    planner.pick_option(&option);
                }
            }
            Err(reason) => self.notice.set(Some(Notice::Unreadable {
                name: entry.name,
                reason,
            })),
        }
    }

    /// Deletes a saved plan. Deleting the open plan opens the most recent
    /// other one, or a new one named in `lang`.
    pub fn delete(&self, planner: &Planner, id: &str, lang: Lang) {
        let mut entries = self.entries.get_untracked();
        entries.retain(|e| e.id != id);
        if let Err(problem) = storage::remove(&plan_key(id))
            .and_then(|()| storage::remove(&option_key(id)))
            .and_then(|()| storage::save(INDEX_KEY, &entries))
        {
            self.notice.set(Some(problem_notice(problem)));
        }
        self.entries.set(entries.clone());
        if self.current.get_untracked() == id {
            let latest = entries
                .iter()
                .max_by(|a, b| a.updated_ms.total_cmp(&b.updated_ms))
                .map(|e| e.id.clone());
            match latest {
                Some(other) => self.open_saved(planner, &other),
                None => {
                    self.open_new(planner, empty_plan(lang));
                }
            }
        }
    }
}

/// Creates the library from `boot` and autosaves the planner's plan on every change.
pub fn provide_library(planner: Planner, boot: &Boot) -> Library {
    let library = Library {
        entries: RwSignal::new(boot.entries.clone()),
        current: RwSignal::new(boot.current.clone()),
        notice: RwSignal::new(boot.notice.clone()),
        arriving: RwSignal::new(0),
        held: StoredValue::new(None),
    };
    Effect::new(move |_| {
        let arriving = library.arriving.get() > 0;
        // Track the plan (and the id it is saved under), then save untracked.
        let id = library.current.get();
        planner.with_plan(|plan| {
            let held = arriving
                && library
                    .held
                    .with_value(|h| h.as_ref().is_some_and(|(i, p)| *i == id && p == plan));
            if !held {
                library.autosave(plan);
            }
        });
    });
    if let Some(option) = &boot.option {
        planner.pick_option(option);
    }
    // Remember the option on screen for the plan it belongs to (a storage
    // that cannot be written is already reported by the autosave).
    Effect::new(move |_| {
        let id = library.current.get();
        let option = planner.option_id.get();
        let _ = storage::save(&option_key(&id), &option);
    });
    provide_context(library);
    library
}

/// The library provided by [`provide_library`].
pub fn use_library() -> Library {
    expect_context::<Library>()
}

/// `name`, or `name (2)`, `name (3)`, … — the first that none of `taken`
/// is. A name that already ends in a number counts on from it.
fn distinct_name<'a>(name: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    if !taken.clone().any(|t| t == name) {
        return name.to_string();
    }
    let (stem, first) = match name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
        Some((stem, n)) if n.parse::<u32>().is_ok_and(|n| n >= 2) => {
            (stem, n.parse::<u32>().unwrap_or(1) + 1)
        }
        _ => (name, 2),
    };
    (first..)
        .map(|n| format!("{stem} ({n})"))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same link or file opened twice was listed twice under one name.
    #[test]
    fn a_plan_opened_again_gets_a_numbered_name() {
        let taken = ["S0 — 金融研报", "S0 — 金融研报 (2)", "Other"];
        let fresh = |n: &str| distinct_name(n, taken.iter().copied());
        assert_eq!(fresh("New"), "New");
        assert_eq!(fresh("S0 — 金融研报"), "S0 — 金融研报 (3)");
        assert_eq!(fresh("S0 — 金融研报 (2)"), "S0 — 金融研报 (3)");
        assert_eq!(fresh("Other"), "Other (2)");
        // A number in brackets that is not a copy's is part of the name.
        assert_eq!(
            distinct_name("Plan (v1)", ["Plan (v1)"].into_iter()),
            "Plan (v1) (2)"
        );
    }

    /// The trial saw "Untitled plan · 新方案": one language at a time.
    #[test]
    fn a_new_plan_is_named_in_the_ui_language() {
        assert_eq!(empty_plan(Lang::Zh).name, "未命名方案");
        assert_eq!(empty_plan(Lang::En).name, "Untitled plan");
    }
}
