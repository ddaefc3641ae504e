//! The zoom buttons and "show the whole story".

use leptos::prelude::*;

use crate::interaction::MapAction;
use crate::ui::strings;

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
    let zoom = move |delta: f64| {
        on_action.run(MapAction::ZoomBy {
            delta,
            anchor: None,
        })
    };
    view! {
        <div class="dl-controls" role="group" aria-label=strings::MAP_CONTROLS>
            <button
                type="button"
                class="dl-control"
                data-testid="zoom-in"
                aria-label=strings::ZOOM_IN
                title=strings::ZOOM_IN_TIP
                aria-disabled=move || (!can_zoom_in.get()).to_string()
                on:click=move |_| zoom(1.0)
            >
                <span aria-hidden="true">"+"</span>
            </button>
            <button
                type="button"
                class="dl-control"
                data-testid="zoom-out"
                aria-label=strings::ZOOM_OUT
                title=strings::ZOOM_OUT_TIP
                aria-disabled=move || (!can_zoom_out.get()).to_string()
                on:click=move |_| zoom(-1.0)
            >
                <span aria-hidden="true">"−"</span>
            </button>
            <button
                type="button"
                class="dl-control"
                data-testid="zoom-fit"
                aria-label=strings::WHOLE_STORY
                title=strings::WHOLE_STORY_TIP
                on:click=move |_| on_action.run(MapAction::Fit)
            >
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                    <path d="M3 8V3h5M17 8V3h-5M3 12v5h5M17 12v5h-5" fill="none" stroke="currentColor" stroke-width="2" />
                </svg>
            </button>
        </div>
    }
}
