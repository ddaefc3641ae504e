//! StoryMapJS's HTML text, kept for its meaning and never as markup.
//! (Stub: being written.)

use serde_json::Value;

/// The story format's rich-text JSON for `html` (see [`crate::story::RichText::from_json`]).
pub fn rich_text_json(html: &str) -> Value {
    Value::String(plain_text(html))
}

/// The text of `html`, without any markup.
pub fn plain_text(html: &str) -> String {
    html.to_string()
}
