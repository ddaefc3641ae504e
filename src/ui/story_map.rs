//! The map of one story: basemap, markers and the details panel.

use std::sync::Arc;

use leptos::prelude::*;

use crate::geo::{project, Size, Viewport, WorldBounds, WorldPoint};
use crate::markers::{
    group_marker_label, join_names, layout_markers, place_marker_label, MarkerKind, MarkerModel,
};
use crate::story::Story;
use crate::ui::basemap_layer::BasemapLayer;
use crate::ui::details_panel::DetailsPanel;
use crate::ui::focus::focus_next_frame;
use crate::ui::marker_button::MarkerButton;
use crate::ui::size_observer::observe_size;
use crate::ui::Selection;

/// Space kept free around the story's places when fitting the view, in px.
const FIT_PADDING_PX: f64 = 48.0;
/// Closest initial zoom, so a one-place story still shows its surroundings.
const MAX_FIT_ZOOM: f64 = 6.0;
/// Room taken by the details panel on a wide map (its CSS width plus margins).
const SIDE_PANEL_ROOM_PX: f64 = 404.0;
/// Refit beside the panel only when at least 320 px of map stay free.
const SIDE_PANEL_MIN_MAP_WIDTH_PX: f64 = SIDE_PANEL_ROOM_PX + 320.0;

/// The interactive map of a validated story, sized by its container.
#[component]
pub fn StoryMap(
    /// The story to show.
    story: Arc<Story>,
    /// The widget's id: prefix of the ids inside it, unique on the page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let places: Arc<Vec<WorldPoint>> = Arc::new(
        story
            .places
            .iter()
            // Validated stories have finite coordinates; the fallback is unreachable in practice.
            .map(|p| project(p.lon, p.lat).unwrap_or(WorldPoint { x: 0.5, y: 0.5 }))
            .collect(),
    );
    let bounds = WorldBounds::from_points(places.iter().copied());
    let size = RwSignal::new(Size {
        width: 0.0,
        height: 0.0,
    });
    let selection = RwSignal::new(Selection::None);
    let panel_open = Memo::new(move |_| selection.with(|s| *s != Selection::None));
    // A side panel covers the right of a wide map: places are fitted beside it.
    let covered = Memo::new(move |_| {
        if panel_open.get() && size.with(|s| s.width >= SIDE_PANEL_MIN_MAP_WIDTH_PX) {
            SIDE_PANEL_ROOM_PX
        } else {
            0.0
        }
    });
    let viewport = Memo::new(move |_| {
        let size = size.get();
        let covered = covered.get();
        let laid_out = size.width > 0.0 && size.height > 0.0;
        bounds.filter(|_| laid_out).map(|b| {
            let free = Size {
                width: size.width - covered,
                height: size.height,
            };
            Viewport::fit(b, free, FIT_PADDING_PX, MAX_FIT_ZOOM)
                .with_size(size)
                .translate_by_pixels(-covered / 2.0, 0.0)
        })
    });
    let markers = {
        let places = places.clone();
        Memo::new(move |_| {
            viewport
                .get()
                .map(|vp| layout_markers(&places, &vp))
                .unwrap_or_default()
        })
    };

    let root = NodeRef::<leptos::html::Div>::new();
    observe_size(root, size);
    // The marker that opened the panel gets focus back when it closes.
    let opener = StoredValue::new(None::<String>);
    let heading_id = format!("{id}-panel-heading");

    let open = Callback::new(move |(next, key): (Selection, Option<String>)| {
        if key.is_some() {
            opener.set_value(key);
        }
        selection.set(next);
        focus_next_frame(root, ".dl-panel-heading".to_string());
    });
    let close = Callback::new(move |()| {
        selection.set(Selection::None);
        if let Some(key) = opener.get_value() {
            focus_next_frame(root, format!("[data-marker-key='{key}']"));
        }
    });
    let pick_place = Callback::new(move |place: usize| open.run((Selection::Place(place), None)));

    let free_width = Signal::derive(move || size.with(|s| s.width) - covered.get());
    let marker_views = {
        let story = story.clone();
        view! {
            <For
                each=move || markers.get()
                key=|model| model.key.clone()
                children=move |model| {
                    marker_view(&story, model, viewport.into(), free_width, selection, open)
                }
            />
        }
    };

    view! {
        <div
            class="dl-map"
            node_ref=root
            data-testid="story-map"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && selection.get_untracked() != Selection::None {
                    ev.prevent_default();
                    close.run(());
                }
            }
        >
            <BasemapLayer viewport=viewport />
            <div class="dl-markers" role="group" aria-label="Places on the map">
                {marker_views}
            </div>
            <DetailsPanel
                story=story
                selection=selection
                heading_id=heading_id
                on_close=close
                on_pick_place=pick_place
            />
            <p class="dl-attribution">"Basemap: Natural Earth"</p>
        </div>
    }
}

fn marker_view(
    story: &Story,
    model: MarkerModel,
    viewport: Signal<Option<Viewport>>,
    free_width: Signal<f64>,
    selection: RwSignal<Selection>,
    open: Callback<(Selection, Option<String>)>,
) -> impl IntoView {
    let (label, caption, count, target) = match &model.kind {
        MarkerKind::Place(i) => {
            let place = &story.places[*i];
            (
                place_marker_label(&place.name, place.events.len()),
                place.name.clone(),
                place.events.len(),
                Selection::Place(*i),
            )
        }
        MarkerKind::Group(members) => {
            let names: Vec<&str> = members
                .iter()
                .map(|i| story.places[*i].name.as_str())
                .collect();
            let events = members.iter().map(|i| story.places[*i].events.len()).sum();
            (
                group_marker_label(&names, events),
                join_names(&names),
                members.len(),
                Selection::Group(members.clone()),
            )
        }
    };
    let is_group = matches!(model.kind, MarkerKind::Group(_));
    let selected = {
        let target = target.clone();
        // A group stays marked while one of its places is open.
        Signal::derive(move || {
            selection.with(|s| match (s, &target) {
                (Selection::Place(i), Selection::Group(members)) => members.contains(i),
                _ => *s == target,
            })
        })
    };
    let key = model.key.clone();
    view! {
        <MarkerButton
            marker_key=model.key
            world=model.world
            viewport=viewport
            free_width=free_width
            label=label
            caption=caption
            count=count
            is_group=is_group
            selected=selected
            on_activate=Callback::new(move |()| open.run((target.clone(), Some(key.clone()))))
        />
    }
}
