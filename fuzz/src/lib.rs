//! Dateline's fuzz targets: every entry point that takes outside text or
//! data, each as a function of raw bytes that must return without a panic
//! whatever the bytes are (an error is a fine answer; a crash is a bug).
//!
//! libFuzzer runs them through `fuzz_targets/` (`cargo +nightly fuzz run
//! <name>`, see `run.sh`); `crates/dateline-checks/tests/fuzz_smoke.rs` in the main crate includes
//! this file and runs them on stable in bounded time, from the same seeds.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dateline_core::tiles::markup::TileArt;
use dateline_core::tiles::{Manifest, RasterTiles, TileId};
use dateline_core::{basemap, deeplink, mount_options};
use dateline_draft::gazetteer::Gazetteer;
use dateline_story::import::{html, read_story, Format};
use dateline_story::story;
use dateline_studio as studio;

/// One fuzz target: its name (as `cargo fuzz` knows it), what it runs, and
/// where its seed inputs are (files or folders, from the repository's root).
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
    pub seeds: &'static [&'static str],
}

const STORIES: &[&str] = &[
    "tests/fixtures",
    "tests/fixtures/storymapjs",
    "assets/story.geojson",
    "tests/fixtures/fuzz",
];

/// Every target, in the order the smoke run reports them.
pub const TARGETS: &[Target] = &[
    Target {
        name: "story_parse",
        run: story_parse,
        seeds: STORIES,
    },
    Target {
        name: "import_detect",
        run: import_detect,
        seeds: STORIES,
    },
    Target {
        name: "import_csv",
        run: import_csv,
        seeds: &["tests/fixtures/csv", "tests/fixtures/fuzz"],
    },
    Target {
        name: "html_reader",
        run: html_reader,
        seeds: &["tests/fixtures/storymapjs", "tests/fixtures/fuzz"],
    },
    Target {
        name: "studio_restore",
        run: studio_restore,
        seeds: &[
            "tests/fixtures/fuzz",
            "tests/fixtures/single-feature.geojson",
        ],
    },
    Target {
        name: "studio_open",
        run: studio_open,
        seeds: &[
            "tests/fixtures",
            "tests/fixtures/csv",
            "tests/fixtures/storymapjs",
            "tests/fixtures/fuzz",
        ],
    },
    Target {
        name: "draft",
        run: draft_article,
        seeds: &[
            "tests/fixtures/articles",
            "tests/fixtures/article.txt",
            "tests/fixtures/fuzz",
        ],
    },
    Target {
        name: "deeplink",
        run: deeplink_hash,
        seeds: &["tests/fixtures/fuzz"],
    },
    Target {
        name: "mount_options",
        run: mount_options,
        seeds: &["tests/fixtures/fuzz/options"],
    },
    Target {
        name: "raster_template",
        run: raster_template,
        seeds: &["tests/fixtures/fuzz"],
    },
    Target {
        name: "tile_decode",
        run: tile_decode,
        seeds: &[
            "assets/basemap.bin",
            "assets/tiles/4/9/4.bin",
            "assets/tiles/6/38/19.bin",
            "assets/tiles/8/154/80.bin",
        ],
    },
    Target {
        name: "tile_index",
        run: tile_index,
        seeds: &["assets/tiles/index.bin"],
    },
    Target {
        name: "gazetteer",
        run: gazetteer_parse,
        seeds: &["tests/fixtures/fuzz/gazetteer-sample.tsv"],
    },
];

