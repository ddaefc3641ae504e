//! An article's text as the drafter reads it: headline, dateline,
//! paragraphs of sentences, and the words of a sentence.

use crate::story::month_by_prefix;

/// What the first lines and the dateline say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The headline: the first line of four words or more before the dateline.
    pub headline: Option<String>,
    /// The line under the headline, if it reads as a standfirst.
    pub standfirst: Option<String>,
    /// The dateline's place as written (`MOSCOW`, `PARIS, Texas`).
    pub dateline_place: Option<String>,
    /// The dateline's month and day, when it has them (`February 20`).
    pub dateline_day: Option<(u8, u8)>,
    /// The agency the dateline names (`TASS`, `Reuters`).
    pub agency: Option<String>,
    /// The body's paragraphs, each a list of sentences.
    pub paragraphs: Vec<Vec<String>>,
}

/// Words ending in `.` that do not end a sentence.
const ABBREVIATIONS: [&str; 34] = [
    "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "gen", "gov", "sen", "rep", "lt", "col", "no", "vs", "inc", "corp", "jr",
    "sr", "prof", "capt", "sgt", "mt", "ft",
];

/// Reads an article: the lines before a dateline are its headline and
/// standfirst, the rest its body.
pub fn read_article(text: &str) -> Article {
    let lines = paragraph_lines(text);
    let dateline_at = lines.iter().position(|l| dateline(l).is_some());
    let mut article = Article::default();
    let (head, body) = match dateline_at {
        Some(i) => lines.split_at(i),
        None => {
            // Without a dateline, a first line with no full stop is the headline.
            let titled = lines
                .first()
                .is_some_and(|l| !l.ends_with('.') && words(l).len() >= 3);
            lines.split_at(usize::from(titled && lines.len() > 1))
        }
    };
    let mut heads = head
        .iter()
        .filter(|l| words(l).len() >= 4 && !l.contains('©') && !l.contains('/'));
    article.headline = heads.next().cloned();
    article.standfirst = heads.next().filter(|l| words(l).len() >= 6).cloned();
    for (i, line) in body.iter().enumerate() {
        let mut text = line.as_str();
        if i == 0 {
            if let Some(found) = dateline(line) {
                article.dateline_place = Some(found.place);
                article.dateline_day = found.day;
                article.agency = found.agency;
                text = line.get(found.body_at..).unwrap_or("");
            }
        }
        // "(Reporting by …; Editing by …)": the credits, not the story.
        let credits = [
            "(Reporting",
            "(Writing",
            "(Editing",
            "(Additional reporting",
            "Reporting by",
            "Editing by",
        ];
        if credits.iter().any(|c| text.starts_with(c)) {
            continue;
        }
        let sentences = sentences(text);
        if !sentences.is_empty() {
            article.paragraphs.push(sentences);
        }
    }
    article
}

/// Lines, with wrapped lines of one paragraph joined.
fn paragraph_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            open = false;
            continue;
        }
        let continues = line.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last) if open && continues => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
        open = !line.ends_with(['.', '!', '?', ':', '"', '”']);
    }
    out
}

struct Found {
    place: String,
    day: Option<(u8, u8)>,
    agency: Option<String>,
    body_at: usize,
}

/// A dateline at the start of `line`: a place in capitals, then a comma
/// (`MOSCOW, February 20. /TASS/.`, `HANOI, March 3 (Reuters) -`,
/// `PARIS, Texas (AP) —`).
fn dateline(line: &str) -> Option<Found> {
    let comma = line.find(',')?;
    let place = line.get(..comma)?.trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || letters.iter().any(|c| c.is_lowercase()) || place.len() > 40 {
        return None;
    }
    let mut rest = line.get(comma + 1..)?;
    let mut place = place.to_string();
    let mut day = None;
    // An optional state or country, then an optional "Month Day".
    for _ in 0..2 {
        let token = rest.trim_start();
        let word: String = token.chars().take_while(|c| c.is_alphabetic()).collect();
        let skip = rest.len() - token.len() + word.len();
        if let Some(m) = month_by_prefix(&word) {
            let after = token
                .get(word.len()..)
                .unwrap_or("")
                .trim_start_matches('.');
            let digits: String = after
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(d) = digits.parse::<u8>() {
                day = Some((m, d));
                let used = rest.len() - after.len()
                    + (after.len() - after.trim_start().len())
                    + digits.len();
                rest = rest.get(used..).unwrap_or("");
                break;
            }
        }
        if word.chars().next().is_some_and(char::is_uppercase) && day.is_none() && place.len() < 60
        {
            place = format!("{place}, {word}");
            rest = rest.get(skip..).unwrap_or("").trim_start_matches(',');
        } else {
            break;
        }
    }
    let (agency, body) = agency(rest)?;
    let body_at = line.len() - body.len();
    Some(Found {
        place,
        day,
        agency,
        body_at,
    })
}

/// The agency marker after a dateline (`. /TASS/.`, `(Reuters) -`, `—`) and the text after it.
fn agency(rest: &str) -> Option<(Option<String>, &str)> {
    let t = rest.trim_start_matches(['.', ' ']);
    let (name, after) = if let Some(inner) = t.strip_prefix('/') {
        let end = inner.find('/')?;
        (Some(inner.get(..end)?.trim()), inner.get(end + 1..)?)
    } else if let Some(inner) = t.strip_prefix('(') {
        let end = inner.find(')')?;
        (Some(inner.get(..end)?.trim()), inner.get(end + 1..)?)
    } else {
        (None, t)
    };
    let after = after.trim_start_matches(['.', ' ', '-', '—', '–', ':']);
    // Without an agency a dash must end the dateline, or it is just a sentence with a comma.
    if name.is_none() && after.len() == t.len() {
        return None;
    }
    Some((
        name.filter(|n| !n.is_empty() && n.len() < 40)
            .map(str::to_string),
        after,
    ))
}

