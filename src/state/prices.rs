//! The user's price book ("my prices"): loaded from local storage when the
//! planner starts, saved on every change, imported from and exported to
//! CSV. The book itself lives in [`Planner::book`], which the report memo
//! and the tier picker read. It is stored as the engine's own CSV under a
//! versioned key, so reading it back goes through the one CSV reader and
//! its line-and-column errors. A stored book that cannot be read is
//! reported and set aside under a key of its own before anything replaces
//! it — never silently dropped.

use leptos::prelude::*;
use stackfit_core::model::price::{book_from_csv, book_to_csv, CsvError, PriceBook, Quote};

use super::planner::{echo, Echo, Planner};
use crate::browser::storage::{self, StorageProblem};
use crate::i18n::Lang;

/// Where the book is kept: the engine's price-book CSV, version 1.
pub const KEY: &str = "stackfit.prices.v1";
/// Where a stored book that could not be read is set aside, as it was.
pub const UNREADABLE_KEY: &str = "stackfit.prices.v1.unreadable";

/// Something the user should know about their price book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PricesNotice {
    /// The stored book could not be read (why, in both languages). It is
    /// kept as it was; the next change sets it aside under [`UNREADABLE_KEY`].
    Unreadable { en: String, zh: String },
    /// The book could not be saved (storage disabled or full).
    Unsaved(String),
}

impl PricesNotice {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (PricesNotice::Unreadable { zh, .. }, Lang::Zh) => format!(
                "浏览器里保存的“我的报价”无法读取（{zh}），已原样保留；下次修改报价时，旧内容会另存到 {UNREADABLE_KEY}，不会丢失。"
            ),
            (PricesNotice::Unreadable { en, .. }, Lang::En) => format!(
                "Your saved prices could not be read ({en}). They are kept as they are; when you next change a price, they are set aside under {UNREADABLE_KEY}, not lost."
            ),
            (PricesNotice::Unsaved(why), Lang::Zh) => {
                format!("“我的报价”无法保存到浏览器存储（{why}），关闭页面后改动会丢失。")
            }
            (PricesNotice::Unsaved(why), Lang::En) => format!(
                "Your prices can't be saved to browser storage ({why}); changes will be lost when you close the page."
            ),
        }
    }
}

/// A CSV error as one line, in `lang`: "line 3, column 2: …".
pub fn csv_error_text(e: &CsvError, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {} 行第 {} 列：{}", e.line, e.column, e.zh),
        Lang::En => format!("line {}, column {}: {}", e.line, e.column, e.en),
    }
}

/// Handles to the price book; `Copy`.
#[derive(Clone, Copy)]
pub struct MyPrices {
    planner: Planner,
    pub notice: RwSignal<Option<PricesNotice>>,
    /// The tier whose quote the price-book dialog should open on ("set my
    /// price" in the tier picker); taken by the dialog when it opens.
    pub asked_tier: RwSignal<Option<String>>,
    /// The stored text that could not be read, until it is set aside.
    unreadable: StoredValue<Option<String>>,
}

/// What was read from storage.
struct Loaded {
    book: PriceBook,
    notice: Option<PricesNotice>,
    unreadable: Option<String>,
}

/// Reads the stored text as a book.
fn read(text: Option<String>) -> Loaded {
    match text.map(|t| (book_from_csv(&t), t)) {
        None => Loaded {
            book: PriceBook::default(),
            notice: None,
            unreadable: None,
        },
        Some((Ok(book), _)) => Loaded {
            book,
            notice: None,
            unreadable: None,
        },
        Some((Err(e), raw)) => Loaded {
            book: PriceBook::default(),
            notice: Some(PricesNotice::Unreadable {
                en: csv_error_text(&e, Lang::En),
                zh: csv_error_text(&e, Lang::Zh),
            }),
            unreadable: Some(raw),
        },
    }
}

