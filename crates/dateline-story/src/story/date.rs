//! Partial calendar dates (`2019`, `2019-08`, `2022-06-10`) that keep their precision.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// How much of a [`PartialDate`] is known. Coarser precisions sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year: `2019`.
    Year,
    /// Year and month: `2019-08`.
    Month,
    /// A full calendar day: `2022-06-10`.
    Day,
}

/// A real calendar date known to the year, the month or the day.
///
/// It can only be built by [`PartialDate::parse`], so it always holds a year
/// from 1 to 9999, a month from 1 to 12 and a day that exists in that month.
///
/// # Examples
///
/// ```
/// use dateline_story::story::{PartialDate, Precision};
///
/// let d = PartialDate::parse("2019-08")?;
/// assert_eq!(d.precision(), Precision::Month);
/// assert_eq!(d.format_en(), "August 2019");
/// assert_eq!(d.last_day(), (2019, 8, 31));
/// # Ok::<(), dateline_story::story::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    // Invariant: `day` is only set when `month` is.
    day: Option<u8>,
}

/// Why a text is not a [`PartialDate`]. Each message quotes the text and says
/// which forms are allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is empty.
    #[error("the date is empty; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. \"2019\", \"2019-08\" or \"2022-06-10\"), or leave the date out for an undated event")]
    Empty,
    /// The text is not shaped like `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("{input:?} is not a date in a supported form; use YYYY, YYYY-MM or YYYY-MM-DD with a four-digit year and two-digit month and day (e.g. \"2019\", \"2019-08\" or \"2022-06-10\")")]
    BadFormat {
        /// The text as given.
        input: String,
    },
    /// The year is 0000.
    #[error("{input:?} has year 0000; years go from 0001 to 9999")]
    YearOutOfRange {
        /// The text as given.
        input: String,
    },
    /// The month is not 01 to 12.
    #[error("{input:?} has month {month}, which does not exist; months go from 01 to 12")]
    MonthOutOfRange {
        /// The text as given.
        input: String,
        /// The month number found.
        month: u8,
    },
    /// The day does not exist in that month.
    #[error("{input:?} is not a real date ({} {year} has {days_in_month} days); use YYYY, YYYY-MM or YYYY-MM-DD", month_name(.month))]
    DayOutOfRange {
        /// The text as given.
        input: String,
        /// The year found.
        year: i32,
        /// The month found (1 to 12).
        month: u8,
        /// The day number found.
        day: u8,
        /// How many days that month has.
        days_in_month: u8,
    },
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: &u8) -> &'static str {
    usize::from(*month)
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

/// The month (1–12) `word` names in full, in any case.
///
/// # Examples
///
/// ```
/// use dateline_story::story::{month_by_name, month_by_prefix};
///
/// assert_eq!(month_by_name("AUGUST"), Some(8));
/// assert_eq!(month_by_name("Aug"), None);
/// assert_eq!(month_by_prefix("Sept"), Some(9));
/// assert_eq!(month_by_prefix("ju"), None);
/// ```
pub fn month_by_name(word: &str) -> Option<u8> {
    month_where(|m| m.eq_ignore_ascii_case(word))
}

/// The month whose name starts with `word` (three letters or more, any case:
/// `aug`, `Sept`, `august`).
pub fn month_by_prefix(word: &str) -> Option<u8> {
    let n = word.len();
    month_where(|m| {
        n >= 3 && m.len() >= n && m.as_bytes()[..n].eq_ignore_ascii_case(word.as_bytes())
    })
}

