//! Every example of docs/story-format.md reads as the text around it says.

use dateline_story::import::{read_story, Format};
use dateline_story::story::{parse, Block, Inline, MediaKind};

/// The blocks of docs/story-format.md in `language` (`json`, `csv`), in order.
fn doc_examples(language: &str) -> Vec<&'static str> {
    let doc = include_str!("../../../docs/story-format.md");
    doc.split(&format!("```{language}\n"))
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .collect()
}

#[test]
fn canonical_and_geojson_io_examples() {
    let examples = doc_examples("json");
    assert_eq!(examples.len(), 6);
    let story = parse(examples[0]).unwrap_or_else(|e| panic!("{e:#?}"));
    let ids: Vec<(&str, &str, String)> = story
        .events()
        .map(|(p, e)| {
            (
                p.id.as_str(),
                e.id.as_str(),
                dateline_story::story::format_optional_date(e.date.as_ref()),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("moscow", "kim-gift", "20 February 2024".to_string()),
            ("moscow", "moscow-2", "undated".to_string()),
            ("zhukovsky", "maks", "August 2019".to_string()),
        ]
    );
    let story = parse(examples[4]).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(story.places.len(), 1);
    assert_eq!(story.places[0].name, "Putin's inauguration");
    assert_eq!(story.places[0].events.len(), 2);
}

#[test]
fn rich_text_example() {
    let story = parse(doc_examples("json")[1]).unwrap_or_else(|e| panic!("{e:#?}"));
    let event = &story.places[0].events[0];
    let Some(summary) = &event.summary else {
        panic!("no summary");
    };
    assert_eq!(
        summary.to_plain(),
        "Putin rode to his inauguration in the car.\nThe report\n\na Senat limousine\nbuilt by NAMI"
    );
    let Block::Paragraph(first) = &summary.blocks[0] else {
        panic!("not a paragraph: {:?}", summary.blocks[0]);
    };
    assert!(first.iter().any(|i| matches!(i, Inline::Italic(_))));
    assert!(first.iter().any(
        |i| matches!(i, Inline::Link { href, .. } if href == "https://tass.com/politics/1749135")
    ));
    assert!(
        matches!(&summary.blocks[1], Block::List { ordered: false, items } if items.len() == 2)
    );
}

#[test]
fn media_example() {
    let story = parse(doc_examples("json")[2]).unwrap_or_else(|e| panic!("{e:#?}"));
    let media = &story.places[0].events[0].media;
    assert_eq!(media.len(), 2);
    assert_eq!(media[0].kind(), MediaKind::Image);
    assert_eq!(
        media[0].alt.as_deref(),
        Some("Kim Jong Un beside an Aurus Senat")
    );
    assert_eq!(media[0].link.as_deref(), Some("https://tass.com/"));
    assert_eq!(media[1].kind(), MediaKind::Page);
    assert_eq!(media[1].credit.as_deref(), Some("Video: TASS"));
}

#[test]
fn journey_line_example() {
    let story = parse(doc_examples("json")[3]).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(story.line);
    let names: Vec<&str> = story.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Moscow", "Ashgabat", "Vostochny"]);
}

#[test]
fn storymapjs_example() {
    let story =
        read_story(doc_examples("json")[5], Format::Detect).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(
        story.title.as_deref(),
        Some("Aurus, the Kremlin's limousine")
    );
    assert!(story.line);
    assert!(story.notices.is_empty(), "{:?}", story.notices);
    let events: Vec<(&str, &str, String)> = story
        .events()
        .map(|(p, e)| {
            (
                p.name.as_str(),
                e.title.as_str(),
                e.date.map(|d| d.iso()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            (
                "Moscow",
                "Putin arrives in an Aurus",
                "2018-05-07".to_string()
            ),
            (
                "Zhukovsky",
                "Putin and Erdogan inspect an Aurus cabin",
                "2019-08".to_string()
            ),
        ]
    );
    let moscow = &story.places[0].events[0];
    assert_eq!(moscow.media[0].credit.as_deref(), Some("TASS"));
    assert_eq!(
        moscow.summary.as_ref().map(|s| s.to_plain()).as_deref(),
        Some("The first public outing of the Senat.")
    );
}

#[test]
fn csv_example() {
    let examples = doc_examples("csv");
    assert_eq!(examples.len(), 1);
    let story = read_story(examples[0], Format::Csv).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(story.notices.is_empty(), "{:?}", story.notices);
    let names: Vec<&str> = story.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Moscow", "Zhukovsky", "Ashgabat"]);
    let first = &story.places[0].events[0];
    assert_eq!(
        first.media[0].caption.as_deref(),
        Some("The Senat at the Kremlin")
    );
    assert_eq!(
        first.summary.as_ref().map(|s| s.to_plain()).as_deref(),
        Some("The first outing of the Senat, made by NAMI.")
    );
}
