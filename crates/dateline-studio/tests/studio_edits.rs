//! Dateline Studio's edits on a drafted story, with undo and redo, and the
//! file taken away: every step gives a story the widget reads.

use dateline_story::story::parse_value;
use dateline_studio::{apply, drafts_left, export, EditError, EventField, History, StoryEdit};
use serde_json::{json, Value};

/// A draft as the drafter writes it: one place under review with candidates.
fn draft() -> Value {
    json!({
        "type": "FeatureCollection",
        "properties": { "title": "Kim Jong Un first leader to get Aurus car from Putin", "draft": true },
        "features": [
            { "type": "Feature", "id": "moscow", "geometry": { "type": "Point", "coordinates": [37.6156, 55.7522] },
              "properties": { "name": "Moscow", "events": [
                  { "id": "moscow-2018-05-07", "date": "2018-05-07", "title": "Putin rides to his inauguration", "draft": true },
                  { "id": "moscow-2024-02-20", "date": "2024-02-20", "title": "Kim gets an Aurus", "draft": true } ] } },
            { "type": "Feature", "id": "vostochny-spaceport", "geometry": { "type": "Point", "coordinates": [52.2451, 58.7881] },
              "properties": { "name": "Vostochny Spaceport", "review": "named after Vostochny",
                  "candidates": [ { "name": "Vostochnyy", "lon": 52.2451, "lat": 58.7881 }, { "name": "Vostochnyy", "lon": 61.8139, "lat": 58.7999 } ],
                  "events": [ { "id": "vostochny-2023-09", "date": "2023-09", "title": "Kim sees the limousine", "draft": true } ] } },
            { "type": "Feature", "id": "zhukovsky", "geometry": { "type": "Point", "coordinates": [38.1203, 55.5953] },
              "properties": { "name": "Zhukovsky", "events": [ { "id": "zhukovsky-2019-08", "date": "2019-08", "title": "Putin and Erdogan inspect a helicopter", "draft": true } ] } }
        ]
    })
}

fn edit(story: &Value, e: StoryEdit) -> Value {
    let next = apply(story, &e).unwrap_or_else(|err| panic!("{e:?}: {err}"));
    parse_value(&next).unwrap_or_else(|errors| panic!("{e:?} made an invalid story: {errors:#?}"));
    next
}

