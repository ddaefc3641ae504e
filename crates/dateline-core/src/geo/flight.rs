//! Animated moves between two views: "smooth and efficient zooming and
//! panning" (van Wijk and Nuij 2003), the path d3's `interpolateZoom` and
//! MapLibre's `flyTo` follow: zoom out, travel, zoom in.

use super::mercator::WorldPoint;
use super::viewport::Viewport;
use super::zoom::Zoom;
use crate::math;

const RHO: f64 = std::f64::consts::SQRT_2;

/// A path from one view to another, sampled by [`Flight::at`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flight {
    from: Viewport,
    to: Viewport,
    /// Start centre and the move, in world units.
    ux0: f64,
    uy0: f64,
    dx: f64,
    dy: f64,
    /// Widths of the view in world units at both ends.
    w0: f64,
    w1: f64,
    /// Path parameters (see the paper); `r0` unused for a pure zoom.
    r0: f64,
    s: f64,
    pure_zoom: bool,
    /// A short hop (the target is within a view's width): a straight glide
    /// with no zoom-out on the way, so markers in view do not merge and split.
    glide: bool,
}

impl Flight {
    /// Plans the flight from `from` to `to` (the end view's size is used throughout).
    pub fn new(from: &Viewport, to: &Viewport) -> Flight {
        let width = to.size().width.max(1.0);
        let (c0, c1) = (from.center(), to.center());
        let (w0, w1) = (width / from.zoom().scale(), width / to.zoom().scale());
        let (dx, dy) = (c1.x - c0.x, c1.y - c0.y);
        let d2 = dx * dx + dy * dy;
        let base = Flight {
            from: *from,
            to: *to,
            ux0: c0.x,
            uy0: c0.y,
            dx,
            dy,
            w0,
            w1,
            r0: 0.0,
            s: math::ln(w1 / w0) / RHO,
            pure_zoom: true,
            glide: false,
        };
        if d2 < 1e-24 {
            return base;
        }
        if d2.sqrt() < w0.min(w1) {
            // Length in view widths, for the duration.
            let s = d2.sqrt() / w0.min(w1) + math::ln(w1 / w0).abs() / RHO;
            return Flight {
                s,
                pure_zoom: false,
                glide: true,
                ..base
            };
        }
        let d1 = d2.sqrt();
        let b0 = (w1 * w1 - w0 * w0 + 4.0 * d2) / (2.0 * w0 * 2.0 * d1);
        let b1 = (w1 * w1 - w0 * w0 - 4.0 * d2) / (2.0 * w1 * 2.0 * d1);
        let r0 = math::ln((b0 * b0 + 1.0).sqrt() - b0);
        let r1 = math::ln((b1 * b1 + 1.0).sqrt() - b1);
        Flight {
            r0,
            s: (r1 - r0) / RHO,
            pure_zoom: false,
            ..base
        }
    }

    /// How long the flight should take, in ms: proportional to the path's
    /// length, between `min_ms` and `max_ms`.
    pub fn duration_ms(&self, min_ms: f64, max_ms: f64) -> f64 {
        let ms = self.s.abs() * 1000.0;
        if ms.is_finite() {
            crate::math::clamp(ms, min_ms, max_ms)
        } else {
            min_ms
        }
    }

    /// The view at progress `t` (0 = start, 1 = end; clamped). Ends exactly on `to`.
    pub fn at(&self, t: f64) -> Viewport {
        let t = if t.is_nan() {
            1.0
        } else {
            crate::math::clamp(t, 0.0, 1.0)
        };
        if t >= 1.0 {
            return self.to;
        }
        if t <= 0.0 {
            return self.from.with_size(self.to.size());
        }
        let s = t * self.s;
        let (u, w) = if self.glide {
            (t, self.w0 * math::powf(self.w1 / self.w0, t))
        } else if self.pure_zoom {
            (t, self.w0 * math::exp(RHO * s))
        } else {
            let cosh_r0 = math::cosh(self.r0);
            let u = self.w0 / (2.0 * (self.dx.hypot(self.dy)))
                * (cosh_r0 * math::tanh(RHO * s + self.r0) - math::sinh(self.r0));
            (u, self.w0 * cosh_r0 / math::cosh(RHO * s + self.r0))
        };
        let width = self.to.size().width.max(1.0);
        let zoom = Zoom::from_scale(width / w);
        let center = WorldPoint::new(self.ux0 + u * self.dx, self.uy0 + u * self.dy);
        let view = Viewport::new(center, zoom, self.to.size());
        if view.center().is_finite() {
            view
        } else {
            self.to
        }
    }
}

