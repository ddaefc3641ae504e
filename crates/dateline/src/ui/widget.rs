//! One embedded Dateline widget: loads its story (again whenever the source
//! changes), then shows the [`StoryMap`] or what went wrong.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::import::Format;
use crate::load::{load, LoadError, StorySource};
use crate::story::Story;
use crate::ui::control::{SelectedEvent, StoryMapControl};
use crate::ui::locale::{use_locale, Locale};
use crate::ui::options::MapOptions;
use crate::ui::story_errors::StoryErrors;
use crate::ui::story_map::StoryMap;
use crate::ui::styles::ensure_styles;
use crate::ui::tasks::Tasks;

#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Arc<Story>),
    Failed(LoadError),
}

/// What a widget says when its story is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ready {
    /// How many places the story has.
    pub places: usize,
    /// How many events.
    pub events: usize,
}

/// A complete widget for one host element: the story map, or while its
/// story loads a status line, or if it cannot be shown every problem with it.
#[component]
pub fn Widget(
    /// Where the story comes from; setting it loads and shows the new story.
    source: RwSignal<StorySource>,
    /// Whether the story is a spreadsheet (else it is told by its content
    /// type, its address or its content). Default: found out.
    #[prop(optional)]
    format: Format,
    /// The widget's id, unique on the page.
    #[prop(into)]
    id: String,
    /// How the map behaves.
    #[prop(optional)]
    options: MapOptions,
    /// Lets the host page open events from outside.
    #[prop(optional)]
    control: Option<StoryMapControl>,
    /// Called once a story is shown (after the frame that draws it).
    #[prop(optional)]
    on_ready: Option<Callback<Ready>>,
    /// Called when a story cannot be shown.
    #[prop(optional)]
    on_error: Option<Callback<LoadError>>,
    /// Called when the open event changes (`None`: the overview, or closed).
    #[prop(optional)]
    on_select: Option<Callback<Option<SelectedEvent>>>,
) -> impl IntoView {
    let tasks = Tasks::new();
    let locale = match &options.language {
        Some(tag) => Locale::for_tag(tag),
        None => use_locale(),
    };
    let words = locale.words;
    provide_context(locale);
    let state = RwSignal::new(LoadState::Loading);
    // Loads are numbered, so a slow earlier load cannot replace a later one.
    let loads = StoredValue::new(0u64);
    Effect::new(move |_| {
        let source = source.get();
        let Some(this) = loads.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        state.set(LoadState::Loading);
        spawn_local(async move {
            let outcome = load(&source, format).await;
            if loads.try_get_value() != Some(this) {
                return;
            }
            match outcome {
                Ok(story) => {
                    let ready = Ready {
                        places: story.places.len(),
                        events: story.event_count(),
                    };
                    state.set(LoadState::Ready(Arc::new(story)));
                    if let Some(on_ready) = on_ready {
                        // After the frame that draws the map.
                        tasks.frame(move || tasks.frame(move || on_ready.run(ready)));
                    }
                }
                Err(error) => {
                    state.set(LoadState::Failed(error.clone()));
                    if let Some(on_error) = on_error {
                        on_error.run(error);
                    }
                }
            }
        });
    });
    let control = control.unwrap_or_default();
    let on_select = Callback::new(move |event| {
        if let Some(on_select) = on_select {
            on_select.run(event);
        }
    });
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            ensure_styles(&root);
        }
    });
    move || match state.get() {
        LoadState::Ready(story) => view! {
            <StoryMap
                story=story
                id=id.clone()
                options=options.clone()
                control=control
                on_select=on_select
            />
        }
        .into_any(),
        other => {
            let body = match other {
                LoadState::Failed(error) => view! { <StoryErrors error=error /> }.into_any(),
                _ => view! { <p class="dl-status" role="status">{words.loading}</p> }.into_any(),
            };
            view! {
                <div class="dl-root" data-testid="dateline" data-widget-id=id.clone() node_ref=root>
                    {body}
                </div>
            }
            .into_any()
        }
    }
}
