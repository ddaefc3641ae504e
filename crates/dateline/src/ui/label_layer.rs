//! Place names on the map: country names over the world, towns and cities
//! from the detail tiles closer in, placed clear of markers and controls.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use crate::basemap::{decode, Label, BASEMAP};
use crate::geo::{Insets, Viewport};
use crate::tiles::markup::{labels_markup, DrawnLabel};
use crate::tiles::placement::{controls_box, label_frame, place_labels, Candidate, MarkerMark};
use crate::tiles::FIRST_DETAIL_ZOOM;
use crate::ui::detail_layer::shown_for;
use crate::ui::detail_store;

/// The embedded world's country names, decoded once per page.
fn world_names() -> &'static [Label] {
    static NAMES: OnceLock<Vec<Label>> = OnceLock::new();
    NAMES.get_or_init(|| decode(BASEMAP).map(|m| m.labels).unwrap_or_default())
}

/// The names for the view the basemap is drawn for, in the picture's pixel
/// space (the view plus `margin` on every side).
#[component]
pub fn LabelLayer(
    /// The view the basemap picture is drawn for.
    #[prop(into)]
    drawn: Signal<Option<Viewport>>,
    /// The picture's margin beyond the view, in px.
    margin: fn(&Viewport) -> (f64, f64),
    /// The story's markers and their shown captions, which names keep clear of.
    marks: RwSignal<Arc<Vec<MarkerMark>>>,
    /// What the panel covers: names there would be hidden.
    covered: Memo<Insets>,
    /// Right to left: names go left of their dots first, controls are on the right.
    rtl: bool,
    /// Whether to draw any (raster tiles carry their own names).
    shown: bool,
) -> impl IntoView {
    let changes = detail_store::changes();
    let markup = Memo::new(move |_| {
        changes.track();
        let Some(view) = drawn.get().filter(|_| shown) else {
            return String::new();
        };
        let marks = marks.get();
        let covered = covered.get();
        let (mx, my) = margin(&view);
        let names: Vec<DrawnLabel> = layout(&view, &marks, covered, rtl)
            .into_iter()
            .map(|d| DrawnLabel {
                x: d.x + mx,
                y: d.y + my,
                ..d
            })
            .collect();
        labels_markup(&names)
    });
    view! { <g class="dl-labels" data-testid="map-labels" inner_html=markup></g> }
}

/// The names a view draws from: the embedded world's countries, or those of
/// the detail tiles it shows.
pub fn names_drawn(view: &Viewport) -> Vec<Label> {
    if view.zoom().value() < FIRST_DETAIL_ZOOM {
        return world_names().to_vec();
    }
    shown_for(view)
        .iter()
        .filter_map(|s| s.art.as_ref())
        .flat_map(|a| a.labels.iter().cloned())
        .collect()
}

fn layout(view: &Viewport, marks: &[MarkerMark], covered: Insets, rtl: bool) -> Vec<DrawnLabel> {
    let labels = names_drawn(view);
    let candidates = Candidate::on_screen(&labels, view);
    let size = view.size();
    let frame = label_frame(size.width, size.height, covered);
    let mut obstacles = vec![controls_box(size.width, rtl)];
    let mut dots = Vec::new();
    for m in marks {
        let (dot, boxes) = m.on_screen(view);
        dots.push(dot);
        obstacles.extend(boxes);
    }
    let placed = place_labels(&candidates, frame, &obstacles, &dots, rtl);
    placed
        .into_iter()
        .map(|p| {
            let c = &candidates[p.index];
            // Countries are set in capitals by the style sheet: Unicode's
            // case tables would cost the bundle kilobytes.
            let text = c.name.to_string();
            DrawnLabel {
                x: c.x,
                y: c.y,
                side: p.side,
                class: c.class,
                text,
            }
        })
        .collect()
}
