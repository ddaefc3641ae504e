//! The story as the Studio's list shows it: places to review first (with
//! why, and their candidates), then the rest, each with its events, marked
//! when they are drafts; and finding a place or event by id.

use serde_json::Value;

/// An event as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    /// Its id.
    pub id: String,
    /// Its title (or "Untitled event").
    pub title: String,
    /// Its date as written, or empty.
    pub date: String,
    /// Whether it is a draft, not yet confirmed.
    pub draft: bool,
    /// Why it should be checked, if the drafter said.
    pub review: Option<String>,
}

/// A place as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRow {
    /// Its id.
    pub id: String,
    /// Its name (or "Unnamed place").
    pub name: String,
    /// Why it must be reviewed, if it must.
    pub review: Option<String>,
    /// The places it may be instead, described ("Vostochny, RU (2,500 people)").
    pub candidates: Vec<String>,
    /// Its events, in order.
    pub events: Vec<EventRow>,
}

fn text(v: &Value) -> Option<String> {
    v.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The list: places under review first, then the others, in story order.
pub fn outline(story: &Value) -> Vec<PlaceRow> {
    let mut rows: Vec<PlaceRow> = story["features"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let p = &f["properties"];
            PlaceRow {
                id: text(&f["id"]).unwrap_or_default(),
                name: text(&p["name"]).unwrap_or_else(|| "Unnamed place".into()),
                review: text(&p["review"]),
                candidates: p["candidates"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|c| {
                        text(&c["description"])
                            .or_else(|| text(&c["name"]))
                            .unwrap_or_default()
                    })
                    .collect(),
                events: p["events"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| EventRow {
                        id: text(&e["id"]).unwrap_or_default(),
                        title: text(&e["title"]).unwrap_or_else(|| "Untitled event".into()),
                        date: text(&e["date"])
                            .or_else(|| text(&e["date_text"]))
                            .unwrap_or_default(),
                        draft: e["draft"] == true,
                        review: text(&e["review"]),
                    })
                    .collect(),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.review.is_none());
    rows
}

/// The event with this id.
pub fn event_by_id<'a>(story: &'a Value, id: &str) -> Option<&'a Value> {
    story["features"].as_array()?.iter().find_map(|f| {
        f["properties"]["events"]
            .as_array()?
            .iter()
            .find(|e| e["id"].as_str() == Some(id))
    })
}

/// The place with this id.
pub fn place_by_id<'a>(story: &'a Value, id: &str) -> Option<&'a Value> {
    story["features"]
        .as_array()?
        .iter()
        .find(|f| f["id"].as_str() == Some(id))
}

/// The id of the place an event is at.
pub fn place_of_event(story: &Value, event: &str) -> Option<String> {
    story["features"].as_array()?.iter().find_map(|f| {
        f["properties"]["events"]
            .as_array()?
            .iter()
            .any(|e| e["id"].as_str() == Some(event))
            .then(|| text(&f["id"]))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn places_to_review_come_first() {
        let story = json!({"features": [
            {"id": "moscow", "properties": {"name": "Moscow", "events": [{"id": "a", "title": "A", "draft": true, "review": "Check."}]}},
            {"id": "vostochny", "properties": {"name": "Vostochny", "review": "Which one?",
              "candidates": [{"name": "Vostochny", "description": "Vostochny, RU (2,500 people)"}],
              "events": [{"id": "b", "date": "2023-09"}]}}]});
        let rows = outline(&story);
        assert_eq!(rows[0].id, "vostochny");
        assert_eq!(rows[0].candidates, ["Vostochny, RU (2,500 people)"]);
        assert_eq!(rows[0].events[0].title, "Untitled event");
        assert!(rows[1].events[0].draft);
        assert_eq!(rows[1].events[0].review.as_deref(), Some("Check."));
        assert_eq!(place_of_event(&story, "b").as_deref(), Some("vostochny"));
        assert_eq!(
            event_by_id(&story, "a").map(|e| e["title"].clone()),
            Some(json!("A"))
        );
        assert!(place_by_id(&story, "nowhere").is_none());
    }
}
