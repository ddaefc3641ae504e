//! The records of a spreadsheet's text (RFC 4180, read with `csv-core`),
//! each numbered as a spreadsheet shows its rows.
//!
//! A spreadsheet opening a CSV file shows a blank line as an empty row and a
//! quoted cell that spans lines as one row, so a record's row number is one
//! more than the records and blank lines before it: the header is row 1.

use csv_core::{ReadFieldResult, ReaderBuilder};

use crate::story::{ErrorKind, StoryError};

/// One row of the spreadsheet that has something in it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// The row's number as a spreadsheet shows it (from 1).
    pub row: usize,
    /// The cells, unquoted, as written (not trimmed), with line breaks as `\n`.
    pub cells: Vec<String>,
}

/// Every non-blank record of `text`, in order. A leading byte-order mark is
/// skipped; lines may end in CRLF, LF or CR; the delimiter is found from the
/// header line ([`delimiter`]). Blank rows (nothing but delimiters and
/// spaces) are left out but still counted.
///
/// The one thing refused is a quoted cell that is never closed, which would
/// swallow the rest of the file: that is a [`ErrorKind::BadCsv`] naming the
/// row it starts in.
pub(crate) fn records(text: &str) -> Result<Vec<Record>, StoryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let delimiter = delimiter(text);
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut records = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut out = [0u8; 4096];
    let mut pos = 0;
    let mut row = 0;
    let mut record_starts = true;
    loop {
        let rest = bytes.get(pos..).unwrap_or_default();
        if record_starts {
            // csv-core skips blank lines before a record; a spreadsheet shows them as rows.
            row += blank_lines(bytes, pos);
            record_starts = false;
        }
        let (result, read, written) = reader.read_field(rest, &mut out);
        pos += read;
        field.extend_from_slice(out.get(..written).unwrap_or_default());
        match result {
            ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => {}
            ReadFieldResult::Field { record_end } => {
                // The delimiters are ASCII, so a cell of UTF-8 text is UTF-8.
                let cell = String::from_utf8_lossy(&field);
                // Line breaks inside a cell as the rest of Dateline writes them.
                cells.push(cell.replace("\r\n", "\n").replace('\r', "\n"));
                field.clear();
                if record_end {
                    row += 1;
                    let cells = std::mem::take(&mut cells);
                    if cells.iter().any(|c| !c.trim().is_empty()) {
                        records.push(Record { row, cells });
                    }
                    record_starts = true;
                }
            }
            ReadFieldResult::End => break,
        }
    }
    if ends_in_quotes(bytes, delimiter) {
        let message = format!(
            "row {row} opens a quoted cell (with \") that is never closed, so the rest of the file would be one cell; \
             close the quote, and write a quote inside a quoted cell as two (\"\")"
        );
        return Err(StoryError::story("", ErrorKind::BadCsv { message }));
    }
    Ok(records)
}

/// How many line breaks (empty rows) start at `pos`. A CRLF counts once,
/// including one whose CR ended the record before.
fn blank_lines(bytes: &[u8], pos: usize) -> usize {
    let before = pos.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let mut previous = before;
    let mut count = 0;
    for &b in bytes.get(pos..).unwrap_or_default() {
        match b {
            b'\r' => count += 1,
            b'\n' if previous != Some(b'\r') => count += 1,
            b'\n' => {}
            _ => break,
        }
        previous = Some(b);
    }
    count
}

/// The delimiter: `,` unless the header line has more `;` (as European
/// spreadsheet programs write) or more tabs outside quotes.
pub(crate) fn delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut tabs) = (0, 0, 0);
    let mut quoted = false;
    // Leading blank lines are not the header.
    for b in text.trim_start_matches(['\r', '\n']).bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            b'\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if semicolons > commas && semicolons >= tabs {
        b';'
    } else if tabs > commas && tabs > semicolons {
        b'\t'
    } else {
        b','
    }
}

