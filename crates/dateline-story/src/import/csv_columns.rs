//! A spreadsheet's header: which column holds what, by name.
//!
//! Names are compared trimmed, in any case, with runs of spaces (and
//! underscores) as one space, so "Media Credit", "media_credit" and
//! " MEDIA  credit " are the same. Columns with other names are ignored.

use crate::story::{ErrorKind, StoryError};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// The place's latitude (required).
    Latitude,
    /// The place's longitude (required).
    Longitude,
    /// The event's title (required).
    Title,
    /// The place's name.
    Place,
    /// The date as text.
    Date,
    /// TimelineJS's year, month and day.
    Year,
    /// See [`Column::Year`].
    Month,
    /// See [`Column::Year`].
    Day,
    /// TimelineJS's text shown for the date.
    DisplayDate,
    /// The event's summary (text or HTML).
    Summary,
    /// The address of a picture or page.
    Media,
    /// Who made the media.
    Credit,
    /// The media's caption.
    Caption,
    /// What a picture shows.
    Alt,
    /// A link to the source.
    Link,
    /// The event's id.
    Id,
    /// TimelineJS's row type: `title`, `era` or blank.
    Type,
}

impl Column {
    /// Every kind of column.
    pub const ALL: [Column; 17] = [
        Column::Latitude,
        Column::Longitude,
        Column::Title,
        Column::Place,
        Column::Date,
        Column::Year,
        Column::Month,
        Column::Day,
        Column::DisplayDate,
        Column::Summary,
        Column::Media,
        Column::Credit,
        Column::Caption,
        Column::Alt,
        Column::Link,
        Column::Id,
        Column::Type,
    ];

    /// The header names it may have (normalised), the preferred first.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Column::Latitude => &["latitude", "lat"],
            Column::Longitude => &["longitude", "lon", "lng", "long"],
            Column::Title => &["title", "headline"],
            Column::Place => &["place", "location", "name"],
            Column::Date => &["date"],
            Column::Year => &["year"],
            Column::Month => &["month"],
            Column::Day => &["day"],
            Column::DisplayDate => &["display date"],
            Column::Summary => &["summary", "text", "description"],
            Column::Media => &["media", "image"],
            Column::Credit => &["media credit", "credit"],
            Column::Caption => &["media caption", "caption"],
            Column::Alt => &["alt", "alt text", "media alt"],
            Column::Link => &["link", "url"],
            Column::Id => &["id"],
            Column::Type => &["type"],
        }
    }

    /// How a message names a column the sheet lacks.
    pub fn default_header(self) -> &'static str {
        match self {
            Column::Latitude => "Latitude",
            Column::Longitude => "Longitude",
            Column::Title => "Title",
            Column::Month => "Month",
            Column::Year => "Year",
            _ => "",
        }
    }
}

/// The header name compared: trimmed, lower case, spaces and underscores as one space.
pub(crate) fn normalise(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where each kind of column is in a sheet.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    /// The header cells, trimmed, as written.
    headers: Vec<String>,
    /// For each of [`Column::ALL`], the positions of the columns that hold
    /// it, the preferred name first, then left to right.
    found: Vec<Vec<usize>>,
}

impl Columns {
    /// Reads the header row.
    pub fn new(header: &[String]) -> Columns {
        let names: Vec<String> = header.iter().map(|h| normalise(h)).collect();
        let found = Column::ALL
            .iter()
            .map(|column| {
                column
                    .names()
                    .iter()
                    .flat_map(|wanted| {
                        names
                            .iter()
                            .enumerate()
                            .filter(move |(_, name)| name.as_str() == *wanted)
                            .map(|(i, _)| i)
                    })
                    .collect()
            })
            .collect();
        Columns {
            headers: header.iter().map(|h| h.trim().to_string()).collect(),
            found,
        }
    }

