//! The story's overview: where a reader starts, and the whole story in order
//! for anyone who would rather read it than explore the map.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::fill;
use crate::story::Story;
use crate::timeline::EventRef;
use crate::ui::locale::use_locale;
use crate::ui::rich_text::RichTextView;

/// How many events the list shows at first, and adds per "show more".
const LIST_PAGE: usize = 25;

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
    let locale = use_locale();
    let words = locale.words;
    let dated: Vec<_> = order
        .iter()
        .filter_map(|r| r.resolve(&story))
        .filter_map(|(_, e)| e.date)
        .collect();
    let span = match (dated.first(), dated.last()) {
        (Some(first), Some(last)) if first != last => {
            format!("{} – {}", locale.date(first), locale.date(last))
        }
        (Some(only), _) => locale.date(only),
        _ => words.undated.to_string(),
    };
    let facts = format!(
        "{} · {} · {span}",
        words.events(order.len() as u64),
        words.count(&words.places, story.places.len() as u64),
    );
    // A long story lists its first events, then more on request: the DOM stays small.
    let shown = RwSignal::new(LIST_PAGE.min(order.len()));
    let story_for_list = story.clone();
    let list_order = order.clone();
    let items = move || {
        let order = list_order.clone();
        let story = story_for_list.clone();
        order
            .iter()
            .take(shown.get())
            .enumerate()
            .filter_map(|(k, r)| r.resolve(&story).map(|(p, e)| (k, p, e)))
            .map(|(k, place, event)| {
                let date = locale.when(event);
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
                            <span class="dl-story-item-title" dir="auto">{event.title.clone()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let total = order.len();
    let more = move || {
        (shown.get() < total).then(|| {
            view! {
                <button
                    type="button"
                    class="dl-more"
                    data-testid="story-list-more"
                    on:click=move |_| shown.update(|n| *n = (*n + LIST_PAGE).min(total))
                >
                    {fill(words.show_more, &[("shown", &shown.get().to_string()), ("total", &total.to_string())])}
                </button>
            }
        })
    };
    view! {
        {move || notice.get().map(|n| view! { <p class="dl-notice" role="status" data-testid="notice">{n}</p> })}
        {story.summary.clone().map(|text| view! { <RichTextView text=text class="dl-story-summary" /> })}
        {(!story.notices.is_empty()).then(|| {
            let items = story
                .notices
                .iter()
                .map(|n| view! { <li data-testid="import-notice">{n.to_string()}</li> })
                .collect_view();
            view! {
                <div class="dl-notice dl-import-notices" data-testid="import-notices">
                    <p class="dl-import-notices-title">{words.count(&words.left_out, story.notices.len() as u64)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })}
        <p class="dl-panel-meta" data-testid="story-facts">{facts}</p>
        <button
            type="button"
            class="dl-start"
            data-testid="story-start"
            on:click=move |_| on_select.run(0)
            disabled=order.is_empty()
        >
            {words.start_story}
        </button>
        <h3 class="dl-story-list-heading">{words.events_in_order}</h3>
        <ol class="dl-story-list" data-testid="story-list">{items}</ol>
        {more}
    }
}
