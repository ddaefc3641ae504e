//! Putting a place on the map: an overlay over the preview that takes one
//! click, or, from the keyboard, a crosshair moved with the arrow keys and
//! put down with Enter. Escape cancels (see the app's keys).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::work::Work;
use crate::StoryEdit;
use dateline::ui::control::StoryMapControl;

/// How far an arrow key moves the crosshair, in px (with Shift, five times as far).
const STEP_PX: f64 = 10.0;

/// Moves the place waiting to be placed to the page point (`x`, `y`), if it is on the map.
fn place_at(work: Work, control: StoryMapControl, x: f64, y: f64) {
    let Some(place) = work.placing.get_untracked() else {
        return;
    };
    let Ok(Some((lon, lat))) = control.lon_lat_at(x, y) else {
        return;
    };
    let (lon, lat) = ((lon * 1e4).round() / 1e4, (lat * 1e4).round() / 1e4);
    if work
        .edit(StoryEdit::MovePlace { place, lon, lat }, None)
        .is_ok()
    {
        work.placing.set(None);
        work.status.set(format!("Placed at {lat:.4}, {lon:.4}."));
    }
}

/// The overlay shown while a place waits for its position.
#[component]
pub fn PlacingOverlay(
    /// The work.
    work: Work,
    /// The preview map's control (it turns a page point into a position).
    control: StoryMapControl,
) -> impl IntoView {
    let overlay = NodeRef::<leptos::html::Div>::new();
    // The crosshair, from the overlay's centre, in px.
    let offset = RwSignal::new((0.0f64, 0.0f64));
    // Focus comes here, and goes back to where it was (Place on the map) once placed or cancelled.
    let before = send_wrapper::SendWrapper::new(document().active_element());
    on_cleanup(move || {
        if let Some(el) = before
            .take()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            if el.is_connected() {
                let _ = el.focus();
            }
        }
    });
    Effect::new(move |_| {
        if let Some(el) = overlay.get() {
            let _ = el.focus();
        }
    });
    let centre = move || {
        let rect = overlay.get_untracked()?.get_bounding_client_rect();
        Some((
            rect.left() + rect.width() / 2.0,
            rect.top() + rect.height() / 2.0,
        ))
    };
    let keys = move |ev: web_sys::KeyboardEvent| {
        let step = if ev.shift_key() {
            STEP_PX * 5.0
        } else {
            STEP_PX
        };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            "ArrowUp" => (0.0, -step),
            "ArrowDown" => (0.0, step),
            "Enter" | " " => {
                ev.prevent_default();
                if let Some((x, y)) = centre() {
                    let (ox, oy) = offset.get_untracked();
                    place_at(work, control, x + ox, y + oy);
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        offset.update(|(x, y)| {
            *x += dx;
            *y += dy;
        });
    };
    let name = move || {
        let id = work.placing.get()?;
        work.places()
            .into_iter()
            .find(|r| r.id == id)
            .map(|r| r.name)
    };
    view! {
        <div class="st-placing" data-testid="placing-overlay" node_ref=overlay tabindex="0" role="application"
            aria-label=move || format!("Put {} on the map: click where it is, or move the crosshair with the arrow keys and press Enter. Escape cancels.", name().unwrap_or_default())
            on:click=move |ev| place_at(work, control, f64::from(ev.client_x()), f64::from(ev.client_y()))
            on:keydown=keys>
            <p class="st-placing-hint">{move || format!("Click the map where {} is, or use the arrow keys and Enter. Escape cancels.", name().unwrap_or_default())}</p>
            <span class="st-crosshair" aria-hidden="true"
                style:--st-ox=move || format!("{:.0}px", offset.get().0)
                style:--st-oy=move || format!("{:.0}px", offset.get().1)></span>
        </div>
    }
}
