//! Reusing the picture of a layer while the view moves.
//!
//! Redrawing the basemap means rasterising the world's outlines again, which
//! costs more than a frame on a slow machine. While a gesture or flight goes
//! on, the picture drawn for an earlier view is moved and scaled by the
//! compositor instead (as Leaflet does with its tiles), and redrawn once the
//! view settles, or sooner when the picture no longer covers the view or
//! would be scaled too far.

use super::viewport::Viewport;

/// The similarity that takes a picture drawn for one view to where another
/// view shows it: `screen_live = screen_drawn * scale + (dx, dy)`, both
/// relative to the container's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerShift {
    /// How much larger the picture appears (above 1 when zooming in).
    pub scale: f64,
    /// Horizontal move in px, after scaling.
    pub dx: f64,
    /// Vertical move in px, after scaling.
    pub dy: f64,
}

impl LayerShift {
    /// No move: the picture is drawn for the view shown.
    pub const IDENTITY: LayerShift = LayerShift {
        scale: 1.0,
        dx: 0.0,
        dy: 0.0,
    };

    /// The shift from `drawn` to `live`.
    pub fn between(drawn: &Viewport, live: &Viewport) -> LayerShift {
        let (s_drawn, x_drawn, y_drawn) = drawn.world_transform();
        let (s_live, x_live, y_live) = live.world_transform();
        // World scales are at least the tile size, so the ratio is defined.
        let scale = s_live / s_drawn;
        LayerShift {
            scale,
            dx: x_live - x_drawn * scale,
            dy: y_live - y_drawn * scale,
        }
    }
}

/// When a moved picture still serves instead of a redraw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReusePolicy {
    /// The picture extends this share of the container's width and height
    /// beyond each edge, so that pans and zooming out don't show its edges.
    pub margin: f64,
    /// Scaled up more than this, its lines look too coarse: redraw.
    pub max_scale: f64,
}

impl ReusePolicy {
    /// The picture's margin in px on each side, horizontally and vertically.
    pub fn margin_px(&self, view: &Viewport) -> (f64, f64) {
        let size = view.size();
        (size.width * self.margin, size.height * self.margin)
    }

    /// Whether the picture drawn for `drawn` (with its margin) can be shown,
    /// shifted, for `live`: same container size, not scaled up beyond
    /// [`ReusePolicy::max_scale`], and covering the whole container.
    pub fn serves(&self, drawn: &Viewport, live: &Viewport) -> bool {
        if drawn.size() != live.size() {
            return false;
        }
        let shift = LayerShift::between(drawn, live);
        if !(shift.scale.is_finite() && shift.scale <= self.max_scale) {
            return false;
        }
        let size = drawn.size();
        let (mx, my) = self.margin_px(drawn);
        let left = -mx * shift.scale + shift.dx;
        let top = -my * shift.scale + shift.dy;
        let right = (size.width + mx) * shift.scale + shift.dx;
        let bottom = (size.height + my) * shift.scale + shift.dy;
        // Half a pixel of slack: rounding must not force a redraw.
        left <= 0.5 && top <= 0.5 && right >= size.width - 0.5 && bottom >= size.height - 0.5
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{ScreenPoint, Size, WorldPoint, Zoom};

    fn view(x: f64, y: f64, zoom: f64) -> Viewport {
        Viewport::new(
            WorldPoint::new(x, y),
            Zoom::clamped(zoom),
            Size::new(800.0, 600.0),
        )
    }

    const POLICY: ReusePolicy = ReusePolicy {
        margin: 0.5,
        max_scale: 4.0,
    };

    fn shifted(shift: LayerShift, p: ScreenPoint) -> ScreenPoint {
        ScreenPoint::new(p.x * shift.scale + shift.dx, p.y * shift.scale + shift.dy)
    }

    #[test]
    fn a_shifted_picture_puts_every_world_point_where_the_live_view_shows_it() {
        let drawn = view(0.4, 0.3, 3.0);
        let live = drawn
            .translate_by_pixels(37.0, -12.5)
            .zoom_around(ScreenPoint::new(200.0, 450.0), Zoom::clamped(4.3));
        let shift = LayerShift::between(&drawn, &live);
        for p in [
            WorldPoint::new(0.4, 0.3),
            WorldPoint::new(0.41, 0.28),
            WorldPoint::new(0.1, 0.9),
        ] {
            let moved = shifted(shift, drawn.world_to_screen(p));
            let expected = live.world_to_screen(p);
            assert!(moved.distance(expected) < 1e-6, "{moved:?} vs {expected:?}");
        }
        assert!((shift.scale - 2f64.powf(1.3)).abs() < 1e-9);
    }

    #[test]
    fn the_same_view_needs_no_shift() {
        let v = view(0.5, 0.5, 2.0);
        assert_eq!(LayerShift::between(&v, &v), LayerShift::IDENTITY);
        assert!(POLICY.serves(&v, &v));
    }

    #[test]
    fn pans_within_the_margin_reuse_the_picture_and_beyond_it_redraw() {
        let drawn = view(0.5, 0.5, 4.0);
        assert!(POLICY.serves(&drawn, &drawn.translate_by_pixels(399.0, 0.0)));
        assert!(POLICY.serves(&drawn, &drawn.translate_by_pixels(0.0, -299.0)));
        assert!(!POLICY.serves(&drawn, &drawn.translate_by_pixels(402.0, 0.0)));
        assert!(!POLICY.serves(&drawn, &drawn.translate_by_pixels(0.0, -302.0)));
    }

    #[test]
    fn zooming_in_reuses_up_to_the_maximum_scale() {
        let drawn = view(0.5, 0.5, 4.0);
        let anchor = ScreenPoint::new(100.0, 500.0);
        assert!(POLICY.serves(&drawn, &drawn.zoom_around(anchor, Zoom::clamped(5.9))));
        assert!(!POLICY.serves(&drawn, &drawn.zoom_around(anchor, Zoom::clamped(6.1))));
    }

    #[test]
    fn zooming_out_reuses_while_the_margin_still_covers_the_container() {
        // A margin of half the size on each side covers zooming out by one level.
        let drawn = view(0.5, 0.5, 4.0);
        let centre = ScreenPoint::new(400.0, 300.0);
        assert!(POLICY.serves(&drawn, &drawn.zoom_around(centre, Zoom::clamped(3.01))));
        assert!(!POLICY.serves(&drawn, &drawn.zoom_around(centre, Zoom::clamped(2.9))));
        // Around a corner, the far side runs out sooner (at a scale of 2/3).
        let corner = ScreenPoint::new(0.0, 0.0);
        assert!(POLICY.serves(&drawn, &drawn.zoom_around(corner, Zoom::clamped(3.5))));
        assert!(!POLICY.serves(&drawn, &drawn.zoom_around(corner, Zoom::clamped(3.3))));
    }

    #[test]
    fn a_resized_container_always_redraws() {
        let drawn = view(0.5, 0.5, 4.0);
        assert!(!POLICY.serves(&drawn, &drawn.with_size(Size::new(801.0, 600.0))));
    }
}
