//! What the marker layer shows for a viewport: one marker per place, or one
//! group marker where places would overlap on screen, with accessible names.

use crate::geo::{cluster_on_screen, ScreenPoint, Viewport, WorldPoint};

/// Markers closer than this (px, centre to centre) would cover each other.
pub const OVERLAP_RADIUS_PX: f64 = 24.0;

/// What one marker on the map stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum MarkerKind {
    /// One place, by index into the story's places.
    Place(usize),
    /// Several places too close to tell apart at this zoom (indices ascending).
    Group(Vec<usize>),
}

/// A marker ready to draw: what it is, where it is in the world, and a key
/// that stays the same while its meaning does. Keeping the world position (not
/// the screen one) lets a marker follow the view without being rebuilt.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerModel {
    /// Stable key, unique among the markers of one layout.
    pub key: String,
    /// The place or places behind the marker.
    pub kind: MarkerKind,
    /// World position of the marker's centre (for a group: its members' mean).
    pub world: WorldPoint,
}

/// Lays out one marker per place, merging places whose markers would overlap.
///
/// `places` are the places' world positions, in story order. Markers come out
/// west to east (then north to south), which is also their Tab order.
pub fn layout_markers(places: &[WorldPoint], viewport: &Viewport) -> Vec<MarkerModel> {
    let screen: Vec<ScreenPoint> = places
        .iter()
        .map(|p| viewport.world_to_screen(*p))
        .collect();
    let mut markers: Vec<MarkerModel> = cluster_on_screen(&screen, OVERLAP_RADIUS_PX)
        .into_iter()
        .map(|cluster| match cluster.members.as_slice() {
            [only] => MarkerModel {
                key: format!("place-{only}"),
                kind: MarkerKind::Place(*only),
                world: places[*only],
            },
            members => MarkerModel {
                key: format!(
                    "group-{}",
                    members
                        .iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join("-")
                ),
                kind: MarkerKind::Group(members.to_vec()),
                world: mean(members.iter().map(|i| places[*i])),
            },
        })
        .collect();
    markers.sort_by(|a, b| {
        a.world
            .x
            .total_cmp(&b.world.x)
            .then(a.world.y.total_cmp(&b.world.y))
    });
    markers
}

fn mean(points: impl ExactSizeIterator<Item = WorldPoint>) -> WorldPoint {
    let n = points.len().max(1) as f64;
    let (x, y) = points.fold((0.0, 0.0), |(x, y), p| (x + p.x, y + p.y));
    WorldPoint { x: x / n, y: y / n }
}

/// Whether a marker at `x` (screen px) should put its caption on its left,
/// so the caption stays inside the part of the map that is not covered.
pub fn caption_goes_left(x: f64, free_width: f64) -> bool {
    x > free_width - CAPTION_ROOM_PX
}

/// Room a caption needs on the right of its marker, in px.
pub const CAPTION_ROOM_PX: f64 = 200.0;

/// "1 event" / "3 events".
pub fn count_events(n: usize) -> String {
    if n == 1 {
        "1 event".to_string()
    } else {
        format!("{n} events")
    }
}

/// Accessible name of a place marker, e.g. "Moscow: 3 events".
pub fn place_marker_label(name: &str, events: usize) -> String {
    format!("{name}: {}", count_events(events))
}

/// "Moscow", "Moscow and Zhukovsky", "A, B and C".
pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Accessible name of a group marker, e.g. "Moscow and Zhukovsky: 2 places, 4 events".
pub fn group_marker_label(names: &[&str], events: usize) -> String {
    format!(
        "{}: {} places, {}",
        join_names(names),
        names.len(),
        count_events(events)
    )
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

    #[test]
    fn moscow_and_zhukovsky_share_a_group_marker_at_the_article_view() {
        let places = article();
        let markers = layout_markers(&places, &fitted(&places, 1280.0, 720.0));
        assert_eq!(markers.len(), 3);
        assert!(markers
            .iter()
            .any(|m| m.kind == MarkerKind::Group(vec![0, 3]) && m.key == "group-0-3"));
        assert!(markers.iter().any(|m| m.kind == MarkerKind::Place(1)));
        assert!(markers.iter().any(|m| m.kind == MarkerKind::Place(2)));
    }

    #[test]
    fn every_place_is_in_exactly_one_marker_at_any_size() {
        let places = article();
        for (w, h) in [(320.0, 240.0), (800.0, 600.0), (4000.0, 3000.0)] {
            let markers = layout_markers(&places, &fitted(&places, w, h));
            let mut seen: Vec<usize> = markers
                .iter()
                .flat_map(|m| match &m.kind {
                    MarkerKind::Place(i) => vec![*i],
                    MarkerKind::Group(members) => members.clone(),
                })
                .collect();
            seen.sort_unstable();
            assert_eq!(seen, vec![0, 1, 2, 3], "at {w}x{h}");
        }
    }

    #[test]
    fn markers_come_west_to_east() {
        let places = article();
        let markers = layout_markers(&places, &fitted(&places, 1280.0, 720.0));
        let xs: Vec<f64> = markers.iter().map(|m| m.world.x).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]), "{xs:?}");
        assert_eq!(markers.last().map(|m| &m.kind), Some(&MarkerKind::Place(1)));
    }

    #[test]
    fn a_group_sits_at_its_members_mean_position() {
        let places = article();
        let markers = layout_markers(&places, &fitted(&places, 1280.0, 720.0));
        let group = markers
            .iter()
            .find(|m| matches!(m.kind, MarkerKind::Group(_)))
            .expect("group");
        assert!((group.world.x - (places[0].x + places[3].x) / 2.0).abs() < 1e-12);
        assert!((group.world.y - (places[0].y + places[3].y) / 2.0).abs() < 1e-12);
    }

    #[test]
    fn captions_flip_left_near_the_free_edge() {
        assert!(!caption_goes_left(100.0, 1280.0));
        assert!(caption_goes_left(1200.0, 1280.0));
        assert!(caption_goes_left(800.0, 876.0));
    }

    #[test]
    fn labels_name_places_and_counts() {
        assert_eq!(place_marker_label("Moscow", 3), "Moscow: 3 events");
        assert_eq!(place_marker_label("Ashgabat", 1), "Ashgabat: 1 event");
        assert_eq!(
            group_marker_label(&["Moscow", "Zhukovsky"], 4),
            "Moscow and Zhukovsky: 2 places, 4 events"
        );
        assert_eq!(
            group_marker_label(&["A", "B", "C"], 3),
            "A, B and C: 3 places, 3 events"
        );
    }
}
