//! Drafting a story from a news article's text: places found in the text
//! and resolved against an offline gazetteer (GeoNames, CC BY 4.0), dates
//! read in the usual English forms and relative to the publication date,
//! and events assembled from the sentences, with everything uncertain
//! flagged for a person. Pure: no leptos, no web-sys.

// The story model the drafts are written in.
use dateline_story::story;

pub mod dates;
mod day;
pub mod events;
pub mod gazetteer;
pub mod headline;
pub mod mentioned;
pub mod mentions;
pub mod normalize;
mod output;
pub mod resolve;
pub mod tense;
pub mod text;
pub mod wording;

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use dates::{dateline_date, Day};
use events::{assemble, Sentence};
use gazetteer::{Entry, Gazetteer};
use mentions::{find_mentions, Mention, Role};
use resolve::{resolve, Context, Resolved};

/// What the drafter is given.
#[derive(Debug, Clone, Copy)]
pub struct DraftInput<'a> {
    /// The article's text.
    pub text: &'a str,
    /// When it was published.
    pub published: Day,
    /// Who published it (else the dateline's agency, else "the article").
    pub source_name: Option<&'a str>,
    /// Where it was published (an absolute http(s) address).
    pub source_url: Option<&'a str>,
}

/// One thing a person must decide.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem {
    /// What it is about: a place's or an event's id.
    pub id: String,
    /// Why, in a sentence.
    pub message: String,
}

/// A drafted story and what to review in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The story, in the canonical GeoJSON shape (every event `"draft": true`).
    pub story: Value,
    /// What a person must decide, places first.
    pub review: Vec<ReviewItem>,
}

/// A place of the draft: the gazetteer's entry and how the article names it.
#[derive(Debug, Clone)]
struct DraftPlace {
    /// Its name as the story shows it.
    written: String,
    /// What it was resolved to.
    resolved: Resolved,
}

