//! What a view needs of the detail tiles, and how close to frame an opened place.

use super::placement::{
    controls_box, label_frame, place_labels, Candidate, MarkerMark, ScreenBox, MARKER_CLEARANCE_PX,
};
use super::{cover, level_for_zoom, TileId};
use crate::basemap::Label;
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
/// use dateline_core::geo::{project, Size, Viewport, Zoom};
/// use dateline_core::tiles::tiles_for_view;
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

/// The tiles whose names decide how to frame `place` in a map of `size`
/// (capped at 1280 × 800): the level-6 tiles of its view at [`OPEN_ZOOM`],
/// or (`wide`, needed only when those names do not do) the level-4 tiles of
/// its view at [`WIDEST_OPEN_ZOOM`]: 12 and 20 files at most.
///
/// # Examples
///
/// ```
/// use dateline_core::geo::{project, Size};
/// use dateline_core::tiles::context_tiles;
/// let at = project(128.33, 51.88).unwrap();
/// let near = context_tiles(at, Size::new(1920.0, 1080.0), false);
/// assert!(near.iter().all(|t| t.level == 6) && near.len() <= 12);
/// let wide = context_tiles(at, Size::new(1920.0, 1080.0), true);
/// assert!(wide.iter().all(|t| t.level == 4) && wide.len() <= 20);
/// ```
pub fn context_tiles(place: WorldPoint, size: Size, wide: bool) -> Vec<TileId> {
    let capped = Size::new(size.width.min(1280.0), size.height.min(800.0));
    let (zoom, level) = if wide {
        (WIDEST_OPEN_ZOOM, 4)
    } else {
        (OPEN_ZOOM, 6)
    };
    let view = Viewport::new(place, Zoom::clamped(zoom), capped);
    cover(view.visible_bounds(0.0), level).collect()
}

/// A place opens with at least this many other named places in view.
pub const MIN_NAMED_AROUND: usize = 2;

/// A place never opens farther out than this (unless its group needs it):
/// the regional level of the tiles, with countries and big cities.
pub const WIDEST_OPEN_ZOOM: f64 = super::FIRST_DETAIL_ZOOM;

/// Zoom steps taken back to find context.
const CONTEXT_STEP: f64 = 0.5;

/// The closest zoom the detail can show truthfully: GSHHG's high resolution
/// keeps shores to about 200 m, 1.3 px at zoom 10 at the equator (less
/// farther north); closer, its straight segments and 1 km rivers would show.
pub const TRUTHFUL_ZOOM: f64 = 10.0;

/// Names counted to show [`MIN_NAMED_AROUND`]: one to spare, as the map's
/// own markers and captions (not known here) may take one.
const CANDIDATES: usize = MIN_NAMED_AROUND + 1;

/// What names the surroundings of a place: map names (world coordinates)
/// and the story's other places.
#[derive(Clone, Copy)]
pub struct Surroundings<'a> {
    /// The map names a view would draw (those of the tiles it shows).
    pub labels: &'a dyn Fn(&Viewport) -> Vec<Label>,
    /// The story's other places.
    pub places: &'a [WorldPoint],
    /// Whether names run right to left (and the controls sit on the right).
    pub rtl: bool,
    /// The width of the opened place's caption, in px.
    pub caption_px: f64,
}

/// The zoom to open a place at, framed by [`framed`]: from `start` (where
/// it stands alone, or the reader's closer zoom), back in half levels while
/// fewer than [`MIN_NAMED_AROUND`] named places (and one to spare) would show in the part of
/// the view the panel leaves free (`frame`), never below `floor` (where the
/// place would merge into a group) or [`WIDEST_OPEN_ZOOM`], nor past
/// [`TRUTHFUL_ZOOM`]. Map names count if the label layer would place them
/// (same rules: [`place_labels`]), story places if they are in the frame.
pub fn context_zoom(
    place: WorldPoint,
    size: Size,
    start: f64,
    floor: f64,
    frame: Insets,
    around: &Surroundings,
) -> f64 {
    let mut zoom = start.min(TRUTHFUL_ZOOM);
    let floor = floor.max(WIDEST_OPEN_ZOOM).min(zoom);
    loop {
        let view = framed(place, zoom, size, frame, around.caption_px);
        if named_around(&view, frame, place, around) >= CANDIDATES
            || zoom - CONTEXT_STEP < floor - 1e-9
        {
            return zoom;
        }
        zoom -= CONTEXT_STEP;
    }
}

