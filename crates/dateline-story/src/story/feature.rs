//! Reading one GeoJSON Feature: its point, its place name and its events,
//! in either the canonical shape (`properties.events`) or the one-event shape
//! that tools like geojson.io produce.

use serde_json::{Map, Value};

use super::date::PartialDate;
use super::error::{Axis, ErrorKind, StoryError};
use super::fields::{compact, describe, expected, join, Reported, Scope};
use super::link::link_host;
use super::media::Media;
use super::model::Source;
use super::rich_text::RichText;

/// What one feature contributes, as far as it could be read. Parts that had
/// errors are `None` or left out; their errors are already recorded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FeatureDraft {
    /// Position in the collection's `features`.
    pub index: usize,
    /// The feature's own `id`.
    pub id: Option<String>,
    pub name: Option<String>,
    /// `(lon, lat)`, checked.
    pub point: Option<(f64, f64)>,
    pub events: Vec<EventDraft>,
}

/// One event as read, before ids are generated and events sorted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventDraft {
    /// The explicit id, if any.
    pub id: Option<String>,
    /// Whether `id` is the feature's id (one-event features), which is
    /// already checked for duplicates among features.
    pub id_from_feature: bool,
    /// Where the id is written, for duplicate-id errors.
    pub id_field: String,
    pub title: Option<String>,
    pub date: Option<PartialDate>,
    pub date_text: Option<String>,
    pub summary: Option<RichText>,
    pub people: Vec<String>,
    pub source: Option<Source>,
    pub media: Vec<Media>,
    /// Position among all events of the input, in file order (set when the story is assembled).
    pub order: usize,
}

/// Reads the feature at `index`, recording its problems in `errors`.
/// Returns `None` when it is not a Feature at all.
pub(crate) fn read_feature(
    index: usize,
    value: &Value,
    errors: &mut Vec<StoryError>,
) -> Option<FeatureDraft> {
    let mut scope = Scope::feature(index, errors);
    let obj = match value {
        Value::Object(obj) if obj.get("type").and_then(Value::as_str) == Some("Feature") => obj,
        other => {
            scope.report(
                "",
                ErrorKind::NotFeature {
                    found: describe_feature(other),
                },
            );
            return None;
        }
    };
    let id = scope.id(obj.get("id"), "id").ok().flatten();
    scope.set_feature_id(id.clone());
    let point = read_point(&mut scope, obj.get("geometry"));

    let empty = Map::new();
    let props = match obj.get("properties") {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(props)) => props,
        Some(other) => {
            scope.report(
                "properties",
                ErrorKind::WrongType {
                    expected: expected::PROPERTIES,
                    found: describe(other),
                },
            );
            return Some(FeatureDraft {
                index,
                id,
                name: None,
                point,
                events: Vec::new(),
            });
        }
    };

    let (name, events) = match props.get("events") {
        None | Some(Value::Null) => read_single_event(&mut scope, props, id.as_deref()),
        Some(Value::Array(items)) => read_place_with_events(&mut scope, props, items),
        Some(other) => {
            scope.report(
                "properties.events",
                ErrorKind::WrongType {
                    expected: expected::EVENTS,
                    found: describe(other),
                },
            );
            (required_name(&mut scope, props), Vec::new())
        }
    };
    Some(FeatureDraft {
        index,
        id,
        name,
        point,
        events,
    })
}

fn describe_feature(value: &Value) -> String {
    match value {
        Value::Object(obj) => match obj.get("type") {
            Some(Value::String(t)) => format!("an object with \"type\": {t:?}"),
            Some(other) => format!("an object whose \"type\" is {}", describe(other)),
            None => "an object without a \"type\"".into(),
        },
        other => describe(other),
    }
}

/// Checks that a coordinate is finite and within range for its axis.
pub(crate) fn check_axis(axis: Axis, value: f64) -> Result<f64, ErrorKind> {
    let (min, max) = axis.range();
    if !value.is_finite() {
        Err(ErrorKind::NonFinite { axis })
    } else if value < min || value > max {
        Err(ErrorKind::OutOfRange {
            axis,
            value,
            min,
            max,
        })
    } else {
        Ok(value)
    }
}

