//! The detail basemap's tiles, drawn over the embedded world outlines.

use std::sync::Arc;

use leptos::prelude::*;

use crate::geo::Viewport;
use crate::tiles::markup::{raster_markup, tile_markup, TileArt};
use crate::tiles::{raster_cover, RasterTiles};
use crate::tiles::{tiles_for_view, TileId, LEVELS};
use crate::ui::detail_store::{self, TileState};

/// What one tile draws: open sea, or its art.
#[derive(Clone)]
pub(crate) struct Shown {
    pub(crate) id: TileId,
    pub(crate) art: Option<Arc<TileArt>>,
}

/// The tiles to draw for a view: each needed tile that has arrived, and
/// while one has not, the coarser tile over it that has (so zooming in
/// never flashes back to the world outlines); coarsest first.
pub(crate) fn shown_for(view: &Viewport) -> Vec<Shown> {
    let Some(needed) = tiles_for_view(view) else {
        return Vec::new();
    };
    let mut shown: Vec<Shown> = Vec::new();
    let mut push = |id: TileId, state: &TileState| {
        let art = match state {
            TileState::Ready(art) => Some(art.clone()),
            TileState::Sea => None,
            TileState::Loading | TileState::Failed => return false,
        };
        if !shown.iter().any(|s| s.id == id) {
            shown.push(Shown { id, art });
        }
        true
    };
    for t in needed {
        if detail_store::state(&t).is_some_and(|s| push(t, &s)) {
            continue;
        }
        for &level in LEVELS.iter().rev().filter(|&&l| l < t.level) {
            let shift = t.level - level;
            let up = TileId {
                level,
                x: t.x >> shift,
                y: t.y >> shift,
            };
            if detail_store::state(&up).is_some_and(|s| push(up, &s)) {
                break;
            }
        }
    }
    crate::sorting::sort_by(&mut shown, |a, b| a.id.cmp(&b.id));
    shown
}

/// The detail tiles for the view the basemap is drawn for, in world units
/// times `path_scale` (the basemap's own group transform places them).
#[component]
pub fn DetailLayer(
    /// The view the basemap picture is drawn for.
    #[prop(into)]
    drawn: Signal<Option<Viewport>>,
    /// Where the map is looking now.
    #[prop(into)]
    live: Signal<Option<Viewport>>,
    /// Whether the camera is flying: a flight fetches the tiles where it
    /// ends (see `MapState::fly_to_event`), not those of the views it passes.
    #[prop(into)]
    flying: Signal<bool>,
    /// World units to path units: the basemap's `PATH_SCALE`.
    path_scale: f64,
    /// A newsroom's own raster tiles, drawn instead of ours.
    raster: Option<Arc<RasterTiles>>,
) -> impl IntoView {
    let ours = raster.is_none();
    Effect::new(move |_| {
        // A new picture, or a flight's end: fetch for where the map is now.
        drawn.track();
        if flying.get() {
            return;
        }
        if let Some(needed) = live
            .get_untracked()
            .as_ref()
            .and_then(tiles_for_view)
            .filter(|_| ours)
        {
            detail_store::request(&needed);
        }
    });
    let changes = detail_store::changes();
    let markup = Memo::new(move |_| {
        changes.track();
        let Some(view) = drawn.get() else {
            return String::new();
        };
        if let Some(tiles) = &raster {
            return raster_markup(&raster_cover(&view), tiles, path_scale);
        }
        let mut out = String::new();
        for s in shown_for(&view) {
            tile_markup(&mut out, s.id, s.art.as_deref(), path_scale);
        }
        out
    });
    let (class, testid) = if ours {
        ("dl-detail", "detail")
    } else {
        ("dl-raster", "raster")
    };
    view! { <g class=class data-testid=testid inner_html=markup></g> }
}
