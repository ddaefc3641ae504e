//! An importer's result as text, passed from the importers' own WebAssembly
//! bundle (`dateline-import`, built from `crates/dateline-import/src/main.rs`) to the
//! reader. The reader loads that bundle only for a StoryMapJS file or a
//! spreadsheet: the importers are about 48 KiB of gzipped wasm that a
//! GeoJSON story never needs (issue 13).
//!
//! The text is JSON: `{"geojson": {…}, "notices": [problem, …]}` for a story
//! (the story format's GeoJSON, which the reader checks again with
//! [`parse_value`]), or `{"errors": [problem, …]}`, where a problem is
//! `{"part": "row", "feature": 3, "id": "…", "field": "Latitude", "message": "…"}`
//! and `message` is its [`ErrorKind`]'s words.

use serde_json::{json, Map, Value};

use super::{csv, storymapjs};
use crate::story::{parse_value, read_json, ErrorKind, Part, Story, StoryError};

/// Reads `text` with the importers, a spreadsheet if `csv`, else a
/// StoryMapJS file (or, if it is not one, Dateline's GeoJSON), and writes the
/// result for [`decode`]. What the importers' bundle exports.
pub fn convert(text: &str, csv: bool) -> String {
    let result = if csv {
        csv::read_as_geojson(text)
    } else {
        read_json(text).and_then(|value| storymapjs::read_as_geojson(&value))
    };
    encode(&result)
}

/// An importer's result as text.
pub fn encode(result: &Result<(Story, Value), Vec<StoryError>>) -> String {
    let problems = |errors: &[StoryError]| errors.iter().map(problem).collect::<Vec<_>>();
    match result {
        Ok((story, geojson)) => json!({ "geojson": geojson, "notices": problems(&story.notices) }),
        Err(errors) => json!({ "errors": problems(errors) }),
    }
    .to_string()
}

/// The story (with the importer's notices) or the problems that `text`, as
/// [`encode`] wrote it, describes.
///
/// ```
/// use dateline_story::import::wire::{convert, decode};
///
/// let csv = "place,lat,lon,title\nMoscow,55.752,37.6175,Putin arrives\nNowhere,95,0,Lost\n";
/// let story = decode(&convert(csv, true)).map_err(|e| e[0].to_string())?;
/// assert_eq!(story.places[0].name, "Moscow");
/// assert_eq!(
///     story.notices[0].to_string(),
///     "Row 3, column \"lat\": latitude 95 is outside the allowed range -90 to 90."
/// );
/// # Ok::<(), String>(())
/// ```
pub fn decode(text: &str) -> Result<Story, Vec<StoryError>> {
    let unreadable = || {
        vec![StoryError::story(
            "",
            ErrorKind::Described(
                "the importers' answer could not be read; reload the page, and if it \
                 happens again, report it with the story file"
                    .to_string(),
            ),
        )]
    };
    let Ok(Value::Object(top)) = serde_json::from_str::<Value>(text) else {
        return Err(unreadable());
    };
    let problems = |key: &str| -> Option<Vec<StoryError>> {
        top.get(key)?.as_array()?.iter().map(read_problem).collect()
    };
    if let Some(errors) = problems("errors") {
        return Err(errors);
    }
    let (Some(geojson), Some(notices)) = (top.get("geojson"), problems("notices")) else {
        return Err(unreadable());
    };
    let mut story = parse_value(geojson)?;
    story.notices = notices;
    Ok(story)
}

fn problem(error: &StoryError) -> Value {
    let mut out = Map::new();
    let part = match error.part {
        Part::Feature => "feature",
        Part::Row => "row",
        Part::Slide => "slide",
    };
    out.insert("part".into(), part.into());
    if let Some(feature) = error.feature {
        out.insert("feature".into(), feature.into());
    }
    if let Some(id) = &error.feature_id {
        out.insert("id".into(), id.as_str().into());
    }
    out.insert("field".into(), error.field.as_str().into());
    out.insert("message".into(), error.kind.to_string().into());
    Value::Object(out)
}

fn read_problem(value: &Value) -> Option<StoryError> {
    let part = match value.get("part")?.as_str()? {
        "row" => Part::Row,
        "slide" => Part::Slide,
        _ => Part::Feature,
    };
    let feature = match value.get("feature") {
        Some(n) => Some(usize::try_from(n.as_u64()?).ok()?),
        None => None,
    };
    Some(StoryError {
        part,
        feature,
        feature_id: value.get("id").and_then(Value::as_str).map(str::to_string),
        field: value.get("field")?.as_str()?.to_string(),
        kind: ErrorKind::Described(value.get("message")?.as_str()?.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIMELINEJS: &str = include_str!("../../../../tests/fixtures/csv/timelinejs.csv");
    const ONLY_BAD_ROWS: &str = include_str!("../../../../tests/fixtures/csv/only-bad-rows.csv");

    fn words(errors: &[StoryError]) -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    }

    /// What the reader shows from the wire is what the importer read.
    fn same_as_read_here(text: &str, csv: bool) {
        let here = if csv {
            csv::read(text)
        } else {
            read_json(text).and_then(|v| storymapjs::read(&v))
        };
        match (here, decode(&convert(text, csv))) {
            (Ok(mut here), Ok(mut there)) => {
                assert_eq!(words(&here.notices), words(&there.notices));
                here.notices.clear();
                there.notices.clear();
                assert_eq!(here, there);
            }
            (Err(here), Err(there)) => assert_eq!(words(&here), words(&there)),
            (here, there) => panic!("read here: {here:?}\nthrough the wire: {there:?}"),
        }
    }

    #[test]
    fn spreadsheets_come_through_as_read() {
        same_as_read_here(TIMELINEJS, true);
        same_as_read_here(ONLY_BAD_ROWS, true);
        same_as_read_here("", true);
        same_as_read_here("title,lat\nA,1\n", true);
    }

    #[test]
    fn storymapjs_files_and_bad_json_come_through_as_read() {
        let slides = r#"{"storymap":{"slides":[
            {"type":"overview","text":{"headline":"A trip"}},
            {"location":{"lat":55.75,"lon":37.61,"name":"Moscow"},"text":{"headline":"Start","text":"<p>Off <b>we</b> go</p>"},"date":"2018-05-07"},
            {"text":{"headline":"Nowhere"}}
        ]}}"#;
        same_as_read_here(slides, false);
        same_as_read_here("{\"slides\": [", false);
        same_as_read_here(r#"{"slides": []}"#, false);
    }

    #[test]
    fn an_answer_that_is_not_the_wire_format_is_a_problem_not_a_panic() {
        for text in [
            "",
            "[]",
            "{}",
            r#"{"geojson": {}}"#,
            r#"{"errors": [{"part": 3}]}"#,
        ] {
            let errors = decode(text).expect_err(text);
            assert!(!errors.is_empty(), "{text}");
        }
    }
}
