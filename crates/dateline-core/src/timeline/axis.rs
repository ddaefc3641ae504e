//! A linear time axis fitted to a story's dates, mapping days to fractions.

use crate::story::{PartialDate, Story};

use super::days::{date_from_ordinal, day_ordinal};

/// The share of the axis left empty at each end, so marks at the first and
/// last dates are not cut off at the edges.
pub const AXIS_PADDING: f64 = 0.04;

/// The shortest domain, in days: a story with one dated day still gets a
/// readable stretch of time around it.
pub const MIN_DOMAIN_DAYS: i64 = 30;

/// Spans at least this long (in days) are widened to whole years.
const YEARS_FROM_DAYS: i64 = 2 * 365;

/// Spans at least this long (in days) are widened to whole months.
const MONTHS_FROM_DAYS: i64 = 60;

/// A time axis: a domain of whole days that maps linearly onto the fractions
/// 0 to 1, with [`AXIS_PADDING`] left free at both ends.
///
/// The domain covers every dated event, widened to calendar units that suit
/// its length: whole years for spans of two years or more (the article's
/// 2018 to 2024 becomes 1 January 2018 to the end of 2024), whole months for
/// spans of two months or more, and at least [`MIN_DOMAIN_DAYS`] days
/// otherwise. Days are [day ordinals](super::day_ordinal); a day `n` covers
/// the time from `n` to `n + 1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeAxis {
    /// The first day of the domain (inclusive).
    start: i64,
    /// The day after the domain's last day (exclusive); always > `start`.
    end: i64,
}

impl TimeAxis {
    /// The axis for the dated events of `story`; `None` when none is dated.
    pub fn for_story(story: &Story) -> Option<TimeAxis> {
        TimeAxis::from_dates(story.events().filter_map(|(_, e)| e.date.as_ref()))
    }

    /// The axis covering every date's whole span; `None` for no dates.
    pub fn from_dates<'a>(dates: impl IntoIterator<Item = &'a PartialDate>) -> Option<TimeAxis> {
        let (lo, hi) = dates.into_iter().map(day_span).fold(None, |acc, (s, e)| {
            Some(match acc {
                None => (s, e),
                Some((lo, hi)) => (s.min(lo), e.max(hi)),
            })
        })?;
        let (start, end) = widen(lo, hi);
        Some(TimeAxis { start, end })
    }

    /// The first day of the domain, as a day ordinal (the padding lies before it).
    pub fn start_day(&self) -> i64 {
        self.start
    }

    /// The day after the domain's last day, as a day ordinal (exclusive).
    pub fn end_day(&self) -> i64 {
        self.end
    }

    /// Where the start of day ordinal `day` falls, as an unclamped fraction:
    /// [`AXIS_PADDING`] at the domain's start, `1 - AXIS_PADDING` at its end,
    /// and below 0 or above 1 outside the padded axis. Fractional days are
    /// allowed; NaN gives NaN.
    pub fn fraction_at_day(&self, day: f64) -> f64 {
        let len = (self.end - self.start) as f64;
        AXIS_PADDING + (day - self.start as f64) / len * (1.0 - 2.0 * AXIS_PADDING)
    }

    /// The day ordinal (fractional) at `fraction` along the axis; the inverse
    /// of [`fraction_at_day`](Self::fraction_at_day).
    pub fn day_at_fraction(&self, fraction: f64) -> f64 {
        let len = (self.end - self.start) as f64;
        self.start as f64 + (fraction - AXIS_PADDING) / (1.0 - 2.0 * AXIS_PADDING) * len
    }

    /// Where `date` starts, as a fraction from 0 to 1 (the start of its first
    /// day). Monotonic: a later date by [`PartialDate`]'s order never maps
    /// lower. Dates beyond the padded axis clamp to 0 or 1.
    pub fn fraction(&self, date: &PartialDate) -> f64 {
        self.span_of(date).0
    }

    /// The stretch of the axis `date` covers, as fractions `(from, to)`, from
    /// the start of its first day to the end of its last: a year-only date
    /// spans its whole year, a month-only date its month, a full date one day.
    /// This is the true span; giving very short spans a visible width is the
    /// caller's job. Both ends clamp to 0..=1.
    pub fn span_of(&self, date: &PartialDate) -> (f64, f64) {
        let (s, e) = day_span(date);
        let clamp = |f: f64| crate::math::clamp(f, 0.0, 1.0);
        (
            clamp(self.fraction_at_day(s as f64)),
            clamp(self.fraction_at_day(e as f64)),
        )
    }
}

