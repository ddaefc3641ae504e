//! The brief hint an embedded map shows when a gesture scrolled the page
//! instead of moving the map (MapLibre's "cooperative gestures").

use leptos::prelude::*;

use crate::i18n::Catalog;

/// A short message over the map saying how to move it; shown while `text` is `Some`.
#[component]
pub fn GestureHint(
    /// The hint to show, if any.
    #[prop(into)]
    text: Signal<Option<&'static str>>,
) -> impl IntoView {
    view! {
        <div
            class=move || if text.get().is_some() { "dl-hint dl-hint-shown" } else { "dl-hint" }
            data-testid="gesture-hint"
            aria-hidden=move || text.get().is_none().to_string()
        >
            <p>{move || text.get().unwrap_or_default()}</p>
        </div>
    }
}

/// The hint for a wheel that scrolled the page; ⌘ on Apple platforms.
pub fn wheel_hint(words: &'static Catalog) -> &'static str {
    let apple = web_sys::window()
        .and_then(|w| w.navigator().platform().ok())
        .is_some_and(|p| p.starts_with("Mac") || p.starts_with("iP"));
    if apple {
        words.wheel_hint_apple
    } else {
        words.wheel_hint
    }
}
