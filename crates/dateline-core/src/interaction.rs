//! DOM input turned into small map actions, and what each action does to a
//! view. The components only translate events into these.

use crate::geo::{ScreenPoint, Viewport, Zoom};
use crate::math;

/// How far one arrow key press pans, in px.
pub const KEY_PAN_PX: f64 = 96.0;
/// How much one zoom step (button, + or - key, double click) zooms.
pub const ZOOM_STEP: f64 = 1.0;
/// Wheel travel, in px, that zooms by one level (a mouse notch is ~100 px: half a level).
pub const WHEEL_PX_PER_ZOOM: f64 = 200.0;
/// A single wheel event never zooms more than this, so a fast flick stays controllable.
pub const MAX_WHEEL_ZOOM: f64 = 1.0;

/// What the user asked the map to do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MapAction {
    /// Move the map's content by this many px (positive x: the content moves right).
    PanBy { dx: f64, dy: f64 },
    /// Zoom by `delta` levels around `anchor` (the view's centre if `None`).
    ZoomBy {
        delta: f64,
        anchor: Option<ScreenPoint>,
    },
    /// Show the whole story.
    Fit,
}

/// The action for a key pressed while the map has focus, if any.
///
/// Arrows pan (the content moves opposite to the arrow, so the view moves
/// with it), `+`/`=` and `-`/`_` zoom, Home shows the whole story.
pub fn key_action(key: &str) -> Option<MapAction> {
    let pan = |dx, dy| Some(MapAction::PanBy { dx, dy });
    match key {
        "ArrowLeft" => pan(KEY_PAN_PX, 0.0),
        "ArrowRight" => pan(-KEY_PAN_PX, 0.0),
        "ArrowUp" => pan(0.0, KEY_PAN_PX),
        "ArrowDown" => pan(0.0, -KEY_PAN_PX),
        "+" | "=" => Some(MapAction::ZoomBy {
            delta: ZOOM_STEP,
            anchor: None,
        }),
        "-" | "_" => Some(MapAction::ZoomBy {
            delta: -ZOOM_STEP,
            anchor: None,
        }),
        "Home" => Some(MapAction::Fit),
        _ => None,
    }
}

/// Where a key was pressed inside a widget, and what is open.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct KeyContext {
    /// Ctrl, Alt or Meta was held (the browser's or the system's shortcut).
    pub modified: bool,
    /// In a text field: keys type there.
    pub in_field: bool,
    /// On the map or its controls: arrows pan there.
    pub on_map: bool,
    /// The panel shows (the overview or an event).
    pub panel_open: bool,
    /// A group of places at one spot is fanned out.
    pub fanned: bool,
    /// The widget is laid out right to left: Left steps forward.
    pub rtl: bool,
}

/// What a key does in a widget.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyCommand {
    /// Close the panel (focus returns to what opened it).
    ClosePanel,
    /// Fold a fanned-out group back.
    Unfan,
    /// Step through the story: the next event, or the previous.
    Step { forward: bool },
    /// Move the map.
    Map(MapAction),
}

/// The command for `key` pressed in `cx`, if any: Escape closes the panel
/// (or folds a fan); Left and Right step through the story except on the
/// map, where they pan with the other map keys ([`key_action`]).
///
/// # Examples
///
/// ```
/// use dateline_core::interaction::{key_command, KeyCommand, KeyContext};
///
/// let panel = KeyContext { panel_open: true, ..KeyContext::default() };
/// assert_eq!(key_command("ArrowRight", panel), Some(KeyCommand::Step { forward: true }));
/// assert_eq!(key_command("Escape", panel), Some(KeyCommand::ClosePanel));
/// let typing = KeyContext { in_field: true, ..panel };
/// assert_eq!(key_command("ArrowRight", typing), None);
/// ```
pub fn key_command(key: &str, cx: KeyContext) -> Option<KeyCommand> {
    if cx.modified {
        return None;
    }
    match key {
        "Escape" if cx.panel_open => Some(KeyCommand::ClosePanel),
        "Escape" if cx.fanned => Some(KeyCommand::Unfan),
        _ if cx.in_field => None,
        "ArrowLeft" | "ArrowRight" if !cx.on_map => Some(KeyCommand::Step {
            forward: (key == "ArrowRight") != cx.rtl,
        }),
        _ if cx.on_map => key_action(key).map(KeyCommand::Map),
        _ => None,
    }
}

