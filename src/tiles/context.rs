//! What a view needs of the detail tiles, and how close to frame an opened place.

use super::placement::{ScreenBox, MARKER_CLEARANCE_PX};
use super::{cover, level_for_zoom, TileId};
use crate::geo::{Insets, Size, Viewport, WorldPoint, Zoom};

/// Tiles are fetched for the view and this many pixels around it, so a
/// short pan finds them loaded.
pub const FETCH_MARGIN_PX: f64 = 96.0;

/// The detail tiles a view draws: its level and the tiles that cover it.
/// `None` below [`super::FIRST_DETAIL_ZOOM`]: the embedded world serves.
///
/// # Examples
///
/// ```
/// use dateline::geo::{project, Size, Viewport, Zoom};
/// use dateline::tiles::tiles_for_view;
/// let moscow = project(37.6175, 55.752).unwrap();
/// let world = Viewport::new(moscow, Zoom::clamped(3.5), Size::new(1280.0, 800.0));
/// assert_eq!(tiles_for_view(&world), None);
/// let city = Viewport::new(moscow, Zoom::clamped(9.0), Size::new(1280.0, 800.0));
/// let tiles = tiles_for_view(&city).unwrap();
/// assert!(tiles.iter().all(|t| t.level == 8) && tiles.len() <= 12);
/// ```
pub fn tiles_for_view(view: &Viewport) -> Option<Vec<TileId>> {
    let level = level_for_zoom(view.zoom().value())?;
    Some(cover(view.visible_bounds(FETCH_MARGIN_PX), level).collect())
}

/// A place opens at least this close (a region: its towns, the country,
/// the coast), unless the reader is closer already.
pub const OPEN_ZOOM: f64 = 7.0;

/// The tiles whose names decide how to frame `place` in a map of `size`:
/// the level-6 tiles of the view at [`OPEN_ZOOM`] (its size capped at
/// 1280 × 800) and the level-4 tile the place is in: 13 small files at most.
///
/// # Examples
///
/// ```
/// use dateline::geo::{project, Size};
/// use dateline::tiles::context_tiles;
/// let tiles = context_tiles(project(128.33, 51.88).unwrap(), Size::new(1920.0, 1080.0));
/// assert!(tiles.iter().any(|t| t.level == 6) && tiles.iter().any(|t| t.level == 4));
/// assert!(tiles.len() <= 13);
/// ```
pub fn context_tiles(place: WorldPoint, size: Size) -> Vec<TileId> {
    let capped = Size::new(size.width.min(1280.0), size.height.min(800.0));
    let near = Viewport::new(place, Zoom::clamped(OPEN_ZOOM), capped);
    cover(near.visible_bounds(0.0), 6)
        .chain(cover(crate::geo::WorldBounds::point(place), 4))
        .collect()
}

/// A place opens with at least this many other named places in view.
pub const MIN_NAMED_AROUND: usize = 2;

/// Zoom steps taken back to find context.
const CONTEXT_STEP: f64 = 0.5;

/// The closest zoom the detail can show truthfully: GSHHG's high resolution
/// keeps shores to about 200 m, 1.3 px at zoom 10 at the equator (less
/// farther north); closer, its straight segments and 1 km rivers would show.
pub const TRUTHFUL_ZOOM: f64 = 10.0;

/// The zoom to open a place at, framed by [`framed`]: from `start` (where it stands alone, or the
/// reader's closer zoom), back in half levels while fewer than
/// [`MIN_NAMED_AROUND`] named places show in the framed part of the view,
/// never below `floor` (where the place would merge into a group) nor past
/// [`TRUTHFUL_ZOOM`].
///
/// `named` are the places that carry a name at their point (other story
/// places, towns and countries of the loaded tiles); `frame` is what the
/// panel leaves free.
pub fn context_zoom(
    place: WorldPoint,
    size: Size,
    start: f64,
    floor: f64,
    frame: Insets,
    named: &[WorldPoint],
) -> f64 {
    let mut zoom = start.min(TRUTHFUL_ZOOM);
    let floor = floor.min(zoom);
    loop {
        let view = framed(place, zoom, size, frame);
        if named_in_frame(&view, frame, place, named) >= MIN_NAMED_AROUND
            || zoom - CONTEXT_STEP < floor - 1e-9
        {
            return zoom;
        }
        zoom -= CONTEXT_STEP;
    }
}

