//! The functions `dateline-embed.js` calls in each WebAssembly instance: it
//! wraps them in `mount(element, options)` and the handle's promises.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::embed::{mount, mount_with, EmbedOptions, MountedWidget};
use crate::import::Format;
use crate::load::StorySource;
use crate::tiles::RasterTiles;

/// Whether this instance can mount another widget (it has not panicked).
#[wasm_bindgen]
pub fn healthy() -> bool {
    !crate::panic_report::panicked()
}

/// `mount()`'s options besides the story, as a script passes them. Read by
/// hand, not by serde: a derived deserialiser and serde-wasm-bindgen were
/// about 5 KiB gzip of the reader's bundle (issue 13).
#[derive(Default)]
struct JsOptions {
    cooperative: Option<bool>,
    event: Option<String>,
    links: Option<bool>,
    format: Option<String>,
    lang: Option<String>,
    tiles: Option<String>,
    tiles_attribution: Option<String>,
}

/// Mounts a widget in `host`. `story`: a story object, a URL string, or
/// `undefined` for the built-in article; `options`: `{ cooperative, event,
/// links, format, lang, tiles, tilesAttribution }`.
/// Bad options throw; a bad story is shown in the widget and reported by
/// its `dateline:error` event.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: HtmlElement,
    story: JsValue,
    options: JsValue,
) -> Result<WidgetHandle, JsError> {
    let options: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        read_options(&options)?
    };
    let source = source_of(story)?;
    let defaults = EmbedOptions::default();
    let format = match options.format.as_deref().map(str::trim) {
        None => Format::Detect,
        Some(f) if f.eq_ignore_ascii_case("csv") => Format::Csv,
        Some(f) if f.eq_ignore_ascii_case("geojson") || f.eq_ignore_ascii_case("storymapjs") => {
            Format::Detect
        }
        Some(other) => {
            return Err(JsError::new(&format!(
                "Dateline.mount: format “{other}” is not one Dateline reads; use \"csv\" for a \
                 spreadsheet, or leave it out (GeoJSON and StoryMapJS are told by their content)."
            )))
        }
    };
    let options = EmbedOptions {
        cooperative: options.cooperative.unwrap_or(defaults.cooperative),
        event: options.event,
        links: options.links.unwrap_or(defaults.links),
        format,
        language: options.lang,
        raster: match options.tiles {
            Some(template) => Some(
                RasterTiles::new(
                    &template,
                    options.tiles_attribution.as_deref().unwrap_or(""),
                )
                .map_err(|e| JsError::new(&format!("Dateline.mount: {e}")))?,
            ),
            None => None,
        },
    };
    Ok(WidgetHandle {
        widget: mount_with(host, source, options),
    })
}

/// Mounts a widget in `host`, reading its story and options from its
/// markup (`data-story`, an inline story, `data-cooperative`, …).
#[wasm_bindgen(js_name = mountHost)]
pub fn mount_host(host: HtmlElement) -> WidgetHandle {
    WidgetHandle {
        widget: mount(host),
    }
}

/// The names `mount()` understands besides `story` (the loader takes that one).
const OPTION_NAMES: [&str; 7] = [
    "cooperative",
    "event",
    "links",
    "format",
    "lang",
    "tiles",
    "tilesAttribution",
];

/// A misspelt option would silently do nothing: it is refused instead.
fn check_option_names(options: &JsValue) -> Result<(), JsError> {
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        return Err(JsError::new("Dateline.mount: options must be an object."));
    };
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&name.as_str()) {
            return Err(JsError::new(&format!(
                "Dateline.mount: unknown option “{name}”; the options are story, {}.",
                OPTION_NAMES.join(", ")
            )));
        }
    }
    Ok(())
}

fn read_options(options: &JsValue) -> Result<JsOptions, JsError> {
    check_option_names(options)?;
    Ok(JsOptions {
        cooperative: yes_or_no(options, "cooperative")?,
        event: text(options, "event", "an event id")?,
        links: yes_or_no(options, "links")?,
        format: text(options, "format", "\"csv\"")?,
        lang: text(options, "lang", "a language tag such as \"en\" or \"ru\"")?,
        tiles: text(
            options,
            "tiles",
            "a tile address such as \"https://…/{z}/{x}/{y}.png\"",
        )?,
        tiles_attribution: text(options, "tilesAttribution", "the tiles' credit")?,
    })
}

/// The option `name`, if it is given (`undefined` and `null` leave it out).
fn given(options: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(options, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn yes_or_no(options: &JsValue, name: &str) -> Result<Option<bool>, JsError> {
    given(options, name)
        .map(|v| {
            v.as_bool()
                .ok_or_else(|| wrong_type(name, "true or false", &v))
        })
        .transpose()
}

fn text(options: &JsValue, name: &str, expected: &str) -> Result<Option<String>, JsError> {
    given(options, name)
        .map(|v| v.as_string().ok_or_else(|| wrong_type(name, expected, &v)))
        .transpose()
}

fn wrong_type(name: &str, expected: &str, got: &JsValue) -> JsError {
    let shown = js_sys::JSON::stringify(got)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| got.js_typeof().as_string().unwrap_or_default());
    JsError::new(&format!(
        "Dateline.mount: the option {name} must be {expected}, not {shown}."
    ))
}

/// Where a script's `story` option says the story is.
fn source_of(story: JsValue) -> Result<StorySource, JsError> {
    if story.is_undefined() || story.is_null() {
        return Ok(StorySource::BuiltIn);
    }
    if let Some(url) = story.as_string() {
        return Ok(StorySource::Url(url));
    }
    if !story.is_object() {
        return Err(JsError::new(
            "Dateline.mount: story must be a story object (GeoJSON) or the URL of a story file.",
        ));
    }
    Ok(StorySource::Object(story_json(&story)))
}

/// A story object as JSON text, which the loader reads like a story file's:
/// JSON.stringify is in every browser, where serde-wasm-bindgen would add a
/// deserialiser of its own to the bundle.
fn story_json(story: &JsValue) -> Result<String, String> {
    js_sys::JSON::stringify(story)
        .map_err(|e| crate::load::js_message(&e))?
        .as_string()
        .ok_or_else(|| "it has no JSON form".to_string())
}

/// A mounted widget, for the loader's handle.
#[wasm_bindgen]
pub struct WidgetHandle {
    widget: MountedWidget,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Opens the event with this id; throws if the story has none.
    pub fn select(&self, event_id: &str) -> Result<(), JsError> {
        let control = self.widget.control.ok_or_else(destroyed)?;
        control
            .select(event_id)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Shows the story's overview.
    pub fn overview(&self) -> Result<(), JsError> {
        let control = self.widget.control.ok_or_else(destroyed)?;
        control.overview().map_err(|e| JsError::new(&e.to_string()))
    }

    /// Shows another story (an object or a URL string); the outcome comes
    /// as `dateline:ready` or `dateline:error`.
    #[wasm_bindgen(js_name = setStory)]
    pub fn set_story(&self, story: JsValue) -> Result<(), JsError> {
        let source = self.widget.source.ok_or_else(destroyed)?;
        leptos::prelude::Set::set(&source, source_of(story)?);
        Ok(())
    }

    /// Removes the widget and everything it holds.
    pub fn destroy(&mut self) {
        self.widget.destroy();
    }
}

fn destroyed() -> JsError {
    JsError::new("Dateline: this map was destroyed; mount a new one.")
}
