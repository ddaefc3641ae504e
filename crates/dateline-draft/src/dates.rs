//! Dates in English news sentences ("May 7, 2018", "in August 2019", "last
//! September", "on Tuesday"), each kept at the precision its words give and,
//! when the words are relative, worked out from the publication date. Pure
//! and panic-free on any text.

use super::day::days_from_civil;
pub use super::day::Day;
use crate::story::{month_by_name, month_by_prefix, PartialDate, MONTH_NAMES};

const WEEKDAYS: &str = "monday tuesday wednesday thursday friday saturday sunday";
const COUNTS: &str = "one two three four five six seven eight nine ten";
/// After these a bare four-digit number is a year rather than a quantity, and
/// (but for "of" and "between": "the Ides of March") a month name alone is a month.
const CONTEXT: &str =
    "in since by of from until till during early late mid before after between around throughout";
/// "2018 and 2019": a year right after a date inherits its context.
const LINKS: &str = "and or to through - –";
const SENTENCE_END: &str = ". ! ? ; : \" “ ( —";
/// Glued between digits these make one quantity (`10:30`, `1,000`, `2018-19`).
const NUM_SEPARATORS: &str = ": , . / - –";

fn index_in(list: &str, w: &str) -> Option<usize> {
    list.split(' ').position(|x| x == w)
}

fn in_list(list: &str, w: &str) -> bool {
    index_in(list, w).is_some()
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    /// Byte range of the words that say it, in the searched text: its start.
    pub start: usize,
    /// The end (exclusive) of that byte range.
    pub end: usize,
    /// The date at its precision.
    pub date: PartialDate,
    /// Whether it was worked out from the publication date (relative words) rather than written out.
    pub relative: bool,
    /// Whether the words say a span starting then ("since 2018") rather than a moment.
    pub since: bool,
    /// The date the words would mean read the other way, when which way
    /// they point was a guess (a weekday in the present tense of a preview).
    pub other_reading: Option<PartialDate>,
}

/// Every date `text` mentions, in text order, not overlapping, reading it as
/// a report of the past: a bare weekday ("on Tuesday") is the latest one on or
/// before `published`, a month without a year ("in September") the latest on
/// or before its month, and a day without a year ("May 7") follows
/// [`dateline_date`]; those count as `relative`. "last" and "next" always
/// skip the publication's own weekday or month.
///
/// A range includes the words that change which date is meant ("since",
/// "last", "next", "ago") but not a plain preposition ("in", "on").
/// Decades, weeks and clock times are not dates; a bare four-digit year counts
/// only after a preposition such as "in", "since" or "by", or opening a
/// sentence before a comma. Lowercase "may" and "march" are months only
/// before a year.
pub fn find_dates(text: &str, published: Day) -> Vec<FoundDate> {
    scan(text, published, false)
}

/// As [`find_dates`], for an itinerary of coming days: a bare weekday, a month
/// without a year and a day without a year are the next ones on or after
/// `published` (its own day and month count).
pub fn find_dates_ahead(text: &str, published: Day) -> Vec<FoundDate> {
    scan(text, published, true)
}

/// The date of a news dateline's "February 20" (no year): the publication year, or the year before when that day would be after publication by more than a few days (a dateline of December 31 on a January 2 publication).
///
/// "A few" is 7. None when the day does not exist in the year chosen.
pub fn dateline_date(month: u8, day: u8, published: Day) -> Option<PartialDate> {
    let year = i64::from(published.year);
    let later = days_from_civil(year, month.into(), day.into()) > published.days() + 7;
    partial(year - i64::from(later), Some(month), Some(day))
}

/// A real date at the precision given, for years 1 to 9999.
fn partial(y: i64, m: Option<u8>, d: Option<u8>) -> Option<PartialDate> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    let text = match (m, d) {
        (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}"),
    };
    PartialDate::parse(&text).ok()
}

/// The calendar day `d` as a date.
pub fn on_day(d: Day) -> Option<PartialDate> {
    partial(d.year.into(), Some(d.month), Some(d.day))
}

fn month_shift(p: Day, n: i64) -> Option<PartialDate> {
    let index = i64::from(p.year) * 12 + i64::from(p.month) - 1 + n;
    let month = index.rem_euclid(12) as u8 + 1;
    partial(index.div_euclid(12), Some(month), None)
}

