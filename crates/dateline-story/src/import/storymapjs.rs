//! StoryMapJS stories (Knight Lab's `{"storymap": {"slides": [...]}}`).
//!
//! Each slide with a location becomes a one-event GeoJSON Feature, in slide
//! order, and the collection is read by [`parse_value`] like any story:
//! slides at the same coordinates share a place, and undated slides keep
//! their order. The first `"type": "overview"` slide gives the story's
//! title and summary. Slide text is HTML and is kept for its meaning only
//! (see [`super::html`]). Slides that cannot be placed are left out, each
//! with a notice naming it; the story shows with the rest.
//!
//! The shapes read, as StoryMapJS writes them:
//! - `storymap.slides[]`: `type`, `date`, `text.headline`, `text.text`
//!   (HTML), `location.name`, `location.lat`, `location.lon` (numbers or
//!   numeric text), `location.line`, `media.url`, `media.caption`,
//!   `media.credit`, `uniqueid` (or `id`);
//! - options beside the slides in `storymap`, or at the top level (where
//!   the embed tool writes `width`, `height`, `font_css`, and where newer
//!   files put all of them): `show_lines`, `map_as_image`, `line`.

use std::collections::HashSet;

use serde_json::{json, Map, Value};

use super::html::{plain_text, rich_text_json};
use super::loose_date::parse_loose_date;
use crate::story::{is_media_address, parse_value, Axis, ErrorKind, Story, StoryError};

/// Whether `value` has the shape of a StoryMapJS story: an object with a
/// `storymap` object holding `slides`, or (the newer shape) with a `slides`
/// array of its own and no GeoJSON `"type": "FeatureCollection"`.
///
/// # Examples
///
/// ```
/// use dateline_story::import::storymapjs::recognises;
/// use serde_json::json;
///
/// assert!(recognises(&json!({"storymap": {"slides": []}})));
/// assert!(recognises(&json!({"language": "en", "slides": []})));
/// assert!(!recognises(&json!({"type": "FeatureCollection", "features": []})));
/// ```
pub fn recognises(value: &Value) -> bool {
    let Value::Object(top) = value else {
        return false;
    };
    match top.get("storymap") {
        Some(Value::Object(storymap)) if storymap.contains_key("slides") => true,
        _ => {
            top.get("slides").is_some_and(Value::is_array)
                && top.get("type").and_then(Value::as_str) != Some("FeatureCollection")
        }
    }
}

/// The story of a StoryMapJS file.
///
/// What cannot be shown is kept in [`Story::notices`]: a slide without a
/// location, with a coordinate that is not a number or out of range (left
/// out), or with a media address that is not a web link or relative path
/// (shown without its media). When no slide can be shown the result is an
/// error, [`ErrorKind::NothingToShow`], followed by those notices.
///
/// # Examples
///
/// ```
/// use dateline_story::import::storymapjs::read;
/// use serde_json::json;
///
/// let story = read(&json!({"storymap": {"slides": [
///     {"type": "overview", "text": {"headline": "Katrina", "text": "<p>The path.</p>"}},
///     {"date": "August 23, 2005", "text": {"headline": "Formed", "text": "Over the <b>Bahamas</b>."},
///      "location": {"name": "Bahamas", "lat": "23.2", "lon": "-75.5", "line": true}},
///     {"text": {"headline": "Lost"}, "location": {"lat": 95, "lon": 0}}
/// ]}})).map_err(|e| e[0].to_string())?;
/// assert_eq!(story.title.as_deref(), Some("Katrina"));
/// assert_eq!(story.places[0].name, "Bahamas");
/// assert_eq!(story.places[0].events[0].date.map(|d| d.iso()).as_deref(), Some("2005-08-23"));
/// assert!(story.line);
/// assert_eq!(
///     story.notices[0].to_string(),
///     "Slide 3, field \"location.lat\": latitude 95 is outside the allowed range -90 to 90."
/// );
/// # Ok::<(), String>(())
/// ```
pub fn read(value: &Value) -> Result<Story, Vec<StoryError>> {
    read_as_geojson(value).map(|(story, _)| story)
}

