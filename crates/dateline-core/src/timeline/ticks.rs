//! Labelled ticks along a [`TimeAxis`], spaced so their labels never crowd.

use super::axis::TimeAxis;
use super::days::{date_from_ordinal, day_ordinal};
use crate::story::days_in_month;

/// English month abbreviations, the default tick labels for months.
pub const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The most ticks one call returns, whatever the options: a bound on work
/// and memory for absurd inputs.
pub const MAX_TICKS: usize = 1000;

/// What kind of calendar boundary a [`Tick`] marks, from finest to coarsest;
/// the UI may style the coarser ones more strongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TickLevel {
    /// A day within a month; labelled with the day number (`15`).
    Day,
    /// The first day of a month other than January; labelled with the month's name.
    Month,
    /// 1 January; labelled with the year (`2020`).
    Year,
    /// 1 January on an axis stepping by ten years or more; labelled with the year.
    Decade,
}

/// A labelled mark on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Where the tick sits, as a fraction from 0 to 1 (as [`TimeAxis::fraction_at_day`]).
    pub at: f64,
    /// The text to show: a year, a month name or a day number.
    pub label: String,
    /// What the tick marks; it decides the form of `label`.
    pub level: TickLevel,
}

/// A distance between ticks; each is aligned to its unit (years divisible by
/// the step, months counted from January, days from the 1st of each month).
#[derive(Debug, Clone, Copy)]
enum TickStep {
    Days(u8),
    Months(u8),
    Years(i32),
}

/// Candidate steps, finest first; the first whose ticks are far enough apart wins.
const STEPS: [TickStep; 22] = [
    TickStep::Days(1),
    TickStep::Days(2),
    TickStep::Days(7),
    TickStep::Days(14),
    TickStep::Months(1),
    TickStep::Months(3),
    TickStep::Months(6),
    TickStep::Years(1),
    TickStep::Years(2),
    TickStep::Years(5),
    TickStep::Years(10),
    TickStep::Years(20),
    TickStep::Years(25),
    TickStep::Years(50),
    TickStep::Years(100),
    TickStep::Years(200),
    TickStep::Years(250),
    TickStep::Years(500),
    TickStep::Years(1000),
    TickStep::Years(2000),
    TickStep::Years(2500),
    TickStep::Years(5000),
];

impl TickStep {
    /// The largest gap between two ticks of this step, in days. Day steps
    /// restart on each 1st, so the month's last stretch can be up to `2s - 1`.
    fn max_gap_days(self) -> f64 {
        match self {
            TickStep::Days(s) => 2.0 * f64::from(s) - 1.0,
            TickStep::Months(s) => 31.0 * f64::from(s),
            TickStep::Years(s) => 366.0 * f64::from(s),
        }
    }

    /// The days from `first` to `last` (inclusive) that carry a tick; once
    /// there are more than `limit`, the rest are left out.
    fn days_between(self, first: i64, last: i64, limit: usize) -> Vec<i64> {
        let mut days = Vec::new();
        let (y0, m0, d0) = date_from_ordinal(first);
        match self {
            TickStep::Years(s) => {
                let mut year = if (m0, d0) == (1, 1) {
                    y0
                } else {
                    y0.saturating_add(1)
                };
                year = year.saturating_add((s - year.rem_euclid(s)) % s);
                while days.len() <= limit {
                    let day = day_ordinal(year, 1, 1);
                    if day > last {
                        break;
                    }
                    days.push(day);
                    year = year.saturating_add(s);
                }
            }
            TickStep::Months(s) => {
                let mut at = (y0, m0);
                if d0 != 1 {
                    at = next_month(at);
                }
                while (at.1 - 1) % s != 0 {
                    at = next_month(at);
                }
                while days.len() <= limit {
                    let day = day_ordinal(at.0, at.1, 1);
                    if day > last {
                        break;
                    }
                    days.push(day);
                    for _ in 0..s {
                        at = next_month(at);
                    }
                }
            }
            TickStep::Days(s) => {
                let mut day = first;
                while day <= last && days.len() <= limit {
                    let (y, m, d) = date_from_ordinal(day);
                    // Skip a tick too close to the next month's 1st.
                    if (d - 1) % s == 0
                        && u16::from(d) + u16::from(s) - 1 <= u16::from(days_in_month(y, m))
                    {
                        days.push(day);
                    }
                    day += 1;
                }
            }
        }
        days
    }

