//! How far a map may zoom and pan: the whole world at the least, city level
//! at the most (the embedded basemap is Natural Earth 1:110m), and never so
//! far aside that the world leaves the view.

use super::screen::{Insets, Size};
use super::viewport::Viewport;
use super::zoom::{Zoom, TILE_SIZE};
use crate::math;

/// The closest zoom a map shows: [`Zoom::MAX`].
pub const MAX_ZOOM: f64 = Zoom::MAX;

/// The farthest zoom for `size`: the whole world fits in the container
/// (never below zoom 0).
///
/// # Examples
///
/// ```
/// use dateline_core::geo::{limits::min_zoom, Size};
///
/// // A 512 × 1024 container shows the 512 px world at zoom 1.
/// assert_eq!(min_zoom(Size::new(512.0, 1024.0)), 1.0);
/// ```
pub fn min_zoom(size: Size) -> f64 {
    let side = size.width.min(size.height);
    if side.is_finite() && side > TILE_SIZE {
        math::log2(side / TILE_SIZE).min(MAX_ZOOM)
    } else {
        0.0
    }
}

/// `view` moved inside the limits: zoom between [`min_zoom`] and
/// [`MAX_ZOOM`]; on each axis the world covers the view where it is larger
/// than the view, and is centred where it is smaller.
pub fn constrain(view: &Viewport) -> Viewport {
    constrain_within(view, Insets::ZERO)
}

/// As [`constrain`], with the world kept over the part of the view that
/// `covered` leaves free (what a panel covers may show past the world's
/// edge, so that a place near it can be shown beside the panel).
pub fn constrain_within(view: &Viewport, covered: Insets) -> Viewport {
    view.clamped_within(min_zoom(view.size()), MAX_ZOOM, covered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::ScreenPoint;
    use crate::geo::{WorldPoint, Zoom};

    fn view(x: f64, y: f64, zoom: f64, w: f64, h: f64) -> Viewport {
        Viewport::new(WorldPoint::new(x, y), Zoom::clamped(zoom), Size::new(w, h))
    }

    #[test]
    fn min_zoom_fits_the_whole_world() {
        for (w, h) in [
            (1280.0, 800.0),
            (320.0, 640.0),
            (256.0, 256.0),
            (100.0, 50.0),
        ] {
            let size = Size::new(w, h);
            let world = TILE_SIZE * math::exp2(min_zoom(size));
            assert!(world <= w + 1e-9 && world <= h + 1e-9 || world == TILE_SIZE);
        }
        assert_eq!(min_zoom(Size::new(f64::NAN, 10.0)), 0.0);
    }

    #[test]
    fn zoom_stays_within_limits() {
        assert_eq!(
            constrain(&view(0.5, 0.5, 11.5, 800.0, 600.0))
                .zoom()
                .value(),
            MAX_ZOOM
        );
        let far = constrain(&view(0.5, 0.5, 0.0, 1024.0, 1024.0));
        assert_eq!(far.zoom().value(), 2.0);
    }

    #[test]
    fn the_world_never_leaves_the_view() {
        // Zoomed in, panned far east and north: the world still covers the view.
        let v = constrain(&view(5.0, -3.0, 4.0, 800.0, 600.0));
        let top_left = v.screen_to_world(ScreenPoint::new(0.0, 0.0));
        let bottom_right = v.screen_to_world(ScreenPoint::new(800.0, 600.0));
        assert!(top_left.x >= -1e-12 && top_left.y >= -1e-12);
        assert!(bottom_right.x <= 1.0 + 1e-12 && bottom_right.y <= 1.0 + 1e-12);
        // Zoomed out so the world is smaller than the view: it is centred.
        let small = constrain(&view(0.9, 0.1, 0.0, 1200.0, 300.0));
        assert_eq!(small.center(), WorldPoint::new(0.5, 0.5));
    }

    #[test]
    fn a_view_inside_the_limits_is_unchanged() {
        let v = view(0.6, 0.3, 5.0, 800.0, 600.0);
        assert_eq!(constrain(&v), v);
    }
}
