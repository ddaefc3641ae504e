//! Spreadsheets (CSV) as stories: a header row, then one event per row.
//!
//! Columns are known by name, in any case, with spaces and underscores
//! alike (`Media Credit`, `media_credit`):
//!
//! | holds | names |
//! | --- | --- |
//! | latitude (required) | `lat`, `latitude` |
//! | longitude (required) | `lon`, `lng`, `long`, `longitude` |
//! | title (required) | `title`, `headline` |
//! | place name | `place`, `location`, `name` (else the title) |
//! | date | `date`, or TimelineJS's `Year`, `Month`, `Day`; `Display Date` is shown when there is none |
//! | summary | `summary`, `text`, `description` (HTML becomes rich text) |
//! | media | `media`, `image`, with `media credit`/`credit`, `media caption`/`caption`, `alt`/`alt text`/`media alt` |
//! | link to the source | `link`, `url` |
//! | id | `id` |
//! | TimelineJS row type | `type`: `title` gives the story's title and summary, `era` is left out |
//!
//! Other columns are ignored. A row without a usable latitude, longitude or
//! title is left out, and so is a bad media address or link; each is a
//! notice naming the row and column ([`Story::notices`]). Rows at the same
//! coordinates share a place, and undated rows keep the sheet's order.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use crate::story::{
    is_media_address, is_web_link, parse_value, Axis, ErrorKind, RichText, RichTextProblem, Story,
    StoryError,
};

use super::csv_columns::{normalise, Column, Columns};
use super::csv_dates::row_date;
use super::csv_records::{records, Record};
use super::html::{plain_text, rich_text_json};

/// The story of a CSV spreadsheet (see the module's documentation for the
/// columns). Rows that cannot be shown are left out, each with a notice in
/// [`Story::notices`] (a repeated id is dropped, and the row gets a fresh
/// one, with a notice); the story is refused only when no row can be shown,
/// a required column is missing or the text is not CSV.
///
/// # Examples
///
/// ```
/// use dateline_story::import::csv::read;
///
/// let sheet = "Headline,Latitude,Longitude,Year,Month\n\
///              Putin and Erdogan see an Aurus cabin,55.5533,38.15,2019,8\n\
///              A bad row,95,38.15,2019,\n";
/// let story = read(sheet).map_err(|e| e[0].to_string())?;
/// assert_eq!(story.places[0].events[0].date.map(|d| d.format_en()).as_deref(), Some("August 2019"));
/// assert_eq!(
///     story.notices[0].to_string(),
///     "Row 3, column \"Latitude\": latitude 95 is outside the allowed range -90 to 90."
/// );
/// # Ok::<(), String>(())
/// ```
pub fn read(text: &str) -> Result<Story, Vec<StoryError>> {
    read_as_geojson(text).map(|(story, _)| story)
}

/// Like [`read`], with the story's GeoJSON as well (what Dateline Studio edits).
#[inline]
pub fn read_as_geojson(text: &str) -> Result<(Story, Value), Vec<StoryError>> {
    let records = records(text).map_err(|e| vec![e])?;
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![bad_csv(
            "the file is empty; its first row must name the columns, such as title,lat,lon,date",
        )]);
    };
    let columns = Columns::new(&header.cells);
    let missing = columns.missing(header.row);
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut sheet = Sheet {
        columns,
        features: Vec::new(),
        feature_rows: Vec::new(),
        title: None,
        summary: None,
        notices: Vec::new(),
        skipped: 0,
        ids: HashMap::new(),
    };
    for record in rows {
        sheet.add(record);
    }
    sheet.finish()
}

fn bad_csv(message: &str) -> StoryError {
    StoryError::story(
        "",
        ErrorKind::BadCsv {
            message: message.to_string(),
        },
    )
}

/// The story being read from a sheet.
struct Sheet {
    columns: Columns,
    /// One single-event GeoJSON Feature per row shown, in row order.
    features: Vec<Value>,
    /// The row each feature comes from.
    feature_rows: Vec<usize>,
    title: Option<String>,
    summary: Option<Value>,
    notices: Vec<StoryError>,
    /// Rows left out.
    skipped: usize,
    /// The ids written so far, each with its row.
    ids: HashMap<String, usize>,
}

