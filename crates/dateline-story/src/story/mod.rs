//! Parsing and validating a story (GeoJSON) into places and dated events.
//!
//! Pure Rust: no browser APIs, so it runs and is tested natively. The input
//! format is described in `docs/story-format.md`; [`parse`] is the way in.

mod assemble;
mod date;
mod error;
mod export;
mod feature;
mod fields;
mod link;
mod media;
mod model;
mod order;
mod parse;
mod rich_text;

pub use date::{
    days_in_month, format_optional_date, is_leap_year, month_by_name, month_by_prefix, DateError,
    PartialDate, Precision, MONTH_NAMES,
};
pub use error::{Axis, ErrorKind, Part, StoryError};
pub use export::{story_file, EventSummary, SelectedEvent};
pub use link::{is_web_link, link_host};
pub use media::{is_media_address, Media, MediaKind};
pub use model::{Event, Place, Source, Story};
pub use order::{reading_order, step, EventRef};
pub use parse::{parse, parse_value, read_json};
pub use rich_text::{Block, Inline, RichText, RichTextProblem};