/// Drafts a story from `input`.
///
/// # Examples
///
/// ```
/// use dateline_draft::{draft, dates::Day, gazetteer::Gazetteer, DraftInput};
///
/// let g = Gazetteer::parse("Zhukovskiy\tRU\tP\t47\t97200\t38.1203\t55.5953\n")?;
/// let text = "In August 2019, the two presidents inspected a helicopter at the air show in Zhukovsky.";
/// let published = Day::parse("2024-02-20").ok_or("date")?;
/// let d = draft(&DraftInput { text, published, source_name: Some("TASS"), source_url: None }, &g);
/// let event = &d.story["features"][0]["properties"]["events"][0];
/// assert_eq!(event["date"], "2019-08");
/// assert_eq!(event["draft"], true);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn draft(input: &DraftInput, g: &Gazetteer) -> Draft {
    let article = text::read_article(input.text);
    let mentions: Vec<Vec<Vec<Mention>>> = article
        .paragraphs
        .iter()
        .map(|p| p.iter().map(|s| find_mentions(s, g)).collect())
        .collect();
    let mut mentions = mentions;
    let dateline = article.dateline_place.as_deref().map(dateline_mention);
    let usage = usage(
        mentions.iter().flatten().flatten().chain(dateline.iter()),
        g,
    );
    for m in mentions.iter_mut().flatten().flatten() {
        usage.apply(m);
    }
    let all: Vec<&Mention> = mentions
        .iter()
        .flatten()
        .flatten()
        .chain(dateline.iter())
        .collect();

    // The countries the article names and the dateline's, then the places it
    // is sure of, then everything again in their light.
    let mut context = Context {
        states: usage.states.clone(),
        ..Context::default()
    };
    context
        .countries
        .extend(usage.states.iter().map(|(country, _)| country.clone()));
    for m in &all {
        let areas: Vec<String> = g
            .lookup(&m.name)
            .iter()
            .filter(|e| e.is_area())
            .map(|e| e.country.clone())
            .collect();
        if areas.len() == 1 && g.lookup(&m.name).iter().all(|e| e.is_area()) {
            context.countries.extend(areas);
        }
    }
    if let Some(r) = dateline
        .as_ref()
        .and_then(|d| resolve(d, g, &context))
        .filter(Resolved::confident)
    {
        context.countries.insert(r.entry.country.clone());
    }
    for m in all.iter().filter(|m| m.role != Role::Modifier) {
        if let Some(r) = resolve(m, g, &context).filter(Resolved::confident) {
            if !r.entry.is_area() && !context.anchors.contains(&(r.entry.lon, r.entry.lat)) {
                context.anchors.push((r.entry.lon, r.entry.lat));
            }
        }
    }

    let mut places: Vec<DraftPlace> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut place_of = |m: &Mention| -> Option<usize> {
        let resolved = resolve(m, g, &context)?;
        let id = entry_id(&resolved.entry);
        Some(*index.entry(id).or_insert_with(|| {
            places.push(DraftPlace {
                written: written_name(m, &resolved.entry),
                resolved,
            });
            places.len() - 1
        }))
    };
    let dateline_place = dateline.as_ref().and_then(&mut place_of);
    let paragraphs: Vec<Vec<Sentence>> = article
        .paragraphs
        .iter()
        .zip(&mentions)
        .map(|(sentences, found)| {
            sentences
                .iter()
                .zip(found)
                .map(|(text, ms)| {
                    let places: Vec<(usize, usize)> = ms
                        .iter()
                        .filter(|m| m.role == Role::Location)
                        .filter_map(|m| Some((place_of(m)?, m.start)))
                        .collect();
                    let origins: Vec<usize> = ms
                        .iter()
                        .filter(|m| m.role == Role::Origin)
                        .filter_map(&mut place_of)
                        .collect();
                    Sentence {
                        text: text.clone(),
                        places,
                        origins,
                    }
                })
                .collect()
        })
        .collect();
    // "A jury in Virginia" in a story from Alexandria, Va.: the dateline's town is the more precise place.
    let paragraphs = refine_to_dateline(paragraphs, &places, dateline_place);
    let lede_date = article
        .dateline_day
        .and_then(|(m, d)| dateline_date(m, d, input.published));
    let events = assemble(&paragraphs, input.published, dateline_place, lede_date);
    // Which sentence names which place, and whether in a list or as a flag.
    let mut named: Vec<mentioned::Naming> = Vec::new();
    for (sentences, found) in article.paragraphs.iter().zip(&mentions) {
        for (text, ms) in sentences.iter().zip(found) {
            // Every name, even a modifier's ("the presidents of Brazil, Chile and Peru"), makes a list.
            let located: Vec<(usize, &Mention, Entry)> = ms
                .iter()
                .filter_map(|m| {
                    let e = resolve(m, g, &context)?.entry;
                    let p = index.get(&entry_id(&e)).copied().unwrap_or(usize::MAX);
                    Some((p, m, e))
                })
                .collect();
            let spans: Vec<(usize, usize, bool)> = located
                .iter()
                .map(|(_, m, e)| (m.start, m.end, e.is_area()))
                .collect();
            let in_list = mentioned::listed(text, &spans);
            named.extend(located.iter().zip(in_list).map(|((p, m, _), listed)| {
                mentioned::Naming {
                    place: *p,
                    listed,
                    locative: m.locative && m.role == Role::Location,
                }
            }));
        }
    }
    mentioned::flag_mentioned_only(&mut places, &events, &named);
    let source = input
        .source_name
        .map(str::to_string)
        .or(article.agency.clone())
        .unwrap_or_else(|| "the article".into());
    output::story(&article, &places, &events, input, &source)
}

/// The dateline's place as a mention: `PARIS, Texas` is Paris in Texas.
fn dateline_mention(place: &str) -> Mention {
    // "OSAKA/LONDON": filed from two cities; the first is where it is written.
    let place = place.split('/').next().unwrap_or(place);
    let (name, qualifier) = match place.split_once(',') {
        Some((n, q)) => (n.trim(), Some(q.trim().to_string())),
        None => (place.trim(), None),
    };
    Mention {
        name: name.to_string(),
        start: 0,
        end: 0,
        role: Role::Location,
        qualifier,
        reference: None,
        facility: None,
        locative: true,
        open_question: None,
    }
}

