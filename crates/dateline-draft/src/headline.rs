//! A drafted event's title and a story's summary, as a journalist would
//! keep them: a headline that is a whole phrase of its sentence, at most
//! about 70 characters, never ending on an article, preposition,
//! conjunction or possessive and never opening on a sentence adverb; a
//! summary of whole sentences.

use crate::story::MONTH_NAMES;

/// Words that open a sentence before its subject and say nothing of what happened.
const OPENERS: [&str; 12] = [
    "meanwhile",
    "earlier",
    "later",
    "then",
    "also",
    "however",
    "afterwards",
    "separately",
    "elsewhere",
    "overnight",
    "still",
    "now",
];

/// The longest a drafted title runs when it is cut, in characters: a headline's length.
pub const TITLE_CHARS: usize = 70;

/// How far past the limit a whole clause may run rather than lose its last phrase.
const WHOLE_CLAUSE_SLACK: usize = 10;

/// Words a phrase begins with: a title may end just before one of them
/// (prepositions, conjunctions, relative words, the infinitive's `to`, and
/// the subject of a clause that follows without `that`).
const PHRASE_OPENERS: [&str; 43] = [
    "in", "at", "on", "for", "with", "from", "to", "by", "after", "before", "during", "since",
    "until", "over", "under", "into", "through", "across", "near", "about", "amid", "despite",
    "against", "between", "among", "of", "and", "but", "or", "while", "as", "when", "because",
    "which", "who", "that", "where", "although", "whose", "he", "she", "they", "we",
];

/// Words a headline never ends on: articles, possessives, auxiliaries and
/// the phrase openers above.
const DANGLING: [&str; 26] = [
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "is", "are", "was",
    "were", "has", "have", "had", "be", "been", "will", "would", "can", "could", "not", "than",
    "also",
];

/// A verb that can end a whole clause ("… where the capital is").
fn auxiliary(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        w.as_str(),
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "be"
            | "been"
            | "will"
            | "would"
            | "can"
            | "could"
    )
}

fn dangles(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    DANGLING.contains(&w.as_str()) || PHRASE_OPENERS.contains(&w.as_str())
}

/// A headline from `sentence`: its main clause without an opening date or
/// connective, whole if it fits in `max_chars` (or runs at most
/// [`WHOLE_CLAUSE_SLACK`] past it), else cut where a phrase
/// begins, and never ending on an article, preposition, conjunction,
/// possessive or auxiliary.
///
/// # Examples
///
/// ```
/// use dateline_draft::headline::title;
///
/// assert_eq!(title("In August 2019, Putin and Erdogan inspected a helicopter at the air show in Zhukovsky.", 70),
///            "Putin and Erdogan inspected a helicopter at the air show in Zhukovsky");
/// assert_eq!(title("Meanwhile, Kim saw the limousine last September.", 70), "Kim saw the limousine last September");
/// assert_eq!(title("Putin himself has been riding in a domestic Aurus Senat limousine since 2018, as the limo brought him to his inauguration.", 70),
///            "Putin himself has been riding in a domestic Aurus Senat limousine since 2018");
/// assert_eq!(title("North Korean leader Kim Jong Un is the first leader to receive a Russian Aurus executive car as a gift.", 70),
///            "Kim Jong Un is the first leader to receive a Russian Aurus executive car");
/// ```
pub fn title(sentence: &str, max_chars: usize) -> String {
    let text = main_clause(sentence);
    let mut clause: Vec<&str> = text.split_whitespace().collect();
    // Characters of words joined by spaces, plus one.
    let joined = |c: &[&str]| -> usize { c.iter().map(|w| w.chars().count() + 1).sum() };
    if joined(&clause) > max_chars + WHOLE_CLAUSE_SLACK + 1 {
        // A headline names people without their titles: "Putin and Erdogan
        // inspected …", not "Russian and Turkish Presidents Vladimir Putin".
        clause = without_leading_titles(clause);
    }
    let first = |n: usize| joined(&clause[..n]);
    let most = |limit: usize| (1..=clause.len()).rev().find(|&n| first(n) <= limit + 1);
    // A phrase begins at word `n` (before "of" only when nothing else will
    // do: "the head | of Turkmenistan" is one noun phrase), or the word
    // before it closes one with a comma.
    let boundary = |n: usize, of_too: bool| {
        let word = clause[n].to_lowercase();
        ((of_too || word != "of") && PHRASE_OPENERS.contains(&word.as_str()))
            || clause[n - 1]
                .trim_end_matches(['"', '”', '’'])
                .ends_with([',', ';', ':'])
    };
    let mut end = clause.len();
    if first(end) > max_chars + WHOLE_CLAUSE_SLACK + 1 {
        // The latest phrase boundary that leaves a title within the limit, or
        // failing one within the slack; failing both, the most words that fit.
        end = [
            (max_chars, false),
            (max_chars + WHOLE_CLAUSE_SLACK, false),
            (max_chars + WHOLE_CLAUSE_SLACK, true),
        ]
        .iter()
        .find_map(|&(limit, of_too)| (3..=most(limit)?).rev().find(|&n| boundary(n, of_too)))
        .or(most(max_chars))
        .unwrap_or(1);
    }
    let mut out = clause[..end].to_vec();
    // A whole clause may end on its verb ("where the capital is"); a cut
    // one, or one the text itself cut short ("he purchased his"), may not.
    let whole = end == clause.len();
    while out.len() > 3
        && out
            .last()
            .is_some_and(|w| dangles(w) && !(whole && auxiliary(w)))
    {
        out.pop();
    }
    let mut title = out.join(" ");
    // A comma that closed the phrase goes; a quotation's closing mark stays.
    for mark in ["", "\"", "”", "’"] {
        for comma in [",", ";", ":"] {
            if let Some(kept) = title.strip_suffix(&format!("{comma}{mark}")) {
                title = format!("{kept}{mark}");
            }
        }
    }
    balance_quotes(&mut title);
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    title
}

