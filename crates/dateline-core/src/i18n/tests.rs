use super::*;

/// Every template of a catalogue, by name, and the placeholders it must keep.
fn templates(c: &Catalog) -> Vec<(&'static str, &'static str, &'static [&'static str])> {
    vec![
        ("map_label", c.map_label, &["{title}"]),
        ("undated_event", c.undated_event, &["{title}"]),
        ("overview_of", c.overview_of, &["{title}"]),
        ("show_more", c.show_more, &["{shown}", "{total}"]),
        ("position", c.position, &["{current}", "{total}"]),
        ("unknown_event", c.unknown_event, &["{id}"]),
        ("place_marker", c.place_marker, &["{name}", "{count}"]),
        (
            "group_marker",
            c.group_marker,
            &["{names}", "{places}", "{count}"],
        ),
        ("network_error", c.network_error, &["{url}", "{reason}"]),
        ("http_error", c.http_error, &["{url}", "{status}"]),
        ("unreadable", c.unreadable, &["{reason}"]),
        (
            "importer_error",
            c.importer_error,
            &["{origin}", "{reason}"],
        ),
    ]
}

#[test]
fn every_catalogue_keeps_every_placeholder_and_counts_every_number() {
    for c in CATALOGS {
        for (name, template, keys) in templates(c) {
            for key in keys {
                assert!(template.contains(key), "{}: {name} lacks {key}", c.tag);
            }
        }
        for n in [0u64, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 111] {
            let events = c.events(n);
            assert!(
                !events.is_empty() && !events.contains('{'),
                "{}: {events}",
                c.tag
            );
            let more = c.group_caption(&[], "Moscow", n as usize + 1);
            assert!(
                more.contains("Moscow") && !more.contains('{'),
                "{}: {more}",
                c.tag
            );
            let frame = fill(&c.count(&c.cannot_show, n), &[("origin", "x")]);
            assert!(!frame.contains('{'), "{}: {frame}", c.tag);
        }
        assert_eq!(Catalog::for_tag(c.tag).tag, c.tag);
    }
}

#[test]
fn russian_counts_in_three_forms() {
    let ru = Catalog::for_tag("ru");
    assert_eq!(
        [1, 2, 5, 11, 21, 22, 111].map(|n| ru.events(n)),
        [
            "1 событие",
            "2 события",
            "5 событий",
            "11 событий",
            "21 событие",
            "22 события",
            "111 событий"
        ]
    );
    assert_eq!(ru.place_marker("Москва", 3), "Москва: 3 события");
}

#[test]
fn arabic_counts_in_six_forms_and_is_written_right_to_left() {
    let ar = Catalog::for_tag("ar");
    assert!(ar.rtl);
    assert_eq!(
        [0, 1, 2, 3, 11, 100].map(|n| PluralRule::Arabic.category(n)),
        [
            Category::Zero,
            Category::One,
            Category::Two,
            Category::Few,
            Category::Many,
            Category::Other
        ]
    );
    assert_eq!(ar.events(2), "حدثان");
    assert_eq!(ar.events(7), "7 أحداث");
    assert!(!Catalog::for_tag("en").rtl);
}

#[test]
fn french_counts_zero_as_one() {
    let fr = Catalog::for_tag("fr-CA");
    assert_eq!(fr.events(0), "0 événement");
    assert_eq!(fr.events(2), "2 événements");
}

#[test]
fn english_names_lists_groups_and_markers_as_before() {
    let en = Catalog::for_tag("en-GB");
    assert_eq!(en.join(&[]), "");
    assert_eq!(en.join(&["Moscow"]), "Moscow");
    assert_eq!(en.join(&["Moscow", "Zhukovsky"]), "Moscow and Zhukovsky");
    assert_eq!(en.join(&["A", "B", "C"]), "A, B and C");
    assert_eq!(en.group_caption(&["A", "B"], "A", 2), "A and B");
    assert_eq!(
        en.group_caption(&[], "Moscow", 5),
        "Moscow and 4 more places"
    );
    assert_eq!(
        en.group_caption(&[], "Moscow", 2),
        "Moscow and 1 more place"
    );
    assert_eq!(en.place_marker("Moscow", 3), "Moscow: 3 events");
    assert_eq!(en.place_marker("Zhukovsky", 1), "Zhukovsky: 1 event");
    assert_eq!(
        en.group_marker("Moscow and Zhukovsky", 2, 4),
        "Moscow and Zhukovsky: 2 places, 4 events"
    );
    assert_eq!(Catalog::for_tag("").tag, "en");
    assert_eq!(Catalog::for_tag("zz").tag, "en");
}

#[test]
fn short_counts_fit_on_a_marker() {
    assert_eq!(short_count(7), "7");
    assert_eq!(short_count(999), "999");
    assert_eq!(short_count(1234), "1.2k");
    assert_eq!(short_count(12_600), "13k");
}