/// Like [`read`], with the story's GeoJSON as well (what Dateline Studio edits).
#[inline]
pub fn read_as_geojson(value: &Value) -> Result<(Story, Value), Vec<StoryError>> {
    let Some(top) = value.as_object() else {
        // Not a StoryMapJS file after all: the GeoJSON reader says what it is.
        return parse_value(value).map(|story| (story, value.clone()));
    };
    let (storymap, slides_field) = match top.get("storymap") {
        Some(Value::Object(storymap)) if storymap.contains_key("slides") => {
            (storymap, "storymap.slides")
        }
        _ => (top, "slides"),
    };
    let slides = match storymap.get("slides") {
        Some(Value::Array(slides)) => slides,
        None | Some(Value::Null) => {
            let expected = SLIDES;
            let missing = ErrorKind::MissingField { expected };
            return Err(vec![StoryError::story(slides_field, missing)]);
        }
        Some(other) => {
            let found = describe(other);
            let wrong = ErrorKind::WrongType {
                expected: SLIDES,
                found,
            };
            return Err(vec![StoryError::story(slides_field, wrong)]);
        }
    };
    let option = |key: &str| storymap.get(key).or_else(|| top.get(key)).and_then(flag);

    let overview = slides.iter().position(is_overview);
    let mut notices = Vec::new();
    let mut features = Vec::new();
    let mut slide_numbers = Vec::new();
    let mut ids = HashSet::new();
    let mut slides_ask_for_line = false;
    let mut skipped = 0;
    for (index, slide) in slides.iter().enumerate() {
        if Some(index) == overview {
            continue;
        }
        let number = index + 1;
        match read_slide(number, slide, &mut notices) {
            Some(mut read) => {
                // A repeated id would stop the whole story; the parser makes a fresh one.
                if let Some(id) = read.id.take().filter(|id| ids.insert(id.clone())) {
                    read.feature.insert("id".into(), Value::String(id));
                }
                features.push(Value::Object(read.feature));
                slide_numbers.push(number);
                slides_ask_for_line |= read.line;
            }
            None => skipped += 1,
        }
    }
    if features.is_empty() {
        let mut errors = vec![StoryError::story(
            slides_field,
            ErrorKind::NothingToShow {
                what: "slide",
                skipped,
            },
        )];
        errors.append(&mut notices);
        return Err(errors);
    }

    // StoryMapJS draws its line unless told not to, or the map is a picture.
    let line = option("show_lines") != Some(false)
        && option("map_as_image") != Some(true)
        && (slides_ask_for_line
            || option("line") == Some(true)
            || option("show_lines") == Some(true));
    let mut properties = Map::new();
    properties.insert("line".into(), Value::Bool(line));
    if let Some(overview) = overview.and_then(|i| slides.get(i)) {
        if let Some(title) = slide_text(overview, "headline").map(plain_text) {
            properties.insert("title".into(), Value::String(title));
        }
        if let Some(summary) = slide_text(overview, "text").map(rich_text_json) {
            properties.insert("summary".into(), summary);
        }
    }
    let collection = json!({
        "type": "FeatureCollection",
        "properties": properties,
        "features": features,
    });
    match parse_value(&collection) {
        Ok(mut story) => {
            story.notices = notices;
            Ok((story, collection))
        }
        Err(errors) => Err(name_slides(errors, &slide_numbers, notices)),
    }
}

/// The parser's errors about features as errors about the slides they were
/// made of (`slide_numbers[feature]`), with the notices, by slide.
fn name_slides(
    errors: Vec<StoryError>,
    slide_numbers: &[usize],
    notices: Vec<StoryError>,
) -> Vec<StoryError> {
    let mut errors: Vec<StoryError> = errors
        .into_iter()
        .map(|e| match e.feature.and_then(|i| slide_numbers.get(i)) {
            Some(&slide) => StoryError::in_slide(slide, e.field, e.kind),
            None => e,
        })
        .chain(notices)
        .collect();
    // Stable: story-wide errors first, then slide by slide.
    crate::sorting::sort_by(&mut errors, |a, b| a.feature.cmp(&b.feature));
    errors
}

const SLIDES: &str = "an array of slides";

/// A slide made into a Feature, with what the story needs from it besides.
struct SlideFeature {
    feature: Map<String, Value>,
    id: Option<String>,
    /// The slide asks for the line joining its point (`location.line`).
    line: bool,
}

fn is_overview(slide: &Value) -> bool {
    slide.get("type").and_then(Value::as_str) == Some("overview")
}

/// `true`/`false`, as JSON or as text (`"true"`, as some editors write them).
fn flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Non-blank text at `text.<key>` of a slide.
fn slide_text<'a>(slide: &'a Value, key: &str) -> Option<&'a str> {
    slide
        .get("text")?
        .get(key)?
        .as_str()
        .filter(|s| !s.trim().is_empty())
}

/// Plain text of `value` if it is non-blank text.
fn plain(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .map(plain_text)
        .filter(|s| !s.is_empty())
}

