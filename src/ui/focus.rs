//! Moving keyboard focus inside a widget after the DOM has caught up.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::ui::tasks::Tasks;

/// Focuses, on the next frame, the first element inside `root` matching the
/// first of `selectors` that matches anything (the element may only be
/// rendered by the signal change that asked for focus).
pub fn focus_next_frame(tasks: Tasks, root: NodeRef<leptos::html::Div>, selectors: Vec<String>) {
    tasks.frame(move || {
        let Some(root) = root.try_get_untracked().flatten() else {
            return;
        };
        let target = selectors
            .iter()
            .find_map(|s| root.query_selector(s).ok().flatten())
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    });
}
