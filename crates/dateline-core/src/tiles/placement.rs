//! Placing place names on screen: the most important first, none overlapping
//! another, a marker's dot, a visible caption or a control.

use crate::basemap::LabelClass;
use crate::geo::{Viewport, WorldPoint};
use crate::markers::DOT_PX;

/// A story marker as the names must avoid it: its dot, and its caption if shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerMark {
    /// The marker's point.
    pub world: WorldPoint,
    /// Its screen offset from the point (a fanned-out member).
    pub offset: (f64, f64),
    /// The shown caption's left and right edge, in px from the dot's centre.
    pub caption: Option<(f64, f64)>,
}

impl MarkerMark {
    /// The caption's extent beside a dot, as `markers::visible_captions` lays it out.
    pub fn caption_extent(width: f64, left: bool) -> (f64, f64) {
        let gap = DOT_PX / 2.0 + 4.0;
        if left {
            (-gap - width, -gap)
        } else {
            (gap, gap + width)
        }
    }

    /// Where the dot's centre is in `view`, and the boxes of dot and caption.
    pub fn on_screen(&self, view: &Viewport) -> ((f64, f64), Vec<ScreenBox>) {
        let p = view.world_to_screen(self.world);
        let (x, y) = (p.x + self.offset.0, p.y + self.offset.1);
        let half = DOT_PX / 2.0;
        let mut boxes = vec![ScreenBox {
            x0: x - half,
            y0: y - half,
            x1: x + half,
            y1: y + half,
        }];
        if let Some((a, b)) = self.caption {
            boxes.push(ScreenBox {
                x0: x + a,
                y0: y - 11.0,
                x1: x + b,
                y1: y + 11.0,
            });
        }
        ((x, y), boxes)
    }
}

/// A rectangle in CSS pixels of the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenBox {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl ScreenBox {
    /// Whether the two boxes overlap (touching edges do not).
    pub fn overlaps(&self, o: &ScreenBox) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether `o` lies wholly inside this box.
    pub fn holds(&self, o: &ScreenBox) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }

    fn grown(&self, by: f64) -> ScreenBox {
        ScreenBox {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }
}

/// A name that could be drawn, at its place's screen position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate<'a> {
    /// The place on screen.
    pub x: f64,
    /// The place on screen.
    pub y: f64,
    /// Its kind.
    pub class: LabelClass,
    /// Larger is more important.
    pub weight: u32,
    /// The name.
    pub name: &'a str,
}

impl<'a> Candidate<'a> {
    /// Map names as candidates at their points in `view`.
    pub fn on_screen(labels: &'a [crate::basemap::Label], view: &Viewport) -> Vec<Candidate<'a>> {
        labels
            .iter()
            .map(|l| {
                let p =
                    view.world_to_screen(WorldPoint::new(f64::from(l.at[0]), f64::from(l.at[1])));
                Candidate {
                    x: p.x,
                    y: p.y,
                    class: l.class,
                    weight: l.weight,
                    name: &l.name,
                }
            })
            .collect()
    }
}

/// Which way a placed name runs from its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Text starts just right of the dot.
    Right,
    /// Text ends just left of the dot.
    Left,
    /// Text is centred on the point (countries: no dot).
    Centre,
}

/// A name that was placed: which candidate, on which side, in which box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into the candidates.
    pub index: usize,
    /// Where its text goes.
    pub side: Side,
    /// The box it takes, dot included.
    pub area: ScreenBox,
}

/// Room the zoom buttons take in their corner (3 × 44 px from 12 px in).
const CONTROLS_PX: (f64, f64) = (64.0, 158.0);
/// The strip along the bottom of the free map that the credit takes.
const CREDIT_PX: f64 = 20.0;

/// Where names may go in a map of `size`: what the panel leaves free, less the credit's strip.
pub fn label_frame(width: f64, height: f64, covered: crate::geo::Insets) -> ScreenBox {
    ScreenBox {
        x0: covered.left,
        y0: covered.top,
        x1: width - covered.right,
        y1: height - covered.bottom - CREDIT_PX,
    }
}

