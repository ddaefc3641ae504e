//! The drafter's rules for articles it has never seen (issue 23), each on a
//! few sentences against the real gazetteer: landmarks and old names stand
//! for their places.

mod common;

use common::gazetteer;
use dateline_draft::dates::Day;
use dateline_draft::{draft, DraftInput};
use serde_json::Value;

/// The drafted places of `text`, published on `published`: (name, lon, lat, flagged).
fn places(text: &str, published: &str) -> Vec<(String, f64, f64, bool)> {
    let input = DraftInput {
        text,
        published: Day::parse(published).unwrap_or_else(|| panic!("{published}")),
        source_name: Some("Dateline Wire"),
        source_url: None,
    };
    let story = draft(&input, gazetteer()).story;
    story["features"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let at = &f["geometry"]["coordinates"];
            (
                f["properties"]["name"].as_str().unwrap_or("").to_string(),
                at[0].as_f64().unwrap_or(0.0),
                at[1].as_f64().unwrap_or(0.0),
                f["properties"]["events"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|e: &Value| e["review"].is_string()),
            )
        })
        .collect()
}

fn names(text: &str, published: &str) -> Vec<String> {
    places(text, published).into_iter().map(|p| p.0).collect()
}

#[test]
fn landmarks_stand_for_their_cities() {
    let text = "GENEVA, March 4 (Dateline Wire) - The Kremlin said on Monday that talks would go on. \
        The White House answered on Tuesday. Downing Street and the Élysée issued a joint statement on Wednesday.";
    let drafted = names(text, "2024-03-04");
    for city in ["Moscow", "Washington, D.C.", "London", "Paris"] {
        assert!(drafted.iter().any(|n| n == city), "{city} in {drafted:?}");
    }
    for landmark in ["Kremlin", "White House", "Downing Street", "Élysée"] {
        assert!(
            !drafted.iter().any(|n| n == landmark),
            "{landmark} in {drafted:?}"
        );
    }
    // Moscow where the Kremlin is, not a town called White House in Tennessee.
    let washington = places(text, "2024-03-04")
        .into_iter()
        .find(|p| p.0 == "Washington, D.C.");
    assert!(washington.is_some_and(|p| (p.1 + 77.04).abs() < 0.1 && (p.2 - 38.9).abs() < 0.1));
}

#[test]
fn a_landmark_and_its_city_are_one_place() {
    let text = "MOSCOW, March 4 (Dateline Wire) - The Kremlin said on Monday that the talks would resume. \
        Protesters gathered in Moscow on Tuesday.";
    let drafted = names(text, "2024-03-04");
    assert_eq!(
        drafted.iter().filter(|n| *n == "Moscow").count(),
        1,
        "{drafted:?}"
    );
}

#[test]
fn former_names_and_exonyms_are_the_places_of_today() {
    let text = "The company opened its first office in Bombay in 1994 and a second in Saigon in 1996. \
        It moved its Asian headquarters from Rangoon to Calcutta in 2001, and from Kiev to Peking in 2008.";
    let drafted = places(text, "2024-03-04");
    for (city, lon, lat) in [
        ("Mumbai", 72.88, 19.07),
        ("Ho Chi Minh City", 106.63, 10.82),
        ("Yangon", 96.16, 16.81),
        ("Kolkata", 88.36, 22.56),
        ("Kyiv", 30.52, 50.45),
        ("Beijing", 116.40, 39.91),
    ] {
        let found = drafted.iter().find(|p| p.0 == city);
        assert!(
            found.is_some_and(|p| (p.1 - lon).abs() < 0.5 && (p.2 - lat).abs() < 0.5),
            "{city} in {drafted:?}"
        );
    }
}
