//! What a widget tells its host page: DOM events that bubble from the host
//! element. `dateline:ready` (detail: `{ places, events }`), `dateline:select`
//! (detail: `{ eventId, placeId }`, or `null` for the overview) and
//! `dateline:error` (detail: `{ problems }`, each a message).

use leptos::prelude::*;
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
            let detail = object(&[
                ("places", JsValue::from(ready.places as u32)),
                ("events", JsValue::from(ready.events as u32)),
            ]);
            this.send(READY, &detail);
        })
    }

    /// The callback for [`ERROR`].
    pub fn on_error(&self) -> Callback<LoadError> {
        let this = self.clone();
        Callback::new(move |error: LoadError| {
            let problems: js_sys::Array = error.problems().iter().map(JsValue::from).collect();
            let detail = object(&[
                ("message", JsValue::from(error.to_string())),
                ("problems", problems.into()),
            ]);
            this.send(ERROR, &detail);
        })
    }

    /// The callback for [`SELECT`].
    pub fn on_select(&self) -> Callback<Option<SelectedEvent>> {
        let this = self.clone();
        Callback::new(move |selected: Option<SelectedEvent>| {
            let detail = match selected {
                Some(s) => object(&[
                    ("eventId", JsValue::from(s.event_id)),
                    ("placeId", JsValue::from(s.place_id)),
                ]),
                None => JsValue::NULL,
            };
            this.send(SELECT, &detail);
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

/// A plain object with these properties.
fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in entries {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}
