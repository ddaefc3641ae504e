//! The zoom level, as a newtype that cannot hold a bad value.

use thiserror::Error;

use crate::math;

/// Width and height of the whole world at zoom 0, in CSS pixels.
pub const TILE_SIZE: f64 = 256.0;

/// Why a number was refused as a [`Zoom`].
#[derive(Debug, Clone, Copy, PartialEq, Error)]
pub enum InvalidZoom {
    /// NaN or infinite.
    #[error("zoom must be a finite number, got {0}")]
    NotFinite(f64),
    /// Finite but outside [`Zoom::MIN`]..=[`Zoom::MAX`].
    #[error("zoom {0} is out of range: use a value from {min} to {max}", min = Zoom::MIN, max = Zoom::MAX)]
    OutOfRange(f64),
}

/// A zoom level: finite and within [`Zoom::MIN`]..=[`Zoom::MAX`], fractional
/// values allowed. At zoom `z` the world is `TILE_SIZE * 2^z` pixels wide.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Zoom(f64);

impl Zoom {
    /// The whole world in one 256 px tile.
    pub const MIN: f64 = 0.0;
    /// The closest zoom: about 150 m per pixel at the equator, a city fills
    /// the view. Street level is no use for a story map whose places are
    /// cities, and the embedded 1:110m basemap has nothing finer to show.
    /// The one limit: [`crate::geo::MAX_ZOOM`] is this value.
    pub const MAX: f64 = 10.0;

    /// `Some` if `z` is finite and within `MIN..=MAX`.
    pub fn new(z: f64) -> Option<Zoom> {
        Zoom::try_from(z).ok()
    }

    /// The nearest valid zoom: out-of-range values are clamped and NaN
    /// becomes [`Zoom::MIN`] (a NaN usually means "nothing to fit").
    pub fn clamped(z: f64) -> Zoom {
        if z.is_nan() {
            Zoom(Self::MIN)
        } else {
            Zoom(crate::math::clamp(z, Self::MIN, Self::MAX))
        }
    }

    /// The zoom at which the world is `scale` pixels wide, clamped into range;
    /// the inverse of [`Zoom::scale`]. Zero or NaN scale gives [`Zoom::MIN`].
    pub fn from_scale(scale: f64) -> Zoom {
        // log2 of 0 is -inf and of a negative is NaN; both clamp to MIN.
        Zoom::clamped(math::log2(scale / TILE_SIZE))
    }

    /// The level as a number.
    pub fn value(self) -> f64 {
        self.0
    }

    /// Width (and height) of the world in pixels: `TILE_SIZE * 2^z`.
    pub fn scale(self) -> f64 {
        TILE_SIZE * math::exp2(self.0)
    }
}

impl TryFrom<f64> for Zoom {
    type Error = InvalidZoom;

    fn try_from(z: f64) -> Result<Self, Self::Error> {
        if !z.is_finite() {
            Err(InvalidZoom::NotFinite(z))
        } else if !(Self::MIN..=Self::MAX).contains(&z) {
            Err(InvalidZoom::OutOfRange(z))
        } else {
            Ok(Zoom(z))
        }
    }
}

impl From<Zoom> for f64 {
    fn from(z: Zoom) -> f64 {
        z.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_range_inclusive() {
        assert_eq!(Zoom::new(0.0).map(Zoom::value), Some(0.0));
        assert_eq!(Zoom::new(3.25).map(Zoom::value), Some(3.25));
        assert_eq!(Zoom::new(10.0).map(Zoom::value), Some(10.0));
    }

    #[test]
    fn rejects_non_finite_and_out_of_range() {
        assert_eq!(Zoom::new(f64::NAN), None);
        assert_eq!(Zoom::new(f64::INFINITY), None);
        assert_eq!(Zoom::new(f64::NEG_INFINITY), None);
        assert_eq!(Zoom::new(-0.01), None);
        assert_eq!(Zoom::new(10.01), None);
        assert_eq!(Zoom::try_from(12.0), Err(InvalidZoom::OutOfRange(12.0)));
        assert!(matches!(
            Zoom::try_from(f64::NAN),
            Err(InvalidZoom::NotFinite(_))
        ));
    }

    #[test]
    fn clamped_always_gives_a_valid_zoom() {
        assert_eq!(Zoom::clamped(f64::NAN).value(), Zoom::MIN);
        assert_eq!(Zoom::clamped(f64::INFINITY).value(), Zoom::MAX);
        assert_eq!(Zoom::clamped(f64::NEG_INFINITY).value(), Zoom::MIN);
        assert_eq!(Zoom::clamped(-3.0).value(), Zoom::MIN);
        assert_eq!(Zoom::clamped(99.0).value(), Zoom::MAX);
        assert_eq!(Zoom::clamped(4.5).value(), 4.5);
    }

    #[test]
    fn scale_doubles_per_level() {
        assert_eq!(Zoom::clamped(0.0).scale(), 256.0);
        assert_eq!(Zoom::clamped(1.0).scale(), 512.0);
        assert_eq!(Zoom::clamped(10.0).scale(), 256.0 * 1024.0);
        let half = Zoom::clamped(0.5).scale();
        assert!((half - 256.0 * 2f64.sqrt()).abs() < 1e-9);
    }

    #[test]
    fn from_scale_inverts_scale() {
        for z in [0.0, 1.0, 2.7, 6.0, 10.0] {
            let back = Zoom::from_scale(Zoom::clamped(z).scale()).value();
            assert!((back - z).abs() < 1e-12, "{z} -> {back}");
        }
        assert_eq!(Zoom::from_scale(0.0).value(), Zoom::MIN);
        assert_eq!(Zoom::from_scale(-5.0).value(), Zoom::MIN);
        assert_eq!(Zoom::from_scale(f64::NAN).value(), Zoom::MIN);
        assert_eq!(Zoom::from_scale(f64::INFINITY).value(), Zoom::MAX);
    }

    #[test]
    fn orders_by_level() {
        assert!(Zoom::clamped(1.0) < Zoom::clamped(2.0));
    }
}
