//! What the marker layer shows for a view: places and clusters of places
//! (from a [`ClusterTree`] built once per story), fanned-out members of an
//! inseparable cluster, and which captions fit. (Their words, in the
//! reader's language, come from [`crate::i18n`].)

use crate::geo::{
    spiderfy_offsets, ClusterId, ClusterItem, ClusterOptions, ClusterTree, ScreenPoint, Viewport,
    WorldPoint, MAX_ZOOM,
};

/// Markers this close (px, centre to centre) merge into a cluster.
pub const CLUSTER_RADIUS_PX: f64 = 40.0;
/// Markers within this many px outside the view are kept in the DOM, so
/// that panning does not show empty edges before the next frame.
pub const OFFSCREEN_MARGIN_PX: f64 = 64.0;
/// Size of a marker's dot, in px (see `.dl-marker-dot` in dateline.css).
pub const DOT_PX: f64 = 28.0;
/// Space between a dot's edge and its caption, in px (as the CSS lays it out).
pub const CAPTION_GAP_PX: f64 = 4.0;

/// What one marker on the map stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum MarkerKind {
    /// One place, by index into the story's places.
    Place(usize),
    /// Several places shown as one at this zoom.
    Cluster {
        /// The cluster, for its leaves, bounds and expansion zoom.
        id: ClusterId,
        /// How many places.
        places: usize,
        /// How many events in all.
        events: u64,
        /// The place it is named after.
        lead: usize,
    },
}

/// A marker ready to draw. The key stays the same while the marker's
/// meaning does; the world position (not the screen one) lets the marker
/// follow the view without being rebuilt.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerModel {
    /// Stable key, unique among the markers of one layout.
    pub key: String,
    /// The place or places behind the marker.
    pub kind: MarkerKind,
    /// World position of the marker's centre.
    pub world: WorldPoint,
    /// Screen offset from `world`, in px (members of a fanned-out cluster).
    pub offset: (f64, f64),
}

/// An inseparable cluster (its places at the same or nearly the same spot)
/// whose members are fanned out around it so each can be clicked.
#[derive(Debug, Clone, PartialEq)]
pub struct Spider {
    /// The cluster fanned out.
    pub cluster: ClusterId,
    /// Its places, ascending.
    pub members: Vec<usize>,
}

/// While a zoom gesture goes on, markers stay clustered for a coarser level
/// (`held`) while the view's zoom is less than this many levels above it:
/// clusters spread apart without splitting. Zoomed out past `held`, they
/// would crowd (four times the markers per level), so they re-cluster then.
pub const HOLD_LEVELS: f64 = 3.0;

/// The zoom to cluster the markers for during a continuous zoom gesture
/// (wheel, pinch), given the one they are clustered for (`held`, a whole
/// level) and the view's zoom (`live`). Re-clustering replaces most markers,
/// which costs frames; during the gesture it happens only every few levels,
/// and the view settles on the exact clustering once the gesture pauses. A
/// new level leaves room for the gesture to go on in the same direction.
pub fn held_cluster_zoom(held: f64, live: f64) -> f64 {
    if !live.is_finite() || (live >= held && live < held + HOLD_LEVELS) {
        held
    } else if live > held {
        live.floor()
    } else {
        (live.floor() - (HOLD_LEVELS - 1.0)).max(0.0)
    }
}

/// The places of one story, clustered for every zoom.
#[derive(Debug, Clone)]
pub struct StoryMarkers {
    tree: ClusterTree,
}

impl StoryMarkers {
    /// Clusters `places` (world positions) weighted by their event counts.
    pub fn new(places: &[WorldPoint], events: &[u32]) -> StoryMarkers {
        let options = ClusterOptions {
            radius_px: CLUSTER_RADIUS_PX,
            ..ClusterOptions::default()
        };
        StoryMarkers {
            tree: ClusterTree::build(places, events, options),
        }
    }

    /// The clustering behind the markers.
    pub fn tree(&self) -> &ClusterTree {
        &self.tree
    }

