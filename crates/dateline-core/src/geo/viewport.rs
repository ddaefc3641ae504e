//! The immutable view onto the world: centre, zoom and container size.

use super::bounds::WorldBounds;
use super::mercator::WorldPoint;
use super::screen::{Insets, ScreenPoint, Size};
use super::zoom::Zoom;

/// A reasonable `max_zoom` for [`Viewport::fit`]: close enough to tell
/// neighbouring towns apart, far enough to keep the region recognisable
/// when a story has one place (or all its places in one city).
pub const DEFAULT_FIT_MAX_ZOOM: f64 = 6.0;

/// How far from the map, in world units, a centre may be. No useful view is
/// anywhere near it; it only keeps `centre * scale` finite and sub-pixel
/// precise at [`Zoom::MAX`] whatever deltas a gesture feeds in.
pub const CENTER_LIMIT: f64 = 1_048_576.0;

/// What part of the world is shown, and how large: every change returns a
/// new `Viewport`.
///
/// Invariants: the centre is finite and within [`CENTER_LIMIT`] world units
/// of the origin, the size has no NaN or negative sides, and the zoom is a
/// valid [`Zoom`], so every conversion gives finite numbers for finite input.
/// The centre may lie off the unit square (mid-gesture, or zoomed far out);
/// [`crate::geo::constrain`] brings the map back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    center: WorldPoint,
    zoom: Zoom,
    size: Size,
}

impl Default for Viewport {
    /// The whole world at zoom 0 in a container not measured yet (0 × 0).
    fn default() -> Self {
        Viewport::new(
            WorldPoint::new(0.5, 0.5),
            Zoom::clamped(Zoom::MIN),
            Size::new(0.0, 0.0),
        )
    }
}

impl Viewport {
    /// A view of `center` at `zoom` in a container of `size`.
    ///
    /// A non-finite centre coordinate becomes 0.5, a finite one is clamped
    /// to ±[`CENTER_LIMIT`], and bad sides of `size` become 0; see
    /// [`Size::sanitized`].
    pub fn new(center: WorldPoint, zoom: Zoom, size: Size) -> Viewport {
        let axis = |v: f64| {
            if v.is_finite() {
                crate::math::clamp(v, -CENTER_LIMIT, CENTER_LIMIT)
            } else {
                0.5
            }
        };
        Viewport {
            center: WorldPoint::new(axis(center.x), axis(center.y)),
            zoom,
            size: size.sanitized(),
        }
    }

    /// The world point at the middle of the container.
    pub fn center(&self) -> WorldPoint {
        self.center
    }

    /// The zoom level.
    pub fn zoom(&self) -> Zoom {
        self.zoom
    }

    /// The container size in pixels.
    pub fn size(&self) -> Size {
        self.size
    }

