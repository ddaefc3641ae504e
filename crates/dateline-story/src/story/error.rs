//! What can be wrong with a story, and where: errors a newsroom user can act on.

use std::fmt;

use super::date::DateError;

/// One problem found in a story, located by feature and field.
///
/// Its `Display` is one sentence naming the feature (index and id), the
/// field, what is wrong and what is allowed, for example:
///
/// `Feature 2 (id "ashgabat"), field "geometry.coordinates": longitude 200 is outside the allowed range -180 to 180.`
#[derive(Debug, Clone, PartialEq)]
pub struct StoryError {
    /// What `feature` counts: GeoJSON features, or an imported file's rows or slides.
    pub part: Part,
    /// Index of the feature in the collection's `features` (from 0; a row's
    /// or slide's number as its file shows it), or `None` for a problem with
    /// the story as a whole.
    pub feature: Option<usize>,
    /// The feature's own `id`, if it has a usable one.
    pub feature_id: Option<String>,
    /// Path of the field inside the feature (or the story), such as
    /// `properties.events[2].date`, or a row's column; empty when the whole
    /// thing is wrong.
    pub field: String,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// The parts of a story's file an error can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Part {
    /// A GeoJSON Feature (`field` is a path in it).
    #[default]
    Feature,
    /// A spreadsheet row, numbered as the spreadsheet shows it (`field` is its column).
    Row,
    /// A StoryMapJS slide, numbered from 1 (`field` is a path in it).
    Slide,
}

impl StoryError {
    /// An error about the story as a whole (not about one feature).
    pub fn story(field: impl Into<String>, kind: ErrorKind) -> Self {
        StoryError {
            part: Part::Feature,
            feature: None,
            feature_id: None,
            field: field.into(),
            kind,
        }
    }

    /// An error in the feature at `index`, whose `id` may be known.
    pub fn in_feature(
        index: usize,
        feature_id: Option<&str>,
        field: impl Into<String>,
        kind: ErrorKind,
    ) -> Self {
        StoryError {
            part: Part::Feature,
            feature: Some(index),
            feature_id: feature_id.map(str::to_string),
            field: field.into(),
            kind,
        }
    }

    /// An error in spreadsheet row `row` (as the spreadsheet numbers it), in `column`.
    pub fn in_row(row: usize, column: impl Into<String>, kind: ErrorKind) -> Self {
        StoryError {
            part: Part::Row,
            feature: Some(row),
            feature_id: None,
            field: column.into(),
            kind,
        }
    }

    /// An error in StoryMapJS slide `slide` (from 1), at `field`.
    pub fn in_slide(slide: usize, field: impl Into<String>, kind: ErrorKind) -> Self {
        StoryError {
            part: Part::Slide,
            feature: Some(slide),
            feature_id: None,
            field: field.into(),
            kind,
        }
    }
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (unit, field) = match self.part {
            Part::Feature => ("Feature", "field"),
            Part::Row => ("Row", "column"),
            Part::Slide => ("Slide", "field"),
        };
        match self.feature {
            Some(index) => write!(f, "{unit} {index}")?,
            None => f.write_str("Story")?,
        }
        if let Some(id) = &self.feature_id {
            write!(f, " (id {id:?})")?;
        }
        if !self.field.is_empty() {
            write!(f, ", {field} {:?}", self.field)?;
        }
        write!(f, ": {}.", self.kind)
    }
}

impl std::error::Error for StoryError {}

/// Which coordinate of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Axis {
    /// East–west, the first coordinate, -180 to 180.
    Longitude,
    /// North–south, the second coordinate, -90 to 90.
    Latitude,
}

impl Axis {
    /// A value to show as an example (Moscow's).
    pub fn example(self) -> &'static str {
        match self {
            Axis::Longitude => "37.6175",
            Axis::Latitude => "55.752",
        }
    }

    /// The smallest and largest allowed value.
    pub fn range(self) -> (f64, f64) {
        match self {
            Axis::Longitude => (-180.0, 180.0),
            Axis::Latitude => (-90.0, 90.0),
        }
    }
}

impl fmt::Display for Axis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Axis::Longitude => "longitude",
            Axis::Latitude => "latitude",
        })
    }
}

/// The shortest text that reads back as `value`: whole numbers without a
/// point, `1e300` as such. Written by serde_json's float printer, which the
/// reader has anyway, not `f64`'s `Display` (core's float printing is about
/// 15 KiB of wasm more).
fn number(value: &f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return (*value as i64).to_string();
    }
    serde_json::Number::from_f64(*value)
        .map_or_else(|| "NaN".to_string(), |n| n.to_string().replace("e+", "e"))
}