impl Sheet {
    fn add(&mut self, record: &Record) {
        let cells = record.cells.as_slice();
        let kind = self.columns.text(Column::Type, cells).map(normalise);
        match kind.as_deref() {
            Some("title") => {
                // The first title row names the story; TimelineJS has only one.
                if self.title.is_none() && self.summary.is_none() {
                    self.title = self.columns.text(Column::Title, cells).and_then(plain);
                    self.summary = self.columns.text(Column::Summary, cells).map(|text| {
                        summary(
                            text,
                            record.row,
                            self.columns.header(Column::Summary),
                            &mut self.notices,
                        )
                    });
                }
                return;
            }
            Some("era") => {
                let header = self.columns.header(Column::Type).to_string();
                self.notices
                    .push(StoryError::in_row(record.row, header, ErrorKind::EraRow));
                self.skipped += 1;
                return;
            }
            _ => {}
        }
        match feature(&self.columns, record, &mut self.notices) {
            Some(mut feature) => {
                self.keep_id_unique(&mut feature, record.row);
                self.features.push(feature);
                self.feature_rows.push(record.row);
            }
            None => self.skipped += 1,
        }
    }

    /// Drops the feature's id if an earlier row has it (a repeat would stop
    /// the whole story; the parser gives the row a fresh id instead).
    fn keep_id_unique(&mut self, feature: &mut Value, row: usize) {
        let Some(obj) = feature.as_object_mut() else {
            return;
        };
        let Some(id) = obj.get("id").and_then(Value::as_str).map(str::to_string) else {
            return;
        };
        match self.ids.get(&id) {
            Some(&first_row) => {
                obj.remove("id");
                let header = self.columns.header(Column::Id).to_string();
                let kind = ErrorKind::DuplicateRowId { id, first_row };
                self.notices.push(StoryError::in_row(row, header, kind));
            }
            None => {
                self.ids.insert(id, row);
            }
        }
    }

    fn finish(self) -> Result<(Story, Value), Vec<StoryError>> {
        if self.features.is_empty() {
            if self.skipped == 0 {
                return Err(vec![bad_csv(
                    "there are no rows under the header; add one row per event, with its latitude, longitude and title",
                )]);
            }
            let mut errors = vec![StoryError::story(
                "",
                ErrorKind::NothingToShow {
                    what: "row",
                    skipped: self.skipped,
                },
            )];
            errors.extend(self.notices);
            return Err(errors);
        }
        let mut properties = Map::new();
        if let Some(title) = &self.title {
            properties.insert("title".into(), title.clone().into());
        }
        if let Some(summary) = &self.summary {
            properties.insert("summary".into(), summary.clone());
        }
        let value = json!({
            "type": "FeatureCollection",
            "properties": properties,
            "features": self.features,
        });
        match parse_value(&value) {
            Ok(mut story) => {
                story.notices = self.notices;
                Ok((story, value))
            }
            Err(errors) => {
                let mut errors: Vec<StoryError> =
                    errors.into_iter().map(|e| self.in_row(e)).collect();
                // Everything wrong with the sheet at once, row by row.
                errors.extend(self.notices.iter().cloned());
                crate::sorting::sort_by(&mut errors, |a, b| a.feature.cmp(&b.feature));
                Err(errors)
            }
        }
    }

    /// The story parser's error about a feature, as one about its row and column.
    fn in_row(&self, error: StoryError) -> StoryError {
        let Some(row) = error
            .feature
            .and_then(|i| self.feature_rows.get(i))
            .copied()
        else {
            return error;
        };
        let field = error.field.as_str();
        let column = if field == "id" {
            Column::Id
        } else if field.starts_with("geometry") {
            Column::Latitude
        } else if field.starts_with("properties.summary") {
            Column::Summary
        } else if field.starts_with("properties.media") {
            Column::Media
        } else if field.starts_with("properties.date") {
            Column::Date
        } else if field.starts_with("properties.place") {
            Column::Place
        } else if field.starts_with("properties.url") {
            Column::Link
        } else {
            Column::Title
        };
        let kind = match error.kind {
            ErrorKind::DuplicateId { id, first_feature } => ErrorKind::DuplicateRowId {
                id,
                first_row: self
                    .feature_rows
                    .get(first_feature)
                    .copied()
                    .unwrap_or(first_feature),
            },
            kind => kind,
        };
        StoryError::in_row(row, self.columns.header(column), kind)
    }
}

