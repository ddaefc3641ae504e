//! `<StoryMap/>` as a Rust app uses it, and the parts that make teardown
//! clean, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use dateline::geo::Size;
use dateline::story::{parse, Story};
use dateline::ui::size_observer::observe_size;
use dateline::ui::tasks::Tasks;
use dateline::{ControlError, DeepLinks, MapOptions, SelectedEvent, StoryMap, StoryMapControl};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;

use common::{document, sleep, wait_until};

wasm_bindgen_test_configure!(run_in_browser);

fn article() -> Arc<Story> {
    Arc::new(parse(include_str!("../../../assets/story.geojson")).unwrap())
}

/// A plain element of a fixed size (not a `data-dateline` host), attached to the page.
fn container(width: u32, height: u32) -> HtmlElement {
    let el: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    el.style()
        .set_property("width", &format!("{width}px"))
        .unwrap();
    el.style()
        .set_property("height", &format!("{height}px"))
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn text_of(root: &HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
}

fn set_hash(hash: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        .unwrap();
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn a_story_map_brings_its_styles_and_leaves_the_page_alone() {
    set_hash("#event=kim-gift");
    let decoy = container(10, 10);
    decoy.set_attribute("data-dateline", "").unwrap();
    let el = container(1000, 560);
    let story = article();
    leptos::mount::mount_to(el.clone(), move || view! { <StoryMap story=story /> }).forget();
    wait_until("markers show", || {
        el.query_selector("[data-testid=marker]").unwrap().is_some()
    })
    .await;
    // Its own root and styles: markers are placed by its stylesheet.
    assert!(el.query_selector(".dl-root").unwrap().is_some());
    let marker = el.query_selector("[data-testid=marker]").unwrap().unwrap();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&marker)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("position").unwrap(), "absolute");
    // Deep links are off: the link is not read (the overview shows)…
    assert!(el
        .query_selector("[data-testid=story-facts]")
        .unwrap()
        .is_some());
    let choose: HtmlElement = el
        .query_selector("[data-testid=story-list-item][data-event-id=putin-inauguration]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    choose.click();
    wait_until("the event opens", || {
        text_of(&el, "[data-testid=panel-heading]").as_deref() == Some("Moscow")
    })
    .await;
    sleep(300).await;
    // …nor written, and the page's data-dateline element is not mounted.
    assert_eq!(hash(), "#event=kim-gift");
    assert!(!decoy.has_attribute("data-dateline-mounted"));
    assert_eq!(decoy.child_element_count(), 0);
    set_hash("#");
}

#[wasm_bindgen_test]
async fn the_control_opens_events_and_on_select_hears_every_change() {
    let el = container(1000, 560);
    let story = article();
    let heard: Rc<RefCell<Vec<Option<SelectedEvent>>>> = Rc::default();
    let log = send_wrapper::SendWrapper::new(heard.clone());
    let control = Rc::new(RefCell::new(None::<StoryMapControl>));
    let out = control.clone();
    leptos::mount::mount_to(el.clone(), move || {
        let control = StoryMapControl::new();
        *out.borrow_mut() = Some(control);
        let on_select = Callback::new(move |e| log.borrow_mut().push(e));
        view! { <StoryMap story=story on_select=on_select control=control /> }
    })
    .forget();
    let control = control.borrow().unwrap();
    wait_until("markers show", || {
        el.query_selector("[data-testid=marker]").unwrap().is_some()
    })
    .await;
    control.select("kim-sees-aurus").unwrap();
    wait_until("Vostochny opens", || {
        text_of(&el, "[data-testid=panel-heading]").as_deref() == Some("Vostochny Cosmodrome")
    })
    .await;
    let selected: Option<SelectedEvent> = control.selected().unwrap();
    let selected = selected.expect("an event is open");
    assert_eq!(
        (selected.event_id.as_str(), selected.place_id.as_str()),
        ("kim-sees-aurus", "vostochny")
    );
    assert_eq!(selected.event.place, "Vostochny Cosmodrome");
    assert_eq!(selected.event.date.as_deref(), Some("2023-09"));
    // The story and its events, as the control gives them to an app.
    let events = control.events().unwrap();
    assert_eq!(events.len(), 7);
    assert_eq!(events[0].id, "putin-inauguration");
    assert_eq!(control.story().unwrap().places.len(), 4);
    assert_eq!(
        control.select("nope"),
        Err(ControlError::UnknownEvent("nope".into()))
    );
    control.overview().unwrap();
    wait_until("the overview shows", || {
        el.query_selector("[data-testid=story-facts]")
            .unwrap()
            .is_some()
    })
    .await;
    let heard = heard.borrow().clone();
    assert_eq!(heard.len(), 2, "{heard:?}");
    assert_eq!(
        heard[0].as_ref().map(|e| e.event_id.as_str()),
        Some("kim-sees-aurus")
    );
    assert_eq!(heard[1], None);
    // A control attached to nothing says so.
    assert_eq!(
        StoryMapControl::new().select("kim-gift"),
        Err(ControlError::NotReady)
    );
}

#[wasm_bindgen_test]
async fn options_open_an_event_first_and_named_links_are_read() {
    let el = container(1000, 560);
    let story = article();
    let options = MapOptions {
        initial_event: Some("maks-ansat-helicopter".into()),
        ..MapOptions::default()
    };
    leptos::mount::mount_to(
        el.clone(),
        move || view! { <StoryMap story=story options=options /> },
    )
    .forget();
    wait_until("Zhukovsky opens first", || {
        text_of(&el, "[data-testid=panel-heading]").as_deref() == Some("Zhukovsky")
    })
    .await;

    // With named deep links, the map reads its own entry of the link and writes it back.
    set_hash("#other:event=x&mine:event=kim-sees-aurus");
    let linked = container(1000, 560);
    let story = article();
    let options = MapOptions {
        deep_links: DeepLinks::Named("mine".into()),
        initial_event: Some("maks-ansat-helicopter".into()),
        ..MapOptions::default()
    };
    leptos::mount::mount_to(linked.clone(), move || {
        view! { <StoryMap story=story id="mine" options=options /> }
    })
    .forget();
    wait_until("the link wins over the first event", || {
        text_of(&linked, "[data-testid=panel-heading]").as_deref() == Some("Vostochny Cosmodrome")
    })
    .await;
    let next: HtmlElement = linked
        .query_selector("[data-testid=timeline-next]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    next.click();
    wait_until("the link follows", || {
        hash() == "#other:event=x&mine:event=kim-gift"
    })
    .await;
    set_hash("#");
}

#[wasm_bindgen_test]
async fn tasks_run_once_and_none_runs_after_their_owner_is_gone() {
    let ran = Rc::new(RefCell::new(Vec::<&str>::new()));
    let owner = Owner::new();
    let tasks = owner.with(Tasks::new);
    let log = |name: &'static str| {
        let ran = ran.clone();
        move || ran.borrow_mut().push(name)
    };
    tasks.frame(log("frame"));
    tasks.timeout(Duration::from_millis(10), log("timeout"));
    tasks.idle(Duration::from_millis(50), log("idle"));
    assert_eq!(tasks.pending(), 3);
    sleep(150).await;
    let mut done = ran.borrow().clone();
    done.sort();
    assert_eq!(done, ["frame", "idle", "timeout"]);
    assert_eq!(tasks.pending(), 0);

    // Pending work is cancelled with its owner: nothing runs after.
    tasks.frame(log("late frame"));
    tasks.timeout(Duration::from_millis(20), log("late timeout"));
    tasks.idle(Duration::from_millis(20), log("late idle"));
    assert_eq!(tasks.pending(), 3);
    owner.cleanup();
    drop(owner);
    sleep(150).await;
    assert_eq!(ran.borrow().len(), 3, "{:?}", ran.borrow());
    // And a gone registry takes no more.
    tasks.frame(log("after"));
    sleep(50).await;
    assert_eq!(ran.borrow().len(), 3);
}

#[wasm_bindgen_test]
async fn a_size_observer_stops_with_its_owner() {
    let el = container(300, 200);
    let size = RwSignal::new(Size::new(0.0, 0.0));
    let owner = Owner::new();
    let target = el.clone();
    let handle = owner.with(|| {
        leptos::mount::mount_to(target, move || {
            let node = NodeRef::<leptos::html::Div>::new();
            observe_size(node, size);
            view! { <div node_ref=node style:width="100%" style:height="100%"></div> }
        })
    });
    wait_until("the size is read", || {
        size.get_untracked() == Size::new(300.0, 200.0)
    })
    .await;
    el.style().set_property("width", "320px").unwrap();
    wait_until("a resize is seen", || size.get_untracked().width == 320.0).await;
    drop(handle);
    owner.cleanup();
    el.style().set_property("width", "400px").unwrap();
    sleep(100).await;
    // Disconnected: the signal keeps the last size it had while mounted.
    assert_eq!(size.get_untracked().width, 320.0);
}
