//! The app: a heading, the map, and a line saying what is open.

use std::sync::Arc;

use dateline::story::{parse, Story};
use dateline::{MapOptions, SelectedEvent, StoryMap, StoryMapControl};
use leptos::prelude::*;

/// The story this app shows: the article Dateline ships with.
const STORY: &str = include_str!("../../../assets/story.geojson");

/// The whole app: the map and what the reader has open in it.
#[component]
pub fn App() -> impl IntoView {
    match parse(STORY) {
        Ok(story) => view! { <StoryPage story=Arc::new(story) /> }.into_any(),
        Err(errors) => view! {
            <ul role="alert">
                {errors.iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}

/// The page around the map: the app's own buttons and status line.
#[component]
fn StoryPage(
    /// The story to show.
    story: Arc<Story>,
) -> impl IntoView {
    let open = RwSignal::new(None::<SelectedEvent>);
    let control = StoryMapControl::new();
    let title = story.title.clone().unwrap_or_default();
    let status = {
        let story = story.clone();
        move || match open.get() {
            Some(selected) => story
                .event(&selected.event_id)
                .map(|(place, event)| format!("Open: {} — {}", place.name, event.title))
                .unwrap_or_default(),
            None => "Open: the overview".to_string(),
        }
    };
    view! {
        <main>
            <h1>{title}</h1>
            <p>
                <button type="button" data-testid="app-kim" on:click=move |_| { let _ = control.select("kim-gift"); }>
                    "Show Kim's gift"
                </button>
                " "
                <button type="button" data-testid="app-overview" on:click=move |_| { let _ = control.overview(); }>
                    "Back to the overview"
                </button>
            </p>
            <p data-testid="app-status" aria-live="polite">{status}</p>
            <div class="map">
                <StoryMap
                    story=story
                    options=MapOptions { cooperative_gestures: false, ..MapOptions::default() }
                    on_select=Callback::new(move |selected| open.set(selected))
                    control=control
                />
            </div>
        </main>
    }
}
