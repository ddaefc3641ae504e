//! The map of one story: basemap, controls, markers and the details panel,
//! and the state that ties them together (view, selection, fanned cluster).

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::deeplink;
use crate::geo::{project, Size, Viewport, WorldBounds, WorldPoint, Zoom, MAX_ZOOM};
use crate::interaction::{apply, key_action, MapAction};
use crate::markers::{
    caption_goes_left, caption_width, cluster_caption, cluster_marker_label, held_cluster_zoom,
    place_key, place_marker_label, visible_captions, CaptionBox, MarkerKind, MarkerModel, Spider,
    StoryMarkers,
};
use crate::story::Story;
use crate::timeline::{reading_order, step, EventRef};
use crate::ui::after_paint::after_paint;
use crate::ui::basemap_layer::BasemapLayer;
use crate::ui::camera::{prefers_reduced_motion, Camera};
use crate::ui::details_panel::DetailsPanel;
use crate::ui::focus::focus_next_frame;
use crate::ui::gesture_hint::GestureHint;
use crate::ui::gestures::Gestures;
use crate::ui::keyed_flags::KeyedFlags;
use crate::ui::map_controls::MapControls;
use crate::ui::marker_button::MarkerButton;
use crate::ui::size_observer::observe_size;
use crate::ui::strings;
use crate::ui::timeline::Timeline;
use crate::ui::Selection;

/// Space kept free around the story's places when fitting the view, in px.
const FIT_PADDING_PX: f64 = 48.0;
/// Closest zoom for "show the whole story", so a one-place story still shows its surroundings.
const MAX_FIT_ZOOM: f64 = 6.0;
/// Room taken by the details panel on a wide map (its CSS width plus margins).
const SIDE_PANEL_ROOM_PX: f64 = 404.0;
/// At most this wide, the panel is a bottom sheet (see `@container` in dateline.css)…
const BOTTOM_SHEET_MAX_MAP_WIDTH_PX: f64 = 560.0;
/// …covering at most this share of the map's height.
const BOTTOM_SHEET_SHARE: f64 = 0.62;
/// Fit beside the panel only when at least 320 px of map stay free.
const SIDE_PANEL_MIN_MAP_WIDTH_PX: f64 = SIDE_PANEL_ROOM_PX + 320.0;

/// How a map behaves; the defaults suit a map embedded in a page of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapOptions {
    /// Plain wheel and one-finger swipes scroll the page until the map is
    /// clicked or focused (Ctrl/⌘ + wheel and two fingers always move it).
    /// Default `true`; `data-cooperative="off"` on the host turns it off.
    pub cooperative_gestures: bool,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            cooperative_gestures: true,
        }
    }
}

