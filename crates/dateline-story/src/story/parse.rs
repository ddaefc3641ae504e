//! The entry points: story text or JSON value in, validated [`Story`] or
//! every problem found out.

use serde_json::Value;

use super::assemble::assemble;
use super::error::{ErrorKind, StoryError};
use super::feature::read_feature;
use super::fields::{describe, expected, Scope};
use super::model::Story;
use super::rich_text::RichText;

/// Parses a story from GeoJSON text; see [`parse_value`] for what is checked.
///
/// Text that is not JSON gives one [`ErrorKind::InvalidJson`] error with the
/// line and column of the problem.
///
/// # Examples
///
/// ```
/// use dateline_story::story::{parse, Precision};
///
/// let story = parse(r#"{
///   "type": "FeatureCollection",
///   "properties": {"title": "Aurus"},
///   "features": [{
///     "type": "Feature", "id": "zhukovsky",
///     "geometry": {"type": "Point", "coordinates": [38.15, 55.5533]},
///     "properties": {"name": "Zhukovsky", "events": [
///       {"id": "maks", "date": "2019-08", "title": "MAKS air show"}
///     ]}
///   }]
/// }"#).map_err(|errors| errors[0].to_string())?;
/// let place = &story.places[0];
/// assert_eq!((place.id.as_str(), place.lon, place.lat), ("zhukovsky", 38.15, 55.5533));
/// let event = &place.events[0];
/// assert_eq!(event.date.map(|d| d.precision()), Some(Precision::Month));
///
/// let errors = parse(r#"{"type": "FeatureCollection", "features": []}"#).unwrap_err();
/// assert_eq!(
///     errors[0].to_string(),
///     "Story, field \"features\": the story has no places; add at least one Point Feature to \"features\"."
/// );
/// # Ok::<(), String>(())
/// ```
pub fn parse(text: &str) -> Result<Story, Vec<StoryError>> {
    parse_value(&read_json(text)?)
}

/// JSON text as a value, or the one error saying where it is not JSON.
/// A leading byte-order mark is skipped.
pub fn read_json(text: &str) -> Result<Value, Vec<StoryError>> {
    // Editors on Windows often save a byte-order mark, which JSON does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| vec![json_error(&e)])
}

fn json_error(e: &serde_json::Error) -> StoryError {
    let (line, column) = (e.line(), e.column());
    // serde_json appends the position to its message; we give it separately.
    let full = e.to_string();
    let message = full
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&full)
        .to_string();
    StoryError::story(
        "",
        ErrorKind::InvalidJson {
            line,
            column,
            message,
        },
    )
}

/// Validates a parsed GeoJSON value and builds the [`Story`].
///
/// The value must be a FeatureCollection of Point Features, each either a
/// place with `properties.name` and `properties.events`, or (without
/// `events`) a single event. All problems are collected, in feature order,
/// each naming the feature and field; the story is returned only if there
/// are none. The format is described in `docs/story-format.md`.
pub fn parse_value(value: &Value) -> Result<Story, Vec<StoryError>> {
    let collection = match value {
        Value::Object(obj)
            if obj.get("type").and_then(Value::as_str) == Some("FeatureCollection") =>
        {
            obj
        }
        other => {
            return Err(vec![StoryError::story(
                "",
                ErrorKind::NotFeatureCollection {
                    found: describe_top(other),
                },
            )])
        }
    };

    let mut errors = Vec::new();
    let (title, summary, line) = read_story_properties(collection.get("properties"), &mut errors);
    let features = match collection.get("features") {
        Some(Value::Array(features)) if features.is_empty() => {
            errors.push(StoryError::story("features", ErrorKind::NoFeatures));
            return Err(errors);
        }
        Some(Value::Array(features)) => features,
        None | Some(Value::Null) => {
            errors.push(StoryError::story(
                "features",
                ErrorKind::MissingField {
                    expected: expected::FEATURES,
                },
            ));
            return Err(errors);
        }
        Some(other) => {
            errors.push(StoryError::story(
                "features",
                ErrorKind::WrongType {
                    expected: expected::FEATURES,
                    found: describe(other),
                },
            ));
            return Err(errors);
        }
    };

    let drafts = features
        .iter()
        .enumerate()
        .filter_map(|(i, f)| read_feature(i, f, &mut errors))
        .collect();
    let story = assemble(title, summary, line, drafts, &mut errors);
    if errors.is_empty() {
        Ok(story)
    } else {
        // Stable: story-wide errors first, then feature by feature, each in the order found.
        crate::sorting::sort_by(&mut errors, |a, b| a.feature.cmp(&b.feature));
        Err(errors)
    }
}

