//! Dateline Studio's components in headless Chromium (wasm-bindgen-test):
//! a field that follows undo without eating what is typed, the event form
//! with the validator's words beside its field, and a preview that follows
//! the story once typing pauses, not per keystroke.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use dateline_studio::ui::event_form::EventForm;
use dateline_studio::ui::field::TextField;
use dateline_studio::ui::preview::Preview;
use dateline_studio::ui::work::Work;
use dateline_studio::{Session, StoryEdit};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

#[path = "../../dateline/tests/common/mod.rs"]
mod common;

use common::{document, sleep, wait_until};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let el: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    el.style().set_property("width", "800px").unwrap();
    el.style().set_property("height", "600px").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn story() -> serde_json::Value {
    serde_json::from_str(include_str!("../../../assets/story.geojson")).unwrap()
}

/// Mounts `view` with work holding the article's story; returns the work and the mount.
fn mount_with_work<V: IntoView + 'static>(
    root: &HtmlElement,
    view: impl Fn(Work) -> V + 'static,
) -> (Work, impl Drop) {
    let out = Rc::new(Cell::new(None));
    let keep = out.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let work = Work::new(Session {
            story: Some(story()),
            ..Session::default()
        });
        keep.set(Some(work));
        view(work)
    });
    (out.take().unwrap(), handle)
}

fn typed(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn input(root: &HtmlElement, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_field_follows_the_story_but_keeps_what_is_typed() {
    let root = container();
    let value = RwSignal::new("Moscow".to_string());
    let problems = RwSignal::new(Vec::<String>::new());
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TextField label="Name" id="name" value=value.into() problems=problems.into()
                on_input=Callback::new(move |t: String| value.set(t.trim().to_string())) />
        }
    });
    sleep(20).await;
    let field = input(&root, "#name");
    assert_eq!(field.value(), "Moscow");
    // The story keeps "Moscow Oblast" trimmed; the space being typed stays.
    typed(&field, "Moscow Oblast ");
    sleep(20).await;
    assert_eq!(field.value(), "Moscow Oblast ");
    // Undo (a new value from the story) shows.
    value.set("Moskva".into());
    sleep(20).await;
    assert_eq!(field.value(), "Moskva");
    problems.set(vec!["the place needs a name".into()]);
    sleep(20).await;
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        field.get_attribute("aria-describedby").as_deref(),
        Some("name-problems")
    );
    assert_eq!(
        root.query_selector("#name-problems")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("the place needs a name")
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_event_form_edits_and_shows_the_validators_words() {
    let root = container();
    let (work, handle) = mount_with_work(
        &root,
        |work| view! { <EventForm work=work event="kim-gift" /> },
    );
    sleep(20).await;
    let title = input(&root, "#event-title");
    assert_eq!(title.value(), "Putin gives Kim Jong Un an Aurus");
    typed(&title, "Kim gets an Aurus");
    let date = input(&root, "#event-date");
    typed(&date, "2024-02-31");
    sleep(20).await;
    let problems = root
        .query_selector("#event-date-problems")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(problems, "\"2024-02-31\" is not a real date (February 2024 has 29 days); use YYYY, YYYY-MM or YYYY-MM-DD");
    assert_eq!(
        root.query_selector("#event-title-problems")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("")
    );
    let stored = work.session.with_untracked(|s| s.story.clone()).unwrap();
    let event = dateline_studio::event_by_id(&stored, "kim-gift")
        .cloned()
        .unwrap();
    assert_eq!(event["title"], "Kim gets an Aurus");
    work.undo();
    sleep(20).await;
    assert_eq!(input(&root, "#event-date").value(), "2024-02-20");
    work.undo();
    sleep(20).await;
    assert_eq!(
        input(&root, "#event-title").value(),
        "Putin gives Kim Jong Un an Aurus"
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_preview_follows_when_typing_pauses() {
    let root = container();
    let (work, handle) = mount_with_work(&root, |work| view! { <Preview work=work /> });
    wait_until("the preview shows markers", || {
        root.query_selector(".dl-marker").unwrap().is_some()
    })
    .await;
    let text = || root.text_content().unwrap_or_default();
    for n in 1..=5 {
        let title = format!("Typed title {n}");
        work.edit(StoryEdit::StoryTitle(title.clone()), Some("story:title"))
            .unwrap();
        sleep(30).await;
        // Keystrokes 30 ms apart: the preview has not followed any of them yet.
        assert!(
            !text().contains(&title),
            "the preview followed keystroke {n}"
        );
    }
    wait_until("the preview follows", || text().contains("Typed title 5")).await;
    assert!(!text().contains("Typed title 4"));
    // A story the widget refuses keeps the last good preview, and says so.
    work.edit(
        StoryEdit::RenamePlace {
            place: "moscow".into(),
            name: "".into(),
        },
        None,
    )
    .unwrap();
    wait_until("the stale note shows", || {
        root.query_selector(".st-stale").unwrap().is_some()
    })
    .await;
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("Typed title 5"));
    drop(handle);
    root.remove();
}