    /// The view that shows all of `bounds` inside `size`, leaving `padding`
    /// pixels free on every side, as large as possible but no closer than
    /// `max_zoom` (which keeps a single place, or zero-area bounds, from
    /// zooming to street level; [`DEFAULT_FIT_MAX_ZOOM`] is a good choice).
    ///
    /// Degenerate input never yields NaN: invalid bounds fit the whole world,
    /// bad sizes count as 0, padding is clamped to `0..=min(w, h) / 4` so it
    /// cannot swallow the container, and a NaN `max_zoom` means [`Zoom::MAX`].
    /// Bounds too large for the container even at [`Zoom::MIN`] are centred.
    /// The result is not [`clamped`](Self::clamped): fitting a wide story
    /// into a wide container may show space beyond the world's edges.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::geo::{project, Size, Viewport, WorldBounds, DEFAULT_FIT_MAX_ZOOM};
    ///
    /// // Moscow, Vostochny, Ashgabat and Zhukovsky.
    /// let places = [(37.6175, 55.7520), (128.3339, 51.8844), (58.3261, 37.9601), (38.15, 55.5533)];
    /// let points: Vec<_> = places.iter().filter_map(|&(lon, lat)| project(lon, lat)).collect();
    /// let bounds = WorldBounds::from_points(points.iter().copied()).unwrap();
    ///
    /// let view = Viewport::fit(bounds, Size::new(1280.0, 720.0), 48.0, DEFAULT_FIT_MAX_ZOOM);
    /// for p in points {
    ///     let s = view.world_to_screen(p);
    ///     assert!((47.9..=1232.1).contains(&s.x) && (47.9..=672.1).contains(&s.y));
    /// }
    /// ```
    pub fn fit(bounds: WorldBounds, size: Size, padding: f64, max_zoom: f64) -> Viewport {
        let size = size.sanitized();
        let bounds = if bounds.is_valid() {
            bounds
        } else {
            WorldBounds::WORLD
        };
        let max_padding = size.width.min(size.height) / 4.0;
        let padding = if padding.is_finite() {
            crate::math::clamp(padding, 0.0, max_padding)
        } else {
            0.0
        };
        // The largest scale (px per world unit) at which the bounds fit; a
        // zero extent fits at any scale, and the zoom cap takes over.
        let fit_scale = |room: f64, extent: f64| {
            if extent > 0.0 {
                room / extent
            } else {
                f64::INFINITY
            }
        };
        let scale = fit_scale(size.width - 2.0 * padding, bounds.width())
            .min(fit_scale(size.height - 2.0 * padding, bounds.height()));
        let cap = if max_zoom.is_nan() {
            Zoom::MAX
        } else {
            max_zoom
        };
        let zoom = Zoom::clamped(Zoom::from_scale(scale).value().min(cap));
        Viewport::new(bounds.center(), zoom, size)
    }

    /// Maps world units to screen pixels: `screen = world * scale + offset`,
    /// returned as `(scale, offset_x, offset_y)`. This is the basemap's SVG
    /// `transform`; the marker positions use the very same numbers, so the
    /// two layers cannot drift apart.
    pub fn world_transform(&self) -> (f64, f64, f64) {
        let scale = self.zoom.scale();
        let mid = self.size.center();
        (
            scale,
            mid.x - self.center.x * scale,
            mid.y - self.center.y * scale,
        )
    }

    /// Where a world point appears in the container.
    pub fn world_to_screen(&self, p: WorldPoint) -> ScreenPoint {
        let (scale, ox, oy) = self.world_transform();
        ScreenPoint::new(p.x * scale + ox, p.y * scale + oy)
    }

    /// The world point under a container pixel (may lie off the unit square).
    pub fn screen_to_world(&self, p: ScreenPoint) -> WorldPoint {
        // `scale` is at least TILE_SIZE, so the division is always defined.
        let (scale, ox, oy) = self.world_transform();
        WorldPoint::new((p.x - ox) / scale, (p.y - oy) / scale)
    }

    /// The same centre and zoom in a resized container.
    pub fn with_size(&self, size: Size) -> Viewport {
        Viewport::new(self.center, self.zoom, size)
    }

    /// The same centre at another zoom.
    pub fn with_zoom(&self, zoom: Zoom) -> Viewport {
        Viewport::new(self.center, zoom, self.size)
    }

    /// The view after dragging the map by `(dx, dy)` pixels: the content
    /// moves with the pointer, so `dx > 0` moves the map right (and the
    /// centre west). Non-finite deltas count as 0.
    pub fn translate_by_pixels(&self, dx: f64, dy: f64) -> Viewport {
        let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
        let scale = self.zoom.scale();
        let center = WorldPoint::new(
            self.center.x - finite(dx) / scale,
            self.center.y - finite(dy) / scale,
        );
        Viewport::new(center, self.zoom, self.size)
    }

    /// The view at `zoom` in which the world point under `anchor` is still
    /// under `anchor` (wheel and pinch zoom). A non-finite anchor zooms
    /// around the centre.
    pub fn zoom_around(&self, anchor: ScreenPoint, zoom: Zoom) -> Viewport {
        if !anchor.is_finite() {
            return self.with_zoom(zoom);
        }
        let fixed = self.screen_to_world(anchor);
        let scale = zoom.scale();
        let mid = self.size.center();
        let center = WorldPoint::new(
            fixed.x - (anchor.x - mid.x) / scale,
            fixed.y - (anchor.y - mid.y) / scale,
        );
        Viewport::new(center, zoom, self.size)
    }

