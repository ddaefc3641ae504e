//! When a spreadsheet row happened: a `date` cell, or TimelineJS's Year,
//! Month and Day cells, or only text to show ("Display Date").

use crate::story::{month_by_prefix, DateError, ErrorKind, PartialDate, StoryError};

use super::csv_columns::{Column, Columns};
use super::loose_date::parse_loose_date;

/// A row's date as far as it could be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowDate {
    /// The date, at its precision.
    pub date: Option<PartialDate>,
    /// Text to show instead, when there is no date.
    pub text: Option<String>,
    /// What was wrong with the date cells (the row still shows, undated).
    pub problems: Vec<StoryError>,
}

/// The date of the row `row` with `cells`.
///
/// A `date` cell is read strictly (`2019`, `2019-08`, `2022-06-10`), then as
/// people write dates ("August 23, 2005"); any other text is shown as it is
/// (free text such as "Spring 1845" is a legitimate date), except text shaped
/// like a date that does not exist ("2023-02-30"), which is reported. Without
/// a `date`, Year, Month and Day make one at their precision. Without either,
/// "Display Date" is the text shown.
pub(crate) fn row_date(columns: &Columns, cells: &[String], row: usize) -> RowDate {
    let display = columns.text(Column::DisplayDate, cells).map(str::to_string);
    let undated = |text: String, problems| RowDate {
        date: None,
        text: display.clone().or(Some(text)),
        problems,
    };
    if let Some((cell, header)) = columns.cell(Column::Date, cells) {
        return match PartialDate::parse(cell) {
            Ok(date) => dated(date),
            Err(DateError::Empty | DateError::BadFormat { .. }) => match parse_loose_date(cell) {
                Some(date) => dated(date),
                None => undated(cell.to_string(), Vec::new()),
            },
            // Shaped like a date, but not a real one: a slip worth reporting.
            Err(e) => undated(
                cell.to_string(),
                vec![StoryError::in_row(row, header, ErrorKind::BadDate(e))],
            ),
        };
    }
    let parts = [Column::Year, Column::Month, Column::Day].map(|c| columns.cell(c, cells));
    if parts.iter().all(Option::is_none) {
        return RowDate {
            date: None,
            text: display,
            problems: Vec::new(),
        };
    }
    match year_month_day(parts, row) {
        Ok(date) => dated(date),
        Err(problems) => {
            let written: Vec<&str> = parts.iter().flatten().map(|(cell, _)| *cell).collect();
            undated(written.join("-"), problems)
        }
    }
}

fn dated(date: PartialDate) -> RowDate {
    RowDate {
        date: Some(date),
        text: None,
        problems: Vec::new(),
    }
}

/// A whole number written plainly, such as `2019` or `08`.
fn whole_number(cell: &str) -> Option<i64> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    cell.parse().ok()
}

/// A month from 1 to 12, or an English month name or the start of one
/// (at least three letters: Aug, Sept.).
fn month_number(cell: &str) -> Option<u8> {
    if let Some(n) = whole_number(cell) {
        return u8::try_from(n).ok().filter(|m| (1..=12).contains(m));
    }
    month_by_prefix(cell.trim_end_matches('.'))
}

/// What is wrong with a Year, Month or Day cell, and what to write instead.
mod problem {
    pub const YEAR: &str =
        "is not a year from 1 to 9999; the row shows undated until you write a year such as 2019";
    pub const MONTH: &str = "is not a month; the row shows undated until you write a month from 1 to 12 or its English name, such as 8 or August";
    pub const DAY: &str =
        "is not a day; the row shows undated until you write a day of the month from 1 to 31";
    pub const NO_MONTH: &str = "is a day without a month; the row shows undated until you write its month in the Month column too";
    pub const NO_YEAR: &str = "is a month without a year; the row shows undated until you write its year in the Year column too";
    pub const NOT_IN_MONTH: &str =
        "is not a real date; the row shows undated until you write a day that month has";
}

