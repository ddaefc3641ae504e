//! StoryMapJS files read from their text, as the widget reads them (the
//! importer's own tests, in `crates/dateline-story/src/import/storymapjs.rs`, check every rule).

use dateline_core::import::{read_story, Format};
use dateline_core::story::{ErrorKind, Part};
use dateline_core::timeline::reading_order;

const BEAGLE: &str = include_str!("../../../tests/fixtures/storymapjs/beagle.json");
const TOP_LEVEL: &str = include_str!("../../../tests/fixtures/storymapjs/options-top-level.json");
const SKIPPED: &str = include_str!("../../../tests/fixtures/storymapjs/skipped-slides.json");

#[test]
fn each_fixture_is_detected_and_shown() {
    for (text, places, events, notices) in
        [(BEAGLE, 6, 7, 0), (TOP_LEVEL, 3, 3, 0), (SKIPPED, 1, 1, 5)]
    {
        let story = read_story(text, Format::Detect).unwrap_or_else(|e| panic!("{e:#?}"));
        assert_eq!(
            (story.places.len(), story.event_count(), story.notices.len()),
            (places, events, notices)
        );
        assert!(story.line);
        assert!(story.title.is_some());
        assert_eq!(reading_order(&story).len(), events);
        assert!(story.notices.iter().all(|n| n.part == Part::Slide));
    }
}

#[test]
fn a_byte_order_mark_is_no_problem() {
    let story = read_story(&format!("\u{feff}{BEAGLE}"), Format::Detect).expect("story");
    assert_eq!(story.places.len(), 6);
}

#[test]
fn json_that_is_no_story_gets_the_geojson_error() {
    let errors = read_story(r#"{"title": "not a story"}"#, Format::Detect).expect_err("no story");
    assert_eq!(
        errors[0].to_string(),
        "Story: the story must be a GeoJSON FeatureCollection (an object with \"type\": \"FeatureCollection\" and a \"features\" array), but this is an object without a \"type\"."
    );
    let errors = read_story(r#"{"storymap": {"slides": []}}"#, Format::Detect).expect_err("empty");
    assert!(matches!(
        errors[0].kind,
        ErrorKind::NothingToShow { what: "slide", .. }
    ));
}
