//! Cutting a world of shapes into one level's tiles.

use super::clip::{clip_line, clip_ring, ring_area, GridRect};
use super::simplify::simplify;
use super::{TileId, BUFFER, EXTENT};

/// Shapes in world coordinates (the unit square), before cutting.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Closed rings filled with the even-odd rule: land, lakes, islands in lakes.
    pub land: Vec<Vec<[f64; 2]>>,
    /// Rivers, as polylines.
    pub rivers: Vec<Vec<[f64; 2]>>,
    /// National borders, as polylines.
    pub borders: Vec<Vec<[f64; 2]>>,
}

/// One tile's shapes in its stored grid (`0..=EXTENT + 2·BUFFER`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TileData {
    /// Which tile.
    pub id: TileId,
    /// Land rings, cut to the tile and its buffer.
    pub land: Vec<Vec<[i64; 2]>>,
    /// River pieces.
    pub rivers: Vec<Vec<[i64; 2]>>,
    /// Border pieces.
    pub borders: Vec<Vec<[i64; 2]>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Land,
    River,
    Border,
}

#[derive(Clone)]
struct Item {
    kind: Kind,
    points: Vec<[f64; 2]>,
    bbox: GridRect,
}

/// The tiles of `level` that hold anything, each shape simplified by
/// `tolerance` grid units first (1/[`EXTENT`] of a tile's side), an island
/// by a tenth of its size at most.
///
/// Shapes are cut down a quadtree from the whole world, so a continent's
/// ring is cut once per level of the tree rather than once per tile.
///
/// # Examples
///
/// ```
/// use dateline_core::tiles::{cut_level, Features};
/// // An island around the centre of the world: one tile at level 1 each side of it.
/// let island = vec![[0.45, 0.45], [0.55, 0.45], [0.55, 0.55], [0.45, 0.55]];
/// let tiles = cut_level(&Features { land: vec![island], ..Features::default() }, 1, 1.0);
/// assert_eq!(tiles.len(), 4);
/// ```
pub fn cut_level(features: &Features, level: u8, tolerance: f64) -> Vec<TileData> {
    let scale = f64::from(TileId::side(level)) * EXTENT as f64;
    let mut items = Vec::new();
    let groups = [
        (Kind::Land, &features.land),
        (Kind::River, &features.rivers),
        (Kind::Border, &features.borders),
    ];
    for (kind, shapes) in groups {
        for shape in shapes {
            let grid: Vec<[f64; 2]> = shape.iter().map(|p| [p[0] * scale, p[1] * scale]).collect();
            // A small island keeps its shape: never simplified by more than
            // a tenth of its size, so a harbour town stays on its land.
            let extent = GridRect::around(&grid);
            let size = (extent.max[0] - extent.min[0]).max(extent.max[1] - extent.min[1]);
            let tolerance = if kind == Kind::Land {
                tolerance.min(size / 10.0)
            } else {
                tolerance
            };
            let points = simplify(&grid, tolerance, kind == Kind::Land);
            if !points.is_empty() {
                let bbox = GridRect::around(&points);
                items.push(Item { kind, points, bbox });
            }
        }
    }
    let mut out = Vec::new();
    descend(level, 0, 0, 0, items, &mut out);
    out
}

fn descend(level: u8, depth: u8, x: u32, y: u32, items: Vec<Item>, out: &mut Vec<TileData>) {
    let size = EXTENT as f64 * f64::from(1u32 << (level - depth));
    let b = BUFFER as f64;
    let rect = GridRect {
        min: [f64::from(x) * size - b, f64::from(y) * size - b],
        max: [f64::from(x + 1) * size + b, f64::from(y + 1) * size + b],
    };
    let mut inside = Vec::new();
    for item in items {
        if rect.holds(&item.bbox) {
            inside.push(item);
        } else if rect.meets(&item.bbox) {
            cut_into(item, &rect, &mut inside);
        }
    }
    if inside.is_empty() {
        return;
    }
    if depth == level {
        if let Some(tile) = quantize(TileId { level, x, y }, &inside) {
            out.push(tile);
        }
        return;
    }
    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
        let (cx, cy) = (2 * x + dx, 2 * y + dy);
        let child = GridRect {
            min: [
                f64::from(cx) * size / 2.0 - b,
                f64::from(cy) * size / 2.0 - b,
            ],
            max: [
                f64::from(cx + 1) * size / 2.0 + b,
                f64::from(cy + 1) * size / 2.0 + b,
            ],
        };
        let mine: Vec<Item> = inside
            .iter()
            .filter(|i| child.meets(&i.bbox))
            .cloned()
            .collect();
        descend(level, depth + 1, cx, cy, mine, out);
    }
}

fn cut_into(item: Item, rect: &GridRect, out: &mut Vec<Item>) {
    if item.kind == Kind::Land {
        let points = clip_ring(&item.points, rect);
        if points.len() >= 3 && ring_area(&points).abs() > 0.5 {
            let bbox = GridRect::around(&points);
            out.push(Item {
                points,
                bbox,
                ..item
            });
        }
    } else {
        for points in clip_line(&item.points, rect) {
            let bbox = GridRect::around(&points);
            out.push(Item {
                kind: item.kind,
                points,
                bbox,
            });
        }
    }
}

