//! The state of one story map (selection, view, fanned-out group, what the
//! panel covers) and the changes a reader makes to it. What each change
//! means is decided by the pure core (`selection`, `layout`, `markers`);
//! this carries it out, so that marker, panel, timeline, map, link and
//! announcement always agree.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::geo::{ClusterId, Insets, Size, Viewport, Zoom, MAX_ZOOM};
use crate::i18n::fill;
use crate::interaction::{apply, MapAction};
use crate::layout::{framing, PanelLayout, PanelShown};
use crate::markers::{place_key, Spider};
use crate::selection::{change, initial, Framing, Nav, Selection};
use crate::story::SelectedEvent;
use crate::tiles::placement::MarkerMark;
use crate::tiles::RasterTiles;
use crate::tiles::{
    context_tiles, context_zoom, framed, tiles_for_view, Surroundings, TileId, OPEN_ZOOM,
};
use crate::ui::camera::{prefers_reduced_motion, Camera};
use crate::ui::caption_widths::CaptionWidths;
use crate::ui::detail_store;
use crate::ui::focus::focus_after_paint;
use crate::ui::link_sync::DeepLinks;
use crate::ui::locale::{use_locale, Locale};
use crate::ui::options::MapOptions;
use crate::ui::tasks::Tasks;

pub use crate::story_data::StoryData;

/// Space kept free around the story's places when fitting the view, in px.
const FIT_PADDING_PX: f64 = 48.0;
/// Closest zoom for "show the whole story", so a one-place story still shows its surroundings.
const MAX_FIT_ZOOM: f64 = 6.0;
/// The longest an opened place waits for the names around it before the flight.
const CONTEXT_WAIT: Duration = Duration::from_millis(400);
/// Framed farther out than this, a place takes its names from the regional tiles.
const REGIONAL_BELOW: f64 = 6.5;

/// Handles to one map's state; `Copy`, so every handler can hold it.
#[derive(Clone, Copy)]
pub struct MapState {
    data: StoredValue<Arc<StoryData>>,
    /// What the panel shows.
    pub selection: RwSignal<Selection>,
    /// Whether the bottom sheet shows only its heading bar.
    pub sheet_collapsed: RwSignal<bool>,
    /// A notice for the overview (a link to an unknown event).
    pub notice: RwSignal<Option<String>>,
    /// What the live region says.
    pub announcement: RwSignal<String>,
    /// The group of places fanned out, if any.
    pub spider: RwSignal<Option<Spider>>,
    /// The map's size, in px.
    pub size: RwSignal<Size>,
    /// Where the panel goes at this size.
    pub layout: Memo<PanelLayout>,
    /// What the panel covers now.
    pub covered: Memo<Insets>,
    /// The view.
    pub camera: Camera,
    /// The markers in view and their shown captions, which the map's names avoid.
    pub marks: RwSignal<Arc<Vec<MarkerMark>>>,
    /// The newsroom's own raster tiles, if it gave any: then no detail or names are ours.
    pub raster: StoredValue<Option<Arc<RasterTiles>>>,
    /// The widget's timers and frames.
    pub tasks: Tasks,
    /// The widget's element: where focus moves within.
    pub widget: NodeRef<leptos::html::Div>,
    /// Captions' rendered widths (the marker layer holds the probe).
    pub caption_widths: CaptionWidths,
    /// The marker that opened the panel gets focus back when it closes.
    opener: StoredValue<Option<String>>,
    measured: StoredValue<bool>,
    links: StoredValue<DeepLinks>,
    locale: StoredValue<Locale>,
    on_select: Option<Callback<Option<SelectedEvent>>>,
}

