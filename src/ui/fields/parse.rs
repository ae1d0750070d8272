//! Parsing what people type into engine units; the engine's bounds decide
//! what is allowed. Every failure is a [`FieldError`] that reads in both
//! languages.

use stackfit_core::model::units::{parse_memory_mib, without_thousands, Mib};

use super::FieldError;

/// A whole number, e.g. "12" or " 1,000 ". Empty is `Ok(None)`.
pub fn parse_whole(text: &str) -> Result<Option<i64>, FieldError> {
    let bad = || FieldError::NotWhole(text.trim().to_string());
    let t = without_thousands(text.trim()).ok_or_else(bad)?;
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i64>().map(Some).map_err(|_| bad())
}

/// A decimal with up to three places into thousandths: "7.1" → 7100. Empty is `Ok(None)`.
pub fn parse_thousandths(text: &str) -> Result<Option<i64>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || FieldError::NotDecimal(t.to_string());
    let (negative, digits) = match t.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 3
        || whole.len() > 12
    {
        return Err(bad());
    }
    let w: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let f: i64 = format!("{frac:0<3}").parse().map_err(|_| bad())?;
    let v = w * 1000 + f;
    Ok(Some(if negative { -v } else { v }))
}

/// A monthly price in yuan: "150", "¥1,299.5", "-5" (which the bound then
/// refuses). Empty means "no override".
pub fn parse_yuan(text: &str) -> Result<Option<i64>, FieldError> {
    let bad = || FieldError::NotYuan(text.trim().to_string());
    let typed = text.trim().trim_start_matches(['¥', '￥']);
    if typed.is_empty() {
        return Ok(None);
    }
    let (whole, frac) = typed.split_once('.').unwrap_or((typed, ""));
    let whole = without_thousands(whole).ok_or_else(bad)?;
    let valid = !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && frac.len() <= 2
        && frac.chars().all(|c| c.is_ascii_digit());
    if !valid || whole.len() > 12 {
        return Err(bad());
    }
    let fen = whole.parse::<i64>().map_err(|_| bad())? * 100
        + format!("{frac:0<2}").parse::<i64>().map_err(|_| bad())?;
    Ok(Some(fen))
}

/// A memory field: `Ok(None)` for empty, a bare number as MiB, else what
/// the engine's one parser reads ("512m", "1.5g", "2Gi").
pub fn parse_memory_field(text: &str) -> Result<Option<Mib>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().all(|c| c.is_ascii_digit()) {
        return t
            .parse()
            .map(Some)
            .map_err(|_| FieldError::NotWhole(t.to_string()));
    }
    parse_memory_mib(t).map(Some).map_err(FieldError::Memory)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_as_people_type_them() {
        assert_eq!(parse_whole("12"), Ok(Some(12)));
        assert_eq!(parse_whole(" 1,000 "), Ok(Some(1000)));
        assert_eq!(parse_whole("12,345,678"), Ok(Some(12_345_678)));
        assert_eq!(parse_whole("-1,000"), Ok(Some(-1000)));
        // A comma anywhere but between thousands is not read as one.
        for typed in ["1,5", "10,00", ",100", "1000,000", "1,", "1,,000"] {
            assert_eq!(
                parse_whole(typed),
                Err(FieldError::NotWhole(typed.into())),
                "{typed}"
            );
        }
        assert_eq!(parse_whole("-5"), Ok(Some(-5)));
        assert_eq!(parse_whole(""), Ok(None));
        assert!(parse_whole("abc").is_err());
        assert!(parse_whole("1.5").is_err());
    }

    #[test]
    fn rates_in_thousandths() {
        assert_eq!(parse_thousandths("7.1"), Ok(Some(7100)));
        assert_eq!(parse_thousandths("6.789"), Ok(Some(6789)));
        assert_eq!(parse_thousandths("0"), Ok(Some(0)));
        assert_eq!(parse_thousandths("-5"), Ok(Some(-5000)));
        assert_eq!(parse_thousandths(""), Ok(None));
        assert!(parse_thousandths("abc").is_err());
        assert!(parse_thousandths("7.1234").is_err());
    }

    #[test]
    fn parses_yuan_as_people_type_them() {
        assert_eq!(parse_yuan("150"), Ok(Some(15000)));
        assert_eq!(parse_yuan("¥1,299.5"), Ok(Some(129950)));
        assert!(
            parse_yuan("1,5").is_err(),
            "a decimal comma is not fifteen yuan"
        );
        assert_eq!(parse_yuan(" 99.99 "), Ok(Some(9999)));
        assert_eq!(parse_yuan("99999999"), Ok(Some(9_999_999_900)));
        assert_eq!(parse_yuan(""), Ok(None));
        assert!(parse_yuan("12.345").is_err());
        assert!(parse_yuan("abc").is_err());
        assert!(parse_yuan("-5").is_err());
    }

    #[test]
    fn bare_numbers_are_mib_and_units_are_understood() {
        assert_eq!(parse_memory_field("512"), Ok(Some(512)));
        assert_eq!(parse_memory_field("1.5g"), Ok(Some(1536)));
        assert_eq!(parse_memory_field("1.5 GiB"), Ok(Some(1536)));
        assert_eq!(parse_memory_field("  "), Ok(None));
        assert!(parse_memory_field("lots").is_err());
    }
}
