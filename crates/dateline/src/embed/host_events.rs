//! What a widget tells its host page: DOM events that bubble from the host
//! element. `dateline:ready` (detail: `{ places, events }`), `dateline:select`
//! (detail: `{ eventId, placeId, event }`, the event as the handle's
//! `events()` gives it, or `null` for the overview) and
//! `dateline:error` (detail: `{ problems }`, each a message).

use leptos::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::load::LoadError;
use crate::ui::control::SelectedEvent;
use crate::ui::widget::Ready;

/// The event a widget sends once its story is shown.
pub const READY: &str = "dateline:ready";
/// The event a widget sends when the open event changes.
pub const SELECT: &str = "dateline:select";
/// The event a widget sends when its story cannot be shown.
pub const ERROR: &str = "dateline:error";

/// Sends a widget's events from its host element.
#[derive(Clone)]
pub struct HostEvents {
    host: send_wrapper::SendWrapper<HtmlElement>,
}

impl HostEvents {
    /// Events from `host`.
    pub fn new(host: HtmlElement) -> HostEvents {
        HostEvents {
            host: send_wrapper::SendWrapper::new(host),
        }
    }

    /// The callback for [`READY`].
    pub fn on_ready(&self) -> Callback<Ready> {
        let this = self.clone();
        Callback::new(move |ready: Ready| {
            let detail = object([
                ("places", Value::from(ready.places)),
                ("events", Value::from(ready.events)),
            ]);
            this.send(READY, &to_js(&detail));
        })
    }

    /// The callback for [`ERROR`].
    pub fn on_error(&self) -> Callback<LoadError> {
        let this = self.clone();
        Callback::new(move |error: LoadError| {
            let problems = error.problems().into_iter().map(Value::String).collect();
            let detail = object([
                ("message", Value::String(error.to_string())),
                ("problems", Value::Array(problems)),
            ]);
            this.send(ERROR, &to_js(&detail));
        })
    }

    /// The callback for [`SELECT`].
    pub fn on_select(&self) -> Callback<Option<SelectedEvent>> {
        let this = self.clone();
        Callback::new(move |selected: Option<SelectedEvent>| {
            let detail = selected.as_ref().map_or(Value::Null, |s| {
                object([
                    ("eventId", Value::String(s.event_id.clone())),
                    ("placeId", Value::String(s.place_id.clone())),
                    ("event", s.event.to_json()),
                ])
            });
            this.send(SELECT, &to_js(&detail));
        })
    }

    fn send(&self, name: &str, detail: &JsValue) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.host.dispatch_event(&event);
        }
    }
}

/// An object of these entries (inserted one by one: collecting into the
/// map would sort them, and bring a sort into the bundle).
fn object<const N: usize>(entries: [(&str, Value); N]) -> Value {
    let mut map = Map::new();
    for (k, v) in entries {
        map.insert(k.to_string(), v);
    }
    Value::Object(map)
}

/// `value` as plain JavaScript data (objects, not `Map`s; `null` for none):
/// every shape a page gets goes through this one serialiser.
pub(crate) fn to_js(value: &Value) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}
