//! The embedded Natural Earth basemap, drawn as SVG under the markers.

use std::sync::OnceLock;

use leptos::prelude::*;

use crate::basemap::{decode, to_svg_path, BASEMAP};
use crate::geo::Viewport;

/// Path coordinates are world units times this, the asset's own grid: integers,
/// lossless and the shortest strings. The layer's transform scales them to screen.
const PATH_SCALE: f32 = 32768.0;
const PATH_DECIMALS: usize = 0;

struct Paths {
    land: String,
    coast: String,
    borders: String,
}

/// Decoded once per page: every widget draws the same world.
fn paths() -> &'static Paths {
    static PATHS: OnceLock<Paths> = OnceLock::new();
    PATHS.get_or_init(|| match decode(BASEMAP) {
        Ok(map) => Paths {
            land: to_svg_path(&map.land, PATH_SCALE, true, PATH_DECIMALS),
            // Not the land outline: that would stroke the cuts at the antimeridian and the poles.
            coast: to_svg_path(&map.coastlines(), PATH_SCALE, false, PATH_DECIMALS),
            borders: to_svg_path(&map.borders, PATH_SCALE, false, PATH_DECIMALS),
        },
        Err(error) => {
            leptos::logging::error!("Dateline: the embedded basemap is damaged: {error}");
            Paths {
                land: String::new(),
                coast: String::new(),
                borders: String::new(),
            }
        }
    })
}

/// Land, coastlines and borders, placed by the viewport; lines keep their width at any zoom.
#[component]
pub fn BasemapLayer(
    /// Where the map is looking; nothing is drawn until the container has a size.
    #[prop(into)]
    viewport: Signal<Option<Viewport>>,
) -> impl IntoView {
    let paths = paths();
    let transform = move || {
        viewport
            .get()
            .map(|vp| {
                let (scale, x, y) = vp.world_transform();
                let k = scale / f64::from(PATH_SCALE);
                format!("matrix({k} 0 0 {k} {x} {y})")
            })
            .unwrap_or_default()
    };
    view! {
        <svg class="dl-basemap" aria-hidden="true" focusable="false" data-testid="basemap">
            <g transform=transform>
                <path class="dl-land" d=paths.land.as_str() />
                <path class="dl-borders" d=paths.borders.as_str() />
                <path class="dl-coast" d=paths.coast.as_str() />
            </g>
        </svg>
    }
}