/// Ease in and out (cubic), so a flight starts and lands gently.
pub fn ease_in_out(t: f64) -> f64 {
    let t = crate::math::clamp(t, 0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{project, Size};

    fn view(lon: f64, lat: f64, zoom: f64) -> Viewport {
        Viewport::new(
            project(lon, lat).expect("finite"),
            Zoom::clamped(zoom),
            Size::new(1280.0, 800.0),
        )
    }

    #[test]
    fn starts_and_ends_on_the_given_views() {
        let (a, b) = (view(37.6, 55.7, 3.0), view(128.3, 51.9, 6.0));
        let f = Flight::new(&a, &b);
        assert_eq!(f.at(1.0), b);
        let start = f.at(0.0);
        assert!((start.zoom().value() - 3.0).abs() < 1e-9);
        assert_eq!(start.center(), a.center());
    }

    #[test]
    fn a_long_flight_zooms_out_on_the_way() {
        let (a, b) = (view(37.6, 55.7, 6.0), view(128.3, 51.9, 6.0));
        let f = Flight::new(&a, &b);
        let mid = f.at(0.5);
        assert!(mid.zoom().value() < 5.0, "{:?}", mid.zoom());
        // Halfway along a symmetric flight is halfway across.
        let half = (a.center().x + b.center().x) / 2.0;
        assert!((mid.center().x - half).abs() < 1e-6);
    }

    #[test]
    fn a_short_hop_glides_without_zooming_out() {
        let (a, b) = (view(37.6, 55.7, 7.0), view(38.6, 55.5, 7.0));
        let f = Flight::new(&a, &b);
        for i in 0..=20 {
            let v = f.at(f64::from(i) / 20.0);
            assert!(
                (v.zoom().value() - 7.0).abs() < 1e-9,
                "step {i}: {:?}",
                v.zoom()
            );
        }
        assert_eq!(f.at(1.0), b);
        assert!(f.duration_ms(300.0, 1500.0) >= 300.0);
    }

    #[test]
    fn progress_is_continuous_and_monotonic_in_distance() {
        let (a, b) = (view(-74.0, 40.7, 4.0), view(58.3, 37.9, 8.0));
        let f = Flight::new(&a, &b);
        let mut last = 0.0;
        for i in 0..=100 {
            let v = f.at(f64::from(i) / 100.0);
            let travelled = (v.center().x - a.center().x).hypot(v.center().y - a.center().y);
            assert!(travelled + 1e-12 >= last, "step {i}");
            last = travelled;
        }
    }

    #[test]
    fn a_pure_zoom_only_changes_zoom() {
        let (a, b) = (view(37.6, 55.7, 3.0), view(37.6, 55.7, 7.0));
        let f = Flight::new(&a, &b);
        let mid = f.at(0.5);
        assert!((mid.zoom().value() - 5.0).abs() < 1e-9);
        assert_eq!(mid.center(), a.center());
        assert!(f.duration_ms(300.0, 2000.0) >= 300.0);
    }

    #[test]
    fn durations_are_bounded_and_easing_is_monotonic() {
        let f = Flight::new(&view(0.0, 0.0, 2.0), &view(0.0, 0.0, 2.0));
        assert_eq!(f.duration_ms(300.0, 1500.0), 300.0);
        let long = Flight::new(&view(-170.0, 60.0, 9.0), &view(170.0, -60.0, 9.0));
        assert_eq!(long.duration_ms(300.0, 1500.0), 1500.0);
        let mut last = 0.0;
        for i in 0..=20 {
            let e = ease_in_out(f64::from(i) / 20.0);
            assert!(e >= last);
            last = e;
        }
        assert_eq!((ease_in_out(0.0), ease_in_out(1.0)), (0.0, 1.0));
    }
}
