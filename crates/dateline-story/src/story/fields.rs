//! Reading typed fields out of JSON objects, recording every problem instead
//! of stopping at the first.

use serde_json::{Map, Value};

use super::date::PartialDate;
use super::error::{ErrorKind, StoryError};
use super::link::is_web_link;
use super::media::{is_media_address, Media};
use super::rich_text::{RichText, RichTextProblem};

/// What a field must hold, as the error messages word it.
pub(crate) mod expected {
    pub const TEXT: &str = "text in double quotes";
    pub const ID: &str = "a non-empty text or a number";
    pub const DATE: &str = "a date as text: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"";
    pub const PEOPLE: &str = "an array of names, e.g. [\"Kim Jong Un\", \"Vladimir Putin\"]";
    pub const PERSON: &str = "a name as non-empty text";
    pub const SOURCE: &str =
        "an object with the source's \"name\" (and optionally \"url\", \"date\" and \"quote\"), or the source's name as text";
    pub const EVENTS: &str = "an array of event objects";
    pub const EVENT: &str = "an event object such as {\"title\": \"...\", \"date\": \"2019-08\"}";
    pub const PROPERTIES: &str = "an object holding the properties";
    pub const GEOMETRY: &str =
        "a Point geometry such as {\"type\": \"Point\", \"coordinates\": [37.6175, 55.752]}";
    pub const FEATURES: &str = "an array of Point Features";
    pub const MEDIA: &str =
        "an object such as {\"url\": \"photos/kim.jpg\", \"alt\": \"...\", \"caption\": \"...\", \"credit\": \"...\"}, or an array of them";
    pub const MEDIA_URL: &str =
        "the address of the picture or page: an http(s) link or a path relative to the story file";
    pub const BOOLEAN: &str = "true or false";
    pub const RICH_TEXT: &str =
        "text, or an array of paragraphs and lists such as [{\"p\": [\"A \", {\"b\": \"bold\"}, \" word\"]}]";
}

/// Marks a field whose problem has already been recorded, so callers neither
/// use it nor report it a second time (e.g. as missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reported;

/// `prefix.key`, or `key` at the top.
pub(crate) fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// A short, human description of a JSON value for "but found ..." messages.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the value {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.trim().is_empty() => "empty text".into(),
        Value::String(s) => format!("the text {:?}", shorten(s, 40)),
        Value::Array(a) if a.is_empty() => "an empty array".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The value as compact JSON, cut to a readable length.
pub(crate) fn compact(value: &Value) -> String {
    shorten(&value.to_string(), 60)
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(max_chars).collect();
        cut.push('…');
        cut
    }
}

/// Records errors for one part of the input: the story as a whole, or one
/// feature (whose id is attached to every error once known).
pub(crate) struct Scope<'e> {
    feature: Option<usize>,
    feature_id: Option<String>,
    errors: &'e mut Vec<StoryError>,
}

impl<'e> Scope<'e> {
    /// Errors about the story as a whole.
    pub fn story(errors: &'e mut Vec<StoryError>) -> Self {
        Scope {
            feature: None,
            feature_id: None,
            errors,
        }
    }

    /// Errors about the feature at `index`.
    pub fn feature(index: usize, errors: &'e mut Vec<StoryError>) -> Self {
        Scope {
            feature: Some(index),
            feature_id: None,
            errors,
        }
    }

    /// Names the feature in all further errors.
    pub fn set_feature_id(&mut self, id: Option<String>) {
        self.feature_id = id;
    }

    /// Records a problem at `field`.
    pub fn report(&mut self, field: impl Into<String>, kind: ErrorKind) -> Reported {
        self.errors.push(StoryError {
            part: super::error::Part::Feature,
            feature: self.feature,
            feature_id: self.feature_id.clone(),
            field: field.into(),
            kind,
        });
        Reported
    }

    fn wrong_type(&mut self, field: String, expected: &'static str, found: &Value) -> Reported {
        self.report(
            field,
            ErrorKind::WrongType {
                expected,
                found: describe(found),
            },
        )
    }