/// Whether the text ends inside a quoted cell, read as csv-core does: a quote
/// opens a cell only at its start, and two quotes inside are one.
fn ends_in_quotes(bytes: &[u8], delimiter: u8) -> bool {
    let mut quoted = false;
    let mut cell_starts = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if quoted {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && cell_starts {
            quoted = true;
            cell_starts = false;
        } else {
            cell_starts = b == delimiter || b == b'\n' || b == b'\r';
        }
        i += 1;
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(row, cells)` of each record.
    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        records(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.row, r.cells))
            .collect()
    }

    fn cells(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn plain_rows_with_lf_crlf_and_cr() {
        let want = vec![(1, cells(&["a", "b"])), (2, cells(&["1", "2"]))];
        assert_eq!(rows("a,b\n1,2\n"), want);
        assert_eq!(rows("a,b\r\n1,2\r\n"), want);
        assert_eq!(rows("a,b\r1,2"), want);
        assert_eq!(rows("a,b\n1,2"), want);
    }

    #[test]
    fn quoted_cells_hold_commas_quotes_and_newlines() {
        let text = "title,summary\n\"Moscow, Kremlin\",\"He said \"\"Aurus\"\".\"\n\"Two\r\nlines\",x\nlast,row\n";
        assert_eq!(
            rows(text),
            vec![
                (1, cells(&["title", "summary"])),
                (2, cells(&["Moscow, Kremlin", "He said \"Aurus\"."])),
                // One row, though it spans two lines.
                (3, cells(&["Two\nlines", "x"])),
                (4, cells(&["last", "row"])),
            ]
        );
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        assert_eq!(rows("\u{feff}lat,lon\n1,2\n")[0].1, cells(&["lat", "lon"]));
    }

    #[test]
    fn blank_rows_are_left_out_but_counted() {
        let text = "a,b\n\n1,2\r\n\r\n\r\n3,4\n,\n  , \n5,6\n\n";
        let got: Vec<usize> = rows(text).iter().map(|r| r.0).collect();
        assert_eq!(got, [1, 3, 6, 9]);
        assert_eq!(rows("\n\na,b\n1,2")[0].0, 3);
    }

    #[test]
    fn trailing_empty_cells_and_short_rows_are_kept_as_written() {
        assert_eq!(
            rows("a,b,c,,\n1,,\n2\n"),
            vec![
                (1, cells(&["a", "b", "c", "", ""])),
                (2, cells(&["1", "", ""])),
                (3, cells(&["2"])),
            ]
        );
    }

    #[test]
    fn delimiter_from_the_header_line() {
        assert_eq!(delimiter("lat,lon,title\n"), b',');
        assert_eq!(delimiter("lat;lon;title\n1,5;2,5;x"), b';');
        assert_eq!(delimiter("lat\tlon\ttitle\n"), b'\t');
        // Quoted delimiters do not count, nor do later lines.
        assert_eq!(delimiter("\"a;b;c\",d\n;;;;;;"), b',');
        assert_eq!(delimiter("title\n"), b',');
        assert_eq!(
            rows("lat;lon;title\n55,752;37,6175;\"A; B\"\n"),
            vec![
                (1, cells(&["lat", "lon", "title"])),
                (2, cells(&["55,752", "37,6175", "A; B"])),
            ]
        );
        assert_eq!(rows("a\tb\n1\t2")[1].1, cells(&["1", "2"]));
    }

    #[test]
    fn a_quote_never_closed_is_refused_with_its_row() {
        let e = records("a,b\n1,2\n3,\"open\n4,5\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "Story: the file cannot be read as a spreadsheet (CSV): row 3 opens a quoted cell (with \") that is never closed, \
             so the rest of the file would be one cell; close the quote, and write a quote inside a quoted cell as two (\"\")."
        );
        // A quote inside an unquoted cell, or after a closed one, is not an opening.
        assert!(records("a,b\n5\" tall,\"x\"\"\"\n").is_ok());
    }

    #[test]
    fn long_cells_are_read_whole() {
        let long = "x".repeat(10_000);
        let text = format!("a,b\n\"{long}\",{long}\n");
        assert_eq!(rows(&text)[1].1, vec![long.clone(), long]);
    }

    #[test]
    fn empty_text_has_no_records() {
        assert!(records("").unwrap().is_empty());
        assert!(records("\u{feff}\n\n").unwrap().is_empty());
    }
}
