//! A place's review: why it must be checked, the places it may be instead
//! (choosing one moves it there), and Place on the map.

use leptos::prelude::*;

use crate::ui::work::Work;
use crate::StoryEdit;

/// The review of the place `place`, if it is under review: the reason, a
/// button per candidate, and **Place on the map** (then a click on the
/// preview puts it there; Escape cancels).
#[component]
pub fn PlaceReview(
    /// The work.
    work: Work,
    /// The place's id.
    #[prop(into)]
    place: String,
) -> impl IntoView {
    let id = StoredValue::new(place);
    let row = Memo::new(move |_| work.places().into_iter().find(|r| r.id == id.get_value()));
    let choose = move |candidate: usize, description: String| {
        if work
            .edit(
                StoryEdit::ChooseCandidate {
                    place: id.get_value(),
                    candidate,
                },
                None,
            )
            .is_ok()
        {
            work.status.set(format!("Moved to {description}."));
        }
    };
    let placing = move || work.placing.get().as_deref() == Some(id.get_value().as_str());
    let place_on_map = move |_| {
        if placing() {
            work.placing.set(None);
        } else {
            work.placing.set(Some(id.get_value()));
            work.status
                .set("Click the map where the place is. Escape cancels.".into());
        }
    };
    move || {
        let row = row.get()?;
        let review = row.review.clone()?;
        let name = row.name.clone();
        Some(view! {
            <div class="st-review" data-testid="place-review">
                <p><span class="st-badge st-badge-review">"Check"</span> {review}</p>
                {(!row.candidates.is_empty()).then(|| view! {
                    <p class="st-candidates-label">{format!("Is {name} one of these?")}</p>
                    <ul class="st-candidates">
                        {row.candidates.iter().cloned().enumerate().map(|(k, description)| {
                            let said = description.clone();
                            view! { <li><button type="button" on:click=move |_| choose(k, said.clone())>{description}</button></li> }
                        }).collect_view()}
                    </ul>
                })}
                <button type="button" class="st-primary" aria-pressed=move || placing().to_string() on:click=place_on_map>
                    {move || if placing() { "Cancel placing" } else { "Place on the map" }}
                </button>
            </div>
        })
    }
}
