//! The article beside the draft, with the sentences each event rests on
//! marked: choosing an event scrolls to its sentence, and clicking a marked
//! sentence chooses its event.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::work::{Selected, Work};
use crate::{segments, source_spans};

/// The article text, its events' sentences highlighted.
#[component]
pub fn ArticlePane(
    /// The work.
    work: Work,
) -> impl IntoView {
    let runs = Memo::new(move |_| {
        work.session.with(|s| {
            let spans = s
                .story
                .as_ref()
                .map(|st| source_spans(&s.article, st))
                .unwrap_or_default();
            segments(&s.article, &spans)
                .into_iter()
                .filter_map(|(r, e)| Some((s.article.get(r)?.to_string(), e)))
                .collect::<Vec<_>>()
        })
    });
    let current = move || match work.selected.get() {
        Some(Selected::Event(id)) => Some(id),
        _ => None,
    };
    let pane = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (Some(id), Some(pane)) = (current(), pane.get()) else {
            return;
        };
        runs.track();
        let selector = format!("mark[data-event=\"{}\"]", id.replace(['"', '\\'], ""));
        // Only the article scrolls: the preview beside it stays where it is.
        if let Some(mark) = pane.query_selector(&selector).ok().flatten() {
            let (at, view) = (
                mark.get_bounding_client_rect(),
                pane.get_bounding_client_rect(),
            );
            if at.top() < view.top() || at.bottom() > view.bottom() {
                let by = at.top() - view.top() - view.height() / 4.0;
                pane.set_scroll_top(pane.scroll_top() + by as i32);
            }
        }
    });
    let choose = move |ev: web_sys::MouseEvent| {
        let event = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("mark[data-event]").ok().flatten())
            .and_then(|m| m.get_attribute("data-event"));
        if let Some(event) = event {
            work.selected.set(Some(Selected::Event(event)));
        }
    };
    let empty = move || work.session.with(|s| s.article.trim().is_empty());
    view! {
        <section class="st-article-pane" aria-labelledby="article-heading">
            <h2 id="article-heading">"Article"</h2>
            <Show when=move || !empty() fallback=|| view! { <p class="st-hint">"This story was not drafted from an article, so there is no text to show."</p> }>
                <p class="st-hint">"Marked: the sentences an event rests on. Click one to open its event."</p>
                <div class="st-article" node_ref=pane tabindex="0" role="region" aria-label="Article text" on:click=choose data-testid="article">
                    {move || {
                        let now = current();
                        runs.get().into_iter().map(|(text, event)| match event {
                            Some(e) => {
                                let on = now.as_deref() == Some(e.as_str());
                                view! { <mark data-event=e class:st-current=on>{text}</mark> }.into_any()
                            }
                            None => text.into_any(),
                        }).collect_view()
                    }}
                </div>
            </Show>
        </section>
    }
}