    fn positions(&self, column: Column) -> &[usize] {
        Column::ALL
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.found.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the sheet has a column of this kind.
    pub fn has(&self, column: Column) -> bool {
        !self.positions(column).is_empty()
    }

    /// The header of the preferred column of this kind, as written (or how
    /// messages name it when the sheet has none).
    pub fn header(&self, column: Column) -> &str {
        self.positions(column)
            .first()
            .and_then(|&i| self.headers.get(i))
            .map_or(column.default_header(), String::as_str)
    }

    /// The first non-blank cell of this kind in `cells` (trimmed), with its
    /// column's header: a sheet with both "Summary" and "Description" uses
    /// the description where the summary is empty.
    pub fn cell<'a>(&'a self, column: Column, cells: &'a [String]) -> Option<(&'a str, &'a str)> {
        self.positions(column).iter().find_map(|&i| {
            let cell = cells.get(i)?.trim();
            let header = self.headers.get(i)?;
            (!cell.is_empty()).then_some((cell, header.as_str()))
        })
    }

    /// The text of this kind's cell in `cells`, if not blank.
    pub fn text<'a>(&'a self, column: Column, cells: &'a [String]) -> Option<&'a str> {
        self.cell(column, cells).map(|(cell, _)| cell)
    }

    /// A [`ErrorKind::MissingColumn`] error, in the header's row, for each
    /// required column the sheet lacks.
    pub fn missing(&self, header_row: usize) -> Vec<StoryError> {
        [
            (Column::Latitude, "latitude", "\"lat\" or \"latitude\""),
            (
                Column::Longitude,
                "longitude",
                "\"lon\", \"lng\", \"long\" or \"longitude\"",
            ),
            (Column::Title, "title", "\"title\" or \"headline\""),
        ]
        .into_iter()
        .filter(|(column, _, _)| !self.has(*column))
        .map(|(_, needed, names)| {
            StoryError::in_row(header_row, "", ErrorKind::MissingColumn { needed, names })
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(header: &[&str]) -> Columns {
        Columns::new(&header.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn names_are_compared_loosely() {
        assert_eq!(normalise("  Media   Credit "), "media credit");
        assert_eq!(normalise("MEDIA_CREDIT"), "media credit");
        assert_eq!(normalise("Display\tDate"), "display date");
        let c = columns(&[
            "Latitude",
            " LNG ",
            "Headline",
            "Media  Credit",
            "End Year",
            "Group",
        ]);
        for column in [
            Column::Latitude,
            Column::Longitude,
            Column::Title,
            Column::Credit,
        ] {
            assert!(c.has(column), "{column:?}");
        }
        assert!(!c.has(Column::Year), "End Year is not Year");
        assert_eq!(c.header(Column::Longitude), "LNG");
        assert!(c.missing(1).is_empty());
    }

    #[test]
    fn every_synonym_is_recognised() {
        for column in Column::ALL {
            for name in column.names() {
                let c = columns(&["other", &name.to_uppercase()]);
                assert!(c.has(column), "{name}");
                assert_eq!(c.text(column, &row(&["x", " v "])), Some("v"));
            }
        }
    }

    #[test]
    fn the_preferred_name_first_then_the_others_where_it_is_empty() {
        let c = columns(&["Description", "Name", "Summary", "Place"]);
        let cells = row(&["D", "N", "S", "P"]);
        assert_eq!(c.cell(Column::Summary, &cells), Some(("S", "Summary")));
        assert_eq!(c.cell(Column::Place, &cells), Some(("P", "Place")));
        let cells = row(&["D", "N", "  ", ""]);
        assert_eq!(c.cell(Column::Summary, &cells), Some(("D", "Description")));
        assert_eq!(c.cell(Column::Place, &cells), Some(("N", "Name")));
        // A short row lacks its last cells.
        assert_eq!(c.cell(Column::Place, &row(&["D"])), None);
        assert_eq!(c.header(Column::Summary), "Summary");
    }

    #[test]
    fn required_columns_are_named_when_missing() {
        let c = columns(&["place", "latitude", "date"]);
        let messages: Vec<String> = c.missing(1).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "Row 1: the spreadsheet has no longitude column; name a column \"lon\", \"lng\", \"long\" or \"longitude\" (any case).",
                "Row 1: the spreadsheet has no title column; name a column \"title\" or \"headline\" (any case).",
            ]
        );
        assert_eq!(columns(&[]).missing(1).len(), 3);
        assert_eq!(c.header(Column::Title), "Title");
    }
}