    /// The markers in and just around `view`, west to east (their Tab order),
    /// with `spider`'s members fanned out in place of its cluster.
    pub fn visible(&self, view: &Viewport, spider: Option<&Spider>) -> Vec<MarkerModel> {
        self.visible_clustered_at(view, view.zoom().value(), spider)
    }

    /// [`StoryMarkers::visible`], clustered as at `cluster_zoom` rather than
    /// the view's zoom (see [`held_cluster_zoom`]).
    pub fn visible_clustered_at(
        &self,
        view: &Viewport,
        cluster_zoom: f64,
        spider: Option<&Spider>,
    ) -> Vec<MarkerModel> {
        let bounds = view.visible_bounds(OFFSCREEN_MARGIN_PX);
        let mut markers = Vec::new();
        for item in self.tree.clusters(bounds, cluster_zoom) {
            match item {
                ClusterItem::Point { item, at } => markers.push(MarkerModel {
                    key: place_key(item),
                    kind: MarkerKind::Place(item),
                    world: at,
                    offset: (0.0, 0.0),
                }),
                ClusterItem::Cluster {
                    id,
                    at,
                    count,
                    weight,
                    lead,
                } => match spider.filter(|s| s.cluster == id) {
                    Some(spider) => {
                        let fan = spiderfy_offsets(spider.members.len(), DOT_PX + 8.0);
                        markers.extend(spider.members.iter().zip(fan).map(|(&place, offset)| {
                            MarkerModel {
                                key: place_key(place),
                                kind: MarkerKind::Place(place),
                                world: at,
                                offset,
                            }
                        }));
                    }
                    None => markers.push(MarkerModel {
                        key: format!("cluster-{}-{}", id.zoom(), id.index()),
                        kind: MarkerKind::Cluster {
                            id,
                            places: count,
                            events: weight,
                            lead,
                        },
                        world: at,
                        offset: (0.0, 0.0),
                    }),
                },
            }
        }
        crate::sorting::sort_by(&mut markers, |a, b| {
            (a.world.x, a.offset.0)
                .partial_cmp(&(b.world.x, b.offset.0))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.world.y.total_cmp(&b.world.y))
        });
        markers
    }
}

impl StoryMarkers {
    /// The least zoom, from `from` up to [`MAX_ZOOM`], at which `place` has a
    /// marker of its own; if it shares one even at [`MAX_ZOOM`], the spider
    /// that fans that cluster out.
    pub fn reveal(&self, place: usize, at: WorldPoint, from: f64) -> (f64, Option<Spider>) {
        let near = crate::geo::WorldBounds::point(at);
        let mut zoom = crate::math::clamp(from, 0.0, MAX_ZOOM);
        loop {
            let own = self
                .tree
                .clusters(near, zoom)
                .iter()
                .any(|item| matches!(item, ClusterItem::Point { item, .. } if *item == place));
            if own {
                return (zoom, None);
            }
            if zoom >= MAX_ZOOM {
                break;
            }
            zoom = (zoom.floor() + 1.0).min(MAX_ZOOM);
        }
        let spider = self
            .tree
            .clusters(near, MAX_ZOOM)
            .into_iter()
            .find_map(|item| match item {
                ClusterItem::Cluster { id, .. } => {
                    let members = self.tree.leaves(id);
                    members.contains(&place).then_some(Spider {
                        cluster: id,
                        members,
                    })
                }
                ClusterItem::Point { .. } => None,
            });
        (MAX_ZOOM, spider)
    }
}

/// The key of a place's marker, alone or fanned out.
pub fn place_key(place: usize) -> String {
    format!("place-{place}")
}

/// Whether a marker at `x` (screen px) should put its caption (`width` px)
/// on its left: when on its right it would run past the part of the map
/// (`map_width` px) that the panel leaves free (`free_width` px). A marker
/// under the panel keeps the side it has without it: opening the panel then
/// restyles only the few markers near its edge, not all it covers.
pub fn caption_goes_left(x: f64, width: f64, free_width: f64, map_width: f64) -> bool {
    let edge = if x > free_width {
        map_width
    } else {
        free_width
    };
    x + DOT_PX / 2.0 + CAPTION_GAP_PX + width > edge
}