/// Words of office that come before a name.
const OFFICES: [&str; 16] = [
    "president",
    "presidents",
    "minister",
    "ministers",
    "chancellor",
    "king",
    "queen",
    "prince",
    "leader",
    "leaders",
    "secretary",
    "governor",
    "mayor",
    "premier",
    "chairman",
    "ambassador",
];

/// `clause` without the descriptors of its opening names ("Russian and
/// Turkish Presidents", "North Korean leader"), when a name follows them.
fn without_leading_titles(clause: Vec<&str>) -> Vec<&str> {
    let office = clause
        .iter()
        .take(6)
        .rposition(|w| OFFICES.contains(&w.to_lowercase().as_str()));
    match office {
        Some(i)
            if clause
                .get(i + 1)
                .is_some_and(|n| n.starts_with(char::is_uppercase)) =>
        {
            clause[i + 1..].to_vec()
        }
        _ => clause,
    }
}

/// Closes a quotation a cut title left open, and opens one whose start
/// the title lost (`upstairs," said Morales` → `"… upstairs," said Morales`).
fn balance_quotes(title: &mut String) {
    for (open, close) in [('“', '”'), ('‘', '’')] {
        let opened = title.matches(open).count();
        let closed = title.matches(close).count();
        if opened > closed {
            title.push(close);
        } else if closed > opened && close != '’' {
            // (’ is also an apostrophe: only a lost “ is put back.)
            title.insert(0, open);
        }
    }
    if title.matches('"').count() % 2 == 1 {
        // A straight quote that opens is preceded by a space or starts the title.
        let last = title.rfind('"').unwrap_or(0);
        let opens = last == 0 || title[..last].ends_with(' ');
        if opens {
            title.push('"');
        } else {
            title.insert(0, '"');
        }
    }
}

/// The clause a title is made from: `sentence` without an opening phrase
/// ("In August 2019, …", "Meanwhile, …", "However …") and up to where its
/// first subordinate clause begins.
fn main_clause(sentence: &str) -> &str {
    let mut text = sentence.trim();
    // "In August 2019, …", "Earlier on Tuesday, …": an opening phrase up to its comma.
    let comma = text
        .match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| !text[i + 2..].starts_with(|c: char| c.is_ascii_digit()));
    if let Some(comma) = comma {
        let opening = &text[..comma];
        let first = opening.split(' ').next().unwrap_or("").to_lowercase();
        let short = opening.split(' ').count() <= 5;
        let dated = opening.chars().any(|c| c.is_ascii_digit()) || {
            let lower = opening.to_lowercase();
            MONTH_NAMES
                .iter()
                .any(|m| lower.contains(&m.to_ascii_lowercase()))
        };
        // "Speaking in Madrid on Monday, …": a participle's phrase before the subject.
        let participle = first.len() > 4 && first.ends_with("ing");
        let connective = participle
            || OPENERS.contains(&first.as_str())
            || matches!(
                first.as_str(),
                "in" | "on" | "after" | "since" | "during" | "according" | "by"
            );
        if short && (dated || connective) {
            text = &text[comma + 2..];
        }
    }
    // A sentence adverb without its comma ("However the talks …").
    if let Some((first, rest)) = text.split_once(' ') {
        if OPENERS.contains(&first.to_lowercase().as_str()) && rest.split(' ').count() >= 3 {
            text = rest;
        }
    }
    let cut = [
        ", ",
        "; ",
        " — ",
        " - ",
        ": ",
        " as ",
        " when ",
        " after ",
        " because ",
        " which ",
        " while ",
    ]
    .iter()
    .filter_map(|sep| text.find(sep))
    .filter(|&at| text[..at].split(' ').count() >= 4)
    .min()
    .unwrap_or(text.len());
    text[..cut].trim_end_matches(['.', '!', '?', ':', '"', '”'])
}

