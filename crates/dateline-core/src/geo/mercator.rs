//! Web Mercator (EPSG:3857) on the unit square, and ground distances.

use std::f64::consts::PI;

use crate::math;

/// The latitude, in degrees, at which Web Mercator becomes a square:
/// `atan(sinh(π))`. Latitudes beyond it are clamped.
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// Length of one world unit on the ground at the equator, in metres
/// (2π × the WGS 84 semi-major axis, 6 378 137 m).
pub const EARTH_CIRCUMFERENCE_M: f64 = 40_075_016.685_578_49;

/// Mean Earth radius (IUGG), used by the haversine distance.
const MEAN_EARTH_RADIUS_M: f64 = 6_371_008.8;

/// A point on the Web Mercator unit square: `x` grows east, `y` grows
/// SOUTH, both in `[0, 1]` for points on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldPoint {
    /// 0 at 180° W, 1 at 180° E.
    pub x: f64,
    /// 0 at [`MAX_LATITUDE`] north, 1 at [`MAX_LATITUDE`] south.
    pub y: f64,
}

impl WorldPoint {
    /// A world point from its coordinates.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// Whether both coordinates are finite.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// A geographic position in degrees (WGS 84), in GeoJSON's `[lon, lat]` order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    /// Longitude in degrees, east positive.
    pub lon: f64,
    /// Latitude in degrees, north positive.
    pub lat: f64,
}

impl LonLat {
    /// A position from longitude and latitude in degrees.
    pub const fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }

    /// This position on the unit square; see [`project`].
    pub fn project(self) -> Option<WorldPoint> {
        project(self.lon, self.lat)
    }
}

/// Projects a longitude/latitude in degrees onto the Web Mercator unit square.
///
/// Returns `None` if either value is NaN or infinite. Latitude is clamped to
/// ±[`MAX_LATITUDE`] (the poles are infinitely far away in Mercator) and
/// longitude to `[-180, 180]` — it is not wrapped, so a bad `190` lands on
/// the edge of the map instead of silently on the other side of the world.
///
/// # Examples
///
/// ```
/// use dateline_core::geo::project;
///
/// let null_island = project(0.0, 0.0).unwrap();
/// assert_eq!((null_island.x, null_island.y), (0.5, 0.5));
///
/// // Moscow is east of Greenwich and north of the equator: x > 0.5, y < 0.5.
/// let moscow = project(37.6175, 55.7520).unwrap();
/// assert!(moscow.x > 0.5 && moscow.y < 0.5);
///
/// assert_eq!(project(f64::NAN, 0.0), None);
/// ```
pub fn project(lon: f64, lat: f64) -> Option<WorldPoint> {
    if !lon.is_finite() || !lat.is_finite() {
        return None;
    }
    let lon = math::clamp(lon, -180.0, 180.0);
    let phi = math::clamp(lat, -MAX_LATITUDE, MAX_LATITUDE).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - math::ln(math::tan(PI / 4.0 + phi / 2.0)) / PI) / 2.0;
    // At ±MAX_LATITUDE the formula lands a few ulps outside [0, 1].
    Some(WorldPoint::new(x, math::clamp(y, 0.0, 1.0)))
}

/// The inverse of [`project`]: a unit-square point back to degrees.
///
/// Returns `None` for non-finite input. Coordinates are clamped to `[0, 1]`
/// first, so a point off the map (say, the corner of a zoomed-out view)
/// yields the nearest position on the map's edge.
pub fn unproject(p: WorldPoint) -> Option<LonLat> {
    if !p.is_finite() {
        return None;
    }
    let x = math::clamp(p.x, 0.0, 1.0);
    let y = math::clamp(p.y, 0.0, 1.0);
    let lon = x * 360.0 - 180.0;
    let lat = math::atan(math::sinh(PI * (1.0 - 2.0 * y))).to_degrees();
    Some(LonLat::new(lon, lat))
}

