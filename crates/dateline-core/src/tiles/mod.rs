//! Detail tiles: the high-resolution basemap a view fetches when it zooms in.
//!
//! The embedded 1:110m world ([`crate::basemap`]) serves the world and
//! continent views. Closer in, the reader fetches tiles made at setup by
//! `dateline-tiles` from GSHHG (shores, lakes, rivers, borders) and GeoNames
//! (place names), served as static files beside the page:
//!
//! ```text
//! tiles/index.bin          which tiles exist ([`Manifest`]); a missing tile is open sea
//! tiles/{level}/{x}/{y}.bin one tile, a basemap file (DLBM) in the tile's own grid
//! ```
//!
//! A tile's points are stored as `v = (world · 2^level − x) · EXTENT + BUFFER`
//! with 13 bits of quantization, so every coordinate of the tile and of the
//! [`BUFFER`] around it is an exact integer, and its cut edges (at `0` and
//! `EXTENT + 2 · BUFFER`) can be told from coasts.
//!
//! Why files and not one archive with byte ranges (PMTiles): static hosts
//! and `trunk serve` serve files with no range support to configure, each
//! tile is cached by the browser on its own, and the reader needs no
//! directory decoder; the manifest is 8.7 KB (2.4 KB gzip) and saves a
//! request for every sea tile.

mod clip;
mod context;
pub mod countries;
mod cut;
pub mod gshhg;
mod manifest;
pub mod markup;
pub mod placement;
pub mod places;
mod raster;
mod simplify;

pub use clip::{clip_line, clip_ring, inside_even_odd, ring_area, GridRect};
pub use context::{
    context_tiles, context_zoom, framed, named_around, tiles_for_view, Surroundings,
    MIN_NAMED_AROUND, OPEN_ZOOM, TRUTHFUL_ZOOM, WIDEST_OPEN_ZOOM,
};
pub use cut::{cut_level, Features, TileData};
pub use manifest::{Manifest, ManifestError};
pub use raster::{raster_cover, RasterTiles, RasterTilesError, MAX_RASTER_LEVEL};
pub use simplify::simplify;

use crate::geo::WorldBounds;

/// The tile levels that exist, coarsest first.
pub const LEVELS: [u8; 3] = [4, 6, 8];

/// Grid units along a tile's side.
pub const EXTENT: i64 = 4096;

/// Grid units kept around a tile, so strokes at its edge join their neighbours'.
pub const BUFFER: i64 = 128;

/// The quantization bits of a tile file: its grid plus buffer fit in 2^13.
pub const TILE_BITS: u8 = 13;

/// Below this zoom the embedded world serves; no tile is fetched.
pub const FIRST_DETAIL_ZOOM: f64 = 4.5;

/// The tile level that draws a view at `zoom`, if any: each level serves the
/// two zoom levels around its own plus a half (a tile is then 362 to 1448 px).
///
/// # Examples
///
/// ```
/// use dateline_core::tiles::level_for_zoom;
/// assert_eq!(level_for_zoom(3.5), None); // the world view: embedded outlines
/// assert_eq!(level_for_zoom(5.0), Some(4));
/// assert_eq!(level_for_zoom(8.5), Some(8));
/// assert_eq!(level_for_zoom(10.0), Some(8));
/// ```
pub fn level_for_zoom(zoom: f64) -> Option<u8> {
    // NaN is no zoom at all.
    if zoom.is_nan() || zoom < FIRST_DETAIL_ZOOM {
        return None;
    }
    LEVELS
        .iter()
        .rev()
        .copied()
        .find(|&l| zoom >= f64::from(l) + 0.5)
        .or(Some(LEVELS[0]))
}

/// One tile: `x` east and `y` south, each in `0..2^level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TileId {
    /// The level: the world is `2^level` tiles wide.
    pub level: u8,
    /// Column, from 180° W.
    pub x: u32,
    /// Row, from the north.
    pub y: u32,
}

impl TileId {
    /// Tiles along one side of the world at `level`.
    pub fn side(level: u8) -> u32 {
        1 << level
    }

    /// The tile's file, relative to the tiles directory.
    pub fn path(&self) -> String {
        format!("{}/{}/{}.bin", self.level, self.x, self.y)
    }

