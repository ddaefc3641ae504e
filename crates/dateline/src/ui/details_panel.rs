//! The panel beside (or, on narrow maps, under) the map: the story's
//! overview, or the place of the current event with all its events.

use std::sync::Arc;

use leptos::prelude::*;

use crate::selection::Selection;
use crate::story::Story;
use crate::timeline::EventRef;
use crate::ui::event_card::EventCard;
use crate::ui::locale::use_locale;
use crate::ui::overview::Overview;

/// How far down (px) the header must be swiped to dismiss the panel.
const SWIPE_CLOSE_PX: f64 = 60.0;

/// The overview, or the current event's place with its events in date order
/// (the current one marked); nothing while the panel is closed.
#[component]
pub fn DetailsPanel(
    /// The story the selection points into.
    story: Arc<Story>,
    /// Every event in reading order; `Selection::Event` indexes it.
    order: Arc<Vec<EventRef>>,
    /// What to show.
    selection: RwSignal<Selection>,
    /// Whether only the heading bar shows (a bottom sheet not opened yet).
    collapsed: RwSignal<bool>,
    /// Whether the panel is a bottom sheet (then it can collapse to its heading bar).
    #[prop(into)]
    sheet: Signal<bool>,
    /// A notice for the overview (e.g. a link to an unknown event).
    #[prop(into)]
    notice: Signal<Option<String>>,
    /// id of the panel's heading, which labels the panel.
    #[prop(into)]
    heading_id: String,
    /// Called by the close button.
    on_close: Callback<()>,
    /// Called with an index into `order` when an event is chosen in the panel.
    on_select: Callback<usize>,
) -> impl IntoView {
    let words = use_locale().words;
    let open = Memo::new(move |_| selection.with(|s| *s != Selection::Closed));
    let at_overview = Memo::new(move |_| selection.with(|s| *s == Selection::Overview));
    // The overview is built when first shown, then kept (hidden) while the
    // panel stays open: going from it to a place tears nothing down.
    // (An effect, not a memo: a memo nobody reads while the panel is closed
    // would not see it close.)
    let keep_overview = RwSignal::new(false);
    Effect::new(move |_| {
        let keep = match selection.get() {
            Selection::Closed => false,
            Selection::Overview => true,
            Selection::Event(_) => return,
        };
        if keep_overview.get_untracked() != keep {
            keep_overview.set(keep);
        }
    });
    // Rebuilt when the place changes, not on every step within one place.
    let places_order = order.clone();
    let place = Memo::new(move |_| match selection.get() {
        Selection::Event(k) => places_order.get(k).map(|r| r.place),
        _ => None,
    });
    let (story_for_view, order_for_view) = (story.clone(), order.clone());
    // A downward swipe on the header dismisses the panel, an upward one opens
    // a folded sheet (the bottom sheet's gestures).
    let swipe_from = StoredValue::new(None::<f64>);
    let swipe_start = move |ev: web_sys::PointerEvent| {
        swipe_from.set_value(Some(f64::from(ev.client_y())));
    };
    // Capture only once it is a swipe: a capture at pointerdown would take the
    // click away from the close button.
    let swipe_move = move |ev: web_sys::PointerEvent| {
        let swiping = swipe_from
            .get_value()
            .is_some_and(|y0| (f64::from(ev.client_y()) - y0).abs() > 8.0);
        if let Some(el) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .filter(|_| swiping)
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };
    let swipe_end = move |ev: web_sys::PointerEvent| {
        if let Some(y0) = swipe_from.get_value() {
            swipe_from.set_value(None);
            let dy = f64::from(ev.client_y()) - y0;
            if dy > SWIPE_CLOSE_PX {
                on_close.run(());
            } else if dy < -SWIPE_CLOSE_PX && collapsed.get_untracked() {
                collapsed.set(false);
            }
        }
    };
    // A collapsed sheet opens from anywhere on its bar but its buttons.
    let bar_click = move |ev: web_sys::MouseEvent| {
        let on_button = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .is_some();
        if !on_button && collapsed.get_untracked() {
            collapsed.set(false);
        }
    };
    let body_id = format!("{heading_id}-body");
    let toggle = {
        let body_id = body_id.clone();
        move || {
            sheet.get().then(|| {
                view! {
                    <button
                        type="button"
                        class="dl-sheet-toggle"
                        data-testid="panel-toggle"
                        aria-label=words.panel_toggle
                        aria-controls=body_id.clone()
                        aria-expanded=move || (!collapsed.get()).to_string()
                        on:click=move |_| collapsed.update(|c| *c = !*c)
                    >
                        <span aria-hidden="true">{move || if collapsed.get() { "▴" } else { "▾" }}</span>
                    </button>
                }
            })
        }
    };
    let title_story = story.clone();
    let title = move || match place.get() {
        Some(index) => title_story
            .places
            .get(index)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        None => title_story
            .title
            .clone()
            .unwrap_or_else(|| words.untitled_story.to_string()),
    };
    let overview = {
        let (story, order) = (story.clone(), order.clone());
        move || {
            keep_overview.get().then(|| {
                view! {
                    <div hidden=move || !at_overview.get()>
                        <Overview story=story.clone() order=order.clone() notice=notice on_select=on_select />
                    </div>
                }
            })
        }
    };
    let place_body = move || {
        let (story, order) = (story_for_view.clone(), order_for_view.clone());
        let index = place.get()?;
        let place = story.places.get(index)?;
        let events = place
            .events
            .iter()
            .enumerate()
            .map(|(e, event)| {
                let k = order.iter().position(|r| r.place == index && r.event == e);
                let current = Signal::derive(move || {
                    k.is_some_and(|k| selection.get() == Selection::Event(k))
                });
                let select = Callback::new(move |()| {
                    if let Some(k) = k {
                        on_select.run(k);
                    }
                });
                view! { <EventCard event=event.clone() current=current on_select=select /> }
            })
            .collect_view();
        Some(view! {
            <p class="dl-panel-meta">{words.events(place.events.len() as u64)}</p>
            <ol class="dl-events">{events}</ol>
        })
    };
    move || {
        let (title, overview, place_body) = (title.clone(), overview.clone(), place_body.clone());
        let (toggle, body_id) = (toggle.clone(), body_id.clone());
        open.get().then(|| {
view! {
            <section
                class="dl-panel"
                class:dl-panel-collapsed=move || collapsed.get()
                aria-labelledby=heading_id.clone()
                data-testid="panel"
            >
                <div
                    class="dl-panel-header"
                    data-testid="panel-handle"
                    on:pointerdown=swipe_start
                    on:pointermove=swipe_move
                    on:pointerup=swipe_end
                    on:pointercancel=move |_| swipe_from.set_value(None)
                    on:click=bar_click
                >
                    <h2 class="dl-panel-heading" id=heading_id.clone() tabindex="-1" data-testid="panel-heading" dir="auto">
                        {title}
                    </h2>
                    {toggle}
                    <button
                        type="button"
                        class="dl-close"
                        data-testid="panel-close"
                        aria-label=words.close_details
                        on:click=move |_| on_close.run(())
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
                <div class="dl-panel-body" id=body_id hidden=move || collapsed.get()>
                    {overview}
                    {place_body}
                </div>
            </section>
        }
        })
    }
}
