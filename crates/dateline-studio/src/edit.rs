//! The edits Dateline Studio makes to a story, on its canonical GeoJSON
//! (the shape the drafter writes and the widget reads): each takes a story
//! and gives the next one, or says why it cannot, so that undo is keeping
//! the story before it (see [`super::History`]).

use serde_json::{json, Map, Value};

use crate::draft::normalize::slug;
use crate::story::{Axis, ErrorKind};

use super::blank::{first_free, new_place};
use super::event_fields::{set_field, set_text, EventField};

/// One edit to a story.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryEdit {
    /// The story's title (empty removes it).
    StoryTitle(String),
    /// The story's summary (empty removes it).
    StorySummary(String),
    /// Whether a journey line joins the places.
    JourneyLine(bool),
    /// A place's name.
    RenamePlace { place: String, name: String },
    /// A place's position (the review's "Place on the map", or a dragged marker); it is then no longer under review.
    MovePlace { place: String, lon: f64, lat: f64 },
    /// One of a place's review candidates, by its index: the place moves there and is no longer under review.
    ChooseCandidate { place: String, candidate: usize },
    /// A field of an event; the value is text (or, for `People`, an array of names).
    SetEventField {
        event: String,
        field: EventField,
        value: Value,
    },
    /// An event is confirmed: it is no longer a draft.
    ConfirmEvent { event: String },
    /// Every event is confirmed.
    ConfirmAll,
    /// A new, untitled event at a place.
    AddEvent { place: String },
    /// An event goes.
    DeleteEvent { event: String },
    /// An event moves `by` places within its place's list (-1 up, 1 down).
    MoveEvent { event: String, by: i64 },
    /// A place moves `by` places within the story's list (-1 up, 1 down).
    MovePlaceInList { place: String, by: i64 },
    /// A new place with one untitled event.
    AddPlace { name: String, lon: f64, lat: f64 },
    /// A place goes, with its events.
    DeletePlace { place: String },
    /// `from`'s events join `into`, and `from` goes.
    MergePlaces { from: String, into: String },
}

/// Why an edit cannot be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The story has no `features` array to edit.
    #[error("the story has no places to edit; open a Dateline story or start a new one")]
    NotAStory,
    /// No place has this id.
    #[error("there is no place with the id {0:?}; it may have been removed")]
    UnknownPlace(String),
    /// No event has this id.
    #[error("there is no event with the id {0:?}; it may have been removed")]
    UnknownEvent(String),
    /// The place has no such candidate.
    #[error("the place {place:?} has no candidate number {index}; choose one of those listed")]
    NoCandidate { place: String, index: usize },
    /// A coordinate outside the map.
    #[error("{0}")]
    BadPosition(ErrorKind),
    /// Merging a place with itself.
    #[error("a place cannot be merged with itself; choose another place")]
    SamePlace,
}

