//! The widget's own words in the reader's language: one catalogue per
//! language, chosen from a BCP 47 tag (`ru`, `de-CH`), English otherwise.
//! Pure: the core hands counts and names here and gets sentences back.
//!
//! Adding a language is adding one file: copy `en.rs` to `xx.rs`, translate
//! every string (placeholders such as `{n}` and `{title}` stay), give it the
//! language's plural rule ([`PluralRule`]) and `rtl` if it is written right
//! to left, then list it in [`CATALOGS`] (and its `mod` line below).

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod ru;

/// Every language the widget speaks; the first is the fallback.
pub const CATALOGS: [&Catalog; 6] = [
    &en::CATALOG,
    &ru::CATALOG,
    &de::CATALOG,
    &fr::CATALOG,
    &es::CATALOG,
    &ar::CATALOG,
];

/// Which form of a counted word a number takes (CLDR's plural categories).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Zero (Arabic).
    Zero,
    /// One (1 in English; 1, 21, 31… in Russian; 0 and 1 in French).
    One,
    /// Two (Arabic).
    Two,
    /// A few (2–4, 22–24… in Russian; 3–10 in Arabic).
    Few,
    /// Many (5–20, 25–30… in Russian; 11–99 in Arabic).
    Many,
    /// Everything else.
    Other,
}

/// How a language picks the [`Category`] for a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRule {
    /// One for 1, other otherwise (English, German, Spanish).
    OneOther,
    /// One for 0 and 1 (French).
    ZeroOneOther,
    /// One, few, many by the last digits (Russian, Ukrainian).
    EastSlavic,
    /// Zero, one, two, few, many, other (Arabic).
    Arabic,
}

impl PluralRule {
    /// The category of `n`.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::i18n::{Category, PluralRule};
    ///
    /// let ru = PluralRule::EastSlavic;
    /// assert_eq!([1, 2, 5, 11, 21, 22].map(|n| ru.category(n)),
    ///            [Category::One, Category::Few, Category::Many, Category::Many, Category::One, Category::Few]);
    /// ```
    pub fn category(self, n: u64) -> Category {
        match self {
            PluralRule::OneOther if n == 1 => Category::One,
            PluralRule::OneOther => Category::Other,
            PluralRule::ZeroOneOther if n <= 1 => Category::One,
            PluralRule::ZeroOneOther => Category::Other,
            PluralRule::EastSlavic => match (n % 10, n % 100) {
                (1, r) if r != 11 => Category::One,
                (2..=4, r) if !(12..=14).contains(&r) => Category::Few,
                _ => Category::Many,
            },
            PluralRule::Arabic => match (n, n % 100) {
                (0, _) => Category::Zero,
                (1, _) => Category::One,
                (2, _) => Category::Two,
                (_, 3..=10) => Category::Few,
                (_, 11..=99) => Category::Many,
                _ => Category::Other,
            },
        }
    }
}

/// A counted phrase in each form its language has; `{n}` stands for the
/// number. Forms a language does not use fall back to `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// Zero.
    pub zero: Option<&'static str>,
    /// One.
    pub one: Option<&'static str>,
    /// Two.
    pub two: Option<&'static str>,
    /// Few.
    pub few: Option<&'static str>,
    /// Many.
    pub many: Option<&'static str>,
    /// Everything else.
    pub other: &'static str,
}

impl Plural {
    /// A phrase with one form for 1 and another for every other number.
    pub const fn one_other(one: &'static str, other: &'static str) -> Plural {
        Plural {
            zero: None,
            one: Some(one),
            two: None,
            few: None,
            many: None,
            other,
        }
    }

    fn form(&self, category: Category) -> &'static str {
        let chosen = match category {
            Category::Zero => self.zero,
            Category::One => self.one,
            Category::Two => self.two,
            Category::Few => self.few,
            Category::Many => self.many,
            Category::Other => None,
        };
        chosen.unwrap_or(self.other)
    }
}

