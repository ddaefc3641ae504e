//! Blank parts the Studio adds to a story: a new place, and an id that no
//! other part has. Below both the file opening and the edits, which make them.

use serde_json::{json, Value};

/// A place with one untitled event, flagged until it is put on the map.
pub(super) fn new_place(id: &str, name: &str, event: &str, lon: f64, lat: f64) -> Value {
    json!({
        "type": "Feature", "id": id,
        "geometry": { "type": "Point", "coordinates": [lon, lat] },
        "properties": {
            "name": name,
            "review": "A new place: put it where it belongs with Place on the map, or type its latitude and longitude.",
            "events": [{ "id": event, "title": "New event" }],
        },
    })
}

/// `base` (`place` when empty), else `base-2`, `base-3`…: the first not `taken`.
pub(super) fn first_free(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if base.is_empty() { "place" } else { base };
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken(id))
        .unwrap_or_default()
}