    /// The tick for `day` (a day this step ticks on) at fraction `at`.
    fn tick(self, day: i64, at: f64, month_names: &[&str; 12]) -> Tick {
        let (year, month, dom) = date_from_ordinal(day);
        let level = match self {
            TickStep::Years(s) if s >= 10 => TickLevel::Decade,
            _ if (month, dom) == (1, 1) => TickLevel::Year,
            _ if dom == 1 => TickLevel::Month,
            _ => TickLevel::Day,
        };
        let label = match level {
            TickLevel::Decade | TickLevel::Year => year.to_string(),
            TickLevel::Month => usize::from(month)
                .checked_sub(1)
                .and_then(|i| month_names.get(i))
                .map_or_else(|| month.to_string(), |name| (*name).to_string()),
            TickLevel::Day => dom.to_string(),
        };
        Tick { at, label, level }
    }
}

/// The month after `(year, month)`.
fn next_month((year, month): (i32, u8)) -> (i32, u8) {
    if month >= 12 {
        (year.saturating_add(1), 1)
    } else {
        (year, month + 1)
    }
}

/// How [`TimeAxis::ticks_with`] spaces and labels ticks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TickOptions<'a> {
    /// The least distance between two ticks, in px; pick it wider than the
    /// widest label plus a gap. Below 1 (or NaN) counts as 1. Default: 48.
    pub min_spacing_px: f64,
    /// The most ticks to show, so a wide axis stays glanceable rather than
    /// filling up with every month (the article at 1200 px gets its seven
    /// years, not fourteen half-years). Capped at [`MAX_TICKS`]. Default: 12.
    pub max_ticks: usize,
    /// Month labels, January first; pass localized names here. Default:
    /// [`MONTHS_SHORT_EN`].
    pub month_names: &'a [&'a str; 12],
}

impl Default for TickOptions<'static> {
    fn default() -> Self {
        TickOptions {
            min_spacing_px: 48.0,
            max_ticks: 12,
            month_names: &MONTHS_SHORT_EN,
        }
    }
}

impl TimeAxis {
    /// Ticks for an axis drawn `width_px` wide, no two closer than
    /// `min_spacing_px`, with the other [`TickOptions`] at their defaults
    /// (English month names, at most 12 ticks); see
    /// [`ticks_with`](Self::ticks_with).
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::story::PartialDate;
    /// use dateline_core::timeline::{TickLevel, TimeAxis};
    ///
    /// let dates = [PartialDate::parse("2018-05-07")?, PartialDate::parse("2024-02-20")?];
    /// let Some(axis) = TimeAxis::from_dates(&dates) else { unreachable!() };
    ///
    /// let wide = axis.ticks(1200.0, 48.0);
    /// let labels: Vec<&str> = wide.iter().map(|t| t.label.as_str()).collect();
    /// assert_eq!(labels, ["2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
    /// assert!(wide.iter().all(|t| t.level == TickLevel::Year));
    ///
    /// // On a phone every other year: the labels stay 48 px apart or more.
    /// let narrow = axis.ticks(320.0, 48.0);
    /// let labels: Vec<&str> = narrow.iter().map(|t| t.label.as_str()).collect();
    /// assert_eq!(labels, ["2018", "2020", "2022", "2024"]);
    /// assert!(narrow.windows(2).all(|w| (w[1].at - w[0].at) * 320.0 >= 48.0));
    /// # Ok::<(), dateline_core::story::DateError>(())
    /// ```
    pub fn ticks(&self, width_px: f64, min_spacing_px: f64) -> Vec<Tick> {
        self.ticks_with(
            width_px,
            &TickOptions {
                min_spacing_px,
                ..TickOptions::default()
            },
        )
    }

