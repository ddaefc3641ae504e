//! Where the details panel goes in a map of a given size, and which part of
//! the map it leaves free: one decision, used by the CSS (through the
//! classes and sizes the component publishes) and by every view change that
//! frames a selection.
//!
//! A map wide enough to keep [`MIN_FREE_WIDTH_PX`] beside the panel has it
//! on its right; a narrower one has it as a bottom sheet, which starts as a
//! heading bar so that the map, not the story's text, is what a reader sees
//! first.

use crate::geo::{Insets, Size};

/// The side panel's width: this share of the map's width…
pub const SIDE_PANEL_SHARE: f64 = 0.42;
/// …but at least this many px…
pub const SIDE_PANEL_MIN_PX: f64 = 260.0;
/// …and at most this many.
pub const SIDE_PANEL_MAX_PX: f64 = 380.0;
/// The zoom buttons' column at the map's left edge, margin included (as
/// `.dl-controls` in CSS): views are framed to its right.
pub const CONTROLS_PX: f64 = 12.0 + 44.0;
/// Space around the side panel, in px (as `.dl-panel`'s margin in CSS).
pub const SIDE_MARGIN_PX: f64 = 12.0;
/// The least map width, in px, that must stay free beside the panel.
pub const MIN_FREE_WIDTH_PX: f64 = 300.0;
/// Space around the bottom sheet, in px (as the sheet's margin in CSS).
pub const SHEET_MARGIN_PX: f64 = 8.0;
/// An open sheet is at most this share of the map's height.
pub const SHEET_SHARE: f64 = 0.55;
/// A collapsed sheet (its heading bar) is this tall, in px.
pub const SHEET_BAR_PX: f64 = 60.0;
/// From this widget height (px) up, the timeline starts expanded (event
/// titles and undated events shown); below it, one compact row of marks.
pub const EXPANDED_TIMELINE_MIN_HEIGHT_PX: f64 = 640.0;
/// The timeline never takes more than this share of the widget's height
/// (it scrolls inside), so the map keeps the rest.
pub const TIMELINE_MAX_SHARE: f64 = 0.4;

/// Where the panel sits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placement {
    /// Over the right of the map, the full height of the map.
    Side,
    /// Over the bottom of the map, the full width of the map.
    Sheet,
}

/// How much of the panel shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PanelShown {
    /// No panel.
    Hidden,
    /// Only its heading bar (a sheet the reader has not opened).
    Collapsed,
    /// All of it.
    Open,
}

/// The panel's place and size for one map size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelLayout {
    /// Beside the map or as a bottom sheet.
    pub placement: Placement,
    /// The side panel's width, in px (0 for a sheet).
    pub panel_width: f64,
    /// The open sheet's greatest height, in px (0 for a side panel).
    pub sheet_height: f64,
    /// Laid out right to left: the side panel on the left, the zoom buttons
    /// on the right (the map itself is not mirrored).
    pub mirrored: bool,
}

impl PanelLayout {
    /// The layout for a map of `map` px (the widget's width; its height
    /// less the timeline's).
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::geo::Size;
    /// use dateline_core::layout::{PanelLayout, Placement};
    ///
    /// // An article column: the panel beside the map, 300 px of map left free.
    /// let column = PanelLayout::for_map(Size::new(640.0, 280.0));
    /// assert_eq!(column.placement, Placement::Side);
    /// assert!(640.0 - column.covered_when_open().right >= 300.0);
    /// // A phone: a bottom sheet.
    /// assert_eq!(PanelLayout::for_map(Size::new(375.0, 360.0)).placement, Placement::Sheet);
    /// ```
    pub fn for_map(map: Size) -> PanelLayout {
        let map = map.sanitized();
        let panel_width = crate::math::clamp(
            map.width * SIDE_PANEL_SHARE,
            SIDE_PANEL_MIN_PX,
            SIDE_PANEL_MAX_PX,
        );
        if map.width - panel_width - 2.0 * SIDE_MARGIN_PX >= MIN_FREE_WIDTH_PX {
            PanelLayout {
                placement: Placement::Side,
                panel_width,
                sheet_height: 0.0,
                mirrored: false,
            }
        } else {
            PanelLayout {
                placement: Placement::Sheet,
                panel_width: 0.0,
                sheet_height: (map.height * SHEET_SHARE).max(SHEET_BAR_PX),
                mirrored: false,
            }
        }
    }

