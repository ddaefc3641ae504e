//! The form of one event: every field of the story format, checked as it
//! is typed, with its place in the list and the draft's confirmation.

use leptos::prelude::*;
use serde_json::Value;

use crate::ui::field::TextField;
use crate::ui::work::Work;
use crate::{
    event_by_id, field_text, precision_of, with_precision, EventField, Form, Precision, StoryEdit,
};

/// One field of the form: what it edits, its label, its hint, whether it is a text area.
type Row = (EventField, &'static str, Option<&'static str>, bool);

const TITLE: Row = (EventField::Title, "Title", None, false);
const DATE: Row = (
    EventField::Date,
    "Date",
    Some("YYYY, YYYY-MM or YYYY-MM-DD; empty for no date."),
    false,
);

/// The fields after the date, in the order the form shows them.
const FIELDS: &[Row] = &[
    (
        EventField::DateText,
        "Date as shown, when undated",
        Some("Such as “Spring 1845”; used only without a date."),
        false,
    ),
    (EventField::Summary, "Summary", None, true),
    (
        EventField::People,
        "People",
        Some("One name per line."),
        true,
    ),
    (EventField::SourceName, "Source name", None, false),
    (
        EventField::SourceUrl,
        "Source URL",
        Some("The report's full address, starting with https://."),
        false,
    ),
    (
        EventField::Quote,
        "Quote",
        Some("The words of the source the event rests on."),
        true,
    ),
];

/// The media fields, in their own group.
const MEDIA_FIELDS: &[Row] = &[
    (
        EventField::MediaUrl,
        "Media URL",
        Some("A photo or video page: https://… or a path next to the story file."),
        false,
    ),
    (
        EventField::MediaAlt,
        "Alt text",
        Some("What the picture shows, for people who cannot see it."),
        false,
    ),
    (EventField::MediaCaption, "Caption", None, false),
    (EventField::MediaCredit, "Credit", None, false),
    (
        EventField::MediaLink,
        "Media link",
        Some("A page the picture links to (https://…)."),
        false,
    ),
];

/// The form for the event `event`: its fields, each with its problems, a
/// precision choice for the date, and Confirm, Move up/down and Delete.
#[component]
pub fn EventForm(
    /// The work.
    work: Work,
    /// The event's id.
    #[prop(into)]
    event: String,
) -> impl IntoView {
    let id = StoredValue::new(event.clone());
    let current: Memo<Option<Value>> = Memo::new(move |_| {
        work.session.with(|s| {
            s.story
                .as_ref()
                .and_then(|st| event_by_id(st, &id.get_value()).cloned())
        })
    });
    let text = move |f: EventField| {
        current.with(|e| e.as_ref().map(|e| field_text(e, f)).unwrap_or_default())
    };
    let edit = move |edit: StoryEdit| work.edit(edit, None).is_ok();
    let field = move |(f, label, hint, multiline): Row| -> AnyView {
        let value = Signal::derive(move || text(f));
        let problems = Signal::derive(move || {
            let mine = id.get_value();
            work.problems.with(|all| {
                all.iter()
                    .filter(|p| {
                        matches!(&p.form, Form::Event { id: Some(i), .. } if *i == mine)
                            && f.owns(&p.field)
                    })
                    .map(|p| p.message.clone())
                    .collect()
            })
        });
        let on_input = Callback::new(move |text: String| {
            let value = Value::String(text);
            let group = format!("event:{}:{}", id.get_value(), f.path());
            let _ = work.edit(
                StoryEdit::SetEventField {
                    event: id.get_value(),
                    field: f,
                    value,
                },
                Some(&group),
            );
        });
        let dom_id = format!("event-{}", f.path().replace('.', "-"));
        view! {
            <TextField label=label id=dom_id value=value problems=problems on_input=on_input
                on_blur=Callback::new(move |()| work.close_group()) multiline=multiline hint=hint />
        }
        .into_any()
    };
    let precision = move || precision_of(&text(EventField::Date));
    let on_precision = move |ev: web_sys::Event| {
        let chosen = match event_target_value(&ev).as_str() {
            "day" => Precision::Day,
            "month" => Precision::Month,
            "year" => Precision::Year,
            _ => Precision::Undated,
        };
        // An undated event given a precision starts from its source's date, to be corrected.
        let mut date = text(EventField::Date);
        if date.is_empty() {
            date = current
                .with_untracked(|e| {
                    e.as_ref()
                        .and_then(|e| e["source"]["date"].as_str().map(str::to_string))
                })
                .unwrap_or_default();
        }
        let value = Value::String(with_precision(&date, chosen));
        edit(StoryEdit::SetEventField {
            event: id.get_value(),
            field: EventField::Date,
            value,
        });
    };
    let is_draft = move || current.with(|e| e.as_ref().is_some_and(|e| e["draft"] == true));
    let review = move || {
        current.with(|e| {
            e.as_ref()
                .and_then(|e| e["review"].as_str().map(str::to_string))
        })
    };
    let confirm = move |_| {
        if edit(StoryEdit::ConfirmEvent {
            event: id.get_value(),
        }) {
            work.status.set("Event confirmed.".into());
        }
    };
    let move_by = move |by: i64| {
        edit(StoryEdit::MoveEvent {
            event: id.get_value(),
            by,
        })
    };
    let delete = move |_| {
        if edit(StoryEdit::DeleteEvent {
            event: id.get_value(),
        }) {
            work.selected.set(None);
            work.status
                .set("Event deleted. Undo (Ctrl+Z) brings it back.".into());
        }
    };
    let option = move |value: &'static str, label: &'static str, p: Precision| {
        view! { <option value=value selected=move || precision() == p>{label}</option> }
    };
    view! {
        <section class="st-form" aria-labelledby="event-form-heading" data-testid="event-form">
            <h2 id="event-form-heading">"Event: " {move || text(EventField::Title)}</h2>
            <Show when=is_draft>
                <div class="st-draft-note">
                    <p><span class="st-badge">"Draft"</span> {move || review().unwrap_or_else(|| "Drafted from the article: check it, then confirm it.".into())}</p>
                    <button type="button" on:click=confirm>"Confirm"</button>
                </div>
            </Show>
            {field(TITLE)}
            {field(DATE)}
            <div class="st-field">
                <label for="event-precision">"Date precision"</label>
                <select id="event-precision" on:change=on_precision>
                    {option("day", "Day", Precision::Day)}
                    {option("month", "Month", Precision::Month)}
                    {option("year", "Year", Precision::Year)}
                    {option("undated", "No date", Precision::Undated)}
                </select>
            </div>
            {FIELDS.iter().map(|row| field(*row)).collect_view()}
            <fieldset class="st-group">
                <legend>"Media"</legend>
                {MEDIA_FIELDS.iter().map(|row| field(*row)).collect_view()}
            </fieldset>
            <div class="st-actions">
                <button type="button" on:click=move |_| { move_by(-1); }>"Move up"</button>
                <button type="button" on:click=move |_| { move_by(1); }>"Move down"</button>
                <button type="button" class="st-danger" on:click=delete>"Delete event"</button>
            </div>
        </section>
    }
}
