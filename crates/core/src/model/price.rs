//! Quotes and the price book: the prices a user brings for tiers whose list
//! price could not be sourced (most Alibaba ECS and Tencent CVM tiers), each
//! with its date, billing and note. The browser keeps the user's own book
//! and every plan uses it; a shared plan carries the quotes it uses, marked
//! as the sender's. CSV in and out, with errors that name the line and column.

use serde::{Deserialize, Serialize};

use super::units::Fen;

/// How a quote is billed.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Billing {
    /// Paid month by month (包月).
    #[default]
    Monthly,
    /// Paid a year ahead (包年): the yearly figure is what a year costs.
    YearlyPrepaid,
    /// A promotion (new-user offer, sale): not what the tier costs later.
    Promotion,
}

impl Billing {
    pub fn as_str(self) -> &'static str {
        match self {
            Billing::Monthly => "monthly",
            Billing::YearlyPrepaid => "yearly-prepaid",
            Billing::Promotion => "promotion",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Billing::Monthly => "monthly",
            Billing::YearlyPrepaid => "yearly prepaid",
            Billing::Promotion => "promotion",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Billing::Monthly => "包月",
            Billing::YearlyPrepaid => "包年",
            Billing::Promotion => "促销价",
        }
    }

    fn parse(s: &str) -> Option<Billing> {
        match s.trim().to_ascii_lowercase().as_str() {
            "monthly" | "包月" => Some(Billing::Monthly),
            "yearly-prepaid" | "yearly prepaid" | "yearly" | "包年" => {
                Some(Billing::YearlyPrepaid)
            }
            "promotion" | "promo" | "促销" | "促销价" => Some(Billing::Promotion),
            _ => None,
        }
    }
}

/// Whose quote it is.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteFrom {
    /// The user's own price book.
    #[default]
    Mine,
    /// Carried by a plan someone shared.
    Sender,
}

/// A price for a tier, as someone was quoted it.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Quote {
    /// The catalog tier it prices, e.g. "aliyun-ecs-c7-large".
    pub tier: String,
    /// What a month costs, in fen (for a yearly prepaid quote, its year / 12).
    pub monthly_fen: Fen,
    /// What a year costs when it is prepaid; `None`: 12 × monthly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_fen: Option<Fen>,
    #[serde(default)]
    pub billing: Billing,
    /// When it was quoted: YYYY-MM-DD.
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "is_mine")]
    pub from: QuoteFrom,
}

fn is_mine(f: &QuoteFrom) -> bool {
    *f == QuoteFrom::Mine
}

/// A month of a yearly price: its year / 12, to the nearest fen (what a
/// quote that gives only its yearly price costs a month).
///
/// ```
/// assert_eq!(stackfit_core::model::price::monthly_of_year(183_600), 15_300);
/// assert_eq!(stackfit_core::model::price::monthly_of_year(100), 8);
/// ```
pub fn monthly_of_year(yearly_fen: Fen) -> Fen {
    (yearly_fen.saturating_add(6)) / 12
}

impl Quote {
    /// Whether its month is its prepaid year / 12 (a quote that gave only
    /// its yearly price): what a month costs is then derived, and says so.
    ///
    /// ```
    /// use stackfit_core::model::price::{Billing, Quote, QuoteFrom};
    /// let q = |monthly_fen, yearly_fen| Quote {
    ///     tier: "t".into(), monthly_fen, yearly_fen, billing: Billing::YearlyPrepaid,
    ///     date: "2026-12-01".into(), note: String::new(), from: QuoteFrom::Mine,
    /// };
    /// assert!(q(15_300, Some(183_600)).month_from_year());
    /// assert!(!q(16_000, Some(183_600)).month_from_year());
    /// assert!(!q(15_300, None).month_from_year());
    /// ```
    pub fn month_from_year(&self) -> bool {
        self.yearly_fen
            .is_some_and(|y| monthly_of_year(y) == self.monthly_fen)
    }

    /// What a year costs: the prepaid figure when there is one, else 12 × monthly.
    pub fn yearly(&self) -> Fen {
        self.yearly_fen
            .unwrap_or_else(|| self.monthly_fen.saturating_mul(12))
    }
}

/// The user's price book: at most one quote per tier (the newest).
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
pub struct PriceBook {
    pub quotes: Vec<Quote>,
}

impl PriceBook {
    /// The quote for `tier`, if the book has one.
    pub fn quote(&self, tier: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.tier == tier)
    }

    /// Adds a quote, replacing the tier's older one.
    pub fn set(&mut self, quote: Quote) {
        self.quotes.retain(|q| q.tier != quote.tier);
        self.quotes.push(quote);
        super::order::sort_by(&mut self.quotes, |a, b| a.tier.cmp(&b.tier));
    }

    pub fn remove(&mut self, tier: &str) {
        self.quotes.retain(|q| q.tier != tier);
    }
}

