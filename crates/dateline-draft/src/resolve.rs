//! Which place a mention means, weighed as a careful reader would: by
//! population, by the area written after it, by a place it is said to be
//! near, and by the countries and places of the rest of the story. Where
//! the weights do not clearly pick one, the answer is flagged for review
//! with the best candidates: never confidently wrong.

use std::collections::HashSet;

use super::gazetteer::{distance_km, Entry, Gazetteer, Kind};
use super::mentions::Mention;

/// What the rest of the article says about where the story is.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Countries the story is in (ISO alpha-2).
    pub countries: HashSet<String>,
    /// Points of places already placed with confidence.
    pub anchors: Vec<(f64, f64)>,
    /// US states the article writes after towns (country, admin1).
    pub states: HashSet<(String, String)>,
}

/// A mention resolved to a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The best candidate.
    pub entry: Entry,
    /// Why a person should check it, if they should.
    pub review: Option<String>,
    /// The best candidates, best first (the chosen one included), when under review.
    pub candidates: Vec<Entry>,
}

impl Resolved {
    /// Whether it needs no review.
    pub fn confident(&self) -> bool {
        self.review.is_none()
    }
}

/// How far ahead the best candidate must be to be taken without review
/// (a factor of ten in population, or the weight of a named country).
const MARGIN: f64 = 1.0;

/// The place `mention` means, if the gazetteer has one by its name.
pub fn resolve(mention: &Mention, g: &Gazetteer, context: &Context) -> Option<Resolved> {
    let mut candidates = distinct(g.lookup(&mention.name));
    if candidates.is_empty() {
        return None;
    }
    let mut qualifier_missed = false;
    if let Some(q) = &mention.qualifier {
        let areas: Vec<&Entry> = g.lookup(q).into_iter().filter(|e| e.is_area()).collect();
        let within: Vec<&Entry> = candidates
            .iter()
            .copied()
            .filter(|c| {
                areas.iter().any(|a| {
                    a.country == c.country && (a.kind == Kind::Country || a.admin1 == c.admin1)
                })
            })
            .collect();
        qualifier_missed = within.is_empty();
        if !within.is_empty() {
            candidates = within;
        }
    }
    let reference: Vec<(f64, f64)> = mention
        .reference
        .as_deref()
        .map(|r| g.lookup(r).iter().map(|e| (e.lon, e.lat)).collect())
        .unwrap_or_default();
    let mut scored: Vec<(f64, &Entry)> = candidates
        .into_iter()
        .map(|c| (score(c, context, &reference), c))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best_score, best) = *scored.first()?;
    let second = scored.get(1).map(|s| s.0);
    let here = (best.lon, best.lat);
    let near_story = context.countries.contains(&best.country)
        || context
            .anchors
            .iter()
            .any(|&p| (1.0..800.0).contains(&distance_km(p, here)))
        || (context.anchors.is_empty() && context.countries.is_empty());
    let review = if let Some(question) = &mention.open_question {
        Some(format!(
            "“{}” is open: {question}; the point is {}. Check which is meant.",
            mention.name,
            describe(best)
        ))
    } else if let Some(facility) = &mention.facility {
        Some(format!(
            "“{} {facility}” is named after {}; the gazetteer does not hold the {} itself, so its point is the best place of that name ({}). Check where it is.",
            mention.name,
            mention.name,
            facility.to_lowercase(),
            describe(best)
        ))
    } else if qualifier_missed {
        Some(format!(
            "No “{}” in {} is known; the point is {}. Check it.",
            mention.name,
            mention.qualifier.as_deref().unwrap_or(""),
            describe(best)
        ))
    } else if second.is_some_and(|s| best_score - s < MARGIN) {
        let others: Vec<String> = scored
            .iter()
            .skip(1)
            .take(2)
            .map(|(_, e)| describe(e))
            .collect();
        Some(format!(
            "“{}” may be {} or {}; nothing in the article decides clearly. Check which is meant.",
            mention.name,
            describe(best),
            others.join(" or ")
        ))
    } else if !best.is_area() && best.population < 1_000_000 && !near_story {
        Some(format!(
            "“{}” is taken to be {}, far from the story's other places and in a country it does not name. Check it is meant.",
            mention.name,
            describe(best)
        ))
    } else {
        None
    };
    let candidates = if review.is_some() {
        scored.iter().take(5).map(|(_, e)| (*e).clone()).collect()
    } else {
        Vec::new()
    };
    Some(Resolved {
        entry: best.clone(),
        review,
        candidates,
    })
}