/// The days a date covers: its first day and the day after its last.
fn day_span(date: &PartialDate) -> (i64, i64) {
    let (y, m, d) = date.first_day();
    let (ly, lm, ld) = date.last_day();
    (day_ordinal(y, m, d), day_ordinal(ly, lm, ld) + 1)
}

/// Widens the days `lo..hi` to whole calendar units that suit its length.
fn widen(lo: i64, hi: i64) -> (i64, i64) {
    let len = hi - lo;
    let (first_year, first_month, _) = date_from_ordinal(lo);
    let (last_year, last_month, _) = date_from_ordinal(hi - 1);
    if len >= YEARS_FROM_DAYS {
        (
            day_ordinal(first_year, 1, 1),
            day_ordinal(last_year.saturating_add(1), 1, 1),
        )
    } else if len >= MONTHS_FROM_DAYS {
        let (next_year, next_month) = if last_month == 12 {
            (last_year.saturating_add(1), 1)
        } else {
            (last_year, last_month + 1)
        };
        (
            day_ordinal(first_year, first_month, 1),
            day_ordinal(next_year, next_month, 1),
        )
    } else {
        // Grow evenly on both sides, the odd day after.
        let extra = (MIN_DOMAIN_DAYS - len).max(0);
        (lo - extra / 2, hi + (extra - extra / 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse;

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn article() -> Story {
        parse(include_str!("../../../../assets/story.geojson")).unwrap()
    }

    fn axis_of(dates: &[&str]) -> TimeAxis {
        let dates: Vec<PartialDate> = dates.iter().map(|d| date(d)).collect();
        TimeAxis::from_dates(&dates).unwrap()
    }

    #[test]
    fn article_domain_is_whole_years_padded() {
        let axis = TimeAxis::for_story(&article()).unwrap();
        assert_eq!(axis.start_day(), day_ordinal(2018, 1, 1));
        assert_eq!(axis.end_day(), day_ordinal(2025, 1, 1));
        let story = article();
        for (_, event) in story.events() {
            let Some(d) = event.date else { continue };
            let (from, to) = axis.span_of(&d);
            assert!(from >= AXIS_PADDING - 1e-12, "{d}: {from}");
            assert!(to <= 1.0 - AXIS_PADDING + 1e-12, "{d}: {to}");
            assert!(from > 0.0 && to < 1.0 && from < to, "{d}");
        }
        assert!((axis.fraction(&date("2018")) - AXIS_PADDING).abs() < 1e-12);
        assert!((axis.fraction_at_day(axis.end_day() as f64) - (1.0 - AXIS_PADDING)).abs() < 1e-12);
    }

    #[test]
    fn no_dates_no_axis() {
        assert_eq!(TimeAxis::from_dates(&[]), None);
        let mut story = article();
        for place in &mut story.places {
            for event in &mut place.events {
                event.date = None;
            }
        }
        assert_eq!(TimeAxis::for_story(&story), None);
    }

    #[test]
    fn year_spans_its_whole_year_and_holds_its_months_and_days() {
        let axis = TimeAxis::for_story(&article()).unwrap();
        let (from, to) = axis.span_of(&date("2019"));
        let jan1 = axis.fraction_at_day(day_ordinal(2019, 1, 1) as f64);
        let after_dec31 = axis.fraction_at_day(day_ordinal(2019, 12, 31) as f64 + 1.0);
        assert!((from - jan1).abs() < 1e-12 && (to - after_dec31).abs() < 1e-12);
        // One year of the seven in the domain.
        assert!((to - from - (1.0 - 2.0 * AXIS_PADDING) * 365.0 / 2557.0).abs() < 1e-12);
        for inner in ["2019-01", "2019-08", "2019-12", "2019-01-01", "2019-12-31"] {
            let (a, b) = axis.span_of(&date(inner));
            assert!(from <= a && a < b && b <= to, "{inner}");
        }
        let (a, b) = axis.span_of(&date("2019-08"));
        let day = axis.span_of(&date("2019-08-15"));
        assert!(a < day.0 && day.1 < b);
        assert!(((b - a) / (day.1 - day.0) - 31.0).abs() < 1e-9);
    }

    #[test]
    fn fraction_is_monotonic_in_date() {
        let axis = axis_of(&["1990", "2030"]);
        let mut dates = vec![];
        for y in [1989, 1990, 1999, 2000, 2019, 2020, 2030, 2031] {
            dates.push(date(&format!("{y:04}")));
            for m in [1, 2, 6, 12] {
                dates.push(date(&format!("{y:04}-{m:02}")));
                for d in [1, 2, 28] {
                    dates.push(date(&format!("{y:04}-{m:02}-{d:02}")));
                }
            }
        }
        dates.sort();
        let fractions: Vec<f64> = dates.iter().map(|d| axis.fraction(d)).collect();
        assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
        assert!(fractions.iter().all(|f| (0.0..=1.0).contains(f)));
        assert!(axis.fraction(&date("2000")) < axis.fraction(&date("2000-01-02")));
        // Far outside: clamped.
        assert_eq!(axis.fraction(&date("1000")), 0.0);
        assert_eq!(axis.span_of(&date("3000")), (1.0, 1.0));
    }

    #[test]
    fn single_event_gets_a_sensible_span() {
        let day = axis_of(&["2022-06-10"]);
        assert_eq!(day.end_day() - day.start_day(), MIN_DOMAIN_DAYS);
        let (a, b) = day.span_of(&date("2022-06-10"));
        assert!(0.0 < a && a < b && b < 1.0);
        assert!((a + b - 1.0).abs() < 0.05, "roughly centred: {a} {b}");

        let year = axis_of(&["2019"]);
        assert_eq!(
            (year.start_day(), year.end_day()),
            (day_ordinal(2019, 1, 1), day_ordinal(2020, 1, 1))
        );
        let month = axis_of(&["2019-08"]);
        assert_eq!(
            (month.start_day(), month.end_day()),
            (day_ordinal(2019, 8, 1), day_ordinal(2019, 9, 1))
        );
        for axis in [day, year, month] {
            assert!(axis.end_day() > axis.start_day());
        }
    }

    #[test]
    fn medium_spans_widen_to_months() {
        let axis = axis_of(&["2019-03-15", "2019-11-02"]);
        assert_eq!(axis.start_day(), day_ordinal(2019, 3, 1));
        assert_eq!(axis.end_day(), day_ordinal(2019, 12, 1));
        let december = axis_of(&["2019-10-15", "2019-12-31"]);
        assert_eq!(december.end_day(), day_ordinal(2020, 1, 1));
    }

    #[test]
    fn extreme_years_do_not_panic() {
        let axis = axis_of(&["0001", "9999-12-31"]);
        assert_eq!(axis.start_day(), 0);
        assert_eq!(axis.end_day(), day_ordinal(10000, 1, 1));
        assert!(axis.fraction_at_day(f64::NAN).is_nan());
        let (a, b) = axis.span_of(&date("5000-05"));
        assert!(a < b);
        let back = axis.day_at_fraction(axis.fraction_at_day(123_456.0));
        assert!((back - 123_456.0).abs() < 1e-6);
    }
}