impl MapState {
    /// The state of a new map of `data`, starting where `options` and the
    /// page's link say.
    pub fn new(
        data: Arc<StoryData>,
        options: &MapOptions,
        on_select: Option<Callback<Option<SelectedEvent>>>,
    ) -> MapState {
        let links = options.deep_links.clone();
        let locale = use_locale();
        let (start, unknown) = initial(
            links.read().as_deref(),
            options.initial_event.as_deref(),
            |id| data.position_of(id),
        );
        let selection = RwSignal::new(start);
        let sheet_collapsed = RwSignal::new(false);
        let size = RwSignal::new(Size::new(0.0, 0.0));
        let rtl = locale.rtl();
        let layout = Memo::new(move |_| PanelLayout::for_map(size.get()).with_mirrored(rtl));
        let covered = Memo::new(move |_| {
            let shown = match (selection.get(), sheet_collapsed.get()) {
                (Selection::Closed, _) => PanelShown::Hidden,
                (_, true) => PanelShown::Collapsed,
                _ => PanelShown::Open,
            };
            layout.get().covered(shown)
        });
        let camera = Camera::covered_by(covered.into());
        // A panel that closes uncovers what lay past the world's edge: the
        // view moves back over the world.
        Effect::new(move |_| {
            covered.track();
            camera.keep_in_bounds(prefers_reduced_motion());
        });
        MapState {
            data: StoredValue::new(data),
            selection,
            sheet_collapsed,
            notice: RwSignal::new(
                unknown.map(|id| fill(locale.words.unknown_event, &[("id", &id)])),
            ),
            announcement: RwSignal::new(String::new()),
            spider: RwSignal::new(None),
            size,
            layout,
            covered,
            camera,
            marks: RwSignal::new(Arc::new(Vec::new())),
            raster: StoredValue::new(options.raster.clone().map(Arc::new)),
            tasks: Tasks::current(),
            widget: NodeRef::new(),
            caption_widths: CaptionWidths::new(),
            opener: StoredValue::new(None),
            measured: StoredValue::new(false),
            links: StoredValue::new(links),
            locale: StoredValue::new(locale),
            on_select,
        }
    }

    /// The story's data.
    pub fn data(&self) -> Option<Arc<StoryData>> {
        self.data.try_get_value()
    }

    /// The index in the reading order of the event with this id.
    pub fn position_of(&self, event_id: &str) -> Option<usize> {
        self.data
            .try_with_value(|d| d.position_of(event_id))
            .flatten()
    }

    /// The event open now, by its ids.
    pub fn selected_event(&self) -> Option<SelectedEvent> {
        let k = self.selection.try_get_untracked()?.event()?;
        self.data
            .try_with_value(|d| {
                let event = d.summary(k)?;
                Some(SelectedEvent {
                    event_id: event.id.clone(),
                    place_id: event.place_id.clone(),
                    event,
                })
            })
            .flatten()
    }

    /// Goes to `next`: the one way the selection changes.
    pub fn go(&self, next: Selection, nav: Nav) {
        let current = self.selection.get_untracked();
        let c = change(current, next, nav);
        if c.focus_panel {
            focus_after_paint(self.tasks, self.widget, vec![".dl-panel-heading".into()]);
        }
        let Some(next) = c.select else {
            return;
        };
        self.selection.set(next);
        if self.sheet_collapsed.get_untracked() {
            self.sheet_collapsed.set(false);
        }
        if c.clear_notice {
            self.notice.set(None);
        }
        let selected = self.selected_event();
        if let Some(s) = &selected {
            crate::panic_report::test_panic_at(&format!("open:{}", s.event_id));
        }
        self.links.with_value(|links| {
            links.write(
                self.tasks,
                selected.as_ref().map(|s| s.event_id.clone()),
                c.link,
            )
        });
        // Said once what was opened is painted: the live region's new text
        // would otherwise be laid out in that first frame too.
        let (announcement, text) = (self.announcement, self.announce(next));
        self.tasks.after_next_paint(move || announcement.set(text));
        if current.event() != next.event() {
            if let Some(on_select) = self.on_select {
                on_select.run(selected);
            }
        }
        if self.camera.current().is_none() {
            return;
        }
        match c.framing {
            Framing::Event(k) => self.frame_event(k, next, false),
            Framing::WholeStory => {
                if let Some(target) = self.whole_story() {
                    self.camera.fly_to(target, prefers_reduced_motion(), || ());
                }
            }
            Framing::Stay => {}
        }
    }

    /// Flies to event `k` framed with the names around it: their tiles come
    /// first (a few small files, cached), for at most [`CONTEXT_WAIT`], and
    /// the map counts as moving meanwhile; the regional level's tiles
    /// (`wide`) only if the closer names do not do.
    fn frame_event(&self, k: usize, next: Selection, wide: bool) {
        let raster = self.raster.with_value(Option::is_some);
        let context = self
            .data
            .with_value(|d| {
                let place = d.order.get(k)?.place;
                let size = self.size.get_untracked();
                Some(context_tiles(*d.places.get(place)?, size, wide))
            })
            .filter(|_| !raster)
            .unwrap_or_default();
        detail_store::request(&context);
        let this = *self;
        let fly = move || {
            if this.selection.try_get_untracked() != Some(next) {
                this.camera.flying.set(false);
                return;
            }
            let Some(from) = this.camera.current() else {
                return;
            };
            let regional = this
                .event_view(k, from)
                .is_some_and(|(v, _)| v.zoom().value() < REGIONAL_BELOW);
            if regional && !wide && !raster {
                this.frame_event(k, next, true);
            } else {
                this.fly_to_event(k, from);
            }
        };
        if detail_store::resolved(&context) {
            fly();
        } else {
            self.camera.flying.set(true);
            let deadline = js_sys::Date::now() + CONTEXT_WAIT.as_secs_f64() * 1000.0;
            self.when_resolved(context, deadline, fly);
        }
    }

