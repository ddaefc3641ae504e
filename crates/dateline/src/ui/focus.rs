//! Moving keyboard focus inside a widget after the DOM has caught up.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::ui::tasks::Tasks;

/// Focuses, once the next frame is painted, the first element inside `root`
/// matching the first of `selectors` that matches anything (the element may
/// only be rendered by the signal change that asked for focus). Not in that
/// frame: `focus()` forces style and layout, which would hold up the first
/// paint of what a click opened by a few ms (issue 13).
pub fn focus_after_paint(tasks: Tasks, root: NodeRef<leptos::html::Div>, selectors: Vec<String>) {
    tasks.after_next_paint(move || focus_first(root, &selectors));
}

fn focus_first(root: NodeRef<leptos::html::Div>, selectors: &[String]) {
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
}