/// The CSV header the book is written with and read by.
pub const CSV_HEADER: &str = "tier,monthly_cny,yearly_cny,billing,date,note";

fn yuan(fen: Fen) -> String {
    format!("{}.{:02}", fen / 100, (fen % 100).abs())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The book as CSV (yuan with two decimals).
///
/// ```
/// use stackfit_core::model::price::{book_to_csv, book_from_csv, Billing, PriceBook, Quote, QuoteFrom};
/// let mut book = PriceBook::default();
/// book.set(Quote { tier: "aliyun-ecs-c7-large".into(), monthly_fen: 18_000, yearly_fen: Some(183_600),
///     billing: Billing::YearlyPrepaid, date: "2026-11-30".into(), note: "sales, 15 % off".into(), from: QuoteFrom::Mine });
/// let csv = book_to_csv(&book);
/// assert!(csv.contains("aliyun-ecs-c7-large,180.00,1836.00,yearly-prepaid,2026-11-30,\"sales, 15 % off\""));
/// assert_eq!(book_from_csv(&csv).unwrap(), book);
/// ```
pub fn book_to_csv(book: &PriceBook) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for q in &book.quotes {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            csv_field(&q.tier),
            yuan(q.monthly_fen),
            q.yearly_fen.map(yuan).unwrap_or_default(),
            q.billing.as_str(),
            csv_field(&q.date),
            csv_field(&q.note)
        ));
    }
    out
}

/// Why a price book CSV could not be read: what, on which line and column,
/// in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub column: usize,
    pub en: String,
    pub zh: String,
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.en)
    }
}