/// Signed steps from `from` to the nearest `to` in a cycle of `period`
/// (weekdays, months), forward or back; staying put only when `inclusive`.
fn steps(from: i64, to: i64, period: i64, forward: bool, inclusive: bool) -> i64 {
    let gap = if forward { to - from } else { from - to }.rem_euclid(period);
    let gap = if gap == 0 && !inclusive { period } else { gap };
    gap * if forward { 1 } else { -1 }
}

struct Tok {
    /// Lowercase; for a number, its digits without an ordinal suffix.
    low: String,
    start: usize,
    end: usize,
    num: bool,
    ordinal: bool,
    capital: bool,
}

/// Words and numbers are runs of letters and digits, so "1990s" and "G20" are
/// words that match nothing; "7th" is the number 7.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let joins = |&(_, d): &(usize, char)| c.is_alphanumeric() && d.is_alphanumeric();
        while let Some((i, d)) = chars.next_if(joins) {
            end = i + d.len_utf8();
        }
        let run = text.get(start..end).unwrap_or("");
        let digits = run.bytes().take_while(u8::is_ascii_digit).count();
        let suffix = run.get(digits..).unwrap_or("").to_lowercase();
        let ordinal = digits > 0 && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th");
        let num = digits > 0 && (ordinal || suffix.is_empty());
        let low = match run.get(..digits) {
            Some(d) if num => d.to_string(),
            _ => run.to_lowercase(),
        };
        let capital = c.is_uppercase();
        toks.push(Tok {
            low,
            start,
            end,
            num,
            ordinal,
            capital,
        });
    }
    toks
}

struct Hit {
    next: usize,
    end: usize,
    /// None for a date-shaped phrase that names no real day ("31 February
    /// 2023"): consumed so its parts are not read as other dates.
    date: Option<PartialDate>,
    relative: bool,
}

struct Scan<'a> {
    t: Vec<Tok>,
    text: &'a str,
    published: Day,
    ahead: bool,
}

fn scan(text: &str, published: Day, ahead: bool) -> Vec<FoundDate> {
    let s = Scan {
        t: tokenize(text),
        text,
        published,
        ahead,
    };
    let mut found = Vec::new();
    let (mut i, mut last_next) = (0, None);
    while let Some(tok) = s.t.get(i) {
        let since = s.at(i) == "since";
        let at = i + usize::from(since);
        let hit = s
            .iso(at)
            .or_else(|| s.month_first(at))
            .or_else(|| s.day_first(at))
            .or_else(|| s.weekday(at))
            .or_else(|| s.relative(at))
            .or_else(|| s.ago(at))
            .or_else(|| s.context_year(at, last_next));
        let Some(h) = hit else {
            i += 1;
            continue;
        };
        if let Some(date) = h.date {
            let (start, end, relative) = (tok.start, h.end, h.relative);
            found.push(FoundDate {
                start,
                end,
                date,
                relative,
                since,
                other_reading: None,
            });
        }
        last_next = Some(h.next);
        i = h.next.max(i + 1);
    }
    found
}

