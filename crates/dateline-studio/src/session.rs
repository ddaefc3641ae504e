//! The Studio's work as it is kept in the browser's storage between
//! visits: the article, its publication details and the story, in a
//! versioned text that a later Studio can read or clearly refuse.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version of the saved shape; a change to the shape is a new number.
const VERSION: u32 = 1;

/// What the Studio keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Session {
    /// The article text the story was drafted from (may be empty).
    pub article: String,
    /// Its publication date as typed (`YYYY-MM-DD`, or empty).
    pub published: String,
    /// The source's name as typed.
    pub source_name: String,
    /// The source's URL as typed.
    pub source_url: String,
    /// The story being edited (canonical GeoJSON), if there is one.
    pub story: Option<Value>,
}

#[derive(Serialize, Deserialize)]
struct Saved {
    version: u32,
    session: Session,
}

/// Why saved work could not be read back.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RestoreError {
    /// The text is not what the Studio writes (damaged, or written by something else).
    #[error("the saved work could not be read ({0}); start a new story or open a story file")]
    Unreadable(String),
    /// A newer Studio saved it.
    #[error("the saved work was written by a newer Dateline Studio (format {0}); open it there, or start afresh here")]
    Newer(u32),
}

/// The session as the text to store.
///
/// # Examples
///
/// ```
/// use dateline_studio::{restore, save, Session};
///
/// let s = Session { article: "MOSCOW, Feb 20.".into(), published: "2024-02-20".into(), ..Session::default() };
/// assert_eq!(restore(&save(&s)), Ok(s));
/// ```
pub fn save(session: &Session) -> String {
    let saved = Saved {
        version: VERSION,
        session: session.clone(),
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// The session stored as `text`.
pub fn restore(text: &str) -> Result<Session, RestoreError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| RestoreError::Unreadable(e.to_string()))?;
    let version = value["version"].as_u64().unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(RestoreError::Newer(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let saved: Saved =
        serde_json::from_value(value).map_err(|e| RestoreError::Unreadable(e.to_string()))?;
    Ok(saved.session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn work_comes_back_exactly_or_is_refused_clearly() {
        let s = Session {
            article: "Ünïcode, \"quotes\" and\nnew lines".into(),
            published: "2024-02-20".into(),
            source_name: "TASS".into(),
            source_url: "https://tass.com/politics/1749135".into(),
            story: Some(
                json!({"type": "FeatureCollection", "features": [], "properties": {"title": "T", "n": 1.5}}),
            ),
        };
        assert_eq!(restore(&save(&s)), Ok(s));
        assert!(matches!(restore(""), Err(RestoreError::Unreadable(_))));
        assert!(matches!(
            restore("{\"version\": 1}"),
            Err(RestoreError::Unreadable(_))
        ));
        assert_eq!(
            restore("{\"version\": 7, \"session\": {}}"),
            Err(RestoreError::Newer(7))
        );
        assert!(restore("not json")
            .map_err(|e| e.to_string())
            .is_err_and(|m| m.starts_with("the saved work could not be read")));
    }
}