/// The zoom buttons' corner: top left, or top right in a right-to-left widget.
pub fn controls_box(width: f64, rtl: bool) -> ScreenBox {
    let (w, h) = CONTROLS_PX;
    if rtl {
        ScreenBox {
            x0: width - w,
            y0: 0.0,
            x1: width,
            y1: h,
        }
    } else {
        ScreenBox {
            x0: 0.0,
            y0: 0.0,
            x1: w,
            y1: h,
        }
    }
}

/// A town's name whose dot is this close to a story marker is left out: it is
/// that marker's place, or would read as it (Zhukovskiy beside Zhukovsky).
pub const MARKER_CLEARANCE_PX: f64 = 24.0;
/// Text height of a name, in pixels.
pub const LABEL_HEIGHT_PX: f64 = 14.0;
/// Gap between a town's dot and its name.
pub const DOT_GAP_PX: f64 = 5.0;
/// Room kept between two names.
const PADDING_PX: f64 = 3.0;
/// At most one name per this many square pixels of map.
const AREA_PER_LABEL_PX2: f64 = 24_000.0;

/// How wide a name is drawn, estimated from its characters: 12 px text,
/// countries in spaced capitals. Overestimating only costs a label.
pub fn label_width(class: LabelClass, name: &str) -> f64 {
    let chars = name.chars().count() as f64;
    match class {
        LabelClass::Country => chars * 10.0 + 4.0,
        LabelClass::Capital => chars * 7.6 + 4.0,
        LabelClass::Town => chars * 7.0 + 4.0,
    }
}

