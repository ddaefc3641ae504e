//! The reading order of a story's events, and stepping through it.

use std::cmp::Ordering;

use crate::story::{Event, Place, Story};

/// Where an event sits in a [`Story`]: `story.places[place].events[event]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventRef {
    /// Index into [`Story::places`].
    pub place: usize,
    /// Index into that place's [`Place::events`].
    pub event: usize,
}

impl EventRef {
    /// The place and event this points at, or `None` if it does not fit `story`
    /// (for example after the story was replaced).
    pub fn resolve<'a>(&self, story: &'a Story) -> Option<(&'a Place, &'a Event)> {
        let place = story.places.get(self.place)?;
        Some((place, place.events.get(self.event)?))
    }
}

/// Every event of `story` in time order.
///
/// Dated events come first, by the first day of their date's span; at the
/// same first day the coarser date comes first (`2019` before `2019-01`
/// before `2019-01-01`), as [`PartialDate`](crate::story::PartialDate)'s
/// `Ord` does; remaining ties keep the file's order ([`Event::order`]).
/// Undated events follow, in the file's order (a StoryMapJS story's slide
/// order). The result is the same for the same story every time.
///
/// # Examples
///
/// ```
/// use dateline_story::story::parse;
/// use dateline_story::story::{reading_order, EventRef};
///
/// let story = parse(r#"{"type": "FeatureCollection", "features": [
///   {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.6, 55.8]},
///    "properties": {"name": "Moscow", "events": [
///      {"id": "gift", "date": "2024-02-20", "title": "A gift"},
///      {"id": "guests", "title": "Guests see the car"}]}},
///   {"type": "Feature", "geometry": {"type": "Point", "coordinates": [58.3, 38.0]},
///    "properties": {"name": "Ashgabat", "events": [
///      {"id": "shown", "date": "2019", "title": "Shown in Ashgabat"}]}}
/// ]}"#).map_err(|errors| errors[0].to_string())?;
///
/// let order = reading_order(&story);
/// let ids: Vec<&str> = order
///     .iter()
///     .filter_map(|r| r.resolve(&story))
///     .map(|(_, event)| event.id.as_str())
///     .collect();
/// assert_eq!(ids, ["shown", "gift", "guests"]);
/// assert_eq!(order[0], EventRef { place: 1, event: 0 });
/// # Ok::<(), String>(())
/// ```
pub fn reading_order(story: &Story) -> Vec<EventRef> {
    let mut order: Vec<(EventRef, &Event)> = story
        .places
        .iter()
        .enumerate()
        .flat_map(|(p, place)| {
            place
                .events
                .iter()
                .enumerate()
                .map(move |(e, event)| (EventRef { place: p, event: e }, event))
        })
        .collect();
    crate::sorting::sort_by(&mut order, |(ra, a), (rb, b)| {
        let by_date = match (&a.date, &b.date) {
            (Some(da), Some(db)) => da.cmp(db),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_date
            .then_with(|| a.order.cmp(&b.order))
            .then_with(|| (ra.place, ra.event).cmp(&(rb.place, rb.event)))
    });
    order.into_iter().map(|(r, _)| r).collect()
}

/// The position in `order` after one step back or forward from `current`.
///
/// `None` stands for the overview, before the first event:
/// - forward from the overview goes to the first event (`Some(0)`);
/// - back from the first event returns to the overview (`None`), and back
///   from the overview stays there;
/// - forward from the last event stays on the last event (no wrap-around,
///   so "next" at the end does nothing rather than jumping to the start);
/// - a `current` past the end (a stale position) counts as the last event;
/// - with an empty `order` the answer is always the overview.
///
/// # Examples
///
/// ```
/// use dateline_story::story::{step, EventRef};
///
/// let order = [EventRef { place: 0, event: 0 }, EventRef { place: 1, event: 0 }];
/// assert_eq!(step(&order, None, true), Some(0));
/// assert_eq!(step(&order, Some(1), true), Some(1));
/// assert_eq!(step(&order, Some(0), false), None);
/// ```
pub fn step(order: &[EventRef], current: Option<usize>, forward: bool) -> Option<usize> {
    let last = order.len().checked_sub(1)?;
    match (current.map(|i| i.min(last)), forward) {
        (None, true) => Some(0),
        (None, false) => None,
        (Some(i), true) => Some((i + 1).min(last)),
        (Some(i), false) => i.checked_sub(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{parse, PartialDate};

    fn article() -> Story {
        parse(include_str!("../../../../assets/story.geojson")).unwrap()
    }

    fn ids(story: &Story, order: &[EventRef]) -> Vec<String> {
        order
            .iter()
            .map(|r| r.resolve(story).unwrap().1.id.clone())
            .collect()
    }

    fn event(id: &str, date: Option<&str>) -> Event {
        Event {
            id: id.into(),
            date: date.map(|d| PartialDate::parse(d).unwrap()),
            date_text: None,
            title: id.into(),
            summary: None,
            people: vec![],
            source: None,
            media: vec![],
            order: 0,
        }
    }

    fn story(places: Vec<Vec<Event>>) -> Story {
        Story {
            title: None,
            summary: None,
            places: places
                .into_iter()
                .enumerate()
                .map(|(i, events)| Place {
                    id: format!("p{i}"),
                    name: format!("P{i}"),
                    lon: 0.0,
                    lat: 0.0,
                    events,
                })
                .collect(),
            line: false,
            notices: vec![],
        }
    }

    #[test]
    fn article_reads_in_time_order() {
        let story = article();
        let order = reading_order(&story);
        assert_eq!(order.len(), 7);
        assert_eq!(order.len(), story.event_count());
        assert_eq!(
            ids(&story, &order),
            [
                "putin-inauguration",
                "medvedev-shows-aurus",
                "maks-ansat-helicopter",
                "turkmenistan-buys-aurus",
                "kim-sees-aurus",
                "kim-gift",
                "foreign-guests",
            ]
        );
        let dates: Vec<Option<PartialDate>> = order
            .iter()
            .map(|r| r.resolve(&story).unwrap().1.date)
            .collect();
        let dated: Vec<PartialDate> = dates.iter().flatten().copied().collect();
        assert_eq!(dated.len(), 6);
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dated:?}");
        assert_eq!(dates.last(), Some(&None));
        let (moscow, _) = order[6].resolve(&story).unwrap();
        assert_eq!(moscow.name, "Moscow");
    }

    #[test]
    fn ties_break_by_precision_then_story_order() {
        let s = story(vec![
            vec![event("a-day", Some("2019-01-01")), event("a-undated", None)],
            vec![
                event("b-year", Some("2019")),
                event("b-month", Some("2019-01")),
                event("b-undated", None),
            ],
            vec![
                event("c-year", Some("2019")),
                event("c-early", Some("2018-12-31")),
            ],
        ]);
        let order = reading_order(&s);
        assert_eq!(
            ids(&s, &order),
            [
                "c-early",
                "b-year",
                "c-year",
                "b-month",
                "a-day",
                "a-undated",
                "b-undated"
            ]
        );
        assert_eq!(reading_order(&s), order, "deterministic");
    }

    #[test]
    fn empty_and_undated_stories() {
        assert!(reading_order(&story(vec![])).is_empty());
        let s = story(vec![vec![event("x", None)], vec![event("y", None)]]);
        assert_eq!(ids(&s, &reading_order(&s)), ["x", "y"]);
    }

    #[test]
    fn resolve_rejects_stale_refs() {
        let s = article();
        assert!(EventRef { place: 9, event: 0 }.resolve(&s).is_none());
        assert!(EventRef { place: 0, event: 9 }.resolve(&s).is_none());
    }

    #[test]
    fn steps_through_the_article_and_back() {
        let order = reading_order(&article());
        let mut at = None;
        let mut visited = vec![];
        for _ in 0..order.len() {
            at = step(&order, at, true);
            visited.push(at);
        }
        assert_eq!(visited, (0..7).map(Some).collect::<Vec<_>>());
        assert_eq!(step(&order, at, true), Some(6), "next from last stays last");
        for expected in (0..6).rev() {
            at = step(&order, at, false);
            assert_eq!(at, Some(expected));
        }
        at = step(&order, at, false);
        assert_eq!(at, None, "back from first is the overview");
        assert_eq!(step(&order, None, false), None);
        assert_eq!(step(&order, Some(99), true), Some(6));
        assert_eq!(step(&order, Some(99), false), Some(5));
    }

    #[test]
    fn step_on_empty_and_single() {
        for current in [None, Some(0), Some(3)] {
            for forward in [true, false] {
                assert_eq!(step(&[], current, forward), None);
            }
        }
        let one = [EventRef { place: 0, event: 0 }];
        assert_eq!(step(&one, None, true), Some(0));
        assert_eq!(step(&one, Some(0), true), Some(0));
        assert_eq!(step(&one, Some(0), false), None);
    }
}
