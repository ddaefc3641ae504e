//! One marker on the map: a real button for a place or a group of places.

use leptos::prelude::*;

use crate::geo::{ScreenPoint, Viewport, WorldPoint};
use crate::markers::{caption_goes_left, short_count};

/// A focusable map marker that opens its place (or group of places) in the details panel.
///
/// It follows the view by itself, so moving the map never rebuilds it (and
/// never takes keyboard focus away from it).
#[component]
pub fn MarkerButton(
    /// Stable key of the marker, used to find it again (e.g. to return focus).
    #[prop(into)]
    marker_key: String,
    /// Where the marker is in the world.
    world: WorldPoint,
    /// Offset from `world` on screen, in px (a fanned-out cluster's member).
    offset: (f64, f64),
    /// The current view; the marker is placed by it.
    #[prop(into)]
    viewport: Signal<Option<Viewport>>,
    /// Width of the map not covered by the details panel, in px.
    #[prop(into)]
    free_width: Signal<f64>,
    /// Accessible name, e.g. "Moscow: 3 events".
    #[prop(into)]
    label: String,
    /// Visible name beside the marker.
    #[prop(into)]
    caption: String,
    /// Whether the caption fits on the map now (it never covers other markers).
    #[prop(into)]
    caption_shown: Signal<bool>,
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
    let at = Memo::new(move |_| {
        viewport.get().map(|vp| {
            let p = vp.world_to_screen(world);
            ScreenPoint::new(p.x + offset.0, p.y + offset.1)
        })
    });
    let class = move || {
        let mut class = String::from("dl-marker");
        if is_group {
            class.push_str(" dl-marker-group");
        }
        if at
            .get()
            .is_some_and(|p| caption_goes_left(p.x, free_width.get()))
        {
            class.push_str(" dl-caption-left");
        }
        if selected.get() {
            class.push_str(" dl-marker-selected");
        }
        if !caption_shown.get() && !selected.get() {
            class.push_str(" dl-caption-hidden");
        }
        class
    };
    let transform = move || {
        at.get()
            .map(|p| format!("translate({:.1}px, {:.1}px)", p.x, p.y))
            .unwrap_or_default()
    };
    let tooltip = caption.clone();
    view! {
        <button
            type="button"
            class=class
            style:transform=transform
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
            <span class="dl-marker-dot">{(count > 1).then(|| short_count(count))}</span>
        </button>
    }
}