/// Chooses which names to draw, and where.
///
/// Countries go first, then capitals, then towns by weight; a name already
/// placed is not placed twice (the same country named by two tiles). A town's
/// name goes after its dot in the reading direction (`rtl` mirrors it) and
/// before it if that side is taken; it is dropped if neither side fits inside
/// `frame`, clear of `obstacles`, of the other names and of `markers` (dots of
/// story markers, cleared by [`MARKER_CLEARANCE_PX`]).
pub fn place_labels(
    candidates: &[Candidate],
    frame: ScreenBox,
    obstacles: &[ScreenBox],
    markers: &[(f64, f64)],
    rtl: bool,
) -> Vec<Placed> {
    let rank = |c: &Candidate| match c.class {
        LabelClass::Country => 0,
        LabelClass::Capital => 1,
        LabelClass::Town => 2,
    };
    // The crate's one sort: a `sort_by` of its own would ship another copy.
    let order = crate::sorting::stable_order(candidates.len(), &mut |a, b| {
        let (ca, cb) = (&candidates[a], &candidates[b]);
        rank(ca)
            .cmp(&rank(cb))
            .then(cb.weight.cmp(&ca.weight))
            .then(ca.name.cmp(cb.name))
    });
    let room =
        ((frame.x1 - frame.x0) * (frame.y1 - frame.y0) / AREA_PER_LABEL_PX2).max(2.0) as usize;
    let mut placed: Vec<Placed> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for i in order {
        if placed.len() >= room {
            break;
        }
        let c = &candidates[i];
        if !(c.x.is_finite() && c.y.is_finite()) || names.contains(&c.name) {
            continue;
        }
        let near_marker = markers
            .iter()
            .any(|m| (m.0 - c.x).hypot(m.1 - c.y) < MARKER_CLEARANCE_PX);
        if near_marker && c.class != LabelClass::Country {
            continue;
        }
        let w = label_width(c.class, c.name);
        let h = LABEL_HEIGHT_PX / 2.0;
        let sides: &[Side] = match (c.class, rtl) {
            (LabelClass::Country, _) => &[Side::Centre],
            (_, false) => &[Side::Right, Side::Left],
            (_, true) => &[Side::Left, Side::Right],
        };
        let fits = |area: &ScreenBox| {
            frame.holds(area)
                && !obstacles.iter().any(|o| o.overlaps(area))
                && !placed
                    .iter()
                    .any(|p| p.area.grown(PADDING_PX).overlaps(area))
                && !markers.iter().any(|m| {
                    let r = MARKER_CLEARANCE_PX / 2.0;
                    area.overlaps(&ScreenBox {
                        x0: m.0 - r,
                        y0: m.1 - r,
                        x1: m.0 + r,
                        y1: m.1 + r,
                    })
                })
        };
        let choice = sides.iter().find_map(|&side| {
            let area = match side {
                Side::Centre => ScreenBox {
                    x0: c.x - w / 2.0,
                    y0: c.y - h,
                    x1: c.x + w / 2.0,
                    y1: c.y + h,
                },
                Side::Right => ScreenBox {
                    x0: c.x - 3.0,
                    y0: c.y - h,
                    x1: c.x + DOT_GAP_PX + w,
                    y1: c.y + h,
                },
                Side::Left => ScreenBox {
                    x0: c.x - DOT_GAP_PX - w,
                    y0: c.y - h,
                    x1: c.x + 3.0,
                    y1: c.y + h,
                },
            };
            fits(&area).then_some(Placed {
                index: i,
                side,
                area,
            })
        });
        if let Some(p) = choice {
            names.push(c.name);
            placed.push(p);
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: ScreenBox = ScreenBox {
        x0: 0.0,
        y0: 0.0,
        x1: 800.0,
        y1: 600.0,
    };

    fn town(x: f64, y: f64, weight: u32, name: &'static str) -> Candidate<'static> {
        Candidate {
            x,
            y,
            class: LabelClass::Town,
            weight,
            name,
        }
    }

    #[test]
    fn names_never_overlap_and_the_biggest_wins() {
        let cands = [
            town(100.0, 100.0, 50, "Ramenskoye"),
            town(60.0, 104.0, 900, "Lyubertsy"),
            town(400.0, 300.0, 10, "Bronnitsy"),
        ];
        let placed = place_labels(&cands, FRAME, &[], &[], false);
        let names: Vec<&str> = placed.iter().map(|p| cands[p.index].name).collect();
        assert_eq!(names, ["Lyubertsy", "Bronnitsy"]);
        for a in &placed {
            for b in &placed {
                assert!(a.index == b.index || !a.area.overlaps(&b.area));
            }
        }
    }

    #[test]
    fn a_name_goes_to_the_other_side_before_it_is_dropped() {
        let wall = ScreenBox {
            x0: 205.0,
            y0: 90.0,
            x1: 300.0,
            y1: 110.0,
        };
        let cands = [town(200.0, 100.0, 5, "Khimki")];
        let placed = place_labels(&cands, FRAME, &[wall], &[], false);
        assert_eq!(placed[0].side, Side::Left);
        assert!(placed[0].area.x1 <= wall.x0 && !placed[0].area.overlaps(&wall));
        // In RTL the first choice is the left side already.
        assert_eq!(
            place_labels(&cands, FRAME, &[], &[], true)[0].side,
            Side::Left
        );
        // Hemmed in on both sides: dropped.
        let other = ScreenBox {
            x0: 100.0,
            y0: 90.0,
            x1: 196.0,
            y1: 110.0,
        };
        assert!(place_labels(&cands, FRAME, &[wall, other], &[], false).is_empty());
        // Off the map's edge: dropped rather than cut.
        assert!(place_labels(&[town(798.0, 3.0, 5, "Khimki")], FRAME, &[], &[], false).is_empty());
    }

    #[test]
    fn a_town_beside_a_marker_is_the_marker_and_is_not_named() {
        let cands = [
            town(300.0, 300.0, 107, "Zhukovskiy"),
            town(500.0, 300.0, 96, "Ramenskoye"),
        ];
        let placed = place_labels(&cands, FRAME, &[], &[(310.0, 305.0)], false);
        assert_eq!(placed.len(), 1);
        assert_eq!(cands[placed[0].index].name, "Ramenskoye");
    }

    #[test]
    fn countries_come_first_and_once() {
        let country = |x, name| Candidate {
            x,
            y: 300.0,
            class: LabelClass::Country,
            weight: 1_000_100,
            name,
        };
        let cands = [
            town(400.0, 300.0, 12_000, "Moscow"),
            country(420.0, "Russia"),
            country(100.0, "Russia"),
        ];
        let placed = place_labels(&cands, FRAME, &[], &[], false);
        assert_eq!(placed[0].index, 1);
        assert_eq!(placed[0].side, Side::Centre);
        assert_eq!(
            placed
                .iter()
                .filter(|p| cands[p.index].name == "Russia")
                .count(),
            1
        );
        // Moscow is pushed to its left side or dropped, never over RUSSIA.
        assert!(placed
            .iter()
            .all(|p| p.index == 1 || !p.area.overlaps(&placed[0].area)));
    }
}
