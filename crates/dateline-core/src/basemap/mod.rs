//! Decoding the embedded Natural Earth outlines into SVG path data.
//!
//! [`BASEMAP`] is Natural Earth 1:110m land and country borders (public
//! domain, via the npm package `world-atlas` 2.0.2), built by
//! `tools/basemap/build.mjs` (`npm run basemap`). It is already projected
//! to world coordinates, the Web Mercator unit square shared with
//! [`geo`](crate::geo): x = (lon + 180) / 360 east, y = (1 − ln(tan(π/4 + φ/2)) / π) / 2
//! south (north is y = 0), latitude clamped to ±85.05112878°. Shapes that
//! cross ±180° are cut at x = 0 and x = 1, and Antarctica runs along y = 1,
//! so a flat map draws no bands across the world.
//!
//! # Format (version 1)
//!
//! All integers are unsigned LEB128 varints unless marked `u8`; coordinates
//! are quantized to integers in `[0, Q]`, `Q = 2^bits`.
//!
//! ```text
//! "DLBM"            magic, 4 bytes
//! version: u8       1
//! bits: u8          quantization, 1..=30 (the asset uses 13: ~4.9 km at the equator)
//! layer_count: u8
//! layer_count × {
//!   kind: u8        0 = land (closed rings, ≥ 3 points), 1 = borders (polylines, ≥ 2 points),
//!                   2 = rivers (polylines), 3 = labels; unknown kinds are skipped
//!   byte_len        length of the payload below
//!   ring_count
//!   ring_count × { point_count, point_count × (zigzag dx, zigzag dy) }
//!   (labels instead: label_count × { zigzag dx, zigzag dy, class: u8, weight, name_len, UTF-8 name })
//! }
//! ```
//!
//! The detail tiles ([`crate::tiles`]) are files of the same format, their
//! points in the tile's own grid rather than the world's.
//!
//! Each point is a zig-zag encoded delta from the previous point of the same
//! layer; the first point of a layer is relative to (0, 0). Rings do not
//! repeat their first point, and carry no consecutive duplicates. Land rings
//! wind clockwise on screen (y down), holes such as the Caspian Sea
//! counter-clockwise, so both `nonzero` and `evenodd` fill them right.
//! Coastlines are not stored: [`coastlines`] derives them from the land.
//!
//! # Examples
//!
//! ```
//! use dateline_core::basemap::{decode, to_svg_path, BASEMAP};
//! let map = decode(BASEMAP)?;
//! let land = to_svg_path(&map.land, 1024.0, true, 1); // for <path d=…>
//! assert!(land.starts_with('m') && land.ends_with('z'));
//! # Ok::<(), dateline_core::basemap::BasemapError>(())
//! ```

mod coastline;
mod decode;
mod format;
mod svg_path;

pub use coastline::{coastlines, outlines_inside};
pub use decode::{decode, BasemapError};
pub use format::writer;
pub use svg_path::{to_svg_path, MAX_DECIMALS};

/// The embedded basemap asset (about 22 KB): decode it with [`decode`].
pub const BASEMAP: &[u8] = include_bytes!("../../../../assets/basemap.bin");

/// A ring or polyline of points in world coordinates, each in `[0, 1]`.
pub type Ring = Vec<[f32; 2]>;

/// The decoded basemap layers, in world coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    /// Land polygons: closed rings (first point not repeated), to be filled.
    pub land: Vec<Ring>,
    /// Interior country borders: open polylines, to be stroked.
    pub borders: Vec<Ring>,
    /// Rivers: open polylines, to be stroked (detail tiles only).
    pub rivers: Vec<Ring>,
    /// Place names, most important first.
    pub labels: Vec<Label>,
}

/// What a [`Label`] names, which sets its style and when it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelClass {
    /// A country's name, drawn without a dot.
    Country,
    /// A national capital.
    Capital,
    /// Any other city or town.
    Town,
}

/// A place name at a point, in the same coordinates as the rings.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Where the place is (a town's centre, a country's inland point).
    pub at: [f32; 2],
    /// What kind of place it is.
    pub class: LabelClass,
    /// Larger is more important: people in thousands for towns.
    pub weight: u32,
    /// The name as drawn.
    pub name: String,
}

impl Basemap {
    /// The embedded [`BASEMAP`], decoded.
    pub fn embedded() -> Result<Self, BasemapError> {
        decode(BASEMAP)
    }

    /// The coastlines of [`land`](Self::land): see [`coastlines`].
    pub fn coastlines(&self) -> Vec<Ring> {
        coastlines(&self.land)
    }
}
