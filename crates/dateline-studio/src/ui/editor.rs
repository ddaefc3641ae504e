//! The editor: the list and the chosen form, the live preview, and the
//! article with the way out beside it.

use leptos::prelude::*;

use crate::ui::article_pane::ArticlePane;
use crate::ui::event_form::EventForm;
use crate::ui::place_form::PlaceForm;
use crate::ui::preview::Preview;
use crate::ui::story_form::StoryForm;
use crate::ui::story_list::StoryList;
use crate::ui::take_away::TakeAway;
use crate::ui::work::{Selected, Work};

/// The panes of a story being edited.
#[component]
pub fn Editor(
    /// The work.
    work: Work,
) -> impl IntoView {
    // The form is made again only when another item is chosen, never per keystroke.
    let chosen = Memo::new(move |_| work.selected.get());
    let form = move || match chosen.get() {
        Some(Selected::Event(id)) => view! { <EventForm work=work event=id /> }.into_any(),
        Some(Selected::Place(id)) => view! { <PlaceForm work=work place=id /> }.into_any(),
        Some(Selected::Story) => view! { <StoryForm work=work /> }.into_any(),
        None => {
            view! { <p class="st-hint st-form">"Choose a place or an event below to edit it."</p> }
                .into_any()
        }
    };
    view! {
        <div class="st-editor" data-testid="editor">
            <div class="st-pane st-pane-edit">
                <div class="st-form-area">{form}</div>
                <StoryList work=work />
            </div>
            <div class="st-pane st-pane-view">
                <Preview work=work />
                <div class="st-pane-side">
                    <ArticlePane work=work />
                    <TakeAway work=work />
                </div>
            </div>
        </div>
    }
}
