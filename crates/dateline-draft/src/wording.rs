//! The people a drafted event's sentences name, with their titles as the
//! text gives them (`President Vladimir Putin`). Its title is [`crate::headline`]'s.

use super::text::{words, Word};

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
}
