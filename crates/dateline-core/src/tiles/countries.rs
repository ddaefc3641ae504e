//! Country names for the detail tiles: one per country per tile it fills enough of.
//!
//! A view at zoom 6 over Vostochny sees neither Russia's nor China's
//! representative point, which lie thousands of kilometres away: each tile
//! names the countries that cover a good part of it, at the inland point of
//! the country's piece in that tile.

use std::collections::HashMap;

use super::clip::{clip_ring, ring_area, GridRect};
use super::places::TileLabel;
use super::{TileId, BUFFER, EXTENT};
use crate::basemap::LabelClass;

/// A country: its name and its outer rings in world coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// The name as drawn.
    pub name: String,
    /// Outer rings (holes are left out: a name never sits in a hole anyway).
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// A country is named in a tile it covers this share of (or that holds half of it).
pub const MIN_SHARE: f64 = 0.08;

/// Country labels for every tile of `level`: weight is the share of the tile
/// covered, in thousandths, plus a million so countries outrank towns.
pub fn country_labels(countries: &[Country], level: u8) -> HashMap<TileId, Vec<TileLabel>> {
    let side = TileId::side(level);
    let scale = f64::from(side) * EXTENT as f64;
    let tile_area = (EXTENT * EXTENT) as f64;
    let mut out: HashMap<TileId, Vec<TileLabel>> = HashMap::new();
    for country in countries {
        let grid: Vec<Vec<[f64; 2]>> = country
            .rings
            .iter()
            .map(|r| r.iter().map(|p| [p[0] * scale, p[1] * scale]).collect())
            .collect();
        let total: f64 = grid.iter().map(|r| ring_area(r).abs()).sum();
        // Per tile: covered area and the largest piece.
        let mut pieces: HashMap<TileId, (f64, Vec<[f64; 2]>)> = HashMap::new();
        for ring in &grid {
            let bbox = GridRect::around(ring);
            let e = EXTENT as f64;
            let range = |lo: f64, hi: f64| {
                let a = (lo / e).floor().max(0.0) as u32;
                let b = ((hi / e).floor().max(0.0) as u32).min(side - 1);
                a..=b
            };
            for y in range(bbox.min[1], bbox.max[1]) {
                for x in range(bbox.min[0], bbox.max[0]) {
                    let rect = GridRect {
                        min: [f64::from(x) * e, f64::from(y) * e],
                        max: [f64::from(x + 1) * e, f64::from(y + 1) * e],
                    };
                    let piece = clip_ring(ring, &rect);
                    let area = if piece.len() >= 3 {
                        ring_area(&piece).abs()
                    } else {
                        0.0
                    };
                    if area <= 0.0 {
                        continue;
                    }
                    let entry = pieces.entry(TileId { level, x, y }).or_default();
                    entry.0 += area;
                    if area > ring_area(&entry.1).abs() {
                        entry.1 = piece;
                    }
                }
            }
        }
        for (id, (area, piece)) in pieces {
            if area < MIN_SHARE * tile_area && area < 0.5 * total {
                continue;
            }
            let Some(p) = inland_point(&piece) else {
                continue;
            };
            let origin = [
                f64::from(id.x) * EXTENT as f64,
                f64::from(id.y) * EXTENT as f64,
            ];
            let at = [
                (p[0] - origin[0]).round() as i64 + BUFFER,
                (p[1] - origin[1]).round() as i64 + BUFFER,
            ];
            let weight = 1_000_000 + (area / tile_area * 1000.0) as u32;
            out.entry(id).or_default().push((
                at,
                LabelClass::Country,
                weight,
                country.name.clone(),
            ));
        }
    }
    for labels in out.values_mut() {
        labels.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.3.cmp(&b.3)));
    }
    out
}

/// A point well inside `ring`: of a 16 × 16 grid over its box, the inside
/// point farthest from the ring's edges (a coarse pole of inaccessibility).
pub fn inland_point(ring: &[[f64; 2]]) -> Option<[f64; 2]> {
    let bbox = GridRect::around(ring);
    let steps = 16;
    let mut best: Option<([f64; 2], f64)> = None;
    for i in 0..steps {
        for j in 0..steps {
            let p = [
                bbox.min[0] + (bbox.max[0] - bbox.min[0]) * (f64::from(i) + 0.5) / f64::from(steps),
                bbox.min[1] + (bbox.max[1] - bbox.min[1]) * (f64::from(j) + 0.5) / f64::from(steps),
            ];
            if !contains(ring, p) {
                continue;
            }
            let d = edge_distance(ring, p);
            if best.is_none_or(|(_, bd)| d > bd) {
                best = Some((p, d));
            }
        }
    }
    best.map(|(p, _)| p)
}

fn contains(ring: &[[f64; 2]], p: [f64; 2]) -> bool {
    super::inside_even_odd(&[ring], p, |q| q)
}

fn edge_distance(ring: &[[f64; 2]], p: [f64; 2]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            let d = [b[0] - a[0], b[1] - a[1]];
            let len2 = d[0] * d[0] + d[1] * d[1];
            let t = if len2 == 0.0 {
                0.0
            } else {
                crate::math::clamp(
                    ((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len2,
                    0.0,
                    1.0,
                )
            };
            ((p[0] - a[0] - t * d[0]).powi(2) + (p[1] - a[1] - t * d[1]).powi(2)).sqrt()
        })
        .fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_is_named_in_the_tiles_it_fills_and_not_where_it_only_touches() {
        // A big country over tiles (0,0) and (1,0) of level 1 and a sliver of (0,1).
        let big = Country {
            name: "Big".into(),
            rings: vec![vec![[0.05, 0.05], [0.95, 0.05], [0.95, 0.52], [0.05, 0.52]]],
        };
        let small = Country {
            name: "Small".into(),
            rings: vec![vec![[0.8, 0.8], [0.81, 0.8], [0.81, 0.81], [0.8, 0.81]]],
        };
        let labels = country_labels(&[big, small], 1);
        let mut named: Vec<(u32, u32, String)> = labels
            .iter()
            .flat_map(|(id, ls)| ls.iter().map(move |l| (id.x, id.y, l.3.clone())))
            .collect();
        named.sort();
        assert_eq!(
            named,
            [
                (0, 0, "Big".into()),
                (1, 0, "Big".into()),
                (1, 1, "Small".into())
            ]
        );
        for ls in labels.values() {
            for l in ls {
                assert!((BUFFER..BUFFER + EXTENT).contains(&l.0[0]));
                assert!((BUFFER..BUFFER + EXTENT).contains(&l.0[1]));
            }
        }
    }

    #[test]
    fn the_inland_point_of_a_flag_is_in_its_thick_part() {
        // A square with a thin arm: the box's centre lies in the arm's gap.
        let flag = vec![
            [0.0, 0.0],
            [100.0, 0.0],
            [100.0, 45.0],
            [200.0, 45.0],
            [200.0, 55.0],
            [100.0, 55.0],
            [100.0, 100.0],
            [0.0, 100.0],
        ];
        let p = inland_point(&flag).unwrap();
        assert!(contains(&flag, p));
        assert!(p[0] < 100.0 && edge_distance(&flag, p) >= 30.0, "{p:?}");
        assert_eq!(inland_point(&[[0.0, 0.0], [1.0, 0.0]]), None);
    }
}
