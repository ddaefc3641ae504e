//! The gazetteer as the build writes it, and `dateline-draft` as a person
//! runs it: a draft on standard output that Dateline reads, the review on
//! standard error, and clear refusals for bad input.

use std::process::Command;

use dateline_draft::gazetteer::{Gazetteer, Kind};
use dateline_story::story::parse_value;

const GAZETTEER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/gazetteer.tsv");
const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/article.txt"
);

fn draft_cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline-draft"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dateline-draft: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_gazetteer_holds_cities_countries_and_states_and_credits_geonames() {
    let tsv = std::fs::read_to_string(GAZETTEER)
        .unwrap_or_else(|e| panic!("{GAZETTEER}: {e}; run `node tools/gazetteer/build.mjs`"));
    assert!(
        tsv.starts_with("# Dateline gazetteer: GeoNames cities"),
        "the header credits GeoNames"
    );
    assert!(tsv.contains("CC BY 4.0"));
    let g = Gazetteer::parse(&tsv).unwrap_or_else(|e| panic!("{e}"));
    assert!(g.len() > 130_000, "{} names", g.len());
    let first =
        |name: &str, kind: Kind| g.lookup(name).into_iter().find(|e| e.kind == kind).cloned();
    // As news spells them: case, diacritics, transliteration, punctuation, several words.
    for (written, country) in [
        ("Zhukovsky", "RU"),
        ("VOSTOCHNY", "RU"),
        ("Ashgabat", "TM"),
        ("Bogota", "CO"),
        ("Bogotá", "CO"),
        ("Mexico City", "MX"),
        ("Da Nang", "VN"),
        ("L'Aquila", "IT"),
        ("Rio de Janeiro", "BR"),
        ("Nizhniy Novgorod", "RU"),
        ("New York", "US"),
    ] {
        assert!(
            g.lookup(written).iter().any(|e| e.country == country),
            "{written} in {country}"
        );
    }
    let russia = first("Russia", Kind::Country).unwrap_or_else(|| panic!("Russia"));
    assert_eq!(russia.country, "RU");
    assert_eq!(
        first("North Korea", Kind::Country).map(|e| e.country),
        Some("KP".into())
    );
    assert_eq!(
        first("Texas", Kind::State).map(|e| e.admin1),
        Some("TX".into())
    );
    assert_eq!(
        first("Ga.", Kind::State).map(|e| e.admin1),
        Some("GA".into())
    );
    // Georgia is a country and a state; both are there.
    assert!(first("Georgia", Kind::Country).is_some() && first("Georgia", Kind::State).is_some());
}

#[test]
fn a_draft_on_stdout_that_dateline_reads_and_the_review_on_stderr() {
    let (code, out, err) = draft_cli(&[
        "--published",
        "2024-02-20",
        "--source-name",
        "TASS",
        "--source-url",
        "https://tass.com/politics/1749135",
        ARTICLE,
    ]);
    assert_eq!(code, 0, "{err}");
    let story: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let parsed = parse_value(&story).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(parsed.places.iter().any(|p| p.name == "Zhukovsky"));
    assert!(story["features"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|f| f["properties"]["events"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|e| e["draft"] == true)));
    assert_eq!(
        story["features"][0]["properties"]["events"][0]["source"]["url"],
        "https://tass.com/politics/1749135"
    );
    assert!(err.contains("GeoNames"), "{err}");
    assert!(
        err.contains("To review") && err.contains("Vostochny"),
        "{err}"
    );
}

#[test]
fn bad_input_is_refused_with_a_clear_message() {
    let cases: [(&[&str], &str); 5] = [
        (&["--published", "2024-02-30", ARTICLE], "is not a date"),
        (&[ARTICLE], "--published is required"),
        (
            &["--published", "2024-02-20", "/nonexistent/article.txt"],
            "cannot read /nonexistent/article.txt",
        ),
        (
            &[
                "--published",
                "2024-02-20",
                "--source-url",
                "tass.com/x",
                ARTICLE,
            ],
            "is not a web link",
        ),
        (
            &[
                "--published",
                "2024-02-20",
                "--gazetteer",
                "/nonexistent.tsv",
                ARTICLE,
            ],
            "build it with `node tools/gazetteer/build.mjs`",
        ),
    ];
    for (args, message) in cases {
        let (code, out, err) = draft_cli(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}: nothing on stdout");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let binary = std::env::temp_dir().join("dateline-draft-binary.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x80]).unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = draft_cli(&["--published", "2024-02-20", binary.to_str().unwrap_or("")]);
    assert_eq!(code, 2);
    assert!(err.contains("is not UTF-8 text"), "{err}");
}

#[test]
fn an_article_cut_mid_sentence_is_drafted_not_aborted() {
    // Found by fuzzing: "head of" at the very end ran past the sentence's words.
    let cut = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/fuzz/draft-cut-after-head-of.txt"
    );
    let (code, out, err) = draft_cli(&["--published", "2024-02-20", cut]);
    assert_eq!(code, 0, "{err}");
    let story: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let parsed = parse_value(&story).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(parsed.places.iter().any(|p| p.name == "Moscow"), "{out}");
}

#[test]
fn a_trip_preview_drafts_its_days_ahead_of_publication() {
    let preview = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/articles/trip-preview-weekdays.txt"
    );
    // Published on Sunday 15 September 2024, the day before the trip starts.
    let (code, out, _) = draft_cli(&["--published", "2024-09-15", preview]);
    assert_eq!(code, 0);
    let story: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let dated = |place: &str| -> Vec<String> {
        story["features"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["properties"]["name"] == place)
            .flat_map(|f| f["properties"]["events"].as_array().into_iter().flatten())
            .filter_map(|e| e["date"].as_str().map(str::to_string))
            .collect()
    };
    // "On Wednesday … Osaka", "On Friday … Busan": the coming weekdays, not the last ones.
    assert!(
        dated("Osaka").contains(&"2024-09-18".to_string()),
        "{:?}",
        dated("Osaka")
    );
    assert!(
        dated("Busan").contains(&"2024-09-20".to_string()),
        "{:?}",
        dated("Busan")
    );
    assert!(
        dated("Tokyo").iter().all(|d| d.as_str() >= "2024-09-15"),
        "{:?}",
        dated("Tokyo")
    );
}
