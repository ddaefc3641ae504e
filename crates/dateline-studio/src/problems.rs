//! The widget's own validation, put next to the Studio's fields: each
//! problem [`crate::story::parse_value`] finds, with the form it belongs to
//! (the story, a place, an event) and the field in it, in the widget's words.

use serde_json::Value;

use crate::story::parse_value;

/// The form a problem belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    /// The story's own fields (title, summary, line), or the story as a whole.
    Story,
    /// A place's fields, by the place's index and id.
    Place {
        /// Position in `features`.
        index: usize,
        /// Its `id`, if it has one.
        id: Option<String>,
    },
    /// An event's fields.
    Event {
        /// The place's position in `features`.
        place: usize,
        /// The event's position in the place's `events`.
        index: usize,
        /// Its `id`, if it has one.
        id: Option<String>,
    },
}

/// One problem, where the Studio shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The form.
    pub form: Form,
    /// The field in it (`date`, `source.url`, `name`, `geometry.coordinates`), empty for the whole form.
    pub field: String,
    /// What is wrong and what is allowed, as the widget says it.
    pub message: String,
}

/// Every problem of `story`, by form and field; none for a valid story.
///
/// # Examples
///
/// ```
/// use dateline_studio::{problems, Form};
/// use serde_json::json;
///
/// let story = json!({"type": "FeatureCollection", "features": [{"type": "Feature", "id": "moscow",
///     "geometry": {"type": "Point", "coordinates": [37.6, 55.7]},
///     "properties": {"name": "Moscow", "events": [{"id": "e1", "title": "T", "date": "2019-13"}]}}]});
/// let found = problems(&story);
/// assert_eq!(found[0].form, Form::Event { place: 0, index: 0, id: Some("e1".into()) });
/// assert_eq!(found[0].field, "date");
/// assert_eq!(found[0].message, "\"2019-13\" has month 13, which does not exist; months go from 01 to 12");
/// ```
pub fn problems(story: &Value) -> Vec<FieldProblem> {
    let Err(errors) = parse_value(story) else {
        return Vec::new();
    };
    errors
        .into_iter()
        .map(|e| {
            let message = e.kind.to_string();
            let Some(place) = e.feature else {
                return FieldProblem {
                    form: Form::Story,
                    field: e.field.trim_start_matches("properties.").to_string(),
                    message,
                };
            };
            let feature = &story["features"][place];
            if let Some((index, field)) = event_field(&e.field) {
                let id = feature["properties"]["events"][index]["id"]
                    .as_str()
                    .map(str::to_string);
                return FieldProblem {
                    form: Form::Event { place, index, id },
                    field: field.to_string(),
                    message,
                };
            }
            let id = feature["id"].as_str().map(str::to_string);
            FieldProblem {
                form: Form::Place { index: place, id },
                field: e.field.trim_start_matches("properties.").to_string(),
                message,
            }
        })
        .collect()
}

/// `properties.events[2].source.url` → (2, `source.url`).
fn event_field(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("properties.events[")?;
    let close = rest.find(']')?;
    let index = rest.get(..close)?.parse().ok()?;
    let field = rest.get(close + 1..)?.trim_start_matches('.');
    Some((index, field))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn problems_go_to_their_forms_and_fields() {
        let story = json!({"type": "FeatureCollection", "properties": {"summary": 7}, "features": [
            {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [200, 0]},
             "properties": {"name": "A", "events": [{"id": "ok", "title": "Fine"},
                 {"id": "e2", "title": "T", "source": {"name": "TASS", "url": "tass.com/x"}}]}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]},
             "properties": {"name": "", "events": [{"title": ""}]}}
        ]});
        let found: Vec<(Form, String)> = problems(&story)
            .into_iter()
            .map(|p| (p.form, p.field))
            .collect();
        assert_eq!(
            found,
            [
                (Form::Story, "summary".to_string()),
                (
                    Form::Place {
                        index: 0,
                        id: Some("a".into())
                    },
                    "geometry.coordinates".into()
                ),
                (
                    Form::Event {
                        place: 0,
                        index: 1,
                        id: Some("e2".into())
                    },
                    "source.url".into()
                ),
                (Form::Place { index: 1, id: None }, "name".into()),
                (
                    Form::Event {
                        place: 1,
                        index: 0,
                        id: None
                    },
                    "title".into()
                ),
            ]
        );
        assert!(problems(&json!({"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {"name": "A", "events": [{"title": "T"}]}}]}))
        .is_empty());
    }
}
