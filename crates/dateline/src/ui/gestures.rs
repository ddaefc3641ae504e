//! Pointer, wheel and double-click input on the map, turned into view
//! changes: drag to pan (mouse, pen, one finger), two-finger pinch, wheel
//! and trackpad zoom around the cursor, double click to zoom in.
//!
//! "Cooperative gestures": unless the map is active (clicked or focused) or
//! the option is off, a plain wheel and a one-finger swipe scroll the page
//! and a hint says how to move the map instead.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent, PointerEvent, WheelEvent};

use crate::geo::ScreenPoint;
use crate::i18n::Catalog;
use crate::interaction::{apply, pinch, wheel_zoom_delta, MapAction, ZOOM_STEP};
use crate::ui::camera::Camera;
use crate::ui::gesture_hint::wheel_hint;
use crate::ui::locale::use_locale;
use crate::ui::quiet::Quiet;
use crate::ui::tasks::Tasks;

/// A press that moves less than this (px) is a click, not a drag.
const DRAG_THRESHOLD_PX: f64 = 5.0;
/// How long a gesture hint stays, in ms.
const HINT_MS: i32 = 1600;

/// Gesture state of one map; `Copy`, so each handler can hold it.
#[derive(Clone, Copy)]
pub struct Gestures {
    camera: Camera,
    map: NodeRef<leptos::html::Div>,
    /// Pointers down on the map: id and last position (map-relative).
    pointers: StoredValue<Vec<(i32, ScreenPoint)>>,
    dragging: StoredValue<bool>,
    /// Set when a drag ends, so the click that follows does not open a marker.
    swallow_click: StoredValue<bool>,
    /// Whether the map takes plain wheel and one-finger input.
    pub active: RwSignal<bool>,
    cooperative: bool,
    /// The hint to show, if any.
    pub hint: RwSignal<Option<&'static str>>,
    hint_timer: Quiet,
    tasks: Tasks,
    words: &'static Catalog,
}

impl Gestures {
    /// Gestures for the map element `map`, moving `camera`.
    pub fn new(camera: Camera, map: NodeRef<leptos::html::Div>, cooperative: bool) -> Gestures {
        Gestures {
            camera,
            map,
            pointers: StoredValue::new(Vec::new()),
            dragging: StoredValue::new(false),
            swallow_click: StoredValue::new(false),
            active: RwSignal::new(!cooperative),
            cooperative,
            hint: RwSignal::new(None),
            hint_timer: Quiet::new(),
            tasks: Tasks::current(),
            words: use_locale().words,
        }
    }

    /// Whether the click now being handled ends a drag (and should do nothing else).
    pub fn click_was_drag(&self) -> bool {
        self.swallow_click.get_value()
    }

    /// Whether the map moves with one finger (and so needs `touch-action: none`).
    pub fn takes_one_finger(&self) -> Signal<bool> {
        let active = self.active;
        Signal::derive(move || active.get())
    }

    /// The map was focused or clicked: it now takes every gesture.
    pub fn activate(&self) {
        self.active.set(true);
    }

    /// Focus left the map: an embedded map lets the page scroll again.
    pub fn deactivate(&self) {
        if self.cooperative {
            self.active.set(false);
        }
    }

    fn local(&self, ev: &MouseEvent) -> Option<ScreenPoint> {
        let rect = self.map.get_untracked()?.get_bounding_client_rect();
        Some(ScreenPoint::new(
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
        ))
    }

    /// `pointerdown` on the map.
    pub fn pointer_down(&self, ev: PointerEvent) {
        if ev.button() != 0 && ev.pointer_type() == "mouse" {
            return;
        }
        let Some(at) = self.local(&ev) else {
            return;
        };
        if ev.pointer_type() != "touch" {
            self.activate();
        }
        self.swallow_click.set_value(false);
        self.pointers.update_value(|p| {
            p.retain(|(id, _)| *id != ev.pointer_id());
            p.push((ev.pointer_id(), at));
        });
        if self.pointers.with_value(Vec::len) == 1 {
            self.dragging.set_value(false);
        }
    }

