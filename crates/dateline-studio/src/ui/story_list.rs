//! The list beside the preview: the story's own fields, then its places
//! (those to review first, with why and their candidates) and their events,
//! drafts marked until confirmed.

use leptos::prelude::*;

use crate::ui::review::PlaceReview;
use crate::ui::work::{Selected, Work};
use crate::{drafts_left, EventRow, PlaceRow, StoryEdit};

/// The story's places and events as a list to choose from and review.
#[component]
pub fn StoryList(
    /// The work.
    work: Work,
) -> impl IntoView {
    let rows = Memo::new(move |_| work.places());
    let drafts = Memo::new(move |_| {
        work.session
            .with(|s| s.story.as_ref().map(drafts_left).unwrap_or(0))
    });
    let confirm_all = move |_| {
        if work.edit(StoryEdit::ConfirmAll, None).is_ok() {
            work.status.set("Every event is confirmed.".into());
        }
    };
    let add_place = move |_| {
        let (lon, lat) = work.session.with_untracked(|s| {
            let c = &s
                .story
                .as_ref()
                .map(|st| st["features"][0]["geometry"]["coordinates"].clone())
                .unwrap_or_default();
            (c[0].as_f64().unwrap_or(0.0), c[1].as_f64().unwrap_or(20.0))
        });
        let before: Vec<String> = rows.get_untracked().into_iter().map(|r| r.id).collect();
        if work
            .edit(
                StoryEdit::AddPlace {
                    name: "New place".into(),
                    lon,
                    lat,
                },
                None,
            )
            .is_ok()
        {
            if let Some(new) = rows
                .get_untracked()
                .into_iter()
                .find(|r| !before.contains(&r.id))
            {
                work.selected.set(Some(Selected::Place(new.id.clone())));
                work.placing.set(Some(new.id));
                work.status.set("New place added. Click the map where it is, or type its latitude and longitude.".into());
            }
        }
    };
    let is = move |s: Selected| work.selected.with(|now| now.as_ref() == Some(&s));
    view! {
        <nav class="st-list" aria-label="Places and events" data-testid="story-list">
            <button type="button" class="st-row st-story-row" aria-current=move || is(Selected::Story).then_some("true")
                on:click=move |_| choose(work, Selected::Story)>"Story title, summary and line"</button>
            <div class="st-drafts" data-testid="drafts-left">
                {move || match drafts.get() {
                    0 => view! { <p>"No drafts left: every event is confirmed."</p> }.into_any(),
                    n => view! {
                        <p>{format!("{n} draft event{} to confirm.", if n == 1 { "" } else { "s" })}</p>
                        <button type="button" on:click=confirm_all>"Confirm all"</button>
                    }.into_any(),
                }}
            </div>
            <ul class="st-places">
                // Keyed by what changes the item's shape; names and titles follow
                // inside it, so typing a title does not rebuild its place.
                <For each=move || rows.get() key=shape let:row>
                    <PlaceItem work=work row=row rows=rows />
                </For>
            </ul>
            <button type="button" on:click=add_place>"Add place"</button>
        </nav>
    }
}

/// Opens the form for `item`, and brings it into view once drawn: it is
/// above the list, out of sight when the list is scrolled (or, on a phone, the page).
fn choose(work: Work, item: Selected) {
    work.selected.set(Some(item));
    request_animation_frame(|| {
        let form = document().query_selector(".st-form-area").ok().flatten();
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if let Some(form) = form {
            let at = form.get_bounding_client_rect();
            let pane = form.parent_element().map(|p| p.get_bounding_client_rect());
            let hidden =
                at.top() < pane.map_or(0.0, |p| p.top().max(0.0)) || at.top() > height * 0.6;
            if hidden {
                form.scroll_into_view_with_bool(true);
            }
        }
    });
}

/// What makes a place's item look different, beyond its words.
fn shape(row: &PlaceRow) -> String {
    let events: Vec<_> = row
        .events
        .iter()
        .map(|e| (&e.id, e.draft, e.review.is_some()))
        .collect();
    format!(
        "{}|{:?}|{:?}|{events:?}",
        row.id, row.review, row.candidates
    )
}

/// One place of the list, with its review and its events.
#[component]
fn PlaceItem(work: Work, row: PlaceRow, rows: Memo<Vec<PlaceRow>>) -> impl IntoView {
    let place = row.id.clone();
    let selected = {
        let place = place.clone();
        move || {
            work.selected
                .with(|s| s.as_ref() == Some(&Selected::Place(place.clone())))
        }
    };
    let select = {
        let place = place.clone();
        move |_| choose(work, Selected::Place(place.clone()))
    };
    let count = row.events.len();
    let name = {
        let place = place.clone();
        move || {
            rows.with(|all| {
                all.iter()
                    .find(|r| r.id == place)
                    .map(|r| r.name.clone())
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <li class="st-place" class:st-flagged=row.review.is_some() data-place=place.clone()>
            <button type="button" class="st-row st-place-row" aria-current=move || selected().then_some("true") on:click=select>
                <span class="st-place-name">{name}</span>
                <span class="st-meta">{format!("{count} event{}", if count == 1 { "" } else { "s" })}</span>
            </button>
            {row.review.is_some().then(|| view! { <PlaceReview work=work place=place.clone() /> })}
            <ul class="st-events">
                {row.events.into_iter().map(|e| view! { <EventItem work=work row=e rows=rows /> }).collect_view()}
            </ul>
        </li>
    }
}

/// One event of the list: choosing it opens its form, and it is marked while a draft.
#[component]
fn EventItem(work: Work, row: EventRow, rows: Memo<Vec<PlaceRow>>) -> impl IntoView {
    let id = StoredValue::new(row.id.clone());
    let selected = move || {
        work.selected
            .with(|s| s.as_ref() == Some(&Selected::Event(id.get_value())))
    };
    let confirm = move |_| {
        let _ = work.edit(
            StoryEdit::ConfirmEvent {
                event: id.get_value(),
            },
            None,
        );
    };
    // Read from the list, so a title being typed shows here without rebuilding the item.
    let found = move |f: fn(&EventRow) -> String| {
        let id = id.get_value();
        rows.with(|all| {
            all.iter()
                .flat_map(|p| p.events.iter())
                .find(|e| e.id == id)
                .map(f)
        })
    };
    let title = move || found(|e| e.title.clone());
    let label = move || {
        found(|e| {
            if e.date.is_empty() {
                e.title.clone()
            } else {
                format!("{} · {}", e.date, e.title)
            }
        })
    };
    view! {
        <li class="st-event" class:st-is-draft=row.draft data-event=row.id.clone()>
            <button type="button" class="st-row st-event-row" aria-current=move || selected().then_some("true")
                on:click=move |_| choose(work, Selected::Event(id.get_value()))>
                {row.draft.then(|| view! { <span class="st-badge">"Draft"</span> " " })}
                {label}
            </button>
            {row.draft.then(|| view! {
                <button type="button" class="st-confirm" aria-label=move || format!("Confirm “{}”", title().unwrap_or_default()) on:click=confirm>"Confirm"</button>
            })}
            {row.review.map(|r| view! { <p class="st-event-review">{r}</p> })}
        </li>
    }
}