    /// Ticks for an axis drawn `width_px` wide, spaced and labelled as
    /// `options` say.
    ///
    /// The finest step that keeps `min_spacing_px` between neighbours and
    /// gives at most `max_ticks` ticks is chosen: days (1, 2, 7, 14), months
    /// (1, 3, 6), then years (1, 2, 5, 10, 20, 25, 50, … 5000), each aligned to its
    /// unit so ticks land on round dates. Ticks cover the whole padded axis,
    /// come in order, and have `at` within 0..=1. Month ticks are labelled
    /// from `month_names`; years and day numbers are plain digits.
    ///
    /// Never panics. A width that is not a positive finite number gives no
    /// ticks, and so does a spacing that not even the coarsest step keeps.
    pub fn ticks_with(&self, width_px: f64, options: &TickOptions<'_>) -> Vec<Tick> {
        if !(width_px.is_finite() && width_px > 0.0) {
            return Vec::new();
        }
        // `max` also turns NaN into 1.
        let spacing = options.min_spacing_px.max(1.0);
        let max_ticks = options.max_ticks.min(MAX_TICKS);
        // The float-to-int casts saturate; the axis keeps these in range anyway.
        // Stories' dates start at 0001-01-01 (day 0): no ticks in year 0 or BC.
        let first = (self.day_at_fraction(0.0).ceil() as i64).max(0);
        let last = self.day_at_fraction(1.0).floor() as i64;
        let px_per_day = width_px * (self.fraction_at_day(1.0) - self.fraction_at_day(0.0));
        let visible_days = (last - first) as f64;
        for step in STEPS {
            // Cheap rejections first: surely too dense, or surely too many.
            if step.max_gap_days() * px_per_day < spacing
                || visible_days / step.max_gap_days() > max_ticks as f64 + 1.0
            {
                continue;
            }
            let days = step.days_between(first, last, max_ticks);
            let at: Vec<f64> = days
                .iter()
                .map(|&d| crate::math::clamp(self.fraction_at_day(d as f64), 0.0, 1.0))
                .collect();
            // Month and year lengths vary: check the real gaps, not the nominal one.
            if days.len() <= max_ticks && at.windows(2).all(|w| (w[1] - w[0]) * width_px >= spacing)
            {
                return days
                    .into_iter()
                    .zip(at)
                    .map(|(day, at)| step.tick(day, at, options.month_names))
                    .collect();
            }
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{parse, PartialDate};

    fn axis_of(dates: &[&str]) -> TimeAxis {
        let dates: Vec<PartialDate> = dates
            .iter()
            .map(|d| PartialDate::parse(d).unwrap())
            .collect();
        TimeAxis::from_dates(&dates).unwrap()
    }

    fn article_axis() -> TimeAxis {
        TimeAxis::for_story(&parse(include_str!("../../../../assets/story.geojson")).unwrap())
            .unwrap()
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    fn assert_well_spaced(ticks: &[Tick], width: f64, spacing: f64, what: &str) {
        for t in ticks {
            assert!((0.0..=1.0).contains(&t.at), "{what}: {t:?}");
            assert!(!t.label.is_empty(), "{what}: {t:?}");
        }
        for w in ticks.windows(2) {
            assert!(w[0].at < w[1].at, "{what}: unsorted {w:?}");
            let gap = (w[1].at - w[0].at) * width;
            assert!(gap >= spacing, "{what}: {gap} px < {spacing} px: {w:?}");
        }
        assert!(ticks.len() <= MAX_TICKS);
    }

    #[test]
    fn never_closer_than_min_spacing() {
        let axes = [
            ("article", article_axis()),
            ("one day", axis_of(&["2022-06-10"])),
            ("one month", axis_of(&["2019-08"])),
            ("one year", axis_of(&["2019"])),
            ("february", axis_of(&["2024-02-01", "2024-02-29"])),
            ("months", axis_of(&["2019-03-15", "2019-11-02"])),
            ("eighteen months", axis_of(&["2019-01", "2020-06"])),
            ("decades", axis_of(&["1914-07-28", "1991-12-26"])),
            ("centuries", axis_of(&["0800-12-25", "2024"])),
            ("everything", axis_of(&["0001", "9999-12-31"])),
        ];
        for (name, axis) in axes {
            for width in (200..=2000).step_by(7) {
                for spacing in [0.0, 1.0, 24.0, 48.0, 60.0, 120.0] {
                    let width = f64::from(width);
                    let ticks = axis.ticks(width, spacing);
                    let what = format!("{name} at {width} px, {spacing} px apart");
                    assert_well_spaced(&ticks, width, spacing.max(1.0), &what);
                    // The step ladder grows by at most 3.5 times, so two
                    // ticks always fit when the axis is this wide.
                    if width >= 7.0 * spacing {
                        assert!(ticks.len() >= 2, "{what}: {ticks:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn article_has_readable_year_ticks() {
        let axis = article_axis();
        let wide = axis.ticks(1200.0, 48.0);
        assert!(wide
            .iter()
            .any(|t| t.label == "2020" && t.level == TickLevel::Year));
        assert_eq!(labels(&wide).len(), 8, "{wide:?}");
        for width in [320.0, 1200.0] {
            let ticks = axis.ticks(width, 48.0);
            assert!(ticks.len() >= 3, "{width}: {ticks:?}");
            let years: Vec<i32> = ticks.iter().map(|t| t.label.parse().unwrap()).collect();
            assert!(ticks.iter().all(|t| t.level == TickLevel::Year));
            let steps: Vec<i32> = years.windows(2).map(|w| w[1] - w[0]).collect();
            assert!(
                steps.iter().all(|&s| s == steps[0] && s <= 2),
                "{width}: {years:?}"
            );
            assert!(years.contains(&2020), "{width}: {years:?}");
        }
    }

    #[test]
    fn month_and_day_ticks_use_names_and_numbers() {
        let months = axis_of(&["2019-03-15", "2019-11-02"]);
        let ticks = months.ticks(1200.0, 48.0);
        assert_eq!(
            labels(&ticks),
            ["Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        );
        assert!(ticks.iter().all(|t| t.level == TickLevel::Month));

        const DE: [&str; 12] = [
            "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
        ];
        let options = TickOptions {
            month_names: &DE,
            ..TickOptions::default()
        };
        let german = months.ticks_with(1200.0, &options);
        assert_eq!(german[0].label, "Mär");
        assert_eq!(german[7].label, "Okt");

        let new_year = axis_of(&["2019-10", "2020-04"]);
        let ticks = new_year.ticks(1200.0, 48.0);
        let jan = ticks.iter().find(|t| t.label == "2020").unwrap();
        assert_eq!(jan.level, TickLevel::Year);

        let days = axis_of(&["2022-06-10"]);
        let daily = TickOptions {
            min_spacing_px: 40.0,
            max_ticks: 40,
            ..TickOptions::default()
        };
        let ticks = days.ticks_with(2000.0, &daily);
        assert_well_spaced(&ticks, 2000.0, 40.0, "daily");
        assert!(ticks.len() > 30, "{ticks:?}");
        assert!(ticks
            .iter()
            .any(|t| t.level == TickLevel::Day && t.label == "10"));
        let june = ticks.iter().find(|t| t.level == TickLevel::Month).unwrap();
        assert_eq!(june.label, "Jun");
        assert!(days.ticks(200.0, 60.0).len() >= 2);
        // By default a month gets its weeks, counted from the 1st (29 May is
        // too close to 1 June to get one).
        assert_eq!(labels(&days.ticks(2000.0, 40.0)), ["Jun", "8", "15", "22"]);
    }

    #[test]
    fn max_ticks_limits_density() {
        let axis = article_axis();
        let options = TickOptions {
            max_ticks: 100,
            ..TickOptions::default()
        };
        let quarters = axis.ticks_with(2000.0, &options);
        assert_well_spaced(&quarters, 2000.0, 48.0, "quarters");
        assert_eq!(
            &labels(&quarters)[..5],
            ["Oct", "2018", "Apr", "Jul", "Oct"]
        );
        assert!(axis.ticks(2000.0, 48.0).len() <= 12);
        for max_ticks in [0, 1, 2, 5] {
            let options = TickOptions {
                max_ticks,
                ..TickOptions::default()
            };
            assert!(axis.ticks_with(1200.0, &options).len() <= max_ticks);
        }
    }

    #[test]
    fn long_spans_tick_by_decades() {
        let ticks = axis_of(&["1914", "1991"]).ticks(400.0, 48.0);
        assert!(ticks.iter().all(|t| t.level == TickLevel::Decade));
        let years: Vec<i32> = ticks.iter().map(|t| t.label.parse().unwrap()).collect();
        assert!(years.iter().all(|y| y % 10 == 0), "{years:?}");
        assert!(years.len() >= 3, "{years:?}");
        let ticks = axis_of(&["0001", "9999"]).ticks(300.0, 60.0);
        assert_eq!(labels(&ticks), ["2500", "5000", "7500", "10000"]);
        assert!(ticks.iter().all(|t| t.level == TickLevel::Decade));
    }

    #[test]
    fn odd_inputs_give_safe_results() {
        let axis = article_axis();
        for width in [f64::NAN, 0.0, -5.0, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(axis.ticks(width, 48.0).is_empty(), "{width}");
        }
        assert!(axis.ticks(1200.0, f64::INFINITY).is_empty());
        assert!(axis.ticks(10.0, 48.0).len() <= 1);
        for spacing in [f64::NAN, -3.0, f64::NEG_INFINITY, 0.0] {
            let ticks = axis.ticks(1200.0, spacing);
            assert_well_spaced(&ticks, 1200.0, 1.0, "odd spacing");
            assert!(!ticks.is_empty());
        }
        // A huge width is bounded by MAX_TICKS, not by memory.
        let ticks = axis_of(&["0001", "9999"]).ticks(1e15, 1.0);
        assert_well_spaced(&ticks, 1e15, 1.0, "huge width");
        assert!(!ticks.is_empty());
    }
}
