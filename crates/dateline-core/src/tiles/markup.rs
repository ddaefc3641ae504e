//! SVG markup for the detail tiles, their names and raster tiles: built as
//! text here and set as the layers' contents, which costs the bundle far
//! less than a view tree per tile and name, and is tested natively.

use std::fmt::Write;

use super::placement::{Side, DOT_GAP_PX};
use super::{RasterTiles, TileId, BUFFER, EXTENT, TILE_BITS};
use crate::basemap::{outlines_inside, to_svg_path, Basemap, Label, LabelClass};
use crate::fixed_point::fixed;

/// A tile ready to draw: SVG path data in its stored grid, names in world coordinates.
#[derive(Debug, Default, PartialEq)]
pub struct TileArt {
    /// Land, lakes as holes (even-odd).
    pub land: String,
    /// The land's outline without the tile's cut edges.
    pub coast: String,
    /// Rivers.
    pub rivers: String,
    /// Borders.
    pub borders: String,
    /// Place names, their points in world coordinates.
    pub labels: Vec<Label>,
}

impl TileArt {
    /// A decoded tile's paths and names.
    pub fn of(tile: TileId, map: Basemap) -> TileArt {
        let q = (1u32 << TILE_BITS) as f32;
        let edge = (EXTENT + 2 * BUFFER) as f32 / q;
        TileArt {
            land: to_svg_path(&map.land, q, true, 0),
            coast: to_svg_path(&outlines_inside(&map.land, 0.0, edge), q, false, 0),
            rivers: to_svg_path(&map.rivers, q, false, 0),
            borders: to_svg_path(&map.borders, q, false, 0),
            labels: map
                .labels
                .into_iter()
                .map(|l| {
                    let w = tile.to_world(l.at);
                    Label {
                        at: [w.x as f32, w.y as f32],
                        ..l
                    }
                })
                .collect(),
        }
    }
}

/// One tile's group in world units times `path_scale`: its sea (covering
/// the world outlines under it), then, if it has a file, its land, rivers,
/// borders and coast.
pub fn tile_markup(out: &mut String, id: TileId, art: Option<&TileArt>, path_scale: f64) {
    let size = path_scale / f64::from(TileId::side(id.level));
    let (x, y) = (f64::from(id.x) * size, f64::from(id.y) * size);
    let s = fixed(size, 3);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        r#"<g data-tile="{}" data-level="{}"><rect class="dl-detail-sea" x="{}" y="{}" width="{s}" height="{s}"/>"#,
        id.path(),
        id.level,
        fixed(x, 3),
        fixed(y, 3)
    );
    if let Some(art) = art {
        let k = fixed(size / EXTENT as f64, 6);
        let b = BUFFER as f64 * size / EXTENT as f64;
        let _ = write!(
            out,
            r#"<g transform="matrix({k} 0 0 {k} {} {})"><path class="dl-detail-land" d="{}"/><path class="dl-detail-rivers" d="{}"/><path class="dl-detail-borders" d="{}"/><path class="dl-detail-coast" d="{}"/></g>"#,
            fixed(x - b, 3),
            fixed(y - b, 3),
            art.land,
            art.rivers,
            art.borders,
            art.coast
        );
    }
    out.push_str("</g>");
}

/// A placed name, in the picture's pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnLabel {
    /// The place's point.
    pub x: f64,
    /// The place's point.
    pub y: f64,
    /// Which side of the point its text runs.
    pub side: Side,
    /// Its kind (its style).
    pub class: LabelClass,
    /// The name.
    pub text: String,
}

