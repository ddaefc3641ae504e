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

/// Px taken from each edge of the map container (by a panel over it, say).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Insets {
    /// From the top edge.
    pub top: f64,
    /// From the right edge.
    pub right: f64,
    /// From the bottom edge.
    pub bottom: f64,
    /// From the left edge.
    pub left: f64,
}

impl Insets {
    /// Nothing taken.
    pub const ZERO: Insets = Insets {
        top: 0.0,
        right: 0.0,
        bottom: 0.0,
        left: 0.0,
    };

    /// The same insets with NaN, infinite and negative ones made 0.
    pub fn sanitized(self) -> Insets {
        let side = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
        Insets {
            top: side(self.top),
            right: side(self.right),
            bottom: side(self.bottom),
            left: side(self.left),
        }
    }

    /// The size of what stays of a container of `size`.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::geo::{Insets, Size};
    ///
    /// let panel = Insets { right: 100.0, ..Insets::ZERO };
    /// assert_eq!(panel.free_size(Size::new(500.0, 300.0)), Size::new(400.0, 300.0));
    /// assert_eq!(panel.centre_shift(), (-50.0, 0.0));
    /// ```
    pub fn free_size(&self, size: Size) -> Size {
        Size::new(
            (size.width - self.left - self.right).max(0.0),
            (size.height - self.top - self.bottom).max(0.0),
        )
    }

    /// How far (px) to move a view's content so that what was at the
    /// container's centre is at the centre of what stays free.
    pub fn centre_shift(&self) -> (f64, f64) {
        (
            (self.left - self.right) / 2.0,
            (self.top - self.bottom) / 2.0,
        )
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