fn read_point(scope: &mut Scope, geometry: Option<&Value>) -> Option<(f64, f64)> {
    let geometry = match geometry {
        None | Some(Value::Null) => {
            scope.report("geometry", ErrorKind::MissingGeometry);
            return None;
        }
        Some(Value::Object(g)) => g,
        Some(other) => {
            scope.report(
                "geometry",
                ErrorKind::WrongType {
                    expected: expected::GEOMETRY,
                    found: describe(other),
                },
            );
            return None;
        }
    };
    let found_type = match geometry.get("type") {
        Some(Value::String(t)) if t == "Point" => None,
        Some(Value::String(t)) => Some(format!("{t:?}")),
        None => Some("missing".to_string()),
        Some(other) => Some(describe(other)),
    };
    if let Some(found) = found_type {
        scope.report("geometry.type", ErrorKind::NotPoint { found });
        return None;
    }
    const FIELD: &str = "geometry.coordinates";
    let numbers: Option<Vec<f64>> = match geometry.get("coordinates") {
        Some(Value::Array(items)) if (2..=3).contains(&items.len()) => {
            items.iter().map(Value::as_f64).collect()
        }
        _ => None,
    };
    let Some(numbers) = numbers else {
        let found = geometry
            .get("coordinates")
            .map_or_else(|| "missing".to_string(), compact);
        scope.report(FIELD, ErrorKind::BadCoordinates { found });
        return None;
    };
    // Report both axes before giving up, so a swapped pair shows both problems.
    let lon = numbers.first().map(|&v| check_axis(Axis::Longitude, v));
    let lat = numbers.get(1).map(|&v| check_axis(Axis::Latitude, v));
    match (lon, lat) {
        (Some(Ok(lon)), Some(Ok(lat))) => Some((lon, lat)),
        (lon, lat) => {
            for kind in [lon, lat].into_iter().flatten().filter_map(Result::err) {
                scope.report(FIELD, kind);
            }
            None
        }
    }
}

fn required_name(scope: &mut Scope, props: &Map<String, Value>) -> Option<String> {
    match scope.text(props, "properties", "name") {
        Ok(Some(name)) => Some(name),
        Ok(None) => {
            scope.report("properties.name", ErrorKind::MissingName);
            None
        }
        Err(Reported) => None,
    }
}

/// The canonical shape: a named place with an array of events.
fn read_place_with_events(
    scope: &mut Scope,
    props: &Map<String, Value>,
    items: &[Value],
) -> (Option<String>, Vec<EventDraft>) {
    let name = required_name(scope, props);
    if items.is_empty() {
        scope.report("properties.events", ErrorKind::NoEvents);
    }
    let mut events = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate() {
        let prefix = format!("properties.events[{k}]");
        match item {
            Value::Object(event) => events.push(read_event(scope, event, &prefix)),
            other => {
                scope.report(
                    prefix,
                    ErrorKind::WrongType {
                        expected: expected::EVENT,
                        found: describe(other),
                    },
                );
            }
        }
    }
    (name, events)
}

fn read_event(scope: &mut Scope, event: &Map<String, Value>, prefix: &str) -> EventDraft {
    let id_field = join(prefix, "id");
    let id = scope.id(event.get("id"), &id_field).ok().flatten();
    let date = scope.date(event, prefix, "date").ok().flatten();
    let title = match scope.text(event, prefix, "title") {
        Ok(Some(title)) => Some(title),
        Ok(None) => {
            scope.report(join(prefix, "title"), ErrorKind::MissingTitle);
            None
        }
        Err(Reported) => None,
    };
    let date_text = scope.text(event, prefix, "date_text").ok().flatten();
    let summary = scope.rich_text(event, prefix, "summary").ok().flatten();
    let people = scope.people(event, prefix, "people");
    let source = read_source(scope, event.get("source"), &join(prefix, "source"));
    let media = scope.media(event, prefix, "media");
    EventDraft {
        id,
        id_from_feature: false,
        id_field,
        title,
        date,
        date_text,
        summary,
        people,
        source,
        media,
        order: 0,
    }
}