/// The interactive map of a validated story, sized by its container.
#[component]
pub fn StoryMap(
    /// The story to show.
    story: Arc<Story>,
    /// The widget's id: prefix of the ids inside it, unique on the page.
    #[prop(into)]
    id: String,
    /// How the map behaves (cooperative gestures).
    #[prop(optional)]
    options: MapOptions,
) -> impl IntoView {
    let places: Arc<Vec<WorldPoint>> = Arc::new(
        story
            .places
            .iter()
            // Validated stories have finite coordinates; the fallback is unreachable in practice.
            .map(|p| project(p.lon, p.lat).unwrap_or(WorldPoint::new(0.5, 0.5)))
            .collect(),
    );
    let events: Vec<u32> = story
        .places
        .iter()
        .map(|p| u32::try_from(p.events.len()).unwrap_or(u32::MAX))
        .collect();
    let clusters = Arc::new(StoryMarkers::new(&places, &events));
    let bounds = WorldBounds::from_points(places.iter().copied());

    let root = NodeRef::<leptos::html::Div>::new();
    // The whole widget (map, timeline, panel): where focus moves within.
    let widget = NodeRef::<leptos::html::Div>::new();
    let size = RwSignal::new(Size::new(0.0, 0.0));
    observe_size(root, size);
    let camera = Camera::new();
    let gestures = Gestures::new(camera, root, options.cooperative_gestures);
    let order: Arc<Vec<EventRef>> = Arc::new(reading_order(&story));
    // Links name this widget's events by its id only when the page has others.
    let namespace: Arc<Option<String>> = Arc::new((count_widgets() > 1).then(|| id.clone()));
    let (initial, initial_notice) = from_link(&story, &order, namespace.as_deref());
    let selection = RwSignal::new(initial);
    let notice = RwSignal::new(initial_notice);
    let announcement = RwSignal::new(String::new());
    let spider = RwSignal::new(None::<Spider>);
    // The marker that opened the panel gets focus back when it closes.
    let opener = StoredValue::new(None::<String>);
    let heading_id = format!("{id}-panel-heading");
    let current_place = {
        let order = order.clone();
        Memo::new(move |_| match selection.get() {
            Selection::Event(k) => order.get(k).map(|r| r.place),
            _ => None,
        })
    };

    // The panel covers the right of a wide map, or the bottom of a narrow one
    // (a sheet): views are framed in the part it leaves free. (right, bottom) in px.
    let covered = Memo::new(move |_| {
        let open = selection.with(|s| *s != Selection::Closed);
        let size = size.get();
        if !open {
            (0.0, 0.0)
        } else if size.width >= SIDE_PANEL_MIN_MAP_WIDTH_PX {
            (SIDE_PANEL_ROOM_PX, 0.0)
        } else if size.width <= BOTTOM_SHEET_MAX_MAP_WIDTH_PX {
            (0.0, size.height * BOTTOM_SHEET_SHARE + 8.0)
        } else {
            (0.0, 0.0)
        }
    });
    // The width the panel leaves free, as the captions follow it: a frame
    // late, so that opening the panel paints the panel alone, then turns the
    // captions that meet it.
    let free_width = RwSignal::new(0.0);
    Effect::new(move |before: Option<f64>| {
        let width = size.with(|s| s.width) - covered.get().0;
        if before.is_none_or(|w| w <= 0.0) {
            free_width.set(width);
        } else {
            after_paint(move || free_width.set(width));
        }
        width
    });
    // `target` in the middle of the part of the map the panel leaves free.
    let framed = move |target: Viewport| {
        let (right, bottom) = covered.get_untracked();
        target.translate_by_pixels(-right / 2.0, -bottom / 2.0)
    };
    let whole_story = move || {
        let size = size.get_untracked();
        let (right, bottom) = covered.get_untracked();
        let free = Size::new(size.width - right, size.height - bottom);
        bounds.map(|b| framed(Viewport::fit(b, free, FIT_PADDING_PX, MAX_FIT_ZOOM).with_size(size)))
    };

    let initial_event_view = {
        let (clusters, places, order) = (clusters.clone(), places.clone(), order.clone());
        move |k: usize, from: Viewport| -> Option<(Viewport, Option<Spider>)> {
            event_view_of(&clusters, &places, &order, k, from, covered.get_untracked())
        }
    };
    // Fit on first layout and on resize, unless the user has moved the map.
    Effect::new(move |_| {
        let size = size.get();
        if size.width <= 0.0 || size.height <= 0.0 {
            return;
        }
        match (camera.current(), selection.get_untracked()) {
            (Some(view), _) if camera.moved_by_user() => camera.jump(view.with_size(size), true),
            // A link to an event: start there, then keep it in view on resize.
            (_, Selection::Event(k)) => {
                if let Some(start) = whole_story() {
                    if let Some((view, fan)) = initial_event_view(k, start) {
                        camera.jump(view, false);
                        spider.set(fan);
                    }
                }
            }
            _ => {
                if let Some(view) = whole_story() {
                    camera.jump(view, false);
                }
            }
        }
    });

    // During a wheel or pinch, clusters change only every few levels (see
    // `held_cluster_zoom`); when it pauses, they match the view again.
    // `level`: the whole level the markers are clustered for.
    let level = StoredValue::new(None::<f64>);
    let markers = {
        let clusters = clusters.clone();
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
            clusters.visible_clustered_at(&view, cluster_zoom, spider.as_ref())
        })
    };
    let caption_of = {
        let (story, clusters) = (story.clone(), clusters.clone());
        move |model: &MarkerModel| -> String {
            match &model.kind {
                MarkerKind::Place(i) => story
                    .places
                    .get(*i)
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                MarkerKind::Cluster {
                    id, places, lead, ..
                } => {
                    let leaves = if *places <= 3 {
                        clusters.tree().leaves(*id)
                    } else {
                        Vec::new()
                    };
                    let names: Vec<&str> = leaves
                        .iter()
                        .filter_map(|i| story.places.get(*i).map(|p| p.name.as_str()))
                        .collect();
                    let lead = story.places.get(*lead).map_or("", |p| p.name.as_str());
                    cluster_caption(&names, lead, *places)
                }
            }
        }
    };
    // Captions that fit without covering each other or other markers, busiest
    // first, and which go left of their dot; markers watch only their own key.
    let caption_shown = KeyedFlags::<String>::new();
    let caption_left = KeyedFlags::<String>::new();
    {
        let caption_of = caption_of.clone();
        let story = story.clone();
        Effect::new(move |_| {
            let Some(view) = camera.view.get() else {
                return;
            };
            let free = free_width.get();
            let width = size.with(|s| s.width);
            let (shown, left) = markers.with(|markers| {
                let boxes: Vec<CaptionBox> = markers
                    .iter()
                    .map(|m| {
                        let p = view.world_to_screen(m.world);
                        let at = crate::geo::ScreenPoint::new(p.x + m.offset.0, p.y + m.offset.1);
                        let priority = match &m.kind {
                            MarkerKind::Place(i) => {
                                story.places.get(*i).map_or(0, |p| p.events.len() as u64)
                            }
                            MarkerKind::Cluster { events, .. } => *events,
                        };
                        CaptionBox {
                            at,
                            width: caption_width(&caption_of(m)),
                            left: caption_goes_left(at.x, free, width),
                            priority,
                        }
                    })
                    .collect();
                let mut shown = HashSet::new();
                let mut left = HashSet::new();
                for ((m, b), fits) in markers.iter().zip(&boxes).zip(visible_captions(&boxes)) {
                    if fits {
                        shown.insert(m.key.clone());
                    }
                    if b.left {
                        left.insert(m.key.clone());
                    }
                }
                (shown, left)
            });
            caption_shown.set(shown);
            caption_left.set(left);
        });
    }
    // The open place's marker is drawn as selected.
    let selected_marker = KeyedFlags::<String>::new();
    Effect::new(move |_| {
        selected_marker.set(current_place.get().map(place_key).into_iter().collect())
    });

    // The view that shows event `k`: centred on its place (beside the panel),
    // zoomed in until the place has a marker of its own.
    let event_view = {
        let (clusters, places, order) = (clusters.clone(), places.clone(), order.clone());
        move |k: usize, from: Viewport| {
            event_view_of(&clusters, &places, &order, k, from, covered.get_untracked())
        }
    };
    // Going somewhere in the story: the one way selection changes, so that
    // marker, panel, timeline, map, link and announcement always agree.
    let go = {
        let (event_view, story, order) = (event_view.clone(), story.clone(), order.clone());
        let namespace = namespace.clone();
        Callback::new(move |(next, nav): (Selection, Nav)| {
            if nav == Nav::Deliberate {
                focus_next_frame(widget, vec![".dl-panel-heading".to_string()]);
            }
            if selection.get_untracked() == next {
                return;
            }
            selection.set(next);
            if nav != Nav::FromLink {
                notice.set(None);
                let id = match next {
                    Selection::Event(k) => order
                        .get(k)
                        .and_then(|r| r.resolve(&story))
                        .map(|(_, e)| e.id.clone()),
                    _ => None,
                };
                write_link(namespace.as_ref().clone(), id, nav == Nav::Deliberate);
            }
            announcement.set(announce(&story, &order, next));
            let Some(view) = camera.current() else {
                return;
            };
            match next {
                Selection::Event(k) => {
                    if let Some((target, fan)) = event_view(k, view) {
                        camera.fly_to(target, prefers_reduced_motion(), move || {
                            if fan.is_some() {
                                spider.set(fan);
                            }
                        });
                    }
                }
                Selection::Overview => {
                    if let Some(target) = whole_story() {
                        camera.fly_to(target, prefers_reduced_motion(), || ());
                    }
                }
                Selection::Closed => {}
            }
        })
    };
    // Back and forward buttons, and links edited by hand.
    {
        let (story, order, namespace) = (story.clone(), order.clone(), namespace.clone());
        let follow = move || {
            let (next, note) = from_link(&story, &order, namespace.as_deref());
            notice.set(note);
            go.run((next, Nav::FromLink));
        };
        let again = follow.clone();
        let _ = window_event_listener(leptos::ev::popstate, move |_| follow());
        let _ = window_event_listener(leptos::ev::hashchange, move |_| again());
    }
    let select_event =
        Callback::new(move |k: usize| go.run((Selection::Event(k), Nav::Deliberate)));
    let step_to = Callback::new(move |to: Option<usize>| {
        go.run((to.map_or(Selection::Overview, Selection::Event), Nav::Step))
    });
    // A marker opens its place's first event in reading order.
    let open_place = {
        let order = order.clone();
        Callback::new(move |(place, opener_key): (usize, Option<String>)| {
            if gestures.click_was_drag() {
                return;
            }
            if opener_key.is_some() {
                opener.set_value(opener_key);
            }
            if let Some(k) = order.iter().position(|r| r.place == place) {
                go.run((Selection::Event(k), Nav::Deliberate));
            }
        })
    };
    // Opening a cluster: zoom to its places, or fan them out if they never separate.
    let open_cluster = {
        let clusters = clusters.clone();
        Callback::new(move |(id, lead): (crate::geo::ClusterId, usize)| {
            if gestures.click_was_drag() {
                return;
            }
            let Some(view) = camera.current() else {
                return;
            };
            let tree = clusters.tree();
            match (tree.expansion_zoom(id), tree.bounds_of(id)) {
                (Some(split), Some(bounds)) if split <= MAX_ZOOM => {
                    // The least zoom that splits it keeps the most context around.
                    let zoom = split.max(view.zoom().value());
                    let target = framed(Viewport::new(
                        bounds.center(),
                        Zoom::clamped(zoom),
                        view.size(),
                    ));
                    camera.fly_to(target, prefers_reduced_motion(), move || {
                        focus_next_frame(
                            widget,
                            vec![format!("[data-marker-key='{}']", place_key(lead))],
                        );
                    });
                }
                _ => {
                    spider.set(Some(Spider {
                        cluster: id,
                        members: tree.leaves(id),
                    }));
                    focus_next_frame(
                        widget,
                        vec![format!("[data-marker-key='{}']", place_key(lead))],
                    );
                }
            }
        })
    };
    let close = Callback::new(move |()| {
        selection.set(Selection::Closed);
        write_link(namespace.as_ref().clone(), None, false);
        // Back to the marker that opened the panel; if the view has merged it
        // into a cluster meanwhile, to the map, never to the page's start.
        let mut targets: Vec<String> = opener
            .get_value()
            .map(|key| format!("[data-marker-key='{key}']"))
            .into_iter()
            .collect();
        targets.push("[data-testid=map-viewport]".to_string());
        focus_next_frame(widget, targets);
    });
    let act = Callback::new(move |action: MapAction| {
        let Some(view) = camera.current() else {
            return;
        };
        match action {
            MapAction::Fit => {
                if let Some(target) = whole_story() {
                    spider.set(None);
                    camera.fly_to(target, prefers_reduced_motion(), || ());
                }
            }
            other => camera.move_by_user(apply(&view, other)),
        }
    });

    let zoom_level = Memo::new(move |_| camera.view.get().map(|v| v.zoom().value()));
    let can_zoom_in = Signal::derive(move || zoom_level.get().is_some_and(|z| z < MAX_ZOOM - 1e-9));
    let can_zoom_out = Signal::derive(move || {
        zoom_level
            .get()
            .is_some_and(|z| z > crate::geo::min_zoom(size.get()) + 1e-9)
    });

    let marker_views = {
        let story = story.clone();
        view! {
            <For
                each=move || markers.get()
                key=|model| model.key.clone()
                children=move |model| {
                    let caption = caption_of(&model);
                    marker_view(
                        &story,
                        model,
                        caption,
                        MarkerContext { caption_shown, caption_left, selected_marker, open_place, open_cluster },
                    )
                }
            />
        }
    };
    let title = story
        .title
        .clone()
        .unwrap_or_else(|| "the story".to_string());

    let step_order = order.clone();
    let current_index = Signal::derive(move || match selection.get() {
        Selection::Event(k) => Some(k),
        _ => None,
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        if ev.key() == "Escape" {
            if selection.get_untracked() != Selection::Closed {
                ev.prevent_default();
                close.run(());
            } else if spider.get_untracked().is_some() {
                spider.set(None);
            }
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let within = |selector: &str| {
            target
                .as_ref()
                .and_then(|el| el.closest(selector).ok().flatten())
                .is_some()
        };
        if within("input, textarea, select, [contenteditable]") {
            return;
        }
        let on_map = within(".dl-viewport, .dl-controls");
        match ev.key().as_str() {
            // Left and right step through the story, except on the map, where they pan.
            "ArrowLeft" | "ArrowRight" if !on_map => {
                ev.prevent_default();
                let current = match selection.get_untracked() {
                    Selection::Event(k) => Some(k),
                    _ => None,
                };
                let to = step(&step_order, current, ev.key() == "ArrowRight");
                step_to.run(to);
            }
            key if on_map => {
                if let Some(action) = key_action(key) {
                    ev.prevent_default();
                    act.run(action);
                }
            }
            _ => {}
        }
    };

    view! {
        <div class="dl-story" node_ref=widget on:keydown=on_key>
        <div
            class="dl-map"
            node_ref=root
            data-testid="story-map"
            data-zoom=move || zoom_level.get().map(|z| format!("{z:.2}")).unwrap_or_default()
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
                aria-label=strings::map_label(&title)
                data-testid="map-viewport"
            >
                <BasemapLayer viewport=camera.view />
                <div
                    class="dl-markers"
                    role="group"
                    aria-label=strings::PLACES_ON_MAP
                    style=move || camera.view.get().map(|view| {
                        let (k, x, y) = view.world_transform();
                        format!("--dl-k:{k};--dl-tx:{x:.2}px;--dl-ty:{y:.2}px")
                    })
                >
                    {marker_views}
                </div>
            </div>
            <GestureHint text=gestures.hint />
            <p class="dl-attribution">{strings::ATTRIBUTION}</p>
        </div>
            <Timeline
                story=story.clone()
                order=order.clone()
                current=current_index
                on_select=select_event
                on_step=step_to
            />
            <DetailsPanel
                story=story
                order=order
                selection=selection
                notice=notice
                heading_id=heading_id
                on_close=close
                on_select=select_event
            />
            <div class="dl-visually-hidden" aria-live="polite" data-testid="announcer">
                {move || announcement.get()}
            </div>
        </div>
    }
}

/// How a selection came about: what it does to history and focus.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Nav {
    /// Chosen by the reader (marker, list, timeline): a history entry, focus to the panel.
    Deliberate,
    /// Stepped through (previous/next, arrow keys): replaces the history entry, focus stays.
    Step,
    /// Read from the page's link (load, back button): history is left alone.
    FromLink,
}

