//! Where each dated event goes on the time axis at a given width: its
//! button, its bar or dot, its label's row; and the labels' text.
//!
//! The timeline component measures the axis and the labels and draws what
//! this returns.

use crate::story::Precision;

use super::labels::{place_labels_with, LabelInput, LabelOptions};
use super::ticks::{Tick, TickOptions};
use super::TimeAxis;

/// The least distance between two tick labels, in px.
pub const TICK_SPACING_PX: f64 = 56.0;
/// Rows of event labels above the axis; labels that need more are hidden.
pub const LABEL_ROWS: usize = 2;
/// The height of one row of labels (a label and the space above it), in px.
pub const LABEL_ROW_PX: f64 = 18.0;
/// The least free space between two labels in a row, in px.
pub const LABEL_GAP_PX: f64 = 6.0;
/// The longest label, in characters; longer titles are cut with an ellipsis.
pub const LABEL_MAX_CHARS: usize = 24;
/// Estimated width of one label character (12 px text), in px, until the
/// labels are measured. Labels are given exactly the width planned for them,
/// so a wider text is cut by CSS and can never reach into its neighbour.
pub const LABEL_CHAR_PX: f64 = 6.6;
/// A label's horizontal padding, both sides together, in px.
pub const LABEL_PADDING_PX: f64 = 8.0;
/// A label's height, in px (as `.dl-timeline-label` in CSS).
pub const LABEL_HEIGHT_PX: f64 = 16.0;
/// How far row 0's labels sit above the middle of the mark, in px.
pub const LABEL_LIFT_PX: f64 = 10.0;
/// Half a button's height, in px: the mark is in the middle of its 44 px.
pub const HALF_TARGET_PX: f64 = 22.0;
/// The narrowest bar drawn for a year or a month, in px.
pub const MIN_BAR_PX: f64 = 10.0;
/// The diameter of a day's dot, in px (as `.dl-timeline-dot` in CSS).
pub const DOT_PX: f64 = 12.0;
/// The narrowest button around a mark, in px (every button is 44 px tall).
pub const MIN_TARGET_PX: f64 = 24.0;
/// How far a lane-0 button reaches below the marks, over the ticks, in px
/// (as `.dl-timeline-event` in CSS).
pub const TARGET_REACH_PX: f64 = 24.0;

/// Where one mark, its button and its label go at the current width, in px.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MarkLayout {
    /// The button's left edge, from the axis's left edge.
    pub left: f64,
    /// The button's width (at least [`MIN_TARGET_PX`]).
    pub width: f64,
    /// The visible bar's width (a year's or month's span, at least [`MIN_BAR_PX`]).
    pub bar: f64,
    /// The label's left edge, from the button's left edge.
    pub label_left: f64,
    /// The label's width.
    pub label_width: f64,
    /// The label's row, 0 nearest the axis.
    pub row: usize,
    /// Whether the label is shown (its row is below [`LABEL_ROWS`]).
    pub label_shown: bool,
    /// The button's lane: 0 for buttons that overlap no other lane-0
    /// button (they reach [`TARGET_REACH_PX`] further down, over the ticks),
    /// 1 for those that overlap one (they sit above lane 0). See [`lanes`].
    pub lane: u8,
}

/// Everything on the axis that depends on its width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AxisLayout {
    /// The axis's width, in px.
    pub width: f64,
    /// One per dated event, in reading order.
    pub marks: Vec<MarkLayout>,
    /// The tick marks and their labels.
    pub ticks: Vec<Tick>,
    /// Room above the marks for the rows of labels in use, in px.
    pub label_room: f64,
}

/// Lays out the marks, labels and ticks for an axis `width` px wide, with
/// labels in at most `label_rows` rows (0: every label hidden until its mark
/// is hovered or focused, as on a compact timeline) and month ticks named
/// by `months` (January first, in the reader's language).
pub fn layout_marks(
    axis: Option<&TimeAxis>,
    fractions: &[(f64, f64, Precision)],
    label_widths: &[f64],
    width: f64,
    label_rows: usize,
    months: &[&str; 12],
) -> AxisLayout {
    let Some(axis) = axis else {
        return AxisLayout::default();
    };
    let centres: Vec<f64> = fractions
        .iter()
        .map(|(from, to, _)| (from + to) / 2.0 * width)
        .collect();
    let inputs: Vec<LabelInput> = centres
        .iter()
        .zip(label_widths)
        .map(|(&x, &w)| LabelInput {
            x,
            width: w.min(width.max(0.0)),
        })
        .collect();
    let options = LabelOptions {
        max_rows: label_rows,
        gap_px: LABEL_GAP_PX,
    };
    let placements = place_labels_with(&inputs, width, &options);
    let marks: Vec<MarkLayout> = fractions
        .iter()
        .zip(&centres)
        .zip(inputs.iter().zip(&placements))
        .map(|(((from, to, precision), &centre), (input, placement))| {
            let bar = match precision {
                Precision::Day => DOT_PX,
                Precision::Month | Precision::Year => ((to - from) * width).max(MIN_BAR_PX),
            };
            let target = bar.max(MIN_TARGET_PX);
            let left = centre - target / 2.0;
            MarkLayout {
                left,
                width: target,
                bar,
                label_left: placement.left - left,
                label_width: input.width,
                row: placement.row,
                label_shown: placement.visible,
                lane: 0,
            }
        })
        .collect();
    let spans: Vec<(f64, f64)> = marks.iter().map(|m| (m.left, m.left + m.width)).collect();
    let mut marks = marks;
    for (m, lane) in marks.iter_mut().zip(lanes(&spans)) {
        m.lane = lane;
    }
    let rows = marks
        .iter()
        .filter(|m| m.label_shown)
        .map(|m| m.row + 1)
        .max()
        .unwrap_or(0);
    let options = TickOptions {
        min_spacing_px: TICK_SPACING_PX,
        month_names: months,
        ..TickOptions::default()
    };
    AxisLayout {
        width,
        marks,
        ticks: axis.ticks_with(width, &options),
        label_room: label_room(rows),
    }
}