/// A marker's caption, for deciding which captions fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaptionBox {
    /// Centre of the marker's dot.
    pub at: ScreenPoint,
    /// Estimated caption width, in px.
    pub width: f64,
    /// Whether the caption sits left of the dot.
    pub left: bool,
    /// Higher goes first (e.g. events behind the marker).
    pub priority: u64,
}

/// Estimated rendered width of a caption (13 px semibold system font).
pub fn caption_width(text: &str) -> f64 {
    text.chars().count() as f64 * 7.4 + 12.0
}

/// A box on the screen that captions keep clear of (the zoom buttons):
/// `(left, top, right, bottom)`, px.
pub type Obstacle = (f64, f64, f64, f64);

/// Which captions to show: greedily by priority (then input order), a
/// caption is shown if it overlaps neither a shown caption, nor any dot,
/// nor an `obstacle`.
pub fn visible_captions(boxes: &[CaptionBox], obstacles: &[Obstacle]) -> Vec<bool> {
    let half = DOT_PX / 2.0;
    let rect = |b: &CaptionBox| {
        let (x0, x1) = if b.left {
            (b.at.x - half - 4.0 - b.width, b.at.x - half - 4.0)
        } else {
            (b.at.x + half + 4.0, b.at.x + half + 4.0 + b.width)
        };
        (x0, b.at.y - 10.0, x1, b.at.y + 10.0)
    };
    let dots: Vec<_> = boxes
        .iter()
        .map(|b| (b.at.x - half, b.at.y - half, b.at.x + half, b.at.y + half))
        .collect();
    let overlaps = |a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)| {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    };
    let order = crate::sorting::stable_order(boxes.len(), &mut |a, b| {
        boxes[b].priority.cmp(&boxes[a].priority)
    });
    let mut shown = vec![false; boxes.len()];
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for i in order {
        let r = rect(&boxes[i]);
        let clear = placed.iter().chain(obstacles).all(|p| !overlaps(r, *p))
            && dots
                .iter()
                .enumerate()
                .all(|(j, d)| j == i || !overlaps(r, *d));
        if clear {
            placed.push(r);
            shown[i] = true;
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{project, Size, WorldBounds};

    fn article() -> Vec<WorldPoint> {
        [
            (37.6175, 55.7520),
            (128.3339, 51.8844),
            (58.3261, 37.9601),
            (38.15, 55.5533),
        ]
        .iter()
        .filter_map(|(lon, lat)| project(*lon, *lat))
        .collect()
    }

    fn fitted(points: &[WorldPoint], width: f64, height: f64) -> Viewport {
        let bounds = WorldBounds::from_points(points.iter().copied()).expect("bounds");
        Viewport::fit(bounds, Size { width, height }, 48.0, 6.0)
    }

    fn members(markers: &StoryMarkers, m: &MarkerModel) -> Vec<usize> {
        match &m.kind {
            MarkerKind::Place(i) => vec![*i],
            MarkerKind::Cluster { id, .. } => markers.tree().leaves(*id),
        }
    }

    #[test]
    fn moscow_and_zhukovsky_share_a_cluster_at_the_article_view() {
        let places = article();
        let markers = StoryMarkers::new(&places, &[3, 1, 2, 1]);
        let shown = markers.visible(&fitted(&places, 1280.0, 720.0), None);
        assert_eq!(shown.len(), 3);
        let cluster = shown
            .iter()
            .find(|m| matches!(m.kind, MarkerKind::Cluster { .. }))
            .expect("a cluster");
        assert_eq!(members(&markers, cluster), vec![0, 3]);
        assert!(matches!(
            cluster.kind,
            MarkerKind::Cluster {
                places: 2,
                events: 4,
                lead: 0,
                ..
            }
        ));
        assert!(shown.iter().any(|m| m.kind == MarkerKind::Place(1)));
        assert!(shown.iter().any(|m| m.kind == MarkerKind::Place(2)));
    }

    #[test]
    fn every_place_is_in_exactly_one_marker_at_any_size() {
        let places = article();
        let markers = StoryMarkers::new(&places, &[3, 1, 2, 1]);
        for (w, h) in [(320.0, 240.0), (800.0, 600.0), (4000.0, 3000.0)] {
            let shown = markers.visible(&fitted(&places, w, h), None);
            let mut seen: Vec<usize> = shown.iter().flat_map(|m| members(&markers, m)).collect();
            seen.sort_unstable();
            assert_eq!(seen, vec![0, 1, 2, 3], "at {w}x{h}");
        }
    }

    #[test]
    fn only_markers_near_the_view_are_listed() {
        let places = article();
        let markers = StoryMarkers::new(&places, &[3, 1, 2, 1]);
        let moscow = Viewport::new(
            places[0],
            crate::geo::Zoom::clamped(9.0),
            Size::new(800.0, 600.0),
        );
        let shown = markers.visible(&moscow, None);
        let keys: Vec<&str> = shown.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, vec!["place-0", "place-3"]);
    }

    #[test]
    fn markers_come_west_to_east() {
        let places = article();
        let markers = StoryMarkers::new(&places, &[3, 1, 2, 1]);
        let shown = markers.visible(&fitted(&places, 1280.0, 720.0), None);
        let xs: Vec<f64> = shown.iter().map(|m| m.world.x).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]), "{xs:?}");
        assert_eq!(shown.last().map(|m| &m.kind), Some(&MarkerKind::Place(1)));
    }

    #[test]
    fn a_spider_fans_out_places_at_one_spot() {
        let spot = project(2.35, 48.86).expect("Paris");
        let places = vec![spot, spot, spot, project(13.4, 52.5).expect("Berlin")];
        let markers = StoryMarkers::new(&places, &[1, 1, 1, 1]);
        let view = Viewport::new(
            spot,
            crate::geo::Zoom::clamped(10.0),
            Size::new(800.0, 600.0),
        );
        let shown = markers.visible(&view, None);
        let MarkerKind::Cluster { id, .. } = shown[0].kind else {
            panic!("stacked places cluster even at max zoom: {shown:?}");
        };
        assert_eq!(markers.tree().expansion_zoom(id), None);
        let spider = Spider {
            cluster: id,
            members: markers.tree().leaves(id),
        };
        let fanned = markers.visible(&view, Some(&spider));
        assert_eq!(fanned.len(), 3);
        let offsets: Vec<_> = fanned.iter().map(|m| m.offset).collect();
        for (i, a) in offsets.iter().enumerate() {
            for b in &offsets[i + 1..] {
                assert!((a.0 - b.0).hypot(a.1 - b.1) >= DOT_PX, "{offsets:?}");
            }
        }
        assert!(fanned
            .iter()
            .all(|m| matches!(m.kind, MarkerKind::Place(_))));
    }

    #[test]
    fn reveal_finds_the_zoom_where_a_place_stands_alone() {
        let places = article();
        let markers = StoryMarkers::new(&places, &[3, 1, 2, 1]);
        // Moscow shares a marker with Zhukovsky up to zoom 6.
        assert_eq!(markers.reveal(0, places[0], 2.6), (7.0, None));
        // Already alone: the zoom stays.
        assert_eq!(markers.reveal(1, places[1], 2.6), (2.6, None));
        assert_eq!(markers.reveal(0, places[0], 8.5), (8.5, None));
        // Places at one spot never separate: fan them out.
        let spot = project(2.35, 48.86).expect("Paris");
        let stacked = StoryMarkers::new(&[spot, spot], &[1, 1]);
        let (zoom, spider) = stacked.reveal(1, spot, 3.0);
        assert_eq!(zoom, MAX_ZOOM);
        assert_eq!(spider.map(|s| s.members), Some(vec![0, 1]));
    }

    #[test]
    fn captions_flip_left_near_the_free_edge() {
        // A 100 px caption needs 118 px right of its dot's centre.
        assert!(!caption_goes_left(100.0, 100.0, 1280.0, 1280.0));
        assert!(!caption_goes_left(1162.0, 100.0, 1280.0, 1280.0));
        assert!(caption_goes_left(1163.0, 100.0, 1280.0, 1280.0));
        // A longer one flips farther from the edge.
        assert!(caption_goes_left(1100.0, 200.0, 1280.0, 1280.0));
        // Beside an open panel (404 px), near its edge.
        assert!(caption_goes_left(800.0, 100.0, 876.0, 1280.0));
        assert!(!caption_goes_left(600.0, 100.0, 876.0, 1280.0));
        // Under the panel: as without it.
        assert!(!caption_goes_left(1000.0, 100.0, 876.0, 1280.0));
        assert!(caption_goes_left(1200.0, 100.0, 876.0, 1280.0));
    }

    #[test]
    fn colliding_captions_give_way_to_busier_markers() {
        let at = |x, y| ScreenPoint::new(x, y);
        let boxes = [
            CaptionBox {
                at: at(100.0, 100.0),
                width: 120.0,
                left: false,
                priority: 1,
            },
            CaptionBox {
                at: at(150.0, 104.0),
                width: 80.0,
                left: false,
                priority: 5,
            },
            CaptionBox {
                at: at(400.0, 400.0),
                width: 80.0,
                left: false,
                priority: 1,
            },
        ];
        assert_eq!(visible_captions(&boxes, &[]), vec![false, true, true]);
        // Nor does it run under the zoom buttons.
        let buttons = (380.0, 380.0, 500.0, 410.0);
        assert_eq!(
            visible_captions(&boxes, &[buttons]),
            vec![false, true, false]
        );
        // A caption never covers another marker's dot.
        let dot_in_the_way = [
            CaptionBox {
                at: at(100.0, 100.0),
                width: 120.0,
                left: false,
                priority: 9,
            },
            CaptionBox {
                at: at(160.0, 100.0),
                width: 10.0,
                left: true,
                priority: 1,
            },
        ];
        assert!(!visible_captions(&dot_in_the_way, &[])[0]);
        assert_eq!(caption_width("Moscow"), 6.0 * 7.4 + 12.0);
    }

    #[test]
    fn a_zoom_gesture_reclusters_only_every_few_levels() {
        // Zooming in from 4: the clusters of level 4 last until zoom 7.
        assert_eq!(held_cluster_zoom(4.0, 4.5), 4.0);
        assert_eq!(held_cluster_zoom(4.0, 6.99), 4.0);
        assert_eq!(held_cluster_zoom(4.0, 7.2), 7.0);
        // Zooming out below 7: level 4, with room for three levels more.
        assert_eq!(held_cluster_zoom(7.0, 7.0), 7.0);
        assert_eq!(held_cluster_zoom(7.0, 6.9), 4.0);
        assert_eq!(held_cluster_zoom(1.0, 0.5), 0.0);
        assert_eq!(held_cluster_zoom(5.0, f64::NAN), 5.0);
    }

    #[test]
    fn a_whole_zoom_sweep_reclusters_a_handful_of_times() {
        let (mut held, mut changes) = (2.0, 0);
        let sweep = (0..=40)
            .map(|i| 2.0 + f64::from(i) * 0.25)
            .chain((0..=40).rev().map(|i| 2.0 + f64::from(i) * 0.25));
        for live in sweep {
            let next = held_cluster_zoom(held, live);
            if next != held {
                changes += 1;
                assert!(live >= next && live < next + HOLD_LEVELS);
            }
            held = next;
        }
        // Ten levels in and out, one level at a time, would recluster twenty times.
        assert!(changes <= 8, "{changes} reclusterings");
    }
}