/// What a JSON value is, for "but found ..." messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the value {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(_) => "text".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A coordinate as read: a number in range, absent, or a problem already noted.
enum Coordinate {
    Value(f64),
    Missing,
    Bad,
}

fn coordinate(
    number: usize,
    location: &Map<String, Value>,
    key: &str,
    axis: Axis,
    notices: &mut Vec<StoryError>,
) -> Coordinate {
    let field = format!("location.{key}");
    let value = match location.get(key) {
        None | Some(Value::Null) => return Coordinate::Missing,
        Some(Value::String(s)) if s.trim().is_empty() => return Coordinate::Missing,
        Some(Value::Number(n)) => n.as_f64(),
        // The StoryMapJS editor writes coordinates as text as often as numbers.
        Some(Value::String(s)) => s.trim().parse::<f64>().ok().filter(|v| v.is_finite()),
        Some(_) => None,
    };
    let Some(value) = value else {
        let found = match location.get(key) {
            Some(Value::String(s)) => s.clone(),
            other => other.map(Value::to_string).unwrap_or_default(),
        };
        notices.push(StoryError::in_slide(
            number,
            field,
            ErrorKind::NotANumber { found, axis },
        ));
        return Coordinate::Bad;
    };
    let (min, max) = axis.range();
    if value < min || value > max {
        notices.push(StoryError::in_slide(
            number,
            field,
            ErrorKind::OutOfRange {
                axis,
                value,
                min,
                max,
            },
        ));
        return Coordinate::Bad;
    }
    Coordinate::Value(value)
}

