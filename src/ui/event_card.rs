//! One event of a place, as the details panel lists it.

use leptos::prelude::*;

use crate::story::{format_optional_date, Event};

/// An event's date (at its precision), title, summary, people and sourced quote.
#[component]
pub fn EventCard(
    /// The event to show.
    event: Event,
    /// Whether it is the story's current event (marked, and scrolled into view).
    #[prop(into)]
    current: Signal<bool>,
    /// Called when the reader chooses this event.
    on_select: Callback<()>,
) -> impl IntoView {
    let date_text = format_optional_date(event.date.as_ref());
    let date = match event.date {
        Some(date) => view! { <time datetime=date.iso()>{date_text}</time> }.into_any(),
        None => view! { <span class="dl-undated">{date_text}</span> }.into_any(),
    };
    let people = (!event.people.is_empty()).then(|| {
        view! {
            <p class="dl-event-people">
                <span class="dl-field-name">"People: "</span>
                {event.people.join(", ")}
            </p>
        }
    });
    let source = event.source.map(|source| {
        let dated = source
            .date
            .map(|d| format!(", {}", d.format_en()))
            .unwrap_or_default();
        let link = source.url.clone().map(|url| {
            view! {
                " · "
                <a href=url target="_blank" rel="noopener noreferrer">
                    "Read the source"
                    <span class="dl-visually-hidden">" (opens in a new tab)"</span>
                </a>
            }
        });
        view! {
            <figure class="dl-quote">
                {source.quote.map(|q| view! { <blockquote>{q}</blockquote> })}
                <figcaption>"— " {source.name} {dated} {link}</figcaption>
            </figure>
        }
    });
    // The current event is scrolled into view within the panel.
    let item = NodeRef::<leptos::html::Li>::new();
    Effect::new(move |_| {
        if let (true, Some(el)) = (current.get(), item.get()) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    view! {
        <li
            node_ref=item
            class=move || if current.get() { "dl-event dl-event-current" } else { "dl-event" }
            data-testid="event"
            data-event-id=event.id
            aria-current=move || current.get().then_some("true")
        >
            <p class="dl-event-date" data-testid="event-date">{date}</p>
            <h3 class="dl-event-title" data-testid="event-title">
                <button type="button" class="dl-event-select" on:click=move |_| on_select.run(())>
                    {event.title}
                </button>
            </h3>
            {event.summary.map(|s| view! { <p class="dl-event-summary">{s}</p> })}
            {people}
            {source}
        </li>
    }
}
