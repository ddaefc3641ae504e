//! Moving keyboard focus inside a widget after the DOM has caught up.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Focuses the first element matching `selector` inside `root`, on the next frame
/// (the element may only be rendered by the signal change that asked for focus).
pub fn focus_next_frame(root: NodeRef<leptos::html::Div>, selector: String) {
    request_animation_frame(move || {
        let target = root
            .get_untracked()
            .and_then(|el| el.query_selector(&selector).ok().flatten())
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    });
}
