//! A day of the calendar, with the arithmetic relative dates need
//! (weekdays, days apart), exact over any year.

use crate::story::{days_in_month, PartialDate};

/// Keeps day counts within about a million years, so a year fits an `i32`.
const MAX_DAYS: i64 = 365_000_000;

/// A day of the calendar (the publication date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

impl Day {
    /// Parses "YYYY-MM-DD" (a real date), else None.
    pub fn parse(s: &str) -> Option<Day> {
        let d = PartialDate::parse(s).ok()?;
        let (month, day) = (d.month()?, d.day()?);
        Some(Day {
            year: d.year(),
            month,
            day,
        })
    }

    /// Weekday, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // Day 0 of the count, 1970-01-01, was a Thursday.
        (self.days() + 3).rem_euclid(7) as u8
    }

    /// This day plus `n` days (n may be negative). Saturates about a million
    /// years away rather than overflow.
    pub fn plus_days(self, n: i64) -> Day {
        civil(self.days().saturating_add(n).clamp(-MAX_DAYS, MAX_DAYS))
    }

    /// The day as `YYYY-MM-DD`. The fields are public, so ones out of range
    /// are clamped (year to 1–9999, month to 1–12, day to the month's last).
    pub fn iso(self) -> String {
        let year = self.year.clamp(1, 9999);
        let month = self.month.clamp(1, 12);
        let day = self.day.clamp(1, days_in_month(year, month));
        format!("{year:04}-{month:02}-{day:02}")
    }

    /// Days since 1970-01-01.
    pub(super) fn days(self) -> i64 {
        days_from_civil(self.year.into(), self.month.into(), self.day.into())
    }
}

/// Days since 1970-01-01 (H. Hinnant's algorithm); plain arithmetic, so
/// out-of-range fields give a number rather than a panic.
pub(super) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = y - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn civil(z: i64) -> Day {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Day { year, month, day }
}
