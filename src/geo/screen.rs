//! Pixel space: positions and sizes on screen, kept apart from world space.

/// A position in CSS pixels from the map container's top-left corner,
/// `y` growing down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenPoint {
    /// Pixels right of the left edge.
    pub x: f64,
    /// Pixels below the top edge.
    pub y: f64,
}

impl ScreenPoint {
    /// A screen point from its coordinates.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// Whether both coordinates are finite.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }

    /// Straight-line distance to `other` in pixels.
    pub fn distance(self, other: ScreenPoint) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// The size of the map container in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

impl Size {
    /// A size from width and height.
    pub const fn new(width: f64, height: f64) -> Self {
        Self { width, height }
    }

    /// The same size with NaN, infinite and negative sides replaced by 0, so
    /// arithmetic on it cannot produce NaN. A container that is not laid out
    /// yet (hidden, detached) reports exactly such values.
    pub fn sanitized(self) -> Size {
        let side = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
        Size::new(side(self.width), side(self.height))
    }

    /// Whether both sides are finite and positive: something can be drawn.
    pub fn is_drawable(self) -> bool {
        self.width.is_finite() && self.height.is_finite() && self.width > 0.0 && self.height > 0.0
    }

    /// The middle of the container.
    pub fn center(self) -> ScreenPoint {
        ScreenPoint::new(self.width / 2.0, self.height / 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_euclidean() {
        let d = ScreenPoint::new(0.0, 0.0).distance(ScreenPoint::new(3.0, 4.0));
        assert_eq!(d, 5.0);
    }

    #[test]
    fn sanitized_removes_bad_sides() {
        assert_eq!(Size::new(f64::NAN, -3.0).sanitized(), Size::new(0.0, 0.0));
        assert_eq!(
            Size::new(f64::INFINITY, 480.0).sanitized(),
            Size::new(0.0, 480.0)
        );
        assert_eq!(Size::new(320.0, 480.0).sanitized(), Size::new(320.0, 480.0));
    }

    #[test]
    fn drawable_needs_two_positive_finite_sides() {
        assert!(Size::new(1.0, 1.0).is_drawable());
        assert!(!Size::new(0.0, 100.0).is_drawable());
        assert!(!Size::new(100.0, f64::NAN).is_drawable());
    }

    #[test]
    fn center_is_half_the_size() {
        assert_eq!(
            Size::new(1280.0, 720.0).center(),
            ScreenPoint::new(640.0, 360.0)
        );
    }
}
