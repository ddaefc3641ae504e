//! A newsroom's own raster tiles, drawn over the embedded world outlines.

use std::sync::Arc;

use leptos::prelude::*;

use crate::fixed_point::fixed;
use crate::geo::Viewport;
use crate::tiles::{raster_cover, RasterTiles, TileId};

/// The XYZ tiles of the view the basemap is drawn for, as SVG images in
/// world units times `path_scale` (so a strict page needs `img-src` for the
/// tile server, nothing else).
#[component]
pub fn RasterLayer(
    /// The view the basemap picture is drawn for.
    #[prop(into)]
    drawn: Signal<Option<Viewport>>,
    /// Where the tiles come from.
    tiles: Arc<RasterTiles>,
    /// World units to path units: the basemap's `PATH_SCALE`.
    path_scale: f64,
) -> impl IntoView {
    let cover = Memo::new(move |_| drawn.get().map(|v| raster_cover(&v)).unwrap_or_default());
    view! {
        <g class="dl-raster" data-testid="raster">
            <For
                each=move || cover.get()
                key=|t| *t
                children=move |(z, x, y)| {
                    let size = path_scale / f64::from(TileId::side(z));
                    view! {
                        <image href=tiles.url(z, x, y) x=fixed(f64::from(x) * size, 3) y=fixed(f64::from(y) * size, 3)
                            width=fixed(size, 3) height=fixed(size, 3) preserveAspectRatio="none" />
                    }
                }
            />
        </g>
    }
}