/// The sentences of a paragraph.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = text.get(i + 1..).unwrap_or("");
        let closing = after.len() - after.trim_start_matches(['"', '”', '’', '\'', ')']).len();
        let rest = &after[closing..];
        let next_starts =
            rest.starts_with(' ')
                && rest.trim_start().chars().next().is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“')
                });
        if !next_starts && !rest.trim().is_empty() {
            continue;
        }
        if c == '.' && is_abbreviation(text.get(start..i).unwrap_or("")) {
            continue;
        }
        let end = i + 1 + closing;
        let sentence = text.get(start..end).unwrap_or("").trim();
        if !sentence.is_empty() {
            out.push(sentence.to_string());
        }
        start = end;
    }
    let tail = text.get(start..).unwrap_or("").trim();
    if !tail.is_empty() {
        out.push(tail.to_string());
    }
    out
}

/// Whether the text before a full stop ends in an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(['"', '“']);
    let lower = bare.to_lowercase();
    (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&lower.as_str())
        // U.S., U.K., a.m.: letters with stops between.
        || (bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 1))
}

/// A word of a sentence and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'a> {
    /// The word, without surrounding punctuation.
    pub text: &'a str,
    /// Its byte offset in the sentence.
    pub start: usize,
    /// Whether punctuation (a comma, a bracket, a quote) separates it from the word before.
    pub after_break: bool,
}

impl Word<'_> {
    /// Whether it starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word lower-cased.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// The words of `sentence`: letters, digits and the apostrophes, hyphens
/// and stops inside a word (`L'Aquila`, `el-Sisi`, `U.S.`).
pub fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut broken = false;
    let mut pending_break = false;
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '’' | '-' | '.')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
                broken = pending_break;
                pending_break = false;
            }
            continue;
        }
        if let Some(s) = start.take() {
            let text = sentence.get(s..i).unwrap_or("");
            out.push(Word {
                text: text.trim_end_matches('.'),
                start: s,
                after_break: broken,
            });
        }
        if !c.is_whitespace() {
            pending_break = true;
        }
    }
    if let Some(s) = start {
        let text = sentence.get(s..).unwrap_or("");
        out.push(Word {
            text: text.trim_end_matches('.'),
            start: s,
            after_break: broken,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tass_dateline_headline_and_body() {
        let a = read_article(include_str!("../../../tests/fixtures/article.txt"));
        assert_eq!(
            a.headline.as_deref(),
            Some("Kim Jong Un first leader to get Aurus car from Putin")
        );
        assert_eq!(a.dateline_place.as_deref(), Some("MOSCOW"));
        assert_eq!(a.dateline_day, Some((2, 20)));
        assert_eq!(a.agency.as_deref(), Some("TASS"));
        assert!(
            a.paragraphs[0][0].starts_with("North Korean leader Kim Jong Un is the first leader")
        );
        let all: Vec<&String> = a.paragraphs.iter().flatten().collect();
        assert!(all
            .iter()
            .any(|s| s.starts_with("Kremlin Spokesman Dmitry Peskov confirmed")));
    }

    #[test]
    fn other_datelines() {
        let a = read_article("PARIS, Texas (AP) — A storm hit the town on Monday.");
        assert_eq!(a.dateline_place.as_deref(), Some("PARIS, Texas"));
        assert_eq!(a.agency.as_deref(), Some("AP"));
        assert_eq!(a.paragraphs[0], ["A storm hit the town on Monday."]);
        let a = read_article("HANOI, March 3 (Dateline Wire) - The president arrived.");
        assert_eq!(
            (a.dateline_place.as_deref(), a.dateline_day),
            (Some("HANOI"), Some((3, 3)))
        );
        let a = read_article("NO DATELINE here, just text.");
        assert_eq!(a.dateline_place, None);
    }

    #[test]
    fn sentences_keep_abbreviations_and_initials() {
        let s = sentences("Mr. Smith met Gen. J. K. Doe in the U.S. on Feb. 20. He left. \"Go,\" she said. It was 8 a.m. Then rain.");
        assert_eq!(
            s,
            [
                "Mr. Smith met Gen. J. K. Doe in the U.S. on Feb. 20.",
                "He left.",
                "\"Go,\" she said.",
                "It was 8 a.m. Then rain."
            ]
        );
    }

    #[test]
    fn words_and_breaks() {
        let w = words("In Paris, Texas, L'Aquila's el-Sisi (U.S.) met.");
        let texts: Vec<&str> = w.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            [
                "In",
                "Paris",
                "Texas",
                "L'Aquila's",
                "el-Sisi",
                "U.S",
                "met"
            ]
        );
        assert!(w[2].after_break && !w[1].after_break && w[5].after_break);
    }

    #[test]
    fn never_panics() {
        for text in [
            "",
            "\u{0}",
            "...",
            "A,",
            "MOSCOW,",
            "ÉÉÉ, Ü. /",
            "a.b.c. d. E.",
            &"Ж. ".repeat(1000),
        ] {
            let _ = read_article(text);
        }
    }
}