/// How the article itself uses names: the states it writes after towns
/// (`Atlanta, Georgia`), and the towns it qualifies (`Moscow, Idaho`), so
/// that a later bare `Georgia` or `Moscow` means the same.
#[derive(Default)]
struct Usage {
    qualifiers: HashMap<String, Vec<String>>,
    states: HashSet<(String, String)>,
}

fn usage<'a>(mentions: impl Iterator<Item = &'a Mention>, g: &Gazetteer) -> Usage {
    let mut u = Usage::default();
    for m in mentions {
        let Some(q) = &m.qualifier else { continue };
        let list = u.qualifiers.entry(normalize::key(&m.name)).or_default();
        if !list.iter().any(|l| normalize::key(l) == normalize::key(q)) {
            list.push(q.clone());
        }
        if let Some(r) = resolve(m, g, &Context::default()) {
            let state = g.lookup(q).iter().any(|a| {
                a.kind == gazetteer::Kind::State
                    && a.admin1 == r.entry.admin1
                    && a.country == r.entry.country
            });
            if state {
                u.states
                    .insert((r.entry.country.clone(), r.entry.admin1.clone()));
            }
        }
    }
    u
}

impl Usage {
    fn apply(&self, m: &mut Mention) {
        let k = normalize::key(&m.name);
        if m.qualifier.is_none() {
            match self.qualifiers.get(&k).map(Vec::as_slice) {
                Some([only]) => m.qualifier = Some(only.clone()),
                Some(several) if several.len() > 1 => {
                    m.open_question = Some(format!(
                        "the article names both {}",
                        several
                            .iter()
                            .map(|q| format!("{}, {q}", m.name))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ));
                }
                _ => {}
            }
        }
    }
}

/// One place however it is named: an alias (`Kremlin`) is the place it stands for.
fn entry_id(e: &Entry) -> String {
    let name = e.stands_for.as_deref().unwrap_or(&e.name);
    format!(
        "{}|{}|{}|{:.3}|{:.3}",
        name, e.country, e.admin1, e.lon, e.lat
    )
}

/// How the story names a place: as the article writes it (in capitals only
/// in a dateline: then as the gazetteer does), with its facility word; a
/// landmark or an old name as the place it stands for (`Kremlin`: Moscow).
fn written_name(m: &Mention, e: &Entry) -> String {
    if let Some(place) = &e.stands_for {
        return place.clone();
    }
    let shouting = m
        .name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let name = if shouting {
        e.name.clone()
    } else {
        m.name.clone()
    };
    match &m.facility {
        Some(f) => format!("{name} {f}"),
        None => name,
    }
}

fn refine_to_dateline(
    paragraphs: Vec<Vec<Sentence>>,
    places: &[DraftPlace],
    dateline: Option<usize>,
) -> Vec<Vec<Sentence>> {
    let Some(town) = dateline
        .and_then(|d| places.get(d))
        .map(|p| &p.resolved.entry)
        .filter(|e| !e.is_area())
    else {
        return paragraphs;
    };
    let contains = |area: &Entry| {
        area.country == town.country
            && (area.kind == gazetteer::Kind::Country
                || (area.kind == gazetteer::Kind::State && area.admin1 == town.admin1))
    };
    paragraphs
        .into_iter()
        .map(|sentences| {
            sentences
                .into_iter()
                .map(|mut s| {
                    let only_areas = s
                        .places
                        .iter()
                        .all(|&(p, _)| places[p].resolved.entry.is_area());
                    if only_areas {
                        for (p, _) in &mut s.places {
                            if contains(&places[*p].resolved.entry) {
                                *p = dateline.unwrap_or(*p);
                            }
                        }
                    }
                    s
                })
                .collect()
        })
        .collect()
}
