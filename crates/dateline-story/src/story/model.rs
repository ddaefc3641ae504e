//! A validated story: places on the map, each with its dated events.
//!
//! Values of these types come out of [`parse`](super::parse) already checked:
//! ids are unique, coordinates in range, links http(s), events sorted.

use super::date::PartialDate;
use super::error::StoryError;
use super::media::Media;
use super::rich_text::RichText;

/// A whole story: what it is about and where it happens.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The story's headline, from the collection's `properties.title`.
    pub title: Option<String>,
    /// A short description, from the collection's `properties.summary`.
    pub summary: Option<RichText>,
    /// The places, in input order; never empty.
    pub places: Vec<Place>,
    /// Whether a line joins the events' places in reading order
    /// (`properties.line: true`).
    pub line: bool,
    /// What an importer left out, each a problem naming its row or slide
    /// (a StoryMapJS slide without a location, a spreadsheet row with a bad
    /// latitude): the story shows without them, and the overview lists them.
    pub notices: Vec<StoryError>,
}

/// One location on the map and what happened there.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Unique among places: the feature's `id`, or `place-<feature index>`.
    pub id: String,
    /// The place's name.
    pub name: String,
    /// Longitude in degrees, -180 to 180.
    pub lon: f64,
    /// Latitude in degrees, -90 to 90.
    pub lat: f64,
    /// Events by date, undated last, equal dates in input order; never empty.
    pub events: Vec<Event>,
}

/// Something that happened at a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique among events.
    pub id: String,
    /// When it happened, at the precision known; `None` if undated.
    pub date: Option<PartialDate>,
    /// How the date reads where it is not a date Dateline can place in time
    /// ("Spring 1845"); the event then counts as undated for ordering.
    pub date_text: Option<String>,
    /// A short headline.
    pub title: String,
    /// A few sentences: text with paragraphs, lists and links at most (never HTML).
    pub summary: Option<RichText>,
    /// The people involved, as given.
    pub people: Vec<String>,
    /// Where this is reported.
    pub source: Option<Source>,
    /// Photos, videos or pages, in order.
    pub media: Vec<Media>,
    /// Position among all the story's events as its file gives them (a
    /// StoryMapJS slide's number, a spreadsheet's row): the reading order of
    /// events with equal or no dates.
    pub order: usize,
}

/// Where an event is reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Who published it, e.g. `TASS`.
    pub name: String,
    /// An absolute http:// or https:// link.
    pub url: Option<String>,
    /// When it was published.
    pub date: Option<PartialDate>,
    /// The words the event rests on, verbatim.
    pub quote: Option<String>,
}

impl Story {
    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The event with this id, and the place it happened at.
    pub fn event(&self, id: &str) -> Option<(&Place, &Event)> {
        self.events().find(|(_, e)| e.id == id)
    }

    /// Every event with its place, place by place.
    pub fn events(&self) -> impl Iterator<Item = (&Place, &Event)> {
        self.places
            .iter()
            .flat_map(|p| p.events.iter().map(move |e| (p, e)))
    }

    /// How many events the story has.
    pub fn event_count(&self) -> usize {
        self.places.iter().map(|p| p.events.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str) -> Event {
        Event {
            id: id.into(),
            date: None,
            date_text: None,
            title: id.to_uppercase(),
            summary: None,
            people: vec![],
            source: None,
            media: vec![],
            order: 0,
        }
    }

    fn place(id: &str, events: &[&str]) -> Place {
        Place {
            id: id.into(),
            name: id.into(),
            lon: 0.0,
            lat: 0.0,
            events: events.iter().map(|e| event(e)).collect(),
        }
    }

    #[test]
    fn lookups() {
        let story = Story {
            title: None,
            summary: None,
            places: vec![place("a", &["a1", "a2"]), place("b", &["b1"])],
            line: false,
            notices: vec![],
        };
        assert_eq!(story.event_count(), 3);
        assert_eq!(story.place("b").map(|p| p.events.len()), Some(1));
        assert!(story.place("c").is_none());
        let (p, e) = story.event("a2").unwrap();
        assert_eq!((p.id.as_str(), e.title.as_str()), ("a", "A2"));
        assert!(story.event("a").is_none());
        let ids: Vec<&str> = story.events().map(|(_, e)| e.id.as_str()).collect();
        assert_eq!(ids, ["a1", "a2", "b1"]);
    }
}