    /// Optional text, trimmed; absent, `null` or blank text is `None`.
    pub fn text(
        &mut self,
        obj: &Map<String, Value>,
        prefix: &str,
        key: &str,
    ) -> Result<Option<String>, Reported> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(non_blank(s)),
            Some(other) => Err(self.wrong_type(join(prefix, key), expected::TEXT, other)),
        }
    }

    /// Optional partial date; absent, `null` or blank text is undated.
    pub fn date(
        &mut self,
        obj: &Map<String, Value>,
        prefix: &str,
        key: &str,
    ) -> Result<Option<PartialDate>, Reported> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => match non_blank(s) {
                None => Ok(None),
                Some(s) => PartialDate::parse(&s)
                    .map(Some)
                    .map_err(|e| self.report(join(prefix, key), ErrorKind::BadDate(e))),
            },
            Some(other) => Err(self.wrong_type(join(prefix, key), expected::DATE, other)),
        }
    }

    /// Optional absolute http(s) link.
    pub fn link(
        &mut self,
        obj: &Map<String, Value>,
        prefix: &str,
        key: &str,
    ) -> Result<Option<String>, Reported> {
        match self.text(obj, prefix, key)? {
            Some(url) if !is_web_link(&url) => {
                Err(self.report(join(prefix, key), ErrorKind::BadLink { url }))
            }
            url => Ok(url),
        }
    }

    /// Optional rich text (see [`RichText::from_json`]); blank is `None`.
    pub fn rich_text(
        &mut self,
        obj: &Map<String, Value>,
        prefix: &str,
        key: &str,
    ) -> Result<Option<RichText>, Reported> {
        let field = join(prefix, key);
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value @ (Value::String(_) | Value::Array(_))) => {
                match RichText::from_json(value) {
                    Ok(text) => Ok((!text.is_empty()).then_some(text)),
                    Err(RichTextProblem::Shape { path }) => {
                        Err(self.report(field, ErrorKind::BadRichText { path }))
                    }
                    Err(RichTextProblem::Link { path, href }) => {
                        Err(self.report(format!("{field}{path}"), ErrorKind::BadLink { url: href }))
                    }
                }
            }
            Some(other) => Err(self.wrong_type(field, expected::RICH_TEXT, other)),
        }
    }

    /// Optional `true` or `false`; absent is `false`.
    pub fn flag(&mut self, obj: &Map<String, Value>, prefix: &str, key: &str) -> bool {
        match obj.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong_type(join(prefix, key), expected::BOOLEAN, other);
                false
            }
        }
    }

    /// Optional media: one object or an array of them; bad entries are
    /// reported and left out.
    pub fn media(&mut self, obj: &Map<String, Value>, prefix: &str, key: &str) -> Vec<Media> {
        let field = join(prefix, key);
        let items: Vec<(String, &Value)> = match obj.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("{field}[{i}]"), item))
                .collect(),
            Some(item) => vec![(field, item)],
        };
        items
            .into_iter()
            .filter_map(|(path, item)| self.one_media(&path, item))
            .collect()
    }

    fn one_media(&mut self, path: &str, item: &Value) -> Option<Media> {
        let Value::Object(media) = item else {
            self.wrong_type(path.to_string(), expected::MEDIA, item);
            return None;
        };
        let url = self.text(media, path, "url");
        let alt = self.text(media, path, "alt").ok().flatten();
        let caption = self.text(media, path, "caption").ok().flatten();
        let credit = self.text(media, path, "credit").ok().flatten();
        let link = self.link(media, path, "link").ok().flatten();
        match url {
            Ok(Some(url)) if is_media_address(&url) => Some(Media {
                url,
                alt,
                caption,
                credit,
                link,
            }),
            Ok(Some(url)) => {
                self.report(join(path, "url"), ErrorKind::BadMediaAddress { url });
                None
            }
            Ok(None) => {
                self.report(
                    join(path, "url"),
                    ErrorKind::MissingField {
                        expected: expected::MEDIA_URL,
                    },
                );
                None
            }
            Err(Reported) => None,
        }
    }

    /// Optional array of names; bad entries are reported and left out.
    pub fn people(&mut self, obj: &Map<String, Value>, prefix: &str, key: &str) -> Vec<String> {
        let items = match obj.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(join(prefix, key), expected::PEOPLE, other);
                return Vec::new();
            }
        };
        let mut people = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item.as_str().and_then(non_blank) {
                Some(name) => people.push(name),
                None => {
                    self.wrong_type(
                        format!("{}[{i}]", join(prefix, key)),
                        expected::PERSON,
                        item,
                    );
                }
            }
        }
        people
    }

    /// Optional id: non-blank text (trimmed) or a number (as written).
    pub fn id(&mut self, value: Option<&Value>, field: &str) -> Result<Option<String>, Reported> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
            Some(other) => Err(self.wrong_type(field.to_string(), expected::ID, other)),
        }
    }
}

