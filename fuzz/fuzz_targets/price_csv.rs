//! A price book CSV of any bytes: read, or refused with a line and column
//! inside the text; what is read writes back and reads again the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackfit_core::model::price::{book_from_csv, book_to_csv};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match book_from_csv(text) {
        Ok(book) => {
            let again = book_from_csv(&book_to_csv(&book)).expect("a written book reads back");
            assert_eq!(again, book);
        }
        Err(e) => assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1, "{e}"),
    }
});
