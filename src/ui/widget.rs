//! One Dateline widget: loads its story, then shows the map or what went wrong.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::load::{load, LoadError, StorySource};
use crate::story::Story;
use crate::ui::story_errors::StoryErrors;
use crate::ui::story_map::{MapOptions, StoryMap};
use crate::ui::strings;

#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Arc<Story>),
    Failed(LoadError),
}

/// A complete widget for one host element.
#[component]
pub fn Widget(
    /// Where the story comes from.
    source: StorySource,
    /// The widget's id, unique on the page.
    #[prop(into)]
    id: String,
    /// How the map behaves.
    #[prop(optional)]
    options: MapOptions,
) -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    spawn_local(async move {
        state.set(match load(&source).await {
            Ok(story) => LoadState::Ready(Arc::new(story)),
            Err(error) => LoadState::Failed(error),
        });
    });
    let map_id = id.clone();
    view! {
        <div class="dl-root" data-testid="dateline" data-widget-id=id>
            {move || match state.get() {
                LoadState::Loading => {
                    view! { <p class="dl-status" role="status">{strings::LOADING}</p> }.into_any()
                }
                LoadState::Ready(story) => view! { <StoryMap story=story id=map_id.clone() options=options /> }.into_any(),
                LoadState::Failed(error) => view! { <StoryErrors error=error /> }.into_any(),
            }}
        </div>
    }
}
