//! Events from sentences: one per thing that happened at a place on a
//! date. A sentence with a date and places makes events there; later
//! sentences of its paragraph without a date of their own add to it (and
//! name its place, if only the dateline did); a place without a date makes
//! an undated event; and events at one place on one date are one.

use std::collections::{HashMap, HashSet};

use crate::story::PartialDate;

use super::dates::{find_dates, find_dates_ahead, on_day, Day, FoundDate};
use super::tense::{clock_stamp, looks_ahead, reads_ahead};

/// A sentence as the walk sees it: its text, the places (by index) where
/// things happen in it with their byte offsets, and whether it speaks of
/// things to come.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// Places where something happens, with where they are named.
    pub places: Vec<(usize, usize)>,
    /// Places someone came from: undated events of their own.
    pub origins: Vec<usize>,
}

/// A drafted event.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftEvent {
    /// The place's index.
    pub place: usize,
    /// When, if the text says.
    pub date: Option<PartialDate>,
    /// Whether the date was worked out from the publication date.
    pub relative: bool,
    /// The date read the other way, when which way its words point was a guess.
    pub other_reading: Option<PartialDate>,
    /// The sentences it rests on, in order.
    pub sentences: Vec<String>,
    /// Whether the place is only the dateline's (no sentence of it names one).
    pub weak_place: bool,
}

/// The events of `paragraphs`; `dateline` is the dateline's place, for
/// sentences that name none, and `lede_date` its date, for the first
/// paragraph's sentences that say no other.
pub fn assemble(
    paragraphs: &[Vec<Sentence>],
    published: Day,
    dateline: Option<usize>,
    lede_date: Option<PartialDate>,
) -> Vec<DraftEvent> {
    let mut events: Vec<DraftEvent> = Vec::new();
    let ahead = looks_ahead(paragraphs.iter().flatten().map(|s| s.text.as_str()));
    for (k, paragraph) in paragraphs.iter().enumerate() {
        let mut current: Option<usize> = None;
        let mut place_here: Option<usize> = None;
        for sentence in paragraph {
            let mut dates = dates_of(&sentence.text, published, ahead);
            // The lede is about the dateline's day unless it says otherwise,
            // and so is a live blog's entry ("09:40 GMT — …").
            let filed = lede_date.or_else(|| on_day(published));
            let assumed = match (k, clock_stamp(&sentence.text)) {
                (0, _) => lede_date,
                (_, Some(())) => filed,
                _ => None,
            };
            if let (true, Some(date)) = (dates.is_empty(), assumed) {
                dates.push(FoundDate {
                    start: 0,
                    end: 0,
                    date,
                    relative: false,
                    since: false,
                    other_reading: None,
                });
            }
            let places: Vec<usize> = dedup(sentence.places.iter().map(|p| p.0));
            for &origin in &sentence.origins {
                push(&mut events, origin, None, sentence, false);
            }
            match (dates.is_empty(), places.is_empty()) {
                (true, true) => match current {
                    Some(e) => events[e].sentences.push(sentence.text.clone()),
                    None => {
                        if let Some(p) = dateline {
                            let e = push(&mut events, p, None, sentence, true);
                            events[e].date = lede_date.filter(|_| k == 0);
                            current = Some(e);
                        }
                    }
                },
                (true, false)
                    if continues(&sentence.text)
                        && current
                            .is_some_and(|e| events[e].date.is_some() && !events[e].weak_place) =>
                {
                    // "Hours later … in Albany": the paragraph's date goes on.
                    let date = current.and_then(|e| events.get(e)).and_then(|e| e.date);
                    for &p in &places {
                        let e = push(&mut events, p, None, sentence, false);
                        events[e].date = date;
                        current = Some(e);
                    }
                    place_here = places.last().copied();
                }
                (true, false) => {
                    let first = places[0];
                    let joins =
                        current.filter(|&e| events[e].weak_place || events[e].place == first);
                    if let Some(e) = joins {
                        events[e].place = first;
                        events[e].weak_place = false;
                        events[e].sentences.push(sentence.text.clone());
                    } else {
                        current = Some(push(&mut events, first, None, sentence, false));
                    }
                    for &p in &places[1..] {
                        push(&mut events, p, None, sentence, false);
                    }
                    place_here = places.last().copied();
                }
                (false, true) => {
                    // "arrived on Monday …, and the others on Tuesday": each day is an event there.
                    for date in distinct_moments(&dates) {
                        let same = current.filter(|&e| events[e].date.as_ref() == Some(&date.date));
                        if let Some(e) = same {
                            events[e].sentences.push(sentence.text.clone());
                        } else if let Some(p) = place_here.or(dateline) {
                            // Arriving from somewhere is arriving here: the place is decided.
                            let weak = place_here.is_none() && sentence.origins.is_empty();
                            let e = push(&mut events, p, Some(date), sentence, weak);
                            current = Some(e);
                        }
                    }
                }
                (false, false) => {
                    let schedule = reads_ahead(&sentence.text, ahead);
                    for (place, date) in pair(&sentence.text, &dates, &sentence.places, schedule) {
                        let e = push(&mut events, place, Some(date), sentence, false);
                        current = Some(e);
                    }
                    place_here = places.last().copied();
                }
            }
        }
    }
    merge(events)
}

