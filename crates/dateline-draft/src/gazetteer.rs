//! The drafter's place index: GeoNames cities of at least 1,000 people
//! (GeoNames, CC BY 4.0), Natural Earth countries and the US states, as
//! `tools/gazetteer/build.mjs` writes them to `assets/gazetteer.tsv`.

use std::collections::HashMap;

use super::normalize::key;

/// Who to credit wherever the drafter's places are shown.
pub const CREDIT: &str = "Places: GeoNames (geonames.org), CC BY 4.0; countries: Natural Earth";

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A country's capital.
    Capital,
    /// The seat of an administrative division.
    AdminSeat,
    /// A town or city.
    Populated,
    /// A part of a city (a district).
    Section,
    /// A country.
    Country,
    /// A US state.
    State,
}

/// One named place.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Its name as the gazetteer spells it.
    pub name: String,
    /// ISO 3166 alpha-2 country code.
    pub country: String,
    /// What it is.
    pub kind: Kind,
    /// Its first-level division (GeoNames admin1 code; the state for the US).
    pub admin1: String,
    /// Inhabitants (for a country or state: of its towns in the gazetteer).
    pub population: u64,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// For a landmark, a former name or an exonym (`Kremlin`, `Bombay`): the
    /// name of the place it stands for, under which a story shows it.
    pub stands_for: Option<String>,
}

impl Entry {
    /// Whether it is a whole country or state rather than a town.
    pub fn is_area(&self) -> bool {
        matches!(self.kind, Kind::Country | Kind::State)
    }
}

/// Why the gazetteer could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GazetteerError {
    /// A line without its seven fields, or with a bad number.
    #[error("line {line} of the gazetteer is not name, country, kind, admin1, population, lon, lat (and what an alias stands for); rebuild it with `node tools/gazetteer/build.mjs`")]
    BadLine {
        /// The line number, from 1.
        line: usize,
    },
    /// No entries at all.
    #[error("the gazetteer is empty; build it with `node tools/gazetteer/build.mjs`")]
    Empty,
}

/// The place index, looked up by [`key`].
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_key: HashMap<String, Vec<usize>>,
    longest_name: usize,
}

impl Gazetteer {
    /// Reads the tab-separated index (lines starting with `#` are comments).
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_draft::gazetteer::{Gazetteer, Kind};
    ///
    /// let g = Gazetteer::parse("# test\nZhukovskiy\tRU\tP\t47\t97200\t38.1203\t55.5953\n")?;
    /// assert_eq!(g.lookup("Zhukovsky")[0].kind, Kind::Populated);
    /// # Ok::<(), dateline_draft::gazetteer::GazetteerError>(())
    /// ```
    pub fn parse(tsv: &str) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::default();
        for (i, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let entry = parse_line(line).ok_or(GazetteerError::BadLine { line: i + 1 })?;
            let k = key(&entry.name);
            g.longest_name = g.longest_name.max(k.split(' ').count());
            g.by_key.entry(k).or_default().push(g.entries.len());
            g.entries.push(entry);
        }
        if g.entries.is_empty() {
            return Err(GazetteerError::Empty);
        }
        Ok(g)
    }

    /// Every entry whose name has the same key as `name`.
    pub fn lookup(&self, name: &str) -> Vec<&Entry> {
        self.by_key
            .get(&key(name))
            .map(|ids| ids.iter().filter_map(|&i| self.entries.get(i)).collect())
            .unwrap_or_default()
    }

    /// The most words a name in the index has.
    pub fn longest_name(&self) -> usize {
        self.longest_name
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn parse_line(line: &str) -> Option<Entry> {
    let mut fields = line.split('\t');
    let mut next = || fields.next();
    let name = next()?.to_string();
    let country = next()?.to_string();
    let kind = match next()? {
        "C" => Kind::Capital,
        "A" => Kind::AdminSeat,
        "P" => Kind::Populated,
        "X" => Kind::Section,
        "N" => Kind::Country,
        "S" => Kind::State,
        _ => return None,
    };
    let admin1 = next()?.to_string();
    let population = next()?.parse().ok()?;
    let lon: f64 = next()?.parse().ok()?;
    let lat: f64 = next()?.parse().ok()?;
    let stands_for = next().filter(|s| !s.is_empty()).map(str::to_string);
    let valid = (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat);
    (valid && !name.is_empty()).then_some(Entry {
        name,
        country,
        kind,
        admin1,
        population,
        lon,
        lat,
        stands_for,
    })
}

/// The distance between two points on the Earth, in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lon1, lat1) = (a.0.to_radians(), a.1.to_radians());
    let (lon2, lat2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(
            Gazetteer::parse("A\tRU\tP\t1\tmany\t1\t2\n").err(),
            Some(GazetteerError::BadLine { line: 1 })
        );
        assert_eq!(
            Gazetteer::parse("# x\nA\tRU\tQ\t1\t1\t1\t2\n").err(),
            Some(GazetteerError::BadLine { line: 2 })
        );
        assert_eq!(
            Gazetteer::parse("A\tRU\tP\t1\t1\t200\t2\n").err(),
            Some(GazetteerError::BadLine { line: 1 })
        );
        assert_eq!(
            Gazetteer::parse("# only\n").err(),
            Some(GazetteerError::Empty)
        );
    }

    #[test]
    fn an_alias_says_what_it_stands_for() {
        let g = Gazetteer::parse(
            "Moscow\tRU\tC\t48\t10381222\t37.6156\t55.7522\nKremlin\tRU\tC\t48\t10381222\t37.6156\t55.7522\tMoscow\n",
        )
        .unwrap();
        assert_eq!(
            g.lookup("the Kremlin").len(),
            0,
            "the article is not part of a name"
        );
        assert_eq!(g.lookup("Kremlin")[0].stands_for.as_deref(), Some("Moscow"));
        assert_eq!(g.lookup("Moscow")[0].stands_for, None);
    }

    #[test]
    fn distances() {
        let moscow = (37.6156, 55.7522);
        let zhukovsky = (38.1203, 55.5953);
        let d = distance_km(moscow, zhukovsky);
        assert!((d - 36.0).abs() < 3.0, "{d}");
        assert!(distance_km((179.9, 0.0), (-179.9, 0.0)) < 25.0);
    }
}
