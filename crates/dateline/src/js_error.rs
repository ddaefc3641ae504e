//! JavaScript errors as text for a message to the user: below the loader
//! and the importers' bundle, which both report what the browser threw.

use wasm_bindgen::JsCast;

/// A JavaScript error's message, for a message to the user.
pub(crate) fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