/// Lanes that keep every button a target of at least 24 × 24 px a pointer
/// reaches (WCAG 2.5.8) when marks crowd, as a month inside its year does:
/// left to right, a button goes to lane 0 unless it overlaps the last lane-0
/// button, then to lane 1. Lane-0 buttons never overlap one another, and
/// each reaches [`TARGET_REACH_PX`] below the marks where no lane-1 button
/// is; lane-1 buttons lie on top, where their marks are drawn.
///
/// # Examples
///
/// ```
/// use dateline_core::timeline::marks::lanes;
///
/// // A year [0, 50) with a month inside it, then a day clear of both.
/// assert_eq!(lanes(&[(0.0, 50.0), (17.0, 41.0), (60.0, 84.0)]), vec![0, 1, 0]);
/// ```
pub fn lanes(spans: &[(f64, f64)]) -> Vec<u8> {
    let order =
        crate::sorting::stable_order(spans.len(), &mut |a, b| spans[a].0.total_cmp(&spans[b].0));
    let mut lanes = vec![0; spans.len()];
    let mut lane0_end = f64::NEG_INFINITY;
    for i in order {
        let (left, right) = spans[i];
        if left >= lane0_end - 1e-9 {
            lane0_end = right;
        } else {
            lanes[i] = 1;
        }
    }
    lanes
}

impl AxisLayout {
    /// The same layout read right to left: time runs from the right edge,
    /// labels keep their text order (for a right-to-left language).
    pub fn mirrored(mut self) -> AxisLayout {
        for m in &mut self.marks {
            m.left = self.width - m.left - m.width;
            m.label_left = m.width - m.label_left - m.label_width;
        }
        for t in &mut self.ticks {
            t.at = 1.0 - t.at;
        }
        self
    }
}

/// The room above the buttons that `rows` rows of labels need, in px.
pub fn label_room(rows: usize) -> f64 {
    let Some(more) = rows.checked_sub(1) else {
        return 0.0;
    };
    // Row 0 reaches above the button's top; each further row adds its height.
    let first = LABEL_LIFT_PX + LABEL_HEIGHT_PX - HALF_TARGET_PX;
    (first + more as f64 * LABEL_ROW_PX).max(0.0) + 4.0
}

/// At most `max` of `items`, evenly spread, keeping the first and the last.
pub fn sample<T>(items: Vec<T>, max: usize) -> Vec<T> {
    let n = items.len();
    if n <= max || max < 2 {
        return items;
    }
    let keep: Vec<usize> = (0..max).map(|i| i * (n - 1) / (max - 1)).collect();
    items
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.binary_search(i).is_ok())
        .map(|(_, item)| item)
        .collect()
}

/// `title` cut to at most `max_chars` characters (the ellipsis included),
/// at a word boundary when one is near.
pub fn short_label(title: &str, max_chars: usize) -> String {
    let title = title.trim();
    if title.chars().count() <= max_chars {
        return title.to_string();
    }
    let cut: String = title.chars().take(max_chars.saturating_sub(1)).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(at) if cut[..at].chars().count() >= max_chars * 2 / 3 => &cut[..at],
        _ => cut.as_str(),
    };
    let trimmed = at_word.trim_end_matches(|c: char| c.is_whitespace() || ",;:.-–—".contains(c));
    format!("{trimmed}…")
}

