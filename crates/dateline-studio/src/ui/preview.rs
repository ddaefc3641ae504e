//! The live preview: the reader's own widget ([`StoryMap`]) showing the
//! story being edited. It follows the story a moment after typing stops
//! (never once per keystroke), keeps the last valid version while a field
//! is wrong, follows and drives the selection, puts a place where the map
//! is clicked, and moves a place when its marker is dragged.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::story::{parse_value, Story};
use crate::ui::placing::PlacingOverlay;
use crate::ui::work::{Selected, Work};
use crate::{place_by_id, StoryEdit};
use dateline::ui::control::{SelectedEvent, StoryMapControl};
use dateline::ui::options::{DeepLinks, MapOptions};
use dateline::ui::story_map::StoryMap;

/// How long typing must pause before the preview follows.
const SETTLE: Duration = Duration::from_millis(250);
/// How far a marker must move before a press is a drag, in px.
const DRAG_SLOP_PX: f64 = 4.0;

/// A marker being pressed or dragged.
#[derive(Clone)]
struct Press {
    pointer: i32,
    place: String,
    marker: web_sys::HtmlElement,
    start: (f64, f64),
    dot: (f64, f64),
    dragging: bool,
}

/// The event the map shows for the studio's choice: the event, or a place's first.
fn opened_event(work: Work, selected: Option<&Selected>) -> Option<String> {
    match selected? {
        Selected::Event(id) => Some(id.clone()),
        Selected::Place(place) => work.session.with_untracked(|s| {
            let feature = place_by_id(s.story.as_ref()?, place)?;
            feature["properties"]["events"][0]["id"]
                .as_str()
                .map(str::to_string)
        }),
        Selected::Story => None,
    }
}

