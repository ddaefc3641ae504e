//! Getting a story's text from where the host page says it is, and parsing it.

use std::sync::Arc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::story::{self, Story, StoryError};

/// The built-in story: the TASS article about the Aurus limousine.
pub const BUILT_IN_STORY: &str = include_str!("../assets/story.geojson");

/// Where a widget's story comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum StorySource {
    /// The article shipped inside Dateline.
    BuiltIn,
    /// A GeoJSON file at this URL (relative to the page).
    Url(String),
    /// GeoJSON text given inline in the page.
    Inline(String),
    /// A story handed over as a JavaScript object (read with
    /// serde-wasm-bindgen), or why it could not be read.
    Object(Result<Arc<serde_json::Value>, String>),
}

impl StorySource {
    /// How to name this source in a message to the user.
    pub fn describe(&self) -> String {
        match self {
            StorySource::BuiltIn => "the built-in story".to_string(),
            StorySource::Url(url) => format!("“{url}”"),
            StorySource::Inline(_) => "the story inside the page".to_string(),
            StorySource::Object(_) => "the story object".to_string(),
        }
    }
}

/// Why a story could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The request did not complete (offline, blocked by CORS, bad address).
    #[error(
        "Could not load the story from “{url}”: the request failed ({reason}). \
         Check the address, and that the server allows this page to read it."
    )]
    Network { url: String, reason: String },
    /// The server answered, but not with the file.
    #[error(
        "Could not load the story from “{url}”: the server answered {status} {status_text}. \
         Check the address in data-story."
    )]
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// A story object from a script could not be read as JSON data.
    #[error(
        "The story object could not be read: {reason}. Pass a GeoJSON FeatureCollection \
         as plain data (objects, arrays, strings, numbers; no functions or cycles)."
    )]
    Unreadable { reason: String },
    /// The file arrived but is not a valid story.
    #[error("The story from {origin} cannot be shown: {}.", count_problems(errors.len()))]
    Invalid {
        origin: String,
        errors: Vec<StoryError>,
    },
}

impl LoadError {
    /// Every problem as a message a person can act on: one per problem
    /// with the story, or the one reason it could not be loaded.
    pub fn problems(&self) -> Vec<String> {
        match self {
            LoadError::Invalid { errors, .. } => errors.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

fn count_problems(n: usize) -> String {
    if n == 1 {
        "it has 1 problem".to_string()
    } else {
        format!("it has {n} problems")
    }
}

/// Loads and validates the story from `source`.
pub async fn load(source: &StorySource) -> Result<Story, LoadError> {
    let invalid = |errors| LoadError::Invalid {
        origin: source.describe(),
        errors,
    };
    let text = match source {
        StorySource::BuiltIn => BUILT_IN_STORY.to_string(),
        StorySource::Inline(text) => text.clone(),
        StorySource::Url(url) => fetch_text(url).await?,
        StorySource::Object(Ok(value)) => return story::parse_value(value).map_err(invalid),
        StorySource::Object(Err(reason)) => {
            return Err(LoadError::Unreadable {
                reason: reason.clone(),
            })
        }
    };
    story::parse(&text).map_err(invalid)
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = |reason: String| LoadError::Network {
        url: url.to_string(),
        reason,
    };
    let window = web_sys::window().ok_or_else(|| network("no browser window".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| network(js_message(&e)))?
        .dyn_into()
        .map_err(|_| network("unexpected response object".into()))?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let body = response.text().map_err(|e| network(js_message(&e)))?;
    JsFuture::from(body)
        .await
        .map_err(|e| network(js_message(&e)))?
        .as_string()
        .ok_or_else(|| network("the response is not text".into()))
}

fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
