//! One marker on the map: a real button for a place or a group of places.

use leptos::prelude::*;

use crate::markers::MarkerModel;

/// A focusable map marker that opens its place (or group of places) in the details panel.
#[component]
pub fn MarkerButton(
    /// What the marker stands for and where it goes on screen.
    model: MarkerModel,
    /// Accessible name, e.g. "Moscow: 3 events".
    #[prop(into)]
    label: String,
    /// Visible name beside the marker.
    #[prop(into)]
    caption: String,
    /// Number shown on the marker (events of a place, places of a group); hidden when 1.
    count: usize,
    /// Whether it stands for several places (drawn differently, not only by colour).
    is_group: bool,
    /// Whether its place or group is open in the details panel.
    #[prop(into)]
    selected: Signal<bool>,
    /// Called on click, Enter or Space.
    on_activate: Callback<()>,
) -> impl IntoView {
    let class = move || {
        let kind = if is_group {
            "dl-marker dl-marker-group"
        } else {
            "dl-marker"
        };
        if selected.get() {
            format!("{kind} dl-marker-selected")
        } else {
            kind.to_string()
        }
    };
    let style = format!(
        "transform: translate({:.1}px, {:.1}px)",
        model.at.x, model.at.y
    );
    let tooltip = caption.clone();
    view! {
        <button
            type="button"
            class=class
            style=style
            data-testid="marker"
            data-kind=if is_group { "group" } else { "place" }
            data-marker-key=model.key
            aria-label=label
            aria-expanded=move || selected.get().to_string()
            title=tooltip
            on:click=move |_| on_activate.run(())
        >
            <span class="dl-marker-dot" aria-hidden="true">
                {(count > 1).then(|| count.to_string())}
            </span>
            <span class="dl-marker-caption" aria-hidden="true">{caption}</span>
        </button>
    }
}
