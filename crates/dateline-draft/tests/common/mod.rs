//! The test articles (tests/fixtures/articles/: `NAME.txt` and its spec
//! `NAME.json`) and the gazetteer they are drafted against, shared by the
//! drafter's scored tests. Needs assets/gazetteer.tsv (`node tools/gazetteer/build.mjs`).

// Each test file uses some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dateline_draft::dates::Day;
use dateline_draft::gazetteer::Gazetteer;
use dateline_draft::{draft, Draft, DraftInput};
use serde_json::Value;

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/gazetteer.tsv");
        let tsv = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e}; run `node tools/gazetteer/build.mjs`"));
        Gazetteer::parse(&tsv).unwrap_or_else(|e| panic!("{e}"))
    })
}

fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/articles")
}

/// The spec of the article `name` (`{}` if it has none).
pub fn spec(name: &str) -> Value {
    let path = articles_dir().join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_default()).unwrap_or_default()
}

/// The names of every test article, sorted.
pub fn article_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(articles_dir())
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".json")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

/// The article `name`'s text and its draft, as its spec says to draft it.
pub fn drafted(name: &str) -> (String, Draft) {
    let spec = spec(name);
    let dir = articles_dir();
    let text_path = spec["article"]
        .as_str()
        .map_or(dir.join(format!("{name}.txt")), |a| dir.join(a));
    let text = std::fs::read_to_string(&text_path)
        .unwrap_or_else(|e| panic!("{}: {e}", text_path.display()));
    let published = spec["published"]
        .as_str()
        .and_then(Day::parse)
        .unwrap_or_else(|| panic!("{name}: bad published"));
    let input = DraftInput {
        text: &text,
        published,
        source_name: spec["source"]["name"].as_str(),
        source_url: spec["source"]["url"].as_str(),
    };
    let draft = draft(&input, gazetteer());
    (text, draft)
}
