//! Every drafted title on the test articles is a headline a journalist
//! could keep (issue 23): a whole phrase of its event's sentence, at most
//! 80 characters, never ending on a function word, never opening on a
//! sentence adverb; and the story's summary is whole sentences.

mod common;

use common::{article_names, drafted};
use serde_json::Value;

/// Words a headline does not end on: articles, prepositions, conjunctions, possessives.
const FUNCTION_WORDS: [&str; 30] = [
    "a", "an", "the", "of", "to", "in", "at", "on", "for", "with", "from", "by", "and", "but",
    "or", "nor", "that", "which", "who", "whose", "his", "her", "its", "their", "our", "my",
    "your", "since", "as", "than",
];

/// Words that open a sentence without being its subject.
const SENTENCE_ADVERBS: [&str; 10] = [
    "meanwhile",
    "however",
    "also",
    "moreover",
    "furthermore",
    "additionally",
    "separately",
    "elsewhere",
    "still",
    "then",
];

/// Words a phrase of a sentence begins with: a title may stop before one.
const PHRASE_STARTS: [&str; 44] = [
    "in", "at", "on", "for", "with", "from", "to", "by", "after", "before", "during", "since",
    "until", "over", "under", "into", "through", "across", "near", "about", "amid", "despite",
    "against", "between", "among", "of", "and", "but", "or", "while", "as", "when", "because",
    "which", "who", "that", "where", "although", "whose", "if", "he", "she", "they", "we",
];

fn lower_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// What is wrong with `title` as a headline for the sentence(s) `quote`, if anything.
fn fault(title: &str, quote: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Some("empty".into());
    };
    // The article's own heading ("KENYA PORT STRIKE" over a roundup's item) is whole.
    if title.chars().any(char::is_alphabetic) && !title.chars().any(char::is_lowercase) {
        return None;
    }
    if title.chars().count() > 80 {
        return Some("over 80 characters".into());
    }
    if FUNCTION_WORDS.contains(&lower_word(last).as_str()) {
        return Some(format!("ends on \"{last}\""));
    }
    if SENTENCE_ADVERBS.contains(&lower_word(first).as_str()) {
        return Some(format!("opens on \"{first}\""));
    }
    // Where the title's words are in the quote (quotation marks aside: a
    // title closes what it cuts), and what follows them there.
    let plain = |t: &str| t.replace(['"', '“', '”'], "").to_lowercase();
    let (quote, title) = (plain(quote), plain(title));
    let Some(at) = quote.find(&title) else {
        return Some("not a phrase of its sentence".into());
    };
    let rest = &quote[at + title.len()..];
    let next = rest.split_whitespace().next().unwrap_or("");
    let ends_there = rest.is_empty() || rest.starts_with(|c: char| !c.is_whitespace());
    if ends_there || PHRASE_STARTS.contains(&lower_word(next).as_str()) {
        None
    } else {
        Some(format!("cut before \"{next}\""))
    }
}

fn events(story: &Value) -> Vec<(String, String)> {
    story["features"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["properties"]["events"].as_array().into_iter().flatten())
        .map(|e| {
            (
                e["title"].as_str().unwrap_or("").to_string(),
                e["source"]["quote"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn every_drafted_title_is_a_whole_headline() {
    let mut titles = 0;
    let mut faults = Vec::new();
    for name in article_names() {
        let (_, draft) = drafted(&name);
        for (title, quote) in events(&draft.story) {
            titles += 1;
            if let Some(why) = fault(&title, &quote) {
                faults.push(format!("{name}: \"{title}\": {why}"));
            }
        }
        if let Some(summary) = draft.story["properties"]["summary"].as_str() {
            let last = summary.split_whitespace().last().unwrap_or("");
            let whole = summary.ends_with(['.', '!', '?', '"', '”'])
                || !FUNCTION_WORDS.contains(&lower_word(last).as_str());
            if !whole {
                faults.push(format!(
                    "{name}: the summary stops mid-phrase: \"{summary}\""
                ));
            }
        }
    }
    println!(
        "titles: {titles} drafted, {} not a whole headline",
        faults.len()
    );
    assert!(titles >= 30, "{titles} titles");
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_checks_catch_what_they_are_for() {
    let quote = "Putin himself has been riding in a domestic Aurus Senat limousine since 2018.";
    assert_eq!(
        fault(
            "Putin himself has been riding in a domestic Aurus Senat limousine since 2018",
            quote
        ),
        None
    );
    assert_eq!(
        fault(
            "Putin himself has been riding in a domestic Aurus Senat limousine",
            quote
        ),
        None
    );
    assert!(fault(
        "Putin himself has been riding in a domestic Aurus Senat limousine since",
        quote
    )
    .is_some());
    assert!(fault("Putin himself has been riding in a domestic", quote).is_some());
    assert!(fault("Meanwhile Putin rode", "Meanwhile Putin rode.").is_some());
    assert!(fault(&"word ".repeat(20), &"word ".repeat(20)).is_some());
}
