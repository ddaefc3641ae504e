//! Opening a story file in the Studio: Dateline GeoJSON, StoryMapJS JSON or
//! a spreadsheet (CSV), read by the widget's own importers and given the
//! canonical shape the Studio edits (places with event lists, every place
//! and event with an id).

use std::collections::HashSet;

use serde_json::{json, Map, Value};

use crate::draft::normalize::slug;
use crate::import::{csv, storymapjs};
use crate::story::{parse_value, read_json, StoryError};

use super::blank::{first_free, new_place};

/// A story file, opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The story, canonical GeoJSON.
    pub story: Value,
    /// What the importer had to leave out (a slide without a location), in the widget's words.
    pub notices: Vec<String>,
}

/// Reads the file `name` with content `text`; a `.csv` name, or text that is
/// not JSON, is a spreadsheet. On failure, every problem in the widget's words.
///
/// # Examples
///
/// ```
/// use dateline_studio::open_story;
///
/// let opened = open_story("title,lat,lon\nA car show,55.55,38.15\n", "sheet.csv").map_err(|e| e.join("; "))?;
/// assert_eq!(opened.story["features"][0]["properties"]["events"][0]["title"], "A car show");
/// # Ok::<(), String>(())
/// ```
pub fn open_story(text: &str, name: &str) -> Result<Opened, Vec<String>> {
    let messages = |errors: Vec<StoryError>| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<String>>()
    };
    let json_like = matches!(text.trim_start().chars().next(), Some('{' | '['));
    let (story, value) = if name.to_ascii_lowercase().ends_with(".csv") || !json_like {
        csv::read_as_geojson(text).map_err(messages)?
    } else {
        let value = read_json(text).map_err(messages)?;
        if storymapjs::recognises(&value) {
            storymapjs::read_as_geojson(&value).map_err(messages)?
        } else {
            (parse_value(&value).map_err(messages)?, value)
        }
    };
    Ok(Opened {
        story: canonical(&value),
        notices: story.notices.iter().map(|n| n.to_string()).collect(),
    })
}

/// A new story: one place, to be put where it belongs.
pub fn empty_story() -> Value {
    json!({
        "type": "FeatureCollection",
        "properties": { "title": "Untitled story" },
        "features": [new_place("new-place", "New place", "new-place-event", 0.0, 20.0)],
    })
}

/// `value` (a valid story) in the shape the Studio edits: one-point-one-event
/// features become places with an event list, and ids are given where missing.
pub fn canonical(value: &Value) -> Value {
    let mut out = value.clone();
    if !out["properties"].is_object() {
        out["properties"] = json!({});
    }
    let Some(features) = out["features"].as_array_mut() else {
        return out;
    };
    for feature in features.iter_mut() {
        *feature = with_events(std::mem::take(feature));
    }
    // Every id given is kept; a missing one is made so it clashes with none.
    let given = |id: &Value| match id {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let mut taken: HashSet<String> = HashSet::new();
    for f in features.iter() {
        taken.extend(given(&f["id"]));
        let events = f["properties"]["events"].as_array().into_iter().flatten();
        taken.extend(events.filter_map(|e| given(&e["id"])));
    }
    let mut fresh = |base: String| {
        let id = first_free(&base, |id| taken.contains(id));
        taken.insert(id.clone());
        id
    };
    for f in features.iter_mut() {
        let name = f["properties"]["name"]
            .as_str()
            .unwrap_or("place")
            .to_string();
        let id = given(&f["id"]).unwrap_or_else(|| fresh(slug(&name)));
        f["id"] = Value::String(id.clone());
        if let Some(events) = f["properties"]["events"].as_array_mut() {
            for (k, e) in events.iter_mut().enumerate() {
                let event = given(&e["id"]).unwrap_or_else(|| fresh(format!("{id}-{}", k + 1)));
                e["id"] = Value::String(event);
            }
        }
    }
    out
}

/// A feature in the canonical shape: a one-event feature's event fields move into `events`.
fn with_events(mut feature: Value) -> Value {
    if feature["properties"]["events"].is_array() {
        return feature;
    }
    let props: Map<String, Value> = feature["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let text = |key: &str| {
        props
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    };
    let title = text("title").or(text("name")).unwrap_or("Untitled");
    let place = text("place").or(text("name")).unwrap_or(title);
    let mut event = Map::new();
    if let Some(id) = feature.get("id").filter(|id| !id.is_null()) {
        event.insert("id".into(), id.clone());
    }
    event.insert("title".into(), title.into());
    for key in ["date", "date_text", "media", "people", "source"] {
        if let Some(v) = props.get(key).filter(|v| !v.is_null()) {
            event.insert(key.into(), v.clone());
        }
    }
    if let Some(summary) = props
        .get("summary")
        .or(props.get("description"))
        .filter(|v| !v.is_null())
    {
        event.insert("summary".into(), summary.clone());
    }
    if let Some(obj) = feature.as_object_mut() {
        obj.remove("id");
    }
    feature["properties"] = json!({ "name": place, "events": [Value::Object(event)] });
    feature
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_features_become_places_with_ids() {
        let file = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [37.6, 55.7]},
             "properties": {"name": "Moscow", "title": "Inauguration", "date": "2018-05-07", "description": "The car."}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [38.1, 55.5]},
             "properties": {"name": "Zhukovsky", "events": [{"title": "MAKS"}, {"id": "x", "title": "Y"}]}}]}"#;
        let opened = open_story(file, "story.geojson").map_err(|e| e.join("; "));
        let story = opened.map(|o| o.story).unwrap_or_default();
        let moscow = &story["features"][0];
        assert_eq!(moscow["properties"]["name"], "Moscow");
        assert_eq!(moscow["properties"]["events"][0]["id"], "7");
        assert_eq!(moscow["properties"]["events"][0]["summary"], "The car.");
        assert_eq!(moscow["id"], "moscow");
        assert_eq!(story["features"][1]["id"], "zhukovsky");
        assert_eq!(
            story["features"][1]["properties"]["events"][0]["id"],
            "zhukovsky-1"
        );
        assert_eq!(story["features"][1]["properties"]["events"][1]["id"], "x");
        assert!(parse_value(&story).is_ok());
    }

    #[test]
    fn every_kind_of_file_opens_or_says_why() {
        let slides = r#"{"storymap": {"slides": [{"type": "overview", "text": {"headline": "Aurus"}},
            {"location": {"lat": 55.75, "lon": 37.61, "name": "Moscow"}, "text": {"headline": "Kremlin"}},
            {"text": {"headline": "Nowhere"}}]}}"#;
        let opened = open_story(slides, "aurus.json").map_err(|e| e.join("; "));
        assert_eq!(
            opened
                .as_ref()
                .map(|o| o.story["properties"]["title"].clone()),
            Ok(json!("Aurus"))
        );
        assert_eq!(opened.map(|o| o.notices.len()), Ok(1));
        let bad = open_story("{\"type\": \"Feature\"}", "x.geojson");
        assert!(bad.is_err_and(|e| e[0].contains("FeatureCollection")));
        let sheet = open_story("place,lat\nMoscow,55\n", "x.csv");
        assert!(sheet.is_err_and(|e| e.iter().any(|m| m.contains("lon"))));
        assert!(parse_value(&empty_story()).is_ok());
    }
}
