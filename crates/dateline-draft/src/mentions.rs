//! Where a sentence names a place, and in what role: where something
//! happened, a word about a person (`Abu Dhabi Crown Prince`), the state
//! after a town (`Paris, Texas`) or a landmark to place another by (`near
//! Moscow`). A run of capitalised words is a place only when the place is
//! the whole run, give or take words that cannot be part of a name (`In`,
//! `Meanwhile`) or that say what it is (`Spaceport`): so `Vladimir Putin`,
//! `Paris Hilton` and `Manchester United` are not places.

use super::gazetteer::Gazetteer;
use super::text::{words, Word};
use crate::story::month_by_name;

/// What a mention of a place does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Something happens there.
    Location,
    /// It describes a person or an organisation (`the Turkmen government`, `Bogotá's mayor`).
    Modifier,
    /// It says which town the one before it is (`Texas` in `Paris, Texas`).
    Qualifier,
    /// Another place is placed by it (`near Moscow`).
    Reference,
    /// Where someone came from (`flew in from Astana`): the event is where they arrived.
    Origin,
}

/// A place named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name as written, without a possessive `'s`.
    pub name: String,
    /// Byte range in the sentence.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// What it does.
    pub role: Role,
    /// The area named after it (`Texas`), for a town.
    pub qualifier: Option<String>,
    /// A place it is said to be near.
    pub reference: Option<String>,
    /// The word that follows it and says it is a facility (`Spaceport`).
    pub facility: Option<String>,
    /// Whether a word such as `in` or `to` comes before it.
    pub locative: bool,
    /// Why the article itself leaves it open (`Paris` after both `Paris, Texas` and `Paris, France`).
    pub open_question: Option<String>,
}

/// Capitalised words that may start a sentence or a run without being part of a name.
const LEADING: [&str; 40] = [
    "in",
    "at",
    "on",
    "from",
    "to",
    "the",
    "a",
    "an",
    "after",
    "before",
    "meanwhile",
    "earlier",
    "later",
    "when",
    "while",
    "then",
    "but",
    "and",
    "since",
    "during",
    "near",
    "outside",
    "across",
    "also",
    "elsewhere",
    "for",
    "with",
    "by",
    "as",
    "if",
    "once",
    "until",
    "of",
    "into",
    "like",
    "both",
    "inside",
    "around",
    "throughout",
    "last",
];

/// Words after a name that say it is a facility or area named after the place.
const FACILITIES: [&str; 22] = [
    "spaceport",
    "cosmodrome",
    "airport",
    "airbase",
    "region",
    "oblast",
    "province",
    "krai",
    "district",
    "stadium",
    "arena",
    "square",
    "port",
    "harbour",
    "harbor",
    "station",
    "university",
    "county",
    "metropolitan",
    "bay",
    "valley",
    "hospital",
];

/// Words after (or, with `of`, before) a place that make it a word about a person or body.
const TITLES: [&str; 34] = [
    "president",
    "presidents",
    "leader",
    "leaders",
    "prime",
    "minister",
    "mayor",
    "governor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "king",
    "queen",
    "crown",
    "prince",
    "chancellor",
    "foreign",
    "chief",
    "head",
    "officials",
    "authorities",
    "government",
    "police",
    "emir",
    "sheikh",
    "premier",
    "senator",
    "coach",
    "captain",
    "desk",
    "bureau",
    "correspondent",
    "club",
];

/// Words before a place that make it a location.
const LOCATIVES: [&str; 20] = [
    "in", "at", "to", "from", "near", "outside", "into", "toward", "towards", "via", "across",
    "through", "visit", "visited", "reached", "hit", "left", "struck", "around", "inside",
];

/// Nouns that, with `of`, make the name after them a place (`the ski resort of Otepää`).
const PLACE_NOUNS: [&str; 14] = [
    "town",
    "city",
    "village",
    "port",
    "capital",
    "resort",
    "suburb",
    "region",
    "province",
    "outskirts",
    "centre",
    "center",
    "island",
    "district",
];

