//! A story's journey: a line through its events' places in reading order,
//! bent along great circles for long hops and cut at the antimeridian, as
//! a flat Web Mercator map must draw it.

use super::mercator::{project, LonLat, WorldPoint};
use crate::math;

/// Long hops get a point at least every this many degrees of arc.
const STEP_DEGREES: f64 = 2.0;

/// One leg of the journey: from one stop to the next.
#[derive(Debug, Clone, PartialEq)]
pub struct Leg {
    /// The reading-order index of the event the leg arrives at.
    pub to_event: usize,
    /// The leg as polylines in world space: more than one where it crosses
    /// the antimeridian (each part stays on one side).
    pub parts: Vec<Vec<WorldPoint>>,
}

/// The legs between consecutive stops at different places.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journey {
    /// In reading order.
    pub legs: Vec<Leg>,
}

impl Journey {
    /// The journey through `stops`: each a reading-order index and its
    /// place's longitude and latitude, in reading order. Consecutive stops
    /// at the same place add no leg.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::geo::{Journey, LonLat};
    ///
    /// let moscow = LonLat { lon: 37.62, lat: 55.75 };
    /// let vostochny = LonLat { lon: 128.33, lat: 51.88 };
    /// let journey = Journey::through(&[(0, moscow), (1, moscow), (2, vostochny)]);
    /// assert_eq!(journey.legs.len(), 1);
    /// assert_eq!(journey.leg_into(2).map(|l| l.parts.len()), Some(1));
    /// assert!(journey.leg_into(1).is_none());
    /// ```
    pub fn through(stops: &[(usize, LonLat)]) -> Journey {
        let legs = stops
            .windows(2)
            .filter_map(|pair| {
                let ((_, a), (to_event, b)) = (pair[0], pair[1]);
                if a.lon == b.lon && a.lat == b.lat {
                    return None;
                }
                let parts: Vec<Vec<WorldPoint>> = split_at_antimeridian(&great_circle(a, b))
                    .iter()
                    .map(|part| part.iter().filter_map(|p| project(p.lon, p.lat)).collect())
                    .filter(|part: &Vec<WorldPoint>| part.len() >= 2)
                    .collect();
                Some(Leg { to_event, parts })
            })
            .collect();
        Journey { legs }
    }

    /// The leg arriving at the event at reading-order index `k`, if one does
    /// (the first event, and events at the place of the one before, have none).
    pub fn leg_into(&self, k: usize) -> Option<&Leg> {
        self.legs.iter().find(|leg| leg.to_event == k)
    }

    /// Every leg as one SVG path, coordinates scaled by `scale` and rounded
    /// to whole units (the basemap's grid).
    pub fn svg_path(&self, scale: f64) -> String {
        let mut path = String::new();
        for leg in &self.legs {
            push_leg(&mut path, leg, scale);
        }
        path
    }
}

impl Leg {
    /// This leg as an SVG path, as [`Journey::svg_path`].
    pub fn svg_path(&self, scale: f64) -> String {
        let mut path = String::new();
        push_leg(&mut path, self, scale);
        path
    }
}

fn push_leg(path: &mut String, leg: &Leg, scale: f64) {
    for part in &leg.parts {
        for (i, p) in part.iter().enumerate() {
            let command = if i == 0 { 'M' } else { 'L' };
            path.push(command);
            crate::fixed_point::push_fixed(path, p.x * scale, 0);
            path.push(' ');
            crate::fixed_point::push_fixed(path, p.y * scale, 0);
        }
    }
}

/// Points along the shorter great circle from `a` to `b`, both included,
/// at most [`STEP_DEGREES`] of arc apart.
pub fn great_circle(a: LonLat, b: LonLat) -> Vec<LonLat> {
    let (va, vb) = (unit_vector(a), unit_vector(b));
    let dot = math::clamp(va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2], -1.0, 1.0);
    let angle = math::acos(dot);
    if !angle.is_finite() || angle < 1e-9 {
        return vec![a, b];
    }
    let steps = (angle.to_degrees() / STEP_DEGREES).ceil().max(1.0) as usize;
    let sin = math::sin(angle);
    (0..=steps)
        .map(|i| {
            let t = i as f64 / steps as f64;
            if sin.abs() < 1e-12 {
                // Antipodes: any great circle will do; the straight blend is one.
                return lerp(a, b, t);
            }
            let (wa, wb) = (
                math::sin((1.0 - t) * angle) / sin,
                math::sin(t * angle) / sin,
            );
            let v = [
                wa * va[0] + wb * vb[0],
                wa * va[1] + wb * vb[1],
                wa * va[2] + wb * vb[2],
            ];
            lon_lat(v)
        })
        .collect()
}

