//! Spreadsheets (CSV). (Stub: being written.)

use crate::story::{ErrorKind, Story, StoryError};

/// The story of a CSV spreadsheet.
pub fn read(_text: &str) -> Result<Story, Vec<StoryError>> {
    Err(vec![StoryError::story(
        "",
        ErrorKind::BadCsv {
            message: "spreadsheets are not read yet".into(),
        },
    )])
}