fn month_where(matches: impl Fn(&str) -> bool) -> Option<u8> {
    let i = MONTH_NAMES.iter().position(|m| matches(m))?;
    u8::try_from(i + 1).ok()
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1 to 12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Reads exactly `len` ASCII digits; `str::parse` would also take a `+` sign.
fn digits(part: &str, len: usize) -> Option<u32> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        part.bytes()
            .fold(0, |acc, b| acc * 10 + u32::from(b - b'0')),
    )
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (year 0001 to 9999), keeping
    /// the precision. Anything else is rejected, including surrounding
    /// whitespace, one-digit months and days, and days the month does not have.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_story::story::{DateError, PartialDate, Precision};
    ///
    /// let day = PartialDate::parse("2022-06-10")?;
    /// assert_eq!((day.year(), day.month(), day.day()), (2022, Some(6), Some(10)));
    /// assert_eq!(day.format_en(), "10 June 2022");
    ///
    /// assert_eq!(PartialDate::parse("2019")?.precision(), Precision::Year);
    /// assert!(PartialDate::parse("2024-02-29").is_ok()); // a leap year
    /// assert!(matches!(
    ///     PartialDate::parse("2023-02-29"),
    ///     Err(DateError::DayOutOfRange { days_in_month: 28, .. })
    /// ));
    /// assert!(PartialDate::parse("2019-13").is_err());
    /// assert!(PartialDate::parse("2019-8").is_err());
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn parse(s: &str) -> Result<PartialDate, DateError> {
        if s.is_empty() {
            return Err(DateError::Empty);
        }
        let bad_format = || DateError::BadFormat {
            input: s.to_string(),
        };
        let mut parts = s.split('-');
        let year = parts
            .next()
            .and_then(|p| digits(p, 4))
            .ok_or_else(bad_format)?;
        let month = parts
            .next()
            .map(|p| digits(p, 2).ok_or_else(bad_format))
            .transpose()?;
        let day = parts
            .next()
            .map(|p| digits(p, 2).ok_or_else(bad_format))
            .transpose()?;
        if parts.next().is_some() {
            return Err(bad_format());
        }
        // Four digits: at most 9999, so the casts below cannot truncate.
        let year = year as i32;
        if year == 0 {
            return Err(DateError::YearOutOfRange {
                input: s.to_string(),
            });
        }
        let month = month.map(|m| m as u8);
        let day = day.map(|d| d as u8);
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::MonthOutOfRange {
                    input: s.to_string(),
                    month: m,
                });
            }
            if let Some(d) = day {
                let days = days_in_month(year, m);
                if d == 0 || d > days {
                    return Err(DateError::DayOutOfRange {
                        input: s.to_string(),
                        year,
                        month: m,
                        day: d,
                        days_in_month: days,
                    });
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }

    /// The year (1 to 9999).
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1 to 12), if known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// English text at the date's precision: `7 May 2018`, `August 2019`, `2019`.
    pub fn format_en(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(&m), self.year),
            (Some(m), None) => format!("{} {}", month_name(&m), self.year),
            _ => self.year.to_string(),
        }
    }

    /// ISO 8601 text at the date's precision: `2018-05-07`, `2019-08`, `2019`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// The first day of the span the date covers, as `(year, month, day)`.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day of the span the date covers, as `(year, month, day)`.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }
}

/// Chronological by first day; at the same first day the coarser date comes
/// first (`2019` < `2019-01` < `2019-01-01`), so a year reads as an overview
/// before its details.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then_with(|| self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Shows the ISO form, as [`PartialDate::iso`].
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