/// Zoom levels for one wheel event. `delta_mode` is the DOM's: 0 pixels,
/// 1 lines, 2 pages. Scrolling down (positive delta) zooms out.
pub fn wheel_zoom_delta(delta_y: f64, delta_mode: u32) -> f64 {
    let px = match delta_mode {
        1 => delta_y * 40.0,
        2 => delta_y * 800.0,
        _ => delta_y,
    };
    if px.is_finite() {
        crate::math::clamp(-px / WHEEL_PX_PER_ZOOM, -MAX_WHEEL_ZOOM, MAX_WHEEL_ZOOM)
    } else {
        0.0
    }
}

/// `view` after `action`. [`MapAction::Fit`] needs the story, so it is the
/// caller's; here it leaves the view as it is. The result may be outside the
/// map's limits: the camera keeps every view it shows within them (it knows
/// what a panel covers; see [`crate::geo::constrain_within`]).
pub fn apply(view: &Viewport, action: MapAction) -> Viewport {
    match action {
        MapAction::PanBy { dx, dy } => view.translate_by_pixels(dx, dy),
        MapAction::ZoomBy { delta, anchor } => {
            let size = view.size();
            let anchor = anchor.unwrap_or(ScreenPoint::new(size.width / 2.0, size.height / 2.0));
            let target = Zoom::clamped(view.zoom().value() + delta);
            view.zoom_around(anchor, target)
        }
        MapAction::Fit => *view,
    }
}