/// The one-event shape: the feature's properties are the event, and the
/// place is named by `place`, else `name`, else the title.
fn read_single_event(
    scope: &mut Scope,
    props: &Map<String, Value>,
    feature_id: Option<&str>,
) -> (Option<String>, Vec<EventDraft>) {
    const P: &str = "properties";
    let title_field = scope.text(props, P, "title");
    let name_field = scope.text(props, P, "name");
    let title = match (&title_field, &name_field) {
        (Ok(Some(title)), _) => Some(title.clone()),
        (Ok(None), Ok(Some(name))) => Some(name.clone()),
        (Ok(None), Ok(None)) => {
            scope.report("properties.title", ErrorKind::MissingTitle);
            None
        }
        _ => None,
    };
    let place_name = match scope.text(props, P, "place") {
        Ok(Some(place)) => Some(place),
        Ok(None) => name_field.ok().flatten().or_else(|| title.clone()),
        Err(Reported) => None,
    };
    let date = scope.date(props, P, "date").ok().flatten();
    let date_text = scope.text(props, P, "date_text").ok().flatten();
    let summary = match scope.rich_text(props, P, "summary") {
        Ok(None) => scope.rich_text(props, P, "description").ok().flatten(),
        summary => summary.ok().flatten(),
    };
    let media = scope.media(props, P, "media");
    let people = scope.people(props, P, "people");
    let source = read_source(scope, props.get("source"), "properties.source");
    let url = scope.link(props, P, "url").ok().flatten();
    let source = match (source, url) {
        (Some(source), Some(url)) if source.url.is_none() => Some(Source {
            url: Some(url),
            ..source
        }),
        (None, Some(url)) => link_host(&url).map(|host| Source {
            name: host.to_string(),
            url: Some(url.clone()),
            date: None,
            quote: None,
        }),
        (source, _) => source,
    };
    let event = EventDraft {
        id: feature_id.map(str::to_string),
        id_from_feature: true,
        id_field: "id".into(),
        title,
        date,
        date_text,
        summary,
        people,
        source,
        media,
        order: 0,
    };
    (place_name, vec![event])
}

