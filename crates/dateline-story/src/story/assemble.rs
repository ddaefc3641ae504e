//! Turning read features into a story: checking ids are unique, merging points
//! at the same coordinates into one place, generating the missing ids, and
//! putting each place's events in date order.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::date::PartialDate;
use super::error::{ErrorKind, StoryError};
use super::feature::{EventDraft, FeatureDraft};
use super::model::{Event, Place, Story};
use super::rich_text::RichText;

/// Builds the story from the features that could be read, adding duplicate-id
/// errors to `errors`. The story is only meaningful if `errors` stays empty.
pub(crate) fn assemble(
    title: Option<String>,
    summary: Option<RichText>,
    line: bool,
    mut features: Vec<FeatureDraft>,
    errors: &mut Vec<StoryError>,
) -> Story {
    check_unique_ids(&features, errors);
    // File order, before points merge events of several features into one place.
    for (order, event) in features
        .iter_mut()
        .flat_map(|f| f.events.iter_mut())
        .enumerate()
    {
        event.order = order;
    }
    let explicit_place_ids: HashSet<String> =
        features.iter().filter_map(|f| f.id.clone()).collect();
    let explicit_event_ids: HashSet<String> = features
        .iter()
        .flat_map(|f| f.events.iter().filter_map(|e| e.id.clone()))
        .collect();

    let mut place_ids = explicit_place_ids;
    let mut event_ids = explicit_event_ids;
    let places = merge_by_point(features)
        .into_iter()
        .map(|group| {
            let id = group.id.unwrap_or_else(|| {
                unique(format!("place-{}", group.feature_index), &mut place_ids)
            });
            let mut events: Vec<Event> = group
                .events
                .into_iter()
                .enumerate()
                .map(|(n, e)| Event {
                    id: e
                        .id
                        .unwrap_or_else(|| unique(format!("{id}-{}", n + 1), &mut event_ids)),
                    date: e.date,
                    date_text: e.date_text,
                    title: e.title.unwrap_or_default(),
                    summary: e.summary,
                    people: e.people,
                    source: e.source,
                    media: e.media,
                    order: e.order,
                })
                .collect();
            // The sort is stable: equal dates keep their input order.
            crate::sorting::sort_by(&mut events, |a, b| {
                by_date(a.date.as_ref(), b.date.as_ref())
            });
            Place {
                id,
                name: group.name.unwrap_or_default(),
                lon: group.lon,
                lat: group.lat,
                events,
            }
        })
        .collect();
    Story {
        title,
        summary,
        places,
        line,
        notices: Vec::new(),
    }
}

