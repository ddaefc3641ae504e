//! The fields of an event's form: reading each as text for its input, and
//! writing what was typed back into the event, in the story format's shape.

use serde_json::{json, Map, Value};

/// A field of an event that the event form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventField {
    /// `title`.
    Title,
    /// `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty for undated).
    Date,
    /// `date_text`: how an undated event's time is shown ("Spring 1845").
    DateText,
    /// `summary`.
    Summary,
    /// `people`, as an array of names.
    People,
    /// `source.name`.
    SourceName,
    /// `source.url`.
    SourceUrl,
    /// `source.quote`.
    Quote,
    /// The first media's `url`.
    MediaUrl,
    /// The first media's `alt`.
    MediaAlt,
    /// The first media's `caption`.
    MediaCaption,
    /// The first media's `credit`.
    MediaCredit,
    /// The first media's `link`.
    MediaLink,
}

impl EventField {
    /// Where the field is in an event, as the validator names it (`source.url`).
    pub fn path(self) -> &'static str {
        match self {
            EventField::Title => "title",
            EventField::Date => "date",
            EventField::DateText => "date_text",
            EventField::Summary => "summary",
            EventField::People => "people",
            EventField::SourceName => "source.name",
            EventField::SourceUrl => "source.url",
            EventField::Quote => "source.quote",
            EventField::MediaUrl => "media.url",
            EventField::MediaAlt => "media.alt",
            EventField::MediaCaption => "media.caption",
            EventField::MediaCredit => "media.credit",
            EventField::MediaLink => "media.link",
        }
    }

    /// Whether a problem the validator found at `field` (a path in the
    /// event) belongs next to this field: `media[0].url` is the first
    /// media's, `source` (given as text) is the source name's.
    pub fn owns(self, field: &str) -> bool {
        let field = field.replacen("media[0].", "media.", 1);
        let path = self.path();
        field == path
            || field.starts_with(&format!("{path}["))
            || (self == EventField::SourceName && field == "source")
            || (self == EventField::MediaUrl && (field == "media" || field == "media[0]"))
    }
}

/// How precise a date is, as the form's precision choice shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
    /// No date.
    Undated,
}

/// The precision `date` is written with (a date being typed counts by its dashes).
pub fn precision_of(date: &str) -> Precision {
    match date.trim() {
        "" => Precision::Undated,
        d => match d.matches('-').count() {
            0 => Precision::Year,
            1 => Precision::Month,
            _ => Precision::Day,
        },
    }
}

/// `date` written with `precision`: coarser drops its end, finer adds the
/// first month or day for the person to correct.
///
/// ```
/// use dateline_studio::{with_precision, Precision};
/// assert_eq!(with_precision("2024-02-20", Precision::Year), "2024");
/// assert_eq!(with_precision("2024", Precision::Day), "2024-01-01");
/// ```
pub fn with_precision(date: &str, precision: Precision) -> String {
    let mut parts: Vec<&str> = date.trim().split('-').filter(|p| !p.is_empty()).collect();
    let keep = match precision {
        Precision::Undated => return String::new(),
        Precision::Year => 1,
        Precision::Month => 2,
        Precision::Day => 3,
    };
    if parts.is_empty() {
        return String::new();
    }
    parts.truncate(keep);
    while parts.len() < keep {
        parts.push("01");
    }
    parts.join("-")
}

