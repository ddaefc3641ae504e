//! Which way a sentence's bare weekdays and months point. A report tells
//! of the past ("met on Tuesday": the Tuesday before publication); a
//! preview, a schedule or an itinerary tells of what is coming, in the
//! future or the present tense ("will fly to Da Nang on Friday", "lands in
//! Osaka on Wednesday": the coming ones). A sentence with a word of the
//! future reads ahead; in an article that looks ahead, so does a sentence
//! in the present tense, with no word of the past.

/// Words that put a sentence in the future, where `on Monday` means the coming Monday.
const FUTURE: [&str; 18] = [
    " will ",
    "'ll ",
    " is due ",
    " are due ",
    " scheduled ",
    " plans ",
    " plan to ",
    " planned for ",
    " is expected to ",
    " are expected to ",
    " set for ",
    " is set to ",
    " are set to ",
    " ahead of ",
    " is to ",
    " are to ",
    " upcoming ",
    " later this ",
];

/// Words that put a sentence in the past.
const PAST: [&str; 21] = [
    " said ",
    " told ",
    " was ",
    " were ",
    " had ",
    " did ",
    " ago",
    " yesterday",
    " met ",
    " went ",
    " came ",
    " took ",
    " held ",
    " made ",
    " gave ",
    " saw ",
    " left ",
    " began ",
    " won ",
    " lost ",
    " earlier ",
];

/// Words in `-ed` that are not verbs of the past, or say a future ("is scheduled").
const NOT_PAST_ED: [&str; 8] = [
    "scheduled",
    "expected",
    "planned",
    "red",
    "need",
    "speed",
    "united",
    "hundred",
];

/// Words before an `-ed` word that make it an adjective or a passive, not a
/// verb of the past ("two liquefied gas carriers", "is expected").
const BEFORE_ADJECTIVE: [&str; 16] = [
    "a", "an", "the", "two", "three", "four", "several", "many", "is", "are", "be", "being",
    "newly", "its", "their", "his",
];

fn padded(sentence: &str) -> String {
    format!(" {} ", sentence.to_lowercase())
}

fn future(padded: &str) -> bool {
    FUTURE.iter().any(|f| padded.contains(f))
}

fn past(padded: &str) -> bool {
    let words: Vec<&str> = padded
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .collect();
    PAST.iter().any(|p| padded.contains(p))
        || words.iter().enumerate().any(|(i, w)| {
            let before = i.checked_sub(1).and_then(|b| words.get(b)).copied();
            w.len() > 4
                && w.ends_with("ed")
                && !NOT_PAST_ED.contains(w)
                && !before.is_some_and(|b| BEFORE_ADJECTIVE.contains(&b) || b.is_empty())
        })
}

/// Whether an article looks ahead: at least two of its sentences speak of
/// the future. Then a sentence in the present tense with a weekday is a
/// schedule ("She returns to Brasília on Saturday"): wire copy keeps the
/// present for the past to its headlines.
pub fn looks_ahead<'a>(sentences: impl IntoIterator<Item = &'a str>) -> bool {
    sentences
        .into_iter()
        .filter(|s| future(&padded(s)))
        .nth(1)
        .is_some()
}

/// Whether `sentence`'s bare weekdays and months are the coming ones: it
/// speaks of the future, or (in an article that looks ahead) of the present.
///
/// # Examples
///
/// ```
/// use dateline_draft::tense::reads_ahead;
///
/// assert!(reads_ahead("He will fly to Da Nang on Friday.", false));
/// assert!(reads_ahead("On Wednesday he lands in Osaka.", true));
/// assert!(!reads_ahead("On Wednesday he lands in Osaka.", false));
/// assert!(!reads_ahead("On Tuesday he landed in Osaka.", true));
/// ```
pub fn reads_ahead(sentence: &str, article_looks_ahead: bool) -> bool {
    let p = padded(sentence);
    future(&p) || (article_looks_ahead && !past(&p))
}

/// A live blog's entry (`09:40 GMT — …`) is on the day it is filed.
/// Whether `text` opens with a live blog's time stamp: `09:40`, `9.40 GMT`,
/// `11:15 BST —`, then a dash or a colon.
pub fn clock_stamp(text: &str) -> Option<()> {
    // (An `Option` rather than a `bool`, so that `?` reads the parts.)
    let t = text.trim_start();
    let digits = |s: &str| s.len() <= 2 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (time, rest) = t.split_once(' ')?;
    let (h, m) = time.split_once([':', '.'])?;
    if !(digits(h) && m.len() == 2 && digits(m)) {
        return None;
    }
    let rest = rest
        .trim_start_matches(|c: char| c.is_ascii_uppercase())
        .trim_start();
    rest.starts_with(['—', '–', '-', ':']).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_looks_ahead_and_a_report_does_not() {
        let preview = [
            "The president arrives in Tokyo on Monday.",
            "On Wednesday he will fly to Osaka.",
            "He is due in Seoul on Thursday.",
            "Officials said the visit was planned last year.",
        ];
        assert!(looks_ahead(preview));
        let report = [
            "The president arrived in Tokyo on Monday.",
            "On Wednesday he flew to Osaka, where he met workers.",
            "He will return next year, officials said.",
            "Shares of the carmaker closed higher.",
        ];
        assert!(!looks_ahead(report));
    }

    #[test]
    fn the_past_wins_over_the_present_in_a_preview() {
        assert!(!reads_ahead(
            "Last Friday he told reporters in Mexico City.",
            true
        ));
        assert!(!reads_ahead("The deal was signed in 2004.", true));
        assert!(reads_ahead(
            "The tour is scheduled to reach Prague on Saturday.",
            false
        ));
        assert!(reads_ahead(
            "Ahead of the summit, ministers meet in Bogota on Monday.",
            false
        ));
    }

    #[test]
    fn live_blog_stamps() {
        for stamped in [
            "09:40 GMT — A gust",
            "11:15 — Sailings cancelled",
            "9.05 BST: Roads shut",
            "07:05 GMT - Rain",
        ] {
            assert!(clock_stamp(stamped).is_some(), "{stamped}");
        }
        for not in [
            "At 09:40 GMT a gust",
            "2024 — a year",
            "09:40 a gust",
            "123:45 — no",
            "9:4 — no",
        ] {
            assert!(clock_stamp(not).is_none(), "{not}");
        }
    }
}
