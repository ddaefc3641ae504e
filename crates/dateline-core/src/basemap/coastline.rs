//! Coastlines: the land rings' outlines without the map-edge cuts.

use super::Ring;

/// The coastlines of `land` as open polylines.
///
/// Land rings are cut at the antimeridian (x = 0 and x = 1) and at Mercator's
/// southern limit (y = 1); stroking the rings themselves would draw those cuts
/// as straight "coasts" along the map's edge. This keeps every segment except
/// those lying along an edge of the world square, so the asset need not store
/// coastlines twice. A ring with no such segment comes back closed (its first
/// point repeated at the end).
///
/// # Examples
///
/// ```
/// use dateline_core::basemap::coastlines;
/// // A piece of land cut at the right edge, x = 1.
/// let land = vec![vec![[0.9, 0.2], [1.0, 0.2], [1.0, 0.4], [0.9, 0.4]]];
/// assert_eq!(
///     coastlines(&land),
///     vec![vec![[1.0, 0.4], [0.9, 0.4], [0.9, 0.2], [1.0, 0.2]]]
/// );
/// ```
pub fn coastlines(land: &[Ring]) -> Vec<Ring> {
    outlines_inside(land, 0.0, 1.0)
}

/// The outlines of `land` without the segments along the square
/// `[lo, hi]²` it was cut to: a detail tile's coasts, its cut edges left out.
/// [`coastlines`] is this for the world square.
pub fn outlines_inside(land: &[Ring], lo: f32, hi: f32) -> Vec<Ring> {
    let along_edge = |a: [f32; 2], b: [f32; 2]| {
        (a[0] == b[0] && (a[0] <= lo || a[0] >= hi)) || (a[1] == b[1] && (a[1] <= lo || a[1] >= hi))
    };
    let mut lines = Vec::new();
    for ring in land {
        let n = ring.len();
        if n < 2 {
            continue;
        }
        // Segment i runs from point i to point i + 1 (wrapping).
        let on_edge = |i: usize| along_edge(ring[i], ring[(i + 1) % n]);
        let Some(cut) = (0..n).find(|&i| on_edge(i)) else {
            let mut closed = ring.clone();
            closed.push(ring[0]);
            lines.push(closed);
            continue;
        };
        // Start just after an edge segment so no coastline wraps the ring's end.
        let mut line: Ring = Vec::new();
        for k in 1..=n {
            let i = (cut + k) % n;
            if on_edge(i) {
                if line.len() >= 2 {
                    lines.push(std::mem::take(&mut line));
                }
                line.clear();
            } else {
                if line.is_empty() {
                    line.push(ring[i]);
                }
                line.push(ring[(i + 1) % n]);
            }
        }
        if line.len() >= 2 {
            lines.push(line);
        }
    }
    lines
}

/// Whether the segment a–b lies along one edge of the world square. Exact
/// comparisons are right here: decoded edge coordinates are exactly 0 or 1.
#[cfg(test)]
fn along_edge(a: [f32; 2], b: [f32; 2]) -> bool {
    (a[0] == b[0] && (a[0] <= 0.0 || a[0] >= 1.0)) || (a[1] == b[1] && (a[1] <= 0.0 || a[1] >= 1.0))
}

#[cfg(test)]
mod tests {
    use super::super::{decode, BASEMAP};
    use super::*;

    #[test]
    fn inland_rings_come_back_closed() {
        let island = vec![[0.1, 0.1], [0.2, 0.1], [0.2, 0.2]];
        assert_eq!(
            coastlines(&[island]),
            vec![vec![[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.1]]]
        );
    }

    #[test]
    fn cuts_along_several_edges_split_the_outline() {
        // A ring touching the bottom edge and the left edge (like Antarctica).
        let ring = vec![
            [0.0, 0.8],
            [0.3, 0.7],
            [0.6, 1.0],
            [0.3, 1.0],
            [0.2, 0.9],
            [0.1, 1.0],
            [0.0, 1.0],
        ];
        assert_eq!(
            coastlines(&[ring]),
            vec![
                vec![[0.3, 1.0], [0.2, 0.9], [0.1, 1.0]],
                vec![[0.0, 0.8], [0.3, 0.7], [0.6, 1.0]],
            ]
        );
    }

    #[test]
    fn the_real_coastlines_never_run_along_the_map_edge() {
        let map = decode(BASEMAP).unwrap();
        let coasts = coastlines(&map.land);
        assert!(coasts.len() >= map.land.len());
        for line in &coasts {
            assert!(line.len() >= 2);
            for w in line.windows(2) {
                assert!(!along_edge(w[0], w[1]), "{:?}–{:?}", w[0], w[1]);
            }
        }
        // Every non-edge segment of the land survives: same segment count.
        let land_segments = map
            .land
            .iter()
            .map(|r| {
                (0..r.len())
                    .filter(|&i| !along_edge(r[i], r[(i + 1) % r.len()]))
                    .count()
            })
            .sum::<usize>();
        let coast_segments = coasts.iter().map(|l| l.len() - 1).sum::<usize>();
        assert_eq!(land_segments, coast_segments);
    }
}
