//! A story as data for a script: the canonical story file (places with event
//! lists, every id given) and each event's summary, as JSON values, which
//! serde-wasm-bindgen hands to the page (and serde_json writes, in tests).
//! Built as values, not derived per struct: one serialiser then carries every
//! shape, which keeps the reader's bytes down.

use serde_json::{Map, Value};

use super::date::PartialDate;
use super::media::Media;
use super::model::{Event, Place, Source, Story};

/// The event a reader (or the host) opened, by its ids in the story.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectedEvent {
    /// The event's `id`.
    pub event_id: String,
    /// The id of the place it happened at.
    pub place_id: String,
    /// What a host page shows of it: title, date as written, place, where.
    pub event: EventSummary,
}

/// One event, as `dateline:select` and the handle's `events()` give it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSummary {
    /// The event's id.
    pub id: String,
    /// The id of the place it happened at.
    pub place_id: String,
    /// Its headline.
    pub title: String,
    /// The date as the story writes it (`"2018-05"`, `"Spring 1845"`), or `null`.
    pub date: Option<String>,
    /// The place's name.
    pub place: String,
    /// Where, as GeoJSON orders it: `[longitude, latitude]`.
    pub lon_lat: [f64; 2],
}

impl EventSummary {
    /// `event`, which happened at `place`.
    pub fn of(place: &Place, event: &Event) -> EventSummary {
        EventSummary {
            id: event.id.clone(),
            place_id: place.id.clone(),
            title: event.title.clone(),
            date: written_date(event),
            place: place.name.clone(),
            lon_lat: [place.lon, place.lat],
        }
    }

    /// As a script gets it: `{ id, placeId, title, date, place, lonLat }`,
    /// `date` `null` when the event has none.
    pub fn to_json(&self) -> Value {
        let mut out = Object::new();
        out.texts(&[
            ("id", Some(&self.id)),
            ("placeId", Some(&self.place_id)),
            ("title", Some(&self.title)),
        ]);
        out.set("date", self.date.as_deref().map_or(Value::Null, text));
        out.texts(&[("place", Some(&self.place))]);
        out.set("lonLat", lon_lat(self.lon_lat));
        out.into()
    }
}

/// The date as written: the text of a date Dateline cannot place in time,
/// else the date at the precision known.
fn written_date(event: &Event) -> Option<String> {
    event
        .date_text
        .clone()
        .or_else(|| event.date.as_ref().map(PartialDate::iso))
}

/// `story` as a canonical Dateline GeoJSON file, which [`super::parse_value`]
/// reads back to the same story.
pub fn story_file(story: &Story) -> Value {
    let mut properties = Object::new();
    properties.maybe("title", story.title.as_deref().map(text));
    properties.maybe("summary", story.summary.as_ref().map(|s| s.to_json()));
    properties.maybe("line", story.line.then_some(Value::Bool(true)));
    let mut file = Object::new();
    file.set("type", text("FeatureCollection"));
    file.set("properties", properties.into());
    file.set(
        "features",
        Value::Array(story.places.iter().map(place_feature).collect()),
    );
    file.into()
}

/// A JSON object under construction; what is `None` is left out.
struct Object(Map<String, Value>);

impl Object {
    fn new() -> Object {
        Object(Map::new())
    }

    fn set(&mut self, key: &str, value: Value) {
        self.0.insert(key.to_string(), value);
    }

    fn maybe(&mut self, key: &str, value: Option<Value>) {
        if let Some(value) = value {
            self.set(key, value);
        }
    }

    /// Texts, each left out when `None`: one loop for the many optional
    /// fields, not one call per field.
    fn texts(&mut self, entries: &[(&str, Option<&str>)]) {
        for (key, value) in entries {
            self.maybe(key, value.map(text));
        }
    }
}