/// A candidate's weight: its size, what it is, and how it fits the story.
fn score(c: &Entry, context: &Context, reference: &[(f64, f64)]) -> f64 {
    let size = (c.population as f64 + 10.0).log10();
    let kind = match c.kind {
        Kind::Capital => 0.7,
        Kind::AdminSeat => 0.3,
        Kind::Populated => 0.0,
        Kind::Section => -1.5,
        Kind::Country => 1.5,
        Kind::State => -1.2,
    };
    let here = (c.lon, c.lat);
    let in_country = if context.countries.contains(&c.country) {
        1.2
    } else {
        0.0
    };
    let near_reference = if reference.iter().any(|&p| distance_km(p, here) < 120.0) {
        4.0
    } else {
        0.0
    };
    let near_story = if context
        .anchors
        .iter()
        .any(|&p| distance_km(p, here) < 400.0)
    {
        0.8
    } else {
        0.0
    };
    let in_state = match c.kind {
        _ if !context
            .states
            .contains(&(c.country.clone(), c.admin1.clone())) =>
        {
            0.0
        }
        Kind::State => 3.0,
        _ => 0.8,
    };
    size + kind + in_country + near_reference + near_story + in_state
}

/// Candidates without near-duplicates (GeoNames lists some towns twice): the most populous of those within 10 km.
fn distinct(entries: Vec<&Entry>) -> Vec<&Entry> {
    let mut sorted = entries;
    sorted.sort_by_key(|e| std::cmp::Reverse(e.population));
    let mut out: Vec<&Entry> = Vec::new();
    for e in sorted {
        let twin = out.iter().any(|o| {
            o.is_area() == e.is_area()
                && o.country == e.country
                && distance_km((o.lon, o.lat), (e.lon, e.lat)) < 10.0
        });
        if !twin {
            out.push(e);
        }
    }
    out
}

/// `Valencia, ES (814,208 people)`.
pub fn describe(e: &Entry) -> String {
    let what = match e.kind {
        Kind::Country => "country".to_string(),
        Kind::State => format!("US state {}", e.admin1),
        _ if e.country == "US" => format!("{}, US", e.admin1),
        _ => e.country.clone(),
    };
    format!("{}, {what} ({} people)", e.name, thousands(e.population))
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::find_mentions;

    fn gazetteer() -> Gazetteer {
        let tsv = "Paris\tFR\tC\t11\t2138551\t2.3488\t48.8534\n\
                   Paris\tUS\tP\tTX\t25171\t-95.5555\t33.6609\n\
                   Texas\tUS\tS\tTX\t21000000\t-97.5\t31.0\n\
                   Spain\tES\tN\t\t40000000\t-3.6\t40.2\n\
                   Valencia\tES\tA\t60\t814208\t-0.3774\t39.4698\n\
                   Valencia\tVE\tA\t07\t1385223\t-68.0077\t10.162\n\
                   Vostochnyy\tRU\tP\t33\t7622\t52.2451\t58.7881\n\
                   Vostochnyy\tRU\tP\t71\t5635\t61.8139\t58.7999\n\
                   Zhukovskiy\tRU\tP\t47\t97200\t38.1203\t55.5953\n\
                   Moscow\tRU\tC\t48\t10381222\t37.6156\t55.7522\n";
        Gazetteer::parse(tsv).unwrap_or_default()
    }

    fn first(sentence: &str, context: &Context) -> Option<Resolved> {
        let g = gazetteer();
        let m = find_mentions(sentence, &g);
        resolve(m.first()?, &g, context)
    }

    #[test]
    fn population_qualifier_and_context_decide() {
        let none = Context::default();
        let paris = first("He flew to Paris.", &none).expect("Paris");
        assert_eq!(
            (paris.entry.country.as_str(), paris.confident()),
            ("FR", true)
        );
        let texas = first("A storm hit Paris, Texas.", &none).expect("Paris, Texas");
        assert_eq!(
            (texas.entry.admin1.as_str(), texas.confident()),
            ("TX", true)
        );
        let valencia = first("The fair opened in Valencia.", &none).expect("Valencia");
        assert!(!valencia.confident(), "{valencia:?}");
        assert_eq!(valencia.candidates.len(), 2);
        let spain = Context {
            countries: ["ES".to_string()].into(),
            anchors: vec![],
            ..Context::default()
        };
        let valencia = first("The fair opened in Valencia.", &spain).expect("Valencia");
        assert_eq!(
            (valencia.entry.country.as_str(), valencia.confident()),
            ("ES", false)
        );
        let with_madrid = Context {
            countries: ["ES".to_string()].into(),
            anchors: vec![(-3.7, 40.4)],
            ..Context::default()
        };
        let valencia = first("The fair opened in Valencia.", &with_madrid).expect("Valencia");
        assert_eq!(
            (valencia.entry.country.as_str(), valencia.confident()),
            ("ES", true)
        );
    }

    #[test]
    fn facilities_and_lone_villages_are_flagged() {
        let russia = Context {
            countries: ["RU".to_string()].into(),
            anchors: vec![(37.6, 55.75)],
            ..Context::default()
        };
        let v = first("Kim saw it at the Vostochny Spaceport.", &russia).expect("Vostochny");
        assert!(
            v.review.as_deref().is_some_and(|r| r.contains("spaceport")),
            "{v:?}"
        );
        assert_eq!(v.candidates.len(), 2);
        let z = first("They met in Zhukovsky near Moscow.", &russia).expect("Zhukovsky");
        assert!(z.confident());
        assert_eq!(describe(&z.entry), "Zhukovskiy, RU (97,200 people)");
    }
}
