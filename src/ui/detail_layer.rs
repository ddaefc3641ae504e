//! The detail basemap's tiles, drawn over the embedded world outlines.

use std::sync::Arc;

use leptos::prelude::*;

use crate::fixed_point::fixed;
use crate::geo::Viewport;
use crate::tiles::{tiles_for_view, TileId, BUFFER, LEVELS};
use crate::ui::detail_store::{self, TileArt, TileState};

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
    shown.sort_by_key(|s| s.id);
    shown
}

/// The detail tiles for the view the basemap is drawn for, in world units
/// times `path_scale` (the basemap's own group transform places them).
#[component]
pub fn DetailLayer(
    /// The view the basemap picture is drawn for.
    #[prop(into)]
    drawn: Signal<Option<Viewport>>,
    /// World units to path units: the basemap's `PATH_SCALE`.
    path_scale: f64,
) -> impl IntoView {
    Effect::new(move |_| {
        if let Some(needed) = drawn.get().as_ref().and_then(tiles_for_view) {
            detail_store::request(&needed);
        }
    });
    let changes = detail_store::changes();
    let shown = Memo::new(move |_| {
        changes.track();
        let shown = drawn.get().map(|v| shown_for(&v)).unwrap_or_default();
        shown
            .into_iter()
            .map(|s| (s.id, s.art.is_some(), SendArt(s.art)))
            .collect::<Vec<_>>()
    });
    view! {
        <g class="dl-detail" data-testid="detail">
            <For
                each=move || shown.get()
                key=|(id, ready, _)| (*id, *ready)
                children=move |(id, _, art)| tile_view(id, art.0, path_scale)
            />
        </g>
    }
}

/// Tile art shared between memo and view (compared by tile, never by content).
#[derive(Clone)]
struct SendArt(Option<Arc<TileArt>>);

impl PartialEq for SendArt {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

fn tile_view(id: TileId, art: Option<Arc<TileArt>>, path_scale: f64) -> impl IntoView {
    let side = f64::from(TileId::side(id.level));
    let size = path_scale / side;
    let (x, y) = (f64::from(id.x) * size, f64::from(id.y) * size);
    let k = size / crate::tiles::EXTENT as f64;
    let b = BUFFER as f64 * k;
    let transform = format!(
        "matrix({} 0 0 {} {} {})",
        fixed(k, 6),
        fixed(k, 6),
        fixed(x - b, 3),
        fixed(y - b, 3)
    );
    let level = id.level.to_string();
    view! {
        <g data-tile=id.path() data-level=level>
            <rect class="dl-detail-sea" x=fixed(x, 3) y=fixed(y, 3) width=fixed(size, 3) height=fixed(size, 3) />
            {art.map(|art| view! {
                <g transform=transform>
                    <path class="dl-detail-land" d=art.land.clone() />
                    <path class="dl-detail-rivers" d=art.rivers.clone() />
                    <path class="dl-detail-borders" d=art.borders.clone() />
                    <path class="dl-detail-coast" d=art.coast.clone() />
                </g>
            })}
        </g>
    }
}
