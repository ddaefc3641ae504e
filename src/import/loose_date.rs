//! Dates as people write them ("August 23, 2005", "Aug 2005"). (Stub: being written.)

use crate::story::PartialDate;

/// The date `text` names, at its precision, if it is one Dateline can place in time.
pub fn parse_loose_date(text: &str) -> Option<PartialDate> {
    PartialDate::parse(text.trim()).ok()
}
