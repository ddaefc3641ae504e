//! What a widget tells its host page: DOM events that bubble from the host
//! element. `dateline:ready` (detail: `{ places, events }`), `dateline:select`
//! (detail: `{ eventId, placeId, event }`, the event as the handle's
//! `events()` gives it, or `null` for the overview) and
//! `dateline:error` (detail: `{ problems }`, each a message).

use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::load::LoadError;
use crate::story::EventSummary;
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
            let detail = ReadyDetail {
                places: ready.places as u32,
                events: ready.events as u32,
            };
            this.send(READY, &to_js(&detail));
        })
    }

    /// The callback for [`ERROR`].
    pub fn on_error(&self) -> Callback<LoadError> {
        let this = self.clone();
        Callback::new(move |error: LoadError| {
            let detail = ErrorDetail {
                message: error.to_string(),
                problems: error.problems(),
            };
            this.send(ERROR, &to_js(&detail));
        })
    }

    /// The callback for [`SELECT`].
    pub fn on_select(&self) -> Callback<Option<SelectedEvent>> {
        let this = self.clone();
        Callback::new(move |selected: Option<SelectedEvent>| {
            let detail = selected.as_ref().map(|s| SelectDetail {
                event_id: &s.event_id,
                place_id: &s.place_id,
                event: &s.event,
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

#[derive(Serialize)]
struct ReadyDetail {
    places: u32,
    events: u32,
}

#[derive(Serialize)]
struct ErrorDetail {
    message: String,
    problems: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SelectDetail<'a> {
    event_id: &'a str,
    place_id: &'a str,
    event: &'a EventSummary,
}

/// `value` as plain JavaScript data (objects, not `Map`s; `null` for none).
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}