/// The story's summary from the article's standfirst, as whole sentences.
/// A standfirst that stops mid-phrase (on "his", "the", "of": a site's
/// teaser cut to length) is the body's sentence that holds it, whole; if
/// no sentence does, there is no summary rather than half of one.
///
/// # Examples
///
/// ```
/// use dateline_draft::headline::summary;
///
/// let body = ["According to TASS, the president of Turkmenistan also has an Aurus, but he purchased his."];
/// assert_eq!(summary("The president of Turkmenistan also has an Aurus, but he purchased his", body).as_deref(),
///            Some("According to TASS, the president of Turkmenistan also has an Aurus, but he purchased his."));
/// assert_eq!(summary("Storm leaves thousands without power", body).as_deref(),
///            Some("Storm leaves thousands without power"));
/// assert_eq!(summary("The talks ended without a deal, and the", body), None);
/// ```
pub fn summary<'a>(standfirst: &str, body: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let standfirst = standfirst.trim();
    let last = standfirst.rsplit(' ').next().unwrap_or("");
    if standfirst.ends_with(['.', '!', '?', '"', '”']) || !dangles(last) {
        return Some(standfirst.to_string());
    }
    let wanted = standfirst.to_lowercase();
    body.into_iter()
        .find(|sentence| sentence.to_lowercase().contains(&wanted))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_short_and_start_with_the_subject() {
        assert_eq!(title("On June 10, 2022, a source close to the Turkmen government told TASS that the republic had purchased the first car.", 70), "A source close to the Turkmen government told TASS");
        assert_eq!(title("", 70), "");
        assert_eq!(title("Yes.", 70), "Yes");
    }

    #[test]
    fn long_titles_end_where_a_phrase_begins() {
        let t = title("North Korean leader Kim Jong Un is the first leader to receive a Russian Aurus executive car as a gift.", 70);
        assert_eq!(
            t,
            "Kim Jong Un is the first leader to receive a Russian Aurus executive car"
        );
        // A whole clause a little past the limit stays whole.
        let t = title(
            "Kim Jong Un saw the limousine last September at the Vostochny Spaceport.",
            70,
        );
        assert_eq!(
            t,
            "Kim Jong Un saw the limousine last September at the Vostochny Spaceport"
        );
        // No phrase opener within the limit: the most words, less a dangling one.
        let t = title("Officials said the enormous unprecedented multinational humanitarian reconstruction programme the government has funded", 70);
        assert!(t.chars().count() <= 70, "{t}");
        assert!(!dangles(t.rsplit(' ').next().unwrap_or("")), "{t}");
    }

    #[test]
    fn a_cut_standfirst_becomes_its_whole_sentence_or_nothing() {
        let body = [
            "Kim saw the car.",
            "The Turkmen leader bought his own Aurus in 2022.",
        ];
        assert_eq!(
            summary("The Turkmen leader bought his", body).as_deref(),
            Some("The Turkmen leader bought his own Aurus in 2022.")
        );
        assert_eq!(
            summary("Kim saw the car.", body).as_deref(),
            Some("Kim saw the car.")
        );
        assert_eq!(summary("Nobody expected the", body), None);
    }

    #[test]
    fn quotations_a_title_cuts_are_closed_and_openings_put_back() {
        assert_eq!(
            title("Local schoolchildren sang \"The Eyes of Texas\" at the dedication ceremony held beside the river on a bright cold morning.", 60),
            "Local schoolchildren sang \"The Eyes of Texas\""
        );
        assert_eq!(
            title("Pupils sang “The Eyes of Texas and other songs of the state” at the dedication ceremony beside the river.", 40),
            "Pupils sang “The Eyes of Texas”"
        );
        let mut t = "Every season we move upstairs,\" said Morales".to_string();
        balance_quotes(&mut t);
        assert_eq!(t, "\"Every season we move upstairs,\" said Morales");
        let mut t = "Brandt kept the leader’s jersey".to_string();
        balance_quotes(&mut t);
        assert_eq!(t, "Brandt kept the leader’s jersey");
    }

    #[test]
    fn a_long_title_names_people_without_their_offices() {
        let t = title("In August 2019, Russian and Turkish Presidents Vladimir Putin and Recep Tayyip Erdogan inspected a Russian Ansat helicopter in a representative modification at the air show in Zhukovsky.", 70);
        assert_eq!(
            t,
            "Vladimir Putin and Recep Tayyip Erdogan inspected a Russian Ansat helicopter"
        );
        // A short one keeps them.
        assert_eq!(
            title("President Putin met the emir.", 70),
            "President Putin met the emir"
        );
    }

    #[test]
    fn a_whole_clause_keeps_its_last_verb() {
        assert_eq!(
            title("\"Asia is where the patient capital is,\" Garza said.", 70),
            "\"Asia is where the patient capital is,\" Garza said"
        );
        assert_eq!(
            title("The fund says Asia is where the patient capital is.", 70),
            "The fund says Asia is where the patient capital is"
        );
    }

    #[test]
    fn titles_open_on_the_subject_not_a_sentence_adverb() {
        assert_eq!(
            title(
                "Speaking in Madrid on Monday, the minister promised more trains.",
                70
            ),
            "The minister promised more trains"
        );
        assert_eq!(
            title("However the talks in Geneva ended without a deal.", 70),
            "The talks in Geneva ended without a deal"
        );
        assert_eq!(
            title(
                "Meanwhile, rescuers in Valencia searched the flooded garages.",
                70
            ),
            "Rescuers in Valencia searched the flooded garages"
        );
    }
}