fn read_story_properties(
    properties: Option<&Value>,
    errors: &mut Vec<StoryError>,
) -> (Option<String>, Option<RichText>, bool) {
    let mut scope = Scope::story(errors);
    match properties {
        None | Some(Value::Null) => (None, None, false),
        Some(Value::Object(props)) => (
            scope.text(props, "properties", "title").ok().flatten(),
            scope
                .rich_text(props, "properties", "summary")
                .ok()
                .flatten(),
            scope.flag(props, "properties", "line"),
        ),
        Some(other) => {
            scope.report(
                "properties",
                ErrorKind::WrongType {
                    expected: expected::PROPERTIES,
                    found: describe(other),
                },
            );
            (None, None, false)
        }
    }
}

const GEOMETRY_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

/// What the top-level value is, for an error saying it is not a collection.
fn describe_top(value: &Value) -> String {
    let Value::Object(obj) = value else {
        return describe(value);
    };
    match obj.get("type") {
        Some(Value::String(t)) if t == "Feature" => "a single Feature".into(),
        Some(Value::String(t)) if GEOMETRY_TYPES.contains(&t.as_str()) => {
            format!("a bare {t} geometry")
        }
        Some(Value::String(t)) => format!("an object with \"type\": {t:?}"),
        Some(other) => format!("an object whose \"type\" is {}", describe(other)),
        None => "an object without a \"type\"".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{Axis, DateError, PartialDate, Precision};
    use serde_json::json;

    fn collection(features: Value) -> Value {
        json!({"type": "FeatureCollection", "features": features})
    }

    fn pt(lon: f64, lat: f64) -> Value {
        json!({"type": "Point", "coordinates": [lon, lat]})
    }

    fn errors_of(value: Value) -> Vec<StoryError> {
        parse_value(&value).unwrap_err()
    }

    #[test]
    fn invalid_json_gives_line_and_column() {
        let errors = parse("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [] \"x\"\n}")
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        let e = &errors[0];
        assert_eq!((e.feature, e.field.as_str()), (None, ""));
        assert_eq!(
            e.kind,
            ErrorKind::InvalidJson {
                line: 3,
                column: 18,
                message: "expected `,` or `}`".into()
            }
        );
        assert_eq!(
            e.to_string(),
            "Story: not valid JSON at line 3, column 18: expected `,` or `}`."
        );
    }

    #[test]
    fn huge_numbers_are_invalid_json() {
        let text = r#"{"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1e999, 0]}, "properties": {"title": "x"}}]}"#;
        let errors = parse(text).unwrap_err();
        assert!(
            matches!(&errors[0].kind, ErrorKind::InvalidJson { line: 2, message, .. } if message == "number out of range"),
            "{errors:?}"
        );
    }

    #[test]
    fn empty_and_garbage_text_do_not_panic() {
        for text in [
            "",
            "   ",
            "nul",
            "<html>",
            "{",
            "[",
            "\u{feff}{}",
            "\"\\ud800\"",
        ] {
            let errors = parse(text).unwrap_err();
            assert_eq!(errors.len(), 1, "{text:?}");
            assert!(
                matches!(
                    errors[0].kind,
                    ErrorKind::InvalidJson { .. } | ErrorKind::NotFeatureCollection { .. }
                ),
                "{text:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let text = "\u{feff}{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\",
            \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2]}, \"properties\": {\"title\": \"x\"}}]}";
        let story = parse(text).unwrap();
        assert_eq!(story.places[0].events[0].title, "x");
    }

    #[test]
    fn not_a_feature_collection() {
        for (value, found) in [
            (
                json!({"type": "Feature", "geometry": pt(1.0, 2.0), "properties": {}}),
                "a single Feature",
            ),
            (json!([]), "an empty array"),
            (json!([{"type": "Feature"}]), "an array"),
            (
                json!({"type": "Topology", "objects": {}}),
                "an object with \"type\": \"Topology\"",
            ),
            (pt(1.0, 2.0), "a bare Point geometry"),
            (json!({"features": []}), "an object without a \"type\""),
            (
                json!({"type": 3}),
                "an object whose \"type\" is the number 3",
            ),
            (json!("story"), "the text \"story\""),
            (json!(null), "null"),
        ] {
            let errors = errors_of(value);
            assert_eq!(errors.len(), 1);
            assert_eq!(
                errors[0].kind,
                ErrorKind::NotFeatureCollection {
                    found: found.into()
                }
            );
            assert_eq!(errors[0].feature, None);
            let msg = errors[0].to_string();
            assert!(
                msg.starts_with("Story: the story must be a GeoJSON FeatureCollection"),
                "{msg}"
            );
            assert!(msg.ends_with(&format!("but this is {found}.")), "{msg}");
        }
    }

    #[test]
    fn no_features() {
        let errors = errors_of(collection(json!([])));
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].feature, errors[0].field.as_str()),
            (None, "features")
        );
        assert_eq!(errors[0].kind, ErrorKind::NoFeatures);
        assert!(errors[0].to_string().contains("the story has no places"));
    }

    #[test]
    fn features_missing_or_not_an_array() {
        let errors = errors_of(json!({"type": "FeatureCollection"}));
        assert_eq!(
            errors[0].kind,
            ErrorKind::MissingField {
                expected: expected::FEATURES
            }
        );
        assert_eq!(errors[0].field, "features");
        assert!(errors[0]
            .to_string()
            .contains("it must be an array of Point Features"));
        let errors =
            errors_of(json!({"type": "FeatureCollection", "features": {"type": "Feature"}}));
        assert_eq!(
            errors[0].kind,
            ErrorKind::WrongType {
                expected: expected::FEATURES,
                found: "an object".into()
            }
        );
    }

    #[test]
    fn story_properties() {
        let mut v = collection(
            json!([{"type": "Feature", "geometry": pt(1.0, 2.0), "properties": {"title": "A"}}]),
        );
        v["properties"] = json!({"title": " Aurus ", "summary": "A car.", "other": 1});
        let story = parse_value(&v).unwrap();
        assert_eq!(story.title.as_deref(), Some("Aurus"));
        assert_eq!(
            story
                .summary
                .as_ref()
                .map(crate::story::RichText::to_plain)
                .as_deref(),
            Some("A car.")
        );

        v["properties"] = json!({"title": 5});
        let errors = errors_of(v.clone());
        assert_eq!(
            (errors[0].feature, errors[0].field.as_str()),
            (None, "properties.title")
        );
        assert!(errors[0]
            .to_string()
            .starts_with("Story, field \"properties.title\": expected text"));

        v["properties"] = json!("Aurus");
        let errors = errors_of(v);
        assert_eq!(errors[0].field, "properties");
        assert!(matches!(
            errors[0].kind,
            ErrorKind::WrongType {
                expected: expected::PROPERTIES,
                ..
            }
        ));
    }

    #[test]
    fn canonical_story() {
        let story = parse_value(&collection(json!([
            {"type": "Feature", "id": "moscow", "geometry": pt(37.6175, 55.752),
             "properties": {"name": "Moscow", "events": [
                {"id": "guests", "title": "Guests see the car"},
                {"id": "gift", "date": "2024-02-20", "title": "Gift",
                 "people": ["Vladimir Putin", "Kim Jong Un"],
                 "source": {"name": "TASS", "url": "https://tass.com/politics/1749135", "date": "2024-02-20", "quote": "Q"}},
                {"id": "inauguration", "date": "2018-05-07", "title": "Inauguration"}
             ]}},
            {"type": "Feature", "id": "vostochny", "geometry": pt(128.3339, 51.8844),
             "properties": {"name": "Vostochny Cosmodrome", "events": [{"id": "kim-sees", "date": "2023-09", "title": "Kim"}]}}
        ])))
        .unwrap();
        assert_eq!(story.places.len(), 2);
        let moscow = &story.places[0];
        assert_eq!(
            (moscow.id.as_str(), moscow.name.as_str()),
            ("moscow", "Moscow")
        );
        let ids: Vec<&str> = moscow.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["inauguration", "gift", "guests"]);
        let gift = &moscow.events[1];
        assert_eq!(gift.people, ["Vladimir Putin", "Kim Jong Un"]);
        assert_eq!(gift.source.as_ref().map(|s| s.name.as_str()), Some("TASS"));
        let (place, kim) = story.event("kim-sees").unwrap();
        assert_eq!(place.name, "Vostochny Cosmodrome");
        assert_eq!(kim.date.map(|d| d.precision()), Some(Precision::Month));
    }

    #[test]
    fn geojson_io_points() {
        // What geojson.io exports: no ids, `name` and `description`, styling properties.
        let story = parse_value(&collection(json!([
            {"type": "Feature", "properties": {"name": "Inauguration", "date": "2018-05-07",
                "description": "Putin rides the Aurus.", "marker-color": "#7e7e7e"},
             "geometry": {"coordinates": [37.6175, 55.752], "type": "Point"}},
            {"type": "Feature", "properties": {"name": "Air show", "date": "2019-08", "place": "Zhukovsky"},
             "geometry": {"coordinates": [38.15, 55.5533], "type": "Point"}},
            {"type": "Feature", "properties": {"name": "Gift to Kim", "date": "2024-02-20", "place": "Kremlin"},
             "geometry": {"coordinates": [37.6175, 55.752], "type": "Point"}},
            {"type": "Feature", "properties": {"title": "Undated", "name": "Moscow"},
             "geometry": {"coordinates": [37.6175, 55.752], "type": "Point"}},
        ])))
        .unwrap();
        assert_eq!(story.places.len(), 2);
        let moscow = &story.places[0];
        // The first feature names the merged place.
        assert_eq!(
            (moscow.id.as_str(), moscow.name.as_str()),
            ("place-0", "Inauguration")
        );
        let events: Vec<(&str, &str, Option<String>)> = moscow
            .events
            .iter()
            .map(|e| (e.id.as_str(), e.title.as_str(), e.date.map(|d| d.iso())))
            .collect();
        assert_eq!(
            events,
            [
                ("place-0-1", "Inauguration", Some("2018-05-07".into())),
                ("place-0-2", "Gift to Kim", Some("2024-02-20".into())),
                ("place-0-3", "Undated", None),
            ]
        );
        assert_eq!(
            moscow.events[0]
                .summary
                .as_ref()
                .map(crate::story::RichText::to_plain)
                .as_deref(),
            Some("Putin rides the Aurus.")
        );
        let zhukovsky = &story.places[1];
        assert_eq!(
            (zhukovsky.id.as_str(), zhukovsky.name.as_str()),
            ("place-1", "Zhukovsky")
        );
        assert_eq!(zhukovsky.events[0].id, "place-1-1");
    }

    #[test]
    fn feature_ids_become_place_and_event_ids() {
        let story = parse_value(&collection(json!([
            {"type": "Feature", "id": 101, "geometry": pt(1.0, 2.0), "properties": {"title": "A"}},
            {"type": "Feature", "id": "b", "geometry": pt(1.0, 2.0), "properties": {"title": "B", "date": "2000"}},
        ])))
        .unwrap();
        let place = &story.places[0];
        assert_eq!(place.id, "101");
        let ids: Vec<&str> = place.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "101"]);
    }

    #[test]
    fn duplicate_ids_across_the_story() {
        let errors = errors_of(collection(json!([
            {"type": "Feature", "id": "moscow", "geometry": pt(1.0, 2.0),
             "properties": {"name": "M", "events": [{"id": "gift", "title": "A"}]}},
            {"type": "Feature", "id": "ashgabat", "geometry": pt(3.0, 4.0),
             "properties": {"name": "A", "events": [{"id": "gift", "title": "B"}]}},
            {"type": "Feature", "id": "moscow", "geometry": pt(5.0, 6.0),
             "properties": {"name": "M2", "events": [{"title": "C"}]}},
        ])));
        let got: Vec<(Option<usize>, &str, &ErrorKind)> = errors
            .iter()
            .map(|e| (e.feature, e.field.as_str(), &e.kind))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some(1),
                    "properties.events[0].id",
                    &ErrorKind::DuplicateId {
                        id: "gift".into(),
                        first_feature: 0
                    }
                ),
                (
                    Some(2),
                    "id",
                    &ErrorKind::DuplicateId {
                        id: "moscow".into(),
                        first_feature: 0
                    }
                ),
            ]
        );
        assert_eq!(
            errors[0].to_string(),
            "Feature 1 (id \"ashgabat\"), field \"properties.events[0].id\": the id \"gift\" is already used by feature 0; place ids and event ids must each be unique in the story."
        );
    }

    #[test]
    fn collects_all_errors_in_feature_order() {
        let errors = errors_of(json!({
            "type": "FeatureCollection",
            "properties": {"summary": ["not text"]},
            "features": [
                {"type": "Feature", "id": "a", "geometry": pt(1.0, 2.0),
                 "properties": {"name": "A", "events": [{"id": "e", "title": "T", "date": "2019-13"}]}},
                {"type": "Feature", "id": "b", "geometry": null, "properties": {"title": "B"}},
                "not a feature",
                {"type": "Feature", "id": "c", "geometry": pt(1.0, 95.0),
                 "properties": {"events": [{"id": "e", "title": "X", "source": {"name": "S", "url": "javascript:x"}}]}},
                {"type": "Feature", "id": "a", "geometry": pt(7.0, 7.0), "properties": {"title": "ok"}}
            ]
        }));
        let got: Vec<(Option<usize>, Option<&str>, &str)> = errors
            .iter()
            .map(|e| (e.feature, e.feature_id.as_deref(), e.field.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (None, None, "properties.summary"),
                (Some(0), Some("a"), "properties.events[0].date"),
                (Some(1), Some("b"), "geometry"),
                (Some(2), None, ""),
                (Some(3), Some("c"), "geometry.coordinates"),
                (Some(3), Some("c"), "properties.name"),
                (Some(3), Some("c"), "properties.events[0].source.url"),
                (Some(3), Some("c"), "properties.events[0].id"),
                (Some(4), Some("a"), "id"),
            ]
        );
        assert_eq!(
            errors[1].kind,
            ErrorKind::BadDate(DateError::MonthOutOfRange {
                input: "2019-13".into(),
                month: 13
            })
        );
        assert_eq!(
            errors[4].kind,
            ErrorKind::OutOfRange {
                axis: Axis::Latitude,
                value: 95.0,
                min: -90.0,
                max: 90.0
            }
        );
    }

    #[test]
    fn keeps_text_as_given() {
        let story = parse_value(&collection(json!([
            {"type": "Feature", "geometry": pt(1.0, 2.0),
             "properties": {"title": "  <img src=x onerror=alert(1)>  ", "description": "a &amp; b\n\nc"}}
        ])))
        .unwrap();
        let e = &story.places[0].events[0];
        assert_eq!(e.title, "<img src=x onerror=alert(1)>");
        assert_eq!(
            e.summary
                .as_ref()
                .map(crate::story::RichText::to_plain)
                .as_deref(),
            Some("a &amp; b\n\nc")
        );
        assert_eq!(e.date, None::<PartialDate>);
    }
}