/// Everything the widget says, in one language. Templates hold
/// placeholders in braces (`{title}`, `{n}`), filled by [`fill`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Catalog {
    /// The language's BCP 47 tag, e.g. `ru`.
    pub tag: &'static str,
    /// Whether the language is written right to left (the panel, timeline
    /// and controls are mirrored; the map is not).
    pub rtl: bool,
    /// How the language counts.
    pub plural: PluralRule,
    /// While the story loads.
    pub loading: &'static str,
    /// Credit of the basemap.
    pub attribution: &'static str,
    /// The group of zoom buttons.
    pub map_controls: &'static str,
    /// Zoom-in button, and its tooltip with the key.
    pub zoom_in: &'static str,
    pub zoom_in_tip: &'static str,
    /// Zoom-out button, and its tooltip with the key.
    pub zoom_out: &'static str,
    pub zoom_out_tip: &'static str,
    /// Whole-story button, and its tooltip with the key.
    pub whole_story: &'static str,
    pub whole_story_tip: &'static str,
    /// The layer of markers.
    pub places_on_map: &'static str,
    /// The panel's close button.
    pub close_details: &'static str,
    /// The button that opens or folds a bottom sheet.
    pub panel_toggle: &'static str,
    /// The button that shows the timeline's titles and undated events.
    pub timeline_toggle: &'static str,
    /// The timeline, its marks and its undated events.
    pub timeline: &'static str,
    pub events_by_date: &'static str,
    pub undated_events: &'static str,
    /// The heading of a story without a title.
    pub untitled_story: &'static str,
    /// The link to an event's source.
    pub read_source: &'static str,
    /// Said after a link that opens a new tab (starts with a space).
    pub opens_new_tab: &'static str,
    /// Before an event's people.
    pub people: &'static str,
    /// The overview's buttons and heading.
    pub start_story: &'static str,
    pub events_in_order: &'static str,
    pub overview: &'static str,
    /// The timeline's step buttons: short visible words and full names.
    pub previous: &'static str,
    pub next: &'static str,
    pub previous_event: &'static str,
    pub next_event: &'static str,
    /// Gesture hints of an embedded map.
    pub touch_hint: &'static str,
    pub wheel_hint: &'static str,
    pub wheel_hint_apple: &'static str,
    /// A date that is not known.
    pub undated: &'static str,
    /// `{title}`: the map's accessible name, with how to use the keyboard.
    pub map_label: &'static str,
    /// `{title}`: an undated event in the timeline.
    pub undated_event: &'static str,
    /// `{title}`: announced when the overview opens.
    pub overview_of: &'static str,
    /// `{shown}`, `{total}`: the button that lengthens a long list.
    pub show_more: &'static str,
    /// `{current}`, `{total}`: where the reader is.
    pub position: &'static str,
    /// `{id}`: a link names an event the story does not have.
    pub unknown_event: &'static str,
    /// Between names in a list, and before the last one.
    pub list_separator: &'static str,
    pub list_and: &'static str,
    /// `{name}`, `{count}`: a place marker's accessible name.
    pub place_marker: &'static str,
    /// `{names}`, `{places}`, `{count}`: a group marker's accessible name.
    pub group_marker: &'static str,
    /// `{lead}` and `{n}` more places: a big group's caption.
    pub more_places: Plural,
    /// `{n}` events, places.
    pub events: Plural,
    pub places: Plural,
    /// `{n}` parts of an imported file left out.
    pub left_out: Plural,
    /// `{origin}` and `{n}` problems: the story cannot be shown.
    pub cannot_show: Plural,
    /// `{url}`, `{reason}`: the request failed.
    pub network_error: &'static str,
    /// `{url}`, `{status}`: the server answered with an error.
    pub http_error: &'static str,
    /// `{reason}`: a story object could not be read.
    pub unreadable: &'static str,
    /// `{origin}`, `{reason}`: the importers' bundle could not be loaded.
    pub importer_error: &'static str,
}

impl Catalog {
    /// The catalogue for a BCP 47 `tag` (by its language, `pt-BR` → `pt`),
    /// English if there is none.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::i18n::Catalog;
    ///
    /// assert_eq!(Catalog::for_tag("ru-RU").tag, "ru");
    /// assert_eq!(Catalog::for_tag("AR").tag, "ar");
    /// assert_eq!(Catalog::for_tag("pt-BR").tag, "en");
    /// ```
    pub fn for_tag(tag: &str) -> &'static Catalog {
        let language = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        CATALOGS
            .iter()
            .copied()
            .find(|c| c.tag == language)
            .unwrap_or(CATALOGS[0])
    }

    /// `plural` for `n`, with `{n}` filled in.
    pub fn count(&self, plural: &Plural, n: u64) -> String {
        fill(
            plural.form(self.plural.category(n)),
            &[("n", &n.to_string())],
        )
    }

    /// "1 event", "3 events".
    pub fn events(&self, n: u64) -> String {
        self.count(&self.events, n)
    }

    /// "Moscow", "Moscow and Zhukovsky", "A, B and C".
    pub fn join(&self, names: &[&str]) -> String {
        match names {
            [] => String::new(),
            [one] => (*one).to_string(),
            [init @ .., last] => {
                format!("{}{}{last}", init.join(self.list_separator), self.list_and)
            }
        }
    }

    /// A group's caption: its places' names when there are at most three
    /// (`names` holds them all), else its lead place "and N more places".
    pub fn group_caption(&self, names: &[&str], lead: &str, places: usize) -> String {
        if names.len() == places && places <= 3 {
            self.join(names)
        } else {
            let more = places.saturating_sub(1) as u64;
            fill(&self.count(&self.more_places, more), &[("lead", lead)])
        }
    }

    /// A place marker's accessible name: "Moscow: 3 events".
    pub fn place_marker(&self, name: &str, events: usize) -> String {
        fill(
            self.place_marker,
            &[("name", name), ("count", &self.events(events as u64))],
        )
    }

    /// A group marker's accessible name: "Moscow and Zhukovsky: 2 places, 4 events".
    /// It starts with the caption, so what is seen is what is announced.
    pub fn group_marker(&self, caption: &str, places: usize, events: u64) -> String {
        fill(
            self.group_marker,
            &[
                ("names", caption),
                ("places", &self.count(&self.places, places as u64)),
                ("count", &self.events(events)),
            ],
        )
    }
}

/// `template` with each `{key}` replaced by its value; unknown keys stay.
///
/// # Examples
///
/// ```
/// use dateline_core::i18n::fill;
///
/// assert_eq!(fill("{current} of {total}", &[("current", "3"), ("total", "7")]), "3 of 7");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

/// A count short enough for a marker: "7", "999", "1.2k", "13k".
pub fn short_count(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        1000..=9_949 => {
            let tenths = (n + 50) / 100;
            format!("{}.{}k", tenths / 10, tenths % 10)
        }
        _ => format!("{}k", (n + 500) / 1000),
    }
}

#[cfg(test)]
mod tests;
