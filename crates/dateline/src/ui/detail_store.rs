//! The page's detail tiles: fetched from `tiles/` beside the bundle when a
//! view asks for them, decoded once, kept for every widget on the page.
//!
//! Nothing here ever fails the widget: a missing index, a 404, no network or
//! a Content-Security-Policy that blocks the fetch leave the embedded world
//! outlines showing, with one console warning for the page.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::basemap::decode;
pub use crate::tiles::markup::TileArt;
use crate::tiles::{Manifest, TileId};

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
    /// What is known of each tile asked for, least recently asked for first
    /// (a list: a few hundred at most, and a map's code would cost the bundle more).
    tiles: Vec<(TileId, TileState)>,
    /// Asked for before the index came.
    waiting: Vec<TileId>,
    changed: ArcTrigger,
    warned: bool,
}

impl Store {
    fn get(&self, tile: &TileId) -> Option<&TileState> {
        self.tiles
            .iter()
            .find(|(id, _)| id == tile)
            .map(|(_, state)| state)
    }

    fn set(&mut self, tile: TileId, state: TileState) {
        match self.tiles.iter_mut().find(|(id, _)| *id == tile) {
            Some(entry) => entry.1 = state,
            None => self.tiles.push((tile, state)),
        }
    }
}

/// Tiles kept in memory (a few views' worth at every level).
const KEEP: usize = 400;

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store {
        index: Index::Unasked,
        tiles: Vec::new(),
        waiting: Vec::new(),
        changed: ArcTrigger::new(),
        warned: false,
    });
}

/// A trigger that fires whenever a tile arrives: track it, then read [`state`].
pub fn changes() -> ArcTrigger {
    STORE.with(|s| s.borrow().changed.clone())
}

/// What is known about `tile` now.
pub fn state(tile: &TileId) -> Option<TileState> {
    STORE.with(|s| s.borrow().get(tile).cloned())
}

/// Starts fetching every tile of `tiles` not yet known.
pub fn request(tiles: &[TileId]) {
    if tiles.is_empty() {
        return;
    }
    let ask_index = STORE.with(|s| {
        let mut s = s.borrow_mut();
        for t in tiles {
            if let Some(at) = s.tiles.iter().position(|(id, _)| id == t) {
                let entry = s.tiles.remove(at);
                s.tiles.push(entry);
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
                .all(|t| !matches!(s.get(t), None | Some(TileState::Loading))),
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
            if s.get(t).is_some() {
                continue;
            }
            if index.contains(t) {
                s.tiles.push((*t, TileState::Loading));
                todo.push(*t);
            } else {
                s.tiles.push((*t, TileState::Sea));
            }
        }
        if todo.len() < tiles.len() {
            s.changed.notify();
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
            .map(|map| Arc::new(TileArt::of(tile, map)))
            .map_err(|e| format!("tile {}: {e}", tile.path())),
        Ok(None) => Err(format!("tile {} was not found", tile.path())),
        Err(e) => Err(e),
    };
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        match art {
            Ok(art) => {
                s.set(tile, TileState::Ready(art));
                if s.tiles.len() > KEEP {
                    s.tiles.remove(0);
                }
            }
            Err(why) => {
                s.set(tile, TileState::Failed);
                warn_once(&mut s, &why);
            }
        }
        s.changed.notify();
    });
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
