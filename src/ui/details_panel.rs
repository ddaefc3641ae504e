//! The panel that shows what happened at the selected place.

use std::sync::Arc;

use leptos::prelude::*;

use crate::markers::count_events;
use crate::story::Story;
use crate::ui::event_card::EventCard;
use crate::ui::Selection;

/// Details of the selected place: its events in date order; nothing while the selection is empty.
#[component]
pub fn DetailsPanel(
    /// The story the selection points into.
    story: Arc<Story>,
    /// What to show.
    selection: RwSignal<Selection>,
    /// id of the panel's heading, which labels the panel.
    #[prop(into)]
    heading_id: String,
    /// Called by the close button.
    on_close: Callback<()>,
) -> impl IntoView {
    move || {
        let (title, body) = match selection.get() {
            Selection::None => return None,
            Selection::Place(i) => {
                let place = story.places.get(i)?;
                let events = place
                    .events
                    .iter()
                    .cloned()
                    .map(|event| view! { <EventCard event=event /> })
                    .collect_view();
                let body = view! {
                    <p class="dl-panel-meta">{count_events(place.events.len() as u64)}</p>
                    <ol class="dl-events">{events}</ol>
                }
                .into_any();
                (place.name.clone(), body)
            }
        };
        Some(view! {
            <section class="dl-panel" aria-labelledby=heading_id.clone() data-testid="panel">
                <div class="dl-panel-header">
                    <h2 class="dl-panel-heading" id=heading_id.clone() tabindex="-1" data-testid="panel-heading">
                        {title}
                    </h2>
                    <button
                        type="button"
                        class="dl-close"
                        data-testid="panel-close"
                        aria-label="Close details"
                        on:click=move |_| on_close.run(())
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
                {body}
            </section>
        })
    }
}