/// The tile's items in its stored grid; `None` if nothing is left to draw.
fn quantize(id: TileId, items: &[Item]) -> Option<TileData> {
    let origin = [
        f64::from(id.x) * EXTENT as f64,
        f64::from(id.y) * EXTENT as f64,
    ];
    let max = EXTENT + 2 * BUFFER;
    let mut tile = TileData {
        id,
        ..TileData::default()
    };
    for item in items {
        let mut points: Vec<[i64; 2]> = Vec::with_capacity(item.points.len());
        for p in &item.points {
            let q = [
                ((p[0] - origin[0]).round() as i64 + BUFFER).clamp(0, max),
                ((p[1] - origin[1]).round() as i64 + BUFFER).clamp(0, max),
            ];
            if points.last() != Some(&q) {
                points.push(q);
            }
        }
        match item.kind {
            Kind::Land => {
                while points.len() > 1 && points.first() == points.last() {
                    points.pop();
                }
                let area = ring_area(
                    &points
                        .iter()
                        .map(|p| [p[0] as f64, p[1] as f64])
                        .collect::<Vec<_>>(),
                );
                if points.len() >= 3 && area.abs() >= 1.0 {
                    tile.land.push(points);
                }
            }
            Kind::River if points.len() >= 2 => tile.rivers.push(points),
            Kind::Border if points.len() >= 2 => tile.borders.push(points),
            _ => {}
        }
    }
    let empty = tile.land.is_empty() && tile.rivers.is_empty() && tile.borders.is_empty();
    (!empty).then_some(tile)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Even-odd fill of stored rings at a stored point.
    fn filled(rings: &[Vec<[i64; 2]>], p: [f64; 2]) -> bool {
        crate::tiles::inside_even_odd(rings, p, |q| [q[0] as f64, q[1] as f64])
    }

    #[test]
    fn a_lake_on_a_continent_is_water_in_every_tile_it_crosses() {
        // Land over most of the world's north-west quarter, a lake across tile edges.
        let land = vec![[0.01, 0.01], [0.49, 0.01], [0.49, 0.49], [0.01, 0.49]];
        let lake = vec![[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.3]];
        let river = vec![[0.05, 0.1], [0.45, 0.1]];
        let f = Features {
            land: vec![land, lake],
            rivers: vec![river],
            borders: vec![],
        };
        let tiles = cut_level(&f, 3, 0.5);
        // Level 3 has 8 × 8 tiles; the land covers the 4 × 4 north-west ones.
        assert_eq!(tiles.len(), 16);
        for t in &tiles {
            assert!(t.id.x < 4 && t.id.y < 4, "{:?}", t.id);
            let world = |v: i64, o: u32| (f64::from(o) + (v - BUFFER) as f64 / EXTENT as f64) / 8.0;
            for i in 0..16 {
                for j in 0..16 {
                    let p = [
                        BUFFER as f64 + 7.0 + 256.0 * f64::from(i),
                        BUFFER as f64 + 9.0 + 256.0 * f64::from(j),
                    ];
                    let w = [world(p[0] as i64, t.id.x), world(p[1] as i64, t.id.y)];
                    let want = (0.01..0.49).contains(&w[0])
                        && (0.01..0.49).contains(&w[1])
                        && !((0.2..0.3).contains(&w[0]) && (0.2..0.3).contains(&w[1]));
                    assert_eq!(filled(&t.land, p), want, "tile {:?} at {w:?}", t.id);
                }
            }
            for p in t.land.iter().chain(&t.rivers).flatten() {
                assert!(
                    (0..=EXTENT + 2 * BUFFER).contains(&p[0])
                        && (0..=EXTENT + 2 * BUFFER).contains(&p[1])
                );
            }
        }
        // The river runs through row 0 of tiles 0 to 3 (y = 0.1 → row 0).
        let with_river: Vec<_> = tiles
            .iter()
            .filter(|t| !t.rivers.is_empty())
            .map(|t| (t.id.x, t.id.y))
            .collect();
        assert_eq!(with_river, vec![(0, 0), (1, 0), (2, 0), (3, 0)]);
    }

    #[test]
    fn a_small_island_keeps_its_shape_where_a_coast_is_simplified() {
        // An island 10 grid units across at level 0, a circle of 40 points,
        // under a tolerance as large as itself: a tenth of its size is used.
        let scale = EXTENT as f64;
        let island: Vec<[f64; 2]> = (0..40)
            .map(|i| {
                let a = f64::from(i) * std::f64::consts::TAU / 40.0;
                [
                    (2000.0 + 5.0 * a.cos()) / scale,
                    (2000.0 + 5.0 * a.sin()) / scale,
                ]
            })
            .collect();
        let tiles = cut_level(
            &Features {
                land: vec![island],
                ..Features::default()
            },
            0,
            10.0,
        );
        assert!(tiles[0].land[0].len() >= 8, "{:?}", tiles[0].land[0]);
    }

    #[test]
    fn neighbours_overlap_by_the_buffer_so_strokes_meet() {
        let river = vec![[0.25, 0.1], [0.75, 0.1]];
        let tiles = cut_level(
            &Features {
                rivers: vec![river],
                ..Features::default()
            },
            1,
            0.5,
        );
        assert_eq!(tiles.len(), 2);
        let (west, east) = (&tiles[0].rivers[0], &tiles[1].rivers[0]);
        assert_eq!(west.last().unwrap()[0], EXTENT + 2 * BUFFER);
        assert_eq!(east.first().unwrap()[0], 0);
    }
}