impl From<Object> for Value {
    fn from(object: Object) -> Value {
        Value::Object(object.0)
    }
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn lon_lat([lon, lat]: [f64; 2]) -> Value {
    Value::Array(vec![Value::from(lon), Value::from(lat)])
}

fn place_feature(place: &Place) -> Value {
    let mut geometry = Object::new();
    geometry.set("type", text("Point"));
    geometry.set("coordinates", lon_lat([place.lon, place.lat]));
    let mut properties = Object::new();
    properties.set("name", text(&place.name));
    properties.set(
        "events",
        Value::Array(place.events.iter().map(event_entry).collect()),
    );
    let mut feature = Object::new();
    feature.set("type", text("Feature"));
    feature.set("id", text(&place.id));
    feature.set("geometry", geometry.into());
    feature.set("properties", properties.into());
    feature.into()
}

fn event_entry(event: &Event) -> Value {
    let date = event.date.as_ref().map(PartialDate::iso);
    let mut entry = Object::new();
    entry.texts(&[
        ("id", Some(&event.id)),
        ("title", Some(&event.title)),
        ("date", date.as_deref()),
        ("date_text", event.date_text.as_deref()),
    ]);
    entry.maybe("summary", event.summary.as_ref().map(|s| s.to_json()));
    if !event.people.is_empty() {
        let people = event.people.iter().map(|p| text(p)).collect();
        entry.set("people", Value::Array(people));
    }
    entry.maybe("source", event.source.as_ref().map(source_entry));
    if !event.media.is_empty() {
        entry.set(
            "media",
            Value::Array(event.media.iter().map(media_entry).collect()),
        );
    }
    entry.into()
}

fn source_entry(source: &Source) -> Value {
    let date = source.date.as_ref().map(PartialDate::iso);
    let mut entry = Object::new();
    entry.texts(&[
        ("name", Some(&source.name)),
        ("url", source.url.as_deref()),
        ("date", date.as_deref()),
        ("quote", source.quote.as_deref()),
    ]);
    entry.into()
}

fn media_entry(media: &Media) -> Value {
    let mut entry = Object::new();
    entry.texts(&[
        ("url", Some(&media.url)),
        ("alt", media.alt.as_deref()),
        ("caption", media.caption.as_deref()),
        ("credit", media.credit.as_deref()),
        ("link", media.link.as_deref()),
    ]);
    entry.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse_value;

    /// The story without what the file order decides (event numbers) or
    /// what a valid file never carries (notices).
    fn content(mut story: Story) -> Story {
        story.notices.clear();
        for event in story.places.iter_mut().flat_map(|p| p.events.iter_mut()) {
            event.order = 0;
        }
        story
    }

    fn round_trip(text: &str) {
        let story = crate::story::parse(text).unwrap();
        let file = story_file(&story);
        let again = parse_value(&file).unwrap_or_else(|e| panic!("{e:?}\n{file:#}"));
        assert_eq!(content(again), content(story));
        // Canonical: every place lists its events, every id is written.
        for feature in file["features"].as_array().unwrap() {
            assert!(feature["id"].is_string());
            for event in feature["properties"]["events"].as_array().unwrap() {
                assert!(event["id"].is_string() && event["title"].is_string());
            }
        }
    }

    #[test]
    fn the_built_in_story_reads_back_the_same() {
        round_trip(include_str!("../../../../assets/story.geojson"));
    }

    #[test]
    fn every_field_reads_back_the_same() {
        round_trip(
            r#"{"type": "FeatureCollection", "properties": {"title": "T", "summary": "Two\n\nparagraphs", "line": true},
              "features": [
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.6, 55.7]},
                 "properties": {"name": "Moscow", "date": "1845", "date_text": "Spring 1845", "title": "One-event shape"}},
                {"type": "Feature", "id": "v", "geometry": {"type": "Point", "coordinates": [128.3, 51.8]},
                 "properties": {"name": "Vostochny", "events": [
                   {"title": "Later", "date": "2019-09-01", "people": ["Kim Jong Un"],
                    "source": {"name": "TASS", "url": "https://tass.com/x", "date": "2024-02", "quote": "Q"},
                    "media": [{"url": "https://example.org/a.jpg", "alt": "A", "caption": "C", "credit": "Cr", "link": "https://example.org/"}]},
                   {"id": "first", "title": "Earlier", "date": "2019", "summary": "S"}]}}]}"#,
        );
    }

    #[test]
    fn a_summary_has_the_date_as_written_and_the_place() {
        let story = crate::story::parse(
            r#"{"type": "FeatureCollection", "features": [
                {"type": "Feature", "id": "m", "geometry": {"type": "Point", "coordinates": [37.6, 55.7]},
                 "properties": {"name": "Moscow", "events": [
                   {"id": "a", "title": "Dated", "date": "2018-05"},
                   {"id": "b", "title": "Seasonal", "date_text": "Spring 1845"},
                   {"id": "c", "title": "Undated"}]}}]}"#,
        )
        .unwrap();
        let place = &story.places[0];
        let summaries: Vec<EventSummary> = place
            .events
            .iter()
            .map(|e| EventSummary::of(place, e))
            .collect();
        let dates: Vec<Option<&str>> = summaries.iter().map(|s| s.date.as_deref()).collect();
        assert_eq!(dates, [Some("2018-05"), Some("Spring 1845"), None]);
        let json = summaries[0].to_json();
        assert_eq!(
            json,
            serde_json::json!({"id": "a", "placeId": "m", "title": "Dated", "date": "2018-05",
                               "place": "Moscow", "lonLat": [37.6, 55.7]})
        );
    }
}
