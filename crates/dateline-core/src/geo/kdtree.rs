//! A static, flat 2-D k-d tree: built once, then range and radius queries.
//!
//! The layout is kdbush's: the points live in one array, recursively
//! partitioned around the median of alternating axes, so the tree needs no
//! node objects or pointers. Leaves of up to `node_size` points are scanned
//! linearly, which beats descending further for small groups.

use super::mercator::WorldPoint;

/// The smallest leaf size; smaller values are raised to it.
const MIN_NODE_SIZE: usize = 1;

/// A static 2-D index over points. Queries report the points' positions in
/// the slice the tree was built from.
#[derive(Debug, Clone, Default)]
pub struct KdTree {
    /// `(x, y, index into the input)`, partitioned as a k-d tree.
    entries: Vec<(f64, f64, usize)>,
    /// Ranges of at most this many entries are leaves.
    node_size: usize,
}

impl KdTree {
    /// Indexes `points`; leaves hold up to `node_size` points (at least 1).
    /// Queries report a point by its position in `points`.
    ///
    /// Non-finite points are left out, so queries never report them.
    pub fn new<I>(points: I, node_size: usize) -> KdTree
    where
        I: IntoIterator<Item = WorldPoint>,
    {
        let mut entries: Vec<_> = points
            .into_iter()
            .enumerate()
            .filter(|(_, p)| p.is_finite())
            .map(|(i, p)| (p.x, p.y, i))
            .collect();
        let node_size = node_size.max(MIN_NODE_SIZE);
        partition(&mut entries, node_size, Axis::X);
        KdTree { entries, node_size }
    }

    /// Appends to `out` the index of every point inside the rectangle
    /// `min..=max` (edges included), in tree order.
    pub fn range(&self, min: WorldPoint, max: WorldPoint, out: &mut Vec<usize>) {
        self.visit(
            |coord, axis| match axis {
                Axis::X => (min.x <= coord, coord <= max.x),
                Axis::Y => (min.y <= coord, coord <= max.y),
            },
            |x, y| min.x <= x && x <= max.x && min.y <= y && y <= max.y,
            out,
        );
    }

    /// Appends to `out` the index of every point within `radius` of `center`
    /// (distance `<= radius`), in tree order. A NaN or negative radius finds
    /// nothing, an infinite one finds every point.
    pub fn within(&self, center: WorldPoint, radius: f64, out: &mut Vec<usize>) {
        if radius.is_nan() || radius < 0.0 {
            return;
        }
        let r_sq = radius * radius;
        let (cx, cy) = (center.x, center.y);
        self.visit(
            |coord, axis| {
                let c = match axis {
                    Axis::X => cx,
                    Axis::Y => cy,
                };
                (c - radius <= coord, coord <= c + radius)
            },
            |x, y| {
                let (dx, dy) = (x - cx, y - cy);
                dx * dx + dy * dy <= r_sq
            },
            out,
        );
    }

    /// Walks the tree. `descend(split, axis)` says whether the lower and the
    /// upper half around a split value may hold matches; `accept(x, y)`
    /// decides for one point.
    fn visit(
        &self,
        descend: impl Fn(f64, Axis) -> (bool, bool),
        accept: impl Fn(f64, f64) -> bool,
        out: &mut Vec<usize>,
    ) {
        visit_node(
            &self.entries,
            Axis::X,
            self.node_size,
            &descend,
            &accept,
            out,
        );
    }
}

/// [`KdTree::visit`] below one node. Recursion, rather than a stack of
/// ranges, allocates nothing per query; the depth is `partition`'s.
fn visit_node(
    entries: &[(f64, f64, usize)],
    axis: Axis,
    node_size: usize,
    descend: &impl Fn(f64, Axis) -> (bool, bool),
    accept: &impl Fn(f64, f64) -> bool,
    out: &mut Vec<usize>,
) {
    if entries.len() <= node_size {
        out.extend(
            entries
                .iter()
                .filter(|&&(x, y, _)| accept(x, y))
                .map(|&(_, _, i)| i),
        );
        return;
    }
    let (lower, rest) = entries.split_at(entries.len() / 2);
    let Some((&(x, y, i), upper)) = rest.split_first() else {
        return;
    };
    if accept(x, y) {
        out.push(i);
    }
    let (go_lower, go_upper) = descend(axis.of(x, y), axis);
    if go_lower {
        visit_node(lower, axis.next(), node_size, descend, accept, out);
    }
    if go_upper {
        visit_node(upper, axis.next(), node_size, descend, accept, out);
    }
}

/// The coordinate a tree level splits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Axis {
    X,
    Y,
}

impl Axis {
    fn next(self) -> Axis {
        match self {
            Axis::X => Axis::Y,
            Axis::Y => Axis::X,
        }
    }

    fn of(self, x: f64, y: f64) -> f64 {
        match self {
            Axis::X => x,
            Axis::Y => y,
        }
    }
}