/// The view that shows event `k` from `from`: centred on its place beside a
/// panel covering `covered` (right, bottom) px, zoomed in until the place has a marker of its own.
fn event_view_of(
    clusters: &StoryMarkers,
    places: &[WorldPoint],
    order: &[EventRef],
    k: usize,
    from: Viewport,
    covered: (f64, f64),
) -> Option<(Viewport, Option<Spider>)> {
    let place = order.get(k)?.place;
    let at = *places.get(place)?;
    let (zoom, fan) = clusters.reveal(place, at, from.zoom().value());
    let view = Viewport::new(at, Zoom::clamped(zoom), from.size());
    Some((
        view.translate_by_pixels(-covered.0 / 2.0, -covered.1 / 2.0),
        fan,
    ))
}

/// What a screen reader hears when the selection changes: once, briefly.
fn announce(story: &Story, order: &[EventRef], selection: Selection) -> String {
    match selection {
        Selection::Event(k) => order
            .get(k)
            .and_then(|r| r.resolve(story))
            .map(|(place, event)| {
                format!(
                    "{}, {}: {}",
                    place.name,
                    crate::ui::dates::format_optional(event.date.as_ref()),
                    event.title
                )
            })
            .unwrap_or_default(),
        Selection::Overview => strings::overview_of(story.title.as_deref().unwrap_or("the story")),
        Selection::Closed => String::new(),
    }
}

