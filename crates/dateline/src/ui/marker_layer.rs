//! The map's markers: the places and groups of places in view, their
//! captions where they fit, and which one is open.

use std::sync::Arc;

use leptos::prelude::*;

use crate::captions::{caption_sides, caption_text, marker_name};
use crate::covered_markers::clear_of_covers;
use crate::fixed_point::fixed;
use crate::geo::ClusterId;
use crate::i18n::Catalog;
use crate::markers::{held_cluster_zoom, place_key, MarkerKind, MarkerModel};
use crate::tiles::placement::{controls_box, MarkerMark};
use crate::ui::after_paint::after_paint;
use crate::ui::keyed_flags::KeyedFlags;
use crate::ui::locale::use_locale;
use crate::ui::marker_button::MarkerButton;
use crate::ui::story_state::{MapState, StoryData};

/// The markers in and near the view, placed by CSS from the view the layer
/// publishes; captions shown where they cover nothing else.
#[component]
pub fn MarkerLayer(
    /// The story's places and clusters.
    data: Arc<StoryData>,
    /// The map's state: view, fanned group, selection, what the panel covers.
    state: MapState,
    /// Called with a place's index and its marker's key when a place marker is chosen.
    on_place: Callback<(usize, Option<String>)>,
    /// Called with a cluster and its lead place when a group marker is chosen.
    on_cluster: Callback<(ClusterId, usize)>,
) -> impl IntoView {
    let camera = state.camera;
    let spider = state.spider;
    let words = use_locale().words;
    let rtl = words.rtl;
    // During a wheel or pinch, clusters change only every few levels (see
    // `held_cluster_zoom`); when it pauses, they match the view again.
    // `level`: the whole level the markers are clustered for.
    let level = StoredValue::new(None::<f64>);
    let markers = {
        let data = data.clone();
        Memo::new(move |_| {
            let spider = spider.get();
            let Some(view) = camera.view.get() else {
                return Vec::new();
            };
            let live = view.zoom().value();
            let cluster_zoom = match level.get_value() {
                Some(held) if camera.zooming.get() => held_cluster_zoom(held, live),
                _ => live,
            };
            level.set_value(Some(cluster_zoom.floor()));
            let shown = data
                .markers
                .visible_clustered_at(&view, cluster_zoom, spider.as_ref());
            // None under the panel or the zoom buttons, but the open place's.
            let open = state
                .selection
                .get()
                .event()
                .and_then(|k| data.order.get(k).map(|r| place_key(r.place)));
            let size = state.size.get();
            let controls = controls_box(size.width, rtl);
            clear_of_covers(
                shown,
                &view,
                size,
                state.covered.get(),
                controls,
                open.as_deref(),
            )
        })
    };

    // The width the panel leaves free, as the captions follow it: a frame
    // late, so that opening the panel paints the panel alone, then turns the
    // captions that meet it.
    let free_width = RwSignal::new(0.0);
    let (size, covered, tasks) = (state.size, state.covered, state.tasks);
    Effect::new(move |before: Option<f64>| {
        let width = size.with(|s| s.width) - covered.get().right;
        if before.is_none_or(|w| w <= 0.0) {
            free_width.set(width);
        } else {
            after_paint(tasks, move || free_width.set(width));
        }
        width
    });

    // Captions that fit without covering each other or other markers, busiest
    // first, and which go left of their dot; markers watch only their own key.
    let caption_shown = KeyedFlags::<String>::new();
    let caption_left = KeyedFlags::<String>::new();
    let widths_of = state.caption_widths;
    let probe = widths_of.probe();
    {
        let data = data.clone();
        Effect::new(move |_| {
            let Some(view) = camera.view.get() else {
                return;
            };
            let free = free_width.get();
            let (shown, left, marks) = markers.with(|markers| {
                let captions: Vec<String> = markers
                    .iter()
                    .map(|m| caption_text(words, &data.story, &data.markers, m))
                    .collect();
                let widths: Vec<f64> = captions.iter().map(|c| widths_of.of(c)).collect();
                let buttons = controls_box(view.size().width, rtl);
                let obstacles = [(buttons.x0, buttons.y0, buttons.x1, buttons.y1)];
                let (shown, left) =
                    caption_sides(&data.story, markers, &widths, &view, free, &obstacles);
                let marks = marker_marks(markers, &widths, &shown, &left);
                (shown, left, marks)
            });
            caption_shown.set(shown);
            caption_left.set(left);
            // The names are placed again only when what they avoid changed.
            if state.marks.with_untracked(|m| **m != marks) {
                state.marks.set(Arc::new(marks));
            }
        });
    }
    // The open place's marker is drawn as selected.
    let selected_marker = KeyedFlags::<String>::new();
    {
        let (data, selection) = (data.clone(), state.selection);
        Effect::new(move |_| {
            let place = selection
                .get()
                .event()
                .and_then(|k| data.order.get(k).map(|r| r.place));
            selected_marker.set(place.map(place_key).into_iter().collect())
        });
    }

    let cx = MarkerContext {
        caption_shown,
        caption_left,
        selected_marker,
        on_place,
        on_cluster,
    };
    view! {
        <div
            class="dl-markers"
            role="group"
            aria-label=words.places_on_map
            style:--dl-k=move || camera.view.get().map(|v| fixed(v.world_transform().0, 4))
            style:--dl-tx=move || camera.view.get().map(|v| fixed(v.world_transform().1, 2) + "px")
            style:--dl-ty=move || camera.view.get().map(|v| fixed(v.world_transform().2, 2) + "px")
        >
            <span class="dl-marker-caption dl-caption-probe" aria-hidden="true" node_ref=probe></span>
            <For
                each=move || markers.get()
                key=|model| model.key.clone()
                children=move |model| marker_view(words, &data, model, cx)
            />
        </div>
    }
}

