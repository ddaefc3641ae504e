//! The form of the story's own fields: title, summary and journey line,
//! with the problems of the story as a whole.

use leptos::prelude::*;

use crate::ui::field::TextField;
use crate::ui::work::Work;
use crate::{plain_summary, Form, StoryEdit};

/// The story's title, summary and journey line.
#[component]
pub fn StoryForm(
    /// The work.
    work: Work,
) -> impl IntoView {
    let prop = move |key: &'static str| {
        Signal::derive(move || {
            work.session.with(|s| {
                s.story
                    .as_ref()
                    .map(|st| match key {
                        "summary" => plain_summary(&st["properties"]["summary"]),
                        _ => st["properties"][key]
                            .as_str()
                            .unwrap_or_default()
                            .to_string(),
                    })
                    .unwrap_or_default()
            })
        })
    };
    let problems_at = move |field: &'static str| {
        Signal::derive(move || {
            work.problems.with(|all| {
                all.iter()
                    .filter(|p| {
                        p.form == Form::Story
                            && (p.field == field
                                || (field.is_empty()
                                    && !["title", "summary", "line"].contains(&p.field.as_str())))
                    })
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let line = move || {
        work.session.with(|s| {
            s.story
                .as_ref()
                .is_some_and(|st| st["properties"]["line"] == true)
        })
    };
    let blur = Callback::new(move |()| work.close_group());
    let whole = problems_at("");
    view! {
        <section class="st-form" aria-labelledby="story-form-heading" data-testid="story-form">
            <h2 id="story-form-heading">"The story"</h2>
            <ul class="st-problems">{move || whole.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <TextField label="Story title" id="story-title" value=prop("title") problems=problems_at("title")
                on_input=Callback::new(move |t| { let _ = work.edit(StoryEdit::StoryTitle(t), Some("story:title")); }) on_blur=blur />
            <TextField label="Story summary" id="story-summary" value=prop("summary") problems=problems_at("summary") multiline=true
                on_input=Callback::new(move |t| { let _ = work.edit(StoryEdit::StorySummary(t), Some("story:summary")); }) on_blur=blur />
            <div class="st-field st-check">
                <input id="story-line" type="checkbox" prop:checked=line
                    on:change=move |ev| { let _ = work.edit(StoryEdit::JourneyLine(event_target_checked(&ev)), None); } />
                <label for="story-line">"Join the places with a journey line, in reading order"</label>
            </div>
        </section>
    }
}
