//! `dateline-draft`: a draft story map from a news article's text.
//!
//! ```text
//! cargo run --release --bin dateline-draft -- --published 2024-02-20 \
//!     [--source-name TASS] [--source-url https://…] [--gazetteer assets/gazetteer.tsv] article.txt
//! ```
//!
//! Writes the story as GeoJSON to standard output and what a person must
//! review to standard error. Exits 0 with a draft (even with things to
//! review), 2 with a message for bad arguments or unreadable input.

use std::process::ExitCode;

use dateline_draft::dates::Day;
use dateline_draft::gazetteer::{Gazetteer, CREDIT};
use dateline_draft::{draft, DraftInput};
use dateline_story::story::is_web_link;

const USAGE: &str = "usage: dateline-draft --published YYYY-MM-DD [--source-name NAME] [--source-url URL] [--gazetteer FILE] FILE";

struct Args {
    published: Day,
    source_name: Option<String>,
    source_url: Option<String>,
    gazetteer: String,
    file: String,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut published, mut source_name, mut source_url, mut file) = (None, None, None, None);
    let mut gazetteer =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/gazetteer.tsv").to_string();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--published" => {
                let v = value("--published")?;
                let day = Day::parse(&v).ok_or(format!(
                    "--published {v:?} is not a date; write it as YYYY-MM-DD, e.g. 2024-02-20"
                ))?;
                published = Some(day);
            }
            "--source-name" => source_name = Some(value("--source-name")?),
            "--source-url" => {
                let v = value("--source-url")?;
                if !is_web_link(&v) {
                    return Err(format!("--source-url {v:?} is not a web link; use an absolute address starting with http:// or https://"));
                }
                source_url = Some(v);
            }
            "--gazetteer" => gazetteer = value("--gazetteer")?,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n{USAGE}"))
            }
            other if file.is_none() => file = Some(other.to_string()),
            other => {
                return Err(format!(
                    "one article at a time: {other:?} is a second file\n{USAGE}"
                ))
            }
        }
    }
    Ok(Args {
        published: published.ok_or(format!(
            "--published is required: the article's publication date, YYYY-MM-DD\n{USAGE}"
        ))?,
        source_name,
        source_url,
        gazetteer,
        file: file.ok_or(format!("no article given\n{USAGE}"))?,
    })
}

fn run() -> Result<(), String> {
    let args = parse_args(std::env::args().skip(1))?;
    let bytes = std::fs::read(&args.file).map_err(|e| format!("cannot read {}: {e}", args.file))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{} is not UTF-8 text; save the article as plain UTF-8 text",
            args.file
        )
    })?;
    let tsv = std::fs::read_to_string(&args.gazetteer).map_err(|e| {
        format!("cannot read the gazetteer {}: {e}; build it with `node tools/gazetteer/build.mjs` (scripts/setup.sh does)", args.gazetteer)
    })?;
    let gazetteer = Gazetteer::parse(&tsv).map_err(|e| e.to_string())?;
    let input = DraftInput {
        text: &text,
        published: args.published,
        source_name: args.source_name.as_deref(),
        source_url: args.source_url.as_deref(),
    };
    let drafted = draft(&input, &gazetteer);
    let json = serde_json::to_string_pretty(&drafted.story).map_err(|e| e.to_string())?;
    println!("{json}");
    let places = drafted.story["features"].as_array().map_or(0, Vec::len);
    let events: usize = drafted.story["features"].as_array().map_or(0, |f| {
        f.iter()
            .map(|p| p["properties"]["events"].as_array().map_or(0, Vec::len))
            .sum()
    });
    eprintln!("Drafted {places} places and {events} events. {CREDIT}.");
    if drafted.review.is_empty() {
        eprintln!(
            "Nothing to review; every event is still marked \"draft\" until a person confirms it."
        );
    } else {
        eprintln!("To review ({}):", drafted.review.len());
        for item in &drafted.review {
            eprintln!("  - {}: {}", item.id, item.message);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("dateline-draft: {message}");
            ExitCode::from(2)
        }
    }
}
