//! What each marker says: its caption, its accessible name and count, and
//! which captions fit on the map now (and on which side of their dot).

use std::collections::HashSet;

use crate::geo::{ScreenPoint, Viewport};
use crate::i18n::Catalog;
use crate::markers::{
    caption_goes_left, visible_captions, CaptionBox, MarkerKind, MarkerModel, Obstacle,
    StoryMarkers,
};
use crate::story::Story;

/// The visible name of a marker: its place's name, or its cluster's
/// ("Moscow and Zhukovsky", "Moscow and 4 more places").
pub fn caption_text(
    words: &Catalog,
    story: &Story,
    markers: &StoryMarkers,
    model: &MarkerModel,
) -> String {
    match &model.kind {
        MarkerKind::Place(i) => story
            .places
            .get(*i)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        MarkerKind::Cluster {
            id, places, lead, ..
        } => {
            let leaves = if *places <= 3 {
                markers.tree().leaves(*id)
            } else {
                Vec::new()
            };
            let names: Vec<&str> = leaves
                .iter()
                .filter_map(|i| story.places.get(*i).map(|p| p.name.as_str()))
                .collect();
            let lead = story.places.get(*lead).map_or("", |p| p.name.as_str());
            words.group_caption(&names, lead, *places)
        }
    }
}

/// A marker's accessible name ("Moscow: 3 events", "Moscow and Zhukovsky:
/// 2 places, 4 events") and the number on its dot (events of a place,
/// places of a group).
pub fn marker_name(
    words: &Catalog,
    story: &Story,
    model: &MarkerModel,
    caption: &str,
) -> (String, usize) {
    match &model.kind {
        MarkerKind::Place(i) => {
            let events = story.places.get(*i).map_or(0, |p| p.events.len());
            (words.place_marker(caption, events), events)
        }
        MarkerKind::Cluster { places, events, .. } => {
            (words.group_marker(caption, *places, *events), *places)
        }
    }
}

/// Which of `markers` (with their captions' rendered `widths`, px) show
/// their caption in `view` without covering another caption or dot, busiest
/// first, and clear of the `obstacles` (the zoom buttons); and which put it
/// left of the dot, to stay inside the `free_width` px the panel leaves.
/// Both as sets of marker keys.
pub fn caption_sides(
    story: &Story,
    markers: &[MarkerModel],
    widths: &[f64],
    view: &Viewport,
    free_width: f64,
    obstacles: &[Obstacle],
) -> (HashSet<String>, HashSet<String>) {
    let map_width = view.size().width;
    let boxes: Vec<CaptionBox> = markers
        .iter()
        .zip(widths)
        .map(|(m, &width)| {
            let p = view.world_to_screen(m.world);
            let at = ScreenPoint::new(p.x + m.offset.0, p.y + m.offset.1);
            let priority = match &m.kind {
                MarkerKind::Place(i) => story.places.get(*i).map_or(0, |p| p.events.len() as u64),
                MarkerKind::Cluster { events, .. } => *events,
            };
            CaptionBox {
                at,
                width,
                left: caption_goes_left(at.x, width, free_width, map_width),
                priority,
            }
        })
        .collect();
    let mut shown = HashSet::new();
    let mut left = HashSet::new();
    for ((m, b), fits) in markers
        .iter()
        .zip(&boxes)
        .zip(visible_captions(&boxes, obstacles))
    {
        if fits {
            shown.insert(m.key.clone());
        }
        if b.left {
            left.insert(m.key.clone());
        }
    }
    (shown, left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{project, Size, Viewport, WorldBounds, DEFAULT_FIT_MAX_ZOOM};
    use crate::markers::caption_width;
    use crate::story::parse;

    fn article() -> Story {
        parse(include_str!("../../../assets/story.geojson")).expect("the article parses")
    }

    fn markers_of(story: &Story) -> (StoryMarkers, Vec<crate::geo::WorldPoint>) {
        let points: Vec<_> = story
            .places
            .iter()
            .map(|p| project(p.lon, p.lat).expect("in range"))
            .collect();
        let events: Vec<u32> = story.places.iter().map(|p| p.events.len() as u32).collect();
        (StoryMarkers::new(&points, &events), points)
    }

    #[test]
    fn the_article_at_its_whole_view_names_its_group_and_places() {
        let story = article();
        let (markers, points) = markers_of(&story);
        let bounds = WorldBounds::from_points(points.iter().copied()).expect("places");
        let view = Viewport::fit(bounds, Size::new(1000.0, 500.0), 48.0, DEFAULT_FIT_MAX_ZOOM);
        let shown = markers.visible(&view, None);
        let words = Catalog::for_tag("en");
        let captions: Vec<String> = shown
            .iter()
            .map(|m| caption_text(words, &story, &markers, m))
            .collect();
        assert!(
            captions.contains(&"Moscow and Zhukovsky".to_string()),
            "{captions:?}"
        );
        assert!(captions.contains(&"Ashgabat".to_string()));
        let names: Vec<(String, usize)> = shown
            .iter()
            .zip(&captions)
            .map(|(m, c)| marker_name(words, &story, m, c))
            .collect();
        assert!(names.contains(&("Moscow and Zhukovsky: 2 places, 4 events".to_string(), 2)));
        assert!(names.contains(&("Ashgabat: 2 events".to_string(), 2)));
        // In Russian, the same markers in Russian words.
        let ru = Catalog::for_tag("ru");
        let ashgabat = shown
            .iter()
            .find(|m| caption_text(ru, &story, &markers, m) == "Ashgabat")
            .expect("Ashgabat's marker");
        assert_eq!(
            marker_name(ru, &story, ashgabat, "Ashgabat").0,
            "Ashgabat: 2 события"
        );

        // Widths as the reader would measure them; here, estimated.
        let widths: Vec<f64> = captions.iter().map(|c| caption_width(c)).collect();
        let (visible, left) = caption_sides(&story, &shown, &widths, &view, 1000.0, &[]);
        // Four places far apart: every caption fits.
        assert_eq!(visible.len(), shown.len());
        // Vostochny is the easternmost: near the right edge, its caption goes left.
        let east = shown
            .iter()
            .max_by(|a, b| a.world.x.total_cmp(&b.world.x))
            .expect("markers");
        assert!(left.contains(&east.key));
        // With a panel over the right 400 px, markers near its edge turn too.
        let (_, left_of_panel) = caption_sides(&story, &shown, &widths, &view, 600.0, &[]);
        assert!(left_of_panel.len() >= left.len());
    }
}