fn non_blank(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => panic!("not an object"),
        }
    }

    #[test]
    fn text_trims_and_treats_blank_as_absent() {
        let mut errors = vec![];
        let mut scope = Scope::feature(3, &mut errors);
        let obj = object(json!({"a": "  Moscow \n", "b": "   ", "c": null, "d": 5}));
        assert_eq!(
            scope.text(&obj, "properties", "a"),
            Ok(Some("Moscow".into()))
        );
        assert_eq!(scope.text(&obj, "properties", "b"), Ok(None));
        assert_eq!(scope.text(&obj, "properties", "c"), Ok(None));
        assert_eq!(scope.text(&obj, "properties", "zz"), Ok(None));
        assert_eq!(scope.text(&obj, "properties", "d"), Err(Reported));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].feature, Some(3));
        assert_eq!(errors[0].field, "properties.d");
        assert_eq!(
            errors[0].kind,
            ErrorKind::WrongType {
                expected: expected::TEXT,
                found: "the number 5".into()
            }
        );
    }

    #[test]
    fn text_is_kept_as_given_not_parsed_as_html() {
        let mut errors = vec![];
        let mut scope = Scope::story(&mut errors);
        let obj = object(json!({"t": "<b>Aurus</b> &amp; <script>x()</script>"}));
        assert_eq!(
            scope.text(&obj, "", "t"),
            Ok(Some("<b>Aurus</b> &amp; <script>x()</script>".into()))
        );
    }

    #[test]
    fn ids_accept_text_and_numbers() {
        let mut errors = vec![];
        let mut scope = Scope::feature(0, &mut errors);
        assert_eq!(scope.id(Some(&json!(" a ")), "id"), Ok(Some("a".into())));
        assert_eq!(scope.id(Some(&json!(7)), "id"), Ok(Some("7".into())));
        assert_eq!(scope.id(Some(&json!(-1.5)), "id"), Ok(Some("-1.5".into())));
        assert_eq!(scope.id(None, "id"), Ok(None));
        assert_eq!(scope.id(Some(&json!(null)), "id"), Ok(None));
        assert_eq!(scope.id(Some(&json!("")), "id"), Err(Reported));
        assert_eq!(scope.id(Some(&json!(true)), "id"), Err(Reported));
        assert_eq!(errors.len(), 2);
        assert!(errors.iter().all(|e| matches!(
            e.kind,
            ErrorKind::WrongType {
                expected: expected::ID,
                ..
            }
        )));
    }

    #[test]
    fn people_report_bad_entries_by_position() {
        let mut errors = vec![];
        let mut scope = Scope::feature(1, &mut errors);
        let obj = object(json!({"people": ["Putin", 3, " ", " Erdogan "]}));
        assert_eq!(scope.people(&obj, "p", "people"), ["Putin", "Erdogan"]);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["p.people[1]", "p.people[2]"]);
    }

    #[test]
    fn describes_values_briefly() {
        assert_eq!(describe(&json!(null)), "null");
        assert_eq!(describe(&json!(true)), "the value true");
        assert_eq!(describe(&json!("x")), "the text \"x\"");
        assert_eq!(describe(&json!([])), "an empty array");
        assert_eq!(describe(&json!({})), "an object");
        let long = "a".repeat(100);
        assert_eq!(
            describe(&json!(long)),
            format!("the text \"{}…\"", "a".repeat(40))
        );
        assert_eq!(compact(&json!([1, "x"])), "[1,\"x\"]");
    }
}
