//! The draft as Dateline's canonical GeoJSON, and its review list.

use serde_json::{json, Map, Value};

use super::events::DraftEvent;
use super::gazetteer::CREDIT;
use super::headline::{summary, title, TITLE_CHARS};
use super::normalize::slug;
use super::resolve::{describe, Resolved};
use super::text::Article;
use super::wording::people;
use super::{Draft, DraftInput, DraftPlace, ReviewItem};

/// The story of `events` at `places`.
pub fn story(
    article: &Article,
    places: &[DraftPlace],
    events: &[DraftEvent],
    input: &DraftInput,
    source: &str,
) -> Draft {
    let mut review = Vec::new();
    let mut place_ids: Vec<Option<String>> = vec![None; places.len()];
    let mut used_ids: Vec<String> = Vec::new();
    let mut features: Vec<(usize, Value)> = Vec::new();
    for event in events {
        let DraftPlace { written, resolved } = &places[event.place];
        if place_ids[event.place].is_none() {
            let id = unique(slug(written), &mut used_ids);
            if let Some(why) = &resolved.review {
                review.push(ReviewItem {
                    id: id.clone(),
                    message: format!("Place “{written}”: {why}"),
                });
            }
            features.push((event.place, feature(&id, written, resolved)));
            place_ids[event.place] = Some(id);
        }
    }
    for event in events {
        let place_id = place_ids[event.place].clone().unwrap_or_default();
        let when = event
            .date
            .map(|d| d.iso())
            .unwrap_or_else(|| "undated".into());
        let id = unique(format!("{place_id}-{when}"), &mut used_ids);
        let lead = event
            .sentences
            .iter()
            .find(|s| s.chars().any(|c| c.is_ascii_digit()))
            .unwrap_or(&event.sentences[0]);
        let mut named: Vec<String> = Vec::new();
        for s in &event.sentences {
            for p in people(s) {
                if !named.contains(&p) {
                    named.push(p);
                }
            }
        }
        let text = event.sentences.join(" ");
        let mut source_json = Map::new();
        source_json.insert("name".into(), source.into());
        if let Some(url) = input.source_url {
            source_json.insert("url".into(), url.into());
        }
        source_json.insert("date".into(), input.published.iso().into());
        source_json.insert("quote".into(), text.clone().into());
        let mut e = Map::new();
        e.insert("id".into(), id.clone().into());
        if let Some(d) = event.date {
            e.insert("date".into(), d.iso().into());
        }
        e.insert("title".into(), title(lead, TITLE_CHARS).into());
        e.insert("summary".into(), text.into());
        if !named.is_empty() {
            e.insert("people".into(), named.into());
        }
        e.insert("source".into(), Value::Object(source_json));
        e.insert("draft".into(), true.into());
        let mut why: Vec<String> = Vec::new();
        if event.weak_place {
            let written = &places[event.place].written;
            why.push(format!(
                "No sentence of it names a place, so it is at the dateline's, {written}."
            ));
        }
        match (event.relative, event.other_reading) {
            (_, Some(other)) => why.push(format!(
                "Its date, {when}, reads the weekday as the one to come, as the article looks ahead; if it is the one before, the date is {}.",
                other.iso()
            )),
            (true, None) => why.push(format!(
                "Its date, {when}, is worked out from the publication date."
            )),
            _ => {}
        }
        for message in &why {
            review.push(ReviewItem {
                id: id.clone(),
                message: format!("Event: {}{}", message[..1].to_lowercase(), &message[1..]),
            });
        }
        if !why.is_empty() {
            // Kept in the story too, so the Studio can say why after a reload.
            e.insert("review".into(), why.join(" ").into());
        }
        if let Some((_, f)) = features.iter_mut().find(|(p, _)| *p == event.place) {
            if let Some(list) = f["properties"]["events"].as_array_mut() {
                list.push(Value::Object(e));
            }
        }
    }
    let mut properties = Map::new();
    if let Some(h) = &article.headline {
        properties.insert("title".into(), h.clone().into());
    }
    let body = article.paragraphs.iter().flatten().map(String::as_str);
    if let Some(s) = article.standfirst.as_deref().and_then(|s| summary(s, body)) {
        properties.insert("summary".into(), s.into());
    }
    properties.insert("draft".into(), true.into());
    properties.insert("credit".into(), CREDIT.into());
    let story = json!({
        "type": "FeatureCollection",
        "properties": properties,
        "features": features.into_iter().map(|(_, f)| f).collect::<Vec<_>>(),
    });
    Draft { story, review }
}

fn feature(id: &str, name: &str, r: &Resolved) -> Value {
    let round = |x: f64| (x * 1e4).round() / 1e4;
    let mut properties = json!({ "name": name, "events": [] });
    if let Some(why) = &r.review {
        properties["review"] = why.clone().into();
        properties["candidates"] = r
            .candidates
            .iter()
            .map(|c| json!({ "name": c.name, "country": c.country, "population": c.population, "lon": round(c.lon), "lat": round(c.lat), "description": describe(c) }))
            .collect();
    }
    json!({
        "type": "Feature",
        "id": id,
        "geometry": { "type": "Point", "coordinates": [round(r.entry.lon), round(r.entry.lat)] },
        "properties": properties,
    })
}

fn unique(id: String, used: &mut Vec<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    used.push(candidate.clone());
    candidate
}