/// Verbs of travel: `from` after them names where someone came from.
const MOTION: [&str; 16] = [
    "flew",
    "flown",
    "fly",
    "arrived",
    "arriving",
    "arrives",
    "travelled",
    "traveled",
    "came",
    "returned",
    "drove",
    "sailed",
    "fled",
    "in",
    "back",
    "home",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Inside a name: `Rio de Janeiro`, `Stratford upon Avon`.
const CONNECTORS: [&str; 13] = [
    "de", "da", "do", "dos", "das", "del", "la", "le", "el", "al", "of", "upon", "sur",
];

/// The places `sentence` names, in order.
pub fn find_mentions(sentence: &str, gazetteer: &Gazetteer) -> Vec<Mention> {
    let words = words(sentence);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !starts_run(&words[i]) {
            i += 1;
            continue;
        }
        let end = run_end(&words, i);
        if let Some(m) = place_in_run(sentence, &words, i, end, gazetteer) {
            mentions.push(m);
        }
        i = end;
    }
    link_qualifiers(sentence, &mut mentions, gazetteer);
    mentions
}

fn starts_run(word: &Word) -> bool {
    let lower = word.lower();
    word.is_capitalised()
        && month_by_name(&lower).is_none()
        && !WEEKDAYS.contains(&lower.as_str())
        && word.text != "I"
}

/// The end (exclusive) of the run of capitalised words from `from`.
fn run_end(words: &[Word], from: usize) -> usize {
    let mut end = from + 1;
    // "Moscow's Red Square": a possessive ends the name it is on.
    let possessive = |w: &Word| w.text.ends_with("'s") || w.text.ends_with("’s");
    while end < words.len() && !words[end].after_break && !possessive(&words[end - 1]) {
        let w = &words[end];
        let connector = CONNECTORS.contains(&w.text)
            && words
                .get(end + 1)
                .is_some_and(|n| starts_run(n) && !n.after_break);
        if starts_run(w) || connector {
            end += 1;
        } else {
            break;
        }
    }
    end
}

fn slice<'a>(sentence: &'a str, words: &[Word], from: usize, to: usize) -> &'a str {
    let (Some(first), Some(last)) = (
        words.get(from),
        to.checked_sub(1).and_then(|t| words.get(t)),
    ) else {
        return "";
    };
    sentence
        .get(first.start..last.start + last.text.len())
        .unwrap_or("")
}

fn strip_possessive(name: &str) -> (&str, bool) {
    for s in ["'s", "’s", "'", "’"] {
        if let Some(stem) = name.strip_suffix(s) {
            return (stem, true);
        }
    }
    (name, false)
}

