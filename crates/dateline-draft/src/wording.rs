//! The words of a drafted event: a short title drawn from its first
//! sentence, and the people its sentences name, with their titles as the
//! text gives them (`President Vladimir Putin`).

use super::text::{words, Word};
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

/// Titles that come before a name.
const TITLES: [&str; 32] = [
    "President",
    "Presidents",
    "Prime",
    "Minister",
    "Ministers",
    "Spokesman",
    "Spokeswoman",
    "Crown",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Chancellor",
    "Governor",
    "Mayor",
    "Senator",
    "Judge",
    "Justice",
    "General",
    "Gen",
    "Secretary",
    "Ambassador",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Pope",
    "Emir",
    "Sheikh",
    "Premier",
    "Chairman",
    "Director",
];

/// Lower-case words that introduce a name (`leader Kim Jong Un`).
const ROLES: [&str; 12] = [
    "leader",
    "leaders",
    "head",
    "coach",
    "captain",
    "striker",
    "defendant",
    "judge",
    "prosecutor",
    "rider",
    "driver",
    "spokesman",
];

/// Words that end a run of names as an organisation or a thing rather than a person.
const NOT_PEOPLE: [&str; 24] = [
    "Agency",
    "News",
    "Salon",
    "Ministry",
    "Government",
    "Council",
    "Party",
    "Company",
    "Inc",
    "Corp",
    "Group",
    "Bank",
    "University",
    "Union",
    "Committee",
    "Forum",
    "Show",
    "Cup",
    "League",
    "Court",
    "Senat",
    "Cosmodrome",
    "Spaceport",
    "Airport",
];

/// A title of at most `max_words` words from `sentence`: its main clause,
/// without an opening date or connective.
///
/// # Examples
///
/// ```
/// use dateline_draft::wording::title;
///
/// assert_eq!(title("In August 2019, Putin and Erdogan inspected a helicopter at the air show in Zhukovsky.", 10),
///            "Putin and Erdogan inspected a helicopter at the air show");
/// assert_eq!(title("Meanwhile, Kim saw the limousine last September.", 10), "Kim saw the limousine last September");
/// ```
pub fn title(sentence: &str, max_words: usize) -> String {
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
        let connective = OPENERS.contains(&first.as_str())
            || matches!(
                first.as_str(),
                "in" | "on" | "after" | "since" | "during" | "according" | "by"
            );
        if short && (dated || connective) {
            text = &text[comma + 2..];
        }
    }
    let cut = [
        ", ",
        "; ",
        " — ",
        " - ",
        " as ",
        " when ",
        " after ",
        " because ",
        " which ",
    ]
    .iter()
    .filter_map(|sep| text.find(sep))
    .filter(|&at| text[..at].split(' ').count() >= 4)
    .min()
    .unwrap_or(text.len());
    let clause = text[..cut].trim_end_matches(['.', '!', '?', ':', '"', '”']);
    let mut out: Vec<&str> = clause.split_whitespace().take(max_words).collect();
    while out.len() > 3
        && out.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a" | "an"
                    | "the"
                    | "of"
                    | "to"
                    | "in"
                    | "at"
                    | "and"
                    | "with"
                    | "for"
                    | "on"
                    | "by"
                    | "that"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
            )
        })
    {
        out.pop();
    }
    let mut title = out.join(" ");
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    title
}

/// The people `sentence` names: capitalised names of two to five words
/// after a title (kept: `Prime Minister Dmitry Medvedev`) or a role word
/// (not kept: `leader Kim Jong Un` gives `Kim Jong Un`).
pub fn people(sentence: &str) -> Vec<String> {
    let words = words(sentence);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let titled = TITLES.contains(&words[i].text);
        let roled = ROLES.contains(&words[i].text);
        if !titled && !roled {
            i += 1;
            continue;
        }
        let title_start = i;
        while i < words.len() && TITLES.contains(&words[i].text) {
            i += 1;
        }
        if roled {
            i += 1;
            // "head of Turkmenistan Gurbanguly Berdimuhamedov": skip the place the role is of.
            // An article cut after "head of" has no place left to skip.
            if words.get(i).is_some_and(|w| w.text == "of") {
                i = (i + 2).min(words.len());
            }
        }
        let plural = words[title_start..i]
            .iter()
            .any(|w| w.text.ends_with('s') && w.text != "Ms");
        loop {
            let name_start = i;
            while i < words.len()
                && is_name_word(&words[i])
                && (i == name_start || !words[i].after_break)
            {
                i += 1;
            }
            let name = &words[name_start..i];
            let ok = name.len() >= 2
                && name.len() <= 6
                && !name.iter().any(|w| NOT_PEOPLE.contains(&w.text));
            if ok {
                let from = if titled && !plural {
                    title_start
                } else {
                    name_start
                };
                let start = words[from].start;
                let last = &words[i - 1];
                let text = sentence
                    .get(start..last.start + last.text.len())
                    .unwrap_or("");
                if !out.iter().any(|o| o == text) {
                    out.push(text.to_string());
                }
            }
            // "Presidents Vladimir Putin and Recep Tayyip Erdogan": the names after "and" too.
            if plural && ok && words.get(i).is_some_and(|w| w.text == "and") {
                i += 1;
                continue;
            }
            break;
        }
        i = i.max(title_start + 1);
    }
    out
}

fn is_name_word(w: &Word) -> bool {
    w.is_capitalised()
        || matches!(w.text, "bin" | "al" | "el" | "de" | "van" | "von" | "da")
        || w.text.starts_with("el-")
        || w.text.starts_with("al-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_with_their_titles() {
        assert_eq!(
            people("Russian President Vladimir Putin presented leader Kim Jong Un with a car."),
            ["President Vladimir Putin", "Kim Jong Un"]
        );
        assert_eq!(
            people("Kremlin Spokesman Dmitry Peskov confirmed it."),
            ["Spokesman Dmitry Peskov"]
        );
        assert_eq!(people("In 2019, then Russian Prime Minister Dmitry Medvedev showed it to then head of Turkmenistan Gurbanguly Berdimuhamedov."), ["Prime Minister Dmitry Medvedev", "Gurbanguly Berdimuhamedov"]);
        assert_eq!(people("Russian and Turkish Presidents Vladimir Putin and Recep Tayyip Erdogan inspected it."), ["Vladimir Putin", "Recep Tayyip Erdogan"]);
        assert_eq!(people("Egyptian President Abdel Fattah el-Sisi, Abu Dhabi Crown Prince Mohammed Bin Zayed Al Nahyan came."), ["President Abdel Fattah el-Sisi", "Crown Prince Mohammed Bin Zayed Al Nahyan"]);
        assert_eq!(people("The president said so."), Vec::<String>::new());
    }

    #[test]
    fn a_sentence_cut_after_a_role_has_no_people() {
        assert!(people("Putin met the head of").is_empty());
        assert!(people("Putin met the head").is_empty());
        assert!(people("President").is_empty());
    }

    #[test]
    fn titles_are_short_and_start_with_the_subject() {
        assert_eq!(title("On June 10, 2022, a source close to the Turkmen government told TASS that the republic had purchased the first car.", 10), "A source close to the Turkmen government told TASS");
        assert_eq!(title("", 10), "");
        assert_eq!(title("Yes.", 10), "Yes");
    }
}
