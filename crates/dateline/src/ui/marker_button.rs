//! One marker on the map: a real button for a place or a group of places.

use leptos::prelude::*;

use crate::fixed_point::{fixed, px};
use crate::geo::WorldPoint;
use crate::i18n::short_count;

/// A focusable map marker that opens its place (or group of places) in the details panel.
///
/// It is placed by CSS from its world position and the view the markers'
/// layer publishes (`--dl-k`, `--dl-tx`, `--dl-ty`), so moving the map
/// neither rebuilds it (keyboard focus stays) nor runs any code per marker.
#[component]
pub fn MarkerButton(
    /// Stable key of the marker, used to find it again (e.g. to return focus).
    #[prop(into)]
    marker_key: String,
    /// Where the marker is in the world.
    world: WorldPoint,
    /// Offset from `world` on screen, in px (a fanned-out cluster's member).
    offset: (f64, f64),
    /// Accessible name, e.g. "Moscow: 3 events".
    #[prop(into)]
    label: String,
    /// Visible name beside the marker.
    #[prop(into)]
    caption: String,
    /// Whether the caption fits on the map now (it never covers other markers).
    #[prop(into)]
    caption_shown: Signal<bool>,
    /// Whether the caption goes to the left of the dot (near the map's right edge).
    #[prop(into)]
    caption_left: Signal<bool>,
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
    // World units with enough digits for a tenth of a pixel at the closest
    // zoom. Set through the CSSOM: a strict CSP blocks `style` attributes.
    let (x, y) = (fixed(world.x, 9), fixed(world.y, 9));
    let (ox, oy) = (px(offset.0), px(offset.1));
    let tooltip = caption.clone();
    view! {
        <button
            type="button"
            class=if is_group { "dl-marker dl-marker-group" } else { "dl-marker" }
            class:dl-caption-left=caption_left
            class:dl-marker-selected=selected
            class:dl-caption-hidden=move || !caption_shown.get() && !selected.get()
            style:--dl-x=x
            style:--dl-y=y
            style:--dl-ox=ox
            style:--dl-oy=oy
            data-testid="marker"
            data-kind=if is_group { "cluster" } else { "place" }
            data-marker-key=marker_key
            aria-label=label
            aria-expanded=move || selected.get().to_string()
            title=tooltip
            on:click=move |_| on_activate.run(())
        >
            // Caption first: the visible text then reads in the order of the accessible name.
            <span class="dl-marker-caption">{caption}</span>
            // Flex layout drops this space; text extraction (axe, screen readers) keeps it.
            " "
            // The number is drawn by CSS from `data-count`: it is in the accessible
            // name already, in words in some languages ("two events" in Arabic).
            <span class="dl-marker-dot" data-count=(count > 1).then(|| short_count(count))></span>
        </button>
    }
}
