//! The article's story (assets/story.geojson) and the fixture stories, parsed
//! end to end through the public API.

use dateline_story::story::{parse, Axis, DateError, ErrorKind, Precision, Story, StoryError};

const STORY: &str = include_str!("../../../assets/story.geojson");
/// A copy of shared/seed/article.txt, kept in the repository so CI can read it.
const ARTICLE: &str = include_str!("../../../tests/fixtures/article.txt");

fn article_story() -> Story {
    match parse(STORY) {
        Ok(story) => story,
        Err(errors) => panic!("assets/story.geojson is invalid:\n{errors:#?}"),
    }
}

fn messages(errors: &[StoryError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

#[test]
fn article_story_has_its_four_places() {
    let story = article_story();
    assert!(story.title.as_deref().is_some_and(|t| t.contains("Aurus")));
    assert!(story.summary.is_some());
    let places: Vec<(&str, &str, f64, f64)> = story
        .places
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str(), p.lon, p.lat))
        .collect();
    let expected = [
        ("moscow", "Moscow", 37.6175, 55.7520),
        ("vostochny", "Vostochny Cosmodrome", 128.3339, 51.8844),
        ("ashgabat", "Ashgabat", 58.3261, 37.9601),
        ("zhukovsky", "Zhukovsky", 38.1500, 55.5533),
    ];
    assert_eq!(places.len(), expected.len());
    for (got, want) in places.iter().zip(expected) {
        assert_eq!((got.0, got.1), (want.0, want.1));
        assert!((got.2 - want.2).abs() < 1e-9, "{} lon {}", got.0, got.2);
        assert!((got.3 - want.3).abs() < 1e-9, "{} lat {}", got.0, got.3);
    }
}

#[test]
fn article_story_has_its_seven_events_in_date_order() {
    let story = article_story();
    let events: Vec<(&str, &str, Option<String>, Option<Precision>)> = story
        .events()
        .map(|(p, e)| {
            (
                p.id.as_str(),
                e.id.as_str(),
                e.date.map(|d| d.iso()),
                e.date.map(|d| d.precision()),
            )
        })
        .collect();
    let day = Some(Precision::Day);
    let month = Some(Precision::Month);
    let year = Some(Precision::Year);
    assert_eq!(
        events,
        [
            (
                "moscow",
                "putin-inauguration",
                Some("2018-05-07".into()),
                day
            ),
            ("moscow", "kim-gift", Some("2024-02-20".into()), day),
            ("moscow", "foreign-guests", None, None),
            ("vostochny", "kim-sees-aurus", Some("2023-09".into()), month),
            (
                "ashgabat",
                "medvedev-shows-aurus",
                Some("2019".into()),
                year
            ),
            (
                "ashgabat",
                "turkmenistan-buys-aurus",
                Some("2022-06-10".into()),
                day
            ),
            (
                "zhukovsky",
                "maks-ansat-helicopter",
                Some("2019-08".into()),
                month
            ),
        ]
    );
    let (_, gift) = story.event("kim-gift").unwrap();
    assert!(gift.people.iter().any(|p| p == "Kim Jong Un"));
    assert!(gift.people.iter().any(|p| p == "Dmitry Peskov"));
    let (_, maks) = story.event("maks-ansat-helicopter").unwrap();
    assert_eq!(maks.people, ["Vladimir Putin", "Recep Tayyip Erdogan"]);
}

#[test]
fn every_event_quotes_the_article_verbatim() {
    // In CI, shared/ sits beside the clone; when it is there the copy must match it.
    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/article.txt"
    );
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(
            original, ARTICLE,
            "tests/fixtures/article.txt is out of date"
        );
    }
    let story = article_story();
    assert_eq!(story.event_count(), 7);
    for (_, event) in story.events() {
        let source = event
            .source
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no source", event.id));
        assert_eq!(source.name, "TASS");
        assert_eq!(
            source.url.as_deref(),
            Some("https://tass.com/politics/1749135")
        );
        assert_eq!(source.date.map(|d| d.iso()), Some("2024-02-20".into()));
        let quote = source.quote.as_deref().unwrap_or("");
        assert!(quote.len() > 40, "{}: quote too short", event.id);
        assert!(
            ARTICLE.contains(quote),
            "{}: quote is not verbatim: {quote}",
            event.id
        );
        assert!(
            !event.title.is_empty() && !event.people.is_empty(),
            "{}",
            event.id
        );
    }
}