    /// This view with its zoom within `min_zoom..=max_zoom` and its centre
    /// moved just enough for the world to cover the container on each axis
    /// where it is larger than the container; centred where it is smaller.
    pub fn clamped_between(&self, min_zoom: f64, max_zoom: f64) -> Viewport {
        self.clamped_within(min_zoom, max_zoom, Insets::ZERO)
    }

    /// As [`Viewport::clamped_between`], for the part of the container that
    /// `insets` leave free: the world must cover that part only (what a
    /// panel covers may show beyond the world's edge), and is centred in it
    /// where it is smaller.
    pub fn clamped_within(&self, min_zoom: f64, max_zoom: f64, insets: Insets) -> Viewport {
        let zoom = Zoom::clamped(self.zoom.value().max(min_zoom).min(max_zoom));
        let scale = zoom.scale();
        let insets = insets.sanitized();
        // On one axis, the container spans `near..(length - far)` of free px.
        let axis = |c: f64, length: f64, near: f64, far: f64| {
            let (low, high) = (
                (length / 2.0 - near) / scale,
                1.0 - (length / 2.0 - far) / scale,
            );
            if low > high {
                // The world is smaller than the free part: centred in it.
                0.5 + (far - near) / 2.0 / scale
            } else {
                crate::math::clamp(c, low, high)
            }
        };
        let center = WorldPoint::new(
            axis(self.center.x, self.size.width, insets.left, insets.right),
            axis(self.center.y, self.size.height, insets.top, insets.bottom),
        );
        Viewport::new(center, zoom, self.size)
    }

