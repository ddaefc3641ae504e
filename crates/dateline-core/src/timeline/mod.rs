//! Timeline layout: the order events are read in, a time axis with ticks,
//! and rows for event labels.
//!
//! Pure Rust, like `story` and `geo`: the timeline component only calls in
//! here with numbers (widths in px, positions along the axis) and draws what
//! comes back. Time is counted in whole days ([`day_ordinal`]), positions
//! along the axis as fractions from 0 to 1 ([`TimeAxis`]), labels in px.

mod axis;
mod days;
mod labels;
pub mod marks;
mod ticks;

pub use axis::{TimeAxis, AXIS_PADDING, MIN_DOMAIN_DAYS};
pub use days::{date_from_ordinal, day_ordinal, UNIX_EPOCH_DAY};
pub use labels::{place_labels, place_labels_with, LabelInput, LabelOptions, LabelPlacement};
// The reading order is the story's own (dateline-story); the timeline steps through it.
pub use crate::story::{reading_order, step, EventRef};
pub use ticks::{Tick, TickLevel, TickOptions, MAX_TICKS, MONTHS_SHORT_EN};