    /// Runs `then` once `tiles` are resolved or at `deadline` (ms since the epoch).
    fn when_resolved(&self, tiles: Vec<TileId>, deadline: f64, then: impl FnOnce() + 'static) {
        if detail_store::resolved(&tiles) || js_sys::Date::now() >= deadline {
            then();
            return;
        }
        let this = *self;
        self.tasks.timeout(Duration::from_millis(25), move || {
            this.when_resolved(tiles, deadline, then)
        });
    }

    fn fly_to_event(&self, k: usize, from: Viewport) {
        let Some((target, fan)) = self.event_view(k, from) else {
            self.camera.flying.set(false);
            return;
        };
        // The detail of where the flight ends loads during the flight.
        let ours = self.raster.with_value(Option::is_none);
        if let Some(tiles) = tiles_for_view(&target).filter(|_| ours) {
            detail_store::request(&tiles);
        }
        let spider = self.spider;
        self.camera
            .fly_to(target, prefers_reduced_motion(), move || {
                if fan.is_some() {
                    spider.set(fan);
                }
            });
    }

    /// Follows the page's link after Back, Forward or an edit.
    pub fn follow_link(&self) {
        let link = self.links.with_value(DeepLinks::read);
        let (next, unknown) = initial(link.as_deref(), None, |id| self.position_of(id));
        self.notice.set(unknown.map(|id| {
            let words = self.locale.with_value(|l| l.words);
            fill(words.unknown_event, &[("id", &id)])
        }));
        self.go(next, Nav::FromLink);
    }

    /// Calls `follow_link` whenever the page's link changes, if links are on.
    pub fn follow_links(&self) {
        let this = *self;
        self.links
            .with_value(|links| links.follow(move || this.follow_link()));
    }

    /// Opens a place's first event; `opener` is the marker that did it.
    pub fn open_place(&self, place: usize, opener: Option<String>) {
        if opener.is_some() {
            self.opener.set_value(opener);
        }
        let first = self
            .data
            .with_value(|d| d.order.iter().position(|r| r.place == place));
        if let Some(k) = first {
            self.go(Selection::Event(k), Nav::Deliberate);
        }
    }

    /// Opens a cluster: zooms just far enough to split it (the least zoom
    /// keeps the most context), or fans its places out if they never separate.
    pub fn open_cluster(&self, id: ClusterId, lead: usize) {
        let Some(view) = self.camera.current() else {
            return;
        };
        let (split, bounds, leaves) = self.data.with_value(|d| {
            let tree = d.markers.tree();
            (tree.expansion_zoom(id), tree.bounds_of(id), tree.leaves(id))
        });
        let (tasks, widget) = (self.tasks, self.widget);
        let focus_lead = move || {
            focus_after_paint(
                tasks,
                widget,
                vec![format!("[data-marker-key='{}']", place_key(lead))],
            )
        };
        match (split, bounds) {
            (Some(split), Some(bounds)) if split <= MAX_ZOOM => {
                let zoom = split.max(view.zoom().value());
                let target = Viewport::new(bounds.center(), Zoom::clamped(zoom), view.size());
                let (dx, dy) = self.frame().centre_shift();
                self.camera.fly_to(
                    target.translate_by_pixels(dx, dy),
                    prefers_reduced_motion(),
                    focus_lead,
                );
            }
            _ => {
                self.spider.set(Some(Spider {
                    cluster: id,
                    members: leaves,
                }));
                focus_lead();
            }
        }
    }

    /// Closes the panel; focus goes back to the marker that opened it, or
    /// (if the view has merged that into a cluster) to the map.
    pub fn close(&self) {
        self.go(Selection::Closed, Nav::Deliberate);
        let mut targets: Vec<String> = self
            .opener
            .get_value()
            .map(|key| format!("[data-marker-key='{key}']"))
            .into_iter()
            .collect();
        targets.push("[data-testid=map-viewport]".to_string());
        focus_after_paint(self.tasks, self.widget, targets);
    }

    /// Carries out a map action from a button or key.
    pub fn act(&self, action: MapAction) {
        let Some(view) = self.camera.current() else {
            return;
        };
        match action {
            MapAction::Fit => {
                if let Some(target) = self.whole_story() {
                    self.spider.set(None);
                    self.camera.fly_to(target, prefers_reduced_motion(), || ());
                }
            }
            other => self.camera.move_by_user(apply(&view, other)),
        }
    }

