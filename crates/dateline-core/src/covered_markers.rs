//! Markers under what covers the map: the panel and the zoom buttons. A dot
//! there shows only in part and takes no tap (a click at its centre reaches
//! the panel), so it is left out until the view or the panel moves; the open
//! place's marker always stays.

use crate::geo::{Insets, Size, Viewport};
use crate::markers::{MarkerModel, DOT_PX};
use crate::tiles::placement::ScreenBox;

/// `markers` without those whose dot meets the panel (`covered`, px from
/// each edge of a map of `size`) or the controls' corner (`controls`);
/// `keep` (the open place's key) is never left out.
pub fn clear_of_covers(
    markers: Vec<MarkerModel>,
    view: &Viewport,
    size: Size,
    covered: Insets,
    controls: ScreenBox,
    keep: Option<&str>,
) -> Vec<MarkerModel> {
    let r = DOT_PX / 2.0;
    let under_panel = |x: f64, y: f64| {
        (covered.right > 0.0 && x + r > size.width - covered.right)
            || (covered.bottom > 0.0 && y + r > size.height - covered.bottom)
            || (covered.left > 0.0 && x - r < covered.left)
            || (covered.top > 0.0 && y - r < covered.top)
    };
    let under_controls = |x: f64, y: f64| {
        x + r > controls.x0 && x - r < controls.x1 && y + r > controls.y0 && y - r < controls.y1
    };
    markers
        .into_iter()
        .filter(|m| {
            if keep == Some(m.key.as_str()) {
                return true;
            }
            let p = view.world_to_screen(m.world);
            let (x, y) = (p.x + m.offset.0, p.y + m.offset.1);
            !under_panel(x, y) && !under_controls(x, y)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{WorldPoint, Zoom};
    use crate::markers::MarkerKind;

    fn marker(key: &str, world: WorldPoint) -> MarkerModel {
        MarkerModel {
            key: key.into(),
            kind: MarkerKind::Place(0),
            world,
            offset: (0.0, 0.0),
        }
    }

    #[test]
    fn dots_under_the_panel_or_the_controls_are_left_out_but_the_open_one() {
        let size = Size {
            width: 800.0,
            height: 500.0,
        };
        let view = Viewport::new(WorldPoint::new(0.5, 0.5), Zoom::new(3.0).unwrap(), size);
        let at = |x: f64, y: f64| view.screen_to_world(crate::geo::ScreenPoint { x, y });
        let controls = ScreenBox {
            x0: 0.0,
            y0: 0.0,
            x1: 56.0,
            y1: 144.0,
        };
        let panel = Insets {
            right: 300.0,
            ..Insets::default()
        };
        let markers = vec![
            marker("free", at(300.0, 250.0)),
            marker("under-panel", at(600.0, 250.0)),
            marker("half-under-panel", at(495.0, 250.0)),
            marker("under-controls", at(30.0, 60.0)),
            marker("below-controls", at(30.0, 200.0)),
            marker("open", at(700.0, 250.0)),
        ];
        let kept: Vec<String> =
            clear_of_covers(markers, &view, size, panel, controls, Some("open"))
                .into_iter()
                .map(|m| m.key)
                .collect();
        assert_eq!(kept, ["free", "below-controls", "open"]);
        // Without a panel, only the controls' corner is covered.
        let all = vec![marker("a", at(600.0, 250.0)), marker("b", at(30.0, 60.0))];
        let kept = clear_of_covers(all, &view, size, Insets::default(), controls, None);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].key, "a");
    }
}