/// Slide `number` (from 1) as a one-event Feature, or `None` (with notices)
/// when it has no place on the map.
fn read_slide(number: usize, slide: &Value, notices: &mut Vec<StoryError>) -> Option<SlideFeature> {
    let Value::Object(slide) = slide else {
        notices.push(StoryError::in_slide(
            number,
            "",
            ErrorKind::WrongType {
                expected: "a slide: an object with \"location\", \"text\" and \"media\"",
                found: describe(slide),
            },
        ));
        return None;
    };
    let no_location = |notices: &mut Vec<StoryError>| {
        notices.push(StoryError::in_slide(
            number,
            "location",
            ErrorKind::NoLocation,
        ));
        None
    };
    let Some(Value::Object(location)) = slide.get("location") else {
        return no_location(notices);
    };
    let lat = coordinate(number, location, "lat", Axis::Latitude, notices);
    let lon = coordinate(number, location, "lon", Axis::Longitude, notices);
    let (lat, lon) = match (lat, lon) {
        (Coordinate::Value(lat), Coordinate::Value(lon)) => (lat, lon),
        (Coordinate::Bad, _) | (_, Coordinate::Bad) => return None,
        _ => return no_location(notices),
    };

    let text = slide.get("text");
    let headline = plain(text.and_then(|t| t.get("headline")));
    let place = plain(location.get("name"))
        .or_else(|| headline.clone())
        .unwrap_or_else(|| format!("Slide {number}"));
    let mut properties = Map::new();
    properties.insert(
        "title".into(),
        json!(headline.unwrap_or_else(|| place.clone())),
    );
    properties.insert("place".into(), json!(place));
    if let Some(summary) = text
        .and_then(|t| t.get("text"))
        .and_then(Value::as_str)
        .map(rich_text_json)
        .filter(|s| s.as_array().is_some_and(|blocks| !blocks.is_empty()))
    {
        properties.insert("summary".into(), summary);
    }
    let date = match slide.get("date") {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    if let Some(date) = date {
        // A date Dateline can place in time, else words to show ("Aug 23", "Spring 1833").
        if let Some(date) = parse_loose_date(&date) {
            properties.insert("date".into(), json!(date.iso()));
        } else if let Some(text) = Some(plain_text(&date)).filter(|t| !t.is_empty()) {
            properties.insert("date_text".into(), json!(text));
        }
    }
    if let Some(media) = read_media(number, slide.get("media"), notices) {
        properties.insert("media".into(), media);
    }

    let mut feature = Map::new();
    feature.insert("type".into(), json!("Feature"));
    feature.insert(
        "geometry".into(),
        json!({"type": "Point", "coordinates": [lon, lat]}),
    );
    feature.insert("properties".into(), Value::Object(properties));
    let id = ["id", "uniqueid"]
        .iter()
        .find_map(|key| match slide.get(*key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        });
    let line = location.get("line").and_then(flag) == Some(true);
    Some(SlideFeature { feature, id, line })
}

/// The story format's media object for a slide's `media`, if it has a usable address.
fn read_media(
    number: usize,
    media: Option<&Value>,
    notices: &mut Vec<StoryError>,
) -> Option<Value> {
    let media = media?.as_object()?;
    let url = media.get("url")?.as_str()?.trim();
    if url.is_empty() {
        return None;
    }
    if !is_media_address(url) {
        // An embed code or a script address: the slide shows without it.
        notices.push(StoryError::in_slide(
            number,
            "media.url",
            ErrorKind::BadMediaAddress { url: url.into() },
        ));
        return None;
    }
    let mut out = Map::new();
    out.insert("url".into(), json!(url));
    for key in ["caption", "credit"] {
        if let Some(text) = plain(media.get(key)) {
            out.insert(key.into(), json!(text));
        }
    }
    Some(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::reading_order;
    use crate::story::{Block, Inline, MediaKind, Part, Precision, RichText};

    const BEAGLE: &str = include_str!("../../../../tests/fixtures/storymapjs/beagle.json");
    const TOP_LEVEL: &str =
        include_str!("../../../../tests/fixtures/storymapjs/options-top-level.json");
    const SKIPPED: &str = include_str!("../../../../tests/fixtures/storymapjs/skipped-slides.json");

    fn fixture(text: &str) -> Value {
        serde_json::from_str(text).expect("fixture is JSON")
    }

    fn story(value: Value) -> Story {
        read(&value).unwrap_or_else(|e| panic!("{e:#?}"))
    }

    fn errors(value: Value) -> Vec<String> {
        read(&value)
            .expect_err("no story")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn notices(story: &Story) -> Vec<String> {
        story.notices.iter().map(ToString::to_string).collect()
    }

    /// A story of an overview and `slides`.
    fn slides(slides: Value) -> Value {
        let mut all = vec![json!({"type": "overview", "text": {"headline": "H"}})];
        all.extend(slides.as_array().cloned().unwrap_or_default());
        json!({"storymap": {"slides": all}})
    }

    fn at(lat: Value, lon: Value) -> Value {
        json!({"text": {"headline": "Here"}, "location": {"lat": lat, "lon": lon}})
    }

    /// Titles in reading order.
    fn titles(story: &Story) -> Vec<String> {
        reading_order(story)
            .iter()
            .filter_map(|r| r.resolve(story))
            .map(|(_, e)| e.title.clone())
            .collect()
    }

    #[test]
    fn recognises_both_shapes_and_nothing_else() {
        assert!(recognises(&fixture(BEAGLE)));
        assert!(recognises(&fixture(TOP_LEVEL)));
        assert!(recognises(&json!({"storymap": {"slides": "x"}})));
        assert!(!recognises(&json!({"storymap": {"title": "x"}})));
        assert!(!recognises(&json!({"slides": {}})));
        assert!(!recognises(
            &json!({"type": "FeatureCollection", "slides": [], "features": []})
        ));
        assert!(!recognises(&json!([{"slides": []}])));
        assert!(!recognises(&json!("storymap")));
    }

    #[test]
    fn the_classic_file_reads_into_places_events_and_dates() {
        let story = story(fixture(BEAGLE));
        assert!(story.notices.is_empty(), "{:#?}", story.notices);
        assert_eq!(
            story.title.as_deref(),
            Some("The voyage of the Beagle Darwin's five years at sea")
        );
        let summary = story.summary.as_ref().expect("summary");
        assert_eq!(summary.blocks.len(), 2);
        assert!(summary.to_plain().starts_with("In 1831 a young naturalist"));
        assert!(story.line, "location.line: true on the slides");

        let names: Vec<&str> = story.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Plymouth, England",
                "Praia, Cape Verde",
                "Salvador da Bahia, Brazil",
                "Port Louis, Falkland Islands",
                "San Cristóbal, Galápagos",
                // No location name: the headline names the place.
                "Falmouth",
            ]
        );
        // String coordinates are read as numbers; the two Bahia slides share a place.
        let plymouth = &story.places[0];
        assert_eq!((plymouth.lat, plymouth.lon), (50.3655, -4.1427));
        let bahia = &story.places[2];
        assert_eq!((bahia.lat, bahia.lon), (-12.9714, -38.5014));
        let bahia_titles: Vec<&str> = bahia.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(bahia_titles, ["Bahia: the rainforest", "Back in Bahia"]);
        assert_eq!(story.event_count(), 7);

        let dates: Vec<Option<String>> = story
            .events()
            .map(|(_, e)| e.date.map(|d| d.iso()))
            .collect();
        let iso = |s: &str| Some(s.to_string());
        assert_eq!(
            dates,
            [
                iso("1831-12-27"),
                iso("1832-01"),
                iso("1832-02-29"),
                None,
                None,
                iso("1835-09-15"),
                None
            ]
        );
        let (_, falklands) = story.events().nth(4).expect("falklands");
        assert_eq!(falklands.date_text.as_deref(), Some("Spring 1833"));
        assert!(story
            .events()
            .all(|(_, e)| e.date_text.is_none() || e.title == "The Falklands"));
    }

    #[test]
    fn the_classic_file_keeps_text_media_and_reading_order() {
        let story = story(fixture(BEAGLE));
        let event = |title: &str| {
            story
                .events()
                .find(|(_, e)| e.title == title)
                .map(|(_, e)| e.clone())
                .expect(title)
        };
        let plymouth = event("Plymouth");
        let media = &plymouth.media[0];
        assert_eq!(media.credit.as_deref(), Some("National Maritime Museum"));
        assert_eq!(media.caption.as_deref(), Some("Plymouth Sound, about 1830"));
        assert_eq!(media.kind(), MediaKind::Image);
        assert_eq!(
            plymouth.summary.as_ref().map(RichText::to_plain).as_deref(),
            Some("The Beagle leaves Plymouth Sound after weeks of gales.\n\nDates like this one are read as a day.")
        );
        // An empty credit is no credit; a video page is a page.
        let praia = event("São Tiago, Cape Verde");
        assert_eq!(praia.media[0].credit, None);
        assert_eq!(praia.media[0].kind(), MediaKind::Page);
        assert!(matches!(
            praia.summary.as_ref().map(|s| &s.blocks[0]),
            Some(Block::List { ordered: false, items }) if items.len() == 2
        ));
        let rainforest = event("Bahia: the rainforest");
        let Some(Block::Paragraph(inlines)) =
            rainforest.summary.as_ref().map(|s| s.blocks[0].clone())
        else {
            panic!("a paragraph");
        };
        assert!(inlines.iter().any(|i| matches!(i,
            Inline::Link { href, .. } if href == "https://en.wikipedia.org/wiki/Second_voyage_of_HMS_Beagle")));
        assert!(rainforest.summary.as_ref().is_some_and(|s| s
            .to_plain()
            .contains("forest for the first time\u{a0}— “a chaos of delight”.")));
        // Empty media addresses are no media.
        assert!(event("The Falklands").media.is_empty());
        assert!(event("Back in Bahia").media.is_empty());
        // Dated events in time order, then the undated ones in slide order.
        assert_eq!(
            titles(&story),
            [
                "Plymouth",
                "São Tiago, Cape Verde",
                "Bahia: the rainforest",
                "The Galápagos",
                "The Falklands",
                "Back in Bahia",
                "Falmouth"
            ]
        );
        let precision: Vec<Precision> = story
            .events()
            .filter_map(|(_, e)| e.date.map(|d| d.precision()))
            .collect();
        assert_eq!(
            precision,
            [
                Precision::Day,
                Precision::Month,
                Precision::Day,
                Precision::Day
            ]
        );
    }

    #[test]
    fn options_at_the_top_level_are_read() {
        let story = story(fixture(TOP_LEVEL));
        assert!(story.notices.is_empty());
        assert_eq!(story.title.as_deref(), Some("Building the Trans-Siberian"));
        assert!(story.line, "show_lines: true");
        let ids: Vec<&str> = story.events().map(|(_, e)| e.id.as_str()).collect();
        assert_eq!(ids, ["chelyabinsk", "vladivostok", "3"]);
        assert_eq!(story.places[0].id, "chelyabinsk");
        assert_eq!(
            titles(&story),
            [
                "A first stone in Vladivostok",
                "Work starts in the west",
                "The Amur bridge"
            ]
        );
        let media = &story.places[0].events[0].media[0];
        assert_eq!(
            (media.url.as_str(), media.credit.as_deref()),
            (
                "https://example.org/photos/chelyabinsk.jpg",
                Some("Prokudin-Gorsky")
            )
        );
    }

    #[test]
    fn unusable_slides_are_left_out_with_notices() {
        let story = story(fixture(SKIPPED));
        assert_eq!(story.places.len(), 1);
        let moscow = &story.places[0];
        assert_eq!(
            (moscow.name.as_str(), moscow.lat, moscow.lon),
            ("Moscow", 55.752, 37.6175)
        );
        assert!(
            moscow.events[0].media.is_empty(),
            "the bad address is not kept"
        );
        assert_eq!(
            notices(&story),
            [
                "Slide 2, field \"location\": the slide has no location, so it is left out; give it a \"location\" with \"lat\" and \"lon\" to put it on the map.",
                "Slide 3, field \"location.lat\": latitude 95 is outside the allowed range -90 to 90.",
                "Slide 4, field \"location.lat\": \"abc\" is not a number; write the latitude as a decimal such as 55.752.",
                "Slide 5, field \"media.url\": \"javascript:alert(1)\" is not a media address; use an absolute address starting with http:// or https://, or a path relative to the story file.",
                "Slide 6, field \"location\": the slide has no location, so it is left out; give it a \"location\" with \"lat\" and \"lon\" to put it on the map.",
            ]
        );
        assert!(story.notices.iter().all(|n| n.part == Part::Slide));
    }

    #[test]
    fn a_file_without_a_usable_slide_is_an_error_listing_why() {
        let all_bad = slides(json!([
            {"text": {"headline": "No place"}},
            at(json!("x"), json!(500))
        ]));
        assert_eq!(
            errors(all_bad),
            [
                "Story, field \"storymap.slides\": there is no slide that can be shown (2 left out: see the problems listed with them).",
                "Slide 2, field \"location\": the slide has no location, so it is left out; give it a \"location\" with \"lat\" and \"lon\" to put it on the map.",
                "Slide 3, field \"location.lat\": \"x\" is not a number; write the latitude as a decimal such as 55.752.",
                "Slide 3, field \"location.lon\": longitude 500 is outside the allowed range -180 to 180.",
            ]
        );
        let empty = read(&json!({"storymap": {"slides": []}})).expect_err("empty");
        assert_eq!(
            empty[0].kind,
            ErrorKind::NothingToShow {
                what: "slide",
                skipped: 0
            }
        );
        assert_eq!(errors(json!({"slides": [{"type": "overview"}]}))[0], "Story, field \"slides\": there is no slide that can be shown (0 left out: see the problems listed with them).");
        assert_eq!(
            errors(json!({"storymap": {"slides": {"a": 1}}})),
            ["Story, field \"storymap.slides\": expected an array of slides, but found an object."]
        );
        assert_eq!(
            errors(json!({"storymap": {}, "language": "en"})),
            ["Story, field \"slides\": this field is missing; it must be an array of slides."]
        );
    }

    #[test]
    fn a_non_story_gets_the_geojson_error() {
        for value in [
            json!({"title": "x"}),
            json!([1, 2]),
            json!({"type": "Feature"}),
        ] {
            assert_eq!(
                crate::import::read_value(&value),
                parse_value(&value),
                "{value}"
            );
            let errors = crate::import::read_value(&value).expect_err("not a story");
            assert!(matches!(
                errors[0].kind,
                ErrorKind::NotFeatureCollection { .. }
            ));
        }
        // And a StoryMapJS file goes to this importer.
        let story = crate::import::read_value(&fixture(BEAGLE)).expect("story");
        assert_eq!(story.places.len(), 6);
        assert_eq!(read(&json!("x")), parse_value(&json!("x")));
    }

    #[test]
    fn coordinates_are_numbers_or_numeric_text() {
        let read_one = |lat: Value, lon: Value| read(&slides(json!([at(lat, lon)])));
        let place = |lat: Value, lon: Value| {
            let story = read_one(lat, lon).expect("story");
            (story.places[0].lat, story.places[0].lon)
        };
        assert_eq!(place(json!(55.75), json!(37.6)), (55.75, 37.6));
        assert_eq!(place(json!(" 55.75 "), json!("-37")), (55.75, -37.0));
        assert_eq!(place(json!("90"), json!(-180)), (90.0, -180.0));
        let kinds = |lat: Value, lon: Value| -> Vec<ErrorKind> {
            read_one(lat, lon).expect_err("no slide")[1..]
                .iter()
                .map(|e| e.kind.clone())
                .collect()
        };
        for bad in ["abc", "NaN", "inf", "55,75", "1e999"] {
            assert_eq!(
                kinds(json!(bad), json!(0)),
                [ErrorKind::NotANumber {
                    found: bad.into(),
                    axis: Axis::Latitude
                }],
                "{bad}"
            );
        }
        assert_eq!(
            kinds(json!(true), json!(0)),
            [ErrorKind::NotANumber {
                found: "true".into(),
                axis: Axis::Latitude
            }]
        );
        assert_eq!(
            kinds(json!(0), json!(-180.5)),
            [ErrorKind::OutOfRange {
                axis: Axis::Longitude,
                value: -180.5,
                min: -180.0,
                max: 180.0
            }]
        );
        for (lat, lon) in [
            (json!(null), json!(1)),
            (json!(1), json!("")),
            (json!(" "), json!(null)),
        ] {
            assert_eq!(kinds(lat, lon), [ErrorKind::NoLocation]);
        }
        // A bad coordinate is named rather than called missing.
        assert_eq!(
            kinds(json!("abc"), json!(null)),
            [ErrorKind::NotANumber {
                found: "abc".into(),
                axis: Axis::Latitude
            }]
        );
        let no_object =
            read(&slides(json!([{"location": "Moscow"}, "not a slide"]))).expect_err("none");
        assert_eq!(no_object[1].kind, ErrorKind::NoLocation);
        assert!(
            matches!(&no_object[2].kind, ErrorKind::WrongType { found, .. } if found == "text")
        );
        assert_eq!(no_object[2].feature, Some(3));
    }

    #[test]
    fn names_titles_and_ids_have_fallbacks() {
        let story = story(slides(json!([
            {"id": "a", "text": {"headline": "<b>Bold</b> headline"}, "location": {"name": "Place <i>A</i>", "lat": 1, "lon": 1}},
            {"uniqueid": "b", "text": {"headline": "Only a headline"}, "location": {"lat": 2, "lon": 2}},
            {"id": 7, "text": {"headline": "", "text": "<p>Body</p>"}, "location": {"name": "Named", "lat": 3, "lon": 3}},
            {"id": "  ", "location": {"lat": 4, "lon": 4}},
            {"id": "a", "text": {"headline": "Repeated id"}, "location": {"lat": 5, "lon": 5}}
        ])));
        let rows: Vec<(&str, &str, &str)> = story
            .events()
            .map(|(p, e)| (p.name.as_str(), e.title.as_str(), e.id.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Place A", "Bold headline", "a"),
                ("Only a headline", "Only a headline", "b"),
                ("Named", "Named", "7"),
                ("Slide 5", "Slide 5", "place-3-1"),
                ("Repeated id", "Repeated id", "place-4-1"),
            ]
        );
        assert_eq!(
            story.events().nth(2).and_then(|(_, e)| e.summary.clone()),
            Some(RichText::plain("Body"))
        );
        assert!(story
            .events()
            .nth(3)
            .is_some_and(|(_, e)| e.summary.is_none()));
    }

    #[test]
    fn the_overview_is_the_story_not_an_event() {
        // An overview with a location (as in StoryMapJS's Mark Twain example) is still no event.
        let twain = story(json!({"storymap": {"slides": [
            {"type": "overview", "text": {"headline": "Mark <i>Twain</i>", "text": "A <b>life</b>."},
             "location": {"name": "Florida, Missouri", "lat": 39.49, "lon": -91.79}},
            {"text": {"headline": "Born"}, "date": 1835, "location": {"name": "Florida, Missouri", "lat": 39.49, "lon": -91.79}},
            {"type": "overview", "text": {"headline": "Later overview"}, "location": {"lat": 40, "lon": -74}}
        ]}}));
        assert_eq!(twain.title.as_deref(), Some("Mark Twain"));
        assert_eq!(
            twain.summary.as_ref().map(RichText::to_plain).as_deref(),
            Some("A life.")
        );
        assert_eq!(titles(&twain), ["Born", "Later overview"]);
        assert_eq!(
            twain.places[0].events[0].date.map(|d| d.iso()).as_deref(),
            Some("1835")
        );
        // Without an overview there is no title, and the first slide is an event.
        let story = story(json!({"slides": [at(json!(1), json!(2))]}));
        assert_eq!(
            (story.title, story.summary, story.places.len()),
            (None, None, 1)
        );
    }

    #[test]
    fn dates_are_read_loosely_or_kept_as_text() {
        let story = story(slides(json!([
            {"date": "August 23, 2005", "location": {"lat": 1, "lon": 1}},
            {"date": " Aug 2005 ", "location": {"lat": 1, "lon": 1}},
            {"date": "Aug 23", "location": {"lat": 1, "lon": 1}},
            {"date": "<b>1790</b>-2010", "location": {"lat": 1, "lon": 1}},
            {"date": "", "location": {"lat": 1, "lon": 1}},
            {"date": "February 30, 2005", "location": {"lat": 1, "lon": 1}}
        ])));
        let dates: Vec<(Option<String>, Option<&str>)> = story.places[0]
            .events
            .iter()
            .map(|e| (e.date.map(|d| d.iso()), e.date_text.as_deref()))
            .collect();
        assert_eq!(
            dates,
            [
                (Some("2005-08".into()), None),
                (Some("2005-08-23".into()), None),
                (None, Some("Aug 23")),
                (None, Some("1790-2010")),
                (None, None),
                (None, Some("February 30, 2005")),
            ]
        );
    }

    #[test]
    fn media_addresses_are_checked() {
        let with_media = |media: Value| {
            let mut slide = at(json!(1), json!(1));
            slide["media"] = media;
            read(&slides(json!([slide]))).expect("the slide shows")
        };
        let story = with_media(
            json!({"url": " photos/kim.jpg ", "caption": "<i>Kim</i> &amp; the car", "credit": "<a href='https://x.example'>AP</a>"}),
        );
        let media = &story.places[0].events[0].media[0];
        assert_eq!(media.url, "photos/kim.jpg");
        assert_eq!(media.caption.as_deref(), Some("Kim & the car"));
        assert_eq!(media.credit.as_deref(), Some("AP"));
        for bad in [
            "javascript:alert(1)",
            "<iframe src=\"https://x.example\"></iframe>",
            "//evil.example/x.jpg",
        ] {
            let story = with_media(json!({"url": bad}));
            assert!(story.places[0].events[0].media.is_empty());
            assert_eq!(
                story.notices,
                [StoryError::in_slide(
                    2,
                    "media.url",
                    ErrorKind::BadMediaAddress { url: bad.into() }
                )]
            );
        }
        for nothing in [
            json!({"url": ""}),
            json!({"url": null}),
            json!(null),
            json!("x.jpg"),
        ] {
            let story = with_media(nothing);
            assert!(story.places[0].events[0].media.is_empty() && story.notices.is_empty());
        }
    }

    #[test]
    fn the_line_follows_the_options_and_slides() {
        let line = |options: Value, slide_line: Value| {
            let mut value = slides(json!([{"location": {"lat": 1, "lon": 1, "line": slide_line}}]));
            if let (Some(storymap), Some(options)) =
                (value["storymap"].as_object_mut(), options.as_object())
            {
                storymap.extend(options.clone());
            }
            story(value).line
        };
        assert!(line(json!({}), json!(true)));
        assert!(line(json!({}), json!("true")));
        assert!(!line(json!({}), json!(null)));
        assert!(line(json!({"line": true}), json!(null)));
        assert!(line(json!({"show_lines": true}), json!(null)));
        assert!(!line(json!({"show_lines": false}), json!(true)));
        assert!(!line(json!({"map_as_image": true}), json!(true)));
        // Options beside `storymap` count too.
        let mut value = slides(json!([at(json!(1), json!(1))]));
        value["line"] = json!(true);
        assert!(story(value).line);
    }

    #[test]
    fn slide_text_html_never_reaches_the_story_as_markup() {
        let story = story(slides(json!([{
            "text": {
                "headline": "<img src=x onerror=alert(1)>Safe <script>alert(2)</script>title",
                "text": "<p onclick='alert(3)'>Body <a href='javascript:alert(4)'>link</a> <a href='https://ok.example/'>ok</a></p><script>alert(5)</script>"
            },
            "location": {"name": "<img src=x onerror=alert(6)>Place<svg><text>hidden</text></svg>", "lat": 1, "lon": 1}
        }])));
        let (place, event) = story.events().next().expect("event");
        assert_eq!(
            (place.name.as_str(), event.title.as_str()),
            ("Place", "Safe title")
        );
        let summary = event.summary.as_ref().expect("summary");
        assert_eq!(summary.to_plain(), "Body link ok");
        let json = summary.to_json().to_string();
        assert!(
            !json.contains("alert") && !json.contains("javascript"),
            "{json}"
        );
        assert!(json.contains("https://ok.example/"));
    }

    #[test]
    fn parser_errors_name_slides() {
        // What the parser could still refuse is named by slide, with the notices.
        let slides_of_features = [2, 5];
        let errors = name_slides(
            vec![
                StoryError::in_feature(1, Some("x"), "properties.title", ErrorKind::MissingTitle),
                StoryError::story("properties", ErrorKind::NoFeatures),
            ],
            &slides_of_features,
            vec![StoryError::in_slide(3, "location", ErrorKind::NoLocation)],
        );
        let named: Vec<(Part, Option<usize>)> =
            errors.iter().map(|e| (e.part, e.feature)).collect();
        assert_eq!(
            named,
            [
                (Part::Feature, None),
                (Part::Slide, Some(3)),
                (Part::Slide, Some(5))
            ]
        );
    }
}
