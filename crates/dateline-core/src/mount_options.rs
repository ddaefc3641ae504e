//! `mount()`'s options as a script passes them: a typed struct that
//! serde-wasm-bindgen fills from the JavaScript object (and serde_json from
//! text, in tests and the fuzz target), each option refused with a message
//! that names it, then turned into the [`EmbedOptions`] a widget runs with.

use serde::de::{self, Deserializer};
use serde::Deserialize;
use serde_json::Value;

use crate::import::Format;
use crate::tiles::{RasterTiles, RasterTilesError};

/// How an embedded widget behaves, as its host asks.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedOptions {
    /// Plain wheel and one finger wait until the map is active. Default `true`.
    pub cooperative: bool,
    /// The event to open first. Default none: the overview.
    pub event: Option<String>,
    /// Whether the page's URL hash follows the open event. Default `true`.
    pub links: bool,
    /// Whether the story is a spreadsheet; default: told by its content type,
    /// address or content.
    pub format: Format,
    /// The language of the widget's words (BCP 47); default: the host's
    /// `data-lang`, else the nearest `lang` attribute (the page's).
    pub language: Option<String>,
    /// The newsroom's own raster tiles (`data-tiles`, `data-tiles-attribution`).
    pub raster: Option<RasterTiles>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            cooperative: true,
            event: None,
            links: true,
            format: Format::Detect,
            language: None,
            raster: None,
        }
    }
}

/// The names `mount()` understands besides `story` (the loader takes that
/// one), each with what it must be, as its message says it.
const OPTIONS: [(&str, &str); 7] = [
    ("cooperative", "true or false"),
    ("event", "an event id"),
    ("links", "true or false"),
    ("format", "\"csv\""),
    ("lang", "a language tag such as \"en\" or \"ru\""),
    (
        "tiles",
        "a tile address such as \"https://…/{z}/{x}/{y}.png\"",
    ),
    ("tilesAttribution", "the tiles' credit"),
];

/// Why `mount()` refuses its options; each message starts with `Dateline.mount:`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptionError {
    /// The options are a number, a string, a list…
    #[error("Dateline.mount: options must be an object.")]
    NotAnObject,
    /// A misspelt option would silently do nothing.
    #[error("Dateline.mount: unknown option “{0}”; the options are story, {list}.", list = option_list())]
    Unknown(String),
    /// An option of the wrong kind, e.g. `cooperative: "yes"`.
    #[error("Dateline.mount: the option {name} must be {expected}, not {given}.")]
    WrongType {
        name: &'static str,
        expected: &'static str,
        given: String,
    },
    /// A format other than CSV.
    #[error(
        "Dateline.mount: format “{0}” is not one Dateline reads; use \"csv\" for a \
         spreadsheet, or leave it out (GeoJSON and StoryMapJS are told by their content)."
    )]
    Format(String),
    /// A tile address without `{z}`, `{x}` and `{y}`, or not http(s).
    #[error("Dateline.mount: {0}")]
    Tiles(#[from] RasterTilesError),
}

/// The options' names, for a message.
fn option_list() -> String {
    let mut list = String::new();
    for (name, _) in OPTIONS {
        if !list.is_empty() {
            list.push_str(", ");
        }
        list.push_str(name);
    }
    list
}

/// The first name in `names` that is not an option, refused.
pub fn check_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<(), OptionError> {
    match names
        .into_iter()
        .find(|n| !OPTIONS.iter().any(|(name, _)| name == n))
    {
        Some(name) => Err(OptionError::Unknown(name.to_string())),
        None => Ok(()),
    }
}

/// `mount()`'s options, as given; `undefined` and `null` leave one out.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct MountOptions {
    #[serde(deserialize_with = "cooperative")]
    pub cooperative: Option<bool>,
    #[serde(deserialize_with = "event")]
    pub event: Option<String>,
    #[serde(deserialize_with = "links")]
    pub links: Option<bool>,
    #[serde(deserialize_with = "format")]
    pub format: Option<String>,
    #[serde(deserialize_with = "lang")]
    pub lang: Option<String>,
    #[serde(deserialize_with = "tiles")]
    pub tiles: Option<String>,
    #[serde(rename = "tilesAttribution", deserialize_with = "tiles_attribution")]
    pub tiles_attribution: Option<String>,
}

impl MountOptions {
    /// What the widget runs with: defaults for what is left out, the format
    /// and the tile address checked.
    pub fn resolve(self) -> Result<EmbedOptions, OptionError> {
        let defaults = EmbedOptions::default();
        let format = match self.format.as_deref().map(str::trim) {
            None => Format::Detect,
            Some(f) if f.eq_ignore_ascii_case("csv") => Format::Csv,
            Some(f)
                if f.eq_ignore_ascii_case("geojson") || f.eq_ignore_ascii_case("storymapjs") =>
            {
                Format::Detect
            }
            Some(other) => return Err(OptionError::Format(other.to_string())),
        };
        let raster = match self.tiles {
            Some(template) => Some(RasterTiles::new(
                &template,
                self.tiles_attribution.as_deref().unwrap_or(""),
            )?),
            None => None,
        };
        Ok(EmbedOptions {
            cooperative: self.cooperative.unwrap_or(defaults.cooperative),
            event: self.event,
            links: self.links.unwrap_or(defaults.links),
            format,
            language: self.lang,
            raster,
        })
    }
}

