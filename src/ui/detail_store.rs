//! The page's detail tiles: fetched from `tiles/` beside the bundle when a
//! view asks for them, decoded once, kept for every widget on the page.
//!
//! Nothing here ever fails the widget: a missing index, a 404, no network or
//! a Content-Security-Policy that blocks the fetch leave the embedded world
//! outlines showing, with one console warning for the page.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::basemap::{decode, outlines_inside, to_svg_path, Label};
use crate::tiles::{Manifest, TileId, BUFFER, EXTENT, TILE_BITS};

#[wasm_bindgen(inline_js = r#"
export function tiles_url(path) { return new URL('../../tiles/' + path, import.meta.url).href; }
export function fetch_bytes(url) {
  return fetch(url).then((r) => (r.ok ? r.arrayBuffer().then((b) => new Uint8Array(b)) : null));
}
"#)]
extern "C" {
    fn tiles_url(path: &str) -> String;
    fn fetch_bytes(url: &str) -> js_sys::Promise;
}

/// A tile ready to draw: SVG path data in its stored grid, names in world coordinates.
#[derive(Debug, Default)]
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

/// What is known about one tile.
#[derive(Debug, Clone)]
pub enum TileState {
    /// Being fetched.
    Loading,
    /// Open sea: the index lists no file for it.
    Sea,
    /// Drawn from its file.
    Ready(Arc<TileArt>),
    /// Could not be had; the world outlines stay.
    Failed,
}

enum Index {
    Unasked,
    Loading,
    Ready(Arc<Manifest>),
    Unavailable,
}

struct Store {
    index: Index,
    tiles: HashMap<TileId, TileState>,
    /// Ready tiles, least recently asked for first.
    recent: VecDeque<TileId>,
    /// Asked for before the index came.
    waiting: Vec<TileId>,
    changed: ArcRwSignal<u64>,
    warned: bool,
}

/// Ready tiles kept in memory (a few views' worth at every level).
const KEEP: usize = 400;

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store {
        index: Index::Unasked,
        tiles: HashMap::new(),
        recent: VecDeque::new(),
        waiting: Vec::new(),
        changed: ArcRwSignal::new(0),
        warned: false,
    });
}

/// A signal that changes whenever a tile arrives: track it, then read [`state`].
pub fn changes() -> ArcRwSignal<u64> {
    STORE.with(|s| s.borrow().changed.clone())
}

/// What is known about `tile` now.
pub fn state(tile: &TileId) -> Option<TileState> {
    STORE.with(|s| s.borrow().tiles.get(tile).cloned())
}

/// Starts fetching every tile of `tiles` not yet known.
pub fn request(tiles: &[TileId]) {
    let ask_index = STORE.with(|s| {
        let mut s = s.borrow_mut();
        for t in tiles {
            if let Some(TileState::Ready(_)) = s.tiles.get(t) {
                s.recent.retain(|r| r != t);
                s.recent.push_back(*t);
            }
        }
        match &s.index {
            Index::Unasked => {
                s.index = Index::Loading;
                s.waiting.extend_from_slice(tiles);
                true
            }
            Index::Loading => {
                s.waiting.extend_from_slice(tiles);
                false
            }
            Index::Ready(_) | Index::Unavailable => false,
        }
    });
    if ask_index {
        spawn_local(load_index());
    } else {
        start(tiles);
    }
}

/// Whether every one of `tiles` has arrived or will not (or the index failed).
pub fn resolved(tiles: &[TileId]) -> bool {
    STORE.with(|s| {
        let s = s.borrow();
        match s.index {
            Index::Unavailable => true,
            Index::Unasked | Index::Loading => false,
            Index::Ready(_) => tiles
                .iter()
                .all(|t| !matches!(s.tiles.get(t), None | Some(TileState::Loading))),
        }
    })
}

fn start(tiles: &[TileId]) {
    let todo: Vec<TileId> = STORE.with(|s| {
        let mut s = s.borrow_mut();
        let Index::Ready(index) = &s.index else {
            return Vec::new();
        };
        let index = index.clone();
        let mut todo = Vec::new();
        for t in tiles {
            if s.tiles.contains_key(t) {
                continue;
            }
            if index.contains(t) {
                s.tiles.insert(*t, TileState::Loading);
                todo.push(*t);
            } else {
                s.tiles.insert(*t, TileState::Sea);
            }
        }
        if todo.len() < tiles.len() {
            s.changed.update(|v| *v += 1);
        }
        todo
    });
    for t in todo {
        spawn_local(load_tile(t));
    }
}

async fn fetch(path: &str) -> Result<Option<Vec<u8>>, String> {
    let value = JsFuture::from(fetch_bytes(&tiles_url(path)))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    Ok(value
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec))
}

async fn load_index() {
    let index = match fetch("index.bin").await {
        Ok(Some(bytes)) => Manifest::decode(&bytes).map_err(|e| e.to_string()),
        Ok(None) => Err("tiles/index.bin was not found".to_string()),
        Err(e) => Err(e),
    };
    let waiting = STORE.with(|s| {
        let mut s = s.borrow_mut();
        match index {
            Ok(m) => s.index = Index::Ready(Arc::new(m)),
            Err(why) => {
                s.index = Index::Unavailable;
                warn_once(&mut s, &why);
            }
        }
        std::mem::take(&mut s.waiting)
    });
    start(&waiting);
}

async fn load_tile(tile: TileId) {
    let art = match fetch(&tile.path()).await {
        Ok(Some(bytes)) => decode(&bytes)
            .map(|map| Arc::new(art(tile, map)))
            .map_err(|e| format!("tile {}: {e}", tile.path())),
        Ok(None) => Err(format!("tile {} was not found", tile.path())),
        Err(e) => Err(e),
    };
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        match art {
            Ok(art) => {
                s.tiles.insert(tile, TileState::Ready(art));
                s.recent.push_back(tile);
                while s.recent.len() > KEEP {
                    if let Some(old) = s.recent.pop_front() {
                        s.tiles.remove(&old);
                    }
                }
            }
            Err(why) => {
                s.tiles.insert(tile, TileState::Failed);
                warn_once(&mut s, &why);
            }
        }
        s.changed.update(|v| *v += 1);
    });
}

fn art(tile: TileId, map: crate::basemap::Basemap) -> TileArt {
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

fn warn_once(s: &mut Store, why: &str) {
    if !s.warned {
        s.warned = true;
        web_sys::console::warn_1(
            &format!(
                "Dateline: the detail basemap is unavailable ({why}); the world outlines stay"
            )
            .into(),
        );
    }
}