#[test]
fn summaries_are_in_our_own_words() {
    let story = article_story();
    for (_, event) in story.events() {
        let summary = event
            .summary
            .as_ref()
            .map(|s| s.to_plain())
            .unwrap_or_else(|| panic!("{} has no summary", event.id));
        let sentences = summary.matches(". ").count() + 1;
        assert!(
            (2..=3).contains(&sentences),
            "{}: {sentences} sentences",
            event.id
        );
        // No run of seven words is lifted from the article.
        let words: Vec<&str> = summary.split_whitespace().collect();
        for run in words.windows(7) {
            let run = run.join(" ");
            assert!(!ARTICLE.contains(&run), "{}: copied {run:?}", event.id);
        }
    }
}

#[test]
fn broken_story_reports_each_mistake() {
    let errors = parse(include_str!("../../../tests/fixtures/broken.geojson")).unwrap_err();
    assert_eq!(
        messages(&errors),
        [
            "Feature 1 (id \"zhukovsky\"), field \"properties.events[0].date\": \"2019-13\" has month 13, which does not exist; months go from 01 to 12.",
            "Feature 2 (id \"ashgabat\"), field \"properties.events[0].source.url\": \"tass.com/politics/1749135\" is not a web link; use an absolute address starting with http:// or https://.",
            "Feature 3 (id \"vostochny\"), field \"properties.name\": the place has no name; give it a non-empty text \"name\" (a feature without \"events\" may use \"place\", \"name\" or \"title\").",
        ]
    );
    assert_eq!(
        errors[0].kind,
        ErrorKind::BadDate(DateError::MonthOutOfRange {
            input: "2019-13".into(),
            month: 13
        })
    );
    assert_eq!(
        errors[1].kind,
        ErrorKind::BadLink {
            url: "tass.com/politics/1749135".into()
        }
    );
    assert_eq!(errors[2].kind, ErrorKind::MissingName);
}

#[test]
fn geojson_io_export_merges_points_at_the_same_spot() {
    let story = match parse(include_str!("../../../tests/fixtures/geojson-io.geojson")) {
        Ok(story) => story,
        Err(errors) => panic!("{errors:#?}"),
    };
    assert_eq!(story.title, None);
    let places: Vec<(&str, &str, usize)> = story
        .places
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str(), p.events.len()))
        .collect();
    assert_eq!(
        places,
        [
            ("place-0", "Putin's inauguration", 3),
            ("place-1", "Zhukovsky", 1)
        ]
    );
    let moscow: Vec<(&str, &str)> = story.places[0]
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.title.as_str()))
        .collect();
    assert_eq!(
        moscow,
        [
            ("place-0-1", "Putin's inauguration"),
            ("place-0-2", "Kim Jong Un gets an Aurus"),
            ("7", "Foreign leaders see the car"),
        ]
    );
    let inauguration = &story.places[0].events[0];
    assert_eq!(
        inauguration
            .summary
            .as_ref()
            .map(|s| s.to_plain())
            .as_deref(),
        Some("The Aurus Senat brings Putin to the ceremony.")
    );
    assert_eq!(
        story.places[0].events[1]
            .source
            .as_ref()
            .map(|s| s.name.as_str()),
        Some("TASS")
    );
    let maks = &story.places[1].events[0];
    assert_eq!(maks.id, "place-1-1");
    assert_eq!(maks.date.map(|d| d.format_en()), Some("August 2019".into()));
    let source = maks.source.as_ref().unwrap();
    assert_eq!(
        (source.name.as_str(), source.url.as_deref()),
        ("tass.com", Some("https://tass.com/politics/1749135"))
    );
}

#[test]
fn not_json_reports_line_and_column() {
    let errors = parse(include_str!("../../../tests/fixtures/not-json.geojson")).unwrap_err();
    assert_eq!(
        messages(&errors),
        ["Story: not valid JSON at line 7, column 48: trailing comma."]
    );
    assert!(matches!(
        errors[0].kind,
        ErrorKind::InvalidJson {
            line: 7,
            column: 48,
            ..
        }
    ));
}

