//! The form of one place: its name and position, its review (candidates,
//! Place on the map), merging, order, removal and a new event.

use leptos::prelude::*;
use serde_json::Value;

use crate::ui::field::TextField;
use crate::ui::review::PlaceReview;
use crate::ui::work::{capitalised, Selected, Work};
use crate::{place_by_id, Form, StoryEdit};

/// The form for the place `place`.
#[component]
pub fn PlaceForm(
    /// The work.
    work: Work,
    /// The place's id.
    #[prop(into)]
    place: String,
) -> impl IntoView {
    let id = StoredValue::new(place);
    let current: Memo<Option<Value>> = Memo::new(move |_| {
        work.session.with(|s| {
            s.story
                .as_ref()
                .and_then(|st| place_by_id(st, &id.get_value()).cloned())
        })
    });
    let problems_at = move |field: &'static str| {
        Signal::derive(move || {
            let mine = id.get_value();
            work.problems.with(|all| {
                all.iter()
                    .filter(|p| {
                        matches!(&p.form, Form::Place { id: Some(i), .. } if *i == mine)
                            && p.field.starts_with(field)
                    })
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let name = Signal::derive(move || {
        current.with(|p| {
            p.as_ref()
                .and_then(|p| p["properties"]["name"].as_str().map(str::to_string))
                .unwrap_or_default()
        })
    });
    let coordinate = move |axis: usize| {
        Signal::derive(move || {
            current.with(|p| {
                p.as_ref()
                    .and_then(|p| p["geometry"]["coordinates"][axis].as_f64())
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            })
        })
    };
    let position_problems = [
        RwSignal::new(Vec::<String>::new()),
        RwSignal::new(Vec::new()),
    ];
    let set_axis = move |axis: usize, text: String| {
        let Some([lon, lat]) = current.with_untracked(|p| {
            let c = &p.as_ref()?["geometry"]["coordinates"];
            Some([c[0].as_f64()?, c[1].as_f64()?])
        }) else {
            return;
        };
        let label = if axis == 0 { "longitude" } else { "latitude" };
        let Ok(typed) = text.trim().parse::<f64>() else {
            position_problems[axis].set(vec![format!(
                "“{}” is not a number; write the {label} in degrees, such as {}.",
                text.trim(),
                if axis == 0 { "37.6175" } else { "55.752" }
            )]);
            return;
        };
        let (lon, lat) = if axis == 0 {
            (typed, lat)
        } else {
            (lon, typed)
        };
        let group = format!("place:{}:position", id.get_value());
        match work.edit(
            StoryEdit::MovePlace {
                place: id.get_value(),
                lon,
                lat,
            },
            Some(&group),
        ) {
            Ok(()) => position_problems.iter().for_each(|p| p.set(Vec::new())),
            Err(e) => position_problems[axis].set(vec![capitalised(&e.to_string())]),
        }
    };
    let axis_problems = move |axis: usize| {
        let validator = problems_at("geometry");
        Signal::derive(move || {
            let mut all = position_problems[axis].get();
            all.extend(validator.get());
            all
        })
    };
    let merge_into = RwSignal::new(String::new());
    let others = move || {
        let mine = id.get_value();
        work.places()
            .into_iter()
            .filter(|r| r.id != mine)
            .map(|r| (r.id, r.name))
            .collect::<Vec<_>>()
    };
    let merge = move |_| {
        let into = merge_into.get_untracked();
        let into = if into.is_empty() {
            others().first().map(|o| o.0.clone()).unwrap_or_default()
        } else {
            into
        };
        if work
            .edit(
                StoryEdit::MergePlaces {
                    from: id.get_value(),
                    into: into.clone(),
                },
                None,
            )
            .is_ok()
        {
            work.selected.set(Some(Selected::Place(into)));
            work.status.set("Places merged.".into());
        }
    };
    let delete = move |_| {
        if work
            .edit(
                StoryEdit::DeletePlace {
                    place: id.get_value(),
                },
                None,
            )
            .is_ok()
        {
            work.selected.set(None);
            work.status
                .set("Place removed with its events. Undo (Ctrl+Z) brings it back.".into());
        }
    };
    let add_event = move |_| {
        let before = current.with_untracked(|p| {
            p.as_ref()
                .map(|p| p["properties"]["events"].as_array().map_or(0, Vec::len))
        });
        if work
            .edit(
                StoryEdit::AddEvent {
                    place: id.get_value(),
                },
                None,
            )
            .is_ok()
        {
            let added = current.with_untracked(|p| {
                p.as_ref().and_then(|p| {
                    p["properties"]["events"][before.unwrap_or(0)]["id"]
                        .as_str()
                        .map(str::to_string)
                })
            });
            if let Some(added) = added {
                work.selected.set(Some(Selected::Event(added)));
            }
        }
    };
    let move_by = move |by: i64| {
        let _ = work.edit(
            StoryEdit::MovePlaceInList {
                place: id.get_value(),
                by,
            },
            None,
        );
    };
    let rename = Callback::new(move |text: String| {
        let group = format!("place:{}:name", id.get_value());
        let _ = work.edit(
            StoryEdit::RenamePlace {
                place: id.get_value(),
                name: text,
            },
            Some(&group),
        );
    });
    let blur = Callback::new(move |()| work.close_group());
    view! {
        <section class="st-form" aria-labelledby="place-form-heading" data-testid="place-form">
            <h2 id="place-form-heading">"Place: " {move || name.get()}</h2>
            <PlaceReview work=work place=id.get_value() />
            <TextField label="Name" id="place-name" value=name problems=problems_at("name") on_input=rename on_blur=blur />
            <div class="st-pair">
                <TextField label="Latitude" id="place-lat" value=coordinate(1) problems=axis_problems(1)
                    on_input=Callback::new(move |t| set_axis(1, t)) on_blur=blur hint=Some("Degrees north, -90 to 90.") />
                <TextField label="Longitude" id="place-lon" value=coordinate(0) problems=axis_problems(0)
                    on_input=Callback::new(move |t| set_axis(0, t)) on_blur=blur hint=Some("Degrees east, -180 to 180.") />
            </div>
            <div class="st-actions">
                <button type="button" on:click=add_event>"Add event here"</button>
                <button type="button" on:click=move |_| move_by(-1)>"Move up"</button>
                <button type="button" on:click=move |_| move_by(1)>"Move down"</button>
            </div>
            <Show when=move || !others().is_empty()>
                <div class="st-field st-inline">
                    <label for="place-merge">"Merge into"</label>
                    <select id="place-merge" on:change=move |ev| merge_into.set(event_target_value(&ev))>
                        {move || others().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                    <button type="button" on:click=merge>"Merge"</button>
                </div>
            </Show>
            <div class="st-actions">
                <button type="button" class="st-danger" on:click=delete>"Remove place"</button>
            </div>
        </section>
    }
}