    /// The part of the map views are framed in (see [`framing`]).
    fn frame(&self) -> Insets {
        let mirrored = self.layout.with_untracked(|l| l.mirrored);
        framing(self.covered.get_untracked(), mirrored)
    }

    /// The view that shows the whole story in the part of the map the panel leaves free.
    pub fn whole_story(&self) -> Option<Viewport> {
        let size = self.size.get_untracked();
        let frame = self.frame();
        let bounds = self.data.with_value(|d| d.bounds)?;
        let (dx, dy) = frame.centre_shift();
        let fit = Viewport::fit(bounds, frame.free_size(size), FIT_PADDING_PX, MAX_FIT_ZOOM);
        Some(fit.with_size(size).translate_by_pixels(dx, dy))
    }

    /// The view that shows event `k` from `from`: its place in the middle of
    /// the part the panel leaves free, zoomed in until it has a marker of its
    /// own (or with the group fanned out that it never leaves).
    /// Then, with context: zoomed back while fewer than two other named
    /// places (story places, the loaded tiles' towns and countries) show.
    pub fn event_view(&self, k: usize, from: Viewport) -> Option<(Viewport, Option<Spider>)> {
        let frame = self.frame();
        let (dx, dy) = frame.centre_shift();
        self.data.with_value(|d| {
            let place = d.order.get(k)?.place;
            let at = *d.places.get(place)?;
            let (zoom, fan) = d.markers.reveal(place, at, from.zoom().value());
            if fan.is_some() {
                let view = Viewport::new(at, Zoom::clamped(zoom), from.size());
                return Some((view.translate_by_pixels(dx, dy), fan));
            }
            let (alone, _) = d.markers.reveal(place, at, 0.0);
            let zoom = zoom.max(OPEN_ZOOM);
            let size = from.size();
            let places: Vec<_> = d
                .places
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != place)
                .map(|(_, p)| *p)
                .collect();
            let rtl = self.locale.with_value(|l| l.rtl());
            let labels = |view: &Viewport| crate::ui::label_layer::names_drawn(view);
            let caption_px = d
                .story
                .places
                .get(place)
                .map_or(0.0, |p| self.caption_widths.of(&p.name));
            let around = Surroundings {
                labels: &labels,
                places: &places,
                rtl,
                caption_px,
            };
            let zoom = if self.raster.with_value(Option::is_some) {
                zoom
            } else {
                context_zoom(at, size, zoom, alone, frame, &around)
            };
            Some((framed(at, zoom, size, frame, caption_px), None))
        })
    }

    /// After the map got its size, or a new one: the first time, a sheet
    /// starts as its heading bar; the view fits the story (or the open
    /// event), unless the reader has moved it, when it keeps their view.
    pub fn resized(&self) {
        let size = self.size.get_untracked();
        if size.width <= 0.0 || size.height <= 0.0 {
            return;
        }
        if !self.measured.get_value() {
            self.measured.set_value(true);
            let starts_collapsed = self.layout.get_untracked().starts_collapsed();
            if starts_collapsed && self.selection.get_untracked() == Selection::Overview {
                self.sheet_collapsed.set(true);
            }
        }
        match (self.camera.current(), self.selection.get_untracked()) {
            (Some(view), _) if self.camera.moved_by_user() => {
                self.camera.jump(view.with_size(size), true)
            }
            (_, Selection::Event(k)) => {
                let start = self.whole_story();
                if let Some((view, fan)) = start.and_then(|s| self.event_view(k, s)) {
                    self.camera.jump(view, false);
                    self.spider.set(fan);
                }
            }
            _ => {
                if let Some(view) = self.whole_story() {
                    self.camera.jump(view, false);
                }
            }
        }
    }

    /// What a screen reader hears when the selection changes: once, briefly.
    fn announce(&self, selection: Selection) -> String {
        self.data.with_value(|d| match selection {
            Selection::Event(k) => d
                .order
                .get(k)
                .and_then(|r| r.resolve(&d.story))
                .map(|(place, event)| {
                    let date = self.locale.with_value(|l| l.when(event));
                    format!("{}, {date}: {}", place.name, event.title)
                })
                .unwrap_or_default(),
            Selection::Overview => {
                let words = self.locale.with_value(|l| l.words);
                let title = d.story.title.as_deref().unwrap_or(words.untitled_story);
                fill(words.overview_of, &[("title", title)])
            }
            Selection::Closed => String::new(),
        })
    }
}
