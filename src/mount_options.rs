//! `mount()`'s options as a script passes them: a typed struct that
//! serde-wasm-bindgen fills from the JavaScript object (and serde_json from
//! text, in tests and the fuzz target), each option refused with a message
//! that names it, then turned into the [`EmbedOptions`] a widget runs with.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

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

/// The names `mount()` understands besides `story` (the loader takes that one).
pub const OPTION_NAMES: [&str; 7] = [
    "cooperative",
    "event",
    "links",
    "format",
    "lang",
    "tiles",
    "tilesAttribution",
];

/// Why `mount()` refuses its options; each message starts with `Dateline.mount:`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptionError {
    /// The options are a number, a string, a list…
    #[error("Dateline.mount: options must be an object.")]
    NotAnObject,
    /// A misspelt option would silently do nothing.
    #[error("Dateline.mount: unknown option “{0}”; the options are story, {list}.", list = OPTION_NAMES.join(", "))]
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

/// The first name in `names` that is not an option, refused.
pub fn check_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<(), OptionError> {
    match names.into_iter().find(|n| !OPTION_NAMES.contains(n)) {
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

/// One option's value, read without descending into objects or lists (a
/// cyclic object given as an option must not exhaust the stack).
enum Given {
    Absent,
    Flag(bool),
    Text(String),
    Number(f64),
    Other(&'static str),
}

impl Given {
    /// As the message shows it: JSON for a value, a word for a container.
    fn shown(&self) -> String {
        match self {
            Given::Absent => "null".into(),
            Given::Flag(b) => b.to_string(),
            Given::Text(s) => serde_json::Value::from(s.as_str()).to_string(),
            // serde_json's shortest float printer is in the bundle already.
            Given::Number(n) => serde_json::Number::from_f64(*n)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "a number".into()),
            Given::Other(what) => (*what).into(),
        }
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Given, D::Error> {
        d.deserialize_any(GivenVisitor)
    }
}

struct GivenVisitor;

impl<'de> Visitor<'de> for GivenVisitor {
    type Value = Given;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an option's value")
    }
    fn visit_unit<E>(self) -> Result<Given, E> {
        Ok(Given::Absent)
    }
    fn visit_none<E>(self) -> Result<Given, E> {
        Ok(Given::Absent)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Given, E> {
        Ok(Given::Flag(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Given, E> {
        Ok(Given::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Given, E> {
        Ok(Given::Text(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Given, E> {
        Ok(Given::Number(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Given, E> {
        Ok(Given::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Given, E> {
        Ok(Given::Number(v as f64))
    }
    // Drained, not read: serde-wasm-bindgen ignores a value without
    // looking inside it, and serde_json wants a list read to its end.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Given, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Given::Other("a list"))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Given::Other("an object"))
    }
}

fn wrong<E: de::Error>(name: &'static str, expected: &'static str, given: &Given) -> E {
    E::custom(OptionError::WrongType {
        name,
        expected,
        given: given.shown(),
    })
}

fn flag<'de, D: Deserializer<'de>>(d: D, name: &'static str) -> Result<Option<bool>, D::Error> {
    match Given::deserialize(d)? {
        Given::Absent => Ok(None),
        Given::Flag(b) => Ok(Some(b)),
        other => Err(wrong(name, "true or false", &other)),
    }
}

fn text<'de, D: Deserializer<'de>>(
    d: D,
    name: &'static str,
    expected: &'static str,
) -> Result<Option<String>, D::Error> {
    match Given::deserialize(d)? {
        Given::Absent => Ok(None),
        Given::Text(s) => Ok(Some(s)),
        other => Err(wrong(name, expected, &other)),
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
    text(d, "event", "an event id")
}
fn format<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d, "format", "\"csv\"")
}
fn lang<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d, "lang", "a language tag such as \"en\" or \"ru\"")
}
fn tiles<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(
        d,
        "tiles",
        "a tile address such as \"https://…/{z}/{x}/{y}.png\"",
    )
}
fn tiles_attribution<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d, "tilesAttribution", "the tiles' credit")
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
