//! The functions `dateline-embed.js` calls in each WebAssembly instance: it
//! wraps them in `mount(element, options)` and the handle's promises.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::embed::host_events::to_js;
use crate::embed::{mount, mount_with, MountedWidget};
use crate::load::StorySource;
use crate::mount_options::{check_names, wrong_type, MountOptions, OptionError};
use crate::story::story_file;

/// Whether this instance can mount another widget (it has not panicked).
#[wasm_bindgen]
pub fn healthy() -> bool {
    !crate::panic_report::panicked()
}

/// Mounts a widget in `host`. `story`: a story object, a URL string, or
/// `undefined` for the built-in article; `options`: `{ cooperative, event,
/// links, format, lang, tiles, tilesAttribution }`, read by serde-wasm-bindgen
/// into [`MountOptions`].
/// Bad options throw; a bad story is shown in the widget and reported by
/// its `dateline:error` event.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: HtmlElement,
    story: JsValue,
    options: JsValue,
) -> Result<WidgetHandle, JsValue> {
    let options = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        read_options(options)?
    };
    let options = options.resolve().map_err(refusal)?;
    let source = source_of(story)?;
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

/// The options object, its names checked (a misspelt one would silently do
/// nothing) and its values typed.
fn read_options(options: JsValue) -> Result<MountOptions, JsValue> {
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        return Err(refusal(OptionError::NotAnObject));
    };
    let names: Vec<String> = js_sys::Object::keys(object)
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    check_names(names.iter().map(String::as_str)).map_err(refusal)?;
    // Every option is a word or a flag: an object, list or function is
    // refused by name before it is walked (it may be cyclic, as `window` is).
    for name in &names {
        let value = js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or_default();
        let container = if js_sys::Array::is_array(&value) {
            Some("a list")
        } else if value.is_function() {
            Some("a function")
        } else if value.is_object() {
            Some("an object")
        } else {
            None
        };
        if let Some(what) = container {
            return Err(refusal(wrong_type(name, what.to_string())));
        }
    }
    // The error is a JS Error whose message is the option's, as written.
    serde_wasm_bindgen::from_value(options).map_err(JsValue::from)
}

fn refusal(error: OptionError) -> JsValue {
    JsError::new(&error.to_string()).into()
}

/// Where a script's `story` option says the story is.
fn source_of(story: JsValue) -> Result<StorySource, JsValue> {
    if story.is_undefined() || story.is_null() {
        return Ok(StorySource::BuiltIn);
    }
    if let Some(url) = story.as_string() {
        return Ok(StorySource::Url(url));
    }
    if !story.is_object() {
        return Err(JsError::new(
            "Dateline.mount: story must be a story object (GeoJSON) or the URL of a story file.",
        )
        .into());
    }
    // The loader has refused cycles and runaway nesting (dateline-embed.js),
    // which would exhaust the stack here.
    let value = serde_wasm_bindgen::from_value::<serde_json::Value>(story)
        .map_err(|e| crate::js_error::js_message(&JsValue::from(e)));
    Ok(StorySource::Object(value))
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

    /// The story shown, as a canonical Dateline GeoJSON object (places with
    /// event lists, every id given); throws until the story is ready.
    pub fn story(&self) -> Result<JsValue, JsError> {
        let control = self.widget.control.ok_or_else(destroyed)?;
        let story = control.story().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(to_js(&story_file(&story)))
    }

    /// The story's events in reading order, each `{ id, placeId, title,
    /// date, place, lonLat }`; throws until the story is ready.
    pub fn events(&self) -> Result<JsValue, JsError> {
        let control = self.widget.control.ok_or_else(destroyed)?;
        let events = control.events().map_err(|e| JsError::new(&e.to_string()))?;
        let events = events.iter().map(|e| e.to_json()).collect();
        Ok(to_js(&serde_json::Value::Array(events)))
    }

    /// Shows the story's overview.
    pub fn overview(&self) -> Result<(), JsError> {
        let control = self.widget.control.ok_or_else(destroyed)?;
        control.overview().map_err(|e| JsError::new(&e.to_string()))
    }

    /// Shows another story (an object or a URL string); the outcome comes
    /// as `dateline:ready` or `dateline:error`.
    #[wasm_bindgen(js_name = setStory)]
    pub fn set_story(&self, story: JsValue) -> Result<(), JsValue> {
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