/// `points` split wherever consecutive points are more than 180° of
/// longitude apart (the line crosses the antimeridian): each part ends at
/// ±180° where the line meets it, and the next begins on the other side.
pub fn split_at_antimeridian(points: &[LonLat]) -> Vec<Vec<LonLat>> {
    let mut parts: Vec<Vec<LonLat>> = Vec::new();
    let mut current: Vec<LonLat> = Vec::new();
    for &p in points {
        if let Some(&q) = current.last() {
            let jump = p.lon - q.lon;
            if jump.abs() > 180.0 {
                // Going east over 180° (q near +180, p near -180), or west.
                let edge = if jump < 0.0 { 180.0 } else { -180.0 };
                let unwrapped = p.lon + if jump < 0.0 { 360.0 } else { -360.0 };
                let t = (edge - q.lon) / (unwrapped - q.lon);
                let lat = q.lat + (p.lat - q.lat) * t;
                current.push(LonLat { lon: edge, lat });
                parts.push(std::mem::take(&mut current));
                current.push(LonLat { lon: -edge, lat });
            }
        }
        current.push(p);
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

fn unit_vector(p: LonLat) -> [f64; 3] {
    let (lon, lat) = (p.lon.to_radians(), p.lat.to_radians());
    [
        math::cos(lat) * math::cos(lon),
        math::cos(lat) * math::sin(lon),
        math::sin(lat),
    ]
}

fn lon_lat(v: [f64; 3]) -> LonLat {
    let norm = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
    LonLat {
        lon: math::atan2(v[1], v[0]).to_degrees(),
        lat: math::asin(math::clamp(v[2] / norm, -1.0, 1.0)).to_degrees(),
    }
}

fn lerp(a: LonLat, b: LonLat, t: f64) -> LonLat {
    LonLat {
        lon: a.lon + (b.lon - a.lon) * t,
        lat: a.lat + (b.lat - a.lat) * t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn a_long_hop_bends_towards_the_pole_as_a_great_circle_does() {
        // Moscow to Vostochny: the great circle runs north of both ends.
        let path = great_circle(ll(37.62, 55.75), ll(128.33, 51.88));
        assert!(path.len() > 20, "{} points", path.len());
        let max_lat = path.iter().map(|p| p.lat).fold(f64::MIN, f64::max);
        assert!(max_lat > 60.0, "peaks at {max_lat}");
        assert!((path[0].lon - 37.62).abs() < 1e-9 && (path[0].lat - 55.75).abs() < 1e-9);
        assert!((path.last().map_or(0.0, |p| p.lon) - 128.33).abs() < 1e-9);
        // Consecutive points are close.
        for w in path.windows(2) {
            assert!((w[1].lon - w[0].lon).abs() < 5.0 && (w[1].lat - w[0].lat).abs() < 5.0);
        }
    }

    #[test]
    fn a_short_hop_is_nearly_straight_and_a_point_is_two_points() {
        let path = great_circle(ll(37.62, 55.75), ll(38.15, 55.55));
        assert_eq!(path.len(), 2);
        assert_eq!(
            great_circle(ll(1.0, 2.0), ll(1.0, 2.0)),
            vec![ll(1.0, 2.0), ll(1.0, 2.0)]
        );
    }

    #[test]
    fn a_hop_over_the_pacific_is_cut_at_the_antimeridian() {
        // Vladivostok to Anchorage goes east over 180°.
        let path = great_circle(ll(131.9, 43.1), ll(-149.9, 61.2));
        let parts = split_at_antimeridian(&path);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].last().map(|p| p.lon), Some(180.0));
        assert_eq!(parts[1].first().map(|p| p.lon), Some(-180.0));
        assert_eq!(
            parts[0].last().map(|p| p.lat),
            parts[1].first().map(|p| p.lat)
        );
        // No part spans more than half the world.
        for part in &parts {
            for w in part.windows(2) {
                assert!((w[1].lon - w[0].lon).abs() <= 180.0);
            }
        }
        // Westward, the other way round.
        let back = split_at_antimeridian(&great_circle(ll(-149.9, 61.2), ll(131.9, 43.1)));
        assert_eq!(back[0].last().map(|p| p.lon), Some(-180.0));
    }

    #[test]
    fn the_journey_has_a_leg_per_change_of_place_and_paths_to_draw() {
        let moscow = ll(37.62, 55.75);
        let ashgabat = ll(58.38, 37.95);
        let journey = Journey::through(&[(0, moscow), (1, ashgabat), (2, ashgabat), (3, moscow)]);
        let arrivals: Vec<usize> = journey.legs.iter().map(|l| l.to_event).collect();
        assert_eq!(arrivals, [1, 3]);
        let path = journey.svg_path(32768.0);
        assert!(
            path.starts_with('M') && path.matches('M').count() == 2,
            "{path}"
        );
        assert!(!path.contains('.'), "whole units: {path}");
        let leg = journey
            .leg_into(3)
            .map(|l| l.svg_path(32768.0))
            .unwrap_or_default();
        assert!(path.ends_with(&leg));
        assert_eq!(Journey::through(&[]), Journey::default());
    }
}