/// English text for an optional date: [`PartialDate::format_en`], or `undated`.
pub fn format_optional_date(d: Option<&PartialDate>) -> String {
    d.map_or_else(|| "undated".to_string(), PartialDate::format_en)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        let y = date("2019");
        assert_eq!((y.year(), y.month(), y.day()), (2019, None, None));
        assert_eq!(y.precision(), Precision::Year);
        let m = date("2019-08");
        assert_eq!((m.year(), m.month(), m.day()), (2019, Some(8), None));
        assert_eq!(m.precision(), Precision::Month);
        let d = date("2022-06-10");
        assert_eq!((d.year(), d.month(), d.day()), (2022, Some(6), Some(10)));
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(date("0001").year(), 1);
        assert_eq!(date("9999-12-31").last_day(), (9999, 12, 31));
    }

    #[test]
    fn leap_years() {
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("2000-02-29").is_ok());
        for (text, year) in [("2023-02-29", 2023), ("1900-02-29", 1900)] {
            assert_eq!(
                PartialDate::parse(text),
                Err(DateError::DayOutOfRange {
                    input: text.to_string(),
                    year,
                    month: 2,
                    day: 29,
                    days_in_month: 28,
                })
            );
        }
        assert!(is_leap_year(2000) && is_leap_year(2024));
        assert!(!is_leap_year(1900) && !is_leap_year(2023));
        assert_eq!(date("2024-02").last_day(), (2024, 2, 29));
        assert_eq!(date("2023-02").last_day(), (2023, 2, 28));
    }

    #[test]
    fn rejects_bad_shapes() {
        for text in [
            "2019-8",
            "19",
            "201",
            "20190",
            "2019-08-1",
            "2019-008",
            "2019-",
            "-2019",
            "2019-08-10-1",
            " 2019",
            "2019 ",
            "+201",
            "2019/08",
            "2019-08-10T00:00",
            "٢٠١٩",
            "May 2019",
            "2019--08",
        ] {
            assert_eq!(
                PartialDate::parse(text),
                Err(DateError::BadFormat {
                    input: text.to_string()
                }),
                "{text:?}"
            );
        }
        assert_eq!(PartialDate::parse(""), Err(DateError::Empty));
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert_eq!(
            PartialDate::parse("0000"),
            Err(DateError::YearOutOfRange {
                input: "0000".into()
            })
        );
        assert_eq!(
            PartialDate::parse("2019-13"),
            Err(DateError::MonthOutOfRange {
                input: "2019-13".into(),
                month: 13
            })
        );
        assert!(matches!(
            PartialDate::parse("2019-00"),
            Err(DateError::MonthOutOfRange { month: 0, .. })
        ));
        assert!(matches!(
            PartialDate::parse("2019-04-31"),
            Err(DateError::DayOutOfRange {
                days_in_month: 30,
                ..
            })
        ));
        assert!(matches!(
            PartialDate::parse("2019-05-00"),
            Err(DateError::DayOutOfRange { day: 0, .. })
        ));
        assert!(matches!(
            PartialDate::parse("2019-13-01"),
            Err(DateError::MonthOutOfRange { month: 13, .. })
        ));
    }

    #[test]
    fn error_messages_say_what_is_allowed() {
        let msg = PartialDate::parse("2023-02-30").unwrap_err().to_string();
        assert_eq!(
            msg,
            "\"2023-02-30\" is not a real date (February 2023 has 28 days); use YYYY, YYYY-MM or YYYY-MM-DD"
        );
        let msg = PartialDate::parse("2019-13").unwrap_err().to_string();
        assert!(
            msg.contains("\"2019-13\"") && msg.contains("01 to 12"),
            "{msg}"
        );
        let msg = PartialDate::parse("2019-8").unwrap_err().to_string();
        assert!(msg.contains("YYYY, YYYY-MM or YYYY-MM-DD"), "{msg}");
        assert!(DateError::Empty.to_string().contains("YYYY-MM-DD"));
        let msg = PartialDate::parse("0000").unwrap_err().to_string();
        assert!(msg.contains("0001 to 9999"), "{msg}");
    }

    #[test]
    fn formats_at_precision() {
        assert_eq!(date("2018-05-07").format_en(), "7 May 2018");
        assert_eq!(date("2019-08").format_en(), "August 2019");
        assert_eq!(date("2019").format_en(), "2019");
        assert_eq!(date("2018-05-07").iso(), "2018-05-07");
        assert_eq!(date("2019-08").iso(), "2019-08");
        assert_eq!(date("0800").iso(), "0800");
        assert_eq!(date("2019-08").to_string(), "2019-08");
        assert_eq!("2019".parse::<PartialDate>(), Ok(date("2019")));
        assert_eq!(format_optional_date(None), "undated");
        assert_eq!(
            format_optional_date(Some(&date("2022-06-10"))),
            "10 June 2022"
        );
    }

    #[test]
    fn spans() {
        assert_eq!(date("2019").first_day(), (2019, 1, 1));
        assert_eq!(date("2019").last_day(), (2019, 12, 31));
        assert_eq!(date("2019-08").first_day(), (2019, 8, 1));
        assert_eq!(date("2019-08").last_day(), (2019, 8, 31));
        assert_eq!(date("2022-06-10").first_day(), (2022, 6, 10));
        assert_eq!(date("2022-06-10").last_day(), (2022, 6, 10));
    }

    #[test]
    fn orders_by_start_then_coarser_first() {
        let mut dates: Vec<PartialDate> = [
            "2019-01-01",
            "2020",
            "2019-01",
            "2018-12-31",
            "2019",
            "2019-02",
            "2019-01-02",
        ]
        .into_iter()
        .map(date)
        .collect();
        dates.sort();
        let iso: Vec<String> = dates.iter().map(PartialDate::iso).collect();
        assert_eq!(
            iso,
            [
                "2018-12-31",
                "2019",
                "2019-01",
                "2019-01-01",
                "2019-01-02",
                "2019-02",
                "2020"
            ]
        );
        // Consistent with Eq: equal only when identical.
        assert_eq!(date("2019").cmp(&date("2019")), Ordering::Equal);
        assert_ne!(date("2019").cmp(&date("2019-01-01")), Ordering::Equal);
        assert!(date("2019-08") < date("2019-08-01"));
        assert!(date("2019-12-31") < date("2020"));
        assert!(date("2019") < date("2019-06-01"));
    }
}