/// How many Dateline widgets the page has.
fn count_widgets() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-dateline]").ok())
        .map_or(1, |list| list.length())
}

/// The selection the page's link asks for, and a notice if it names no event of this story.
fn from_link(
    story: &Story,
    order: &[EventRef],
    namespace: Option<&str>,
) -> (Selection, Option<String>) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(id) = deeplink::read(&hash, namespace) else {
        return (Selection::Overview, None);
    };
    let found = order
        .iter()
        .position(|r| r.resolve(story).is_some_and(|(_, e)| e.id == id));
    match found {
        Some(k) => (Selection::Event(k), None),
        None => (Selection::Overview, Some(strings::unknown_event(&id))),
    }
}

/// Writes the open event into the page's link: a new history entry for a
/// deliberate choice (so Back returns to the previous event), else in place.
/// After the next paint: history calls take milliseconds the panel should not wait for.
fn write_link(namespace: Option<String>, event: Option<String>, push: bool) {
    after_paint(move || write_link_now(namespace.as_deref(), event.as_deref(), push));
}

fn write_link_now(namespace: Option<&str>, event: Option<&str>, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let next = deeplink::write(&hash, namespace, event);
    if next == hash.trim_start_matches('#') {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = if next.is_empty() {
        // No hash left: keep the path and query, drop the bare "#".
        let location = window.location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{next}")
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// What every marker needs from the map.
#[derive(Clone, Copy)]
struct MarkerContext {
    caption_shown: KeyedFlags<String>,
    caption_left: KeyedFlags<String>,
    selected_marker: KeyedFlags<String>,
    open_place: Callback<(usize, Option<String>)>,
    open_cluster: Callback<(crate::geo::ClusterId, usize)>,
}

fn marker_view(
    story: &Story,
    model: MarkerModel,
    caption: String,
    cx: MarkerContext,
) -> impl IntoView {
    let (label, count) = match &model.kind {
        MarkerKind::Place(i) => {
            let events = story.places.get(*i).map_or(0, |p| p.events.len());
            (place_marker_label(&caption, events), events)
        }
        MarkerKind::Cluster { places, events, .. } => {
            (cluster_marker_label(&caption, *places, *events), *places)
        }
    };
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
            let open = cx.open_place;
            Callback::new(move |()| open.run((i, Some(key.clone()))))
        }
        MarkerKind::Cluster { id, lead, .. } => {
            let open = cx.open_cluster;
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
