//! A story as data for a script: the canonical story file (places with event
//! lists, every id given) and each event's summary. Serialised by
//! serde-wasm-bindgen in the reader, by serde_json in tests.

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::date::PartialDate;
use super::media::Media;
use super::model::{Event, Place, Source, Story};

/// One event, as `dateline:select` and the handle's `events()` give it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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
pub fn story_file(story: &Story) -> StoryFile<'_> {
    StoryFile {
        kind: "FeatureCollection",
        properties: StoryProperties {
            title: story.title.as_deref(),
            summary: story.summary.as_ref().map(|s| s.to_json()),
            line: story.line.then_some(true),
        },
        features: story.places.iter().map(place_feature).collect(),
    }
}

/// A story file; see [`story_file`].
#[derive(Serialize)]
pub struct StoryFile<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    properties: StoryProperties<'a>,
    features: Vec<PlaceFeature<'a>>,
}

#[derive(Serialize)]
struct StoryProperties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<bool>,
}

#[derive(Serialize)]
struct PlaceFeature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Point,
    properties: PlaceProperties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct PlaceProperties<'a> {
    name: &'a str,
    events: Vec<EventEntry<'a>>,
}

#[derive(Serialize)]
struct EventEntry<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(serialize_with = "iso", skip_serializing_if = "Option::is_none")]
    date: Option<&'a PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Value>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    people: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceEntry<'a>>,
    #[serde(skip_serializing_if = "<[MediaEntry]>::is_empty")]
    media: Vec<MediaEntry<'a>>,
}

#[derive(Serialize)]
struct SourceEntry<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(serialize_with = "iso", skip_serializing_if = "Option::is_none")]
    date: Option<&'a PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
}

#[derive(Serialize)]
struct MediaEntry<'a> {
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alt: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'a str>,
}

fn iso<S: Serializer>(date: &Option<&PartialDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&d.iso()),
        None => s.serialize_none(),
    }
}

fn place_feature(place: &Place) -> PlaceFeature<'_> {
    PlaceFeature {
        kind: "Feature",
        id: &place.id,
        geometry: Point {
            kind: "Point",
            coordinates: [place.lon, place.lat],
        },
        properties: PlaceProperties {
            name: &place.name,
            events: place.events.iter().map(event_entry).collect(),
        },
    }
}

fn event_entry(event: &Event) -> EventEntry<'_> {
    EventEntry {
        id: &event.id,
        title: &event.title,
        date: event.date.as_ref(),
        date_text: event.date_text.as_deref(),
        summary: event.summary.as_ref().map(|s| s.to_json()),
        people: &event.people,
        source: event.source.as_ref().map(source_entry),
        media: event.media.iter().map(media_entry).collect(),
    }
}

fn source_entry(source: &Source) -> SourceEntry<'_> {
    SourceEntry {
        name: &source.name,
        url: source.url.as_deref(),
        date: source.date.as_ref(),
        quote: source.quote.as_deref(),
    }
}

fn media_entry(media: &Media) -> MediaEntry<'_> {
    MediaEntry {
        url: &media.url,
        alt: media.alt.as_deref(),
        caption: media.caption.as_deref(),
        credit: media.credit.as_deref(),
        link: media.link.as_deref(),
    }
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
        let file = serde_json::to_value(story_file(&story)).unwrap();
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
        round_trip(include_str!("../../assets/story.geojson"));
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
        let json = serde_json::to_value(&summaries[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"id": "a", "placeId": "m", "title": "Dated", "date": "2018-05",
                               "place": "Moscow", "lonLat": [37.6, 55.7]})
        );
    }
}
