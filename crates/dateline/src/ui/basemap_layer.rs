//! The embedded Natural Earth basemap, drawn as SVG under the markers.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use leptos::prelude::*;

use crate::basemap::{decode, to_svg_path, BASEMAP};
use crate::fixed_point::{fixed, px};
use crate::geo::{Insets, Journey, LayerShift, ReusePolicy, Size, Viewport};
use crate::tiles::placement::MarkerMark;
use crate::tiles::RasterTiles;
use crate::ui::detail_layer::DetailLayer;
use crate::ui::label_layer::LabelLayer;
use crate::ui::locale::use_locale;
use crate::ui::quiet::Quiet;

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

/// The picture spans half the container beyond each edge, so pans and zooming
/// out by up to a level show no edge before the redraw; zoomed in more than
/// two levels, lines would look coarse.
const REUSE: ReusePolicy = ReusePolicy {
    margin: 0.5,
    max_scale: 4.0,
};
/// The view counts as settled when it has not changed for this long.
const SETTLE: Duration = Duration::from_millis(120);

/// Land, coastlines and borders, placed by the viewport; lines keep their width at any zoom.
///
/// While the view moves, the picture drawn for an earlier view is moved by
/// the compositor (see [`crate::geo::layer_reuse`]) and redrawn once the view
/// settles: rasterising the world in every frame would not fit in a frame.
#[component]
pub fn BasemapLayer(
    /// Where the map is looking; nothing is drawn until the container has a size.
    #[prop(into)]
    viewport: Signal<Option<Viewport>>,
    /// The story's journey line, if it has one (drawn over the land, under the markers).
    #[prop(default = None)]
    journey: Option<Arc<Journey>>,
    /// The reading-order index of the open event: the leg into it is highlighted.
    #[prop(optional, into)]
    current: Option<Signal<Option<usize>>>,
    /// The story's markers and shown captions, which the place names keep clear of.
    marks: RwSignal<Arc<Vec<MarkerMark>>>,
    /// What the panel covers, where no place name goes.
    covered: Memo<Insets>,
    /// A newsroom's own raster tiles, drawn instead of the detail and its names.
    #[prop(default = None)]
    raster: Option<Arc<RasterTiles>>,
    /// Whether the camera is flying: the views it passes fetch no tiles.
    #[prop(optional, into)]
    flying: Signal<bool>,
) -> impl IntoView {
    let rtl = use_locale().rtl();
    let paths = paths();
    // The view the paths are drawn for.
    let drawn = RwSignal::new(None::<Viewport>);
    let settle = Quiet::new();
    Effect::new(move |_| {
        let Some(live) = viewport.get() else {
            drawn.set(None);
            return;
        };
        let reusable = drawn.with_untracked(|d| d.is_some_and(|d| REUSE.serves(&d, &live)));
        if !reusable {
            drawn.set(Some(live));
            return;
        }
        settle.after(SETTLE, move || {
            let now = viewport.try_get_untracked().flatten();
            if drawn.try_get_untracked().flatten() != now {
                drawn.set(now);
            }
        });
    });
    // The picture's box: the container plus the margin on every side (set
    // through the CSSOM, which a strict CSP allows where `style` attributes are blocked).
    let frame = move |part: fn(f64, f64, Size) -> f64| {
        move || {
            drawn.get().map(|d| {
                let (mx, my) = REUSE.margin_px(&d);
                px(part(mx, my, d.size()))
            })
        }
    };
    let origin = move || {
        drawn.get().map(|d| {
            let (mx, my) = REUSE.margin_px(&d);
            format!("{} {}", px(mx), px(my))
        })
    };
    let shift = move || {
        let shift = match (drawn.get(), viewport.get()) {
            (Some(d), Some(live)) => LayerShift::between(&d, &live),
            _ => LayerShift::IDENTITY,
        };
        let k = fixed(shift.scale, 6);
        format!(
            "matrix({k},0,0,{k},{},{})",
            fixed(shift.dx, 2),
            fixed(shift.dy, 2)
        )
    };
    let transform = move || {
        drawn
            .get()
            .map(|vp| {
                let (scale, x, y) = vp.world_transform();
                let (mx, my) = REUSE.margin_px(&vp);
                let k = fixed(scale / f64::from(PATH_SCALE), 9);
                format!(
                    "matrix({k} 0 0 {k} {} {})",
                    fixed(x + mx, 2),
                    fixed(y + my, 2)
                )
            })
            .unwrap_or_default()
    };
    view! {
        <svg class="dl-basemap" aria-hidden="true" focusable="false" data-testid="basemap"
            style:left=frame(|mx, _, _| -mx)
            style:top=frame(|_, my, _| -my)
            style:width=frame(|mx, _, size| size.width + 2.0 * mx)
            style:height=frame(|_, my, size| size.height + 2.0 * my)
            style:transform-origin=origin
            style:transform=shift>
            <g transform=transform>
                <path class="dl-land" d=paths.land.as_str() />
                <path class="dl-borders" d=paths.borders.as_str() />
                <path class="dl-coast" d=paths.coast.as_str() />
                <DetailLayer drawn=drawn live=viewport flying=flying path_scale=f64::from(PATH_SCALE) raster=raster.clone() />
                {journey.map(|journey| {
                    let whole = journey.svg_path(f64::from(PATH_SCALE));
                    let leg = move || {
                        current
                            .and_then(|c| c.get())
                            .and_then(|k| journey.leg_into(k))
                            .map(|leg| leg.svg_path(f64::from(PATH_SCALE)))
                            .unwrap_or_default()
                    };
                    view! {
                        <path class="dl-journey" d=whole data-testid="journey" />
                        <path class="dl-journey-current" d=leg data-testid="journey-current" />
                    }
                })}
            </g>
            <LabelLayer drawn=drawn margin=|vp| REUSE.margin_px(vp) marks=marks covered=covered rtl=rtl
                shown=raster.is_none() />
        </svg>
    }
}
