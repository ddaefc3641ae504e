//! Cutting rings and lines to a rectangle.

/// An axis-aligned rectangle in grid units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridRect {
    /// The corner with the least coordinates.
    pub min: [f64; 2],
    /// The corner with the greatest coordinates.
    pub max: [f64; 2],
}

impl GridRect {
    /// Whether `other` lies wholly inside this rectangle.
    pub fn holds(&self, other: &GridRect) -> bool {
        (0..2).all(|i| other.min[i] >= self.min[i] && other.max[i] <= self.max[i])
    }

    /// Whether the two rectangles share any point.
    pub fn meets(&self, other: &GridRect) -> bool {
        (0..2).all(|i| other.min[i] <= self.max[i] && other.max[i] >= self.min[i])
    }

    /// The bounding box of `points` (an empty list gives an inverted box that meets nothing).
    pub fn around(points: &[[f64; 2]]) -> GridRect {
        let mut r = GridRect {
            min: [f64::INFINITY; 2],
            max: [f64::NEG_INFINITY; 2],
        };
        for p in points {
            r.min = [r.min[0].min(p[0]), r.min[1].min(p[1])];
            r.max = [r.max[0].max(p[0]), r.max[1].max(p[1])];
        }
        r
    }
}

/// The part of the closed ring `ring` inside `rect` (Sutherland–Hodgman).
///
/// Where the ring leaves the rectangle, the result runs along its edge, so
/// filling the rings of a tile with the even-odd rule fills the same area as
/// filling the uncut rings would, inside the tile. A ring wholly outside
/// gives an empty result.
///
/// # Examples
///
/// ```
/// use dateline_core::tiles::{clip_ring, GridRect};
/// let rect = GridRect { min: [0.0, 0.0], max: [10.0, 10.0] };
/// let square = vec![[5.0, 5.0], [15.0, 5.0], [15.0, 15.0], [5.0, 15.0]];
/// assert_eq!(clip_ring(&square, &rect), vec![[5.0, 10.0], [5.0, 5.0], [10.0, 5.0], [10.0, 10.0]]);
/// ```
pub fn clip_ring(ring: &[[f64; 2]], rect: &GridRect) -> Vec<[f64; 2]> {
    let mut out = ring.to_vec();
    // (axis, bound, keep the side >= bound?)
    let edges = [
        (0, rect.min[0], true),
        (0, rect.max[0], false),
        (1, rect.min[1], true),
        (1, rect.max[1], false),
    ];
    for (axis, bound, above) in edges {
        if out.is_empty() {
            break;
        }
        let inside = |p: &[f64; 2]| {
            if above {
                p[axis] >= bound
            } else {
                p[axis] <= bound
            }
        };
        let input = std::mem::take(&mut out);
        let mut prev = input[input.len() - 1];
        for &p in &input {
            let (pin, qin) = (inside(&p), inside(&prev));
            if pin != qin {
                out.push(crossing(prev, p, axis, bound));
            }
            if pin {
                out.push(p);
            }
            prev = p;
        }
    }
    out
}

/// Where the segment a–b crosses `p[axis] = bound`; exact on the bound.
fn crossing(a: [f64; 2], b: [f64; 2], axis: usize, bound: f64) -> [f64; 2] {
    let t = (bound - a[axis]) / (b[axis] - a[axis]);
    let other = 1 - axis;
    let mut p = [0.0; 2];
    p[axis] = bound;
    p[other] = a[other] + t * (b[other] - a[other]);
    p
}