    /// The world rectangle on screen, grown by `margin_px` on every side so
    /// markers just outside still count as visible (a marker is drawn
    /// around its point). Not clipped to the unit square. A negative or
    /// non-finite margin counts as 0.
    pub fn visible_bounds(&self, margin_px: f64) -> WorldBounds {
        let m = if margin_px.is_finite() {
            margin_px.max(0.0)
        } else {
            0.0
        };
        WorldBounds {
            min: self.screen_to_world(ScreenPoint::new(-m, -m)),
            max: self.screen_to_world(ScreenPoint::new(self.size.width + m, self.size.height + m)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::mercator::project;

    /// Moscow, Vostochny, Ashgabat, Zhukovsky: the article's four places.
    const ARTICLE: [(f64, f64); 4] = [
        (37.6175, 55.7520),
        (128.3339, 51.8844),
        (58.3261, 37.9601),
        (38.15, 55.5533),
    ];

    fn article_points() -> Vec<WorldPoint> {
        ARTICLE
            .iter()
            .map(|&(lon, lat)| project(lon, lat).unwrap())
            .collect()
    }

    fn zoom(z: f64) -> Zoom {
        Zoom::new(z).unwrap()
    }

    fn view(cx: f64, cy: f64, z: f64, w: f64, h: f64) -> Viewport {
        Viewport::new(WorldPoint::new(cx, cy), zoom(z), Size::new(w, h))
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    fn assert_finite(v: &Viewport) {
        let (s, ox, oy) = v.world_transform();
        assert!(s.is_finite() && ox.is_finite() && oy.is_finite(), "{v:?}");
        assert!(
            v.center().is_finite() && v.size().width.is_finite() && v.size().height.is_finite()
        );
    }

    #[test]
    fn center_of_view_is_center_of_container() {
        let v = view(0.3, 0.7, 4.5, 800.0, 600.0);
        assert_eq!(
            v.world_to_screen(v.center()),
            ScreenPoint::new(400.0, 300.0)
        );
    }

    #[test]
    fn screen_and_world_conversions_are_inverse() {
        for v in [
            view(0.5, 0.5, 0.0, 1280.0, 720.0),
            view(0.6, 0.31, 5.3, 320.0, 480.0),
            view(0.01, 0.99, 10.0, 2000.0, 300.0),
        ] {
            for p in [
                WorldPoint::new(0.0, 0.0),
                WorldPoint::new(0.6045, 0.3126),
                WorldPoint::new(1.0, 1.0),
                WorldPoint::new(-0.2, 1.3),
            ] {
                let back = v.screen_to_world(v.world_to_screen(p));
                assert!(close(back.x, p.x, 1e-12) && close(back.y, p.y, 1e-12));
            }
            for s in [ScreenPoint::new(0.0, 0.0), ScreenPoint::new(17.5, 403.25)] {
                let back = v.world_to_screen(v.screen_to_world(s));
                assert!(close(back.x, s.x, 1e-6) && close(back.y, s.y, 1e-6));
            }
        }
    }

    #[test]
    fn world_transform_is_what_world_to_screen_applies() {
        let v = view(0.6, 0.31, 3.7, 1280.0, 720.0);
        let (scale, ox, oy) = v.world_transform();
        assert!(close(scale, 256.0 * 3.7f64.exp2(), 1e-9));
        let p = WorldPoint::new(0.61, 0.29);
        assert_eq!(
            v.world_to_screen(p),
            ScreenPoint::new(p.x * scale + ox, p.y * scale + oy)
        );
    }

    #[test]
    fn new_sanitizes_its_input() {
        let v = Viewport::new(
            WorldPoint::new(f64::NAN, 7.0),
            zoom(2.0),
            Size::new(f64::INFINITY, -1.0),
        );
        assert_eq!(v.center(), WorldPoint::new(0.5, 7.0));
        let far = view(0.5, 0.5, 10.0, 800.0, 600.0).translate_by_pixels(f64::MAX, -f64::MAX);
        assert_eq!(far.center(), WorldPoint::new(-CENTER_LIMIT, CENTER_LIMIT));
        assert_finite(&far);
        let s = far.world_to_screen(WorldPoint::new(0.5, 0.5));
        assert!(s.is_finite());
        assert_eq!(v.size(), Size::new(0.0, 0.0));
        assert_finite(&v);
        assert_finite(&Viewport::default());
    }

    #[test]
    fn with_size_and_with_zoom_keep_the_rest() {
        let v = view(0.6, 0.3, 3.0, 1280.0, 720.0);
        let resized = v.with_size(Size::new(320.0, 480.0));
        assert_eq!((resized.center(), resized.zoom()), (v.center(), v.zoom()));
        assert_eq!(resized.size(), Size::new(320.0, 480.0));
        let zoomed = v.with_zoom(zoom(5.0));
        assert_eq!((zoomed.center(), zoomed.size()), (v.center(), v.size()));
        assert_eq!(zoomed.zoom(), zoom(5.0));
    }

    #[test]
    fn translate_moves_content_by_exactly_the_drag() {
        let v = view(0.6, 0.3, 4.0, 1280.0, 720.0);
        let p = WorldPoint::new(0.61, 0.305);
        let before = v.world_to_screen(p);
        let after = v.translate_by_pixels(37.0, -12.5).world_to_screen(p);
        assert!(
            close(after.x - before.x, 37.0, 1e-9),
            "{before:?} {after:?}"
        );
        assert!(
            close(after.y - before.y, -12.5, 1e-9),
            "{before:?} {after:?}"
        );
        // Dragging right shows what lies west: the centre moves west.
        assert!(v.translate_by_pixels(10.0, 0.0).center().x < v.center().x);
        assert_eq!(v.translate_by_pixels(f64::NAN, f64::INFINITY), v);
    }

    #[test]
    fn zoom_around_keeps_the_anchor_fixed() {
        let v = view(0.6, 0.3, 3.0, 1280.0, 720.0);
        for anchor in [
            ScreenPoint::new(640.0, 360.0),
            ScreenPoint::new(100.0, 650.0),
            ScreenPoint::new(1279.0, 1.0),
        ] {
            for z in [0.5, 3.0, 4.25, 9.0, 10.0] {
                let under = v.screen_to_world(anchor);
                let zoomed = v.zoom_around(anchor, zoom(z));
                assert_eq!(zoomed.zoom(), zoom(z));
                let still = zoomed.screen_to_world(anchor);
                assert!(close(still.x, under.x, 1e-9), "{anchor:?} z{z}");
                assert!(close(still.y, under.y, 1e-9), "{anchor:?} z{z}");
                let on_screen = zoomed.world_to_screen(under);
                assert!(close(on_screen.x, anchor.x, 1e-6) && close(on_screen.y, anchor.y, 1e-6));
            }
        }
        let centred = v.zoom_around(ScreenPoint::new(f64::NAN, 0.0), zoom(5.0));
        assert_eq!(centred, v.with_zoom(zoom(5.0)));
    }

    /// The article's places fit tightly inside the padding box.
    fn check_article_fit(w: f64, h: f64, padding: f64) {
        let points = article_points();
        let bounds = WorldBounds::from_points(points.iter().copied()).unwrap();
        let v = Viewport::fit(bounds, Size::new(w, h), padding, DEFAULT_FIT_MAX_ZOOM);
        assert!(
            v.zoom().value() < DEFAULT_FIT_MAX_ZOOM,
            "zoom cap hit: {v:?}"
        );
        let mut slack = f64::INFINITY;
        for p in points {
            let s = v.world_to_screen(p);
            let eps = 1e-6;
            assert!(
                s.x >= padding - eps && s.x <= w - padding + eps,
                "{w}x{h}: x {} outside",
                s.x
            );
            assert!(
                s.y >= padding - eps && s.y <= h - padding + eps,
                "{w}x{h}: y {} outside",
                s.y
            );
            let gaps = [
                s.x - padding,
                w - padding - s.x,
                s.y - padding,
                h - padding - s.y,
            ];
            slack = gaps.iter().fold(slack, |acc, &g| acc.min(g));
        }
        assert!(slack <= 1.0, "{w}x{h}: not tight, {slack} px to spare");
    }

    #[test]
    fn fit_puts_the_article_inside_the_padding_tightly() {
        check_article_fit(1280.0, 720.0, 48.0);
        check_article_fit(320.0, 480.0, 48.0);
        check_article_fit(2000.0, 300.0, 48.0);
    }

    #[test]
    fn fit_of_a_single_point_uses_max_zoom() {
        let p = project(37.6175, 55.7520).unwrap();
        let v = Viewport::fit(WorldBounds::point(p), Size::new(1280.0, 720.0), 48.0, 6.0);
        assert_eq!(v.zoom().value(), 6.0);
        assert_eq!(v.center(), p);
        assert_finite(&v);
        let s = v.world_to_screen(p);
        assert!(close(s.x, 640.0, 1e-6) && close(s.y, 360.0, 1e-6));
        // A NaN cap means "no cap of your own": the global maximum applies.
        let uncapped = Viewport::fit(
            WorldBounds::point(p),
            Size::new(1280.0, 720.0),
            48.0,
            f64::NAN,
        );
        assert_eq!(uncapped.zoom().value(), Zoom::MAX);
    }

    #[test]
    fn fit_survives_degenerate_input() {
        let bounds = WorldBounds::from_points(article_points()).unwrap();
        let nan_bounds = WorldBounds::point(WorldPoint::new(f64::NAN, 0.5));
        for (b, size, pad, max) in [
            (bounds, Size::new(0.0, 0.0), 48.0, 6.0),
            (bounds, Size::new(-5.0, f64::NAN), 48.0, 6.0),
            (bounds, Size::new(1280.0, 720.0), f64::NAN, 6.0),
            (bounds, Size::new(1280.0, 720.0), 10_000.0, 6.0),
            (bounds, Size::new(1280.0, 720.0), -48.0, f64::NEG_INFINITY),
            (nan_bounds, Size::new(1280.0, 720.0), 48.0, 6.0),
            (
                WorldBounds::point(WorldPoint::new(0.5, 0.5)),
                Size::new(0.0, 0.0),
                0.0,
                6.0,
            ),
        ] {
            let v = Viewport::fit(b, size, pad, max);
            assert_finite(&v);
            assert!(v.zoom().value() >= Zoom::MIN && v.zoom().value() <= Zoom::MAX);
        }
        // Invalid bounds fit the whole world.
        let v = Viewport::fit(nan_bounds, Size::new(512.0, 512.0), 0.0, 6.0);
        assert_eq!(v.center(), WorldPoint::new(0.5, 0.5));
        assert_eq!(v.zoom().value(), 1.0);
    }

    #[test]
    fn fit_padding_never_swallows_the_container() {
        let bounds = WorldBounds::from_points(article_points()).unwrap();
        let v = Viewport::fit(bounds, Size::new(400.0, 150.0), 48.0, 6.0);
        // Padding is cut to 150 / 4 = 37.5 px; the places fit inside that.
        for p in article_points() {
            let s = v.world_to_screen(p);
            let inside = (37.4..=362.6).contains(&s.x) && (37.4..=112.6).contains(&s.y);
            assert!(inside, "{s:?}");
        }
    }

    #[test]
    fn within_insets_the_world_covers_only_the_free_part() {
        // Zoom 2: a 1024 px world in an 800 × 400 view, a 300 px panel on the right.
        let panel = Insets {
            right: 300.0,
            ..Insets::ZERO
        };
        let east = view(0.95, 0.5, 2.0, 800.0, 400.0);
        let plain = east.clamped_between(0.0, Zoom::MAX);
        let beside = east.clamped_within(0.0, Zoom::MAX, panel);
        // Without the panel, the world's east edge stops at the view's right edge…
        assert!(close(
            plain.world_to_screen(WorldPoint::new(1.0, 0.5)).x,
            800.0,
            1e-9
        ));
        // …with it, at the panel's edge, so a place far east can sit beside the panel.
        assert!(close(
            beside.world_to_screen(WorldPoint::new(1.0, 0.5)).x,
            500.0,
            1e-9
        ));
        // The west edge still never enters the view.
        let west = view(0.0, 0.5, 2.0, 800.0, 400.0).clamped_within(0.0, Zoom::MAX, panel);
        assert!(close(
            west.world_to_screen(WorldPoint::new(0.0, 0.5)).x,
            0.0,
            1e-9
        ));
        // A world smaller than the free part is centred in it.
        let small = view(0.5, 0.5, 0.0, 800.0, 400.0).clamped_within(0.0, Zoom::MAX, panel);
        assert!(close(
            small.world_to_screen(WorldPoint::new(0.5, 0.5)).x,
            250.0,
            1e-9
        ));
        assert_eq!(
            view(0.6, 0.3, 5.0, 800.0, 400.0).clamped_within(0.0, Zoom::MAX, panel),
            view(0.6, 0.3, 5.0, 800.0, 400.0)
        );
    }

    #[test]
    fn clamped_between_centres_what_it_cannot_cover() {
        // Wider than the world at the closest zoom: centred on that axis.
        let v = view(0.1, 0.2, 10.0, 2_000_000.0, 500.0).clamped_between(0.0, Zoom::MAX);
        assert_eq!(v.center().x, 0.5);
        assert_eq!(v.center().y, 0.2);
        // Inside the world: left alone.
        let inside = view(0.6, 0.3, 5.0, 1280.0, 720.0);
        assert_eq!(inside.clamped_between(0.0, Zoom::MAX), inside);
    }

    #[test]
    fn visible_bounds_match_the_container() {
        let v = view(0.5, 0.5, 2.0, 1024.0, 512.0);
        let b = v.visible_bounds(0.0);
        assert!(close(b.min.x, 0.0, 1e-12) && close(b.max.x, 1.0, 1e-12));
        assert!(close(b.min.y, 0.25, 1e-12) && close(b.max.y, 0.75, 1e-12));
        let grown = v.visible_bounds(102.4);
        assert!(close(grown.min.x, -0.1, 1e-12) && close(grown.max.y, 0.85, 1e-12));
        assert_eq!(v.visible_bounds(f64::NAN), b);
        assert_eq!(v.visible_bounds(-10.0), b);
        assert!(b.contains(v.center()));
    }
}
