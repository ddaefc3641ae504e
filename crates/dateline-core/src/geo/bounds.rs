//! Axis-aligned rectangles on the Web Mercator unit square.

use super::mercator::WorldPoint;

/// An axis-aligned rectangle in world units, `min` its north-west corner
/// (smallest x and y) and `max` its south-east one. A single point is a
/// valid, zero-area bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldBounds {
    /// Smallest x and y (north-west corner).
    pub min: WorldPoint,
    /// Largest x and y (south-east corner).
    pub max: WorldPoint,
}

impl WorldBounds {
    /// The whole map, `(0, 0)` to `(1, 1)`.
    pub const WORLD: WorldBounds = WorldBounds {
        min: WorldPoint::new(0.0, 0.0),
        max: WorldPoint::new(1.0, 1.0),
    };

    /// The zero-area bounds of one point.
    pub const fn point(p: WorldPoint) -> Self {
        Self { min: p, max: p }
    }

    /// The smallest bounds holding every finite point; non-finite points are
    /// skipped. `None` if there is no finite point.
    pub fn from_points<I>(points: I) -> Option<Self>
    where
        I: IntoIterator<Item = WorldPoint>,
    {
        let mut finite = points.into_iter().filter(|p| p.is_finite());
        let first = finite.next()?;
        Some(finite.fold(Self::point(first), Self::expand))
    }

    /// Whether all four coordinates are finite and `min <= max` on both axes.
    pub fn is_valid(&self) -> bool {
        self.min.is_finite()
            && self.max.is_finite()
            && self.min.x <= self.max.x
            && self.min.y <= self.max.y
    }

    /// Extent along x in world units.
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    /// Extent along y in world units.
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    /// The middle of the rectangle.
    pub fn center(&self) -> WorldPoint {
        WorldPoint::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// These bounds grown just enough to hold `point`; a non-finite point
    /// leaves them unchanged.
    #[must_use]
    pub fn expand(self, point: WorldPoint) -> Self {
        if !point.is_finite() {
            return self;
        }
        Self {
            min: WorldPoint::new(self.min.x.min(point.x), self.min.y.min(point.y)),
            max: WorldPoint::new(self.max.x.max(point.x), self.max.y.max(point.y)),
        }
    }

    /// Whether `point` is inside or on the edge. False for non-finite points.
    pub fn contains(&self, point: WorldPoint) -> bool {
        (self.min.x..=self.max.x).contains(&point.x) && (self.min.y..=self.max.y).contains(&point.y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wp(x: f64, y: f64) -> WorldPoint {
        WorldPoint::new(x, y)
    }

    #[test]
    fn from_points_spans_all_points() {
        let b = WorldBounds::from_points([wp(0.6, 0.3), wp(0.2, 0.4), wp(0.5, 0.1)]).unwrap();
        assert_eq!(b.min, wp(0.2, 0.1));
        assert_eq!(b.max, wp(0.6, 0.4));
        assert!((b.width() - 0.4).abs() < 1e-15);
        assert!((b.height() - 0.3).abs() < 1e-15);
        assert_eq!(b.center(), wp(0.4, 0.25));
        assert!(b.is_valid());
    }

    #[test]
    fn from_points_skips_non_finite_and_needs_one_point() {
        assert_eq!(WorldBounds::from_points([]), None);
        assert_eq!(WorldBounds::from_points([wp(f64::NAN, 0.5)]), None);
        let b = WorldBounds::from_points([wp(f64::NAN, 0.5), wp(0.3, 0.3), wp(0.9, f64::INFINITY)]);
        assert_eq!(b, Some(WorldBounds::point(wp(0.3, 0.3))));
    }

    #[test]
    fn single_point_has_zero_extent() {
        let b = WorldBounds::point(wp(0.5, 0.5));
        assert_eq!((b.width(), b.height()), (0.0, 0.0));
        assert!(b.contains(wp(0.5, 0.5)));
    }

    #[test]
    fn expand_grows_and_ignores_non_finite() {
        let b = WorldBounds::point(wp(0.5, 0.5)).expand(wp(0.7, 0.2));
        assert_eq!(b.min, wp(0.5, 0.2));
        assert_eq!(b.max, wp(0.7, 0.5));
        assert_eq!(b.expand(wp(f64::NAN, 0.0)), b);
        assert_eq!(b.expand(wp(0.6, 0.3)), b);
    }

    #[test]
    fn contains_includes_edges_only() {
        let b = WorldBounds::WORLD;
        assert!(b.contains(wp(0.0, 1.0)));
        assert!(b.contains(wp(0.5, 0.5)));
        assert!(!b.contains(wp(-0.001, 0.5)));
        assert!(!b.contains(wp(0.5, 1.001)));
        assert!(!b.contains(wp(f64::NAN, 0.5)));
    }

    #[test]
    fn invalid_bounds_are_detected() {
        let flipped = WorldBounds {
            min: wp(0.6, 0.5),
            max: wp(0.4, 0.5),
        };
        assert!(!flipped.is_valid());
        let nan = WorldBounds::point(wp(f64::NAN, 0.0));
        assert!(!nan.is_valid());
    }
}
