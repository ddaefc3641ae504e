//! Builds the detail tiles (`assets/tiles/`, see `dateline_core::tiles`) from GSHHG,
//! which Debian's `gmt` prints, and the GeoNames places and Natural Earth
//! countries that `tools/tiles/sources.mjs` exports from the npm packages.
//!
//!   dateline-tiles <sources dir> <out dir>
//!
//! Run by `scripts/setup.sh` when the tiles are missing or stale.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use dateline_core::basemap::writer;
use dateline_core::basemap::LabelClass;
use dateline_core::geo::{project, LonLat};
use dateline_core::tiles::countries::{country_labels, Country};
use dateline_core::tiles::gshhg::{join_rings, parse, Piece};
use dateline_core::tiles::places::{town_labels, towns, Place, TileLabel};
use dateline_core::tiles::{cut_level, Features, Manifest, TileData, TileId, LEVELS, TILE_BITS};

/// Simplification tolerance in grid units (1/4096 of a tile): about a pixel
/// where a level's tiles are drawn largest (zoom level + 2.5, 2.8 units a
/// pixel), a third of one where smallest. The regional level, whose view
/// holds the most ground, is simplified more, to keep a view's tiles
/// within 120 KiB.
fn tolerance(level: u8) -> f64 {
    if level <= 4 {
        4.0
    } else {
        3.0
    }
}

/// One resolution of GSHHG: land rings and border lines in world
/// coordinates, and the river pieces with their levels (in degrees).
type Gshhg = (Vec<Vec<[f64; 2]>>, Vec<Piece>, Vec<Vec<[f64; 2]>>);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(sources), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: dateline-tiles <sources dir> <out dir>");
        return ExitCode::from(2);
    };
    match build(Path::new(sources), Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("dateline-tiles: {message}");
            ExitCode::FAILURE
        }
    }
}

/// GSHHG's resolution for a level: intermediate (about 1 km) for the
/// regional level, high (about 200 m) closer in.
fn resolution(level: u8) -> &'static str {
    if level <= 4 {
        "i"
    } else {
        "h"
    }
}

/// The GSHHG river levels a tile level draws (0 double-lined, 1 permanent
/// major, 2 additional major, 3 additional; intermittent rivers and canals never).
fn rivers_for(level: u8) -> u8 {
    match level {
        0..=4 => 1,
        5..=6 => 2,
        _ => 3,
    }
}

