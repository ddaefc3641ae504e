//! Work that can wait until the reader sees the result of their action.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// At the latest this long after the frame, idle or not, the work runs.
const IDLE_TIMEOUT_MS: u32 = 200;

/// Runs `f` after the next frame has been painted, once the browser is idle
/// (or after [`IDLE_TIMEOUT_MS`]): for work nobody waits for, such as writing
/// the link or turning captions, that would otherwise hold up that frame or
/// the input that follows it.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let has_idle =
            js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
        if !has_idle {
            // Safari: a task after the frame.
            set_timeout(f, Duration::ZERO);
            return;
        }
        let callback = Closure::once_into_js(f);
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_TIMEOUT_MS);
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    });
}