/// The view of `size` at `zoom` with `place` in the middle of what `frame` leaves free.
pub fn framed(place: WorldPoint, zoom: f64, size: Size, frame: Insets) -> Viewport {
    let (dx, dy) = frame.centre_shift();
    Viewport::new(place, Zoom::clamped(zoom), size).translate_by_pixels(dx, dy)
}

/// How many of `named` lie in the free part of `view`, not counting any
/// within [`MARKER_CLEARANCE_PX`] of the place itself (its own name).
pub fn named_in_frame(
    view: &Viewport,
    frame: Insets,
    place: WorldPoint,
    named: &[WorldPoint],
) -> usize {
    let size = view.size();
    let free = ScreenBox {
        x0: frame.left,
        y0: frame.top,
        x1: size.width - frame.right,
        y1: size.height - frame.bottom,
    };
    let at = view.world_to_screen(place);
    named
        .iter()
        .map(|p| view.world_to_screen(*p))
        .filter(|p| {
            p.x >= free.x0
                && p.x <= free.x1
                && p.y >= free.y0
                && p.y <= free.y1
                && (p.x - at.x).hypot(p.y - at.y) >= MARKER_CLEARANCE_PX
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{project, Size};

    fn p(lon: f64, lat: f64) -> WorldPoint {
        project(lon, lat).unwrap()
    }

    #[test]
    fn a_place_among_towns_opens_where_it_stands_alone() {
        let zhukovsky = p(38.1174, 55.5972);
        let start = Viewport::new(zhukovsky, Zoom::clamped(9.0), Size::new(800.0, 600.0));
        let towns = [p(38.23, 55.567), p(38.0, 55.62), p(38.118, 55.5995)];
        // Ramenskoye and a neighbour are in view; the gazetteer's own
        // Zhukovskiy, 300 m away, is the place itself and does not count.
        assert_eq!(
            context_zoom(zhukovsky, start.size(), 9.0, 7.0, Insets::ZERO, &towns),
            9.0
        );
        assert_eq!(named_in_frame(&start, Insets::ZERO, zhukovsky, &towns), 2);
    }

    #[test]
    fn a_place_in_the_wilds_opens_wider_until_two_names_show() {
        let vostochny = p(128.3339, 51.8844);
        let start = Viewport::new(vostochny, Zoom::clamped(10.0), Size::new(800.0, 600.0));
        // Tsiolkovsky 10 km away, Blagoveshchensk 180 km, Svobodny 50 km.
        let named = [p(128.125, 51.76), p(127.53, 50.26), p(128.12, 51.38)];
        let zoom = context_zoom(vostochny, start.size(), 10.0, 6.0, Insets::ZERO, &named);
        assert!(zoom < 10.0, "{zoom}");
        let view = start.with_zoom(Zoom::clamped(zoom));
        assert!(named_in_frame(&view, Insets::ZERO, vostochny, &named) >= 2);
        // Half a level closer shows fewer: it is the closest such zoom.
        let closer = start.with_zoom(Zoom::clamped(zoom + 0.5));
        assert!(named_in_frame(&closer, Insets::ZERO, vostochny, &named) < 2);
    }

    #[test]
    fn context_never_goes_below_the_floor_and_the_panel_hides_what_it_covers() {
        let at = p(0.0, 0.0);
        let start = Viewport::new(at, Zoom::clamped(9.0), Size::new(800.0, 600.0));
        assert_eq!(
            context_zoom(at, start.size(), 9.0, 8.0, Insets::ZERO, &[]),
            8.0
        );
        // Past the truthful zoom it never starts.
        assert_eq!(
            context_zoom(at, start.size(), 10.0, 12.0, Insets::ZERO, &[]),
            TRUTHFUL_ZOOM
        );
        // With a side panel the place sits in the middle of what it leaves free.
        let panel = Insets {
            right: 300.0,
            ..Insets::ZERO
        };
        let view = framed(at, 9.0, start.size(), panel);
        let p = view.world_to_screen(at);
        assert!(
            (p.x - 250.0).abs() < 1e-6 && (p.y - 300.0).abs() < 1e-6,
            "{p:?}"
        );
        // A town 150 px east of the place, under a 300 px side panel, is not seen.
        let east = start.screen_to_world(crate::geo::ScreenPoint::new(550.0, 300.0));
        let panel = Insets {
            right: 300.0,
            ..Insets::ZERO
        };
        assert_eq!(named_in_frame(&start, panel, at, &[east]), 0);
        assert_eq!(named_in_frame(&start, Insets::ZERO, at, &[east]), 1);
    }
}
