//! The map itself: basemap, markers, zoom buttons, the gesture hint and the
//! attribution, and the pointer, wheel and focus input on them.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::geo::min_zoom;
use crate::i18n::fill;
use crate::ui::basemap_layer::BasemapLayer;
use crate::ui::gesture_hint::GestureHint;
use crate::ui::gestures::Gestures;
use crate::ui::locale::use_locale;
use crate::ui::map_controls::MapControls;
use crate::ui::marker_layer::MarkerLayer;
use crate::ui::size_observer::observe_size;
use crate::ui::story_state::{MapState, StoryData};

/// The map of one story, sized by its grid cell; its size is published in `state.size`.
#[component]
pub fn MapView(
    /// The story's places and clusters.
    data: Arc<StoryData>,
    /// The map's state.
    state: MapState,
    /// Whether a plain wheel and one finger wait until the map is active.
    cooperative: bool,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let words = use_locale().words;
    observe_size(root, state.size);
    let camera = state.camera;
    let gestures = Gestures::new(camera, root, cooperative);
    let zoom_level = Memo::new(move |_| camera.view.get().map(|v| v.zoom().value()));
    let size = state.size;
    let can_zoom_in = Signal::derive(move || {
        zoom_level
            .get()
            .is_some_and(|z| z < crate::geo::MAX_ZOOM - 1e-9)
    });
    let can_zoom_out = Signal::derive(move || {
        zoom_level
            .get()
            .is_some_and(|z| z > min_zoom(size.get()) + 1e-9)
    });
    let act = Callback::new(move |action| state.act(action));
    // The click that ends a drag opens nothing.
    let on_place = Callback::new(move |(place, key)| {
        if !gestures.click_was_drag() {
            state.open_place(place, key);
        }
    });
    let on_cluster = Callback::new(move |(id, lead)| {
        if !gestures.click_was_drag() {
            state.open_cluster(id, lead);
        }
    });
    let journey = data.journey.clone();
    let selection = state.selection;
    let current = Signal::derive(move || selection.get().event());
    // The newsroom's tiles are credited as it asks, beside the outlines'.
    let credit = match state.raster.get_value() {
        Some(tiles) => format!("{} · {}", tiles.attribution, words.attribution),
        None => words.attribution.to_string(),
    };
    let title = data
        .story
        .title
        .clone()
        .unwrap_or_else(|| words.untitled_story.to_string());
    view! {
        <div
            class="dl-map"
            node_ref=root
            data-testid="story-map"
            data-zoom=move || zoom_level.get().map(|z| crate::fixed_point::fixed(z, 2)).unwrap_or_default()
            data-moving=move || camera.flying.get().then_some("true")
            style:touch-action=move || if gestures.takes_one_finger().get() { "none" } else { "pan-x pan-y" }
            on:pointerdown=move |ev| gestures.pointer_down(ev)
            on:pointermove=move |ev| gestures.pointer_move(ev)
            on:pointerup=move |ev| gestures.pointer_up(ev, false)
            on:pointercancel=move |ev| gestures.pointer_up(ev, true)
            on:wheel=move |ev| gestures.wheel(ev)
            on:dblclick=move |ev| gestures.double_click(ev)
            on:focusin=move |_| gestures.activate()
            on:focusout=move |ev| {
                let inside = ev
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(root.get_untracked())
                    .is_some_and(|(node, root)| root.contains(Some(&node)));
                if !inside {
                    gestures.deactivate();
                }
            }
        >
            <MapControls can_zoom_in=can_zoom_in can_zoom_out=can_zoom_out on_action=act />
            <div
                class="dl-viewport"
                tabindex="0"
                role="region"
                aria-roledescription="map"
                aria-label=fill(words.map_label, &[("title", &title)])
                data-testid="map-viewport"
            >
                <BasemapLayer viewport=camera.view journey=journey current=current
                    marks=state.marks covered=state.covered raster=state.raster.get_value()
                    flying=camera.flying />
                <MarkerLayer data=data state=state on_place=on_place on_cluster=on_cluster />
            </div>
            <GestureHint text=gestures.hint />
            <p class="dl-attribution">{credit}</p>
        </div>
    }
}