/// The pieces of the polyline `line` inside `rect` (each segment clipped
/// by Liang–Barsky, consecutive inside segments joined).
///
/// # Examples
///
/// ```
/// use dateline_core::tiles::{clip_line, GridRect};
/// let rect = GridRect { min: [0.0, 0.0], max: [10.0, 10.0] };
/// let zigzag = vec![[-5.0, 5.0], [5.0, 5.0], [5.0, 20.0], [8.0, 20.0], [8.0, 5.0]];
/// assert_eq!(
///     clip_line(&zigzag, &rect),
///     vec![vec![[0.0, 5.0], [5.0, 5.0], [5.0, 10.0]], vec![[8.0, 10.0], [8.0, 5.0]]]
/// );
/// ```
pub fn clip_line(line: &[[f64; 2]], rect: &GridRect) -> Vec<Vec<[f64; 2]>> {
    let mut pieces: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut current: Vec<[f64; 2]> = Vec::new();
    for w in line.windows(2) {
        match clip_segment(w[0], w[1], rect) {
            Some((a, b)) => {
                if current.last() != Some(&a) {
                    if current.len() >= 2 {
                        pieces.push(std::mem::take(&mut current));
                    }
                    current.clear();
                    current.push(a);
                }
                current.push(b);
                if b != w[1] {
                    pieces.push(std::mem::take(&mut current));
                }
            }
            None => {
                if current.len() >= 2 {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() >= 2 {
        pieces.push(current);
    }
    pieces
}

fn clip_segment(a: [f64; 2], b: [f64; 2], rect: &GridRect) -> Option<([f64; 2], [f64; 2])> {
    let d = [b[0] - a[0], b[1] - a[1]];
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for axis in 0..2 {
        for (p, q) in [
            (-d[axis], a[axis] - rect.min[axis]),
            (d[axis], rect.max[axis] - a[axis]),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            [a[0] + t * d[0], a[1] + t * d[1]]
        }
    };
    Some((at(t0), at(t1)))
}

/// The signed area of a closed ring (shoelace; positive clockwise on screen, y down).
pub fn ring_area(ring: &[[f64; 2]]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        / 2.0
}

/// Whether `p` lies inside `rings` under the even-odd rule (a lake inside
/// land is water, an island in the lake land again); `xy` reads a point.
///
/// # Examples
///
/// ```
/// use dateline_core::tiles::inside_even_odd;
/// let land = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
/// let lake = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0]];
/// let rings = [land, lake];
/// assert!(inside_even_odd(&rings, [2.0, 2.0], |q| q));
/// assert!(!inside_even_odd(&rings, [5.0, 5.0], |q| q));
/// ```
pub fn inside_even_odd<P: Copy>(
    rings: &[impl AsRef<[P]>],
    p: [f64; 2],
    xy: impl Fn(P) -> [f64; 2],
) -> bool {
    let mut inside = false;
    for ring in rings {
        let ring = ring.as_ref();
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (xy(ring[i]), xy(ring[(i + n - 1) % n]));
            if (a[1] > p[1]) != (b[1] > p[1])
                && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
            {
                inside = !inside;
            }
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECT: GridRect = GridRect {
        min: [0.0, 0.0],
        max: [10.0, 10.0],
    };

    #[test]
    fn clipped_rings_fill_what_the_whole_rings_fill_inside_the_rect() {
        // A continent with a lake, both crossing the rect's edge, and an island
        // outside: the cut rings must agree with the uncut ones at every sample.
        let land = vec![
            [-5.0, -5.0],
            [8.0, -3.0],
            [12.0, 6.0],
            [3.0, 14.0],
            [-2.0, 7.0],
        ];
        let lake = vec![[6.0, 2.0], [11.0, 4.0], [7.0, 6.0]];
        let island = vec![[20.0, 20.0], [22.0, 20.0], [21.0, 22.0]];
        let whole = vec![land, lake, island];
        let cut: Vec<_> = whole
            .iter()
            .map(|r| clip_ring(r, &RECT))
            .filter(|r| !r.is_empty())
            .collect();
        assert_eq!(cut.len(), 2, "the island is gone");
        for i in 0..40 {
            for j in 0..40 {
                let p = [0.13 + f64::from(i) * 0.25, 0.11 + f64::from(j) * 0.25];
                assert_eq!(
                    inside_even_odd(&cut, p, |q| q),
                    inside_even_odd(&whole, p, |q| q),
                    "{p:?}"
                );
            }
        }
        for p in cut.iter().flatten() {
            assert!(RECT.holds(&GridRect::around(&[*p])), "{p:?}");
        }
    }

    #[test]
    fn a_ring_around_the_rect_becomes_the_rect() {
        let big = vec![[-1.0, -1.0], [11.0, -1.0], [11.0, 11.0], [-1.0, 11.0]];
        let cut = clip_ring(&big, &RECT);
        assert_eq!(ring_area(&cut), 100.0);
        assert!(clip_ring(&[[20.0, 20.0], [30.0, 20.0], [30.0, 30.0]], &RECT).is_empty());
    }

    #[test]
    fn lines_are_cut_where_they_leave_and_kept_whole_inside() {
        let inside = vec![[1.0, 1.0], [2.0, 2.0], [3.0, 1.0]];
        assert_eq!(clip_line(&inside, &RECT), vec![inside.clone()]);
        let across = vec![[-10.0, 5.0], [20.0, 5.0]];
        assert_eq!(
            clip_line(&across, &RECT),
            vec![vec![[0.0, 5.0], [10.0, 5.0]]]
        );
        assert!(clip_line(&[[11.0, 0.0], [20.0, 5.0]], &RECT).is_empty());
        // Leaving and coming back gives two pieces.
        let out_and_back = vec![[5.0, 5.0], [5.0, 15.0], [6.0, 15.0], [6.0, 5.0]];
        assert_eq!(clip_line(&out_and_back, &RECT).len(), 2);
    }
}