/// The option `name` refused for being `given` (as the message shows it).
pub fn wrong_type(name: &str, given: String) -> OptionError {
    let (name, expected) = OPTIONS
        .iter()
        .find(|(n, _)| *n == name)
        .copied()
        .unwrap_or(("options", "plain data"));
    OptionError::WrongType {
        name,
        expected,
        given,
    }
}

/// A value as the message shows it: JSON for a value, a word for a container.
fn shown(value: &Value) -> String {
    match value {
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
        other => other.to_string(),
    }
}

/// Every option is read as a JSON value first: the one path by which
/// serde-wasm-bindgen brings data in (story objects take it too), so the
/// reader carries one copy of it. (The reader refuses an object or list as
/// an option before that, so a cyclic one never reaches it.)
fn given<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    Value::deserialize(d)
}

fn flag<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<Option<bool>, D::Error> {
    match given(d)? {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(b)),
        other => Err(de::Error::custom(wrong_type(name, shown(&other)))),
    }
}

fn text<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<Option<String>, D::Error> {
    match given(d)? {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        other => Err(de::Error::custom(wrong_type(name, shown(&other)))),
    }
}

// serde's `deserialize_with` names a function; one per option, so each
// message names its option.
fn cooperative<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    flag(d, "cooperative")
}
fn links<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    flag(d, "links")
}
fn event<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d, "event")
}
fn format<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d, "format")
}
fn lang<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d, "lang")
}
fn tiles<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d, "tiles")
}
fn tiles_attribution<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d, "tilesAttribution")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(value: serde_json::Value) -> Result<EmbedOptions, String> {
        let options: MountOptions = serde_json::from_value(value).map_err(|e| e.to_string())?;
        options.resolve().map_err(|e| e.to_string())
    }

    #[test]
    fn nothing_given_is_the_defaults() {
        assert_eq!(read(json!({})), Ok(EmbedOptions::default()));
        let nulls = json!({"cooperative": null, "event": null, "tiles": null});
        assert_eq!(read(nulls), Ok(EmbedOptions::default()));
    }

    #[test]
    fn every_option_is_read() {
        let options = read(json!({
            "cooperative": false, "event": "kim-sees-aurus", "links": false,
            "format": " CSV ", "lang": "ru",
            "tiles": "https://tiles.example/{z}/{x}/{y}.png", "tilesAttribution": "© Us",
        }))
        .unwrap();
        assert!(!options.cooperative && !options.links);
        assert_eq!(options.event.as_deref(), Some("kim-sees-aurus"));
        assert_eq!(options.format, Format::Csv);
        assert_eq!(options.language.as_deref(), Some("ru"));
        assert!(options.raster.is_some());
        assert_eq!(
            read(json!({"format": "GeoJSON"})).unwrap().format,
            Format::Detect
        );
    }

    #[test]
    fn a_wrong_kind_of_value_is_refused_by_the_option_s_name() {
        let cases = [
            (
                json!({"cooperative": "yes"}),
                "the option cooperative must be true or false, not \"yes\".",
            ),
            (
                json!({"links": 1}),
                "the option links must be true or false, not 1.",
            ),
            (
                json!({"links": 1.5}),
                "the option links must be true or false, not 1.5.",
            ),
            (
                json!({"event": true}),
                "the option event must be an event id, not true.",
            ),
            (
                json!({"lang": ["en"]}),
                "the option lang must be a language tag such as \"en\" or \"ru\", not a list.",
            ),
            (
                json!({"tilesAttribution": {"a": 1}}),
                "the option tilesAttribution must be the tiles' credit, not an object.",
            ),
        ];
        for (given, message) in cases {
            let error = read(given.clone()).unwrap_err();
            assert!(error.starts_with("Dateline.mount: "), "{error}");
            assert!(error.contains(message), "{given}: {error}");
        }
    }

    #[test]
    fn a_bad_format_or_tile_address_is_refused() {
        let error = read(json!({"format": "xlsx"})).unwrap_err();
        assert!(
            error.contains("format “xlsx” is not one Dateline reads"),
            "{error}"
        );
        let error = read(json!({"tiles": "https://tiles.example/map.png"})).unwrap_err();
        assert!(error.starts_with("Dateline.mount: "), "{error}");
        assert!(error.contains("{z}"), "{error}");
    }

    #[test]
    fn a_misspelt_name_is_refused_with_the_list() {
        assert_eq!(check_names(["cooperative", "tiles"]), Ok(()));
        let error = check_names(["event", "cooperativ"])
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "Dateline.mount: unknown option “cooperativ”; the options are story, cooperative, \
             event, links, format, lang, tiles, tilesAttribution."
        );
    }
}
