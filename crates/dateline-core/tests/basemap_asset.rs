//! The embedded basemap through the public API, as the UI uses it.

use dateline_core::basemap::{decode, to_svg_path, Basemap, BASEMAP};

/// The world size the UI draws the basemap at, and the decimals it uses.
const WORLD: f32 = 1024.0;
const DECIMALS: usize = 1;

#[test]
fn the_embedded_asset_stays_small() {
    // Land + borders at 110m: about 22 KB. A regenerated asset far above
    // this means the simplification or quantization changed.
    assert!(BASEMAP.len() < 40_000, "{} bytes", BASEMAP.len());
    assert_eq!(&BASEMAP[..4], b"DLBM");
}

#[test]
fn the_world_paths_are_valid_and_short_enough_for_the_dom() {
    let map = Basemap::embedded().unwrap();
    let land = to_svg_path(&map.land, WORLD, true, DECIMALS);
    let borders = to_svg_path(&map.borders, WORLD, false, DECIMALS);
    let coasts = to_svg_path(&map.coastlines(), WORLD, false, DECIMALS);
    for (name, d) in [("land", &land), ("borders", &borders), ("coasts", &coasts)] {
        assert!(d.starts_with('m'), "{name}");
        assert!(
            d.chars().all(|c| c.is_ascii_digit() || " .-mz".contains(c)),
            "{name} has unexpected characters"
        );
        assert!(d.len() < 40_000, "{name} path is {} bytes", d.len());
    }
    assert_eq!(land.matches('m').count(), land.matches('z').count());
    assert!(!borders.contains('z'));
    // Nearly every ring survives rounding to a tenth of a unit.
    assert!(land.matches('z').count() * 10 >= map.land.len() * 9);
}

#[test]
fn the_whole_pipeline_matches_a_direct_decode() {
    assert_eq!(Basemap::embedded(), decode(BASEMAP));
}

/// Writes a whole-world page to look at:
/// `DATELINE_WORLD_HTML=/tmp/world.html cargo test --test basemap_asset -- --ignored`,
/// then screenshot it with a headless browser.
#[test]
#[ignore = "writes a file for a human to look at"]
fn write_world_html() {
    let Ok(path) = std::env::var("DATELINE_WORLD_HTML") else {
        return;
    };
    let map = Basemap::embedded().unwrap();
    let land = to_svg_path(&map.land, WORLD, true, DECIMALS);
    let borders = to_svg_path(&map.borders, WORLD, false, DECIMALS);
    let coasts = to_svg_path(&map.coastlines(), WORLD, false, DECIMALS);
    let html = format!(
        r##"<!doctype html><html><body style="margin:0;background:#fff">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
<rect width="1024" height="1024" fill="#cfe3f3"/>
<path d="{land}" fill="#efe9dc" fill-rule="nonzero"/>
<path d="{coasts}" fill="none" stroke="#5b87a8" stroke-width="0.8"/>
<path d="{borders}" fill="none" stroke="#b06a6a" stroke-width="0.6"/>
</svg></body></html>"##
    );
    std::fs::write(&path, html).unwrap();
    println!(
        "wrote {path}: land {} B, coasts {} B, borders {} B",
        land.len(),
        coasts.len(),
        borders.len()
    );
}
