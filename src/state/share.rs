//! Plans arriving from outside: a share link (on load, or pasted into the
//! address bar) and a plan file (picked or dropped). Each opens as a new
//! saved plan — never over one — or is refused with its reason in both
//! languages while the current plan stays as it was. What happened is kept
//! in [`Sharing::outcome`] for the notice under the header.

use leptos::prelude::*;
use stackfit_core::codec::file::FileError;
use stackfit_core::codec::{self, Restored};
use stackfit_core::edit::validate::Note;

use super::{Library, Planner};
use crate::browser::links::{self, Refusal};
use crate::browser::{extras, location};

/// Where a plan came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Link,
    /// A file, by its name.
    File(String),
}

/// What opening a link or a file did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Opened as a new saved plan named `name`; `fixes` lists what the
    /// restore step repaired (each note in both languages).
    Opened {
        source: Source,
        name: String,
        fixes: Vec<Note>,
    },
    /// Not opened, and why, in both languages.
    Refused {
        source: Source,
        en: String,
        zh: String,
    },
}

impl Outcome {
    fn of<E>(
        source: Source,
        result: &Result<Restored, E>,
        en: impl Fn(&E) -> String,
        zh: impl Fn(&E) -> String,
    ) -> Self {
        match result {
            Ok(r) => Outcome::Opened {
                source,
                name: r.plan.name.clone(),
                fixes: r.fixes.clone(),
            },
            Err(e) => Outcome::Refused {
                source,
                en: en(e),
                zh: zh(e),
            },
        }
    }

    /// The outcome of reading a link.
    pub fn of_link(result: &Result<Restored, Refusal>) -> Self {
        Self::of(
            Source::Link,
            result,
            |r: &Refusal| r.en.clone(),
            |r: &Refusal| r.zh.clone(),
        )
    }

    /// The outcome of reading file `name`.
    pub fn of_file(name: &str, result: &Result<Restored, Refusal>) -> Self {
        Self::of(
            Source::File(name.to_string()),
            result,
            |r: &Refusal| r.en.clone(),
            |r: &Refusal| r.zh.clone(),
        )
    }
}

/// Whether a fragment is meant for the planner to open: anything but
/// nothing, an in-page anchor or a report link (`#report.…`, the report
/// page's). Another tool's fragment is opened too, so that it is refused
/// with a reason rather than ignored.
pub fn is_link_fragment(fragment: &str, names_an_element: impl Fn(&str) -> bool) -> bool {
    !fragment.is_empty()
        && !names_an_element(fragment)
        && crate::browser::address::report_payload_of(fragment).is_none()
}

/// Handles to what arrived; `Copy`.
#[derive(Clone, Copy)]
pub struct Sharing {
    /// The last link or file opened or refused, until dismissed.
    pub outcome: RwSignal<Option<Outcome>>,
    /// A file is being dragged over the page.
    pub dragging: RwSignal<bool>,
    planner: Planner,
    library: Library,
}

impl Sharing {
    /// Opens a restored plan as a new saved plan, or records why not; the
    /// current plan is untouched on failure. Returns whether it opened.
    fn accept(&self, restored: Option<Restored>, outcome: Outcome) -> bool {
        let opened = restored.is_some();
        let mut outcome = outcome;
        if let Some(r) = restored {
            let opened_as = self.library.open_new(&self.planner, r.plan);
            if let Outcome::Opened { name, .. } = &mut outcome {
                *name = opened_as;
            }
        }
        self.outcome.set(Some(outcome));
        opened
    }

    /// Opens the link in `fragment` (without `#`), once the tools worker
    /// has unpacked it. On success the fragment leaves the address bar, so
    /// a reload does not open it twice.
    pub fn open_link(&self, fragment: &str) {
        let sharing = *self;
        self.library.arriving(&self.planner);
        // The option the sender had on screen, if the link names one.
        let shown = stackfit_core::codec::link::opening_option(fragment).map(str::to_string);
        links::read(fragment, move |result| {
            let outcome = Outcome::of_link(&result);
            if sharing.accept(result.ok(), outcome) {
                location::clear_fragment();
                let planner = sharing.planner;
                if let Some(id) = shown.filter(|id| planner.with_plan(|p| p.option(id).is_some())) {
                    planner.pick_option(&id);
                }
            }
            // Autosave resumes with the arrived plan (or the one on screen).
            sharing.library.arrived();
        });
    }