/// The preview of the work's story, with click-to-place and marker drag.
#[component]
pub fn Preview(
    /// The work.
    work: Work,
) -> impl IntoView {
    let control = StoryMapControl::new();
    let shown: RwSignal<Option<Arc<Story>>> = RwSignal::new(None);
    let stale = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        // No copy of the story per keystroke: it is read when typing has paused.
        work.session.track();
        let Some(n) = generation.try_update_value(|g| {
            *g += 1;
            *g
        }) else {
            return;
        };
        let update = move || {
            if generation.try_get_value() != Some(n) {
                return;
            }
            match work
                .session
                .with_untracked(|s| s.story.as_ref().map(parse_value))
            {
                Some(Ok(parsed)) => {
                    stale.set(false);
                    shown.set(Some(Arc::new(parsed)));
                }
                Some(Err(_)) => stale.set(true),
                None => shown.set(None),
            }
        };
        if shown.with_untracked(Option::is_none) {
            update();
        } else {
            set_timeout(update, SETTLE);
        }
    });
    // The studio's choice drives the map: an event opens, a place opens its first event.
    Effect::new(move |_| {
        let wanted = work.selected.with(|s| opened_event(work, s.as_ref()));
        shown.track();
        if let Some(id) = wanted {
            if control.selected().ok().flatten().map(|e| e.event_id) != Some(id.clone()) {
                let _ = control.select(&id);
            }
        }
    });
    let on_select = Callback::new(move |event: Option<SelectedEvent>| {
        let Some(event) = event else { return };
        let now = work.selected.get_untracked();
        let same_place = matches!(&now, Some(Selected::Place(p)) if *p == event.place_id);
        if now != Some(Selected::Event(event.event_id.clone())) && !same_place {
            work.selected.set(Some(Selected::Event(event.event_id)));
        }
    });
    let map = move || {
        let story = shown.get()?;
        // A new version opens where the last one was, without a flight.
        let initial_event = work
            .selected
            .with_untracked(|s| opened_event(work, s.as_ref()));
        let options = MapOptions {
            cooperative_gestures: false,
            deep_links: DeepLinks::Off,
            initial_event,
            language: Some("en".into()),
            raster: None,
        };
        Some(
            view! { <StoryMap story=story id="studio-preview" options=options control=control on_select=on_select /> },
        )
    };

    let press: StoredValue<Option<Press>, LocalStorage> = StoredValue::new_local(None);
    let swallow_click = StoredValue::new(false);
    let down = move |ev: web_sys::PointerEvent| {
        if work.placing.get_untracked().is_some() || ev.button() != 0 {
            return;
        }
        let Some(marker) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".dl-marker[data-kind='place']").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let place = marker
            .get_attribute("data-marker-key")
            .and_then(|k| {
                k.strip_prefix("place-")
                    .and_then(|n| n.parse::<usize>().ok())
            })
            .and_then(|n| {
                shown.with_untracked(|s| {
                    s.as_ref()
                        .and_then(|s| s.places.get(n).map(|p| p.id.clone()))
                })
            });
        let Some(place) = place else { return };
        let dot = marker
            .query_selector(".dl-marker-dot")
            .ok()
            .flatten()
            .map(|d| d.get_bounding_client_rect())
            .map(|r| (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0))
            .unwrap_or((f64::from(ev.client_x()), f64::from(ev.client_y())));
        // The map must not pan under a marker being moved.
        ev.stop_propagation();
        let _ = marker.set_pointer_capture(ev.pointer_id());
        let start = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        press.set_value(Some(Press {
            pointer: ev.pointer_id(),
            place,
            marker,
            start,
            dot,
            dragging: false,
        }));
    };
    let moved = move |ev: web_sys::PointerEvent| {
        press.update_value(|p| {
            let Some(p) = p.as_mut().filter(|p| p.pointer == ev.pointer_id()) else {
                return;
            };
            ev.stop_propagation();
            let (dx, dy) = (
                f64::from(ev.client_x()) - p.start.0,
                f64::from(ev.client_y()) - p.start.1,
            );
            if !p.dragging && dx.hypot(dy) < DRAG_SLOP_PX {
                return;
            }
            p.dragging = true;
            let style = p.marker.style();
            let _ = style.set_property("--dl-ox", &format!("{dx:.1}px"));
            let _ = style.set_property("--dl-oy", &format!("{dy:.1}px"));
            let _ = p.marker.class_list().add_1("st-dragging");
        });
    };
    let up = move |ev: web_sys::PointerEvent| {
        let Some(p) = press.try_update_value(Option::take).flatten() else {
            return;
        };
        ev.stop_propagation();
        if !p.dragging {
            return;
        }
        swallow_click.set_value(true);
        let (dx, dy) = (
            f64::from(ev.client_x()) - p.start.0,
            f64::from(ev.client_y()) - p.start.1,
        );
        let moved_to = control
            .lon_lat_at(p.dot.0 + dx, p.dot.1 + dy)
            .ok()
            .flatten();
        let _ = p.marker.class_list().remove_1("st-dragging");
        match moved_to {
            Some((lon, lat)) => {
                let (lon, lat) = ((lon * 1e4).round() / 1e4, (lat * 1e4).round() / 1e4);
                if work
                    .edit(
                        StoryEdit::MovePlace {
                            place: p.place.clone(),
                            lon,
                            lat,
                        },
                        None,
                    )
                    .is_ok()
                {
                    work.status.set(format!("Moved to {lat:.4}, {lon:.4}."));
                }
            }
            None => {
                let style = p.marker.style();
                let _ = style.set_property("--dl-ox", "0px");
                let _ = style.set_property("--dl-oy", "0px");
            }
        }
    };
    let click = move |ev: web_sys::MouseEvent| {
        if swallow_click.get_value() {
            swallow_click.set_value(false);
            ev.stop_propagation();
            ev.prevent_default();
        }
    };
    view! {
        <section class="st-preview" aria-label="Preview: the story as readers will see it" data-testid="preview"
            on:pointerdown:capture=down on:pointermove:capture=moved on:pointerup:capture=up on:click:capture=click>
            <Show when=move || stale.get()>
                <p class="st-stale" role="status">"The preview shows the last valid version: fix the problems marked in the form."</p>
            </Show>
            <div class="st-map">{map}</div>
            <Show when=move || work.placing.get().is_some()>
                <PlacingOverlay work=work control=control />
            </Show>
        </section>
    }
}