/// The named places a reader would see around `place` in `view`: story
/// places in the free frame, and map names that find room there beside
/// the place's dot and caption, the other places' dots and the controls.
pub fn named_around(
    view: &Viewport,
    frame: Insets,
    place: WorldPoint,
    around: &Surroundings,
) -> usize {
    let size = view.size();
    let free = label_frame(size.width, size.height, frame);
    let at = view.world_to_screen(place);
    let inside = |x: f64, y: f64| x >= free.x0 && x <= free.x1 && y >= free.y0 && y <= free.y1;
    let mut dots = vec![(at.x, at.y)];
    let mut places = 0;
    for p in around.places {
        let s = view.world_to_screen(*p);
        if inside(s.x, s.y) && (s.x - at.x).hypot(s.y - at.y) >= MARKER_CLEARANCE_PX {
            places += 1;
            dots.push((s.x, s.y));
        }
    }
    let half = crate::markers::DOT_PX / 2.0;
    let left = crate::markers::caption_goes_left(
        at.x,
        around.caption_px,
        size.width - frame.right,
        size.width,
    );
    let caption = MarkerMark::caption_extent(around.caption_px, left);
    let obstacles = [
        controls_box(size.width, around.rtl),
        ScreenBox {
            x0: at.x - half,
            y0: at.y - half,
            x1: at.x + half,
            y1: at.y + half,
        },
        ScreenBox {
            x0: at.x + caption.0,
            y0: at.y - 11.0,
            x1: at.x + caption.1,
            y1: at.y + 11.0,
        },
    ];
    let labels = (around.labels)(view);
    let mut candidates = Candidate::on_screen(&labels, view);
    candidates.retain(|c| inside(c.x, c.y));
    places + place_labels(&candidates, free, &obstacles, &dots, around.rtl).len()
}

/// The view of `size` at `zoom` with `place` in the middle of what `frame`
/// leaves free; moved left where its marker's caption (`caption_px` wide, on
/// the dot's right) would otherwise not fit beside it, so that a narrow
/// column shows the open place's name whole, clear of the panel and the zoom
/// buttons.
pub fn framed(
    place: WorldPoint,
    zoom: f64,
    size: Size,
    frame: Insets,
    caption_px: f64,
) -> Viewport {
    let (dx, dy) = frame.centre_shift();
    let free = (size.width - frame.left - frame.right).max(0.0);
    let half_dot = crate::markers::DOT_PX / 2.0;
    // How far the marker reaches right of the dot's centre, and what is there.
    let reach = half_dot + crate::markers::CAPTION_GAP_PX + caption_px + FRAME_MARGIN_PX;
    let room_left = (free / 2.0 - half_dot - FRAME_MARGIN_PX).max(0.0);
    let shift = crate::math::clamp(reach - free / 2.0, 0.0, room_left);
    Viewport::new(place, Zoom::clamped(zoom), size).translate_by_pixels(dx - shift, dy)
}

