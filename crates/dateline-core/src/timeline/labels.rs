//! Stacking event labels in rows above the time axis so none overlap.

/// One event mark and its label, in pixels along the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelInput {
    /// The mark's position, px from the axis's left edge.
    pub x: f64,
    /// The label's width in px, as estimated by the caller.
    pub width: f64,
}

/// Where one label goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelPlacement {
    /// The row, 0 nearest the axis. Rows are packed as if unlimited, so a
    /// hidden label keeps the row it would have had (at or past `max_rows`).
    pub row: usize,
    /// The label's left edge in px: centred on the mark, shifted to stay
    /// within the axis when it can.
    pub left: f64,
    /// Whether to draw the label; the mark is drawn either way.
    pub visible: bool,
}

/// How [`place_labels_with`] packs labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelOptions {
    /// Rows of labels to show; labels that need a later row are hidden.
    /// Default: 3.
    pub max_rows: usize,
    /// The least free space between two labels in one row, in px; negative
    /// or NaN counts as 0. Default: 6.
    pub gap_px: f64,
}

impl Default for LabelOptions {
    fn default() -> Self {
        LabelOptions {
            max_rows: 3,
            gap_px: 6.0,
        }
    }
}

/// [`place_labels_with`] with the default [`LabelOptions`] (3 rows, 6 px gaps).
///
/// # Examples
///
/// ```
/// use dateline_core::timeline::{place_labels, LabelInput};
///
/// let items = [
///     LabelInput { x: 100.0, width: 80.0 },
///     LabelInput { x: 120.0, width: 80.0 }, // overlaps the first: next row
///     LabelInput { x: 300.0, width: 80.0 },
/// ];
/// let rows: Vec<usize> = place_labels(&items, 400.0).iter().map(|p| p.row).collect();
/// assert_eq!(rows, [0, 1, 0]);
/// ```
pub fn place_labels(items: &[LabelInput], width_px: f64) -> Vec<LabelPlacement> {
    place_labels_with(items, width_px, &LabelOptions::default())
}