    /// `pointermove` on the map.
    pub fn pointer_move(&self, ev: PointerEvent) {
        let Some(at) = self.local(&ev) else {
            return;
        };
        let id = ev.pointer_id();
        let pointers = self.pointers.get_value();
        let Some(&(_, last)) = pointers.iter().find(|(p, _)| *p == id) else {
            return;
        };
        let Some(view) = self.camera.current() else {
            return;
        };
        match pointers.as_slice() {
            // One finger on an embedded map that is not active scrolls the page
            // (the browser takes it over after a few px): the map stays put.
            [_] if ev.pointer_type() == "touch" && !self.active.get_untracked() => {}
            [_] => {
                if !self.dragging.get_value() {
                    let first = pointers[0].1;
                    if (at.x - first.x).hypot(at.y - first.y) < DRAG_THRESHOLD_PX {
                        return;
                    }
                    // Capture only now: a capture at pointerdown would retarget the click.
                    self.dragging.set_value(true);
                    if let Some(map) = self.map.get_untracked() {
                        let _ = map.set_pointer_capture(id);
                    }
                }
                self.camera.move_by_user(apply(
                    &view,
                    MapAction::PanBy {
                        dx: at.x - last.x,
                        dy: at.y - last.y,
                    },
                ));
            }
            [(a, pa), (b, pb)] => {
                let (pa, pb) = (*pa, *pb);
                let (na, nb) = if *a == id {
                    (at, pb)
                } else if *b == id {
                    (pa, at)
                } else {
                    return;
                };
                let mid = |p: ScreenPoint, q: ScreenPoint| {
                    ScreenPoint::new((p.x + q.x) / 2.0, (p.y + q.y) / 2.0)
                };
                self.dragging.set_value(true);
                ev.prevent_default();
                self.camera.zoom_by_gesture(pinch(
                    &view,
                    mid(pa, pb),
                    (pa.x - pb.x).hypot(pa.y - pb.y),
                    mid(na, nb),
                    (na.x - nb.x).hypot(na.y - nb.y),
                ));
            }
            _ => {}
        }
        self.pointers.update_value(|p| {
            if let Some(entry) = p.iter_mut().find(|(p, _)| *p == id) {
                entry.1 = at;
            }
        });
    }

    /// `pointerup` or `pointercancel` on the map.
    pub fn pointer_up(&self, ev: PointerEvent, cancelled: bool) {
        let id = ev.pointer_id();
        self.pointers.update_value(|p| p.retain(|(p, _)| *p != id));
        // The browser took a one-finger swipe to scroll the page.
        if cancelled && ev.pointer_type() == "touch" && !self.active.get_untracked() {
            self.show_hint(self.words.touch_hint);
        }
        if self.dragging.get_value() && self.pointers.with_value(Vec::is_empty) {
            self.dragging.set_value(false);
            self.swallow_click.set_value(true);
            let swallow = self.swallow_click;
            // The click (if any) follows pointerup in the same task.
            self.tasks
                .timeout(std::time::Duration::ZERO, move || swallow.set_value(false));
        }
    }

    /// `wheel` on the map.
    pub fn wheel(&self, ev: WheelEvent) {
        let modifier = ev.ctrl_key() || ev.meta_key();
        if !modifier && !self.active.get_untracked() {
            self.show_hint(wheel_hint(self.words));
            return;
        }
        ev.prevent_default();
        let (Some(view), Some(anchor)) = (self.camera.current(), self.local(&ev)) else {
            return;
        };
        let delta = wheel_zoom_delta(ev.delta_y(), ev.delta_mode());
        self.camera.zoom_by_gesture(apply(
            &view,
            MapAction::ZoomBy {
                delta,
                anchor: Some(anchor),
            },
        ));
    }

    /// `dblclick` on the map: zoom in around the point (out with Shift).
    pub fn double_click(&self, ev: MouseEvent) {
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("button, a, .dl-panel").ok().flatten())
            .is_some();
        if on_control {
            return;
        }
        ev.prevent_default();
        let (Some(view), Some(anchor)) = (self.camera.current(), self.local(&ev)) else {
            return;
        };
        let delta = if ev.shift_key() {
            -ZOOM_STEP
        } else {
            ZOOM_STEP
        };
        self.camera.move_by_user(apply(
            &view,
            MapAction::ZoomBy {
                delta,
                anchor: Some(anchor),
            },
        ));
    }

    fn show_hint(&self, text: &'static str) {
        self.hint.set(Some(text));
        let hint = self.hint;
        self.hint_timer.after(
            std::time::Duration::from_millis(HINT_MS as u64),
            move || hint.set(None),
        );
    }
}
