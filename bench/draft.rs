//! How long the drafter takes: loading the gazetteer, and drafting a
//! 1,000-word article once it is loaded. Prints figures; asserts nothing.
//!
//!   cargo bench --bench draft

use std::time::Instant;

use dateline_draft::dates::Day;
use dateline_draft::gazetteer::Gazetteer;
use dateline_draft::{draft, DraftInput};

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/gazetteer.tsv");
    let Ok(tsv) = std::fs::read_to_string(path) else {
        eprintln!("{path} is missing: run `node tools/gazetteer/build.mjs`");
        return;
    };
    let start = Instant::now();
    let Ok(gazetteer) = Gazetteer::parse(&tsv) else {
        eprintln!("{path} could not be read");
        return;
    };
    println!(
        "gazetteer: {} names, {:.1} MiB, loaded in {:.0} ms",
        gazetteer.len(),
        tsv.len() as f64 / 1048576.0,
        start.elapsed().as_secs_f64() * 1000.0
    );
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/articles/"
    );
    let mut text = String::new();
    for name in ["state-visit", "storm", "summit"] {
        text.push_str(&std::fs::read_to_string(format!("{dir}{name}.txt")).unwrap_or_default());
        text.push_str("\n\n");
    }
    let words = text.split_whitespace().count();
    let published = Day {
        year: 2024,
        month: 6,
        day: 12,
    };
    let input = DraftInput {
        text: &text,
        published,
        source_name: None,
        source_url: None,
    };
    let runs = 20;
    let start = Instant::now();
    let mut places = 0;
    for _ in 0..runs {
        places = draft(&input, &gazetteer).story["features"]
            .as_array()
            .map_or(0, Vec::len);
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("draft of a {words}-word article: {ms:.2} ms ({places} places; mean of {runs} runs; target: well under 100 ms)");
}
