//! The detail tiles `scripts/setup.sh` builds (assets/tiles): real places
//! fall on land, rivers run through the cities that have them, and the
//! names around the seed story's places are there.

use std::path::Path;

use dateline_core::basemap::{decode, Basemap, LabelClass};
use dateline_core::geo::project;
use dateline_core::tiles::places::{stored, tile_of};
use dateline_core::tiles::{inside_even_odd, Manifest, TileId, LEVELS, TILE_BITS};

fn tile(id: TileId) -> Option<Basemap> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets/tiles")
        .join(id.path());
    let bytes = std::fs::read(&path).ok()?;
    Some(decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn manifest() -> Manifest {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/tiles/index.bin");
    let bytes = std::fs::read(&path).expect("assets/tiles is missing: run `bash scripts/setup.sh`");
    Manifest::decode(&bytes).unwrap()
}

/// Even-odd inside test of a stored point over the tile's land rings.
fn on_land(map: &Basemap, p: [f32; 2]) -> bool {
    let p = [f64::from(p[0]), f64::from(p[1])];
    inside_even_odd(&map.land, p, |q| [f64::from(q[0]), f64::from(q[1])])
}

fn land_at(level: u8, lon: f64, lat: f64) -> bool {
    let w = project(lon, lat).unwrap();
    let id = tile_of(w, level);
    let Some(map) = tile(id) else {
        assert!(
            !manifest().contains(&id),
            "{id:?} is listed but has no file"
        );
        return false;
    };
    let q = f64::from(1u32 << TILE_BITS);
    let s = stored(id, w);
    on_land(&map, [(s[0] as f64 / q) as f32, (s[1] as f64 / q) as f32])
}

#[test]
fn places_on_coasts_lie_on_land_and_the_water_beside_them_is_water() {
    // (name, lon, lat, land?) on deltas, straits, islands and fjords.
    let checks = [
        ("Venice, Mississippi delta", -89.3537, 29.2769, true),
        ("the Gulf off the delta", -89.0, 28.9, false),
        ("Üsküdar, Bosphorus", 29.0153, 41.0227, true),
        ("the Bosphorus", 29.005, 41.03, false),
        ("Kadıköy", 29.03, 40.99, true),
        ("Bergen", 5.3242, 60.3929, true),
        ("Sognefjord", 5.6, 61.1, false),
        ("Valletta, Malta", 14.5146, 35.8989, true),
        ("Moscow", 37.6175, 55.752, true),
        ("Lake Ladoga", 31.5, 61.0, false),
        ("Zhukovsky", 38.1174, 55.5972, true),
    ];
    for level in [4, 6, 8] {
        for (name, lon, lat, land) in checks {
            assert_eq!(land_at(level, lon, lat), land, "{name} at level {level}");
        }
    }
}

#[test]
fn every_listed_tile_decodes_and_the_levels_are_there() {
    let m = manifest();
    for level in LEVELS {
        assert!(m.has_level(level));
    }
    let moscow = project(37.6175, 55.752).unwrap();
    for level in LEVELS {
        let id = tile_of(moscow, level);
        assert!(m.contains(&id));
        let map = tile(id).unwrap();
        assert!(
            !map.land.is_empty() && !map.rivers.is_empty(),
            "level {level}"
        );
    }
}

#[test]
fn the_names_around_the_seed_story_are_there_and_districts_are_not() {
    let names = |level: u8, lon: f64, lat: f64| -> Vec<(String, LabelClass)> {
        let id = tile_of(project(lon, lat).unwrap(), level);
        tile(id)
            .map(|t| t.labels.into_iter().map(|l| (l.name, l.class)).collect())
            .unwrap_or_default()
    };
    let moscow = names(8, 37.6175, 55.752);
    assert!(
        moscow.contains(&("Moscow".into(), LabelClass::Capital)),
        "{moscow:?}"
    );
    for district in [
        "Mar'ino",
        "Vykhino-Zhulebino",
        "Troparëvo",
        "Novo-Peredelkino",
    ] {
        assert!(
            !moscow.iter().any(|(n, _)| n == district),
            "{district} in {moscow:?}"
        );
    }
    let vostochny = names(6, 128.25, 51.88);
    assert!(
        vostochny
            .iter()
            .any(|(n, c)| n == "Russia" && *c == LabelClass::Country),
        "{vostochny:?}"
    );
    let amur = names(6, 127.53, 50.26);
    assert!(amur.iter().any(|(n, _)| n == "Blagoveshchensk"), "{amur:?}");
    assert!(amur.iter().any(|(n, _)| n == "China"), "{amur:?}");
}