/// Space kept between a framed marker and the frame's edges, in px.
const FRAME_MARGIN_PX: f64 = 8.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::LabelClass;
    use crate::geo::{project, Size};

    fn p(lon: f64, lat: f64) -> WorldPoint {
        project(lon, lat).unwrap()
    }

    fn town(lon: f64, lat: f64, name: &str) -> Label {
        let w = p(lon, lat);
        Label {
            at: [w.x as f32, w.y as f32],
            class: LabelClass::Town,
            weight: 50,
            name: name.into(),
        }
    }

    /// Surroundings whose every view draws what `labels` gives.
    fn around<'a>(
        labels: &'a dyn Fn(&Viewport) -> Vec<Label>,
        places: &'a [WorldPoint],
    ) -> Surroundings<'a> {
        Surroundings {
            labels,
            places,
            rtl: false,
            caption_px: 80.0,
        }
    }

    /// Map names that every view draws.
    fn fixed(labels: &[Label]) -> impl Fn(&Viewport) -> Vec<Label> + '_ {
        move |_| labels.to_vec()
    }

    const SIZE: Size = Size {
        width: 800.0,
        height: 600.0,
    };

    /// The zoom `place` opens at among map names `labels` alone, in an 800 × 600 map.
    fn opens_at(place: WorldPoint, start: f64, floor: f64, labels: &[Label]) -> f64 {
        let labels = fixed(labels);
        context_zoom(
            place,
            SIZE,
            start,
            floor,
            Insets::ZERO,
            &around(&labels, &[]),
        )
    }

    #[test]
    fn a_place_among_towns_opens_where_it_stands_alone() {
        let zhukovsky = p(38.1174, 55.5972);
        // Ramenskoye, Bykovo and Kratovo in view (two and one to spare); the
        // gazetteer's own Zhukovskiy, 300 m away, is the place itself.
        let towns = [
            town(38.23, 55.567, "Ramenskoye"),
            town(38.0, 55.64, "Bykovo"),
            town(38.17, 55.52, "Kratovo"),
            town(38.118, 55.5995, "Zhukovskiy"),
        ];
        assert_eq!(opens_at(zhukovsky, 9.0, 7.0, &towns), 9.0);
        let view = framed(zhukovsky, 9.0, SIZE, Insets::ZERO, 80.0);
        assert_eq!(
            named_around(&view, Insets::ZERO, zhukovsky, &around(&fixed(&towns), &[])),
            3
        );
        // With one town fewer it backs off.
        assert!(opens_at(zhukovsky, 9.0, 7.0, &towns[1..]) < 9.0);
    }

    #[test]
    fn a_place_in_the_wilds_opens_wider_until_two_names_show() {
        let vostochny = p(128.3339, 51.8844);
        let named = [
            town(128.125, 51.76, "Tsiolkovsky"),
            town(128.12, 51.38, "Svobodnyy"),
            town(127.68, 52.0, "Shimanovsk"),
            town(127.53, 50.26, "Blagoveshchensk"),
        ];
        let zoom = opens_at(vostochny, 10.0, 6.0, &named);
        assert!(zoom < 10.0, "{zoom}");
        let at = |z: f64| {
            named_around(
                &framed(vostochny, z, SIZE, Insets::ZERO, 80.0),
                Insets::ZERO,
                vostochny,
                &around(&fixed(&named), &[]),
            )
        };
        assert!(at(zoom) >= 3, "{zoom}");
        // Half a level closer shows fewer: it is the closest such zoom.
        assert!(at(zoom + 0.5) < 3);
    }

    #[test]
    fn story_places_count_and_names_under_the_panel_or_controls_do_not() {
        let at = p(0.0, 0.0);
        let view = framed(at, 9.0, SIZE, Insets::ZERO, 80.0);
        let east = view.screen_to_world(crate::geo::ScreenPoint::new(600.0, 300.0));
        let corner = view.screen_to_world(crate::geo::ScreenPoint::new(20.0, 40.0));
        let names = [Label {
            at: [east.x as f32, east.y as f32],
            class: LabelClass::Town,
            weight: 9,
            name: "East".into(),
        }];
        assert_eq!(
            named_around(&view, Insets::ZERO, at, &around(&fixed(&names), &[])),
            1
        );
        let west = view.screen_to_world(crate::geo::ScreenPoint::new(200.0, 300.0));
        assert_eq!(
            named_around(&view, Insets::ZERO, at, &around(&fixed(&names), &[west])),
            2
        );
        // A story place on a name's point hides the name: it is counted once.
        assert_eq!(
            named_around(&view, Insets::ZERO, at, &around(&fixed(&names), &[east])),
            1
        );
        // Under a 300 px side panel East is hidden (and the place moves left, into what is free).
        let panel = Insets {
            right: 300.0,
            ..Insets::ZERO
        };
        let shifted = framed(at, 9.0, SIZE, panel, 80.0);
        let p0 = shifted.world_to_screen(at);
        assert!(
            (p0.x - 250.0).abs() < 1e-6 && (p0.y - 300.0).abs() < 1e-6,
            "{p0:?}"
        );
        let east = shifted.screen_to_world(crate::geo::ScreenPoint::new(600.0, 300.0));
        let names = [Label {
            at: [east.x as f32, east.y as f32],
            ..names[0].clone()
        }];
        assert_eq!(
            named_around(&shifted, panel, at, &around(&fixed(&names), &[])),
            0
        );
        // A name on the zoom buttons is not seen either.
        let names = [Label {
            at: [corner.x as f32, corner.y as f32],
            ..names[0].clone()
        }];
        assert_eq!(
            named_around(&view, Insets::ZERO, at, &around(&fixed(&names), &[])),
            0
        );
    }

    #[test]
    fn context_stops_at_the_floor_the_widest_zoom_and_the_truthful_zoom() {
        let at = p(0.0, 0.0);
        let nothing = fixed(&[]);
        let none = around(&nothing, &[]);
        assert_eq!(context_zoom(at, SIZE, 9.0, 8.0, Insets::ZERO, &none), 8.0);
        assert_eq!(
            context_zoom(at, SIZE, 9.0, 2.0, Insets::ZERO, &none),
            WIDEST_OPEN_ZOOM
        );
        assert_eq!(
            context_zoom(at, SIZE, 10.0, 12.0, Insets::ZERO, &none),
            TRUTHFUL_ZOOM
        );
    }

    #[test]
    fn a_narrow_column_frames_the_open_place_with_its_whole_caption_beside_it() {
        // 640 px with a 284 px side panel and the zoom buttons: 300 px free.
        let size = Size {
            width: 640.0,
            height: 278.0,
        };
        let frame = crate::layout::framing(
            Insets {
                right: 284.0,
                ..Insets::ZERO
            },
            false,
        );
        let vostochny = p(128.3339, 51.8844);
        let caption = 186.0;
        let view = framed(vostochny, 6.0, size, frame, caption);
        let dot = view.world_to_screen(vostochny);
        let free_edge = size.width - frame.right;
        // The caption goes right of the dot, and ends inside what is free…
        assert!(!crate::markers::caption_goes_left(
            dot.x, caption, free_edge, size.width
        ));
        let (x0, x1) = MarkerMark::caption_extent(caption, false);
        assert!(dot.x + x1 <= free_edge, "{dot:?}");
        // …and the dot stays right of the zoom buttons, clear of them.
        let buttons = controls_box(size.width, false);
        assert!(dot.x - crate::markers::DOT_PX / 2.0 > buttons.x1, "{dot:?}");
        assert!(dot.x + x0 > buttons.x1);
        // A wide frame keeps the place in its middle.
        let wide = framed(vostochny, 6.0, SIZE, Insets::ZERO, caption);
        assert!((wide.world_to_screen(vostochny).x - 400.0).abs() < 1e-6);
        // A caption too long for any room: the dot still stays in the frame.
        let long = framed(vostochny, 6.0, size, frame, 900.0);
        assert!(long.world_to_screen(vostochny).x - 14.0 >= frame.left);
    }
}
