//! Places a story only mentions. A country (or a US state) whose towns the
//! story already places stands for them, not for an event of its own ("a
//! trip to Japan" in a story told in Tokyo); countries named in a list or
//! as flags ("exports to Germany, France and Italy", "waving the flags of
//! Uganda, Burundi and South Sudan") are where nothing in the story
//! happens. Such a place is still drafted, with its events, but flagged for
//! review with the reason, so that a journalist removes it in one click or
//! keeps it knowingly.

use super::events::DraftEvent;
use super::gazetteer::Entry;
use super::DraftPlace;

/// What joins the names of a list: a comma, `and`, `or`, or both.
fn joins(gap: &str) -> bool {
    let gap = gap.trim();
    let gap = gap
        .strip_suffix(" the")
        .or_else(|| (gap == "the").then_some(""))
        .unwrap_or(gap);
    matches!(
        gap.trim(),
        "," | "and" | "or" | ", and" | ", or" | "&" | "as well as" | ", the"
    ) || gap.is_empty()
}

/// For each of a sentence's place names (`spans`: byte start, end, and
/// whether it is a country or state, in order), whether it is a country or
/// state named in a list of three or more names, or as a flag (`the flags
/// of Uganda and Burundi`, `the flag of Panama`). A town in a list is not
/// marked: "protests in Paris, Lyon and Marseille" happen in all three.
///
/// # Examples
///
/// ```
/// use dateline_draft::mentioned::listed;
///
/// let s = "The tour takes them to Kenya, Tanzania and Rwanda.";
/// let spans = [(23, 28, true), (30, 38, true), (43, 49, true)];
/// assert_eq!(listed(s, &spans), [true, true, true]);
/// let s = "Floods hit Kenya and Tanzania.";
/// assert_eq!(listed(s, &[(11, 16, true), (21, 29, true)]), [false, false]);
/// let s = "Sales to Germany, Paris and the United States rose.";
/// assert_eq!(listed(s, &[(9, 16, true), (18, 23, false), (32, 45, true)]), [true, false, true]);
/// ```
pub fn listed(sentence: &str, spans: &[(usize, usize, bool)]) -> Vec<bool> {
    let mut out = vec![false; spans.len()];
    let mut i = 0;
    while i < spans.len() {
        // The run of areas from i joined one to the next.
        let mut j = i + 1;
        while j < spans.len() && sentence.get(spans[j - 1].1..spans[j].0).is_some_and(joins) {
            j += 1;
        }
        let before = sentence.get(..spans[i].0).unwrap_or("").to_lowercase();
        let flag =
            before.trim_end().ends_with("flags of") || before.trim_end().ends_with("flag of");
        if j - i >= 3 || flag {
            for (l, span) in out[i..j].iter_mut().zip(&spans[i..j]) {
                *l = span.2;
            }
        }
        i = j;
    }
    out
}

/// The town of the story that stands for `area` (a country or US state),
/// if `towns` (the story's other places) holds one in it.
///
/// # Examples
///
/// ```
/// use dateline_draft::gazetteer::Gazetteer;
/// use dateline_draft::mentioned::stood_for_by;
///
/// let g = Gazetteer::parse("Japan\tJP\tN\t\t100\t139.7\t35.7\nTokyo\tJP\tC\t40\t9000\t139.69\t35.69\n")?;
/// let (japan, tokyo) = (g.lookup("Japan")[0], g.lookup("Tokyo")[0]);
/// assert_eq!(stood_for_by(japan, [tokyo]).map(|t| t.name.as_str()), Some("Tokyo"));
/// assert_eq!(stood_for_by(tokyo, [japan]), None);
/// # Ok::<(), dateline_draft::gazetteer::GazetteerError>(())
/// ```
pub fn stood_for_by<'a>(
    area: &Entry,
    towns: impl IntoIterator<Item = &'a Entry>,
) -> Option<&'a Entry> {
    if !area.is_area() {
        return None;
    }
    towns.into_iter().find(|t| {
        !t.is_area()
            && t.country == area.country
            && (area.admin1.is_empty() || t.admin1 == area.admin1)
    })
}

/// One naming of a drafted place in the article.
pub struct Naming {
    /// The place (its index among the drafted places).
    pub place: usize,
    /// In a list of countries, or as a flag.
    pub listed: bool,
    /// After a word of place ("in", "at", "to").
    pub locative: bool,
}

/// Flags the places the story only mentions (this module): a country or
/// state named only in lists or as flags, or never after a word of place
/// ("China", "the United States will send": its government), or one whose
/// town the story places.
pub(crate) fn flag_mentioned_only(
    places: &mut [DraftPlace],
    events: &[DraftEvent],
    named: &[Naming],
) {
    let with_events: Vec<Entry> = (0..places.len())
        .filter(|p| events.iter().any(|e| e.place == *p))
        .map(|p| places[p].resolved.entry.clone())
        .collect();
    for (p, place) in places.iter_mut().enumerate() {
        if place.resolved.review.is_some() || !place.resolved.entry.is_area() {
            continue;
        }
        let names: Vec<&Naming> = named.iter().filter(|n| n.place == p).collect();
        let area = &place.resolved.entry.name;
        place.resolved.review = if !names.is_empty() && names.iter().all(|n| n.listed) {
            Some(format!("{area} is named only in a list of countries or as a flag: remove it unless something in the story happens there."))
        } else if !names.is_empty() && !names.iter().any(|n| n.locative) {
            Some(format!("{area} is named, but nothing is said to happen in it (as for its government): remove it unless something does."))
        } else {
            stood_for_by(&place.resolved.entry, &with_events).map(|town| {
                format!("{area} may stand only for {}, which the story places: remove it unless something happens in {area} as a whole.", town.name)
            })
        };
    }
}