#[test]
fn a_single_feature_is_not_a_story() {
    let errors = parse(include_str!(
        "../../../tests/fixtures/single-feature.geojson"
    ))
    .unwrap_err();
    assert_eq!(
        messages(&errors),
        ["Story: the story must be a GeoJSON FeatureCollection (an object with \"type\": \"FeatureCollection\" and a \"features\" array), but this is a single Feature."]
    );
}

#[test]
fn unsupported_geometry_and_bad_values_are_all_reported() {
    let errors = parse(include_str!(
        "../../../tests/fixtures/unsupported-geometry.geojson"
    ))
    .unwrap_err();
    let kinds: Vec<(Option<usize>, &str, &ErrorKind)> = errors
        .iter()
        .map(|e| (e.feature, e.field.as_str(), &e.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                Some(0),
                "geometry.type",
                &ErrorKind::NotPoint {
                    found: "\"LineString\"".into()
                }
            ),
            (Some(1), "geometry", &ErrorKind::MissingGeometry),
            (
                Some(2),
                "geometry.coordinates",
                &ErrorKind::OutOfRange {
                    axis: Axis::Longitude,
                    value: 200.0,
                    min: -180.0,
                    max: 180.0
                }
            ),
            (
                Some(2),
                "properties.date",
                &ErrorKind::BadDate(DateError::DayOutOfRange {
                    input: "2023-02-30".into(),
                    year: 2023,
                    month: 2,
                    day: 30,
                    days_in_month: 28
                })
            ),
        ]
    );
    assert_eq!(
        errors[2].to_string(),
        "Feature 2 (id \"ashgabat\"), field \"geometry.coordinates\": longitude 200 is outside the allowed range -180 to 180."
    );
}

/// Every node of `value`, by JSON pointer.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                pointers(item, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// A parse result that holds together: a story with unique ids and places that
/// all have events, or at least one error, each with a message.
fn check_outcome(result: Result<Story, Vec<StoryError>>, features: usize, what: &str) {
    match result {
        Ok(story) => {
            assert!(!story.places.is_empty(), "{what}");
            let mut place_ids = std::collections::HashSet::new();
            let mut event_ids = std::collections::HashSet::new();
            for place in &story.places {
                assert!(place_ids.insert(place.id.clone()), "{what}: {}", place.id);
                assert!(!place.events.is_empty() && !place.name.is_empty(), "{what}");
                for e in &place.events {
                    assert!(event_ids.insert(e.id.clone()), "{what}: {}", e.id);
                    assert!(!e.title.is_empty(), "{what}");
                }
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "{what}");
            for e in &errors {
                assert!(e.feature.is_none_or(|i| i < features), "{what}: {e}");
                assert!(e.to_string().ends_with('.'), "{what}: {e}");
            }
            let order: Vec<Option<usize>> = errors.iter().map(|e| e.feature).collect();
            assert!(order.is_sorted(), "{what}: {order:?}");
        }
    }
}

#[test]
fn no_change_to_the_article_story_panics() {
    let original: serde_json::Value = serde_json::from_str(STORY).unwrap();
    let mut all = Vec::new();
    pointers(&original, String::new(), &mut all);
    let replacements = [
        serde_json::json!(null),
        serde_json::json!(""),
        serde_json::json!("  "),
        serde_json::json!("javascript:alert(1)"),
        serde_json::json!("2023-02-29"),
        serde_json::json!(-0.0),
        serde_json::json!(1e300),
        serde_json::json!(true),
        serde_json::json!([]),
        serde_json::json!([1, 2]),
        serde_json::json!({}),
        serde_json::json!("moscow"),
    ];
    for pointer in &all {
        for replacement in &replacements {
            let mut value = original.clone();
            if let Some(node) = value.pointer_mut(pointer) {
                *node = replacement.clone();
            }
            let what = format!("{pointer} = {replacement}");
            check_outcome(dateline_story::story::parse_value(&value), 4, &what);
        }
    }
    for end in (0..STORY.len()).filter(|&i| STORY.is_char_boundary(i)) {
        check_outcome(parse(&STORY[..end]), 4, &format!("cut at {end}"));
    }
}