/// Words that tie a sentence to the time of the one before.
const CONTINUING: [&str; 12] = [
    "hours later",
    "minutes later",
    "later",
    "then",
    "afterwards",
    "after that",
    "soon after",
    "shortly after",
    "the same day",
    "that day",
    "meanwhile",
    "by then",
];

/// Whether a sentence goes on at the time of the one before: it opens with
/// a word of sequence, or speaks of a part of that day.
fn continues(text: &str) -> bool {
    let lower = text.to_lowercase();
    let opening = lower.trim_start_matches(['"', '“']);
    CONTINUING.iter().any(|c| opening.starts_with(c))
        || [
            "the morning",
            "that morning",
            "that afternoon",
            "that evening",
            "that night",
            "overnight",
        ]
        .iter()
        .any(|d| lower.contains(d))
}

fn push(
    events: &mut Vec<DraftEvent>,
    place: usize,
    date: Option<&FoundDate>,
    s: &Sentence,
    weak: bool,
) -> usize {
    events.push(DraftEvent {
        place,
        date: date.map(|d| d.date),
        relative: date.is_some_and(|d| d.relative),
        other_reading: date.and_then(|d| d.other_reading),
        sentences: vec![s.text.clone()],
        weak_place: weak,
    });
    events.len() - 1
}

fn dates_of(text: &str, published: Day, article_looks_ahead: bool) -> Vec<FoundDate> {
    if !reads_ahead(text, article_looks_ahead) {
        return find_dates(text, published);
    }
    let mut ahead = find_dates_ahead(text, published);
    if !reads_ahead(text, false) {
        // Ahead only because the article looks ahead: a guess, so keep the other reading.
        let back = find_dates(text, published);
        for d in ahead.iter_mut().filter(|d| d.relative) {
            d.other_reading = back
                .iter()
                .find(|b| b.start == d.start && b.date != d.date)
                .map(|b| b.date);
        }
    }
    ahead
}

/// The date a sentence is about: the most precise one that is not the start of a span.
fn best(dates: &[FoundDate]) -> &FoundDate {
    let rank = |d: &FoundDate| (!d.since, d.date.precision() as u8);
    dates
        .iter()
        .fold(&dates[0], |b, d| if rank(d) > rank(b) { d } else { b })
}

/// The dates a sentence places things at: each moment it names once, or
/// (naming only spans, "since 2018") the best of them.
fn distinct_moments(dates: &[FoundDate]) -> Vec<&FoundDate> {
    let mut out: Vec<&FoundDate> = Vec::new();
    for d in dates.iter().filter(|d| !d.since) {
        if !out.iter().any(|o| o.date == d.date) {
            out.push(d);
        }
    }
    if out.is_empty() {
        out.push(best(dates));
    }
    out
}