/// Dated events first, by date; undated ones last.
fn by_date(a: Option<&PartialDate>, b: Option<&PartialDate>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// `base`, or `base-2`, `base-3`, ... whichever is free first; it is then taken.
fn unique(base: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// Feature ids must be unique, and so must event ids. A one-event feature's
/// event id is its feature id, so that clash is reported once, as features.
fn check_unique_ids(features: &[FeatureDraft], errors: &mut Vec<StoryError>) {
    let mut feature_ids: HashMap<&str, usize> = HashMap::new();
    let mut event_ids: HashMap<&str, (usize, bool)> = HashMap::new();
    for f in features {
        if let Some(id) = f.id.as_deref() {
            if let Some(&first) = feature_ids.get(id) {
                errors.push(duplicate(f, "id", id, first));
            } else {
                feature_ids.insert(id, f.index);
            }
        }
        for e in &f.events {
            let Some(id) = e.id.as_deref() else { continue };
            match event_ids.get(id) {
                Some(&(_, true)) if e.id_from_feature => {}
                Some(&(first, _)) => errors.push(duplicate(f, &e.id_field, id, first)),
                None => {
                    event_ids.insert(id, (f.index, e.id_from_feature));
                }
            }
        }
    }
}

fn duplicate(f: &FeatureDraft, field: &str, id: &str, first_feature: usize) -> StoryError {
    StoryError::in_feature(
        f.index,
        f.id.as_deref(),
        field,
        ErrorKind::DuplicateId {
            id: id.to_string(),
            first_feature,
        },
    )
}

/// The features that share one point.
struct Group {
    feature_index: usize,
    id: Option<String>,
    name: Option<String>,
    lon: f64,
    lat: f64,
    events: Vec<EventDraft>,
}

/// Groups features by exact point, in order of first appearance; the first
/// feature gives the group its id and name. Features without a valid point
/// (already reported) are left out.
fn merge_by_point(features: Vec<FeatureDraft>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_point: HashMap<(u64, u64), usize> = HashMap::new();
    for f in features {
        let Some((lon, lat)) = f.point else { continue };
        // Adding 0.0 turns -0.0 into 0.0, so the two zeros share a key as they compare equal.
        let key = ((lon + 0.0).to_bits(), (lat + 0.0).to_bits());
        match by_point.get(&key) {
            Some(&i) => {
                if let Some(group) = groups.get_mut(i) {
                    group.events.extend(f.events);
                }
            }
            None => {
                by_point.insert(key, groups.len());
                groups.push(Group {
                    feature_index: f.index,
                    id: f.id,
                    name: f.name,
                    lon,
                    lat,
                    events: f.events,
                });
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: Option<&str>, date: Option<&str>, title: &str) -> EventDraft {
        EventDraft {
            id: id.map(str::to_string),
            id_from_feature: false,
            id_field: "properties.events[0].id".into(),
            title: Some(title.into()),
            date: date.map(|d| PartialDate::parse(d).unwrap()),
            date_text: None,
            summary: None,
            people: vec![],
            source: None,
            media: vec![],
            order: 0,
        }
    }

    fn feature(
        index: usize,
        id: Option<&str>,
        point: (f64, f64),
        events: Vec<EventDraft>,
    ) -> FeatureDraft {
        FeatureDraft {
            index,
            id: id.map(str::to_string),
            name: Some(format!("name {index}")),
            point: Some(point),
            events,
        }
    }

    fn build(features: Vec<FeatureDraft>) -> (Story, Vec<StoryError>) {
        let mut errors = vec![];
        let story = assemble(None, None, false, features, &mut errors);
        (story, errors)
    }

    fn titles(place: &Place) -> Vec<&str> {
        place.events.iter().map(|e| e.title.as_str()).collect()
    }

    #[test]
    fn sorts_events_by_date_undated_last_stable() {
        let (story, errors) = build(vec![feature(
            0,
            Some("p"),
            (1.0, 2.0),
            vec![
                event(None, None, "undated A"),
                event(None, Some("2024-02-20"), "2024-02-20"),
                event(None, Some("2019"), "2019 first"),
                event(None, None, "undated B"),
                event(None, Some("2019-01-01"), "2019-01-01"),
                event(None, Some("2019"), "2019 second"),
                event(None, Some("2018-05-07"), "2018-05-07"),
            ],
        )]);
        assert!(errors.is_empty());
        assert_eq!(
            titles(&story.places[0]),
            [
                "2018-05-07",
                "2019 first",
                "2019 second",
                "2019-01-01",
                "2024-02-20",
                "undated A",
                "undated B"
            ]
        );
        // Generated ids follow input position, not sorted position.
        let ids: Vec<&str> = story.places[0]
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["p-7", "p-3", "p-6", "p-5", "p-2", "p-1", "p-4"]);
    }

    #[test]
    fn merges_same_point_keeping_first_name_and_id() {
        let (story, errors) = build(vec![
            feature(
                0,
                None,
                (37.6175, 55.752),
                vec![event(None, Some("2020"), "a")],
            ),
            feature(
                1,
                Some("other"),
                (38.15, 55.5533),
                vec![event(None, None, "b")],
            ),
            feature(
                2,
                Some("later"),
                (37.6175, 55.752),
                vec![event(None, Some("2019"), "c")],
            ),
            feature(3, None, (-0.0, 0.0), vec![event(None, None, "d")]),
            feature(4, None, (0.0, -0.0), vec![event(None, None, "e")]),
        ]);
        assert!(errors.is_empty());
        let places: Vec<(&str, &str, usize)> = story
            .places
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str(), p.events.len()))
            .collect();
        assert_eq!(
            places,
            [
                ("place-0", "name 0", 2),
                ("other", "name 1", 1),
                ("place-3", "name 3", 2)
            ]
        );
        assert_eq!(titles(&story.places[0]), ["c", "a"]);
        let ids: Vec<&str> = story.places[0]
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["place-0-2", "place-0-1"]);
    }

    #[test]
    fn generated_ids_step_around_explicit_ones() {
        let (story, errors) = build(vec![
            feature(
                0,
                Some("place-1"),
                (0.0, 0.0),
                vec![event(Some("place-1-1"), None, "a")],
            ),
            feature(
                1,
                None,
                (1.0, 1.0),
                vec![event(None, None, "b"), event(None, None, "c")],
            ),
            feature(
                2,
                Some("place-2-2"),
                (2.0, 2.0),
                vec![event(None, None, "d")],
            ),
        ]);
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(story.places[1].id, "place-1-2");
        let ids: Vec<&str> = story.places[1]
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["place-1-2-1", "place-1-2-2"]);
        assert_eq!(story.places[2].events[0].id, "place-2-2-1");
        assert_eq!(
            unique("a".into(), &mut HashSet::from(["a".into(), "a-2".into()])),
            "a-3"
        );
    }

    #[test]
    fn duplicate_feature_ids_name_both_features() {
        let (_, errors) = build(vec![
            feature(
                0,
                Some("moscow"),
                (0.0, 0.0),
                vec![event(Some("e1"), None, "a")],
            ),
            feature(1, Some("x"), (1.0, 0.0), vec![event(Some("e2"), None, "b")]),
            feature(
                3,
                Some("moscow"),
                (2.0, 0.0),
                vec![event(Some("e3"), None, "c")],
            ),
        ]);
        assert_eq!(errors.len(), 1);
        let e = &errors[0];
        assert_eq!(
            (e.feature, e.feature_id.as_deref(), e.field.as_str()),
            (Some(3), Some("moscow"), "id")
        );
        assert_eq!(
            e.kind,
            ErrorKind::DuplicateId {
                id: "moscow".into(),
                first_feature: 0
            }
        );
        assert_eq!(
            e.to_string(),
            "Feature 3 (id \"moscow\"), field \"id\": the id \"moscow\" is already used by feature 0; place ids and event ids must each be unique in the story."
        );
    }

    #[test]
    fn duplicate_event_ids_name_both_features() {
        let mut dup = event(Some("gift"), None, "b");
        dup.id_field = "properties.events[1].id".into();
        let (_, errors) = build(vec![
            feature(
                0,
                Some("moscow"),
                (0.0, 0.0),
                vec![event(Some("gift"), None, "a")],
            ),
            feature(
                1,
                Some("vostochny"),
                (1.0, 0.0),
                vec![event(Some("other"), None, "x"), dup],
            ),
        ]);
        assert_eq!(errors.len(), 1);
        let e = &errors[0];
        assert_eq!(
            (e.feature, e.feature_id.as_deref(), e.field.as_str()),
            (Some(1), Some("vostochny"), "properties.events[1].id")
        );
        assert_eq!(
            e.kind,
            ErrorKind::DuplicateId {
                id: "gift".into(),
                first_feature: 0
            }
        );
    }

    #[test]
    fn one_event_feature_ids_are_reported_once() {
        let single = |index, id: &str, point| {
            let mut e = event(Some(id), None, "t");
            e.id_from_feature = true;
            e.id_field = "id".into();
            feature(index, Some(id), point, vec![e])
        };
        let (_, errors) = build(vec![single(0, "a", (0.0, 0.0)), single(1, "a", (1.0, 1.0))]);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].field, "id");
        // A one-event feature may reuse its id for place and event, but an
        // event elsewhere may not take it.
        let (_, errors) = build(vec![
            single(0, "a", (0.0, 0.0)),
            feature(1, Some("b"), (1.0, 1.0), vec![event(Some("a"), None, "t")]),
        ]);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(
            (errors[0].feature, errors[0].field.as_str()),
            (Some(1), "properties.events[0].id")
        );
    }

    #[test]
    fn features_without_a_point_are_left_out() {
        let mut broken = feature(0, None, (0.0, 0.0), vec![event(None, None, "a")]);
        broken.point = None;
        let (story, _) = build(vec![
            broken,
            feature(1, None, (1.0, 1.0), vec![event(None, None, "b")]),
        ]);
        assert_eq!(story.places.len(), 1);
        assert_eq!(story.places[0].id, "place-1");
        assert_eq!(story.places[0].events[0].id, "place-1-1");
    }
}
