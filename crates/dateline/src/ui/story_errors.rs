//! What a widget shows instead of a map when its story cannot be shown.

use leptos::prelude::*;

use crate::load::LoadError;
use crate::ui::locale::use_locale;

/// A readable message naming every problem with the story, so its author can fix it.
#[component]
pub fn StoryErrors(
    /// Why the story could not be shown.
    error: LoadError,
) -> impl IntoView {
    let details = match &error {
        LoadError::Invalid { errors, .. } => errors.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    let list = (!details.is_empty()).then(|| {
        view! {
            <ul class="dl-error-list">
                {details.into_iter().map(|d| view! { <li data-testid="story-error-item">{d}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <div class="dl-error" role="alert" data-testid="story-error">
            <p class="dl-error-title">{use_locale().load_error(&error)}</p>
            {list}
        </div>
    }
}
