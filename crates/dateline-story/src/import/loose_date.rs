//! Dates as people write them ("August 23, 2005", "Aug 2005", "1835").
//!
//! Never confidently wrong: only forms that can mean one date are read.
//! "8/9/2005" is August or September depending on the reader, "c. 1900"
//! and "1840s" are not dates at one precision, so they give `None` and an
//! importer keeps them as text to show.

use crate::story::{month_by_name, month_by_prefix, PartialDate};

/// The date `text` names, at its precision, if it is one Dateline can place in time.
///
/// Read: a year (`1835`), ISO dates at any precision (`2005-08`,
/// `2005-08-23`, also `2005-8-3`), and English dates with the month as a
/// word, full or abbreviated, in any case: `August 23, 2005`,
/// `Aug. 23, 2005`, `23 August 2005`, `23rd Aug 2005`, `August 2005`,
/// `Aug 2005`. Surrounding whitespace is ignored. Anything else is `None`:
/// numeric day/month orders (`8/9/2005`), ranges (`1790-2010`),
/// approximations (`c. 1900`, `1840s`), dates without a year (`Aug 23`),
/// and days that do not exist (`February 30, 2005`).
///
/// # Examples
///
/// ```
/// use dateline_story::import::loose_date::parse_loose_date;
///
/// let day = parse_loose_date("August 23, 2005").map(|d| d.iso());
/// assert_eq!(day.as_deref(), Some("2005-08-23"));
/// assert_eq!(parse_loose_date(" aug 2005 ").map(|d| d.iso()).as_deref(), Some("2005-08"));
/// assert_eq!(parse_loose_date("8/9/2005"), None);
/// ```
pub fn parse_loose_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    if let Some(iso) = iso_date(text) {
        return Some(iso);
    }
    // Commas only separate words here ("August 23, 2005").
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (year, month, day) = match words.as_slice() {
        [month, year] => (year_of(year)?, month_of(month)?, None),
        [first, second, year] => {
            let year = year_of(year)?;
            match (month_of(first), month_of(second)) {
                (Some(month), None) => (year, month, Some(day_of(second)?)),
                (None, Some(month)) => (year, month, Some(day_of(first)?)),
                _ => return None,
            }
        }
        _ => return None,
    };
    let canonical = match day {
        Some(day) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{year:04}-{month:02}"),
    };
    // The strict parser checks the day exists in that month (no 30 February).
    PartialDate::parse(&canonical).ok()
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, where month and day may have one digit.
fn iso_date(text: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let year = year_of(parts.first()?)?;
    let number = |part: &str| {
        (matches!(part.len(), 1 | 2) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u8>().ok())
            .flatten()
    };
    let canonical = match parts.as_slice() {
        [_] => format!("{year:04}"),
        [_, month] => format!("{year:04}-{:02}", number(month)?),
        [_, month, day] => format!("{year:04}-{:02}-{:02}", number(month)?, number(day)?),
        _ => return None,
    };
    PartialDate::parse(&canonical).ok()
}

/// A four-digit year.
fn year_of(word: &str) -> Option<u16> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// A month written as a word (`August`, `aug`, `Aug.`), as its number.
fn month_of(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    let (name, abbreviated) = match lower.strip_suffix('.') {
        Some(name) => (name, true),
        None => (lower.as_str(), false),
    };
    // A full stop marks an abbreviation, never a full name ("May." aside);
    // abbreviations are the first three letters, or "sept".
    let full = month_by_name(name).filter(|_| !abbreviated || name == "may");
    let short = (name.len() == 3 || name == "sept")
        .then(|| month_by_prefix(name))
        .flatten();
    full.or(short)
}

/// A day of the month as one or two digits, optionally with its ordinal
/// ending (`23`, `3rd`).
fn day_of(word: &str) -> Option<u8> {
    let lower = word.to_ascii_lowercase();
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|end| lower.strip_suffix(end))
        .unwrap_or(&lower);
    (matches!(digits.len(), 1 | 2) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        parse_loose_date(text).map(|d| d.iso())
    }

    #[test]
    fn years_and_iso_dates() {
        assert_eq!(iso("1835").as_deref(), Some("1835"));
        assert_eq!(iso("2005-08").as_deref(), Some("2005-08"));
        assert_eq!(iso("2005-08-23").as_deref(), Some("2005-08-23"));
        assert_eq!(iso("2005-8-3").as_deref(), Some("2005-08-03"));
        assert_eq!(iso("  1835\n").as_deref(), Some("1835"));
    }

    #[test]
    fn month_names_full_and_short_in_any_case() {
        assert_eq!(iso("August 23, 2005").as_deref(), Some("2005-08-23"));
        assert_eq!(iso("Aug. 23, 2005").as_deref(), Some("2005-08-23"));
        assert_eq!(iso("aug 23 2005").as_deref(), Some("2005-08-23"));
        assert_eq!(iso("23 August 2005").as_deref(), Some("2005-08-23"));
        assert_eq!(iso("23rd Aug 2005").as_deref(), Some("2005-08-23"));
        assert_eq!(iso("AUGUST 2005").as_deref(), Some("2005-08"));
        assert_eq!(iso("Aug 2005").as_deref(), Some("2005-08"));
        assert_eq!(iso("Sept 3, 2013").as_deref(), Some("2013-09-03"));
        assert_eq!(iso("may 2019").as_deref(), Some("2019-05"));
        assert_eq!(iso("1 Dec. 1999").as_deref(), Some("1999-12-01"));
    }

    #[test]
    fn days_that_do_not_exist_are_refused() {
        assert_eq!(iso("February 30, 2005"), None);
        assert_eq!(iso("2005-02-30"), None);
        assert_eq!(iso("February 29, 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(iso("2005-13"), None);
        assert_eq!(iso("0000"), None);
        assert_eq!(iso("August 0, 2005"), None);
    }

    #[test]
    fn ambiguous_or_vague_forms_are_refused() {
        for text in [
            "",
            "   ",
            "8/9/2005",
            "08-09-2005",
            "9.8.2005",
            "1790-2010",
            "1835 - 1910",
            "c. 1900",
            "circa 1900",
            "1840s",
            "Aug 23",
            "Sept 3",
            "Spring 1845",
            "Augustus 2005",
            "August. 2005",
            "Aug 123 2005",
            "August 23 05",
            "835",
            "18350",
            "2005-08-23T10:00",
            "Monday, August 22, 2005",
            "August August 2005",
            "23 24 2005",
        ] {
            assert_eq!(parse_loose_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_precision_is_the_one_written() {
        use crate::story::Precision;
        let precision = |t: &str| parse_loose_date(t).map(|d| d.precision());
        assert_eq!(precision("1835"), Some(Precision::Year));
        assert_eq!(precision("Aug 2005"), Some(Precision::Month));
        assert_eq!(precision("23 August 2005"), Some(Precision::Day));
    }
}