/// The story after `edit`.
///
/// # Examples
///
/// ```
/// use dateline_studio::{apply, StoryEdit};
/// use serde_json::json;
///
/// let story = json!({"type": "FeatureCollection", "features": [{"type": "Feature", "id": "moscow",
///     "geometry": {"type": "Point", "coordinates": [37.6, 55.7]},
///     "properties": {"name": "Moscow", "events": [{"id": "e1", "title": "T", "draft": true}]}}]});
/// let next = apply(&story, &StoryEdit::ConfirmEvent { event: "e1".into() })?;
/// assert!(next["features"][0]["properties"]["events"][0].get("draft").is_none());
/// # Ok::<(), dateline_studio::EditError>(())
/// ```
pub fn apply(story: &Value, edit: &StoryEdit) -> Result<Value, EditError> {
    let mut next = story.clone();
    if !next["features"].is_array() {
        return Err(EditError::NotAStory);
    }
    match edit {
        StoryEdit::StoryTitle(text) => story_text(&mut next, "title", text),
        StoryEdit::StorySummary(text) => story_text(&mut next, "summary", text),
        StoryEdit::JourneyLine(on) => {
            if let Some(p) = properties(&mut next) {
                p.insert("line".into(), Value::Bool(*on));
            }
        }
        StoryEdit::RenamePlace { place, name } => {
            place_mut(&mut next, place)?["properties"]["name"] =
                Value::String(name.trim().to_string());
        }
        StoryEdit::MovePlace { place, lon, lat } => {
            check_position(*lon, *lat)?;
            let feature = place_mut(&mut next, place)?;
            feature["geometry"] = json!({ "type": "Point", "coordinates": [lon, lat] });
            resolved(feature);
        }
        StoryEdit::ChooseCandidate { place, candidate } => {
            let feature = place_mut(&mut next, place)?;
            let chosen = feature["properties"]["candidates"].get(*candidate).cloned();
            let (Some(lon), Some(lat)) = (
                chosen.as_ref().and_then(|c| c["lon"].as_f64()),
                chosen.as_ref().and_then(|c| c["lat"].as_f64()),
            ) else {
                return Err(EditError::NoCandidate {
                    place: place.clone(),
                    index: *candidate,
                });
            };
            feature["geometry"] = json!({ "type": "Point", "coordinates": [lon, lat] });
            resolved(feature);
        }
        StoryEdit::SetEventField {
            event,
            field,
            value,
        } => set_field(event_mut(&mut next, event)?, *field, value),
        StoryEdit::ConfirmEvent { event } => confirmed(event_mut(&mut next, event)?),
        StoryEdit::ConfirmAll => events_mut(&mut next).for_each(confirmed),
        StoryEdit::AddEvent { place } => {
            let id = fresh_id(&next, &format!("{place}-event"));
            let feature = place_mut(&mut next, place)?;
            push_event(feature, json!({ "id": id, "title": "New event" }));
        }
        StoryEdit::DeleteEvent { event } => {
            let (p, e) =
                find_event(&next, event).ok_or_else(|| EditError::UnknownEvent(event.clone()))?;
            if let Some(list) = next["features"][p]["properties"]["events"].as_array_mut() {
                list.remove(e);
            }
        }
        StoryEdit::MoveEvent { event, by } => {
            let (p, e) =
                find_event(&next, event).ok_or_else(|| EditError::UnknownEvent(event.clone()))?;
            if let Some(list) = next["features"][p]["properties"]["events"].as_array_mut() {
                let to = (e as i64 + by).clamp(0, list.len() as i64 - 1) as usize;
                let moved = list.remove(e);
                list.insert(to, moved);
            }
        }
        StoryEdit::MovePlaceInList { place, by } => {
            let at = place_index(&next, place)?;
            if let Some(list) = next["features"].as_array_mut() {
                let to = (at as i64 + by).clamp(0, list.len() as i64 - 1) as usize;
                let moved = list.remove(at);
                list.insert(to, moved);
            }
        }
        StoryEdit::AddPlace { name, lon, lat } => {
            check_position(*lon, *lat)?;
            let id = fresh_id(&next, &slug(name));
            let event = fresh_id(&next, &format!("{id}-event"));
            let feature = new_place(&id, name.trim(), &event, *lon, *lat);
            if let Some(list) = next["features"].as_array_mut() {
                list.push(feature);
            }
        }
        StoryEdit::DeletePlace { place } => {
            let at = place_index(&next, place)?;
            if let Some(list) = next["features"].as_array_mut() {
                list.remove(at);
            }
        }
        StoryEdit::MergePlaces { from, into } => {
            if from == into {
                return Err(EditError::SamePlace);
            }
            let (f, i) = (place_index(&next, from)?, place_index(&next, into)?);
            let moving = next["features"][f]["properties"]["events"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            for e in moving {
                push_event(&mut next["features"][i], e);
            }
            if let Some(list) = next["features"].as_array_mut() {
                list.remove(f);
            }
        }
    }
    Ok(next)
}

/// How many events are still drafts.
pub fn drafts_left(story: &Value) -> usize {
    events(story).filter(|e| e["draft"] == true).count()
}

/// The story as the file to take away: confirmed events carry no draft
/// mark, resolved places no review, and the story is a draft only while
/// some event still is.
pub fn export(story: &Value) -> Value {
    let mut out = story.clone();
    let left = drafts_left(&out);
    if let Some(props) = out["properties"].as_object_mut() {
        if left == 0 {
            props.remove("draft");
        }
    }
    for e in events_mut(&mut out) {
        if e["draft"] == false {
            if let Some(e) = e.as_object_mut() {
                e.remove("draft");
            }
        }
    }
    out
}

fn properties(story: &mut Value) -> Option<&mut Map<String, Value>> {
    if !story["properties"].is_object() {
        story["properties"] = json!({});
    }
    story["properties"].as_object_mut()
}

fn story_text(story: &mut Value, key: &str, text: &str) {
    if let Some(p) = properties(story) {
        set_text(p, key, text);
    }
}

/// A person has looked at the event: it is no longer a draft, nor to review.
fn confirmed(event: &mut Value) {
    if let Some(e) = event.as_object_mut() {
        e.remove("draft");
        e.remove("review");
    }
}

/// The place is where it is now: its review is settled.
fn resolved(feature: &mut Value) {
    if let Some(p) = feature["properties"].as_object_mut() {
        p.remove("review");
        p.remove("candidates");
    }
}

fn check_position(lon: f64, lat: f64) -> Result<(), EditError> {
    for (axis, value) in [(Axis::Longitude, lon), (Axis::Latitude, lat)] {
        let (min, max) = axis.range();
        if !value.is_finite() || value < min || value > max {
            return Err(EditError::BadPosition(ErrorKind::OutOfRange {
                axis,
                value,
                min,
                max,
            }));
        }
    }
    Ok(())
}

fn place_index(story: &Value, id: &str) -> Result<usize, EditError> {
    story["features"]
        .as_array()
        .and_then(|f| f.iter().position(|p| p["id"].as_str() == Some(id)))
        .ok_or_else(|| EditError::UnknownPlace(id.to_string()))
}

fn place_mut<'a>(story: &'a mut Value, id: &str) -> Result<&'a mut Value, EditError> {
    let at = place_index(story, id)?;
    Ok(&mut story["features"][at])
}

