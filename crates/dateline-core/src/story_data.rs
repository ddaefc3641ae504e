//! What a map knows of its story, built once when the story arrives: the
//! reading order, the places' world positions and their clusters, the bounds.

use std::sync::Arc;

use crate::geo::{project, Journey, LonLat, WorldBounds, WorldPoint};
use crate::markers::StoryMarkers;
use crate::story::{EventSummary, Story};
use crate::timeline::{reading_order, EventRef};

/// What a map knows of its story, built once.
pub struct StoryData {
    /// The story.
    pub story: Arc<Story>,
    /// Every event in reading order; `Selection::Event` indexes it.
    pub order: Arc<Vec<EventRef>>,
    /// The places' world positions, by index.
    pub places: Vec<WorldPoint>,
    /// The places clustered for every zoom.
    pub markers: Arc<StoryMarkers>,
    /// Where the places are.
    pub bounds: Option<WorldBounds>,
    /// The line through the events' places in reading order, if the story asks for one.
    pub journey: Option<Arc<Journey>>,
}

impl StoryData {
    /// Projects and clusters `story`'s places, and puts its events in order.
    pub fn new(story: Arc<Story>) -> StoryData {
        let places: Vec<WorldPoint> = story
            .places
            .iter()
            // Validated stories have finite coordinates; the fallback is unreachable in practice.
            .map(|p| project(p.lon, p.lat).unwrap_or(WorldPoint::new(0.5, 0.5)))
            .collect();
        let events: Vec<u32> = story
            .places
            .iter()
            .map(|p| u32::try_from(p.events.len()).unwrap_or(u32::MAX))
            .collect();
        let order = reading_order(&story);
        let journey = story.line.then(|| {
            let stops: Vec<(usize, LonLat)> = order
                .iter()
                .enumerate()
                .filter_map(|(k, r)| {
                    let place = story.places.get(r.place)?;
                    Some((
                        k,
                        LonLat {
                            lon: place.lon,
                            lat: place.lat,
                        },
                    ))
                })
                .collect();
            Arc::new(Journey::through(&stops))
        });
        StoryData {
            order: Arc::new(order),
            journey,
            markers: Arc::new(StoryMarkers::new(&places, &events)),
            bounds: WorldBounds::from_points(places.iter().copied()),
            places,
            story,
        }
    }

    /// The index in the reading order of the event with this id.
    pub fn position_of(&self, event_id: &str) -> Option<usize> {
        self.order.iter().position(|r| {
            r.resolve(&self.story)
                .is_some_and(|(_, e)| e.id == event_id)
        })
    }

    /// The event at position `k` of the reading order, summed up for a script.
    pub fn summary(&self, k: usize) -> Option<EventSummary> {
        let (place, event) = self.order.get(k)?.resolve(&self.story)?;
        Some(EventSummary::of(place, event))
    }

    /// Every event in reading order, summed up for a script.
    pub fn summaries(&self) -> Vec<EventSummary> {
        (0..self.order.len())
            .filter_map(|k| self.summary(k))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse;

    #[test]
    fn the_article_in_reading_order_with_its_places_clustered() {
        let story = Arc::new(parse(include_str!("../../../assets/story.geojson")).expect("parses"));
        let data = StoryData::new(story.clone());
        assert_eq!(data.order.len(), 7);
        assert_eq!(data.places.len(), 4);
        assert_eq!(data.position_of("putin-inauguration"), Some(0));
        assert_eq!(data.position_of("foreign-guests"), Some(6), "undated last");
        assert_eq!(data.position_of("no-such-event"), None);
        let bounds = data.bounds.expect("bounds");
        assert!(data.places.iter().all(|p| bounds.contains(*p)));
        assert_eq!(data.markers.tree().len(), 4);
        let summaries = data.summaries();
        let ids: Vec<&str> = summaries.iter().map(|s| s.id.as_str()).collect();
        let in_order: Vec<&str> = (0..7)
            .filter_map(|k| data.order[k].resolve(&story).map(|(_, e)| e.id.as_str()))
            .collect();
        assert_eq!(ids, in_order);
        assert_eq!(ids[0], "putin-inauguration");
        assert_eq!(summaries[0].place, "Moscow");
        assert_eq!(summaries[0].date.as_deref(), Some("2018-05-07"));
        assert_eq!(summaries[6].date, None, "undated last");
    }
}