/// The repository's root: where `assets/` and `tests/` are, whether this
/// file is built in `fuzz/` or included by the main crate's tests.
pub fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .find(|dir| dir.join("assets").is_dir())
        .unwrap_or(here)
        .to_path_buf()
}

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The story parser (a story file, `data-story`, a story object's JSON).
pub fn story_parse(data: &[u8]) {
    let _ = story::parse(&text(data));
}

/// A story of unknown shape: GeoJSON or StoryMapJS.
pub fn import_detect(data: &[u8]) {
    let _ = read_story(&text(data), Format::Detect);
}

/// A spreadsheet (CSV, TimelineJS).
pub fn import_csv(data: &[u8]) {
    let _ = read_story(&text(data), Format::Csv);
}

/// The HTML allow-list reader (StoryMapJS text, rich text).
pub fn html_reader(data: &[u8]) {
    let t = text(data);
    let _ = html::rich_text_json(&t);
    let _ = html::plain_text(&t);
}

/// The Studio's work kept between visits, as it comes back from storage.
pub fn studio_restore(data: &[u8]) {
    let _ = studio::restore(&text(data));
}

/// A file opened in the Studio; the first byte picks how it is named.
pub fn studio_open(data: &[u8]) {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let name = match first % 3 {
        0 => "story.csv",
        1 => "story.json",
        _ => "story",
    };
    let _ = studio::open_story(&text(rest), name);
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let path = repo_root().join("assets/gazetteer.tsv");
        let tsv = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/setup.sh)", path.display()));
        Gazetteer::parse(&tsv).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    })
}

/// The Studio's start form drafted with the real gazetteer, as the Studio and
/// `dateline-draft` run it: the article, then (after U+001F) the publication
/// date, source name and source address; the date is 2024-02-20 if none.
pub fn draft_article(data: &[u8]) {
    let t = text(data);
    let mut fields = t.split('\u{1f}');
    let article = fields.next().unwrap_or_default();
    let published = fields.next().unwrap_or("2024-02-20");
    let form = studio::ArticleForm {
        article,
        published,
        source_name: fields.next().unwrap_or_default(),
        source_url: fields.next().unwrap_or_default(),
    };
    let _ = studio::draft_article(&form, gazetteer());
}

/// The page's URL hash, read for the only widget and for a named one.
pub fn deeplink_hash(data: &[u8]) {
    let t = text(data);
    let _ = deeplink::read(&t, None);
    let _ = deeplink::read(&t, Some("map-1"));
    let _ = deeplink::write(&t, Some("map-1"), Some("e1"));
}

/// `mount()`'s options object, as JSON: its names checked, its values typed
/// by the same `Deserialize` serde-wasm-bindgen runs in the browser, and
/// resolved into the widget's settings.
pub fn mount_options(data: &[u8]) {
    let t = text(data);
    let Ok(serde_json::Value::Object(object)) = serde_json::from_str::<serde_json::Value>(&t)
    else {
        return;
    };
    let _ = mount_options::check_names(object.keys().map(String::as_str));
    if let Ok(options) = serde_json::from_value::<mount_options::MountOptions>(object.into()) {
        let _ = options.resolve();
    }
}

/// A newsroom's raster tile address and credit (`data-tiles`), split at U+001F.
pub fn raster_template(data: &[u8]) {
    let t = text(data);
    let (template, credit) = t.split_once('\u{1f}').unwrap_or((&t, "© them"));
    if let Ok(tiles) = RasterTiles::new(template, credit) {
        let _ = tiles.url(7, 77, 40);
    }
}

/// A detail tile (or the embedded basemap) as it arrives over the network.
pub fn tile_decode(data: &[u8]) {
    if let Ok(map) = basemap::decode(data) {
        let tile = TileId {
            level: 6,
            x: 38,
            y: 19,
        };
        let _ = TileArt::of(tile, map);
    }
}

/// The detail tiles' index.
pub fn tile_index(data: &[u8]) {
    if let Ok(index) = Manifest::decode(data) {
        let _ = index.contains(&TileId {
            level: 8,
            x: 154,
            y: 80,
        });
    }
}

/// The place index the Studio fetches (`gazetteer.tsv`), aliases and all.
pub fn gazetteer_parse(data: &[u8]) {
    if let Ok(g) = Gazetteer::parse(&text(data)) {
        for name in ["Kremlin", "Moscow", "Washington, D.C."] {
            for e in g.lookup(name) {
                let _ = (e.is_area(), e.stands_for.as_deref());
            }
        }
        let _ = g.longest_name();
    }
}
