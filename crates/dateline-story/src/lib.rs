//! Dateline's story: what a story is and how one is read.
//!
//! [`story`] is the model (places, dated events, sources, rich text, media),
//! its GeoJSON parsing and validation, and its reading order; [`import`]
//! reads StoryMapJS files and spreadsheets into it; [`sorting`] is the one
//! stable sort the cold paths share. Pure: no browser crate, tested natively.

pub mod import;
pub mod sorting;
pub mod story;
