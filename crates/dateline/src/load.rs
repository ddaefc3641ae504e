//! Getting a story's text from where the host page says it is, and parsing it.

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::import::{storymapjs, wire, Format};
use crate::import_bundle::{read_elsewhere, Unavailable};
use crate::js_error::js_message;
use crate::story::{parse_value, read_json, Story, StoryError};

/// The built-in story: the TASS article about the Aurus limousine.
pub const BUILT_IN_STORY: &str = include_str!("../../../assets/story.geojson");

/// Where a widget's story comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum StorySource {
    /// The article shipped inside Dateline.
    BuiltIn,
    /// A story file at this URL (relative to the page): GeoJSON, StoryMapJS
    /// or a spreadsheet.
    Url(String),
    /// A story's text given inline in the page.
    Inline(String),
    /// A story handed over as a JavaScript object, as serde-wasm-bindgen
    /// read it, or why it could not be read.
    Object(Result<serde_json::Value, String>),
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
    /// The importers' bundle, needed for a StoryMapJS file or a spreadsheet,
    /// could not be loaded.
    #[error(
        "The story from {origin} is a StoryMapJS file or a spreadsheet, but Dateline's reader \
         for those (dateline-import.js) could not be loaded: {reason}. Check that it and \
         dateline-import_bg.wasm are next to dateline.js (copy all of dist/), then reload."
    )]
    Importer { origin: String, reason: String },
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

/// Loads and validates the story from `source`: a spreadsheet if `format`,
/// the response's content type or the address (`.csv`) says so, else
/// GeoJSON or StoryMapJS as the content shows. Media addresses relative to
/// the story file are made absolute.
pub async fn load(source: &StorySource, format: Format) -> Result<Story, LoadError> {
    let page = page_address();
    let (text, format, base) = match source {
        StorySource::BuiltIn => (BUILT_IN_STORY.to_string(), Format::Detect, page),
        StorySource::Inline(text) => (text.clone(), format, page),
        StorySource::Url(url) => {
            let fetched = fetch_text(url).await?;
            let csv = format == Format::Csv
                || fetched.content_type.starts_with("text/csv")
                || path_of(url).to_ascii_lowercase().ends_with(".csv");
            let format = if csv { Format::Csv } else { Format::Detect };
            let base = absolute(url, page.as_deref());
            (fetched.text, format, base)
        }
        // GeoJSON or StoryMapJS, as the content shows; never a spreadsheet.
        StorySource::Object(Ok(value)) => {
            let mut story = read_json_story(source, value).await?;
            resolve_media(&mut story, page.as_deref());
            return Ok(story);
        }
        StorySource::Object(Err(reason)) => {
            return Err(LoadError::Unreadable {
                reason: reason.clone(),
            })
        }
    };
    let mut story = match format {
        Format::Csv => read_imported(source, &text, true).await?,
        Format::Detect => {
            let value = read_json(&text).map_err(|errors| invalid(source, errors))?;
            read_json_story(source, &value).await?
        }
    };
    resolve_media(&mut story, base.as_deref());
    Ok(story)
}

fn invalid(source: &StorySource, errors: Vec<StoryError>) -> LoadError {
    LoadError::Invalid {
        origin: source.describe(),
        errors,
    }
}

/// A JSON story: StoryMapJS (read by the importers' bundle) or Dateline GeoJSON.
async fn read_json_story(source: &StorySource, value: &Value) -> Result<Story, LoadError> {
    if storymapjs::recognises(value) {
        read_imported(source, &value.to_string(), false).await
    } else {
        parse_value(value).map_err(|errors| invalid(source, errors))
    }
}

/// A spreadsheet (if `csv`) or a StoryMapJS file, read by the importers' bundle.
async fn read_imported(source: &StorySource, text: &str, csv: bool) -> Result<Story, LoadError> {
    let answer = read_elsewhere(text, csv)
        .await
        .map_err(|Unavailable(reason)| LoadError::Importer {
            origin: source.describe(),
            reason,
        })?;
    wire::decode(&answer).map_err(|errors| invalid(source, errors))
}

/// A URL's path, without its query or fragment.
fn path_of(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or("")
}

/// The page's base address (what relative addresses in it resolve against).
fn page_address() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
}

/// `url` made absolute against `base`.
fn absolute(url: &str, base: Option<&str>) -> Option<String> {
    match base {
        Some(base) => web_sys::Url::new_with_base(url, base)
            .ok()
            .map(|u| u.href()),
        None => web_sys::Url::new(url).ok().map(|u| u.href()),
    }
}

/// Media at paths relative to the story file point into the file's folder.
fn resolve_media(story: &mut Story, base: Option<&str>) {
    for media in story
        .places
        .iter_mut()
        .flat_map(|p| p.events.iter_mut())
        .flat_map(|e| e.media.iter_mut())
    {
        if let Some(url) = absolute(&media.url, base) {
            media.url = url;
        }
    }
}

/// A response's body and what it says it is.
struct Fetched {
    text: String,
    content_type: String,
}

async fn fetch_text(url: &str) -> Result<Fetched, LoadError> {
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
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let body = response.text().map_err(|e| network(js_message(&e)))?;
    let text = JsFuture::from(body)
        .await
        .map_err(|e| network(js_message(&e)))?
        .as_string()
        .ok_or_else(|| network("the response is not text".into()))?;
    Ok(Fetched { text, content_type })
}
