//! Rings to compact SVG path data.

use std::fmt::Write;

use super::Ring;

/// Decimals beyond this are ignored: `f32` world coordinates carry no more.
pub const MAX_DECIMALS: usize = 6;

/// SVG path data for `rings`, coordinates multiplied by `scale`, with at most
/// `decimals` decimals (capped at [`MAX_DECIMALS`]). Closed rings end in `z`.
///
/// The output uses relative commands (`m` then implicit `l` deltas), which is
/// about a third shorter than absolute ones. Deltas are taken between
/// *rounded* absolute positions, so rounding never drifts along a ring.
/// Points that round onto the previous one are dropped, and rings left with
/// fewer than 2 points (3 if `closed`) are skipped: they would be invisible
/// at this scale. Non-finite points are skipped too.
///
/// # Examples
///
/// ```
/// use dateline_core::basemap::to_svg_path;
/// let square = vec![[0.25, 0.25], [0.5, 0.25], [0.5, 0.5], [0.25, 0.5]];
/// assert_eq!(to_svg_path(&[square], 10.0, true, 1), "m2.5 2.5 2.5 0 0 2.5-2.5 0z");
/// ```
pub fn to_svg_path(rings: &[Ring], scale: f32, closed: bool, decimals: usize) -> String {
    let decimals = decimals.min(MAX_DECIMALS);
    // Work in integers of 10^-decimals units: exact deltas, no float printing.
    let unit = 10f64.powi(decimals as i32) * f64::from(scale);
    let min_points = if closed { 3 } else { 2 };
    let mut out = String::new();
    let mut pen = Pen::default();
    let mut points: Vec<[i64; 2]> = Vec::new();
    for ring in rings {
        points.clear();
        for p in ring {
            if !(p[0].is_finite() && p[1].is_finite()) {
                continue;
            }
            // `as` saturates, so even a huge scale cannot panic here.
            let q = [
                (f64::from(p[0]) * unit).round() as i64,
                (f64::from(p[1]) * unit).round() as i64,
            ];
            if points.last() != Some(&q) {
                points.push(q);
            }
        }
        if closed {
            while points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
        }
        if points.len() < min_points {
            continue;
        }
        out.push('m');
        pen.after_command();
        let mut at = pen.current;
        for &p in &points {
            pen.number(&mut out, p[0].saturating_sub(at[0]), decimals);
            pen.number(&mut out, p[1].saturating_sub(at[1]), decimals);
            at = p;
        }
        if closed {
            out.push('z');
            pen.after_command();
            // After `z` the current point is the subpath's start.
            pen.current = points[0];
        } else {
            pen.current = at;
        }
    }
    out
}

/// Where the path's current point is, and what the last character written
/// means for the separator the next number needs.
#[derive(Default)]
struct Pen {
    current: [i64; 2],
    /// Nothing needed before the next number (start, or after a command letter).
    fresh: bool,
    /// The last number written had a decimal point, so a following `.5` can
    /// start right after it ("1.5.5" reads as 1.5, .5 in SVG path grammar).
    had_point: bool,
}

impl Pen {
    fn after_command(&mut self) {
        self.fresh = true;
        self.had_point = false;
    }

    /// Writes `value` (in units of 10^-decimals) as the shortest SVG number,
    /// with a separator only where the grammar needs one.
    fn number(&mut self, out: &mut String, value: i64, decimals: usize) {
        let pow = 10u64.pow(decimals as u32);
        let abs = value.unsigned_abs();
        let (int, mut frac) = (abs / pow, abs % pow);
        let mut frac_digits = decimals;
        while frac != 0 && frac % 10 == 0 {
            frac /= 10;
            frac_digits -= 1;
        }
        let leading_point = int == 0 && frac != 0;
        let needs_space = !self.fresh && value >= 0 && !(leading_point && self.had_point);
        if needs_space {
            out.push(' ');
        }
        if value < 0 {
            out.push('-');
        }
        // Writing to a String cannot fail.
        if !leading_point {
            let _ = write!(out, "{int}");
        }
        if frac != 0 {
            let _ = write!(out, ".{frac:0frac_digits$}");
        }
        self.fresh = false;
        self.had_point = frac != 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_rings_are_relative_and_end_in_z() {
        let tri = vec![[0.0, 0.0], [0.5, 0.0], [0.5, 0.5]];
        assert_eq!(
            to_svg_path(std::slice::from_ref(&tri), 10.0, true, 0),
            "m0 0 5 0 0 5z"
        );
        assert_eq!(to_svg_path(&[tri], 10.0, false, 0), "m0 0 5 0 0 5");
    }

    #[test]
    fn the_next_ring_starts_from_the_right_current_point() {
        let a = vec![[0.1, 0.1], [0.2, 0.1], [0.2, 0.2]];
        let b = vec![[0.5, 0.5], [0.6, 0.5], [0.6, 0.6]];
        // Closed: after z the pen is back at (1, 1), so b starts at +4 +4.
        assert_eq!(
            to_svg_path(&[a.clone(), b.clone()], 10.0, true, 0),
            "m1 1 1 0 0 1zm4 4 1 0 0 1z"
        );
        // Open: the pen stays at (2, 2), so b starts at +3 +3.
        assert_eq!(
            to_svg_path(&[a, b], 10.0, false, 0),
            "m1 1 1 0 0 1m3 3 1 0 0 1"
        );
    }

    #[test]
    fn numbers_are_short_and_separated_only_when_needed() {
        let line = vec![
            [0.0, 0.0],
            [0.05, -0.12],
            [0.1, -0.07],
            [0.13, -0.02],
            [1.33, 0.0],
        ];
        assert_eq!(
            to_svg_path(&[line], 10.0, false, 1),
            "m0 0 .5-1.2.5.5.3.5 12 .2"
        );
    }

    #[test]
    fn decimals_bound_the_output_and_do_not_drift() {
        let line: Ring = (0..=100).map(|i| [i as f32 * 0.001_234, 0.5]).collect();
        let path = to_svg_path(&[line], 1024.0, false, 2);
        for number in path.trim_start_matches('m').split([' ', '-']) {
            let decimals = number.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 2, "{number} in {path}");
        }
        // Summing the deltas lands exactly on the rounded last point.
        let sum: f64 = path
            .trim_start_matches('m')
            .replace('-', " -")
            .split_whitespace()
            .step_by(2)
            .map(|n| n.parse::<f64>().unwrap())
            .sum();
        // 100 · 0.001234 · 1024 = 126.3616, rounded once: 126.36.
        assert!((sum - 126.36).abs() < 1e-9, "{sum}");
    }

    #[test]
    fn degenerate_and_non_finite_rings_are_skipped() {
        let tiny = vec![[0.1, 0.1], [0.1001, 0.1], [0.1, 0.1001]];
        assert_eq!(to_svg_path(std::slice::from_ref(&tiny), 10.0, true, 1), "");
        assert_eq!(to_svg_path(&[tiny], 10.0, false, 1), "");
        let nan = vec![
            [f32::NAN, 0.0],
            [0.0, 0.0],
            [f32::INFINITY, 1.0],
            [1.0, 1.0],
        ];
        assert_eq!(to_svg_path(&[nan], 1.0, false, 0), "m0 0 1 1");
        assert_eq!(to_svg_path(&[], 1.0, true, 2), "");
    }

    #[test]
    fn excessive_decimals_are_capped() {
        let line = vec![[0.0, 0.0], [0.123_456_7, 0.0]];
        assert_eq!(to_svg_path(&[line], 1.0, false, 40), "m0 0 .123457 0");
    }
}
