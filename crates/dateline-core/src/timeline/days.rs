//! Day ordinals: counting days in the proleptic Gregorian calendar, so dates
//! of any precision can sit on one linear axis.

use crate::story::days_in_month;

/// The day ordinal of 1970-01-01 (the Unix epoch): the days from 0001-01-01 to it.
pub const UNIX_EPOCH_DAY: i64 = 719_162;

/// Days in a 400-year Gregorian cycle.
const DAYS_PER_400_YEARS: i64 = 146_097;

/// Ordinals are clamped to about ±2.7 million years, so years fit in `i32`
/// and nothing below can overflow.
const ORDINAL_LIMIT: i64 = 1_000_000_000;

/// Days from 0001-01-01 (day 0) to `year`-`month`-`day`, in the proleptic
/// Gregorian calendar.
///
/// Never panics: a month outside 1 to 12 is clamped into it, and a day past
/// the month's end (or 0) simply counts on (or back) from the month's first,
/// so `(2019, 1, 32)` is the same day as `(2019, 2, 1)`. Years before 1 work
/// too (year 0 is 1 BC, as in ISO 8601).
///
/// # Examples
///
/// ```
/// use dateline_core::timeline::{date_from_ordinal, day_ordinal};
///
/// assert_eq!(day_ordinal(1, 1, 1), 0);
/// assert_eq!(day_ordinal(1970, 1, 1), 719_162);
/// assert_eq!(date_from_ordinal(719_162), (1970, 1, 1));
/// ```
pub fn day_ordinal(year: i32, month: u8, day: u8) -> i64 {
    let month = month.clamp(1, 12);
    let y = i64::from(year) - 1;
    // Leap days before `year`; `div_euclid` keeps this right for years < 1.
    let days_before_year = y * 365 + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400);
    let days_before_month: i64 = (1..month).map(|m| i64::from(days_in_month(year, m))).sum();
    days_before_year + days_before_month + i64::from(day) - 1
}

/// The calendar date `(year, month, day)` of a day ordinal; the inverse of
/// [`day_ordinal`].
///
/// Never panics: ordinals beyond about ±2.7 million years are clamped.
pub fn date_from_ordinal(ordinal: i64) -> (i32, u8, u8) {
    let n = ordinal.clamp(-ORDINAL_LIMIT, ORDINAL_LIMIT);
    // Whole 400-year cycles first, then the year within the cycle from an
    // estimate that is at most one year too high.
    let cycles = n.div_euclid(DAYS_PER_400_YEARS);
    let rest = n.rem_euclid(DAYS_PER_400_YEARS);
    let mut year_in_cycle = (rest * 400 / DAYS_PER_400_YEARS).min(399);
    let base_year = cycles * 400 + 1;
    let start_of =
        |y: i64| day_ordinal(clamp_year(base_year + y), 1, 1) - cycles * DAYS_PER_400_YEARS;
    while year_in_cycle > 0 && start_of(year_in_cycle) > rest {
        year_in_cycle -= 1;
    }
    while year_in_cycle < 399 && start_of(year_in_cycle + 1) <= rest {
        year_in_cycle += 1;
    }
    let year = clamp_year(base_year + year_in_cycle);
    let mut day_of_year = n - day_ordinal(year, 1, 1);
    let mut month = 1u8;
    while month < 12 {
        let len = i64::from(days_in_month(year, month));
        if day_of_year < len {
            break;
        }
        day_of_year -= len;
        month += 1;
    }
    // `day_of_year` is now below the month's length (at most 31).
    let day = u8::try_from(day_of_year + 1).unwrap_or(1);
    (year, month, day)
}

fn clamp_year(y: i64) -> i32 {
    i32::try_from(y).unwrap_or(if y < 0 { i32::MIN } else { i32::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ordinals() {
        assert_eq!(day_ordinal(1, 1, 1), 0);
        assert_eq!(day_ordinal(1, 12, 31), 364);
        assert_eq!(day_ordinal(2, 1, 1), 365);
        assert_eq!(day_ordinal(1970, 1, 1), UNIX_EPOCH_DAY);
        // Python: date(2000, 1, 1).toordinal() - 1
        assert_eq!(day_ordinal(2000, 1, 1), 730_119);
        assert_eq!(day_ordinal(2018, 5, 7), 736_820);
        assert_eq!(day_ordinal(2024, 2, 20), 738_935);
        assert_eq!(day_ordinal(9999, 12, 31), 3_652_058);
    }

    #[test]
    fn leap_year_boundaries() {
        let len = |y| day_ordinal(y + 1, 1, 1) - day_ordinal(y, 1, 1);
        assert_eq!(len(2023), 365);
        assert_eq!(len(2024), 366);
        assert_eq!(len(1900), 365);
        assert_eq!(len(2000), 366);
        assert_eq!(len(2100), 365);
        assert_eq!(day_ordinal(2024, 3, 1) - day_ordinal(2024, 2, 28), 2);
        assert_eq!(day_ordinal(2023, 3, 1) - day_ordinal(2023, 2, 28), 1);
        assert_eq!(day_ordinal(1900, 3, 1) - day_ordinal(1900, 2, 28), 1);
        assert_eq!(day_ordinal(2000, 3, 1) - day_ordinal(2000, 2, 28), 2);
        // 400 years always hold the same number of days.
        assert_eq!(day_ordinal(2401, 1, 1) - day_ordinal(2001, 1, 1), 146_097);
    }

    #[test]
    fn round_trips_every_day_of_several_cycles() {
        let mut expected = (-401, 1u8, 1u8);
        for n in day_ordinal(-401, 1, 1)..day_ordinal(2801, 1, 1) {
            assert_eq!(date_from_ordinal(n), expected, "ordinal {n}");
            assert_eq!(day_ordinal(expected.0, expected.1, expected.2), n);
            let (y, m, d) = expected;
            expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        assert_eq!(day_ordinal(2019, 1, 32), day_ordinal(2019, 2, 1));
        assert_eq!(day_ordinal(2019, 0, 1), day_ordinal(2019, 1, 1));
        assert_eq!(day_ordinal(2019, 13, 1), day_ordinal(2019, 12, 1));
        let _ = day_ordinal(i32::MAX, 12, 255);
        let _ = day_ordinal(i32::MIN, 1, 0);
        for n in [i64::MIN, i64::MAX, -ORDINAL_LIMIT, ORDINAL_LIMIT] {
            let (_, m, d) = date_from_ordinal(n);
            assert!((1..=12).contains(&m) && d >= 1);
        }
    }
}