/// Whether a cell holds HTML (TimelineJS and StoryMapJS text often does):
/// a `<` that starts a tag, and a `>`.
fn looks_like_html(text: &str) -> bool {
    text.contains('>')
        && text.match_indices('<').any(|(i, _)| {
            text.get(i + 1..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
        })
}

/// A cell as plain text: HTML loses its markup. `None` if nothing is left.
fn plain(cell: &str) -> Option<String> {
    let text = if looks_like_html(cell) {
        plain_text(cell)
    } else {
        cell.to_string()
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A summary cell as the story format's text: HTML as rich text, kept as
/// plain text (with a notice) if its links are not web links.
fn summary(cell: &str, row: usize, header: &str, notices: &mut Vec<StoryError>) -> Value {
    if !looks_like_html(cell) {
        return Value::String(cell.to_string());
    }
    let rich = rich_text_json(cell);
    match RichText::from_json(&rich) {
        Ok(_) => rich,
        Err(problem) => {
            if let RichTextProblem::Link { href, .. } = problem {
                notices.push(StoryError::in_row(
                    row,
                    header,
                    ErrorKind::BadLink { url: href },
                ));
            }
            Value::String(plain_text(cell))
        }
    }
}

/// A coordinate as a spreadsheet may write it: a decimal point, or a decimal
/// comma when there is no point ("55,752"); a typographic minus is a minus.
fn number(cell: &str) -> Option<f64> {
    let text = cell.replace('\u{2212}', "-");
    let text = if text.contains('.') {
        text
    } else {
        text.replacen(',', ".", 1)
    };
    // Plain decimals only: `f64::from_str` also reads "inf" and "NaN".
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    plain
        .then(|| text.parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite())
}

/// The row's coordinate on `axis`, or its problem recorded.
fn coordinate(
    columns: &Columns,
    record: &Record,
    axis: Axis,
    notices: &mut Vec<StoryError>,
) -> Option<f64> {
    let (column, needed) = match axis {
        Axis::Latitude => (
            Column::Latitude,
            "the place's latitude, a number from -90 to 90 such as 55.752",
        ),
        Axis::Longitude => (
            Column::Longitude,
            "the place's longitude, a number from -180 to 180 such as 37.6175",
        ),
    };
    let mut report =
        |header: &str, kind| notices.push(StoryError::in_row(record.row, header, kind));
    let Some((cell, header)) = columns.cell(column, &record.cells) else {
        report(columns.header(column), ErrorKind::EmptyCell { needed });
        return None;
    };
    let Some(value) = number(cell) else {
        report(
            header,
            ErrorKind::NotANumber {
                found: cell.to_string(),
                axis,
            },
        );
        return None;
    };
    let (min, max) = axis.range();
    if (min..=max).contains(&value) {
        Some(value)
    } else {
        report(
            header,
            ErrorKind::OutOfRange {
                axis,
                value,
                min,
                max,
            },
        );
        None
    }
}

/// The row as a one-event GeoJSON Feature, or `None` (its problems
/// recorded) if it cannot be shown.
fn feature(columns: &Columns, record: &Record, notices: &mut Vec<StoryError>) -> Option<Value> {
    let (row, cells) = (record.row, record.cells.as_slice());
    // Every problem of the row is reported before it is left out.
    let lat = coordinate(columns, record, Axis::Latitude, notices);
    let lon = coordinate(columns, record, Axis::Longitude, notices);
    let title = columns.text(Column::Title, cells).and_then(plain);
    if title.is_none() {
        let needed = "the event's title, a few words saying what happened";
        notices.push(StoryError::in_row(
            row,
            columns.header(Column::Title),
            ErrorKind::EmptyCell { needed },
        ));
    }
    let (Some(lat), Some(lon), Some(title)) = (lat, lon, title) else {
        return None;
    };

    let mut props = Map::new();
    props.insert("title".into(), title.into());
    if let Some(place) = columns.text(Column::Place, cells).and_then(plain) {
        props.insert("place".into(), place.into());
    }
    let when = row_date(columns, cells, row);
    notices.extend(when.problems);
    if let Some(date) = when.date {
        props.insert("date".into(), date.iso().into());
    }
    if let Some(text) = when.text.as_deref().and_then(plain) {
        props.insert("date_text".into(), text.into());
    }
    if let Some((cell, header)) = columns.cell(Column::Summary, cells) {
        props.insert("summary".into(), summary(cell, row, header, notices));
    }
    if let Some((url, header)) = columns.cell(Column::Media, cells) {
        if is_media_address(url) {
            let mut media = Map::new();
            media.insert("url".into(), url.into());
            for (column, key) in [
                (Column::Credit, "credit"),
                (Column::Caption, "caption"),
                (Column::Alt, "alt"),
            ] {
                if let Some(text) = columns.text(column, cells).and_then(plain) {
                    media.insert(key.into(), text.into());
                }
            }
            props.insert("media".into(), media.into());
        } else {
            notices.push(StoryError::in_row(
                row,
                header,
                ErrorKind::BadMediaAddress {
                    url: url.to_string(),
                },
            ));
        }
    }
    if let Some((url, header)) = columns.cell(Column::Link, cells) {
        if is_web_link(url) {
            props.insert("url".into(), url.into());
        } else {
            notices.push(StoryError::in_row(
                row,
                header,
                ErrorKind::BadLink {
                    url: url.to_string(),
                },
            ));
        }
    }
    let mut feature = json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    });
    if let (Some(id), Some(obj)) = (columns.text(Column::Id, cells), feature.as_object_mut()) {
        obj.insert("id".into(), id.into());
    }
    Some(feature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::reading_order;
    use crate::story::{Media, Precision};

    const TIMELINEJS: &str = include_str!("../../../../tests/fixtures/csv/timelinejs.csv");
    const SEMICOLON: &str = include_str!("../../../../tests/fixtures/csv/semicolon.csv");
    const ONLY_BAD_ROWS: &str = include_str!("../../../../tests/fixtures/csv/only-bad-rows.csv");

    fn story(text: &str) -> Story {
        read(text).unwrap_or_else(|e| panic!("{e:#?}"))
    }

    fn messages(errors: &[StoryError]) -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    }

    fn notices(text: &str) -> Vec<String> {
        messages(&story(text).notices)
    }

    fn errors(text: &str) -> Vec<String> {
        messages(&read(text).unwrap_err())
    }

    /// Event titles in reading order.
    fn titles(story: &Story) -> Vec<&str> {
        reading_order(story)
            .iter()
            .filter_map(|r| r.resolve(story))
            .map(|(_, e)| e.title.as_str())
            .collect()
    }

    #[test]
    fn one_event_per_row() {
        let s = story("place,lat,lon,date,title\nMoscow,55.752,37.6175,2018-05-07,Putin arrives in an Aurus\n");
        assert_eq!(s.places.len(), 1);
        let place = &s.places[0];
        assert_eq!(
            (place.name.as_str(), place.lat, place.lon),
            ("Moscow", 55.752, 37.6175)
        );
        let event = &place.events[0];
        assert_eq!(event.title, "Putin arrives in an Aurus");
        assert_eq!(event.date.map(|d| d.iso()).as_deref(), Some("2018-05-07"));
        assert!(s.notices.is_empty());
        assert_eq!(s.title, None);
    }

    #[test]
    fn columns_by_any_synonym_in_any_case_others_ignored() {
        let s = story(
            "ID, Headline ,LOCATION,Lat,Lng,Description,Image,Credit,Caption,Alt,URL,Colour\n\
             kim,Kim's gift,Moscow,55.752,37.6175,A car.,photos/kim.jpg,TASS,Kim and the car,Two men,https://tass.com/politics/1749135,red\n",
        );
        let place = &s.places[0];
        assert_eq!((place.id.as_str(), place.name.as_str()), ("kim", "Moscow"));
        let e = &place.events[0];
        assert_eq!((e.id.as_str(), e.title.as_str()), ("kim", "Kim's gift"));
        assert_eq!(
            e.summary.as_ref().map(RichText::to_plain).as_deref(),
            Some("A car.")
        );
        assert_eq!(
            e.media,
            [Media {
                url: "photos/kim.jpg".into(),
                alt: Some("Two men".into()),
                caption: Some("Kim and the car".into()),
                credit: Some("TASS".into()),
                link: None,
            }]
        );
        let source = e.source.as_ref().unwrap();
        assert_eq!(
            source.url.as_deref(),
            Some("https://tass.com/politics/1749135")
        );
        assert_eq!(source.name, "tass.com");
        // The other names.
        let s = story("latitude,long,title,name,text,media,media credit,media caption,link\n1,2,T,N,S,a.png,C,P,http://x.org/\n");
        let e = &s.places[0].events[0];
        assert_eq!(s.places[0].name, "N");
        assert_eq!(
            e.summary.as_ref().map(RichText::to_plain).as_deref(),
            Some("S")
        );
        assert_eq!(e.media[0].credit.as_deref(), Some("C"));
        assert_eq!(e.media[0].caption.as_deref(), Some("P"));
        assert_eq!(story("lat,longitude,title\n1,2,T\n").places[0].lon, 2.0);
        assert_eq!(
            story("lat,lon,title\n1,2,T\n").places[0].name,
            "T",
            "the title names the place"
        );
    }

    #[test]
    fn a_timelinejs_sheet_with_latitude_and_longitude() {
        let s = story(TIMELINEJS);
        assert_eq!(s.title.as_deref(), Some("Aurus, the Kremlin's limousine"));
        let summary =
            RichText::from_json(&rich_text_json("<p>From an inauguration to a gift.</p>")).unwrap();
        assert_eq!(s.summary.as_ref(), Some(&summary));
        // The title row is no event, the era is left out with a notice.
        assert_eq!(s.event_count(), 6);
        assert_eq!(
            messages(&s.notices),
            ["Row 6, column \"Type\": TimelineJS eras (rows of type \"era\") have no place on the map, so the row is left out."]
        );
        // Rows at the same coordinates share a place, named by the first.
        let names: Vec<(&str, usize)> = s
            .places
            .iter()
            .map(|p| (p.name.as_str(), p.events.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("Putin arrives at his inauguration in an Aurus", 4),
                (
                    "Putin and Erdogan inspect a helicopter with an Aurus cabin",
                    1
                ),
                ("An Aurus is shown in Ashgabat", 1),
            ]
        );
        let precision = |title: &str| {
            s.events()
                .find(|(_, e)| e.title == title)
                .and_then(|(_, e)| e.date)
                .map(|d| (d.iso(), d.precision()))
        };
        assert_eq!(
            precision("Putin arrives at his inauguration in an Aurus"),
            Some(("2018-05-07".into(), Precision::Day))
        );
        assert_eq!(
            precision("Putin and Erdogan inspect a helicopter with an Aurus cabin"),
            Some(("2019-08".into(), Precision::Month))
        );
        assert_eq!(
            precision("An Aurus is shown in Ashgabat"),
            Some(("2019".into(), Precision::Year))
        );
        assert_eq!(
            precision("Putin gives Kim Jong Un an Aurus"),
            Some(("2024-02-20".into(), Precision::Day))
        );
        // Undated rows follow, in the sheet's order; Display Date is their text.
        assert_eq!(
            titles(&s),
            [
                "Putin arrives at his inauguration in an Aurus",
                "An Aurus is shown in Ashgabat",
                "Putin and Erdogan inspect a helicopter with an Aurus cabin",
                "Putin gives Kim Jong Un an Aurus",
                "Guests ride in the Aurus",
                "The Aurus at a parade",
            ]
        );
        let (_, guests) = s
            .events()
            .find(|(_, e)| e.title == "Guests ride in the Aurus")
            .unwrap();
        assert_eq!(
            (guests.date, guests.date_text.as_deref()),
            (None, Some("Spring 2021"))
        );
        assert_eq!(
            guests.summary.as_ref().map(RichText::to_plain).as_deref(),
            Some("Foreign guests, \"impressed\", ride in the car.")
        );
        let first = &s.places[0].events[0];
        let text = "<p>The first public outing of the <b>Aurus Senat</b>, made by NAMI.</p>";
        assert_eq!(
            first.summary,
            RichText::from_json(&rich_text_json(text)).ok()
        );
        let media = &first.media[0];
        assert_eq!(media.url, "https://example.org/photos/aurus.jpg");
        assert_eq!(
            (media.credit.as_deref(), media.caption.as_deref()),
            (Some("TASS"), Some("The Aurus Senat at the Kremlin"))
        );
    }

    #[test]
    fn rfc_4180_quoting() {
        let s = story(
            "title,lat,lon,summary\n\
             \"Moscow, the Kremlin\",55.752,37.6175,\"He said \"\"Aurus\"\".\"\n\
             \"Two\nlines\",1,2,\"A\n\nB\"\n\
             Bad,95,2,\n",
        );
        let events: Vec<(&str, Option<String>)> = s
            .events()
            .map(|(_, e)| (e.title.as_str(), e.summary.as_ref().map(RichText::to_plain)))
            .collect();
        assert_eq!(
            events,
            [
                ("Moscow, the Kremlin", Some("He said \"Aurus\".".into())),
                ("Two\nlines", Some("A\n\nB".into())),
            ]
        );
        // A cell over two lines is one row: the bad row is row 4.
        assert_eq!(
            messages(&s.notices),
            ["Row 4, column \"lat\": latitude 95 is outside the allowed range -90 to 90."]
        );
    }

    #[test]
    fn byte_order_mark_crlf_semicolons_and_decimal_commas() {
        let s = story(SEMICOLON);
        let places: Vec<(&str, f64, f64)> = s
            .places
            .iter()
            .map(|p| (p.name.as_str(), p.lat, p.lon))
            .collect();
        assert_eq!(
            places,
            [("Moscow", 55.752, 37.6175), ("Zhukovsky", 55.5533, 38.15)]
        );
        let e = &s.places[0].events[0];
        assert_eq!(
            e.summary.as_ref().map(RichText::to_plain).as_deref(),
            Some("The first ride;\nin the Kremlin")
        );
        assert_eq!(
            s.places[1].events[0].date.map(|d| d.iso()).as_deref(),
            Some("2019-08")
        );
        // Tabs too, and blank lines still count as rows.
        let s = read("lat\tlon\ttitle\n\n1\t2\tA\n\n1\t200\tB\n").unwrap();
        assert_eq!(
            messages(&s.notices),
            ["Row 5, column \"lon\": longitude 200 is outside the allowed range -180 to 180."]
        );
    }

    #[test]
    fn coordinates_as_numbers_in_range() {
        let s = story("title,lat,lon\nA,\u{2212}33.9,\"18,42\"\nB, 1e1 ,+2\n");
        let points: Vec<(f64, f64)> = s.places.iter().map(|p| (p.lat, p.lon)).collect();
        assert_eq!(points, [(-33.9, 18.42), (10.0, 2.0)]);
        assert_eq!(
            notices("title,Latitude,Longitude\nOK,1,2\nA,95,2\nB,-91,-181\nC,north,NaN\nD,,\nE,inf,\"1,2,3\"\nF,55.7°,1\n"),
            [
                "Row 3, column \"Latitude\": latitude 95 is outside the allowed range -90 to 90.",
                "Row 4, column \"Latitude\": latitude -91 is outside the allowed range -90 to 90.",
                "Row 4, column \"Longitude\": longitude -181 is outside the allowed range -180 to 180.",
                "Row 5, column \"Latitude\": \"north\" is not a number; write the latitude as a decimal such as 55.752.",
                "Row 5, column \"Longitude\": \"NaN\" is not a number; write the longitude as a decimal such as 37.6175.",
                "Row 6, column \"Latitude\": the cell is empty, so the row is left out; write the place's latitude, a number from -90 to 90 such as 55.752.",
                "Row 6, column \"Longitude\": the cell is empty, so the row is left out; write the place's longitude, a number from -180 to 180 such as 37.6175.",
                "Row 7, column \"Latitude\": \"inf\" is not a number; write the latitude as a decimal such as 55.752.",
                "Row 7, column \"Longitude\": \"1,2,3\" is not a number; write the longitude as a decimal such as 37.6175.",
                "Row 8, column \"Latitude\": \"55.7°\" is not a number; write the latitude as a decimal such as 55.752.",
            ]
        );
    }

    #[test]
    fn a_row_needs_a_title() {
        let s = story("title,lat,lon\nA,1,2\n  ,3,4\n");
        assert_eq!(s.event_count(), 1);
        assert_eq!(
            messages(&s.notices),
            ["Row 3, column \"title\": the cell is empty, so the row is left out; write the event's title, a few words saying what happened."]
        );
        // Every problem of a row is reported at once.
        assert_eq!(notices("lat,lon,headline\n1,2,A\n95,,\n").len(), 3);
    }

    #[test]
    fn bad_media_and_links_are_left_out_and_the_row_shows() {
        let s = story("title,lat,lon,media,caption,url\nA,1,2,javascript:alert(1),Cap,tass.com/x\nB,1,2,,Cap,\n");
        assert_eq!(s.event_count(), 2);
        let e = &s.places[0].events[0];
        assert!(e.media.is_empty() && e.source.is_none());
        assert!(
            s.places[0].events[1].media.is_empty(),
            "a caption alone is no media"
        );
        assert_eq!(
            messages(&s.notices),
            [
                "Row 2, column \"media\": \"javascript:alert(1)\" is not a media address; use an absolute address starting with http:// or https://, or a path relative to the story file.",
                "Row 2, column \"url\": \"tass.com/x\" is not a web link; use an absolute address starting with http:// or https://.",
            ]
        );
    }

    #[test]
    fn html_cells() {
        let text = "<p>A <a href=\"https://tass.com/\">link</a></p>";
        let sheet = format!(
            "title,lat,lon,summary\n<i>Aurus</i> arrives,1,2,\"{}\"\nPlain,1,2,a < b and c > d\n",
            text.replace('"', "\"\"")
        );
        let s = story(&sheet);
        let events: Vec<_> = s.places[0].events.iter().collect();
        assert_eq!(events[0].title, plain_text("<i>Aurus</i> arrives").trim());
        assert_eq!(
            events[0].summary,
            RichText::from_json(&rich_text_json(text)).ok()
        );
        assert_eq!(
            events[1]
                .summary
                .as_ref()
                .map(RichText::to_plain)
                .as_deref(),
            Some("a < b and c > d")
        );
        assert!(
            looks_like_html("<br>") && looks_like_html("x</p>") && looks_like_html("<!-- c -->")
        );
        assert!(!looks_like_html("a < b > c") && !looks_like_html("<b") && !looks_like_html("1<2"));
    }

    #[test]
    fn dates_in_a_date_column() {
        let s = story("title,lat,lon,date,display date\nA,1,2,2019,\nB,1,2,Spring 1845,\nC,1,2,2023-02-30,\nD,1,2,around then,Circa 1900\nE,1,2,,Later\n");
        let dates: Vec<(&str, Option<String>, Option<&str>)> = s.places[0]
            .events
            .iter()
            .map(|e| {
                (
                    e.title.as_str(),
                    e.date.map(|d| d.iso()),
                    e.date_text.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            dates,
            [
                ("A", Some("2019".into()), None),
                ("B", None, Some("Spring 1845")),
                ("C", None, Some("2023-02-30")),
                ("D", None, Some("Circa 1900")),
                ("E", None, Some("Later")),
            ]
        );
        // Free text is a legitimate date; a date that does not exist is a slip.
        assert_eq!(
            messages(&s.notices),
            ["Row 4, column \"date\": \"2023-02-30\" is not a real date (February 2023 has 28 days); use YYYY, YYYY-MM or YYYY-MM-DD."]
        );
    }

    #[test]
    fn year_month_and_day_keep_their_precision() {
        let s = story("title,lat,lon,year,month,day\nA,1,2,2019,,\nB,1,2,2019,8,\nC,1,2,2022,06,10\nD,1,2,2024,Feb,29\nE,1,2,,,\n");
        let dates: Vec<Option<String>> = s.places[0]
            .events
            .iter()
            .map(|e| e.date.map(|d| d.format_en()))
            .collect();
        assert_eq!(
            dates,
            [
                Some("2019".into()),
                Some("August 2019".into()),
                Some("10 June 2022".into()),
                Some("29 February 2024".into()),
                None
            ]
        );
        assert!(s.notices.is_empty());
    }

    #[test]
    fn bad_year_month_or_day_shows_the_row_undated() {
        let s = story(
            "title,lat,lon,Year,Month,Day\nA,1,2,c. 1845,,\nB,1,2,2019,13,\nC,1,2,2019,,23\nD,1,2,,5,\nE,1,2,2023,2,30\nF,1,2,2019,Agust,x\n",
        );
        assert_eq!(s.event_count(), 6);
        let texts: Vec<Option<&str>> = s.places[0]
            .events
            .iter()
            .map(|e| e.date_text.as_deref())
            .collect();
        assert_eq!(
            texts,
            [
                Some("c. 1845"),
                Some("2019-13"),
                Some("2019-23"),
                Some("5"),
                Some("2023-2-30"),
                Some("2019-Agust-x")
            ]
        );
        assert_eq!(
            messages(&s.notices),
            [
                "Row 2, column \"Year\": \"c. 1845\" is not a year from 1 to 9999; the row shows undated until you write a year such as 2019.",
                "Row 3, column \"Month\": \"13\" is not a month; the row shows undated until you write a month from 1 to 12 or its English name, such as 8 or August.",
                "Row 4, column \"Day\": \"23\" is a day without a month; the row shows undated until you write its month in the Month column too.",
                "Row 5, column \"Month\": \"5\" is a month without a year; the row shows undated until you write its year in the Year column too.",
                "Row 6, column \"Day\": \"30 February 2023\" is not a real date; the row shows undated until you write a day that month has.",
                "Row 7, column \"Month\": \"Agust\" is not a month; the row shows undated until you write a month from 1 to 12 or its English name, such as 8 or August.",
                "Row 7, column \"Day\": \"x\" is not a day; the row shows undated until you write a day of the month from 1 to 31.",
            ]
        );
    }

    #[test]
    fn a_sheet_with_only_bad_rows() {
        assert_eq!(
            errors(ONLY_BAD_ROWS),
            [
                "Story: there is no row that can be shown (4 left out: see the problems listed with them).",
                "Row 2, column \"lat\": latitude 95 is outside the allowed range -90 to 90.",
                "Row 3, column \"lat\": the cell is empty, so the row is left out; write the place's latitude, a number from -90 to 90 such as 55.752.",
                "Row 3, column \"lon\": the cell is empty, so the row is left out; write the place's longitude, a number from -180 to 180 such as 37.6175.",
                "Row 4, column \"lat\": \"north\" is not a number; write the latitude as a decimal such as 55.752.",
                "Row 4, column \"lon\": \"east\" is not a number; write the longitude as a decimal such as 37.6175.",
                "Row 5, column \"title\": the cell is empty, so the row is left out; write the event's title, a few words saying what happened.",
            ]
        );
        assert_eq!(
            errors("lat,lon,title,type\n,,Era,era\n"),
            [
                "Story: there is no row that can be shown (1 left out: see the problems listed with them).",
                "Row 2, column \"type\": TimelineJS eras (rows of type \"era\") have no place on the map, so the row is left out.",
            ]
        );
    }

    #[test]
    fn missing_required_columns() {
        assert_eq!(
            errors("place,latitude,date\nMoscow,55.7,2019\n"),
            [
                "Row 1: the spreadsheet has no longitude column; name a column \"lon\", \"lng\", \"long\" or \"longitude\" (any case).",
                "Row 1: the spreadsheet has no title column; name a column \"title\" or \"headline\" (any case).",
            ]
        );
        assert_eq!(errors("\n\nname\n")[0], "Row 3: the spreadsheet has no latitude column; name a column \"lat\" or \"latitude\" (any case).");
    }

    #[test]
    fn empty_sheets_and_broken_quotes() {
        for text in [
            "",
            "\u{feff}\r\n\r\n",
            "lat,lon,title\n",
            "lat,lon,title,type\n,,Story,title\n",
        ] {
            let e = errors(text);
            assert_eq!(e.len(), 1, "{text:?}");
            assert!(
                e[0].starts_with("Story: the file cannot be read as a spreadsheet (CSV): "),
                "{e:?}"
            );
        }
        assert_eq!(errors("")[0], "Story: the file cannot be read as a spreadsheet (CSV): the file is empty; its first row must name the columns, such as title,lat,lon,date.");
        assert_eq!(
            errors("lat,lon,title\n")[0],
            "Story: the file cannot be read as a spreadsheet (CSV): there are no rows under the header; add one row per event, with its latitude, longitude and title."
        );
        assert!(errors("lat,lon,title\n1,2,\"A\n3,4,B\n")[0].contains("row 2 opens a quoted cell"));
    }

    #[test]
    fn ids_become_event_ids_and_a_repeat_gets_a_fresh_one() {
        let s = story("id,lat,lon,title\ngift,1,2,A\n,1,2,B\n7,3,4,C\n");
        let ids: Vec<&str> = s.events().map(|(_, e)| e.id.as_str()).collect();
        assert_eq!(ids, ["gift", "gift-2", "7"]);
        let s = story("id,lat,lon,title\ngift,1,2,A\nother,1,2,B\ngift,3,4,C\nx,95,1,D\n");
        let ids: Vec<&str> = s.events().map(|(_, e)| e.id.as_str()).collect();
        assert_eq!(ids, ["gift", "other", "place-2-1"]);
        let notices: Vec<String> = s.notices.iter().map(ToString::to_string).collect();
        assert_eq!(
            notices,
            [
                "Row 4, column \"id\": the id \"gift\" is already used in row 2, so this row gets one of its own; give each row its own id, or leave the cell empty.",
                "Row 5, column \"lat\": latitude 95 is outside the allowed range -90 to 90.",
            ]
        );
    }
}