/// Puts the median (by `axis`) of `entries` in the middle, smaller ones
/// before and larger ones after, then does the same to both halves on the
/// other axis, down to leaves of `node_size`. Must split where
/// [`visit_node`] expects: at `len / 2`.
fn partition(entries: &mut [(f64, f64, usize)], node_size: usize, axis: Axis) {
    // Recursion depth is log2(len / node_size): about 17 for 100 000 points.
    if entries.len() <= node_size {
        return;
    }
    let mid = entries.len() / 2;
    entries.select_nth_unstable_by(mid, |a, b| axis.of(a.0, a.1).total_cmp(&axis.of(b.0, b.1)));
    let (lower, rest) = entries.split_at_mut(mid);
    partition(lower, node_size, axis.next());
    if let Some((_, upper)) = rest.split_first_mut() {
        partition(upper, node_size, axis.next());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic scatter with some exact duplicates and shared axes.
    fn scatter(n: usize) -> Vec<WorldPoint> {
        let mut state: u64 = 7;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n)
            .map(|i| match i % 10 {
                0 => WorldPoint::new(0.25, 0.75),
                1 => WorldPoint::new(0.5, next()),
                _ => WorldPoint::new(next(), next()),
            })
            .collect()
    }

    fn sorted(mut v: Vec<usize>) -> Vec<usize> {
        v.sort_unstable();
        v
    }

    #[test]
    fn range_matches_a_linear_scan() {
        let points = scatter(3_000);
        for node_size in [0, 1, 2, 16, 64, 10_000] {
            let tree = KdTree::new(points.iter().copied(), node_size);
            for (min, max) in [
                (WorldPoint::new(0.1, 0.2), WorldPoint::new(0.4, 0.9)),
                (WorldPoint::new(0.5, 0.0), WorldPoint::new(0.5, 1.0)),
                (WorldPoint::new(0.25, 0.75), WorldPoint::new(0.25, 0.75)),
                (WorldPoint::new(0.0, 0.0), WorldPoint::new(1.0, 1.0)),
                (WorldPoint::new(0.6, 0.6), WorldPoint::new(0.4, 0.4)),
            ] {
                let mut got = Vec::new();
                tree.range(min, max, &mut got);
                let want: Vec<_> = (0..points.len())
                    .filter(|&i| {
                        let p = points[i];
                        min.x <= p.x && p.x <= max.x && min.y <= p.y && p.y <= max.y
                    })
                    .collect();
                assert_eq!(sorted(got), want, "node_size {node_size}, {min:?}..{max:?}");
            }
        }
    }

    #[test]
    fn within_matches_a_linear_scan() {
        let points = scatter(3_000);
        let tree = KdTree::new(points.iter().copied(), 8);
        for &(cx, cy, r) in &[
            (0.5, 0.5, 0.1),
            (0.25, 0.75, 0.0),
            (0.0, 0.0, 0.3),
            (0.9, 0.1, 0.001),
            (0.5, 0.5, f64::INFINITY),
        ] {
            let mut got = Vec::new();
            tree.within(WorldPoint::new(cx, cy), r, &mut got);
            let want: Vec<_> = (0..points.len())
                .filter(|&i| {
                    let (dx, dy) = (points[i].x - cx, points[i].y - cy);
                    dx * dx + dy * dy <= r * r
                })
                .collect();
            assert_eq!(sorted(got), want, "({cx}, {cy}) r = {r}");
        }
        // Every tenth point sits exactly at (0.25, 0.75).
        let mut dupes = Vec::new();
        tree.within(WorldPoint::new(0.25, 0.75), 0.0, &mut dupes);
        assert!(dupes.len() >= 300);
    }

    #[test]
    fn odd_input_finds_nothing_and_does_not_panic() {
        let points = [
            WorldPoint::new(f64::NAN, 0.5),
            WorldPoint::new(0.5, 0.5),
            WorldPoint::new(0.5, f64::INFINITY),
        ];
        let tree = KdTree::new(points.iter().copied(), 0);
        let mut out = Vec::new();
        tree.range(
            WorldPoint::new(0.0, 0.0),
            WorldPoint::new(1.0, 1.0),
            &mut out,
        );
        assert_eq!(out, vec![1]);
        out.clear();
        tree.within(WorldPoint::new(0.5, 0.5), f64::NAN, &mut out);
        tree.within(WorldPoint::new(0.5, 0.5), -1.0, &mut out);
        tree.within(WorldPoint::new(f64::NAN, 0.5), 1.0, &mut out);
        tree.range(
            WorldPoint::new(f64::NAN, 0.0),
            WorldPoint::new(1.0, 1.0),
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");

        let empty = KdTree::new([], 64);
        empty.range(
            WorldPoint::new(0.0, 0.0),
            WorldPoint::new(1.0, 1.0),
            &mut out,
        );
        empty.within(WorldPoint::new(0.5, 0.5), 1.0, &mut out);
        assert!(out.is_empty());
    }
}
