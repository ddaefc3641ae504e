//! Place names on the map: country names over the world, towns and cities
//! from the detail tiles closer in, placed clear of markers and controls.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use crate::basemap::{decode, Label, LabelClass, BASEMAP};
use crate::fixed_point::fixed;
use crate::geo::{Insets, Viewport, WorldPoint};
use crate::tiles::placement::{
    controls_box, label_frame, place_labels, Candidate, MarkerMark, Side,
};
use crate::tiles::FIRST_DETAIL_ZOOM;
use crate::ui::detail_layer::shown_for;
use crate::ui::detail_store;

/// The embedded world's country names, decoded once per page.
fn world_names() -> &'static [Label] {
    static NAMES: OnceLock<Vec<Label>> = OnceLock::new();
    NAMES.get_or_init(|| decode(BASEMAP).map(|m| m.labels).unwrap_or_default())
}

/// One name as drawn, in the picture's pixels.
#[derive(Clone, PartialEq)]
struct Drawn {
    x: f64,
    y: f64,
    side: Side,
    class: LabelClass,
    text: String,
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
    #[prop(into)]
    marks: Signal<Arc<Vec<MarkerMark>>>,
    /// What the panel covers: names there would be hidden.
    #[prop(into)]
    covered: Signal<Insets>,
    /// Right to left: names go left of their dots first, controls are on the right.
    rtl: bool,
) -> impl IntoView {
    let changes = detail_store::changes();
    let names = Memo::new(move |_| {
        changes.track();
        let Some(view) = drawn.get() else {
            return Vec::new();
        };
        let marks = marks.get();
        let covered = covered.get();
        let (mx, my) = margin(&view);
        layout(&view, &marks, covered, rtl)
            .into_iter()
            .map(|d| Drawn {
                x: d.x + mx,
                y: d.y + my,
                ..d
            })
            .collect::<Vec<_>>()
    });
    view! {
        <g class="dl-labels" data-testid="map-labels">
            {move || names.get().into_iter().map(name_view).collect_view()}
        </g>
    }
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

fn layout(view: &Viewport, marks: &[MarkerMark], covered: Insets, rtl: bool) -> Vec<Drawn> {
    let labels = names_drawn(view);
    let points: Vec<_> = labels
        .iter()
        .map(|l| view.world_to_screen(WorldPoint::new(f64::from(l.at[0]), f64::from(l.at[1]))))
        .collect();
    let candidates: Vec<Candidate> = labels
        .iter()
        .zip(&points)
        .map(|(l, p)| Candidate {
            x: p.x,
            y: p.y,
            class: l.class,
            weight: l.weight,
            name: &l.name,
        })
        .collect();
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
            let text = match c.class {
                LabelClass::Country => c.name.to_uppercase(),
                _ => c.name.to_string(),
            };
            Drawn {
                x: c.x,
                y: c.y,
                side: p.side,
                class: c.class,
                text,
            }
        })
        .collect()
}

fn name_view(d: Drawn) -> impl IntoView {
    let gap = crate::tiles::placement::DOT_GAP_PX;
    let (class, dot) = match d.class {
        LabelClass::Country => ("dl-label dl-label-country", false),
        LabelClass::Capital => ("dl-label dl-label-capital", true),
        LabelClass::Town => ("dl-label dl-label-town", true),
    };
    let (x, anchor) = match d.side {
        Side::Right => (d.x + gap, "start"),
        Side::Left => (d.x - gap, "end"),
        Side::Centre => (d.x, "middle"),
    };
    view! {
        {dot.then(|| view! { <circle class="dl-label-dot" cx=fixed(d.x, 1) cy=fixed(d.y, 1) r="2.5" /> })}
        <text class=class x=fixed(x, 1) y=fixed(d.y + 4.0, 1) text-anchor=anchor>{d.text}</text>
    }
}