/// The place a run names, if one does.
fn place_in_run(
    sentence: &str,
    words: &[Word],
    from: usize,
    to: usize,
    g: &Gazetteer,
) -> Option<Mention> {
    let longest = g.longest_name().max(1);
    for len in (1..=(to - from).min(longest)).rev() {
        for i in from..=to - len {
            let j = i + len;
            let prefix_ok = words[from..i]
                .iter()
                .all(|w| LEADING.contains(&w.lower().as_str()));
            let suffix = words.get(j).filter(|_| j < to).map(Word::lower);
            let facility = suffix.as_deref().filter(|s| FACILITIES.contains(s));
            let title = suffix.as_deref().filter(|s| TITLES.contains(s));
            let before = i.checked_sub(1).and_then(|k| words.get(k)).map(Word::lower);
            let before2 = i.checked_sub(2).and_then(|k| words.get(k)).map(Word::lower);
            // "head of Turkmenistan Gurbanguly Berdimuhamedov": the name after it is a person's.
            let titled_of = before.as_deref() == Some("of")
                && before2.as_deref().is_some_and(|b| TITLES.contains(&b));
            if !prefix_ok || (j < to && facility.is_none() && title.is_none() && !titled_of) {
                continue;
            }
            let written = slice(sentence, words, i, j);
            let (name, possessive) = strip_possessive(written);
            let entries = g.lookup(name);
            if entries.is_empty() {
                continue;
            }
            let next = words.get(j).filter(|w| !w.after_break).map(Word::lower);
            let locative = before.as_deref().is_some_and(|b| LOCATIVES.contains(&b))
                || (before.as_deref() == Some("of")
                    && before2.as_deref().is_some_and(|b| PLACE_NOUNS.contains(&b)));
            let reference = matches!(before.as_deref(), Some("near" | "outside"))
                || (before.as_deref() == Some("of")
                    && matches!(
                        before2.as_deref(),
                        Some(
                            "north"
                                | "south"
                                | "east"
                                | "west"
                                | "northeast"
                                | "northwest"
                                | "southeast"
                                | "southwest"
                        )
                    ));
            let lower_title = j == to && next.as_deref().is_some_and(|n| TITLES.contains(&n));
            let possessive_modifier =
                possessive && words.get(j).is_some_and(|w| !w.is_capitalised());
            // "known as the Cremà": a town's name takes no article; a country's
            // may, and a landmark that stands for its city ("the Kremlin").
            if before.as_deref() == Some("the")
                && facility.is_none()
                && !entries
                    .iter()
                    .any(|e| e.is_area() || e.stands_for.is_some())
            {
                continue;
            }
            // "flew in from Astana": where they came from, not where it happened.
            let came_from = before.as_deref() == Some("from")
                && (i.saturating_sub(6)..i.saturating_sub(1)).any(|k| {
                    words
                        .get(k)
                        .is_some_and(|w| MOTION.contains(&w.lower().as_str()))
                });
            let role = if came_from {
                Role::Origin
            } else if reference {
                Role::Reference
            } else if title.is_some() || titled_of || lower_title || possessive_modifier {
                Role::Modifier
            } else {
                Role::Location
            };
            // `TASS`, `KCNA`: an acronym is a place only as a country's (`UAE`, `DPRK`).
            let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
            let acronym = letters.len() <= 5
                && letters.iter().all(|c| c.is_uppercase())
                && !entries.iter().any(|e| e.is_area());
            if acronym && i > 0 {
                continue;
            }
            let big = entries
                .iter()
                .any(|e| e.is_area() || e.population >= 100_000);
            let some = entries.iter().any(|e| e.is_area() || e.population >= 5_000);
            // A capitalised word at a sentence's start is often just a word; a tiny town's name too.
            if (i == 0 && !locative && !big) || (!locative && !some) {
                continue;
            }
            let start = words[i].start;
            return Some(Mention {
                name: name.to_string(),
                start,
                end: start + name.len(),
                role,
                qualifier: None,
                reference: None,
                facility: facility.map(|_| slice(sentence, words, j, j + 1).to_string()),
                locative,
                open_question: None,
            });
        }
    }
    None
}