fn read_source(scope: &mut Scope, value: Option<&Value>, path: &str) -> Option<Source> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => {
            let name = name.trim();
            (!name.is_empty()).then(|| Source {
                name: name.to_string(),
                url: None,
                date: None,
                quote: None,
            })
        }
        Some(Value::Object(source)) => {
            let name = scope.text(source, path, "name");
            let url = scope.link(source, path, "url");
            let date = scope.date(source, path, "date");
            let quote = scope.text(source, path, "quote");
            let name = match name {
                Ok(Some(name)) => name,
                Ok(None) => {
                    scope.report(join(path, "name"), ErrorKind::MissingSourceName);
                    return None;
                }
                Err(Reported) => return None,
            };
            Some(Source {
                name,
                url: url.ok().flatten(),
                date: date.ok().flatten(),
                quote: quote.ok().flatten(),
            })
        }
        Some(other) => {
            scope.report(
                path,
                ErrorKind::WrongType {
                    expected: expected::SOURCE,
                    found: describe(other),
                },
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(v: Value) -> (Option<FeatureDraft>, Vec<StoryError>) {
        let mut errors = vec![];
        let draft = read_feature(5, &v, &mut errors);
        (draft, errors)
    }

    fn point(lon: f64, lat: f64) -> Value {
        json!({"type": "Point", "coordinates": [lon, lat]})
    }

    /// The single error's kind and field, checking it names feature 5 and `id`.
    fn only_error(v: Value, id: Option<&str>) -> (ErrorKind, String) {
        let (_, errors) = read(v);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let e = &errors[0];
        assert_eq!(e.feature, Some(5));
        assert_eq!(e.feature_id.as_deref(), id);
        (e.kind.clone(), e.field.clone())
    }

    fn message(v: Value) -> String {
        let (_, errors) = read(v);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        errors[0].to_string()
    }

    #[test]
    fn reads_canonical_place() {
        let (draft, errors) = read(json!({
            "type": "Feature", "id": "moscow", "geometry": point(37.6175, 55.752),
            "properties": {"name": " Moscow ", "events": [
                {"id": "e1", "date": "2018-05-07", "title": "Inauguration",
                 "summary": "S", "people": ["Vladimir Putin"],
                 "source": {"name": "TASS", "url": "https://tass.com/", "date": "2024-02-20", "quote": " Q "}},
                {"title": "Guests"}
            ]}
        }));
        assert!(errors.is_empty(), "{errors:#?}");
        let draft = draft.unwrap();
        assert_eq!(draft.id.as_deref(), Some("moscow"));
        assert_eq!(draft.name.as_deref(), Some("Moscow"));
        assert_eq!(draft.point, Some((37.6175, 55.752)));
        assert_eq!(draft.events.len(), 2);
        let e = &draft.events[0];
        assert_eq!(e.id.as_deref(), Some("e1"));
        assert!(!e.id_from_feature);
        assert_eq!(e.date, PartialDate::parse("2018-05-07").ok());
        assert_eq!(e.people, ["Vladimir Putin"]);
        let source = e.source.as_ref().unwrap();
        assert_eq!(source.url.as_deref(), Some("https://tass.com/"));
        assert_eq!(source.quote.as_deref(), Some("Q"));
        assert_eq!(source.date, PartialDate::parse("2024-02-20").ok());
        assert_eq!(draft.events[1].id, None);
        assert_eq!(draft.events[1].date, None);
    }

    #[test]
    fn reads_geojson_io_point_as_one_event() {
        let (draft, errors) = read(json!({
            "type": "Feature", "geometry": {"type": "Point", "coordinates": [58.3261, 37.9601, 219.0]},
            "properties": {"name": "Ashgabat", "date": "2019", "description": "A white limousine.",
                           "marker-color": "#7e7e7e"}
        }));
        assert!(errors.is_empty(), "{errors:#?}");
        let draft = draft.unwrap();
        assert_eq!(draft.name.as_deref(), Some("Ashgabat"));
        assert_eq!(draft.point, Some((58.3261, 37.9601)));
        let e = &draft.events[0];
        assert_eq!(e.title.as_deref(), Some("Ashgabat"));
        assert_eq!(
            e.summary.as_ref().map(RichText::to_plain).as_deref(),
            Some("A white limousine.")
        );
        assert_eq!(e.id, None);
        assert!(e.id_from_feature);
    }

    #[test]
    fn one_event_shape_prefers_title_place_and_summary() {
        let (draft, _) = read(json!({
            "type": "Feature", "id": 17, "geometry": point(1.0, 2.0),
            "properties": {"title": "T", "name": "N", "place": "P", "summary": "S",
                           "description": "D", "source": "TASS",
                           "url": "https://tass.com/politics/1749135"}
        }));
        let draft = draft.unwrap();
        assert_eq!(draft.name.as_deref(), Some("P"));
        let e = &draft.events[0];
        assert_eq!(e.id.as_deref(), Some("17"));
        assert_eq!(e.title.as_deref(), Some("T"));
        assert_eq!(
            e.summary
                .as_ref()
                .map(crate::story::RichText::to_plain)
                .as_deref(),
            Some("S")
        );
        let source = e.source.as_ref().unwrap();
        assert_eq!(source.name, "TASS");
        assert_eq!(
            source.url.as_deref(),
            Some("https://tass.com/politics/1749135")
        );

        // Place falls back to name, then to the title.
        let (draft, _) = read(json!({"type": "Feature", "geometry": point(1.0, 2.0),
            "properties": {"title": "T", "name": "N"}}));
        assert_eq!(draft.unwrap().name.as_deref(), Some("N"));
        let (draft, _) = read(json!({"type": "Feature", "geometry": point(1.0, 2.0),
            "properties": {"title": "T"}}));
        assert_eq!(draft.unwrap().name.as_deref(), Some("T"));

        // A bare url becomes the source, named by its host.
        let (draft, _) = read(json!({"type": "Feature", "geometry": point(1.0, 2.0),
            "properties": {"title": "T", "url": "https://tass.com/x"}}));
        let source = draft.unwrap().events[0].source.clone().unwrap();
        assert_eq!(
            (source.name.as_str(), source.url.as_deref()),
            ("tass.com", Some("https://tass.com/x"))
        );
    }

    #[test]
    fn not_a_feature() {
        for (value, found) in [
            (json!([1, 2]), "an array"),
            (
                json!({"type": "Point", "coordinates": [1, 2]}),
                "an object with \"type\": \"Point\"",
            ),
            (json!({"geometry": null}), "an object without a \"type\""),
            (json!("Moscow"), "the text \"Moscow\""),
        ] {
            let (draft, errors) = read(value);
            assert!(draft.is_none());
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].field, "");
            assert_eq!(
                errors[0].kind,
                ErrorKind::NotFeature {
                    found: found.into()
                }
            );
            assert!(errors[0]
                .to_string()
                .contains("an object with \"type\": \"Feature\""));
        }
    }

    #[test]
    fn missing_geometry() {
        for v in [
            json!({"type": "Feature", "id": "x", "geometry": null, "properties": {"title": "T"}}),
            json!({"type": "Feature", "id": "x", "properties": {"title": "T"}}),
        ] {
            let (kind, field) = only_error(v.clone(), Some("x"));
            assert_eq!(
                (kind, field.as_str()),
                (ErrorKind::MissingGeometry, "geometry")
            );
            assert!(message(v).contains("Point geometry with coordinates [longitude, latitude]"));
        }
        // Geometry of the wrong JSON type.
        let v = json!({"type": "Feature", "geometry": "37.6, 55.7", "properties": {"title": "T"}});
        let (kind, field) = only_error(v, None);
        assert_eq!(field, "geometry");
        assert!(matches!(
            kind,
            ErrorKind::WrongType {
                expected: expected::GEOMETRY,
                ..
            }
        ));
    }

    #[test]
    fn not_point() {
        let v = json!({"type": "Feature", "id": "route",
            "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            "properties": {"title": "T"}});
        let (kind, field) = only_error(v.clone(), Some("route"));
        assert_eq!(
            kind,
            ErrorKind::NotPoint {
                found: "\"LineString\"".into()
            }
        );
        assert_eq!(field, "geometry.type");
        assert_eq!(
            message(v),
            "Feature 5 (id \"route\"), field \"geometry.type\": the geometry type is \"LineString\", but only \"Point\" is supported; mark each place with one Point at [longitude, latitude]."
        );
        let v = json!({"type": "Feature", "geometry": {"coordinates": [0, 0]}, "properties": {"title": "T"}});
        assert_eq!(
            only_error(v, None).0,
            ErrorKind::NotPoint {
                found: "missing".into()
            }
        );
    }

    #[test]
    fn bad_coordinates() {
        for (coords, found) in [
            (json!(["37.6", 55.7]), "[\"37.6\",55.7]"),
            (json!([37.6]), "[37.6]"),
            (json!([1, 2, 3, 4]), "[1,2,3,4]"),
            (json!({"lon": 1, "lat": 2}), "{\"lat\":2,\"lon\":1}"),
            (json!(null), "null"),
            (json!([1, 2, "high"]), "[1,2,\"high\"]"),
        ] {
            let v = json!({"type": "Feature", "id": 9,
                "geometry": {"type": "Point", "coordinates": coords},
                "properties": {"title": "T"}});
            let (kind, field) = only_error(v.clone(), Some("9"));
            assert_eq!(
                kind,
                ErrorKind::BadCoordinates {
                    found: found.into()
                }
            );
            assert_eq!(field, "geometry.coordinates");
            assert!(message(v).contains("[longitude, latitude] as two numbers"));
        }
        let v =
            json!({"type": "Feature", "geometry": {"type": "Point"}, "properties": {"title": "T"}});
        assert_eq!(
            only_error(v, None).0,
            ErrorKind::BadCoordinates {
                found: "missing".into()
            }
        );
    }

    #[test]
    fn out_of_range_reports_each_axis() {
        let v = json!({"type": "Feature", "id": "ashgabat", "geometry": point(200.0, 37.9601),
            "properties": {"name": "Ashgabat", "title": "T"}});
        let (kind, field) = only_error(v.clone(), Some("ashgabat"));
        assert_eq!(
            kind,
            ErrorKind::OutOfRange {
                axis: Axis::Longitude,
                value: 200.0,
                min: -180.0,
                max: 180.0
            }
        );
        assert_eq!(field, "geometry.coordinates");
        assert_eq!(
            message(v),
            "Feature 5 (id \"ashgabat\"), field \"geometry.coordinates\": longitude 200 is outside the allowed range -180 to 180."
        );
        // Swapped lat/lon far north: both axes are named.
        let (draft, errors) = read(json!({"type": "Feature", "geometry": point(-190.5, 95.0),
            "properties": {"title": "T"}}));
        assert_eq!(draft.unwrap().point, None);
        let kinds: Vec<&ErrorKind> = errors.iter().map(|e| &e.kind).collect();
        assert_eq!(
            kinds,
            [
                &ErrorKind::OutOfRange {
                    axis: Axis::Longitude,
                    value: -190.5,
                    min: -180.0,
                    max: 180.0
                },
                &ErrorKind::OutOfRange {
                    axis: Axis::Latitude,
                    value: 95.0,
                    min: -90.0,
                    max: 90.0
                },
            ]
        );
        assert!(errors[1]
            .to_string()
            .contains("latitude 95 is outside the allowed range -90 to 90"));
        // The edges are allowed.
        let (draft, errors) = read(json!({"type": "Feature", "geometry": point(-180.0, 90.0),
            "properties": {"title": "T"}}));
        assert!(errors.is_empty());
        assert_eq!(draft.unwrap().point, Some((-180.0, 90.0)));
    }

    #[test]
    fn non_finite_coordinates() {
        // serde_json cannot hold NaN or infinity, so the check is tested directly.
        assert_eq!(
            check_axis(Axis::Latitude, f64::NAN),
            Err(ErrorKind::NonFinite {
                axis: Axis::Latitude
            })
        );
        let e = check_axis(Axis::Longitude, f64::INFINITY).unwrap_err();
        assert_eq!(
            e,
            ErrorKind::NonFinite {
                axis: Axis::Longitude
            }
        );
        assert!(e.to_string().contains("from -180 to 180"));
        assert_eq!(check_axis(Axis::Longitude, -0.0), Ok(-0.0));
    }

    #[test]
    fn missing_name() {
        let v = json!({"type": "Feature", "id": "moscow", "geometry": point(1.0, 2.0),
            "properties": {"name": "  ", "events": [{"title": "T"}]}});
        let (kind, field) = only_error(v.clone(), Some("moscow"));
        assert_eq!(
            (kind, field.as_str()),
            (ErrorKind::MissingName, "properties.name")
        );
        assert!(message(v).contains("give it a non-empty text \"name\""));
        // No properties at all in the canonical-free shape: the title is missing.
        let v = json!({"type": "Feature", "geometry": point(1.0, 2.0)});
        assert_eq!(
            only_error(v, None),
            (ErrorKind::MissingTitle, "properties.title".into())
        );
    }

    #[test]
    fn missing_title() {
        let v = json!({"type": "Feature", "id": "moscow", "geometry": point(1.0, 2.0),
            "properties": {"name": "Moscow", "events": [{"title": "A"}, {"date": "2019"}]}});
        let (kind, field) = only_error(v.clone(), Some("moscow"));
        assert_eq!(
            (kind, field.as_str()),
            (ErrorKind::MissingTitle, "properties.events[1].title")
        );
        assert!(message(v).contains("give it a non-empty text \"title\""));
        let v = json!({"type": "Feature", "geometry": point(1.0, 2.0),
            "properties": {"description": "no title", "place": "Somewhere"}});
        assert_eq!(
            only_error(v, None),
            (ErrorKind::MissingTitle, "properties.title".into())
        );
    }

    #[test]
    fn missing_source_name() {
        let v = json!({"type": "Feature", "id": "m", "geometry": point(1.0, 2.0),
            "properties": {"name": "M", "events": [{"title": "A", "source": {"url": "https://tass.com/"}}]}});
        let (kind, field) = only_error(v.clone(), Some("m"));
        assert_eq!(kind, ErrorKind::MissingSourceName);
        assert_eq!(field, "properties.events[0].source.name");
        assert!(message(v).contains("non-empty text \"name\""));
    }

    #[test]
    fn no_events() {
        let v = json!({"type": "Feature", "id": "m", "geometry": point(1.0, 2.0),
            "properties": {"name": "M", "events": []}});
        let (kind, field) = only_error(v.clone(), Some("m"));
        assert_eq!(
            (kind, field.as_str()),
            (ErrorKind::NoEvents, "properties.events")
        );
        assert!(message(v).contains("add at least one event"));
    }

    #[test]
    fn bad_date() {
        let v = json!({"type": "Feature", "id": "moscow", "geometry": point(1.0, 2.0),
            "properties": {"name": "M", "events": [{"title": "A"}, {"title": "B", "date": "2023-02-30"}]}});
        let (kind, field) = only_error(v.clone(), Some("moscow"));
        assert!(matches!(
            kind,
            ErrorKind::BadDate(crate::story::DateError::DayOutOfRange { .. })
        ));
        assert_eq!(field, "properties.events[1].date");
        assert_eq!(
            message(v),
            "Feature 5 (id \"moscow\"), field \"properties.events[1].date\": \"2023-02-30\" is not a real date (February 2023 has 28 days); use YYYY, YYYY-MM or YYYY-MM-DD."
        );
        // A one-event feature and a source date, too.
        let v = json!({"type": "Feature", "geometry": point(1.0, 2.0),
            "properties": {"title": "A", "date": "2019-13", "source": {"name": "S", "date": "2019-8"}}});
        let (_, errors) = read(v);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["properties.date", "properties.source.date"]);
        assert!(errors
            .iter()
            .all(|e| matches!(e.kind, ErrorKind::BadDate(_))));
        // Blank or null dates are undated, not errors.
        let (draft, errors) = read(json!({"type": "Feature", "geometry": point(1.0, 2.0),
            "properties": {"title": "A", "date": " "}}));
        assert!(errors.is_empty());
        assert_eq!(draft.unwrap().events[0].date, None);
    }

    #[test]
    fn bad_link() {
        for url in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "tass.com/world",
            "ftp://tass.com/",
        ] {
            let v = json!({"type": "Feature", "id": "m", "geometry": point(1.0, 2.0),
                "properties": {"name": "M", "events": [{"title": "A", "source": {"name": "TASS", "url": url}}]}});
            let (kind, field) = only_error(v.clone(), Some("m"));
            assert_eq!(kind, ErrorKind::BadLink { url: url.into() });
            assert_eq!(field, "properties.events[0].source.url");
            assert!(message(v).contains("starting with http:// or https://"));
        }
        // The flat `url` of a one-event feature is checked too.
        let v = json!({"type": "Feature", "geometry": point(1.0, 2.0),
            "properties": {"title": "A", "url": "javascript:void(0)"}});
        assert_eq!(
            only_error(v, None),
            (
                ErrorKind::BadLink {
                    url: "javascript:void(0)".into()
                },
                "properties.url".into()
            )
        );
    }

    #[test]
    fn wrong_types_name_the_field() {
        let cases = [
            (json!({"properties": 5}), "properties", expected::PROPERTIES),
            (
                json!({"properties": {"name": "M", "events": {"title": "A"}}}),
                "properties.events",
                expected::EVENTS,
            ),
            (
                json!({"properties": {"name": 42, "events": [{"title": "A"}]}}),
                "properties.name",
                expected::TEXT,
            ),
            (
                json!({"properties": {"name": "M", "events": ["A"]}}),
                "properties.events[0]",
                expected::EVENT,
            ),
            (
                json!({"properties": {"name": "M", "events": [{"title": 1}]}}),
                "properties.events[0].title",
                expected::TEXT,
            ),
            (
                json!({"properties": {"name": "M", "events": [{"title": "A", "people": "Putin"}]}}),
                "properties.events[0].people",
                expected::PEOPLE,
            ),
            (
                json!({"properties": {"name": "M", "events": [{"title": "A", "people": ["Putin", null]}]}}),
                "properties.events[0].people[1]",
                expected::PERSON,
            ),
            (
                json!({"properties": {"name": "M", "events": [{"title": "A", "date": 2019}]}}),
                "properties.events[0].date",
                expected::DATE,
            ),
            (
                json!({"properties": {"name": "M", "events": [{"title": "A", "source": ["TASS"]}]}}),
                "properties.events[0].source",
                expected::SOURCE,
            ),
            (
                json!({"properties": {"name": "M", "events": [{"title": "A", "id": false}]}}),
                "properties.events[0].id",
                expected::ID,
            ),
            (
                json!({"properties": {"title": ["A"]}}),
                "properties.title",
                expected::TEXT,
            ),
            (
                json!({"properties": {"title": "A", "summary": {}}}),
                "properties.summary",
                expected::RICH_TEXT,
            ),
        ];
        for (mut v, field, want) in cases {
            v["type"] = json!("Feature");
            v["id"] = json!("w");
            v["geometry"] = point(1.0, 2.0);
            let (kind, got_field) = only_error(v.clone(), Some("w"));
            assert_eq!(got_field, field);
            match kind {
                ErrorKind::WrongType { expected, .. } => assert_eq!(expected, want, "{field}"),
                other => panic!("{field}: {other:?}"),
            }
            let msg = message(v);
            assert!(
                msg.contains(&format!("expected {want}, but found")),
                "{msg}"
            );
        }
        // A bad feature id is reported without an id to name the feature by.
        let v = json!({"type": "Feature", "id": {"a": 1}, "geometry": point(1.0, 2.0), "properties": {"title": "A"}});
        let (kind, field) = only_error(v, None);
        assert_eq!(field, "id");
        assert!(matches!(
            kind,
            ErrorKind::WrongType {
                expected: expected::ID,
                ..
            }
        ));
    }

    #[test]
    fn collects_every_error_of_a_feature() {
        let (_, errors) = read(json!({"type": "Feature", "id": "bad",
        "geometry": {"type": "Point", "coordinates": [500, 1]},
        "properties": {"events": [
            {"date": "2019-13", "source": {"name": "S", "url": "javascript:x"}},
            7
        ]}}));
        let got: Vec<(&str, &ErrorKind)> =
            errors.iter().map(|e| (e.field.as_str(), &e.kind)).collect();
        assert_eq!(got.len(), 6, "{got:#?}");
        assert_eq!(got[0].0, "geometry.coordinates");
        assert_eq!(got[1], ("properties.name", &ErrorKind::MissingName));
        assert_eq!(got[2].0, "properties.events[0].date");
        assert_eq!(
            got[3],
            ("properties.events[0].title", &ErrorKind::MissingTitle)
        );
        assert_eq!(got[4].0, "properties.events[0].source.url");
        assert_eq!(got[5].0, "properties.events[1]");
        assert!(errors
            .iter()
            .all(|e| e.feature_id.as_deref() == Some("bad")));
    }
}