/// The date Year, Month and Day (each `(cell, header)` if not blank) make,
/// or every problem with them.
fn year_month_day(
    [year, month, day]: [Option<(&str, &str)>; 3],
    row: usize,
) -> Result<PartialDate, Vec<StoryError>> {
    let mut problems = Vec::new();
    let mut check = |part: Option<(&str, &str)>, read: &dyn Fn(&str) -> Option<u16>, problem| {
        let (cell, header) = part?;
        let value = read(cell);
        if value.is_none() {
            problems.push(bad(row, header, cell.to_string(), problem));
        }
        value
    };
    let in_range = |max| {
        move |cell: &str| {
            whole_number(cell)
                .and_then(|n| u16::try_from(n).ok())
                .filter(|n| (1..=max).contains(n))
        }
    };
    let y = check(year, &in_range(9999), problem::YEAR);
    let m = check(
        month,
        &|cell| month_number(cell).map(u16::from),
        problem::MONTH,
    );
    let d = check(day, &in_range(31), problem::DAY);
    if !problems.is_empty() {
        return Err(problems);
    }
    let iso = match (y, m, d) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, None) => format!("{y:04}"),
        (_, None, Some(_)) => return Err(vec![missing(day, row, problem::NO_MONTH)]),
        (None, Some(_), _) => return Err(vec![missing(month, row, problem::NO_YEAR)]),
        // Not reached: a row without Year, Month and Day has no date to make.
        (None, None, None) => return Err(Vec::new()),
    };
    PartialDate::parse(&iso).map_err(|e| {
        // Only a day its month lacks is left to find.
        let (found, header) = match (e, day) {
            (DateError::DayOutOfRange { .. }, Some((_, header))) => {
                let date = PartialDate::parse(iso.get(..7).unwrap_or_default());
                let month = date.map(|d| d.format_en()).unwrap_or_default();
                (format!("{} {month}", d.unwrap_or_default()), header)
            }
            (_, part) => (iso.clone(), part.map_or("", |(_, header)| header)),
        };
        vec![bad(row, header, found, problem::NOT_IN_MONTH)]
    })
}

fn bad(row: usize, header: &str, found: String, problem: &'static str) -> StoryError {
    StoryError::in_row(row, header, ErrorKind::BadDateCell { found, problem })
}

/// The problem of a cell that needs another (`part` is never blank here).
fn missing(part: Option<(&str, &str)>, row: usize, problem: &'static str) -> StoryError {
    let (cell, header) = part.unwrap_or_default();
    bad(row, header, cell.to_string(), problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_number_or_english_name() {
        for (cell, month) in [
            ("8", 8),
            ("08", 8),
            ("12", 12),
            ("August", 8),
            ("aug", 8),
            ("Sept.", 9),
            ("SEP", 9),
            ("may", 5),
        ] {
            assert_eq!(month_number(cell), Some(month), "{cell}");
        }
        for cell in ["0", "13", "-1", "Ju", "Augustus", "8.0", "", "1e1"] {
            assert_eq!(month_number(cell), None, "{cell}");
        }
    }

    #[test]
    fn whole_numbers_written_plainly() {
        assert_eq!(whole_number("2019"), Some(2019));
        assert_eq!(whole_number("-500"), Some(-500));
        for cell in ["", "-", "+5", "2019.0", "2 019", "1e3", "12345678"] {
            assert_eq!(whole_number(cell), None, "{cell}");
        }
    }

    #[test]
    fn a_date_cell_wins_over_year_month_day_and_display_date() {
        let columns = Columns::new(&["date", "year", "display date"].map(String::from));
        let cells = ["2019-08", "2020", "Summer"].map(String::from);
        let got = row_date(&columns, &cells, 2);
        assert_eq!(got.date.map(|d| d.iso()).as_deref(), Some("2019-08"));
        assert_eq!((got.text, got.problems.len()), (None, 0));
        let cells = ["", "2020", "Summer"].map(String::from);
        assert_eq!(
            row_date(&columns, &cells, 2)
                .date
                .map(|d| d.iso())
                .as_deref(),
            Some("2020")
        );
        let cells = ["", "", "Summer"].map(String::from);
        assert_eq!(
            row_date(&columns, &cells, 2).text.as_deref(),
            Some("Summer")
        );
    }
}