    /// The tile's world box.
    pub fn bounds(&self) -> WorldBounds {
        let side = f64::from(Self::side(self.level));
        WorldBounds {
            min: crate::geo::WorldPoint::new(f64::from(self.x) / side, f64::from(self.y) / side),
            max: crate::geo::WorldPoint::new(
                f64::from(self.x + 1) / side,
                f64::from(self.y + 1) / side,
            ),
        }
    }

    /// A stored point of this tile back in world coordinates (`p` as the
    /// decoder gives it: stored value / 2^[`TILE_BITS`]).
    pub fn to_world(&self, p: [f32; 2]) -> crate::geo::WorldPoint {
        let q = f64::from(1u32 << TILE_BITS);
        let side = f64::from(Self::side(self.level));
        let local = |v: f32, origin: u32| {
            (f64::from(origin) + (f64::from(v) * q - BUFFER as f64) / EXTENT as f64) / side
        };
        crate::geo::WorldPoint::new(local(p[0], self.x), local(p[1], self.y))
    }
}

/// The tiles of `level` that a world box touches, row by row.
///
/// # Examples
///
/// ```
/// use dateline_core::geo::{WorldBounds, WorldPoint};
/// use dateline_core::tiles::{cover, TileId};
/// let b = WorldBounds { min: WorldPoint::new(0.49, 0.49), max: WorldPoint::new(0.51, 0.495) };
/// let tiles: Vec<TileId> = cover(b, 4).collect();
/// assert_eq!(tiles.len(), 2); // columns 7 and 8 of row 7
/// ```
pub fn cover(bounds: WorldBounds, level: u8) -> impl Iterator<Item = TileId> {
    let side = TileId::side(level);
    let index = move |v: f64| -> u32 {
        let i = (crate::math::clamp(v, 0.0, 1.0) * f64::from(side)).floor();
        (i as u32).min(side - 1)
    };
    let (x0, x1) = (index(bounds.min.x), index(bounds.max.x));
    let (y0, y1) = (index(bounds.min.y), index(bounds.max.y));
    let valid = bounds.is_valid();
    (y0..=y1)
        .filter(move |_| valid)
        .flat_map(move |y| (x0..=x1).map(move |x| TileId { level, x, y }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{project, WorldPoint};

    #[test]
    fn levels_hand_over_at_the_half_zooms() {
        assert_eq!(level_for_zoom(4.49), None);
        assert_eq!(level_for_zoom(f64::NAN), None);
        assert_eq!(level_for_zoom(4.5), Some(4));
        assert_eq!(level_for_zoom(6.49), Some(4));
        assert_eq!(level_for_zoom(6.5), Some(6));
        assert_eq!(level_for_zoom(8.49), Some(6));
        assert_eq!(level_for_zoom(9.9), Some(8));
    }

    #[test]
    fn a_point_lies_in_the_tile_cover_finds_for_it() {
        let moscow = project(37.6175, 55.752).unwrap();
        for level in LEVELS {
            let tiles: Vec<_> = cover(WorldBounds::point(moscow), level).collect();
            assert_eq!(tiles.len(), 1);
            assert!(tiles[0].bounds().contains(moscow));
        }
        let edge = WorldBounds::point(WorldPoint::new(1.0, 1.0));
        assert_eq!(
            cover(edge, 4).collect::<Vec<_>>(),
            vec![TileId {
                level: 4,
                x: 15,
                y: 15
            }]
        );
    }

    #[test]
    fn stored_points_map_back_to_the_world() {
        let tile = TileId {
            level: 8,
            x: 10,
            y: 20,
        };
        let q = f32::from(1u16 << TILE_BITS);
        let corner = tile.to_world([BUFFER as f32 / q, BUFFER as f32 / q]);
        assert_eq!(corner, tile.bounds().min);
        let far = tile.to_world([(BUFFER + EXTENT) as f32 / q, (BUFFER + EXTENT) as f32 / q]);
        assert!((far.x - tile.bounds().max.x).abs() < 1e-12);
        assert_eq!(tile.path(), "8/10/20.bin");
    }
}
