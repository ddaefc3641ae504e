//! Stories from what newsrooms already have: StoryMapJS files and
//! spreadsheets (CSV, TimelineJS sheets), besides Dateline's own GeoJSON.
//! Pure, like `story`: each importer turns its input into the story
//! format's GeoJSON and reads that with [`crate::story::parse_value`], so
//! every story is checked by the same rules; what an importer has to leave
//! out (a slide without a location, a row with a bad latitude) is kept in
//! [`Story::notices`](crate::story::Story::notices), and the story shows
//! without it.

pub mod csv;
mod csv_columns;
mod csv_dates;
mod csv_records;
pub mod html;
mod html_tokens;
pub mod loose_date;
pub mod storymapjs;
pub mod wire;

use serde_json::Value;

use crate::story::{parse_value, read_json, Story, StoryError};

/// What a story's text is, as far as its source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Find out from the content: JSON is GeoJSON or StoryMapJS.
    #[default]
    Detect,
    /// A spreadsheet (a `text/csv` response, a `.csv` address, `data-format="csv"`).
    Csv,
}

/// Reads a story in any shape Dateline knows.
///
/// # Examples
///
/// ```
/// use dateline_story::import::{read_story, Format};
///
/// let csv = "place,lat,lon,date,title\nMoscow,55.752,37.6175,2018-05-07,Putin arrives in an Aurus\n";
/// let story = read_story(csv, Format::Csv).map_err(|e| e[0].to_string())?;
/// assert_eq!(story.places[0].name, "Moscow");
/// # Ok::<(), String>(())
/// ```
pub fn read_story(text: &str, format: Format) -> Result<Story, Vec<StoryError>> {
    match format {
        Format::Csv => csv::read(text),
        Format::Detect => read_value(&read_json(text)?),
    }
}

/// Reads a story from JSON: a StoryMapJS story if it has the shape of one,
/// else Dateline's GeoJSON.
pub fn read_value(value: &Value) -> Result<Story, Vec<StoryError>> {
    if storymapjs::recognises(value) {
        storymapjs::read(value)
    } else {
        parse_value(value)
    }
}
