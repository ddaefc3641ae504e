//! One event of a place, as the details panel lists it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::story::Event;
use crate::ui::locale::use_locale;
use crate::ui::media_view::MediaView;
use crate::ui::rich_text::RichTextView;
use crate::ui::tasks::Tasks;

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
    let locale = use_locale();
    let words = locale.words;
    let date_text = locale.when(&event);
    let date = match event.date {
        Some(date) => view! { <time datetime=date.iso()>{date_text}</time> }.into_any(),
        None => view! { <span class="dl-undated">{date_text}</span> }.into_any(),
    };
    let people = (!event.people.is_empty()).then(|| {
        view! {
            <p class="dl-event-people">
                <span class="dl-field-name">{words.people}</span>
                {event.people.join(", ")}
            </p>
        }
    });
    let source = event.source.map(|source| {
        let dated = source
            .date
            .map(|d| format!(", {}", locale.date(&d)))
            .unwrap_or_default();
        let link = source.url.clone().map(|url| {
            view! {
                " · "
                <a href=url target="_blank" rel="noopener noreferrer">
                    {words.read_source}
                    <span class="dl-visually-hidden">{words.opens_new_tab}</span>
                </a>
            }
        });
        view! {
            <figure class="dl-quote">
                {source.quote.map(|q| view! { <blockquote dir="auto">{q}</blockquote> })}
                <figcaption>"— " {source.name} {dated} {link}</figcaption>
            </figure>
        }
    });
    // The current event is scrolled into view within the panel.
    let item = NodeRef::<leptos::html::Li>::new();
    let tasks = Tasks::current();
    Effect::new(move |_| {
        if current.get() {
            // In the next frame's callbacks: reading the layout there costs no
            // extra layout, while the panel is still being built it would.
            tasks.frame(move || scroll_into_panel(current, item));
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
            <h3 class="dl-event-title" data-testid="event-title" dir="auto">
                <button type="button" class="dl-event-select" on:click=move |_| on_select.run(())>
                    {event.title}
                </button>
            </h3>
            {event.summary.map(|text| view! { <RichTextView text=text class="dl-event-summary" /> })}
            {(!event.media.is_empty()).then(|| {
                event.media.into_iter().map(|media| view! { <MediaView media=media /> }).collect_view()
            })}
            {people}
            {source}
        </li>
    }
}

/// Scrolls the panel (and only the panel: scrollIntoView would also scroll
/// the widget and the host page) so that the current event `item` shows.
fn scroll_into_panel(current: Signal<bool>, item: NodeRef<leptos::html::Li>) {
    // The card may be gone by the next frame (the reader stepped on).
    let (Some(true), Some(Some(el))) = (current.try_get_untracked(), item.try_get_untracked())
    else {
        return;
    };
    let Some(panel) = el
        .closest(".dl-panel")
        .ok()
        .flatten()
        .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // The panel is the item's offset parent (it is positioned); its sticky
    // header covers the top of the scrolled area.
    let header = panel
        .query_selector(".dl-panel-header")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        .map_or(0, |h| h.offset_height());
    let (top, bottom) = (
        el.offset_top() - header,
        el.offset_top() + el.offset_height(),
    );
    if top < panel.scroll_top() {
        panel.set_scroll_top(top);
    } else if bottom > panel.scroll_top() + panel.client_height() {
        panel.set_scroll_top((bottom - panel.client_height()).min(top));
    }
}