/// The markers as the map's names must avoid them: dots, and shown captions.
fn marker_marks(
    markers: &[MarkerModel],
    widths: &[f64],
    shown: &std::collections::HashSet<String>,
    left: &std::collections::HashSet<String>,
) -> Vec<MarkerMark> {
    markers
        .iter()
        .zip(widths)
        .map(|(m, &width)| MarkerMark {
            world: m.world,
            offset: m.offset,
            caption: shown
                .contains(&m.key)
                .then(|| MarkerMark::caption_extent(width, left.contains(&m.key))),
        })
        .collect()
}

/// What every marker needs from the layer.
#[derive(Clone, Copy)]
struct MarkerContext {
    caption_shown: KeyedFlags<String>,
    caption_left: KeyedFlags<String>,
    selected_marker: KeyedFlags<String>,
    on_place: Callback<(usize, Option<String>)>,
    on_cluster: Callback<(ClusterId, usize)>,
}

fn marker_view(
    words: &'static Catalog,
    data: &StoryData,
    model: MarkerModel,
    cx: MarkerContext,
) -> impl IntoView {
    let caption = caption_text(words, &data.story, &data.markers, &model);
    let (label, count) = marker_name(words, &data.story, &model, &caption);
    let is_group = matches!(model.kind, MarkerKind::Cluster { .. });
    let key = model.key.clone();
    // Groups are never selected: they open no panel.
    let selected = if is_group {
        Signal::stored(false)
    } else {
        cx.selected_marker.watch(key.clone())
    };
    let caption_shown = cx.caption_shown.watch(key.clone());
    let caption_left = cx.caption_left.watch(key.clone());
    let activate = match model.kind {
        MarkerKind::Place(i) => {
            let open = cx.on_place;
            Callback::new(move |()| open.run((i, Some(key.clone()))))
        }
        MarkerKind::Cluster { id, lead, .. } => {
            let open = cx.on_cluster;
            Callback::new(move |()| open.run((id, lead)))
        }
    };
    view! {
        <MarkerButton
            marker_key=model.key
            world=model.world
            offset=model.offset
            label=label
            caption=caption
            caption_shown=caption_shown
            caption_left=caption_left
            count=count
            is_group=is_group
            selected=selected
            on_activate=activate
        />
    }
}