/// Two fingers moved from (`mid0`, `dist0`) to (`mid1`, `dist1`): the map
/// follows their midpoint and scales with their spread (limits: as [`apply`]).
pub fn pinch(
    view: &Viewport,
    mid0: ScreenPoint,
    dist0: f64,
    mid1: ScreenPoint,
    dist1: f64,
) -> Viewport {
    let ratio = dist1 / dist0;
    let delta = if ratio.is_finite() && ratio > 0.0 {
        math::log2(ratio)
    } else {
        0.0
    };
    let zoomed = view.zoom_around(mid0, Zoom::clamped(view.zoom().value() + delta));
    zoomed.translate_by_pixels(mid1.x - mid0.x, mid1.y - mid0.y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{constrain, Size, WorldPoint};

    fn view() -> Viewport {
        Viewport::new(
            WorldPoint::new(0.6, 0.3),
            Zoom::clamped(4.0),
            Size::new(800.0, 600.0),
        )
    }

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(
            key_action("ArrowLeft"),
            Some(MapAction::PanBy {
                dx: KEY_PAN_PX,
                dy: 0.0
            })
        );
        assert!(matches!(key_action("+"), Some(MapAction::ZoomBy { delta, .. }) if delta > 0.0));
        assert!(matches!(key_action("-"), Some(MapAction::ZoomBy { delta, .. }) if delta < 0.0));
        assert_eq!(key_action("Home"), Some(MapAction::Fit));
        assert_eq!(key_action("Enter"), None);
        assert_eq!(key_action("a"), None);
    }

    #[test]
    fn keys_do_what_their_place_in_the_widget_says() {
        let on_map = KeyContext {
            on_map: true,
            ..KeyContext::default()
        };
        assert_eq!(
            key_command("ArrowLeft", on_map),
            Some(KeyCommand::Map(MapAction::PanBy {
                dx: KEY_PAN_PX,
                dy: 0.0
            }))
        );
        assert_eq!(
            key_command("Home", on_map),
            Some(KeyCommand::Map(MapAction::Fit))
        );
        let elsewhere = KeyContext::default();
        assert_eq!(
            key_command("ArrowLeft", elsewhere),
            Some(KeyCommand::Step { forward: false })
        );
        // Map keys do nothing off the map; shortcuts and fields are left alone.
        assert_eq!(key_command("+", elsewhere), None);
        let shortcut = KeyContext {
            modified: true,
            ..on_map
        };
        assert_eq!(key_command("ArrowLeft", shortcut), None);
        let field = KeyContext {
            in_field: true,
            fanned: true,
            ..KeyContext::default()
        };
        assert_eq!(key_command("ArrowLeft", field), None);
        // Right to left, Left is forward (the map still pans as it looks).
        let rtl = KeyContext {
            rtl: true,
            ..KeyContext::default()
        };
        assert_eq!(
            key_command("ArrowLeft", rtl),
            Some(KeyCommand::Step { forward: true })
        );
        let rtl_map = KeyContext {
            on_map: true,
            ..rtl
        };
        assert_eq!(
            key_command("ArrowLeft", rtl_map),
            Some(KeyCommand::Map(MapAction::PanBy {
                dx: KEY_PAN_PX,
                dy: 0.0
            }))
        );
        // Escape still folds a fan, even from a field.
        assert_eq!(key_command("Escape", field), Some(KeyCommand::Unfan));
        assert_eq!(key_command("Escape", elsewhere), None);
    }

    #[test]
    fn arrow_right_shows_what_is_east() {
        let v = view();
        let moved = apply(&v, key_action("ArrowRight").expect("action"));
        assert!(moved.center().x > v.center().x);
        assert_eq!(moved.center().y, v.center().y);
    }

    #[test]
    fn wheel_zooms_continuously_and_boundedly() {
        assert_eq!(wheel_zoom_delta(-100.0, 0), 0.5);
        assert_eq!(wheel_zoom_delta(100.0, 0), -0.5);
        assert_eq!(wheel_zoom_delta(-3.0, 1), 0.6);
        assert_eq!(wheel_zoom_delta(-10_000.0, 0), MAX_WHEEL_ZOOM);
        assert_eq!(wheel_zoom_delta(f64::NAN, 0), 0.0);
        // Trackpads send small deltas: fractional zoom, no jumps.
        assert!((wheel_zoom_delta(-4.0, 0) - 0.02).abs() < 1e-12);
    }

    #[test]
    fn zooming_at_the_cursor_keeps_the_point_under_it() {
        let v = view();
        let cursor = ScreenPoint::new(200.0, 150.0);
        let before = v.screen_to_world(cursor);
        let zoomed = apply(
            &v,
            MapAction::ZoomBy {
                delta: 0.75,
                anchor: Some(cursor),
            },
        );
        let after = zoomed.screen_to_world(cursor);
        assert!((before.x - after.x).abs() < 1e-12 && (before.y - after.y).abs() < 1e-12);
        assert_eq!(zoomed.zoom().value(), 4.75);
    }

    #[test]
    fn pinching_apart_zooms_in_around_the_fingers() {
        let v = view();
        let mid = ScreenPoint::new(300.0, 300.0);
        let under = v.screen_to_world(mid);
        let p = pinch(&v, mid, 100.0, mid, 200.0);
        assert!((p.zoom().value() - 5.0).abs() < 1e-12);
        let still = p.screen_to_world(mid);
        assert!((under.x - still.x).abs() < 1e-12);
        // Moving both fingers pans with them.
        let moved = pinch(&v, mid, 100.0, ScreenPoint::new(340.0, 300.0), 100.0);
        assert!(moved.center().x < v.center().x);
        assert_eq!(pinch(&v, mid, 0.0, mid, 0.0), v);
    }

    #[test]
    fn actions_respect_the_limits() {
        let v = view();
        // As the camera applies them: each result constrained.
        let step = |v: Viewport, key| constrain(&apply(&v, key_action(key).expect("an action")));
        let out = (0..20).fold(v, |v, _| step(v, "-"));
        assert_eq!(out.zoom().value(), crate::geo::min_zoom(v.size()));
        let far = (0..200).fold(v, |v, _| step(v, "ArrowLeft"));
        assert!(far.screen_to_world(ScreenPoint::new(0.0, 0.0)).x >= -1e-12);
    }
}