    /// This layout for a widget laid out right to left (`mirrored`) or not.
    pub fn with_mirrored(self, mirrored: bool) -> PanelLayout {
        PanelLayout { mirrored, ..self }
    }

    /// Whether the panel starts as a heading bar: a sheet would otherwise
    /// cover much of a small map before the reader has seen it.
    pub fn starts_collapsed(&self) -> bool {
        self.placement == Placement::Sheet
    }

    /// What the panel covers when it shows as `shown`.
    pub fn covered(&self, shown: PanelShown) -> Insets {
        match (self.placement, shown) {
            (_, PanelShown::Hidden) => Insets::ZERO,
            (Placement::Side, _) if self.mirrored => Insets {
                left: self.panel_width + 2.0 * SIDE_MARGIN_PX,
                ..Insets::ZERO
            },
            (Placement::Side, _) => Insets {
                right: self.panel_width + 2.0 * SIDE_MARGIN_PX,
                ..Insets::ZERO
            },
            (Placement::Sheet, PanelShown::Collapsed) => Insets {
                bottom: SHEET_BAR_PX + 2.0 * SHEET_MARGIN_PX,
                ..Insets::ZERO
            },
            (Placement::Sheet, PanelShown::Open) => Insets {
                bottom: self.sheet_height + 2.0 * SHEET_MARGIN_PX,
                ..Insets::ZERO
            },
        }
    }

    /// What the open panel covers.
    pub fn covered_when_open(&self) -> Insets {
        self.covered(PanelShown::Open)
    }

    /// The class the widget carries for this layout (`dateline.css` styles each).
    pub fn class(&self) -> &'static str {
        match self.placement {
            Placement::Side => "dl-story dl-panel-side",
            Placement::Sheet => "dl-story dl-panel-sheet",
        }
    }
}

/// The part of the map that views are framed in: what the panel leaves,
/// beside the zoom buttons (right of them; left of them when `mirrored`).
/// (The world may show past its edge only under the panel: that is
/// `covered` alone, see [`crate::geo::constrain_within`].)
///
/// # Examples
///
/// ```
/// use dateline_core::geo::Insets;
/// use dateline_core::layout::{framing, CONTROLS_PX};
///
/// let panel = Insets { right: 300.0, ..Insets::ZERO };
/// assert_eq!(framing(panel, false), Insets { left: CONTROLS_PX, right: 300.0, ..Insets::ZERO });
/// let mirrored = Insets { left: 300.0, ..Insets::ZERO };
/// assert_eq!(framing(mirrored, true), Insets { left: 300.0, right: CONTROLS_PX, ..Insets::ZERO });
/// ```
pub fn framing(covered: Insets, mirrored: bool) -> Insets {
    if mirrored {
        Insets {
            right: covered.right.max(CONTROLS_PX),
            ..covered
        }
    } else {
        Insets {
            left: covered.left.max(CONTROLS_PX),
            ..covered
        }
    }
}