/// The estimated width of a label, in px.
pub fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * LABEL_CHAR_PX + LABEL_PADDING_PX
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::PartialDate;
    use crate::timeline::MONTHS_SHORT_EN;

    fn axis_and_marks() -> (TimeAxis, Vec<(f64, f64, Precision)>) {
        let dates: Vec<PartialDate> = ["2018-05-07", "2019", "2019-08", "2022-06-10", "2023-09"]
            .iter()
            .map(|d| PartialDate::parse(d).expect("a date"))
            .collect();
        let axis = TimeAxis::from_dates(&dates).expect("an axis");
        let marks = dates
            .iter()
            .map(|d| {
                let (from, to) = axis.span_of(d);
                (from, to, d.precision())
            })
            .collect();
        (axis, marks)
    }

    #[test]
    fn a_compact_axis_hides_every_label_and_needs_no_room_above() {
        let (axis, marks) = axis_and_marks();
        let widths = vec![60.0; marks.len()];
        let compact = layout_marks(Some(&axis), &marks, &widths, 600.0, 0, &MONTHS_SHORT_EN);
        assert!(compact.marks.iter().all(|m| !m.label_shown));
        assert_eq!(compact.label_room, 0.0);
        let expanded = layout_marks(
            Some(&axis),
            &marks,
            &widths,
            600.0,
            LABEL_ROWS,
            &MONTHS_SHORT_EN,
        );
        assert!(expanded.marks.iter().all(|m| m.label_shown));
        assert!(expanded.label_room > 0.0);
        // The marks themselves are where they were.
        for (a, b) in compact.marks.iter().zip(&expanded.marks) {
            assert_eq!((a.left, a.width, a.bar), (b.left, b.width, b.bar));
        }
    }

    #[test]
    fn marks_are_big_enough_to_tap_and_days_are_dots() {
        let (axis, marks) = axis_and_marks();
        let layout = layout_marks(
            Some(&axis),
            &marks,
            &[50.0; 5],
            320.0,
            LABEL_ROWS,
            &MONTHS_SHORT_EN,
        );
        assert_eq!(layout.marks.len(), 5);
        for (m, (_, _, precision)) in layout.marks.iter().zip(&marks) {
            assert!(m.width >= MIN_TARGET_PX);
            match precision {
                Precision::Day => assert_eq!(m.bar, DOT_PX),
                _ => assert!(m.bar >= MIN_BAR_PX),
            }
        }
        assert!(!layout.ticks.is_empty());
        assert_eq!(
            layout_marks(None, &marks, &[], 320.0, 2, &MONTHS_SHORT_EN),
            AxisLayout::default()
        );
    }

    #[test]
    fn crowded_marks_take_a_second_lane_and_lane_zero_never_overlaps() {
        let (axis, marks) = axis_and_marks();
        // At a phone's width 2019 holds August 2019.
        let layout = layout_marks(Some(&axis), &marks, &[50.0; 5], 343.0, 0, &MONTHS_SHORT_EN);
        let given: Vec<u8> = layout.marks.iter().map(|m| m.lane).collect();
        assert_eq!(given[1], 0, "the year stays in lane 0");
        assert_eq!(given[2], 1, "the month inside it goes above it");
        let lane0: Vec<&MarkLayout> = layout.marks.iter().filter(|m| m.lane == 0).collect();
        for (a, b) in lane0.iter().zip(lane0.iter().skip(1)) {
            assert!(a.left + a.width <= b.left + 1e-9, "{a:?} overlaps {b:?}");
        }
        // Wide, nothing overlaps but the month in its year.
        let wide = layout_marks(Some(&axis), &marks, &[50.0; 5], 1200.0, 0, &MONTHS_SHORT_EN);
        assert_eq!(wide.marks.iter().filter(|m| m.lane == 1).count(), 1);
        assert!(lanes(&[]).is_empty());
    }

    #[test]
    fn right_to_left_time_runs_from_the_right_edge() {
        let (axis, marks) = axis_and_marks();
        let ltr = layout_marks(
            Some(&axis),
            &marks,
            &[40.0; 5],
            600.0,
            LABEL_ROWS,
            &MONTHS_SHORT_EN,
        );
        let rtl = ltr.clone().mirrored();
        for (a, b) in ltr.marks.iter().zip(&rtl.marks) {
            assert!((a.left + a.width / 2.0 + b.left + b.width / 2.0 - 600.0).abs() < 1e-9);
            assert_eq!(
                (a.width, a.row, a.label_shown),
                (b.width, b.row, b.label_shown)
            );
        }
        // The first event is now at the right.
        assert!(rtl.marks[0].left > rtl.marks[4].left);
        assert!((ltr.ticks[0].at + rtl.ticks[0].at - 1.0).abs() < 1e-12);
    }

    #[test]
    fn room_for_label_rows() {
        assert_eq!(label_room(0), 0.0);
        assert_eq!(label_room(1), 8.0);
        assert_eq!(label_room(2), 8.0 + LABEL_ROW_PX);
    }

    #[test]
    fn samples_keep_the_ends() {
        let kept = sample((0..1000).collect::<Vec<_>>(), 300);
        assert_eq!(kept.len(), 300);
        assert_eq!((kept[0], kept[299]), (0, 999));
        assert_eq!(sample(vec![1, 2, 3], 300), vec![1, 2, 3]);
    }

    #[test]
    fn labels_are_cut_at_a_word() {
        assert_eq!(
            short_label("Kim Jong Un gets an Aurus", 24),
            "Kim Jong Un gets an…"
        );
        assert_eq!(short_label("  Short  ", 24), "Short");
        assert_eq!(
            short_label("Supercalifragilisticexpialidocious", 10),
            "Supercali…"
        );
        assert!(label_width("abc") > label_width("a"));
    }
}