/// The field's value in `event`, as the text its input shows (people one per line).
pub fn field_text(event: &Value, field: EventField) -> String {
    let text = |v: &Value| v.as_str().map(str::to_string).unwrap_or_default();
    let media = first_media(event);
    match field {
        EventField::Title => text(&event["title"]),
        EventField::Date => text(&event["date"]),
        EventField::DateText => text(&event["date_text"]),
        EventField::Summary => plain_summary(&event["summary"]),
        EventField::People => event["people"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        EventField::SourceName => match &event["source"] {
            Value::String(s) => s.clone(),
            s => text(&s["name"]),
        },
        EventField::SourceUrl => text(&event["source"]["url"]),
        EventField::Quote => text(&event["source"]["quote"]),
        EventField::MediaUrl => text(&media["url"]),
        EventField::MediaAlt => text(&media["alt"]),
        EventField::MediaCaption => text(&media["caption"]),
        EventField::MediaCredit => text(&media["credit"]),
        EventField::MediaLink => text(&media["link"]),
    }
}

/// A summary as the text its box shows: rich text keeps its words, with
/// paragraphs apart and list items and line breaks on lines of their own.
pub fn plain_summary(summary: &Value) -> String {
    fn inline(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => out.push_str(s),
            Value::Array(list) => list.iter().for_each(|i| inline(i, out)),
            Value::Object(o) if o.contains_key("br") => out.push('\n'),
            Value::Object(o) => o
                .iter()
                .filter(|(k, _)| *k != "href")
                .for_each(|(_, i)| inline(i, out)),
            _ => {}
        }
    }
    match summary {
        Value::String(s) => s.clone(),
        Value::Array(blocks) => blocks
            .iter()
            .map(|block| {
                let items = ["ul", "ol"].iter().find_map(|k| block[k].as_array());
                let parts: Vec<String> = match items {
                    Some(items) => items
                        .iter()
                        .map(|i| {
                            let mut s = String::new();
                            inline(i, &mut s);
                            s
                        })
                        .collect(),
                    None => {
                        let mut s = String::new();
                        inline(&block["p"], &mut s);
                        vec![s]
                    }
                };
                parts.join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n\n"),
        _ => String::new(),
    }
}

fn first_media(event: &Value) -> &Value {
    match &event["media"] {
        Value::Array(list) => list.first().unwrap_or(&Value::Null),
        other => other,
    }
}

/// Writes `value` (text; for `People` an array of names or lines of text)
/// into `event`; an emptied field is removed, and so is an emptied source or media.
pub fn set_field(event: &mut Value, field: EventField, value: &Value) {
    let Some(e) = event.as_object_mut() else {
        return;
    };
    let text = value.as_str().unwrap_or("");
    match field {
        EventField::Title => set_text(e, "title", text),
        EventField::Date => set_text(e, "date", text),
        EventField::DateText => set_text(e, "date_text", text),
        EventField::Summary => set_text(e, "summary", text),
        EventField::People => {
            let names: Vec<Value> = match value {
                Value::Array(list) => list
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect::<Vec<_>>(),
                _ => text.lines().map(str::to_string).collect::<Vec<_>>(),
            }
            .into_iter()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .map(Value::String)
            .collect();
            if names.is_empty() {
                e.remove("people");
            } else {
                e.insert("people".into(), Value::Array(names));
            }
        }
        EventField::SourceName | EventField::SourceUrl | EventField::Quote => {
            let key = match field {
                EventField::SourceName => "name",
                EventField::SourceUrl => "url",
                _ => "quote",
            };
            let source = e.entry("source").or_insert_with(|| json!({}));
            if !source.is_object() {
                *source = json!({ "name": source.as_str().unwrap_or("") });
            }
            set_nested(e, "source", key, text);
        }
        _ => {
            let key = field.path().trim_start_matches("media.");
            match e.get_mut("media") {
                Some(Value::Array(list)) if !list.is_empty() => {
                    if let Some(Value::Object(first)) = list.first_mut() {
                        set_text(first, key, text);
                    }
                }
                _ => {
                    if !e.get("media").is_some_and(Value::is_object) {
                        e.insert("media".into(), json!({}));
                    }
                    set_nested(e, "media", key, text);
                }
            }
        }
    }
}

/// Sets `outer.key` in `e`, dropping `outer` once it holds nothing.
fn set_nested(e: &mut Map<String, Value>, outer: &str, key: &str, text: &str) {
    if let Some(Value::Object(inner)) = e.get_mut(outer) {
        set_text(inner, key, text);
        if inner.is_empty() {
            e.remove(outer);
        }
    }
}

/// Sets `key` to the trimmed text, or removes it when there is none.
pub(super) fn set_text(obj: &mut Map<String, Value>, key: &str, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        obj.remove(key);
    } else {
        obj.insert(key.into(), Value::String(text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_and_write_the_story_format() {
        let mut e = json!({"id": "e", "title": "T", "source": "TASS", "media": [{"url": "a.jpg"}, {"url": "b.jpg"}]});
        assert_eq!(field_text(&e, EventField::SourceName), "TASS");
        set_field(&mut e, EventField::SourceUrl, &json!("https://tass.com/x"));
        assert_eq!(
            e["source"],
            json!({"name": "TASS", "url": "https://tass.com/x"})
        );
        set_field(&mut e, EventField::MediaAlt, &json!(" A car "));
        assert_eq!(e["media"][0], json!({"url": "a.jpg", "alt": "A car"}));
        assert_eq!(e["media"][1], json!({"url": "b.jpg"}));
        set_field(
            &mut e,
            EventField::People,
            &json!("Vladimir Putin\n\n Kim Jong Un "),
        );
        assert_eq!(e["people"], json!(["Vladimir Putin", "Kim Jong Un"]));
        assert_eq!(
            field_text(&e, EventField::People),
            "Vladimir Putin\nKim Jong Un"
        );

        let mut plain = json!({"title": "T"});
        set_field(&mut plain, EventField::MediaCaption, &json!("At the show"));
        assert_eq!(plain["media"], json!({"caption": "At the show"}));
        set_field(&mut plain, EventField::MediaCaption, &json!(""));
        assert!(plain.get("media").is_none());
        set_field(&mut plain, EventField::Quote, &json!("Words."));
        set_field(&mut plain, EventField::Quote, &json!("  "));
        assert!(plain.get("source").is_none());
    }

    #[test]
    fn rich_summaries_keep_their_words() {
        let rich = json!([{"p": ["Putin rode to his ", {"i": "inauguration"}, ".", {"br": true}, {"a": "The report", "href": "https://tass.com/"}]},
            {"ul": [["a ", {"b": "Senat"}], ["built by NAMI"]]}]);
        assert_eq!(
            plain_summary(&rich),
            "Putin rode to his inauguration.\nThe report\n\na Senat\nbuilt by NAMI"
        );
    }

    #[test]
    fn problems_find_their_field() {
        assert!(EventField::MediaUrl.owns("media[0].url"));
        assert!(EventField::MediaUrl.owns("media.url"));
        assert!(EventField::SourceName.owns("source"));
        assert!(EventField::People.owns("people[1]"));
        assert!(!EventField::Title.owns("date"));
    }

    #[test]
    fn precision_changes_the_date_as_written() {
        assert_eq!(precision_of("2024-02"), Precision::Month);
        assert_eq!(precision_of(""), Precision::Undated);
        assert_eq!(with_precision("2024-02", Precision::Day), "2024-02-01");
        assert_eq!(with_precision("2024-02-20", Precision::Month), "2024-02");
        assert_eq!(with_precision("2024-02-20", Precision::Undated), "");
        assert_eq!(with_precision("", Precision::Year), "");
    }
}
