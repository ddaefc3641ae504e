//! The view of one map as state: what is drawn, what input asked for since,
//! and animated flights. Input may arrive many times per frame; the view
//! signal (and everything that depends on it) changes at most once per frame.

use std::time::Duration;

use leptos::prelude::*;

use crate::geo::{constrain_within, ease_in_out, Flight, Insets, Viewport};
use crate::ui::quiet::Quiet;
use crate::ui::tasks::Tasks;

/// Flights take between these many ms, by length of path.
const FLIGHT_MIN_MS: f64 = 350.0;
const FLIGHT_MAX_MS: f64 = 1400.0;
/// A wheel or pinch counts as over after this long without input.
const ZOOM_SETTLE: Duration = Duration::from_millis(150);

/// Handle to a map's view; `Copy`, so event handlers can hold it.
#[derive(Clone, Copy)]
pub struct Camera {
    /// The drawn view; `None` until the container has a size.
    pub view: RwSignal<Option<Viewport>>,
    pending: StoredValue<Option<Viewport>>,
    frame_requested: StoredValue<bool>,
    /// Bumped by every new flight or user move; a flight stops when it changes.
    generation: StoredValue<u64>,
    /// Whether the user has moved the map (then a resize keeps their view).
    moved_by_user: StoredValue<bool>,
    /// Whether a flight is under way.
    pub flying: RwSignal<bool>,
    /// Whether a continuous zoom (wheel, pinch) is under way: until its input
    /// has paused for [`ZOOM_SETTLE`].
    pub zooming: RwSignal<bool>,
    zoom_settle: Quiet,
    tasks: Tasks,
    /// What a panel covers: the world may show past its edge there.
    covered: Signal<Insets>,
}

impl Camera {
    /// A camera with no view yet, for a map that a panel may cover as
    /// `covered` says (see [`constrain_within`]).
    pub fn covered_by(covered: Signal<Insets>) -> Camera {
        Camera {
            covered,
            ..Camera::new()
        }
    }

    /// A camera with no view yet, for a map nothing covers.
    pub fn new() -> Camera {
        Camera {
            view: RwSignal::new(None),
            pending: StoredValue::new(None),
            frame_requested: StoredValue::new(false),
            generation: StoredValue::new(0),
            moved_by_user: StoredValue::new(false),
            flying: RwSignal::new(false),
            zooming: RwSignal::new(false),
            zoom_settle: Quiet::new(),
            tasks: Tasks::current(),
            covered: Signal::stored(Insets::ZERO),
        }
    }

    /// The latest view asked for (drawn or about to be), without tracking.
    pub fn current(&self) -> Option<Viewport> {
        self.pending
            .get_value()
            .or_else(|| self.view.get_untracked())
    }

    /// Brings the view back inside the limits if it has left them (a panel
    /// that covered the world's edge has closed), animated unless `reduced_motion`.
    pub fn keep_in_bounds(&self, reduced_motion: bool) {
        if self.flying.get_untracked() {
            return;
        }
        if let Some(view) = self.current().filter(|v| self.constrain(v) != *v) {
            self.fly_to(view, reduced_motion, || ());
        }
    }

    fn constrain(&self, view: &Viewport) -> Viewport {
        constrain_within(view, self.covered.try_get_untracked().unwrap_or_default())
    }

    /// Whether the user has panned or zoomed since the last fit.
    pub fn moved_by_user(&self) -> bool {
        self.moved_by_user.get_value()
    }

    /// Shows `view` now (no animation), e.g. after a resize or a fit.
    pub fn jump(&self, view: Viewport, by_user: bool) {
        self.stop_flight();
        self.moved_by_user.set_value(by_user);
        self.pending.set_value(None);
        self.view.set(Some(self.constrain(&view)));
    }

    /// Shows `view` on the next frame: for input that may repeat within a frame.
    pub fn move_by_user(&self, view: Viewport) {
        self.stop_flight();
        self.moved_by_user.set_value(true);
        self.queue(self.constrain(&view));
    }

    /// Input from a continuous zoom (wheel, pinch): as [`Camera::move_by_user`],
    /// and [`Camera::zooming`] until the input pauses.
    pub fn zoom_by_gesture(&self, view: Viewport) {
        self.move_by_user(view);
        if !self.zooming.get_untracked() {
            self.zooming.set(true);
        }
        let zooming = self.zooming;
        self.zoom_settle
            .after(ZOOM_SETTLE, move || zooming.set(false));
    }

    /// Animates to `view` (instantly when `reduced_motion`). Any user move
    /// or new flight interrupts it. `landed` runs once it arrives.
    pub fn fly_to(&self, view: Viewport, reduced_motion: bool, landed: impl FnOnce() + 'static) {
        let target = self.constrain(&view);
        let Some(start) = self.current() else {
            self.jump(target, false);
            landed();
            return;
        };
        self.stop_flight();
        if reduced_motion || start == target {
            self.queue(target);
            self.tasks.frame(landed);
            return;
        }
        let flight = Flight::new(&start, &target);
        let duration = flight.duration_ms(FLIGHT_MIN_MS, FLIGHT_MAX_MS);
        let generation = self.generation.get_value();
        self.flying.set(true);
        // The flight starts a frame late: whatever asked for it (a new panel,
        // say) is painted first, in a frame of its own.
        let camera = *self;
        let landed: Box<dyn FnOnce()> = Box::new(landed);
        self.tasks.after_next_paint(move || {
            let started = js_sys::Date::now();
            camera.step(flight, duration, started, generation, landed)
        });
    }

    fn step(
        self,
        flight: Flight,
        duration: f64,
        started: f64,
        generation: u64,
        landed: Box<dyn FnOnce()>,
    ) {
        if self.generation.try_get_value() != Some(generation) {
            return;
        }
        let t = ((js_sys::Date::now() - started) / duration).min(1.0);
        self.view.set(Some(flight.at(ease_in_out(t))));
        if t >= 1.0 {
            self.flying.set(false);
            landed();
        } else {
            self.tasks
                .frame(move || self.step(flight, duration, started, generation, landed));
        }
    }

    fn stop_flight(&self) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        if self.flying.get_untracked() {
            self.flying.set(false);
        }
    }

    fn queue(&self, view: Viewport) {
        self.pending.set_value(Some(view));
        if self.frame_requested.get_value() {
            return;
        }
        self.frame_requested.set_value(true);
        let camera = *self;
        self.tasks.frame(move || {
            camera.frame_requested.set_value(false);
            if let Some(view) = camera.pending.try_get_value().flatten() {
                camera.pending.set_value(None);
                camera.view.set(Some(view));
            }
        });
    }
}

impl Default for Camera {
    fn default() -> Self {
        Camera::new()
    }
}

/// Whether the reader asked for less motion (`prefers-reduced-motion`).
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