fn push_event(feature: &mut Value, event: Value) {
    if !feature["properties"]["events"].is_array() {
        feature["properties"]["events"] = json!([]);
    }
    if let Some(list) = feature["properties"]["events"].as_array_mut() {
        list.push(event);
    }
}

fn find_event(story: &Value, id: &str) -> Option<(usize, usize)> {
    story["features"]
        .as_array()?
        .iter()
        .enumerate()
        .find_map(|(p, f)| {
            let e = f["properties"]["events"]
                .as_array()?
                .iter()
                .position(|e| e["id"].as_str() == Some(id))?;
            Some((p, e))
        })
}

fn event_mut<'a>(story: &'a mut Value, id: &str) -> Result<&'a mut Value, EditError> {
    let (p, e) = find_event(story, id).ok_or_else(|| EditError::UnknownEvent(id.to_string()))?;
    Ok(&mut story["features"][p]["properties"]["events"][e])
}

fn events(story: &Value) -> impl Iterator<Item = &Value> {
    story["features"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["properties"]["events"].as_array().into_iter().flatten())
}

fn events_mut(story: &mut Value) -> impl Iterator<Item = &mut Value> {
    story["features"]
        .as_array_mut()
        .into_iter()
        .flatten()
        .flat_map(|f| {
            f["properties"]["events"]
                .as_array_mut()
                .into_iter()
                .flatten()
        })
}

/// An id no place or event of the story has yet, from `base`.
pub(super) fn fresh_id(story: &Value, base: &str) -> String {
    first_free(base, |id| {
        story["features"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| f["id"].as_str() == Some(id))
            || events(story).any(|e| e["id"].as_str() == Some(id))
    })
}