fn event_titles(story: &Value, place: usize) -> Vec<String> {
    story["features"][place]["properties"]["events"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["title"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn reviewing_a_place_by_candidate_or_on_the_map() {
    let s = edit(
        &draft(),
        StoryEdit::ChooseCandidate {
            place: "vostochny-spaceport".into(),
            candidate: 1,
        },
    );
    let v = &s["features"][1];
    assert_eq!(v["geometry"]["coordinates"], json!([61.8139, 58.7999]));
    assert!(v["properties"].get("review").is_none() && v["properties"].get("candidates").is_none());
    // Placing it on the map where it belongs settles the review too.
    let s = edit(
        &draft(),
        StoryEdit::MovePlace {
            place: "vostochny-spaceport".into(),
            lon: 128.3339,
            lat: 51.8844,
        },
    );
    assert_eq!(
        s["features"][1]["geometry"]["coordinates"],
        json!([128.3339, 51.8844])
    );
    assert!(s["features"][1]["properties"].get("review").is_none());
    // What cannot be done says why.
    let bad = apply(
        &draft(),
        &StoryEdit::ChooseCandidate {
            place: "vostochny-spaceport".into(),
            candidate: 5,
        },
    );
    assert_eq!(bad.map_err(|e| e.to_string()), Err("the place \"vostochny-spaceport\" has no candidate number 5; choose one of those listed".into()));
    let off = apply(
        &draft(),
        &StoryEdit::MovePlace {
            place: "moscow".into(),
            lon: 200.0,
            lat: 0.0,
        },
    );
    assert_eq!(
        off.map_err(|e| e.to_string()),
        Err("longitude 200 is outside the allowed range -180 to 180".into())
    );
    assert!(matches!(
        apply(
            &draft(),
            &StoryEdit::RenamePlace {
                place: "paris".into(),
                name: "P".into()
            }
        ),
        Err(EditError::UnknownPlace(_))
    ));
    assert_eq!(
        apply(&json!({"type": "Feature"}), &StoryEdit::ConfirmAll),
        Err(EditError::NotAStory)
    );
}

#[test]
fn editing_events_and_places() {
    let s = edit(
        &draft(),
        StoryEdit::SetEventField {
            event: "moscow-2024-02-20".into(),
            field: EventField::Title,
            value: json!("Putin gives Kim Jong Un an Aurus"),
        },
    );
    assert_eq!(event_titles(&s, 0)[1], "Putin gives Kim Jong Un an Aurus");
    let s = edit(
        &s,
        StoryEdit::SetEventField {
            event: "moscow-2024-02-20".into(),
            field: EventField::SourceName,
            value: json!("TASS"),
        },
    );
    let s = edit(
        &s,
        StoryEdit::SetEventField {
            event: "moscow-2024-02-20".into(),
            field: EventField::SourceUrl,
            value: json!("https://tass.com/politics/1749135"),
        },
    );
    assert_eq!(
        s["features"][0]["properties"]["events"][1]["source"],
        json!({"url": "https://tass.com/politics/1749135", "name": "TASS"})
    );
    let s = edit(
        &s,
        StoryEdit::SetEventField {
            event: "moscow-2024-02-20".into(),
            field: EventField::People,
            value: json!(["Kim Jong Un", " ", "Vladimir Putin"]),
        },
    );
    assert_eq!(
        s["features"][0]["properties"]["events"][1]["people"],
        json!(["Kim Jong Un", "Vladimir Putin"])
    );
    let s = edit(
        &s,
        StoryEdit::SetEventField {
            event: "zhukovsky-2019-08".into(),
            field: EventField::Date,
            value: json!(""),
        },
    );
    assert!(
        s["features"][2]["properties"]["events"][0]
            .get("date")
            .is_none(),
        "an empty date is undated"
    );
    let s = edit(
        &s,
        StoryEdit::MoveEvent {
            event: "moscow-2024-02-20".into(),
            by: -1,
        },
    );
    assert_eq!(event_titles(&s, 0)[0], "Putin gives Kim Jong Un an Aurus");
    let s = edit(
        &s,
        StoryEdit::AddEvent {
            place: "zhukovsky".into(),
        },
    );
    assert_eq!(
        s["features"][2]["properties"]["events"][1]["id"],
        "zhukovsky-event"
    );
    let s = edit(
        &s,
        StoryEdit::DeleteEvent {
            event: "zhukovsky-event".into(),
        },
    );
    let s = edit(
        &s,
        StoryEdit::AddPlace {
            name: "Ashgabat".into(),
            lon: 58.3261,
            lat: 37.9601,
        },
    );
    assert_eq!(
        (
            s["features"][3]["id"].as_str(),
            s["features"][3]["properties"]["name"].as_str()
        ),
        (Some("ashgabat"), Some("Ashgabat"))
    );
    let s = edit(
        &s,
        StoryEdit::MergePlaces {
            from: "zhukovsky".into(),
            into: "moscow".into(),
        },
    );
    assert_eq!(s["features"].as_array().map(Vec::len), Some(3));
    assert_eq!(event_titles(&s, 0).len(), 3);
    let s = edit(
        &s,
        StoryEdit::DeletePlace {
            place: "ashgabat".into(),
        },
    );
    let s = edit(
        &s,
        StoryEdit::RenamePlace {
            place: "vostochny-spaceport".into(),
            name: " Vostochny Cosmodrome ".into(),
        },
    );
    assert_eq!(
        s["features"][1]["properties"]["name"],
        "Vostochny Cosmodrome"
    );
    let s = edit(&s, StoryEdit::StoryTitle("  ".into()));
    assert!(s["properties"].get("title").is_none());
    let s = edit(&s, StoryEdit::JourneyLine(true));
    assert_eq!(parse_value(&s).map(|story| story.line), Ok(true));
    assert_eq!(
        apply(
            &s,
            &StoryEdit::MergePlaces {
                from: "moscow".into(),
                into: "moscow".into()
            }
        ),
        Err(EditError::SamePlace)
    );
}

#[test]
fn undo_redo_and_the_file_taken_away() {
    let mut history = History::new(draft(), 200);
    // Typing a title, keystroke by keystroke, is one step.
    for title in ["P", "Pu", "Put", "Putin gives Kim an Aurus"] {
        let next = edit(
            history.present(),
            StoryEdit::SetEventField {
                event: "moscow-2024-02-20".into(),
                field: EventField::Title,
                value: json!(title),
            },
        );
        history.record(next, Some("moscow-2024-02-20/title"));
    }
    history.close_group();
    let next = edit(
        history.present(),
        StoryEdit::ConfirmEvent {
            event: "moscow-2024-02-20".into(),
        },
    );
    history.record(next, None);
    assert_eq!(drafts_left(history.present()), 3);
    history.undo();
    assert_eq!(drafts_left(history.present()), 4);
    assert_eq!(
        event_titles(history.present(), 0)[1],
        "Putin gives Kim an Aurus"
    );
    history.undo();
    assert_eq!(event_titles(history.present(), 0)[1], "Kim gets an Aurus");
    history.redo();
    assert_eq!(
        event_titles(history.present(), 0)[1],
        "Putin gives Kim an Aurus"
    );

    // Exported with drafts left, the story still says so; once all are confirmed, nothing does.
    let with_drafts = export(history.present());
    assert_eq!(with_drafts["properties"]["draft"], true);
    let done = edit(history.present(), StoryEdit::ConfirmAll);
    assert_eq!(drafts_left(&done), 0);
    let file = export(&done);
    assert!(file["properties"].get("draft").is_none());
    let text = serde_json::to_string_pretty(&file).unwrap_or_default();
    assert!(!text.contains("\"draft\""), "{text}");
    // The file read back is the same story.
    let again: Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(again, file);
    let story = parse_value(&again).unwrap_or_else(|e| panic!("{e:#?}"));
    let names: Vec<&str> = story.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Moscow", "Vostochny Spaceport", "Zhukovsky"]);
}