impl Scan<'_> {
    /// The lowercase text of token `i`, or "" past the end.
    fn at(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |k| k.low.as_str())
    }

    fn glued(&self, a: usize, b: usize) -> bool {
        matches!((self.t.get(a), self.t.get(b)), (Some(x), Some(y)) if x.end == y.start)
    }

    /// A number standing alone: not part of `10:30`, `1,000`, `$2019` or `50%`.
    fn plain_num(&self, i: usize, max: usize) -> Option<u32> {
        let tok = self.t.get(i).filter(|k| k.num && k.low.len() <= max)?;
        let sep = |s: usize| in_list(NUM_SEPARATORS, self.at(s));
        let num = |n: usize| self.t.get(n).is_some_and(|k| k.num);
        let after = self.glued(i, i + 1)
            && (self.at(i + 1) == "%" || (sep(i + 1) && self.glued(i + 1, i + 2) && num(i + 2)));
        let before = i >= 1
            && self.glued(i - 1, i)
            && (in_list("$ € £ ¥", self.at(i - 1))
                || (i >= 2 && sep(i - 1) && self.glued(i - 2, i - 1) && num(i - 2)));
        if after || before {
            return None;
        }
        tok.low.parse().ok()
    }

    fn year(&self, i: usize) -> Option<i64> {
        let y = i64::from(self.plain_num(i, 4)?);
        let four = matches!(self.t.get(i), Some(k) if k.low.len() == 4 && !k.ordinal);
        (four && (1000..=2100).contains(&y)).then_some(y)
    }

    fn day_num(&self, i: usize) -> Option<u8> {
        let d = self.plain_num(i, 2).filter(|d| (1..=31).contains(d))?;
        Some(d as u8)
    }

    /// The month named at `i`, the index after it (and after an abbreviation's
    /// dot), and whether it is surely a month: "may", "march" and "mar" are
    /// verbs too, so lowercase they are months only before a year.
    fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let (tok, w) = (self.t.get(i)?, self.at(i));
        let short = w.len() == 3 || w == "sept";
        let month = month_by_name(w).or_else(|| month_by_prefix(w).filter(|_| short))?;
        let name = MONTH_NAMES.get(usize::from(month) - 1)?;
        let sure = tok.capital || !matches!(w, "may" | "mar" | "march");
        let dot = w.len() < name.len() && self.at(i + 1) == "." && self.glued(i, i + 1);
        Some((month, i + 1 + usize::from(dot), sure))
    }

    /// The word before `i`, reading "mid-" of "mid-2019" as "mid".
    fn prev_word(&self, i: usize) -> &str {
        // Wrapping: index usize::MAX is simply past the end.
        let p = i.wrapping_sub(1);
        if self.at(p) == "-" && self.glued(p, i) {
            let mid = self.at(p.wrapping_sub(1)) == "mid";
            return if mid { "mid" } else { "" };
        }
        self.at(p)
    }

    fn hit(&self, next: usize, date: Option<PartialDate>, relative: bool) -> Option<Hit> {
        let end = self.t.get(next.checked_sub(1)?)?.end;
        Some(Hit {
            next,
            end,
            date,
            relative,
        })
    }

    fn no_year(&self, m: u8, d: u8) -> Option<PartialDate> {
        let (p, year) = (self.published, i64::from(self.published.year));
        let passed = days_from_civil(year, m.into(), d.into()) < p.days();
        match self.ahead {
            true => partial(year + i64::from(passed), Some(m), Some(d)),
            false => dateline_date(m, d, p),
        }
    }

    fn weekday_date(&self, x: usize, forward: bool, inclusive: bool) -> Option<PartialDate> {
        let p = self.published;
        on_day(p.plus_days(steps(p.weekday().into(), x as i64, 7, forward, inclusive)))
    }

    fn month_date(&self, m: u8, forward: bool, inclusive: bool) -> Option<PartialDate> {
        let p = self.published;
        month_shift(p, steps(p.month.into(), m.into(), 12, forward, inclusive))
    }

    /// `2018-05-07`, read from the text since "07T10" is one token.
    fn iso(&self, i: usize) -> Option<Hit> {
        let start = self.t.get(i).filter(|k| k.num)?.start;
        let s = self.text.get(start..start + 10)?;
        let shaped = s.bytes().enumerate().all(|(k, b)| match k {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        let more = self.text.as_bytes().get(start + 10);
        if !shaped || more.is_some_and(|b| b.is_ascii_digit() || *b == b'-') {
            return None;
        }
        let mut next = i;
        while self.t.get(next).is_some_and(|t| t.start < start + 10) {
            next += 1;
        }
        self.hit(next, PartialDate::parse(s).ok(), false)
    }

    fn month_first(&self, i: usize) -> Option<Hit> {
        let (m, j, sure) = self.month(i)?;
        if let Some(d) = self.day_num(j) {
            let k = j + 1 + usize::from(self.at(j + 1) == ",");
            return match self.year(k) {
                Some(y) => self.hit(k + 1, partial(y, Some(m), Some(d)), false),
                None if sure => self.hit(j + 1, self.no_year(m, d), true),
                None => None,
            };
        }
        let k = j + usize::from(matches!(self.at(j), "," | "of"));
        if let Some(y) = self.year(k) {
            return self.hit(k + 1, partial(y, Some(m), None), false);
        }
        let before = self.prev_word(i);
        if sure && in_list(CONTEXT, before) && !matches!(before, "of" | "between") {
            return self.hit(j, self.month_date(m, self.ahead, true), true);
        }
        None
    }

    fn day_first(&self, i: usize) -> Option<Hit> {
        let d = self.day_num(i)?;
        let (m, k, sure) = self.month(i + 1 + usize::from(self.at(i + 1) == "of"))?;
        let l = k + usize::from(self.at(k) == ",");
        match self.year(l) {
            Some(y) => self.hit(l + 1, partial(y, Some(m), Some(d)), false),
            None if sure => self.hit(k, self.no_year(m, d), true),
            None => None,
        }
    }

    fn weekday(&self, i: usize) -> Option<Hit> {
        let x = index_in(WEEKDAYS, self.at(i))?;
        // "a Tuesday", "every Friday" name no one day.
        if matches!(self.prev_word(i), "a" | "every" | "each") {
            return None;
        }
        // "Tuesday, February 20, 2024" is one date, not two.
        let j = i + 1 + usize::from(self.at(i + 1) == ",");
        if let Some(h) = self.month_first(j).or_else(|| self.day_first(j)) {
            return Some(h);
        }
        self.hit(i + 1, self.weekday_date(x, self.ahead, true), true)
    }

    fn relative(&self, i: usize) -> Option<Hit> {
        let p = self.published;
        let day = |n: i64, next: usize| self.hit(next, on_day(p.plus_days(n)), true);
        let w = self.at(i);
        let j = i + usize::from(w == "the");
        match (w, self.at(j), self.at(j + 1), self.at(j + 2)) {
            ("today" | "tonight", ..) => return day(0, i + 1),
            ("yesterday", ..) => return day(-1, i + 1),
            ("tomorrow", ..) => return day(1, i + 1),
            (_, "day", "before", "yesterday") => return day(-2, j + 3),
            (_, "day", "after", "tomorrow") => return day(2, j + 3),
            _ => {}
        }
        let shift: i64 = match w {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        // "last" and "next" skip the publication's own day or month; "this" reads as the tense does.
        let (forward, inclusive) = match shift {
            0 => (self.ahead, true),
            _ => (shift > 0, false),
        };
        let x = self.at(i + 1);
        let date = match (x, index_in(WEEKDAYS, x), self.month(i + 1)) {
            ("year", ..) => partial(i64::from(p.year) + shift, None, None),
            ("month", ..) => month_shift(p, shift),
            (_, Some(d), _) => self.weekday_date(d, forward, inclusive),
            (_, None, Some((m, _, true))) => self.month_date(m, forward, inclusive),
            _ => return None,
        };
        self.hit(i + 2, date, true)
    }

    /// "two days ago", "3 years ago"; weeks are skipped, having no precision here.
    fn ago(&self, i: usize) -> Option<Hit> {
        let n = match (self.plain_num(i, 3), self.at(i)) {
            (Some(n), _) => i64::from(n),
            (None, "a" | "an") => 1,
            (None, w) => index_in(COUNTS, w)? as i64 + 1,
        };
        if self.at(i + 2) != "ago" {
            return None;
        }
        let p = self.published;
        let date = match self.at(i + 1) {
            "day" | "days" => on_day(p.plus_days(-n)),
            "month" | "months" => month_shift(p, -n),
            "year" | "years" => partial(i64::from(p.year) - n, None, None),
            _ => return None,
        };
        self.hit(i + 3, date, true)
    }

    fn context_year(&self, i: usize, last_next: Option<usize>) -> Option<Hit> {
        let y = self.year(i)?;
        let prev = i.checked_sub(1);
        let after_word = in_list(CONTEXT, self.prev_word(i));
        let chained = prev.is_some_and(|p| last_next == Some(p) && in_list(LINKS, self.at(p)));
        let opens = prev.is_none_or(|p| in_list(SENTENCE_END, self.at(p))) && self.at(i + 1) == ",";
        if after_word || chained || opens {
            return self.hit(i + 1, partial(y, None, None), false);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::days_in_month;
    use crate::story::Precision;

    /// Tuesday 20 February 2024.
    fn published() -> Day {
        Day::parse("2024-02-20").unwrap()
    }

    fn isos(found: &[FoundDate]) -> Vec<String> {
        found.iter().map(|f| f.date.iso()).collect()
    }

    fn past(text: &str) -> Vec<String> {
        isos(&find_dates(text, published()))
    }

    fn ahead(text: &str) -> Vec<String> {
        isos(&find_dates_ahead(text, published()))
    }

    fn one(text: &str) -> FoundDate {
        let found = find_dates(text, published());
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found[0].clone()
    }

    /// The single date in `text`, with the words that say it.
    fn said(text: &str) -> (String, &str, bool, bool) {
        let f = one(text);
        (f.date.iso(), &text[f.start..f.end], f.relative, f.since)
    }

    #[test]
    fn days() {
        let p = published();
        assert_eq!(
            p,
            Day {
                year: 2024,
                month: 2,
                day: 20
            }
        );
        assert_eq!(p.weekday(), 1);
        assert_eq!(Day::parse("1970-01-01").unwrap().weekday(), 3);
        assert_eq!(Day::parse("2024-02-25").unwrap().weekday(), 6);
        assert_eq!(Day::parse("2023-02-29"), None);
        assert_eq!(Day::parse("2024-02"), None);
        assert_eq!(Day::parse("2024-2-20"), None);
        assert_eq!(Day::parse(""), None);
        assert_eq!(p.plus_days(9).iso(), "2024-02-29");
        assert_eq!(p.plus_days(10).iso(), "2024-03-01");
        assert_eq!(p.plus_days(-51).iso(), "2023-12-31");
        assert_eq!(p.plus_days(366).iso(), "2025-02-20");
        assert_eq!(p.plus_days(0), p);
        assert_eq!(
            PartialDate::parse(&p.iso()).map(|d| d.precision()),
            Ok(Precision::Day)
        );
        for n in [i64::MAX, i64::MIN, 1 << 40, -(1 << 40)] {
            let far = p.plus_days(n);
            let _ = (far.weekday(), far.iso());
        }
        let odd = Day {
            year: i32::MIN,
            month: 200,
            day: 0,
        };
        let _ = (odd.weekday(), odd.plus_days(-5), odd.iso());
        let clamped = Day {
            year: 2023,
            month: 2,
            day: 31,
        };
        assert_eq!(clamped.iso(), "2023-02-28");
        assert_eq!(
            Day {
                year: 12_000,
                month: 0,
                day: 9
            }
            .iso(),
            "9999-01-09"
        );
    }

    #[test]
    fn weekdays_agree_with_day_counts() {
        let mut d = Day::parse("1899-12-25").unwrap(); // a Monday
        for k in 0..100_000 {
            assert_eq!(d.weekday(), (k % 7) as u8, "{d:?}");
            let next = d.plus_days(1);
            assert_eq!(next.plus_days(-1), d);
            let real = next.day <= days_in_month(next.year, next.month);
            assert!(real && next.day >= 1, "{next:?}");
            d = next;
        }
    }

    #[test]
    fn datelines() {
        let dl = |m, d, p: &str| dateline_date(m, d, Day::parse(p).unwrap()).map(|x| x.iso());
        assert_eq!(dl(2, 20, "2024-02-20").as_deref(), Some("2024-02-20"));
        assert_eq!(dl(12, 31, "2024-01-02").as_deref(), Some("2023-12-31"));
        assert_eq!(dl(1, 9, "2024-01-02").as_deref(), Some("2024-01-09"));
        assert_eq!(dl(1, 10, "2024-01-02").as_deref(), Some("2023-01-10"));
        assert_eq!(dl(2, 29, "2024-03-01").as_deref(), Some("2024-02-29"));
        assert_eq!(dl(2, 29, "2025-03-01"), None);
        assert_eq!(dl(2, 30, "2024-03-01"), None);
        assert_eq!(dl(13, 1, "2024-03-01"), None);
        assert_eq!(dl(0, 1, "2024-03-01"), None);
        assert_eq!(dl(3, 0, "2024-03-01"), None);
        assert_eq!(dl(12, 31, "0001-01-01"), None);
    }

    #[test]
    fn absolute_days() {
        for text in [
            "May 7, 2018",
            "May 7 2018",
            "7 May 2018",
            "on 7 May, 2018",
            "May 7th, 2018",
            "on the 7th of May 2018",
            "MAY 7, 2018",
            "may 7, 2018 — lowercase but the year makes it clear",
            "7 may 2018",
            "2018-05-07",
        ] {
            let f = one(text);
            assert_eq!(
                (f.date.iso(), f.relative, f.since),
                ("2018-05-07".into(), false, false),
                "{text:?}"
            );
        }
        assert_eq!(
            said("On June 10, 2022, a source"),
            ("2022-06-10".into(), "June 10, 2022", false, false)
        );
        assert_eq!(said("Feb. 20, 2024 was a Tuesday").1, "Feb. 20, 2024");
        assert_eq!(said("on Sept 3, 2021.").0, "2021-09-03");
        assert_eq!(said("on Sept. 3, 2021.").1, "Sept. 3, 2021");
        assert_eq!(said("Dec 31, 1999").0, "1999-12-31");
        assert_eq!(said("from 2018-05-07T10:00Z on").0, "2018-05-07");
        assert_eq!(
            said("Tuesday, February 20, 2024").1,
            "Tuesday, February 20, 2024"
        );
        assert_eq!(past("February 29, 2024"), ["2024-02-29"]);
    }

    #[test]
    fn impossible_days_are_skipped_whole() {
        for text in [
            "31 February 2023",
            "February 29, 2023",
            "2023-02-29",
            "April 31, 2020",
            "2019-13-01",
        ] {
            assert_eq!(past(text), Vec::<String>::new(), "{text:?}");
        }
        assert_eq!(past("February 31, 2023 and in 2024"), ["2024"]);
    }

    #[test]
    fn months_and_years() {
        assert_eq!(
            said("In August 2019, Russian and Turkish Presidents"),
            ("2019-08".into(), "August 2019", false, false)
        );
        assert_eq!(one("August 2019").date.precision(), Precision::Month);
        assert_eq!(past("by March 2025"), ["2025-03"]);
        assert_eq!(past("in March of 2020"), ["2020-03"]);
        assert_eq!(past("Sept. 2021"), ["2021-09"]);
        assert_eq!(past("in December, 2019"), ["2019-12"]);
        let y = one("In 2019, then Russian Prime Minister Dmitry Medvedev showed off a white Aurus Senat limousine");
        assert_eq!(
            (y.date.iso(), y.date.precision(), y.relative),
            ("2019".into(), Precision::Year, false)
        );
        assert_eq!(
            said("riding since 2018, as"),
            ("2018".into(), "since 2018", false, true)
        );
        for text in [
            "in 2019",
            "by 2030",
            "of 2019",
            "from 2019",
            "until 2019",
            "during 2019",
            "early 2019",
            "late 2019",
            "mid-2019",
            "mid 2019",
            "in early 2019",
            "2019, the year",
            "It ended. 2019, then",
        ] {
            let f = one(text);
            assert_eq!(f.date.precision(), Precision::Year, "{text:?}");
            assert!(!f.relative && !f.since, "{text:?}");
        }
        assert_eq!(said("mid-2019").1, "2019");
        assert_eq!(past("by 2030"), ["2030"]);
        assert_eq!(past("between 2018 and 2020"), ["2018", "2020"]);
        assert_eq!(past("in 2018, 2019 and 2020"), ["2018"]);
        assert_eq!(past("from 2015 to 2017"), ["2015", "2017"]);
        assert_eq!(past("since May 2018"), ["2018-05"]);
        assert!(one("since May 7, 2018").since);
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for text in [
            "the Russian side named the sum of $8 million",
            "1,000 people marched",
            "2019 people marched",
            "the year 2019 was",
            "a sum of $2019",
            "in 2,019 towns",
            "in 1,500 towns",
            "in 2019.5 seconds",
            "in 2019% of cases",
            "at 10:30 in 2019:45",
            "in the 1990s",
            "in the 1990's",
            "in 2200",
            "in 999",
            "in 12019",
            "in 2018-19",
            "in 2018–2020",
            "the G20 in",
            "a 4G network",
            "on the 7th",
            "it rains every Friday, on a Tuesday",
            "Many high-ranking guests have seen the car",
            "You may go",
            "you may 7 times",
            "The March of the Volunteers",
            "They march in 3 march",
            "in may, or in march",
            "those 12 may leave",
            "at last may we",
            "the Ides of March",
            "last week",
            "three weeks ago",
            "in 5 days",
            "in 2019th place",
        ] {
            assert_eq!(past(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn days_without_a_year() {
        // More than 7 days after publication would be the future: the year before.
        assert_eq!(
            said("on May 7"),
            ("2023-05-07".into(), "May 7", true, false)
        );
        assert_eq!(past("on 7 May"), ["2023-05-07"]);
        assert_eq!(past("on February 25"), ["2024-02-25"]);
        assert_eq!(past("on February 28"), ["2023-02-28"]);
        assert_eq!(past("on February 10"), ["2024-02-10"]);
        assert_eq!(past("on May 7, 2,000 people"), ["2023-05-07"]);
        assert_eq!(ahead("on May 7"), ["2024-05-07"]);
        assert_eq!(ahead("on February 10"), ["2025-02-10"]);
        assert_eq!(ahead("on February 20"), ["2024-02-20"]);
        assert_eq!(ahead("on February 29"), ["2024-02-29"]);
    }

    #[test]
    fn relative_days() {
        assert_eq!(
            said("Earlier today, he"),
            ("2024-02-20".into(), "today", true, false)
        );
        assert_eq!(past("yesterday"), ["2024-02-19"]);
        assert_eq!(past("Tomorrow"), ["2024-02-21"]);
        assert_eq!(
            said("on the day before yesterday").1,
            "the day before yesterday"
        );
        assert_eq!(past("the day before yesterday"), ["2024-02-18"]);
        assert_eq!(past("the day after tomorrow"), ["2024-02-22"]);
        assert_eq!(past("the day before, he"), Vec::<String>::new());
        assert_eq!(past("on Tuesday"), ["2024-02-20"]);
        assert_eq!(past("Monday"), ["2024-02-19"]);
        assert_eq!(past("on Wednesday"), ["2024-02-14"]);
        assert_eq!(past("on Sunday"), ["2024-02-18"]);
        assert_eq!(past("last Tuesday"), ["2024-02-13"]);
        assert_eq!(past("last Monday"), ["2024-02-19"]);
        assert_eq!(past("next Tuesday"), ["2024-02-27"]);
        assert_eq!(past("this Wednesday"), ["2024-02-14"]);
        assert_eq!(
            said("two days ago"),
            ("2024-02-18".into(), "two days ago", true, false)
        );
        assert_eq!(past("3 days ago"), ["2024-02-17"]);
        assert_eq!(past("a day ago"), ["2024-02-19"]);
        assert_eq!(past("30 days ago"), ["2024-01-21"]);
        let r = one("Earlier on Tuesday, the Korean Central News Agency (KCNA) reported that Russian President Vladimir Putin presented leader Kim Jong Un with a Russian-made car.");
        assert_eq!(
            (r.date.iso(), r.relative, r.since),
            ("2024-02-20".into(), true, false)
        );
    }

    #[test]
    fn relative_months_and_years() {
        assert_eq!(
            said("saw the limousine last September at"),
            ("2023-09".into(), "last September", true, false)
        );
        let nov = Day::parse("2023-11-05").unwrap();
        assert_eq!(isos(&find_dates("last September", nov)), ["2023-09"]);
        assert_eq!(isos(&find_dates("last November", nov)), ["2022-11"]);
        assert_eq!(past("last February"), ["2023-02"]);
        assert_eq!(past("last January"), ["2024-01"]);
        assert_eq!(past("next September"), ["2024-09"]);
        assert_eq!(past("next February"), ["2025-02"]);
        assert_eq!(past("this September"), ["2023-09"]);
        assert_eq!(past("in September"), ["2023-09"]);
        assert_eq!(past("In February"), ["2024-02"]);
        assert_eq!(past("in January"), ["2024-01"]);
        assert_eq!(past("in March"), ["2023-03"]);
        assert_eq!(past("in May"), ["2023-05"]);
        assert_eq!(past("in early Jan."), ["2024-01"]);
        assert_eq!(past("mid-September"), ["2023-09"]);
        assert_eq!(said("in September").1, "September");
        assert_eq!(past("last month"), ["2024-01"]);
        assert_eq!(past("this month"), ["2024-02"]);
        assert_eq!(past("next month"), ["2024-03"]);
        assert_eq!(past("two months ago"), ["2023-12"]);
        assert_eq!(said("last year"), ("2023".into(), "last year", true, false));
        assert_eq!(one("last year").date.precision(), Precision::Year);
        assert_eq!(past("earlier this year"), ["2024"]);
        assert_eq!(past("next year"), ["2025"]);
        assert_eq!(past("ten years ago"), ["2014"]);
        assert_eq!(past("a year ago"), ["2023"]);
        assert!(said("since last year").3);
        assert_eq!(
            said("ever since last year"),
            ("2023".into(), "since last year", true, true)
        );
    }

    #[test]
    fn itineraries() {
        assert_eq!(ahead("On Thursday he will fly to Hanoi"), ["2024-02-22"]);
        assert_eq!(ahead("on Tuesday"), ["2024-02-20"]);
        assert_eq!(ahead("on Monday"), ["2024-02-26"]);
        assert_eq!(ahead("next Monday"), ["2024-02-26"]);
        assert_eq!(ahead("last Monday"), ["2024-02-19"]);
        assert_eq!(ahead("in September"), ["2024-09"]);
        assert_eq!(ahead("in February"), ["2024-02"]);
        assert_eq!(ahead("in January"), ["2025-01"]);
        assert_eq!(ahead("this January"), ["2025-01"]);
        assert_eq!(ahead("tomorrow"), ["2024-02-21"]);
        assert_eq!(ahead("by 2030"), ["2030"]);
    }

    #[test]
    fn an_article() {
        let text = "Putin himself has been riding in a domestic Aurus Senat limousine since 2018, as the limo brought him to his presidential inauguration ceremony on May 7, 2018.";
        let found = find_dates(text, published());
        assert_eq!(isos(&found), ["2018", "2018-05-07"]);
        assert!(found[0].since && !found[1].since);
        assert_eq!(&text[found[0].start..found[0].end], "since 2018");
        assert_eq!(&text[found[1].start..found[1].end], "May 7, 2018");
        let text = "Earlier on Tuesday, KCNA said Kim saw it last September; in 2019 Medvedev, \
                    and on June 10, 2022, TASS. In August 2019 the sum of $8 million.";
        assert_eq!(
            past(text),
            ["2024-02-20", "2023-09", "2019", "2022-06-10", "2019-08"]
        );
    }

    #[test]
    fn never_panics() {
        for text in [
            "",
            "\u{0}",
            "May",
            "since",
            "the day",
            "last",
            "2018-05-0",
            "2018-05-07",
            "7",
            "$",
            "mid-",
            "-2019",
            "2018-05-0é",
            "2018-😀",
            "in ２０１９",
            "May 99999999999999999999",
        ] {
            let _ = find_dates(text, published());
            let _ = find_dates_ahead(text, published());
        }
        let _ = find_dates(&"1".repeat(5000), published());
        assert_eq!(past("Tuesday, May 7: in 2019"), ["2023-05-07", "2019"]);
        assert_eq!(
            past("Ελλάδα in 2019 — 東京 May 7, 2018 ١٢ Ⅻ 2019"),
            ["2019", "2018-05-07"]
        );
        let pool = [
            "May",
            "7",
            ",",
            " ",
            "2018",
            "-",
            "05",
            "in",
            "since",
            "last",
            "é",
            "東",
            "\u{0}",
            ".",
            "days",
            "ago",
            "Tuesday",
            "the",
            "day",
            "before",
            "yesterday",
            "Sept",
            "$",
            ":",
            "1",
            "th",
            "\n",
            "🙂",
        ];
        let mut text = String::new();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        while text.len() < 100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pool[(seed % pool.len() as u64) as usize]);
            if seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        for p in [
            published(),
            Day {
                year: 1,
                month: 1,
                day: 1,
            },
            Day {
                year: 9999,
                month: 12,
                day: 31,
            },
        ] {
            for found in [find_dates(&text, p), find_dates_ahead(&text, p)] {
                assert!(!found.is_empty());
                let mut last = 0;
                for f in &found {
                    assert!(last <= f.start && f.start < f.end, "{f:?}");
                    assert!(text.get(f.start..f.end).is_some(), "{f:?}");
                    last = f.end;
                }
            }
        }
        assert_eq!(
            isos(&find_dates(
                "yesterday",
                Day {
                    year: 1,
                    month: 1,
                    day: 1
                }
            )),
            Vec::<String>::new()
        );
        assert_eq!(
            isos(&find_dates(
                "next year",
                Day {
                    year: 9999,
                    month: 6,
                    day: 1
                }
            )),
            Vec::<String>::new()
        );
    }
}
