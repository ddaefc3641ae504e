//! The zoom buttons and "show the whole story".

use leptos::prelude::*;

use crate::interaction::MapAction;
use crate::ui::locale::use_locale;

/// Zoom in, zoom out and show-the-whole-story buttons; each sends a [`MapAction`].
#[component]
pub fn MapControls(
    /// Whether zooming in is possible (false at the closest zoom).
    #[prop(into)]
    can_zoom_in: Signal<bool>,
    /// Whether zooming out is possible (false when the whole world shows).
    #[prop(into)]
    can_zoom_out: Signal<bool>,
    /// Receives the action of the button pressed.
    on_action: Callback<MapAction>,
) -> impl IntoView {
    let words = use_locale().words;
    let zoom = move |delta: f64| {
        on_action.run(MapAction::ZoomBy {
            delta,
            anchor: None,
        })
    };
    view! {
        <div class="dl-controls" role="group" aria-label=words.map_controls>
            <button
                type="button"
                class="dl-control"
                data-testid="zoom-in"
                aria-label=words.zoom_in
                title=words.zoom_in_tip
                aria-disabled=move || (!can_zoom_in.get()).to_string()
                on:click=move |_| zoom(1.0)
            >
                <span aria-hidden="true">"+"</span>
            </button>
            <button
                type="button"
                class="dl-control"
                data-testid="zoom-out"
                aria-label=words.zoom_out
                title=words.zoom_out_tip
                aria-disabled=move || (!can_zoom_out.get()).to_string()
                on:click=move |_| zoom(-1.0)
            >
                <span aria-hidden="true">"−"</span>
            </button>
            <button
                type="button"
                class="dl-control"
                data-testid="zoom-fit"
                aria-label=words.whole_story
                title=words.whole_story_tip
                on:click=move |_| on_action.run(MapAction::Fit)
            >
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                    <path d="M3 8V3h5M17 8V3h-5M3 12v5h5M17 12v5h-5" fill="none" stroke="currentColor" stroke-width="2" />
                </svg>
            </button>
        </div>
    }
}
