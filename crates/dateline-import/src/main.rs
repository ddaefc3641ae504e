//! The importers' bundle (`dateline-import.js`): reads StoryMapJS files and
//! spreadsheets for the reader, which loads it only when a story is one of
//! those, so that a GeoJSON story's page never carries the importers' code.

/// A spreadsheet (if `csv`) or a StoryMapJS file read into the story
/// format's GeoJSON, or its problems, as `dateline_story::import::wire` text.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn convert(text: &str, csv: bool) -> String {
    dateline_story::import::wire::convert(text, csv)
}

fn main() {}