/// `Paris, Texas`: an area right after a town says which town it is.
/// `Zhukovsky near Moscow`: the reference places the town before it.
fn link_qualifiers(sentence: &str, mentions: &mut [Mention], g: &Gazetteer) {
    for k in 1..mentions.len() {
        let gap = sentence
            .get(mentions[k - 1].end..mentions[k].start)
            .unwrap_or("");
        let town = g.lookup(&mentions[k - 1].name).iter().any(|e| !e.is_area());
        let area = g.lookup(&mentions[k].name).iter().any(|e| e.is_area());
        if gap.trim() == "," && town && area && mentions[k - 1].role != Role::Qualifier {
            let q = mentions[k].name.clone();
            mentions[k - 1].qualifier = Some(q);
            mentions[k].role = Role::Qualifier;
        }
        if mentions[k].role == Role::Reference {
            let r = mentions[k].name.clone();
            if let Some(prev) = mentions[..k]
                .iter_mut()
                .rev()
                .find(|m| m.role == Role::Location)
            {
                prev.reference = Some(r);
            }
        }
    }
    // "arrived from Bishkek and Dushanbe": a list goes on in the role it started in.
    for k in 1..mentions.len() {
        let gap = sentence
            .get(mentions[k - 1].end..mentions[k].start)
            .unwrap_or("")
            .trim();
        if mentions[k - 1].role == Role::Origin && matches!(gap, "and" | "," | "or") {
            mentions[k].role = Role::Origin;
        }
    }
    // "made landfall near Apalachicola": with nothing else placed by it, the landmark is where it happened.
    let placed = mentions.iter().any(|m| m.role == Role::Location);
    for m in mentions.iter_mut().filter(|m| m.role == Role::Reference) {
        if !placed {
            m.role = Role::Location;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let tsv = "Moscow\tRU\tC\t48\t10381222\t37.6156\t55.7522\n\
                   Moscow\tUS\tA\tID\t25060\t-117.0002\t46.7324\n\
                   Idaho\tUS\tS\tID\t1500000\t-115.0\t44.0\n\
                   Zhukovskiy\tRU\tP\t47\t97200\t38.1203\t55.5953\n\
                   Vladimir\tRU\tA\t83\t350000\t40.4\t56.13\n\
                   Paris\tFR\tC\t11\t2138551\t2.3488\t48.8534\n\
                   Paris\tUS\tP\tTX\t25171\t-95.5555\t33.6609\n\
                   Texas\tUS\tS\tTX\t21000000\t-97.5\t31.0\n\
                   Vostochnyy\tRU\tP\t33\t7622\t52.2451\t58.7881\n\
                   Abu Dhabi\tAE\tC\t01\t603492\t54.3667\t24.4667\n\
                   Turkmenistan\tTM\tN\t\t2015858\t59.4\t39.1\n\
                   Rio de Janeiro\tBR\tA\t21\t6023699\t-43.18\t-22.9\n\
                   Turkey\tTR\tN\t\t60000000\t35.0\t39.0\n";
        Gazetteer::parse(tsv).unwrap_or_default()
    }

    fn roles(sentence: &str) -> Vec<(String, Role)> {
        find_mentions(sentence, &gazetteer())
            .into_iter()
            .map(|m| (m.name, m.role))
            .collect()
    }

    #[test]
    fn places_and_their_roles() {
        let g = gazetteer();
        let m = find_mentions(
            "They inspected a helicopter at the salon in Zhukovsky near Moscow.",
            &g,
        );
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].name.as_str(), m[0].role, m[0].locative),
            ("Zhukovsky", Role::Location, true)
        );
        assert_eq!(m[0].reference.as_deref(), Some("Moscow"));
        assert_eq!(m[1].role, Role::Reference);
        let m = find_mentions("A storm hit Paris, Texas, on Monday.", &g);
        assert_eq!(m[0].qualifier.as_deref(), Some("Texas"));
        assert_eq!(m[1].role, Role::Qualifier);
        let m = find_mentions("Kim saw the car at the Vostochny Spaceport.", &g);
        assert_eq!(
            (m[0].name.as_str(), m[0].facility.as_deref()),
            ("Vostochny", Some("Spaceport"))
        );
    }

    #[test]
    fn names_of_people_and_words_about_people_are_not_locations() {
        assert_eq!(
            roles("Russian President Vladimir Putin met Paris Hilton."),
            []
        );
        assert_eq!(
            roles("Abu Dhabi Crown Prince Mohammed Bin Zayed Al Nahyan saw it."),
            [("Abu Dhabi".into(), Role::Modifier)]
        );
        assert_eq!(
            roles("He met the head of Turkmenistan Gurbanguly Berdimuhamedov."),
            [("Turkmenistan".into(), Role::Modifier)]
        );
        assert_eq!(
            roles("Turkey's purchase was not reported."),
            [("Turkey".into(), Role::Modifier)]
        );
        assert_eq!(
            roles("Berdimuhamedov said that Ashgabat and Moscow agreed."),
            [("Moscow".into(), Role::Location)]
        );
        assert_eq!(
            roles("MOSCOW, February 20."),
            [("MOSCOW".into(), Role::Location)]
        );
        assert_eq!(
            roles("In Rio de Janeiro, police said."),
            [("Rio de Janeiro".into(), Role::Location)]
        );
        assert_eq!(
            roles("Crowds filled Moscow's Red Square."),
            [("Moscow".into(), Role::Location)]
        );
        assert_eq!(
            roles("Moscow's mayor spoke."),
            [("Moscow".into(), Role::Modifier)]
        );
    }
}