fn build(sources: &Path, out: &Path) -> Result<(), String> {
    let started = Instant::now();
    let places = read_places(&sources.join("places.tsv"))?;
    let countries = read_countries(&sources.join("countries.tsv"))?;
    let towns = towns(&places);
    eprintln!(
        "dateline-tiles: {} places, {} towns, {} countries",
        places.len(),
        towns.len(),
        countries.len()
    );
    let _ = fs::remove_dir_all(out);
    let mut all: Vec<TileId> = Vec::new();
    let mut bytes_total = 0usize;
    let mut cache: HashMap<&str, Gshhg> = HashMap::new();
    for level in LEVELS {
        let res = resolution(level);
        if !cache.contains_key(res) {
            let land = join_rings(gmt(res, "-W")?)
                .into_iter()
                .map(|p| world(&p.points))
                .collect();
            let rivers = gmt(res, "-Ia")?;
            let borders = gmt(res, "-N1")?
                .into_iter()
                .map(|p| world(&p.points))
                .collect();
            cache.insert(res, (land, rivers, borders));
        }
        let (land, rivers, borders) = &cache[res];
        let features = Features {
            land: land.clone(),
            rivers: rivers
                .iter()
                .filter(|r| r.level <= rivers_for(level))
                .map(|r| world(&r.points))
                .collect(),
            borders: borders.clone(),
        };
        let shapes: BTreeMap<TileId, TileData> = cut_level(&features, level, tolerance(level))
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let mut labels: HashMap<TileId, Vec<TileLabel>> = HashMap::new();
        if level <= 6 {
            labels = country_labels(&countries, level);
        }
        for (id, mut named) in town_labels(&towns, level) {
            labels.entry(id).or_default().append(&mut named);
        }
        let mut ids: Vec<TileId> = shapes
            .keys()
            .copied()
            .chain(labels.keys().copied())
            .collect();
        ids.sort();
        ids.dedup();
        let mut level_bytes = 0;
        for id in &ids {
            let empty = TileData::default();
            let tile = shapes.get(id).unwrap_or(&empty);
            let named = labels.get(id).map(Vec::as_slice).unwrap_or(&[]);
            let file = encode(tile, named);
            level_bytes += file.len();
            let path = out.join(id.path());
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            fs::write(&path, &file).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        eprintln!(
            "dateline-tiles: level {level}: {} tiles, {:.1} MB ({:.0} s)",
            ids.len(),
            level_bytes as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
        bytes_total += level_bytes;
        all.extend(ids);
    }
    let index = out.join("index.bin");
    fs::write(&index, Manifest::from_tiles(&all).encode())
        .map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    eprintln!(
        "dateline-tiles: {} tiles, {:.1} MB in {:.0} s",
        all.len(),
        bytes_total as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn encode(tile: &TileData, labels: &[TileLabel]) -> Vec<u8> {
    let class = |c: LabelClass| match c {
        LabelClass::Country => 0,
        LabelClass::Capital => 1,
        LabelClass::Town => 2,
    };
    let named: Vec<([i64; 2], u8, u32, &str)> = labels
        .iter()
        .map(|(at, c, w, name)| (*at, class(*c), *w, name.as_str()))
        .collect();
    let mut layers = Vec::new();
    if !tile.land.is_empty() {
        layers.push((0, writer::layer_payload(&tile.land)));
    }
    if !tile.borders.is_empty() {
        layers.push((1, writer::layer_payload(&tile.borders)));
    }
    if !tile.rivers.is_empty() {
        layers.push((2, writer::layer_payload(&tile.rivers)));
    }
    if !named.is_empty() {
        layers.push((3, writer::labels_payload(&named)));
    }
    writer::file(TILE_BITS, &layers)
}

/// Runs `gmt coast` over the whole world and parses what it prints.
fn gmt(res: &str, what: &str) -> Result<Vec<Piece>, String> {
    let output = Command::new("gmt")
        // No gmt.history left in the checkout: GMT 6.4 writes its shelf of
        // common arguments even with GMT_HISTORY off, so it runs elsewhere.
        .current_dir(std::env::temp_dir())
        .args([
            "coast",
            "--GMT_HISTORY=false",
            &format!("-D{res}"),
            "-Rd",
            "-M",
            what,
        ])
        .output()
        .map_err(|e| {
            format!("cannot run `gmt coast` (install Debian's gmt and gmt-gshhg-high): {e}")
        })?;
    if !output.status.success() {
        return Err(format!(
            "`gmt coast -D{res} -Rd -M {what}` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    parse(&text).map_err(|e| format!("`gmt coast -D{res} {what}`: {e}"))
}

fn world(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    points
        .iter()
        .filter_map(|p| project(p[0], p[1]))
        .map(|w| [w.x, w.y])
        .collect()
}

fn read(path: &PathBuf) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {} (run `node tools/tiles/sources.mjs`): {e}",
            path.display()
        )
    })
}

/// `name, country, feature code, admin1, population, lon, lat` per line.
fn read_places(path: &PathBuf) -> Result<Vec<Place>, String> {
    let text = read(path)?;
    let mut places = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || {
            format!(
                "{} line {}: expected 7 tab-separated fields",
                path.display(),
                i + 1
            )
        };
        if f.len() != 7 {
            return Err(bad());
        }
        let num = |s: &str| s.parse::<f64>().map_err(|_| bad());
        places.push(Place {
            name: f[0].to_owned(),
            country: f[1].to_owned(),
            feature: f[2].to_owned(),
            admin1: f[3].to_owned(),
            population: f[4].parse().map_err(|_| bad())?,
            at: LonLat::new(num(f[5])?, num(f[6])?),
        });
    }
    Ok(places)
}

/// `name<TAB>x,y x,y …` per outer ring, already in world coordinates.
fn read_countries(path: &PathBuf) -> Result<Vec<Country>, String> {
    let text = read(path)?;
    let mut by_name: BTreeMap<String, Vec<Vec<[f64; 2]>>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let bad = || {
            format!(
                "{} line {}: expected `name<TAB>x,y x,y …`",
                path.display(),
                i + 1
            )
        };
        let (name, ring) = line.split_once('\t').ok_or_else(bad)?;
        let points = ring
            .split(' ')
            .map(|xy| {
                let (x, y) = xy.split_once(',').ok_or_else(bad)?;
                Ok([x.parse().map_err(|_| bad())?, y.parse().map_err(|_| bad())?])
            })
            .collect::<Result<Vec<[f64; 2]>, String>>()?;
        by_name.entry(name.to_owned()).or_default().push(points);
    }
    Ok(by_name
        .into_iter()
        .map(|(name, rings)| Country { name, rings })
        .collect())
}