/// Each place with its date: with several dates, a place takes the one
/// right after it (or at the end of its `where` clause: "from Tokyo, where
/// he had met bankers on Saturday"), else the last one before it. In a
/// schedule (`schedule`), a later date no place took is another stop at the
/// place before it ("opens in Cartagena on Tuesday, and leaders join them
/// in the old city on Wednesday").
fn pair<'a>(
    text: &str,
    dates: &'a [FoundDate],
    places: &[(usize, usize)],
    schedule: bool,
) -> Vec<(usize, &'a FoundDate)> {
    let spans: Vec<&FoundDate> = dates.iter().filter(|d| !d.since).collect();
    if spans.len() < 2 {
        let d = best(dates);
        return dedup(places.iter().map(|p| p.0))
            .into_iter()
            .map(|p| (p, d))
            .collect();
    }
    let mut out: Vec<(usize, &FoundDate)> = Vec::new();
    for &(place, at) in places {
        // Its own clause: no other place between it and the date.
        let own_clause = |d: &FoundDate| {
            !places.iter().any(|&(_, o)| o > at && o < d.start)
                && text
                    .get(at..d.start)
                    .is_some_and(|b| b.contains(", where "))
        };
        // "Hue on June 5": a date right after the place is its own; else the last one before it.
        let after = spans
            .iter()
            .copied()
            .find(|d| d.start > at && (d.start - at < 20 || own_clause(d)));
        let before = spans.iter().rev().copied().find(|d| d.end <= at);
        let date = after.or(before).unwrap_or(spans[0]);
        if !out.iter().any(|(p, d)| *p == place && d.date == date.date) {
            out.push((place, date));
        }
    }
    if schedule {
        for d in &spans {
            let taken = out.iter().any(|(_, o)| o.start == d.start);
            let last_place = places.iter().rev().find(|&&(_, at)| at < d.start);
            if let (false, Some(&(place, _))) = (taken, last_place) {
                out.push((place, d));
            }
        }
    }
    out
}

fn dedup(items: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// One event per place and date, in the order they first appear.
fn merge(events: Vec<DraftEvent>) -> Vec<DraftEvent> {
    let mut out: Vec<DraftEvent> = Vec::new();
    let mut at: HashMap<(usize, Option<PartialDate>), usize> = HashMap::new();
    let mut seen: Vec<HashSet<String>> = Vec::new();
    for e in events {
        match at.get(&(e.place, e.date)) {
            Some(&o) => {
                for s in e.sentences {
                    if seen[o].insert(s.clone()) {
                        out[o].sentences.push(s);
                    }
                }
            }
            None => {
                at.insert((e.place, e.date), out.len());
                seen.push(e.sentences.iter().cloned().collect());
                out.push(e);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str, places: &[usize]) -> Sentence {
        Sentence {
            text: text.into(),
            places: places.iter().map(|&p| (p, 0)).collect(),
            origins: vec![],
        }
    }

    #[test]
    fn dates_places_and_the_dateline() {
        let published = Day {
            year: 2024,
            month: 2,
            day: 20,
        };
        let paragraphs = vec![
            vec![s("Kim is the first leader to get one.", &[])],
            vec![
                s("In 2019, the minister showed off the car.", &[]),
                s("Afterwards, Ashgabat said it would buy some.", &[1]),
                s("On June 10, 2022, the republic bought one.", &[]),
            ],
            vec![
                s("In August 2019, they met in Zhukovsky.", &[2]),
                s("The cost was $8 million.", &[]),
            ],
        ];
        let events = assemble(&paragraphs, published, Some(0), None);
        let got: Vec<(usize, String, usize)> = events
            .iter()
            .map(|e| {
                (
                    e.place,
                    e.date.map(|d| d.iso()).unwrap_or_default(),
                    e.sentences.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (0, String::new(), 1),
                (1, "2019".into(), 2),
                (1, "2022-06-10".into(), 1),
                (2, "2019-08".into(), 2)
            ]
        );
    }

    #[test]
    fn a_sentence_with_two_dates_and_two_places() {
        let published = Day {
            year: 2024,
            month: 6,
            day: 10,
        };
        let text = "He visited Hanoi on June 3, 2024, and Hue on June 5, 2024.";
        let hanoi = text.find("Hanoi").unwrap_or(0);
        let hue = text.find("Hue").unwrap_or(0);
        let paragraphs = vec![vec![Sentence {
            text: text.into(),
            places: vec![(0, hanoi), (1, hue)],
            origins: vec![],
        }]];
        let events = assemble(&paragraphs, published, None, None);
        let got: Vec<(usize, String)> = events
            .iter()
            .map(|e| (e.place, e.date.map(|d| d.iso()).unwrap_or_default()))
            .collect();
        assert_eq!(got, [(0, "2024-06-03".into()), (1, "2024-06-05".into())]);
    }
}