    /// Opens the page's own fragment, if it carries a link (on load and on
    /// `hashchange`).
    pub fn open_location(&self) {
        let fragment = location::fragment();
        if is_link_fragment(&fragment, location::names_an_element) {
            self.open_link(&fragment);
        }
    }

    /// Opens a picked or dropped file, once the extras have read it and
    /// found a plan file (one larger than any plan is refused unread).
    pub fn open_picked(&self, file: web_sys::File) {
        let name = file.name();
        let sharing = *self;
        extras::ask("read_file", vec![file.into()], move |answer| {
            let result = match answer.as_deref() {
                Ok([text]) => codec::from_json(text).map_err(|e| Refusal {
                    en: FileError::unreadable(&e, false),
                    zh: FileError::unreadable(&e, true),
                }),
                Ok(parts) => Err(links::refusal_in(parts)),
                Err(why) => Err(Refusal {
                    en: format!("The page could not read the file: its file reader did not load ({why}). Reload the page to try again."),
                    zh: format!("页面无法读取这个文件：读取文件的模块没有加载（{why}），请重新加载页面再试。"),
                }),
            };
            let outcome = Outcome::of_file(&name, &result);
            sharing.accept(result.ok(), outcome);
        });
    }
}

/// Creates the sharing state, opens the link the page was loaded with (if
/// any) and opens every link pasted into the address bar later.
pub fn provide_sharing(planner: Planner, library: Library) -> Sharing {
    let sharing = Sharing {
        outcome: RwSignal::new(None),
        dragging: RwSignal::new(false),
        planner,
        library,
    };
    provide_context(sharing);
    sharing.open_location();
    location::use_hashchange(move |_| sharing.open_location());
    sharing
}

/// The sharing state provided by [`provide_sharing`].
pub fn use_sharing() -> Sharing {
    expect_context::<Sharing>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_page_anchors_and_empty_fragments_are_not_links() {
        assert!(!is_link_fragment("", |_| false));
        assert!(!is_link_fragment("main", |id| id == "main"));
        assert!(is_link_fragment("p2.eAbc", |_| false));
        assert!(is_link_fragment("json=abc", |_| false));
        assert!(!is_link_fragment("report.p2.eAbc", |_| false));
    }

    #[test]
    fn a_refused_link_keeps_its_reason_in_both_languages() {
        let result =
            stackfit_core::codec::link::plan_from_fragment("p9.AAAA").map_err(Refusal::from);
        let Outcome::Refused { source, en, zh } = Outcome::of_link(&result) else {
            panic!("a future link is refused");
        };
        assert_eq!(source, Source::Link);
        assert!(en.contains("newer StackFit"), "{en}");
        assert!(zh.contains("更新版本"), "{zh}");
    }

    #[test]
    fn an_opened_file_lists_the_fixes_the_codec_made() {
        let mut plan = stackfit_core::templates::get("s4").unwrap();
        let copy = plan.options[0].clone();
        plan.options.push(copy);
        let text = stackfit_core::codec::to_json(&plan);
        let result =
            stackfit_core::codec::file::read_plan_file(text.as_bytes()).map_err(|e| Refusal {
                en: e.message_en(),
                zh: e.message_zh(),
            });
        let Outcome::Opened {
            source,
            name,
            fixes,
        } = Outcome::of_file("a.stackfit.json", &result)
        else {
            panic!("a plan with a repeated option id opens, repaired");
        };
        assert_eq!(source, Source::File("a.stackfit.json".into()));
        assert_eq!(name, plan.name);
        assert!(!fixes.is_empty());
    }
}