/// What is wrong, with the details a message needs. The `Display` text is the
/// part after "Feature N (id ...), field ...: ".
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ErrorKind {
    /// The text is not JSON at all.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    InvalidJson {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1 (0 at the very start of a line).
        column: usize,
        /// The JSON parser's explanation.
        message: String,
    },
    /// The JSON is not a GeoJSON FeatureCollection.
    #[error("the story must be a GeoJSON FeatureCollection (an object with \"type\": \"FeatureCollection\" and a \"features\" array), but this is {found}")]
    NotFeatureCollection {
        /// A description of what was found, e.g. `a single Feature`.
        found: String,
    },
    /// The collection's `features` array is empty.
    #[error("the story has no places; add at least one Point Feature to \"features\"")]
    NoFeatures,
    /// An entry of `features` is not a Feature.
    #[error(
        "expected a GeoJSON Feature (an object with \"type\": \"Feature\"), but this is {found}"
    )]
    NotFeature {
        /// A description of what was found.
        found: String,
    },
    /// `geometry` is missing or null.
    #[error("a place needs a location, but the geometry is missing or null; give the feature a Point geometry with coordinates [longitude, latitude]")]
    MissingGeometry,
    /// The geometry is not a Point.
    #[error("the geometry type is {found}, but only \"Point\" is supported; mark each place with one Point at [longitude, latitude]")]
    NotPoint {
        /// The geometry type found, quoted, or a description if it has none.
        found: String,
    },
    /// The coordinates are not two (or three) numbers.
    #[error("the coordinates are {found}; a Point needs [longitude, latitude] as two numbers (an altitude may follow)")]
    BadCoordinates {
        /// The coordinates as found (compact JSON), or `missing`.
        found: String,
    },
    /// A coordinate is outside its range.
    #[error("{axis} {} is outside the allowed range {} to {}", number(.value), number(.min), number(.max))]
    OutOfRange {
        /// Which coordinate.
        axis: Axis,
        /// The value found.
        value: f64,
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// A coordinate is infinite or not a number.
    #[error("{axis} is not a finite number; use a number from {} to {}", number(&.axis.range().0), number(&.axis.range().1))]
    NonFinite {
        /// Which coordinate.
        axis: Axis,
    },
    /// A place has no name.
    #[error("the place has no name; give it a non-empty text \"name\" (a feature without \"events\" may use \"place\", \"name\" or \"title\")")]
    MissingName,
    /// An event has no title.
    #[error("the event has no title; give it a non-empty text \"title\" (a feature without \"events\" may use \"title\" or \"name\")")]
    MissingTitle,
    /// A source has no name.
    #[error("the source has no name; give it a non-empty text \"name\" saying who published it, e.g. \"TASS\"")]
    MissingSourceName,
    /// A place has an empty `events` array.
    #[error("the place has no events; add at least one event with a \"title\", or remove \"events\" to make the feature itself one event")]
    NoEvents,
    /// A date is not a valid partial date.
    #[error(transparent)]
    BadDate(#[from] DateError),
    /// An id is used twice.
    #[error("the id {id:?} is already used by feature {first_feature}; place ids and event ids must each be unique in the story")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// The feature that used it first.
        first_feature: usize,
    },
    /// A link is not an absolute http(s) URL.
    #[error(
        "{url:?} is not a web link; use an absolute address starting with http:// or https://"
    )]
    BadLink {
        /// The link as given.
        url: String,
    },
    /// Rich text in a shape the story format does not have.
    #[error("the text at {path} is not in a shape Dateline reads; use text, or an array of blocks {{\"p\": …}}, {{\"ul\": […]}} or {{\"ol\": […]}} holding text, {{\"b\": …}}, {{\"i\": …}}, {{\"a\": …, \"href\": \"https://…\"}} and {{\"br\": true}}", path = if path.is_empty() { "its top" } else { path.as_str() })]
    BadRichText {
        /// Where inside the text, e.g. `[1].p[0]`.
        path: String,
    },
    /// A media address that is neither a web link nor a relative path.
    #[error("{url:?} is not a media address; use an absolute address starting with http:// or https://, or a path relative to the story file")]
    BadMediaAddress {
        /// The address as given.
        url: String,
    },
    /// A StoryMapJS slide without a usable location; it is left out.
    #[error("the slide has no location, so it is left out; give it a \"location\" with \"lat\" and \"lon\" to put it on the map")]
    NoLocation,
    /// A number written as text that does not read as a number.
    #[error("{found:?} is not a number; write the {axis} as a decimal such as {}", axis.example())]
    NotANumber {
        /// The text as given.
        found: String,
        /// Which coordinate it should be.
        axis: Axis,
    },
    /// An imported file with nothing in it that can be shown.
    #[error("there is no {what} that can be shown ({skipped} left out: see the problems listed with them)")]
    NothingToShow {
        /// What the file is made of: "slide", "row".
        what: &'static str,
        /// How many were left out.
        skipped: usize,
    },
    /// A spreadsheet without a column the story needs.
    #[error("the spreadsheet has no {needed} column; name a column {names} (any case)")]
    MissingColumn {
        /// What the column holds, e.g. "latitude".
        needed: &'static str,
        /// The names it may have, e.g. "\"lat\" or \"latitude\"".
        names: &'static str,
    },
    /// The file is not readable as CSV.
    #[error("the file cannot be read as a spreadsheet (CSV): {message}")]
    BadCsv {
        /// What is wrong, with where.
        message: String,
    },
    /// A spreadsheet cell that must not be empty; its row is left out.
    #[error("the cell is empty, so the row is left out; write {needed}")]
    EmptyCell {
        /// What the cell must hold, e.g. "the place's latitude, a number from -90 to 90".
        needed: &'static str,
    },
    /// A spreadsheet's Year, Month or Day that does not make a date; the row shows undated.
    #[error("{found:?} {problem}")]
    BadDateCell {
        /// The cell as given (for a day its month lacks, the whole date).
        found: String,
        /// What is wrong and what to write, e.g. "is not a month; the row
        /// shows undated until you write a month from 1 to 12".
        problem: &'static str,
    },
    /// A TimelineJS era row, which has no place on the map; it is left out.
    #[error(
        "TimelineJS eras (rows of type \"era\") have no place on the map, so the row is left out"
    )]
    EraRow,
    /// A spreadsheet row with the id of an earlier row.
    #[error("the id {id:?} is already used in row {first_row}, so this row gets one of its own; give each row its own id, or leave the cell empty")]
    DuplicateRowId {
        /// The repeated id.
        id: String,
        /// The row that has it first.
        first_row: usize,
    },
    /// A required field is missing.
    #[error("this field is missing; it must be {expected}")]
    MissingField {
        /// What the field must hold.
        expected: &'static str,
    },
    /// A field holds the wrong kind of JSON value.
    #[error("expected {expected}, but found {found}")]
    WrongType {
        /// What the field must hold.
        expected: &'static str,
        /// A description of what it holds.
        found: String,
    },
    /// A problem already put in words elsewhere: by the importers' bundle,
    /// which reads StoryMapJS files and spreadsheets for the reader
    /// ([`crate::import::wire`]).
    #[error("{0}")]
    Described(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_feature_id_and_field() {
        let e = StoryError::in_feature(
            2,
            Some("ashgabat"),
            "geometry.coordinates",
            ErrorKind::OutOfRange {
                axis: Axis::Longitude,
                value: 200.0,
                min: -180.0,
                max: 180.0,
            },
        );
        assert_eq!(
            e.to_string(),
            "Feature 2 (id \"ashgabat\"), field \"geometry.coordinates\": longitude 200 is outside the allowed range -180 to 180."
        );
    }

    #[test]
    fn display_without_id_or_field() {
        let e = StoryError::in_feature(
            4,
            None,
            "",
            ErrorKind::NotFeature {
                found: "an array".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "Feature 4: expected a GeoJSON Feature (an object with \"type\": \"Feature\"), but this is an array."
        );
        let e = StoryError::story(
            "",
            ErrorKind::InvalidJson {
                line: 3,
                column: 5,
                message: "expected `,` or `}`".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "Story: not valid JSON at line 3, column 5: expected `,` or `}`."
        );
        let e = StoryError::story(
            "properties.title",
            ErrorKind::WrongType {
                expected: "text",
                found: "the number 3".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "Story, field \"properties.title\": expected text, but found the number 3."
        );
    }

    #[test]
    fn date_errors_pass_through() {
        let e = StoryError::in_feature(
            0,
            Some("moscow"),
            "properties.events[1].date",
            ErrorKind::BadDate(DateError::DayOutOfRange {
                input: "2023-02-30".into(),
                year: 2023,
                month: 2,
                day: 30,
                days_in_month: 28,
            }),
        );
        assert_eq!(
            e.to_string(),
            "Feature 0 (id \"moscow\"), field \"properties.events[1].date\": \"2023-02-30\" is not a real date (February 2023 has 28 days); use YYYY, YYYY-MM or YYYY-MM-DD."
        );
    }

    #[test]
    fn quotes_ids_safely_and_keeps_huge_numbers_short() {
        let e = StoryError::in_feature(
            1,
            Some("a\"b"),
            "geometry.coordinates",
            ErrorKind::OutOfRange {
                axis: Axis::Latitude,
                value: 1e300,
                min: -90.0,
                max: 90.0,
            },
        );
        assert_eq!(
            e.to_string(),
            "Feature 1 (id \"a\\\"b\"), field \"geometry.coordinates\": latitude 1e300 is outside the allowed range -90 to 90."
        );
        let e = ErrorKind::NonFinite {
            axis: Axis::Latitude,
        };
        assert_eq!(
            e.to_string(),
            "latitude is not a finite number; use a number from -90 to 90"
        );
    }
}