/// Splits one CSV record (quotes with doubled quotes inside).
fn split_record(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// Yuan with up to two decimals ("180", "180.5", "1,836.00") as fen.
fn parse_yuan(s: &str) -> Option<Fen> {
    let s = s.trim().trim_start_matches('¥');
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int = super::units::without_thousands(int)?;
    if int.is_empty()
        || !int.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: Fen = int.parse().ok()?;
    let cents: Fen = format!("{frac:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(cents)
}

/// Whether `s` is a date as quotes write it: YYYY-MM-DD.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Reads a price book CSV (the header first; yuan; billing monthly,
/// yearly-prepaid or promotion; dates YYYY-MM-DD). Prices must be within
/// the planner's bounds. Nothing is kept from a file with an error.
pub fn book_from_csv(text: &str) -> Result<PriceBook, CsvError> {
    let err = |line: usize, column: usize, en: String, zh: String| CsvError {
        line,
        column,
        en,
        zh,
    };
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h.trim().trim_start_matches('\u{feff}') == CSV_HEADER => {}
        _ => {
            return Err(err(
                1,
                1,
                format!("the first line must be the header {CSV_HEADER}"),
                format!("第一行必须是表头 {CSV_HEADER}"),
            ))
        }
    }
    let mut book = PriceBook::default();
    for (i, line) in lines {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let f = split_record(line);
        if f.len() != 6 {
            return Err(err(
                n,
                1,
                format!("expected 6 fields, found {}", f.len()),
                format!("应有 6 个字段，实际 {} 个", f.len()),
            ));
        }
        let tier = f[0].trim().to_string();
        let tier_chars = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if tier.is_empty() || tier.len() > 63 || !tier.chars().all(tier_chars) {
            return Err(err(
                n,
                1,
                format!("{tier:?} is not a tier id (lower-case letters, digits and -, e.g. aliyun-ecs-c7-large)"),
                format!("“{tier}”不是规格标识（小写字母、数字和 -，例如 aliyun-ecs-c7-large）"),
            ));
        }
        let yearly = if f[2].trim().is_empty() {
            None
        } else {
            Some(
                parse_yuan(&f[2])
                    .filter(|v| super::bounds::YEARLY_FEN.contains(*v))
                    .ok_or_else(|| {
                        err(
                            n,
                            3,
                            format!("{:?} is not a yearly price in yuan", f[2]),
                            format!("“{}”不是合法的年价格（元）", f[2]),
                        )
                    })?,
            )
        };
        let bound = super::bounds::MONTHLY_FEN;
        // A yearly price alone is enough: the month is its year / 12.
        let monthly = match yearly {
            Some(y) if f[1].trim().is_empty() => Some(monthly_of_year(y)),
            _ => parse_yuan(&f[1]),
        };
        if f[1].trim().is_empty() && yearly.is_none() {
            return Err(err(
                n,
                2,
                "no price: give a monthly or a yearly price in yuan".into(),
                "没有价格：请填写月价格或年价格（元）".into(),
            ));
        }
        let monthly = monthly.filter(|v| bound.contains(*v)).ok_or_else(|| {
            err(
                n,
                2,
                format!(
                    "{:?} is not a monthly price in yuan {}",
                    f[1],
                    bound.range_en()
                ),
                format!("“{}”不是合法的月价格（元，{}）", f[1], bound.range_zh()),
            )
        })?;
        let billing = Billing::parse(&f[3]).ok_or_else(|| {
            err(
                n,
                4,
                format!(
                    "{:?} is not a billing (monthly, yearly-prepaid or promotion)",
                    f[3]
                ),
                format!("“{}”不是计费方式（包月、包年或促销价）", f[3]),
            )
        })?;
        let date = f[4].trim().to_string();
        if !is_date(&date) {
            return Err(err(
                n,
                5,
                format!("{date:?} is not a date (YYYY-MM-DD)"),
                format!("“{date}”不是日期（YYYY-MM-DD）"),
            ));
        }
        let note = f[5].trim().to_string();
        let note_bound = super::bounds::NOTE_CHARS;
        if note.chars().count() as i64 > note_bound.max || note.chars().any(char::is_control) {
            return Err(err(
                n,
                6,
                format!(
                    "the note must be one line of at most {} characters",
                    note_bound.max
                ),
                format!("备注须为一行，最多 {} 个字符", note_bound.max),
            ));
        }
        book.set(Quote {
            tier,
            monthly_fen: monthly,
            yearly_fen: yearly,
            billing,
            date,
            note,
            from: QuoteFrom::Mine,
        });
    }
    Ok(book)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_csv_names_the_line_and_column_in_both_languages() {
        let e = book_from_csv("tier,monthly\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
        let e = book_from_csv(&format!(
            "{CSV_HEADER}\naliyun-ecs-c7-large,abc,,monthly,2026-11-30,\n"
        ))
        .unwrap_err();
        assert_eq!((e.line, e.column), (2, 2));
        assert!(e.zh.contains("不是合法的月价格"), "{}", e.zh);
        let e = book_from_csv(&format!("{CSV_HEADER}\nx,100,,weekly,2026-11-30,\n")).unwrap_err();
        assert_eq!(e.column, 4);
        let e =
            book_from_csv(&format!("{CSV_HEADER}\nx,99999999,,monthly,2026-11-30,\n")).unwrap_err();
        assert_eq!(e.column, 2);
        let e = book_from_csv(&format!("{CSV_HEADER}\nx,100,,monthly,30/11/2026,\n")).unwrap_err();
        assert_eq!(e.column, 5);
        // A decimal comma is refused, not read as a bigger price; thousands are read.
        let e =
            book_from_csv(&format!("{CSV_HEADER}\nx,\"1,5\",,monthly,2026-11-30,\n")).unwrap_err();
        assert_eq!((e.line, e.column), (2, 2));
        let book = book_from_csv(&format!(
            "{CSV_HEADER}\nx,\"1,836.00\",,monthly,2026-11-30,\n"
        ))
        .unwrap();
        assert_eq!(book.quotes[0].monthly_fen, 183_600);
    }

    #[test]
    fn a_quote_may_give_its_yearly_price_alone() {
        let book = book_from_csv(&format!(
            "{CSV_HEADER}\nx,,1836,yearly-prepaid,2026-11-30,\n"
        ))
        .unwrap();
        let q = &book.quotes[0];
        assert_eq!((q.monthly_fen, q.yearly_fen), (15_300, Some(183_600)));
        assert_eq!(q.yearly(), 183_600);
        // Written back, the month is spelled out and reads the same.
        assert_eq!(book_from_csv(&book_to_csv(&book)).unwrap(), book);
        let e = book_from_csv(&format!("{CSV_HEADER}\nx,,,monthly,2026-11-30,\n")).unwrap_err();
        assert_eq!((e.line, e.column), (2, 2));
        assert!(e.en.contains("monthly or a yearly"), "{}", e.en);
        assert!(e.zh.contains("月价格或年价格"), "{}", e.zh);
    }

    #[test]
    fn a_yearly_quote_is_not_twelve_months() {
        let q = Quote {
            tier: "t".into(),
            monthly_fen: 15_300,
            yearly_fen: Some(153_000),
            billing: Billing::YearlyPrepaid,
            date: "2026-11-30".into(),
            note: String::new(),
            from: QuoteFrom::Mine,
        };
        assert_eq!(q.yearly(), 153_000);
        assert_eq!(
            Quote {
                yearly_fen: None,
                ..q
            }
            .yearly(),
            15_300 * 12
        );
    }
}