/// The raw stored string, for a value that is not even a JSON string.
fn raw_item(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

fn load() -> Loaded {
    match storage::load::<String>(KEY) {
        Ok(text) => read(text),
        Err(StorageProblem::Corrupt(why)) => Loaded {
            book: PriceBook::default(),
            notice: Some(PricesNotice::Unreadable {
                en: format!("not a price list: {why}"),
                zh: format!("不是报价表：{why}"),
            }),
            unreadable: raw_item(KEY),
        },
        // No storage: the library already says so; the book starts empty.
        Err(StorageProblem::Unavailable(_)) => read(None),
    }
}

impl MyPrices {
    /// The book, tracked.
    pub fn book(&self) -> PriceBook {
        self.planner.book.get()
    }

    /// Replaces the book, saves it, and reprices every plan on screen. On
    /// an extras screen's copy of the planner the page does that: the copy
    /// only shows the new book.
    pub fn commit(&self, book: PriceBook) {
        if echo(Echo::Book(&book)) {
            self.planner.book.set(book);
            return;
        }
        if let Some(raw) = self.unreadable.get_value() {
            // Set the unreadable book aside before anything replaces it.
            if storage::save(UNREADABLE_KEY, &raw).is_ok() {
                self.unreadable.set_value(None);
            }
        }
        match storage::save(KEY, &book_to_csv(&book)) {
            Ok(()) => {
                if matches!(self.notice.get_untracked(), Some(PricesNotice::Unsaved(_))) {
                    self.notice.set(None);
                }
            }
            Err(StorageProblem::Unavailable(why) | StorageProblem::Corrupt(why)) => {
                self.notice.set(Some(PricesNotice::Unsaved(why)))
            }
        }
        self.planner.book.set(book);
    }

    /// Adds or replaces the quote for its tier (one quote per tier).
    pub fn set(&self, quote: Quote) {
        let mut book = self.planner.book.get_untracked();
        book.set(quote);
        self.commit(book);
    }

    /// Removes the quote for `tier`.
    pub fn remove(&self, tier: &str) {
        let mut book = self.planner.book.get_untracked();
        book.remove(tier);
        self.commit(book);
    }

    /// Reads a price-book CSV and adds its quotes (each replacing its
    /// tier's); returns how many. On an error nothing changes.
    pub fn import_csv(&self, text: &str) -> Result<usize, CsvError> {
        let imported = book_from_csv(text)?;
        let n = imported.quotes.len();
        let mut book = self.planner.book.get_untracked();
        for q in imported.quotes {
            book.set(q);
        }
        self.commit(book);
        Ok(n)
    }

    /// The book as CSV, for a download.
    pub fn csv(&self) -> String {
        self.planner.book.with_untracked(book_to_csv)
    }
}

/// Loads the book into the planner and provides the handles.
pub fn provide_my_prices(planner: Planner) -> MyPrices {
    let loaded = load();
    planner.book.set(loaded.book);
    let prices = MyPrices {
        planner,
        notice: RwSignal::new(loaded.notice),
        asked_tier: RwSignal::new(None),
        unreadable: StoredValue::new(loaded.unreadable),
    };
    provide_context(prices);
    prices
}

/// Provides the handles on an extras screen's copy of the planner (whose
/// book the page handed over): nothing is read from storage, and changes go
/// to the page ([`MyPrices::commit`]).
pub fn provide_copied_prices(planner: Planner, asked_tier: Option<String>) -> MyPrices {
    let prices = MyPrices {
        planner,
        notice: RwSignal::new(None),
        asked_tier: RwSignal::new(asked_tier),
        unreadable: StoredValue::new(None),
    };
    provide_context(prices);
    prices
}

/// The handles provided by [`provide_my_prices`].
pub fn use_my_prices() -> MyPrices {
    expect_context::<MyPrices>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackfit_core::model::price::CSV_HEADER;

    #[test]
    fn a_stored_book_reads_back() {
        let text = format!("{CSV_HEADER}\naliyun-ecs-c7-large,180.00,,monthly,2026-11-30,sales\n");
        let loaded = read(Some(text));
        assert_eq!(loaded.book.quotes.len(), 1);
        assert_eq!(loaded.notice, None);
    }

    /// A damaged book is reported with its line and column in both
    /// languages, and its text is kept to be set aside — not dropped.
    #[test]
    fn a_damaged_book_is_reported_and_kept() {
        let text = format!("{CSV_HEADER}\naliyun-ecs-c7-large,abc,,monthly,2026-11-30,\n");
        let loaded = read(Some(text.clone()));
        assert!(loaded.book.quotes.is_empty());
        assert_eq!(loaded.unreadable, Some(text));
        let notice = loaded.notice.unwrap();
        assert!(
            notice.text(Lang::En).contains("line 2, column 2"),
            "{notice:?}"
        );
        assert!(
            notice.text(Lang::Zh).contains("第 2 行第 2 列"),
            "{notice:?}"
        );
    }
}
