//! Detail tiles: decoding and SVG path building per view (what the reader
//! does when tiles arrive), for the seed story's places at three zooms.
//!
//!   bash scripts/setup.sh && cargo bench --bench tiles

use std::time::Instant;

use dateline_core::basemap::{decode, outlines_inside, to_svg_path};
use dateline_core::geo::{project, Size, Viewport, Zoom};
use dateline_core::tiles::{tiles_for_view, BUFFER, EXTENT, TILE_BITS};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/tiles");
    let q = (1u32 << TILE_BITS) as f32;
    let edge = (EXTENT + 2 * BUFFER) as f32 / q;
    println!(
        "{:<12} {:>5} {:>6} {:>9} {:>11} {:>12}",
        "place", "zoom", "tiles", "KiB", "decode ms", "per tile ms"
    );
    for (name, lon, lat) in [
        ("Moscow", 37.6175, 55.752),
        ("Vostochny", 128.3339, 51.8844),
        ("Ashgabat", 58.3261, 37.9601),
        ("Venice LA", -89.3537, 29.2769),
    ] {
        for zoom in [5.0, 7.0, 9.0] {
            let view = Viewport::new(
                project(lon, lat).unwrap_or(dateline_core::geo::WorldPoint::new(0.5, 0.5)),
                Zoom::clamped(zoom),
                Size::new(1280.0, 800.0),
            );
            let files: Vec<Vec<u8>> = tiles_for_view(&view)
                .unwrap_or_default()
                .iter()
                .filter_map(|t| std::fs::read(dir.join(t.path())).ok())
                .collect();
            let bytes: usize = files.iter().map(Vec::len).sum();
            let runs = 20;
            let start = Instant::now();
            let mut out = 0usize;
            for _ in 0..runs {
                for f in &files {
                    let Ok(map) = decode(f) else { continue };
                    out += to_svg_path(&map.land, q, true, 0).len()
                        + to_svg_path(&outlines_inside(&map.land, 0.0, edge), q, false, 0).len()
                        + to_svg_path(&map.rivers, q, false, 0).len()
                        + to_svg_path(&map.borders, q, false, 0).len();
                }
            }
            let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
            println!(
                "{name:<12} {zoom:>5} {:>6} {:>9.1} {ms:>11.2} {:>12.3}",
                files.len(),
                bytes as f64 / 1024.0,
                ms / files.len().max(1) as f64
            );
            std::hint::black_box(out);
        }
    }
}
