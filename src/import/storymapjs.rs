//! StoryMapJS stories. (Stub: being written.)

use serde_json::Value;

use crate::story::{parse_value, Story, StoryError};

/// Whether `value` has the shape of a StoryMapJS story.
pub fn recognises(value: &Value) -> bool {
    value.get("storymap").is_some_and(|s| s.get("slides").is_some())
}

/// The story of a StoryMapJS file.
pub fn read(value: &Value) -> Result<Story, Vec<StoryError>> {
    parse_value(value)
}