/// Gives each label a row so that no two labels in a row overlap (nor come
/// closer than `gap_px`), and hides the labels whose row is `max_rows` or more.
///
/// Each label is centred on its mark, then shifted to lie within
/// `0..=width_px` (a label wider than the axis starts at 0; a `width_px`
/// that is not a positive finite number leaves labels centred). Labels are
/// then taken left edge first (input order breaks ties) and each goes into
/// the lowest row where it fits: greedy interval packing, which uses as few
/// rows as possible. Placements come back in input order. Raising `max_rows`
/// only reveals labels; it never moves one.
///
/// Never panics. A label with a non-finite `x` or `width` is hidden (row 0,
/// `left` 0); a negative width counts as 0.
pub fn place_labels_with(
    items: &[LabelInput],
    width_px: f64,
    options: &LabelOptions,
) -> Vec<LabelPlacement> {
    let gap = options.gap_px.max(0.0);
    let mut placements: Vec<LabelPlacement> = items
        .iter()
        .map(|item| LabelPlacement {
            row: 0,
            left: left_edge(item, width_px).unwrap_or(0.0),
            visible: false,
        })
        .collect();
    // `(left, width, index)` of the labels that can be placed.
    let mut queue: Vec<(f64, f64, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| Some((left_edge(item, width_px)?, item.width.max(0.0), i)))
        .collect();
    crate::sorting::sort_by(&mut queue, |a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
    // Where each row is free again: the right edge of its last label plus the gap.
    let mut row_free_from: Vec<f64> = Vec::new();
    for (left, width, index) in queue {
        let row = match row_free_from.iter().position(|&free| left >= free) {
            Some(row) => row,
            None => {
                row_free_from.push(f64::NEG_INFINITY);
                row_free_from.len() - 1
            }
        };
        if let Some(free) = row_free_from.get_mut(row) {
            *free = left + width + gap;
        }
        if let Some(p) = placements.get_mut(index) {
            p.row = row;
            p.visible = row < options.max_rows;
        }
    }
    placements
}

/// The label's left edge, or `None` when its position or width is not finite.
fn left_edge(item: &LabelInput, width_px: f64) -> Option<f64> {
    if !(item.x.is_finite() && item.width.is_finite()) {
        return None;
    }
    let width = item.width.max(0.0);
    let centred = item.x - width / 2.0;
    if !(width_px.is_finite() && width_px > 0.0) {
        return Some(centred);
    }
    // `max(0.0)` after `min` puts a label wider than the axis at 0.
    Some(centred.min(width_px - width).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator (Knuth's MMIX constants): no `rand` crate.
    struct Lcg(u64);

    impl Lcg {
        fn next_f64(&mut self) -> f64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }

        fn range(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * self.next_f64()
        }
    }

    fn item(x: f64, width: f64) -> LabelInput {
        LabelInput { x, width }
    }

    /// Checks no two visible labels in a row come within `gap` of each other,
    /// and that hidden labels are exactly those at `max_rows` or beyond.
    fn assert_no_overlap(items: &[LabelInput], out: &[LabelPlacement], options: &LabelOptions) {
        assert_eq!(items.len(), out.len());
        let gap = options.gap_px.max(0.0);
        for (i, (a, pa)) in items.iter().zip(out).enumerate() {
            if a.x.is_finite() && a.width.is_finite() {
                assert_eq!(pa.visible, pa.row < options.max_rows, "label {i}");
            } else {
                assert!(!pa.visible);
            }
            for (j, (b, pb)) in items.iter().zip(out).enumerate().skip(i + 1) {
                if !(pa.visible && pb.visible) || pa.row != pb.row {
                    continue;
                }
                let (ra, rb) = (pa.left + a.width.max(0.0), pb.left + b.width.max(0.0));
                assert!(
                    ra + gap <= pb.left || rb + gap <= pa.left,
                    "labels {i} and {j} overlap in row {}: {pa:?} {a:?} / {pb:?} {b:?}",
                    pa.row
                );
            }
        }
    }

    #[test]
    fn randomized_never_overlaps_within_a_row() {
        let mut rng = Lcg(0x5eed_da7e_1e7e);
        for round in 0..400 {
            let n = (rng.next_f64() * 40.0) as usize;
            let width_px = [200.0, 320.0, 768.0, 1200.0][round % 4];
            let items: Vec<LabelInput> = (0..n)
                .map(|_| item(rng.range(-40.0, width_px + 40.0), rng.range(0.0, 220.0)))
                .collect();
            let options = LabelOptions {
                max_rows: round % 5,
                gap_px: [0.0, 6.0, 13.5][round % 3],
            };
            let out = place_labels_with(&items, width_px, &options);
            assert_no_overlap(&items, &out, &options);
            assert_eq!(
                out,
                place_labels_with(&items, width_px, &options),
                "deterministic"
            );
            // With no row limit every label shows, still without overlaps.
            let all = LabelOptions {
                max_rows: usize::MAX,
                ..options
            };
            let unlimited = place_labels_with(&items, width_px, &all);
            assert!(unlimited.iter().all(|p| p.visible));
            assert_no_overlap(&items, &unlimited, &all);
            // Raising the limit reveals labels without moving any.
            for (a, b) in out.iter().zip(&unlimited) {
                assert_eq!((a.row, a.left), (b.row, b.left));
            }
            // Labels that fit stay on the axis.
            for (it, p) in items.iter().zip(&out) {
                if it.width <= width_px {
                    assert!(
                        p.left >= 0.0 && p.left + it.width <= width_px + 1e-9,
                        "{it:?} {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn uses_as_few_rows_as_the_densest_point_needs() {
        let mut rng = Lcg(42);
        for _ in 0..200 {
            let items: Vec<LabelInput> = (0..25)
                .map(|_| item(rng.range(0.0, 600.0), rng.range(10.0, 150.0)))
                .collect();
            let options = LabelOptions {
                max_rows: usize::MAX,
                gap_px: 6.0,
            };
            let out = place_labels_with(&items, 600.0, &options);
            let rows = out.iter().map(|p| p.row + 1).max().unwrap_or(0);
            // The most labels covering one left edge (each extended by the gap).
            let depth = out
                .iter()
                .map(|p| {
                    items
                        .iter()
                        .zip(&out)
                        .filter(|(it, q)| q.left <= p.left && p.left < q.left + it.width + 6.0)
                        .count()
                })
                .max()
                .unwrap_or(0);
            assert_eq!(rows, depth);
        }
    }

    #[test]
    fn hides_labels_beyond_max_rows() {
        let items = vec![item(100.0, 80.0); 5];
        let out = place_labels(&items, 400.0);
        let rows: Vec<usize> = out.iter().map(|p| p.row).collect();
        assert_eq!(rows, [0, 1, 2, 3, 4]);
        let visible: Vec<bool> = out.iter().map(|p| p.visible).collect();
        assert_eq!(visible, [true, true, true, false, false]);
        let none = LabelOptions {
            max_rows: 0,
            ..LabelOptions::default()
        };
        assert!(place_labels_with(&items, 400.0, &none)
            .iter()
            .all(|p| !p.visible));
    }

    #[test]
    fn reuses_rows_and_keeps_labels_on_the_axis() {
        let out = place_labels(
            &[
                item(10.0, 60.0),  // clamped to left 0
                item(50.0, 60.0),  // 20..80 overlaps 0..60
                item(100.0, 40.0), // 80..120: fits row 0 after 0..60 + 6
                item(395.0, 50.0), // clamped to 350..400
            ],
            400.0,
        );
        let got: Vec<(usize, f64)> = out.iter().map(|p| (p.row, p.left)).collect();
        assert_eq!(got, [(0, 0.0), (1, 20.0), (0, 80.0), (0, 350.0)]);
        // Touching exactly at the gap is allowed.
        let out = place_labels(&[item(50.0, 100.0), item(106.0, 0.0)], 400.0);
        assert_eq!((out[1].row, out[1].left), (0, 106.0));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        assert!(place_labels(&[], 400.0).is_empty());
        let items = [
            item(f64::NAN, 50.0),
            item(100.0, f64::NAN),
            item(f64::INFINITY, 50.0),
            item(100.0, -20.0),
            item(100.0, 1000.0),
            item(-1e300, 1e300),
        ];
        for width in [f64::NAN, 0.0, -1.0, f64::INFINITY, 400.0] {
            for gap in [f64::NAN, -5.0, f64::INFINITY, 6.0] {
                let options = LabelOptions {
                    max_rows: 3,
                    gap_px: gap,
                };
                let out = place_labels_with(&items, width, &options);
                assert_eq!(out.len(), items.len());
                assert!(!out[0].visible && !out[1].visible && !out[2].visible);
                assert!(out[3].visible, "a zero-width label still gets a row");
                assert!(out.iter().all(|p| p.left.is_finite()));
            }
        }
        let out = place_labels(&[item(100.0, 1000.0)], 400.0);
        assert_eq!(out[0].left, 0.0);
    }
}