/// Whether the timeline starts expanded in a widget `widget_height` px tall.
pub fn timeline_starts_expanded(widget_height: f64) -> bool {
    widget_height >= EXPANDED_TIMELINE_MIN_HEIGHT_PX
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Widget sizes readers meet: phones, article columns, desktops.
    const SIZES: [(f64, f64); 10] = [
        (320.0, 480.0),
        (375.0, 480.0),
        (414.0, 560.0),
        (600.0, 400.0),
        (640.0, 400.0),
        (680.0, 480.0),
        (720.0, 480.0),
        (760.0, 480.0),
        (1000.0, 560.0),
        (1200.0, 700.0),
    ];

    #[test]
    fn the_panel_always_leaves_room_to_frame_a_place() {
        for (w, h) in SIZES {
            // The map is what the compact timeline (about 120 px) leaves.
            let map = Size::new(w, h - 120.0);
            let layout = PanelLayout::for_map(map);
            let free = framing(layout.covered_when_open(), false).free_size(map);
            assert!(
                free.width >= MIN_FREE_WIDTH_PX - CONTROLS_PX,
                "{w}×{h}: free {free:?}"
            );
            assert!(free.height >= 0.4 * map.height, "{w}×{h}: free {free:?}");
        }
    }

    #[test]
    fn article_columns_have_the_panel_beside_the_map() {
        for w in [600.0, 640.0, 680.0, 720.0, 760.0, 1000.0, 1200.0] {
            let layout = PanelLayout::for_map(Size::new(w, 360.0));
            assert_eq!(layout.placement, Placement::Side, "{w}");
            assert!(!layout.starts_collapsed());
        }
        for w in [320.0, 375.0, 414.0, 560.0] {
            let layout = PanelLayout::for_map(Size::new(w, 360.0));
            assert_eq!(layout.placement, Placement::Sheet, "{w}");
            assert!(layout.starts_collapsed());
        }
    }

    #[test]
    fn the_side_panel_grows_with_the_map_within_limits() {
        let width = |w: f64| PanelLayout::for_map(Size::new(w, 500.0)).panel_width;
        assert_eq!(width(600.0), SIDE_PANEL_MIN_PX);
        assert!((width(720.0) - 302.4).abs() < 1e-9);
        assert_eq!(width(1200.0), SIDE_PANEL_MAX_PX);
        // Where the side panel starts, exactly MIN_FREE_WIDTH_PX stays free.
        let edge = SIDE_PANEL_MIN_PX + 2.0 * SIDE_MARGIN_PX + MIN_FREE_WIDTH_PX;
        assert_eq!(
            PanelLayout::for_map(Size::new(edge, 300.0)).placement,
            Placement::Side
        );
        assert_eq!(
            PanelLayout::for_map(Size::new(edge - 1.0, 300.0)).placement,
            Placement::Sheet
        );
    }

    #[test]
    fn what_the_panel_covers_follows_how_much_of_it_shows() {
        let sheet = PanelLayout::for_map(Size::new(375.0, 360.0));
        assert_eq!(sheet.covered(PanelShown::Hidden), Insets::ZERO);
        assert_eq!(sheet.covered(PanelShown::Collapsed).bottom, 76.0);
        assert!((sheet.covered(PanelShown::Open).bottom - (198.0 + 16.0)).abs() < 1e-9);
        assert_eq!(sheet.covered(PanelShown::Open).right, 0.0);
        let side = PanelLayout::for_map(Size::new(1000.0, 440.0));
        assert_eq!(side.covered(PanelShown::Open).right, 380.0 + 24.0);
        assert_eq!(
            side.covered(PanelShown::Collapsed),
            side.covered(PanelShown::Open)
        );
        assert_eq!(side.class(), "dl-story dl-panel-side");
    }

    #[test]
    fn views_are_framed_right_of_the_zoom_buttons() {
        let sheet = PanelLayout::for_map(Size::new(375.0, 360.0));
        let frame = framing(sheet.covered(PanelShown::Open), false);
        assert_eq!(frame.left, CONTROLS_PX);
        assert_eq!(frame.bottom, sheet.covered(PanelShown::Open).bottom);
        let (dx, dy) = frame.centre_shift();
        assert_eq!(dx, CONTROLS_PX / 2.0);
        assert!(dy < 0.0);
    }

    #[test]
    fn right_to_left_puts_the_panel_on_the_left_and_the_buttons_on_the_right() {
        let layout = PanelLayout::for_map(Size::new(720.0, 360.0)).with_mirrored(true);
        let covered = layout.covered_when_open();
        assert_eq!(
            (covered.left, covered.right),
            (layout.panel_width + 24.0, 0.0)
        );
        let frame = framing(covered, true);
        assert_eq!(frame.right, CONTROLS_PX);
        // The place is framed right of the panel, left of the buttons.
        let (dx, _) = frame.centre_shift();
        assert!(dx > 0.0);
        // A sheet is a sheet either way.
        let sheet = PanelLayout::for_map(Size::new(375.0, 360.0)).with_mirrored(true);
        assert_eq!(sheet.covered_when_open().left, 0.0);
    }

    #[test]
    fn bad_sizes_give_a_sheet_not_a_panic() {
        let layout = PanelLayout::for_map(Size::new(f64::NAN, -5.0));
        assert_eq!(layout.placement, Placement::Sheet);
        assert!(layout.sheet_height.is_finite());
    }

    #[test]
    fn tall_widgets_start_with_the_timeline_expanded() {
        assert!(!timeline_starts_expanded(480.0));
        assert!(!timeline_starts_expanded(560.0));
        assert!(timeline_starts_expanded(800.0));
    }
}
