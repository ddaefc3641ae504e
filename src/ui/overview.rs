//! The story's overview: where a reader starts, and the whole story in order
//! for anyone who would rather read it than explore the map.

use std::sync::Arc;

use leptos::prelude::*;

use crate::markers::count_events;
use crate::story::{format_optional_date, Story};
use crate::timeline::EventRef;

/// Title, summary, counts and span of the story, a Start button, and every
/// event in reading order (each opens that event).
#[component]
pub fn Overview(
    /// The story.
    story: Arc<Story>,
    /// Every event in reading order.
    order: Arc<Vec<EventRef>>,
    /// A notice to show first (e.g. a link to an unknown event), if any.
    #[prop(into)]
    notice: Signal<Option<String>>,
    /// Called with an index into `order` when an event is chosen.
    on_select: Callback<usize>,
) -> impl IntoView {
    let dated: Vec<_> = order
        .iter()
        .filter_map(|r| r.resolve(&story))
        .filter_map(|(_, e)| e.date)
        .collect();
    let span = match (dated.first(), dated.last()) {
        (Some(first), Some(last)) if first != last => {
            format!("{} – {}", first.format_en(), last.format_en())
        }
        (Some(only), _) => only.format_en(),
        _ => "undated".to_string(),
    };
    let places = story.places.len();
    let facts = format!(
        "{} · {} {} · {span}",
        count_events(order.len() as u64),
        places,
        if places == 1 { "place" } else { "places" }
    );
    let items = order
        .iter()
        .enumerate()
        .filter_map(|(k, r)| r.resolve(&story).map(|(p, e)| (k, p, e)))
        .map(|(k, place, event)| {
            let date = format_optional_date(event.date.as_ref());
            view! {
                <li>
                    <button
                        type="button"
                        class="dl-story-item"
                        data-testid="story-list-item"
                        data-event-id=event.id.clone()
                        on:click=move |_| on_select.run(k)
                    >
                        <span class="dl-story-item-when">{date} ", " {place.name.clone()}</span>
                        <span class="dl-story-item-title">{event.title.clone()}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        {move || notice.get().map(|n| view! { <p class="dl-notice" role="status" data-testid="notice">{n}</p> })}
        {story.summary.clone().map(|s| view! { <p class="dl-story-summary">{s}</p> })}
        <p class="dl-panel-meta" data-testid="story-facts">{facts}</p>
        <button
            type="button"
            class="dl-start"
            data-testid="story-start"
            on:click=move |_| on_select.run(0)
            disabled=order.is_empty()
        >
            "Start the story"
        </button>
        <h3 class="dl-story-list-heading">"Events in order"</h3>
        <ol class="dl-story-list" data-testid="story-list">{items}</ol>
    }
}