/// The names' markup: a dot and a text each (countries: the text alone,
/// set in capitals by the style sheet). Names are escaped.
pub fn labels_markup(labels: &[DrawnLabel]) -> String {
    let mut out = String::new();
    for d in labels {
        let (class, dot) = match d.class {
            LabelClass::Country => ("dl-label dl-label-country", false),
            LabelClass::Capital => ("dl-label dl-label-capital", true),
            LabelClass::Town => ("dl-label dl-label-town", true),
        };
        let (x, anchor) = match d.side {
            Side::Right => (d.x + DOT_GAP_PX, "start"),
            Side::Left => (d.x - DOT_GAP_PX, "end"),
            Side::Centre => (d.x, "middle"),
        };
        if dot {
            let _ = write!(
                out,
                r#"<circle class="dl-label-dot" cx="{}" cy="{}" r="2.5"/>"#,
                fixed(d.x, 1),
                fixed(d.y, 1)
            );
        }
        let _ = write!(
            out,
            r#"<text class="{class}" x="{}" y="{}" text-anchor="{anchor}">"#,
            fixed(x, 1),
            fixed(d.y + 4.0, 1)
        );
        escape_into(&mut out, &d.text);
        out.push_str("</text>");
    }
    out
}

/// Raster tiles as SVG images in world units times `path_scale`.
pub fn raster_markup(cover: &[(u8, u32, u32)], tiles: &RasterTiles, path_scale: f64) -> String {
    let mut out = String::new();
    for &(z, x, y) in cover {
        let size = path_scale / f64::from(TileId::side(z));
        let s = fixed(size, 3);
        out.push_str(r#"<image href=""#);
        escape_into(&mut out, &tiles.url(z, x, y));
        let _ = write!(
            out,
            r#"" x="{}" y="{}" width="{s}" height="{s}" preserveAspectRatio="none"/>"#,
            fixed(f64::from(x) * size, 3),
            fixed(f64::from(y) * size, 3)
        );
    }
    out
}

/// `text` with `&`, `<`, `>` and `"` escaped for markup.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tile_is_its_sea_then_its_art_in_world_units() {
        let id = TileId {
            level: 8,
            x: 154,
            y: 80,
        };
        let mut out = String::new();
        tile_markup(&mut out, id, None, 32768.0);
        assert_eq!(
            out,
            r#"<g data-tile="8/154/80.bin" data-level="8"><rect class="dl-detail-sea" x="19712.000" y="10240.000" width="128.000" height="128.000"/></g>"#
        );
        let art = TileArt {
            land: "m0 0 1 0 0 1z".into(),
            ..TileArt::default()
        };
        let mut out = String::new();
        tile_markup(&mut out, id, Some(&art), 32768.0);
        // 128 path units over 4096 grid units; the buffer of 128 grid units is 4 path units.
        assert!(out.contains(r#"<g transform="matrix(0.031250 0 0 0.031250 19708.000 10236.000)"><path class="dl-detail-land" d="m0 0 1 0 0 1z"/>"#), "{out}");
    }

    #[test]
    fn names_are_escaped_and_run_to_their_side() {
        let labels = [
            DrawnLabel {
                x: 10.0,
                y: 20.0,
                side: Side::Right,
                class: LabelClass::Town,
                text: "Saint <Ouen> & \"Co\"".into(),
            },
            DrawnLabel {
                x: 50.0,
                y: 60.0,
                side: Side::Centre,
                class: LabelClass::Country,
                text: "Russia".into(),
            },
        ];
        let out = labels_markup(&labels);
        assert_eq!(
            out,
            r#"<circle class="dl-label-dot" cx="10.0" cy="20.0" r="2.5"/><text class="dl-label dl-label-town" x="15.0" y="24.0" text-anchor="start">Saint &lt;Ouen&gt; &amp; &quot;Co&quot;</text><text class="dl-label dl-label-country" x="50.0" y="64.0" text-anchor="middle">Russia</text>"#
        );
    }

    #[test]
    fn raster_tiles_are_images_at_their_place() {
        let tiles = RasterTiles::new("/t/{z}/{x}/{y}.png?a=1&b=2", "Ours").unwrap();
        let out = raster_markup(&[(1, 1, 0)], &tiles, 32768.0);
        assert_eq!(
            out,
            r#"<image href="/t/1/1/0.png?a=1&amp;b=2" x="16384.000" y="0.000" width="16384.000" height="16384.000" preserveAspectRatio="none"/>"#
        );
    }
}