/// Great-circle distance in metres between two positions (haversine on a
/// sphere of the mean Earth radius; within about 0.5 % of the ellipsoid).
///
/// NaN in either position gives NaN; nothing panics.
pub fn ground_distance_m(a: LonLat, b: LonLat) -> f64 {
    let (phi_a, phi_b) = (a.lat.to_radians(), b.lat.to_radians());
    let d_phi = phi_b - phi_a;
    let d_lambda = (b.lon - a.lon).to_radians();
    let h = math::sin(d_phi / 2.0).powi(2)
        + math::cos(phi_a) * math::cos(phi_b) * math::sin(d_lambda / 2.0).powi(2);
    // Rounding can push `h` a hair above 1 for antipodes; asin would give NaN.
    2.0 * MEAN_EARTH_RADIUS_M * math::asin(math::clamp(h, 0.0, 1.0).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KREMLIN: LonLat = LonLat::new(37.6175, 55.7520);
    const ZHUKOVSKY: LonLat = LonLat::new(38.15, 55.5533);

    /// World units to EPSG:3857 metres (origin at null island, y north).
    fn to_metres(p: WorldPoint) -> (f64, f64) {
        (
            (p.x - 0.5) * EARTH_CIRCUMFERENCE_M,
            (0.5 - p.y) * EARTH_CIRCUMFERENCE_M,
        )
    }

    #[test]
    fn null_island_is_the_centre() {
        let p = project(0.0, 0.0).unwrap();
        assert!((p.x - 0.5).abs() < 1e-15 && (p.y - 0.5).abs() < 1e-15);
    }

    #[test]
    fn antimeridian_maps_to_the_left_and_right_edges() {
        assert_eq!(project(-180.0, 0.0).unwrap().x, 0.0);
        assert_eq!(project(180.0, 0.0).unwrap().x, 1.0);
    }

    #[test]
    fn max_latitude_maps_to_the_top_and_bottom_edges() {
        assert!(project(0.0, 85.0511).unwrap().y.abs() < 1e-5);
        assert!((project(0.0, -85.0511).unwrap().y - 1.0).abs() < 1e-5);
        assert!(project(0.0, MAX_LATITUDE).unwrap().y.abs() < 1e-12);
        assert!((project(0.0, -MAX_LATITUDE).unwrap().y - 1.0).abs() < 1e-12);
    }

    #[test]
    fn out_of_range_input_is_clamped() {
        assert_eq!(project(0.0, 90.0), project(0.0, MAX_LATITUDE));
        assert_eq!(project(0.0, -90.0), project(0.0, -MAX_LATITUDE));
        assert!(project(0.0, 90.0).unwrap().y.abs() < 1e-12);
        assert_eq!(project(190.0, 0.0).unwrap().x, 1.0);
        assert_eq!(project(-540.0, 0.0).unwrap().x, 0.0);
    }

    #[test]
    fn epsg_3857_extent_is_the_published_one() {
        // EPSG:3857's published bounds are ±20 037 508.34 m on both axes.
        let (x, y) = to_metres(project(180.0, MAX_LATITUDE).unwrap());
        assert!((x - 20_037_508.34).abs() < 0.01, "{x}");
        assert!((y - 20_037_508.34).abs() < 0.01, "{y}");
    }

    #[test]
    fn kremlin_lands_at_its_web_mercator_metres() {
        // EPSG:3857 for (37.6175 E, 55.7520 N): x = R·λ, y = R·ln tan(π/4 + φ/2)
        // with R = 6 378 137 m, evaluated independently of this module. (The
        // brief's y ≈ 7 509 480 is 277 m off: it belongs to ≈ 55.7534 N.)
        let (x, y) = to_metres(KREMLIN.project().unwrap());
        assert!((x - 4_187_561.0).abs() < 100.0, "x = {x}");
        assert!((y - 7_509_203.0).abs() < 100.0, "y = {y}");
    }

    #[test]
    fn unproject_inverts_project() {
        for &(lon, lat) in &[
            (0.0, 0.0),
            (37.6175, 55.7520),
            (128.3339, 51.8844),
            (58.3261, 37.9601),
            (-122.4194, 37.7749),
            (-70.0, -50.0),
            (179.999, 85.0),
            (-180.0, -85.0),
        ] {
            let back = unproject(project(lon, lat).unwrap()).unwrap();
            assert!((back.lon - lon).abs() < 1e-9, "{lon} -> {}", back.lon);
            assert!((back.lat - lat).abs() < 1e-9, "{lat} -> {}", back.lat);
        }
    }

    #[test]
    fn unproject_clamps_points_off_the_map() {
        let corner = unproject(WorldPoint::new(-0.5, 1.5)).unwrap();
        assert_eq!(corner.lon, -180.0);
        assert!((corner.lat + MAX_LATITUDE).abs() < 1e-9);
    }

    #[test]
    fn non_finite_input_gives_none() {
        assert_eq!(project(f64::NAN, 0.0), None);
        assert_eq!(project(0.0, f64::NAN), None);
        assert_eq!(project(f64::INFINITY, 0.0), None);
        assert_eq!(project(0.0, f64::NEG_INFINITY), None);
        assert_eq!(unproject(WorldPoint::new(f64::NAN, 0.5)), None);
        assert_eq!(unproject(WorldPoint::new(0.5, f64::INFINITY)), None);
    }

    #[test]
    fn moscow_to_zhukovsky_is_about_40_km() {
        let d = ground_distance_m(KREMLIN, ZHUKOVSKY);
        assert!((38_000.0..=42_000.0).contains(&d), "{d} m");
        assert_eq!(d, ground_distance_m(ZHUKOVSKY, KREMLIN));
    }

    #[test]
    fn ground_distance_edge_cases() {
        assert_eq!(ground_distance_m(KREMLIN, KREMLIN), 0.0);
        // One degree of latitude is about 111.2 km on the mean sphere.
        let deg = ground_distance_m(LonLat::new(0.0, 0.0), LonLat::new(0.0, 1.0));
        assert!((deg - 111_195.0).abs() < 10.0, "{deg}");
        let half_round = ground_distance_m(LonLat::new(0.0, 0.0), LonLat::new(180.0, 0.0));
        assert!((half_round - PI * MEAN_EARTH_RADIUS_M).abs() < 1.0);
        assert!(ground_distance_m(LonLat::new(f64::NAN, 0.0), KREMLIN).is_nan());
    }
}
