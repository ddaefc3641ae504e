//! Douglas–Peucker simplification, iterative so no coastline overflows the stack.

/// `points` with every vertex dropped that lies within `tolerance` of the
/// line its neighbours kept would draw. `closed` rings are split at their
/// first point and the point farthest from it, so both halves keep their
/// shape; a ring that shrinks below 3 points (or a line below 2) comes back
/// empty, being smaller than the tolerance.
///
/// # Examples
///
/// ```
/// use dateline_core::tiles::simplify;
/// let nearly_straight = vec![[0.0, 0.0], [5.0, 0.2], [10.0, 0.0], [10.0, 10.0]];
/// assert_eq!(simplify(&nearly_straight, 0.5, false), vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]]);
/// ```
pub fn simplify(points: &[[f64; 2]], tolerance: f64, closed: bool) -> Vec<[f64; 2]> {
    let n = points.len();
    if n < 3 {
        return if closed { Vec::new() } else { points.to_vec() };
    }
    let mut keep = vec![false; n];
    let tol2 = tolerance * tolerance;
    if closed {
        let far = (1..n)
            .max_by(|&a, &b| dist2(points[0], points[a]).total_cmp(&dist2(points[0], points[b])))
            .unwrap_or(n / 2);
        keep[0] = true;
        keep[far] = true;
        mark(points, 0, far, tol2, &mut keep);
        // The second half runs from `far` back round to point 0.
        let mut tail: Vec<[f64; 2]> = points[far..].to_vec();
        tail.push(points[0]);
        let mut tail_keep = vec![false; tail.len()];
        mark(&tail, 0, tail.len() - 1, tol2, &mut tail_keep);
        for (i, k) in tail_keep.iter().enumerate().take(tail.len() - 1) {
            if *k {
                keep[far + i] = true;
            }
        }
    } else {
        keep[0] = true;
        keep[n - 1] = true;
        mark(points, 0, n - 1, tol2, &mut keep);
    }
    let out: Vec<[f64; 2]> = points
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect();
    let min = if closed { 3 } else { 2 };
    if out.len() < min {
        Vec::new()
    } else {
        out
    }
}

fn mark(points: &[[f64; 2]], first: usize, last: usize, tol2: f64, keep: &mut [bool]) {
    let mut stack = vec![(first, last)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut worst, mut worst_d) = (a, -1.0);
        for i in a + 1..b {
            let d = segment_dist2(points[i], points[a], points[b]);
            if d > worst_d {
                worst = i;
                worst_d = d;
            }
        }
        if worst_d > tol2 {
            keep[worst] = true;
            stack.push((a, worst));
            stack.push((worst, b));
        }
    }
}

fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

fn segment_dist2(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let d = [b[0] - a[0], b[1] - a[1]];
    let len2 = d[0] * d[0] + d[1] * d[1];
    if len2 == 0.0 {
        return dist2(p, a);
    }
    let t = crate::math::clamp(
        ((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len2,
        0.0,
        1.0,
    );
    dist2(p, [a[0] + t * d[0], a[1] + t * d[1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dropped_point_lies_within_the_tolerance_of_the_result() {
        // A wiggly coast: a sine with noise-like harmonics.
        let line: Vec<[f64; 2]> = (0..2000)
            .map(|i| {
                let x = f64::from(i) * 0.1;
                [x, (x * 0.7).sin() * 20.0 + (x * 5.3).sin() * 0.4]
            })
            .collect();
        let simple = simplify(&line, 1.0, false);
        assert!(
            simple.len() < line.len() / 4,
            "{} points kept",
            simple.len()
        );
        assert_eq!(simple.first(), line.first());
        assert_eq!(simple.last(), line.last());
        for p in &line {
            let near = simple
                .windows(2)
                .map(|w| segment_dist2(*p, w[0], w[1]))
                .fold(f64::INFINITY, f64::min);
            assert!(near <= 1.0 + 1e-9, "{p:?} is {near} away");
        }
    }

    #[test]
    fn rings_keep_their_shape_or_vanish() {
        let square: Vec<[f64; 2]> = (0..400)
            .map(|i| {
                let t = f64::from(i) / 100.0;
                match i / 100 {
                    0 => [t * 10.0, 0.0],
                    1 => [10.0, (t - 1.0) * 10.0],
                    2 => [10.0 - (t - 2.0) * 10.0, 10.0],
                    _ => [0.0, 10.0 - (t - 3.0) * 10.0],
                }
            })
            .collect();
        let simple = simplify(&square, 0.1, true);
        assert_eq!(simple.len(), 4, "{simple:?}");
        let speck = vec![[0.0, 0.0], [0.1, 0.0], [0.1, 0.1], [0.0, 0.1]];
        assert!(simplify(&speck, 1.0, true).is_empty());
        // A long thin ring is not cut in half at a bad split point.
        let long: Vec<[f64; 2]> = (0..1000)
            .map(|i| [f64::from(i), 0.0])
            .chain((0..1000).rev().map(|i| [f64::from(i), 5.0]))
            .collect();
        assert_eq!(simplify(&long, 1.0, true).len(), 4);
    }
}
