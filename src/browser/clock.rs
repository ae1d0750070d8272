//! The date on the user's clock.

/// Today in the user's time zone, as quotes write dates: YYYY-MM-DD.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
