//! The timeline component in headless Chromium (wasm-bindgen-test): mounted
//! on its own with the article's story, read and clicked through the DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use dateline::story::{parse, Story};
use dateline::timeline::{reading_order, step, EventRef};
use dateline::ui::timeline::Timeline;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;

use common::{document, sleep, wait_until};

wasm_bindgen_test_configure!(run_in_browser);

/// The widget's styles, once per page, as the lead's build includes them.
fn add_styles() {
    if document().get_element_by_id("dl-test-styles").is_some() {
        return;
    }
    let style = document().create_element("style").unwrap();
    style.set_id("dl-test-styles");
    style.set_text_content(Some(concat!(
        include_str!("../../../assets/dateline.css"),
        include_str!("../../../assets/timeline.css")
    )));
    document().head().unwrap().append_child(&style).unwrap();
}

/// An empty element of a fixed size, attached to the page.
fn host(width: u32, height: u32) -> HtmlElement {
    // Dates follow the page's language; these expectations are in English.
    document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "en")
        .unwrap();
    add_styles();
    let el: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    el.set_attribute("style", &format!("width:{width}px;height:{height}px"))
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

/// Waits until `selector` matches at least `n` elements inside `root`, and returns them.
async fn wait_for(root: &HtmlElement, selector: &str, n: usize) -> Vec<HtmlElement> {
    for _ in 0..500 {
        let found = all(root, selector);
        if found.len() >= n {
            return found;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {n} × {selector}");
}

fn attr(el: &HtmlElement, name: &str) -> Option<String> {
    el.get_attribute(name)
}

fn text(el: &HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

fn article() -> Story {
    parse(include_str!("../../../assets/story.geojson")).unwrap()
}

/// A mounted timeline and the signals around it.
struct Mounted {
    el: HtmlElement,
    story: Arc<Story>,
    order: Arc<Vec<EventRef>>,
    current: RwSignal<Option<usize>>,
    selected: RwSignal<Vec<usize>>,
    stepped: RwSignal<Vec<Option<usize>>>,
    expanded: RwSignal<bool>,
}

impl Mounted {
    fn event_id(&self, index: usize) -> String {
        self.order[index].resolve(&self.story).unwrap().1.id.clone()
    }
}

/// The article's timeline, mounted into a `width` × 120 px element; waits
/// until it has been laid out at that width.
async fn mount_timeline(width: u32) -> Mounted {
    let el = host(width, 120);
    let story = Arc::new(article());
    let order = Arc::new(reading_order(&story));
    let current = RwSignal::new(None::<usize>);
    let selected = RwSignal::new(Vec::<usize>::new());
    let stepped = RwSignal::new(Vec::<Option<usize>>::new());
    let expanded = RwSignal::new(true);
    let (s, o) = (story.clone(), order.clone());
    leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Timeline
                story=s.clone()
                order=o.clone()
                current=current
                expanded=expanded
                on_select=Callback::new(move |i| selected.update(|v| v.push(i)))
                on_step=Callback::new(move |p| stepped.update(|v| v.push(p)))
            />
        }
    })
    .forget();
    wait_for(&el, "[data-testid=timeline-tick]", 1).await;
    Mounted {
        el,
        story,
        order,
        current,
        selected,
        stepped,
        expanded,
    }
}

#[wasm_bindgen_test]
async fn every_event_has_a_button_in_reading_order() {
    let m = mount_timeline(900).await;
    let root = wait_for(&m.el, "[data-testid=timeline]", 1).await;
    assert_eq!(root[0].tag_name(), "SECTION");
    assert_eq!(attr(&root[0], "aria-label").as_deref(), Some("Timeline"));

    let marks = all(&m.el, "[data-testid=timeline-event]");
    let undated = all(&m.el, "[data-testid=timeline-undated]");
    assert_eq!(marks.len(), 6);
    assert_eq!(undated.len(), 1);
    assert!(marks
        .iter()
        .chain(&undated)
        .all(|b| b.tag_name() == "BUTTON"));
    assert_eq!(
        text(&undated[0]),
        "Undated: Visiting leaders get a look at the car"
    );

    // Tab order is time order: the DOM order of all the buttons is the reading order.
    let dom_ids: Vec<String> = all(
        &m.el,
        "[data-testid=timeline-event], [data-testid=timeline-undated]",
    )
    .iter()
    .map(|b| attr(b, "data-event-id").unwrap_or_default())
    .collect();
    let expected: Vec<String> = (0..m.order.len()).map(|i| m.event_id(i)).collect();
    assert_eq!(dom_ids, expected);
    assert_eq!(
        attr(&undated[0], "data-event-id").as_deref(),
        Some("foreign-guests")
    );

    // Accessible names: the date at its precision, the place, the whole title.
    let name_of = |id: &str| {
        let b = marks
            .iter()
            .find(|b| attr(b, "data-event-id").as_deref() == Some(id))
            .unwrap();
        attr(b, "aria-label").unwrap()
    };
    assert_eq!(
        name_of("turkmenistan-buys-aurus"),
        "10 June 2022, Ashgabat: Turkmenistan buys its first Aurus"
    );
    assert_eq!(
        name_of("maks-ansat-helicopter"),
        "August 2019, Zhukovsky: Putin and Erdogan inspect a helicopter with an Aurus cabin"
    );
    assert_eq!(
        name_of("medvedev-shows-aurus"),
        "2019, Ashgabat: Medvedev shows the Aurus to Turkmenistan's leader"
    );

    // Labels are short titles: cut with an ellipsis, never HTML.
    let labels: Vec<String> = all(&m.el, "[data-testid=timeline-label]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(labels.len(), 6);
    assert!(labels.iter().all(|l| l.chars().count() <= 24), "{labels:?}");
    assert!(
        labels.contains(&"Turkmenistan buys its…".to_string()),
        "{labels:?}"
    );
    assert!(
        labels.contains(&"Putin and Erdogan…".to_string()),
        "{labels:?}"
    );
    assert!(
        labels.contains(&"Kim Jong Un sees the…".to_string()),
        "{labels:?}"
    );
}

#[wasm_bindgen_test]
async fn marks_sit_at_their_dates_and_are_big_enough_to_tap() {
    let m = mount_timeline(900).await;
    let marks = all(&m.el, "[data-testid=timeline-event]");
    for b in &marks {
        let r = b.get_bounding_client_rect();
        assert!(
            r.height() >= 44.0,
            "{:?} is {} px tall",
            attr(b, "data-event-id"),
            r.height()
        );
        assert!(r.width() >= 24.0);
    }
    let mark_rect = |id: &str| {
        let b = marks
            .iter()
            .find(|b| attr(b, "data-event-id").as_deref() == Some(id))
            .unwrap();
        b.query_selector("[data-testid=timeline-mark]")
            .unwrap()
            .unwrap()
            .get_bounding_client_rect()
    };
    let year = mark_rect("medvedev-shows-aurus");
    let month = mark_rect("maks-ansat-helicopter");
    let day = mark_rect("turkmenistan-buys-aurus");
    // 2019 spans a seventh of the axis's middle 92 %.
    let axis = axis_width(&m.el);
    assert!(axis > 800.0, "{axis}");
    assert!(
        (year.width() - axis * 0.92 / 7.0).abs() < 2.0,
        "{} of {axis}",
        year.width()
    );
    assert!(
        month.width() >= 10.0 && month.width() < 16.0,
        "{}",
        month.width()
    );
    assert!(day.width() <= 14.0, "{}", day.width());
    // August 2019 lies inside 2019, and June 2022 later still.
    assert!(year.left() < month.left() && month.right() < year.right());
    assert!(day.left() > year.right());
    // In time order from left to right.
    let xs: Vec<f64> = marks
        .iter()
        .map(|b| {
            let r = b.get_bounding_client_rect();
            r.left() + r.width() / 2.0
        })
        .collect();
    assert!(xs.windows(2).all(|w| w[0] <= w[1] + 0.5), "{xs:?}");
}

#[wasm_bindgen_test]
async fn clicking_a_mark_selects_its_event() {
    let m = mount_timeline(900).await;
    let marks = all(&m.el, "[data-testid=timeline-event]");
    marks[3].click();
    assert_eq!(m.selected.get_untracked(), vec![3]);
    // Clicking its label selects it too: the label is part of the button.
    let label: HtmlElement = marks[1]
        .query_selector("[data-testid=timeline-label]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    label.click();
    let undated = all(&m.el, "[data-testid=timeline-undated]");
    undated[0].click();
    assert_eq!(m.selected.get_untracked(), vec![3, 1, 6]);
    assert_eq!(m.event_id(6), "foreign-guests");
    assert!(m.stepped.get_untracked().is_empty());
}

#[wasm_bindgen_test]
async fn previous_next_and_overview_step_through_the_story() {
    let m = mount_timeline(900).await;
    let button = |id: &str| all(&m.el, &format!("[data-testid={id}]")).remove(0);
    let (prev, next, overview) = (
        button("timeline-prev"),
        button("timeline-next"),
        button("timeline-overview"),
    );
    let position = button("timeline-position");
    assert_eq!(attr(&prev, "aria-label").as_deref(), Some("Previous event"));
    assert_eq!(attr(&next, "aria-label").as_deref(), Some("Next event"));
    assert_eq!(text(&overview), "Overview");

    // At the overview: no previous.
    assert_eq!(text(&position), "Overview");
    assert_eq!(attr(&prev, "aria-disabled").as_deref(), Some("true"));
    assert_eq!(attr(&next, "aria-disabled").as_deref(), Some("false"));
    next.click();
    assert_eq!(m.stepped.get_untracked(), vec![step(&m.order, None, true)]);
    prev.click();
    assert_eq!(
        m.stepped.get_untracked().len(),
        1,
        "previous is disabled at the overview"
    );

    // In the middle: both ways, with step()'s answers.
    m.current.set(Some(2));
    wait_until("the position reads 3 of 7", || text(&position) == "3 of 7").await;
    assert_eq!(attr(&prev, "aria-disabled").as_deref(), Some("false"));
    next.click();
    prev.click();
    overview.click();
    assert_eq!(m.stepped.get_untracked()[1..], [Some(3), Some(1), None],);
    assert_eq!(step(&m.order, Some(2), true), Some(3));
    assert_eq!(step(&m.order, Some(2), false), Some(1));

    // Back from the first event is the overview.
    m.current.set(Some(0));
    wait_until("the position reads 1 of 7", || text(&position) == "1 of 7").await;
    prev.click();
    assert_eq!(m.stepped.get_untracked().last(), Some(&None));

    // At the last event: no next.
    m.current.set(Some(6));
    wait_until("the position reads 7 of 7", || text(&position) == "7 of 7").await;
    assert_eq!(attr(&next, "aria-disabled").as_deref(), Some("true"));
    assert_eq!(attr(&prev, "aria-disabled").as_deref(), Some("false"));
    let before = m.stepped.get_untracked().len();
    next.click();
    assert_eq!(
        m.stepped.get_untracked().len(),
        before,
        "next is disabled at the end"
    );
    prev.click();
    assert_eq!(m.stepped.get_untracked().last(), Some(&Some(5)));
    assert!(m.selected.get_untracked().is_empty());
}

#[wasm_bindgen_test]
async fn the_current_event_follows_the_signal() {
    let m = mount_timeline(900).await;
    let buttons = all(
        &m.el,
        "[data-testid=timeline-event], [data-testid=timeline-undated]",
    );
    let current_ones = || -> Vec<usize> {
        buttons
            .iter()
            .enumerate()
            .filter(|(_, b)| attr(b, "aria-current").as_deref() == Some("true"))
            .map(|(i, _)| i)
            .collect()
    };
    assert!(current_ones().is_empty());
    for i in [4, 0, 6, 2] {
        m.current.set(Some(i));
        wait_until(&format!("event {i} is current"), || {
            current_ones() == vec![i]
        })
        .await;
        // Not only by colour: the current mark is drawn bigger (after its transition).
        if i < 6 {
            let height = |k: usize| {
                buttons[k]
                    .query_selector("[data-testid=timeline-mark]")
                    .unwrap()
                    .unwrap()
                    .get_bounding_client_rect()
                    .height()
            };
            wait_until(&format!("event {i}'s mark grows"), || {
                height(i) >= 16.0 && height((i + 1) % 6) < 14.0
            })
            .await;
        }
    }
    m.current.set(None);
    wait_until("nothing is current", || current_ones().is_empty()).await;
    let overview = all(&m.el, "[data-testid=timeline-overview]").remove(0);
    assert_eq!(attr(&overview, "aria-current").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn ticks_show_the_years() {
    let m = mount_timeline(900).await;
    let ticks: Vec<String> = all(&m.el, "[data-testid=timeline-tick]")
        .iter()
        .map(text)
        .collect();
    assert!(ticks.contains(&"2020".to_string()), "{ticks:?}");
    assert!(ticks.len() >= 4, "{ticks:?}");
    // Ticks are in order and never crowd: at least 56 px apart.
    let xs: Vec<f64> = all(&m.el, "[data-testid=timeline-tick]")
        .iter()
        .map(|t| {
            let r = t.get_bounding_client_rect();
            r.left() + r.width() / 2.0
        })
        .collect();
    assert!(xs.windows(2).all(|w| w[1] - w[0] >= 55.0), "{xs:?}");
}

/// The width of the axis the marks are placed along, in px.
fn axis_width(el: &HtmlElement) -> f64 {
    el.query_selector(".dl-timeline-axis")
        .unwrap()
        .unwrap()
        .get_bounding_client_rect()
        .width()
}

/// The visible labels' rects, with their rows.
fn visible_labels(el: &HtmlElement) -> Vec<(String, web_sys::DomRect)> {
    all(el, "[data-testid=timeline-label]")
        .into_iter()
        .filter(|l| {
            let style = web_sys::window()
                .unwrap()
                .get_computed_style(l)
                .unwrap()
                .unwrap();
            style.get_property_value("visibility").unwrap() == "visible"
                && style.get_property_value("display").unwrap() != "none"
        })
        .map(|l| (attr(&l, "data-row").unwrap(), l.get_bounding_client_rect()))
        .collect()
}

#[wasm_bindgen_test]
async fn labels_never_overlap_on_a_phone() {
    let m = mount_timeline(320).await;
    wait_until("the axis is laid out at 320 px", || {
        all(&m.el, "[data-testid=timeline-tick]")
            .iter()
            .any(|t| text(t) == "2020")
    })
    .await;
    let labels = visible_labels(&m.el);
    assert!(labels.len() >= 2, "only {} labels shown", labels.len());
    // Not every label fits at 320 px: some are hidden, but their marks stay.
    assert!(labels.len() < 6, "{} labels at 320 px", labels.len());
    assert_eq!(all(&m.el, "[data-testid=timeline-event]").len(), 6);
    let rows: std::collections::BTreeSet<&str> = labels.iter().map(|(r, _)| r.as_str()).collect();
    assert!(rows.iter().all(|r| *r == "0" || *r == "1"), "{rows:?}");
    for (i, (row_a, a)) in labels.iter().enumerate() {
        // Within the axis.
        assert!(a.width() > 0.0 && a.height() > 0.0);
        for (row_b, b) in &labels[i + 1..] {
            let apart = a.right() <= b.left() + 0.5
                || b.right() <= a.left() + 0.5
                || a.bottom() <= b.top() + 0.5
                || b.bottom() <= a.top() + 0.5;
            assert!(
                apart,
                "labels overlap (rows {row_a}, {row_b}): {}..{} × {}..{} and {}..{} × {}..{}",
                a.left(),
                a.right(),
                a.top(),
                a.bottom(),
                b.left(),
                b.right(),
                b.top(),
                b.bottom()
            );
        }
    }
    // Rows are stacked: row 1 is above row 0.
    let top_of = |row: &str| {
        labels
            .iter()
            .find(|(r, _)| r == row)
            .map(|(_, rect)| rect.top())
    };
    if let (Some(zero), Some(one)) = (top_of("0"), top_of("1")) {
        assert!(one + 16.0 <= zero + 0.5, "row 1 at {one}, row 0 at {zero}");
    }
    // The marks themselves all stay on the axis.
    let section = all(&m.el, "[data-testid=timeline]")
        .remove(0)
        .get_bounding_client_rect();
    for b in all(&m.el, "[data-testid=timeline-mark]") {
        let r = b.get_bounding_client_rect();
        assert!(r.left() >= section.left() && r.right() <= section.right());
    }
}

#[wasm_bindgen_test]
async fn the_layout_follows_the_width() {
    let m = mount_timeline(900).await;
    let year_width = || {
        all(
            &m.el,
            "[data-event-id=medvedev-shows-aurus] [data-testid=timeline-mark]",
        )
        .remove(0)
        .get_bounding_client_rect()
        .width()
    };
    let (wide, wide_axis) = (year_width(), axis_width(&m.el));
    m.el.style().set_property("width", "450px").unwrap();
    wait_until("the axis narrows", || axis_width(&m.el) < 450.0).await;
    let narrow_axis = axis_width(&m.el);
    wait_until("the year bar narrows with it", || {
        (year_width() - wide * narrow_axis / wide_axis).abs() < 1.0
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_compact_timeline_is_one_row_of_marks_until_the_reader_expands_it() {
    let m = mount_timeline(600).await;
    let height = || {
        all(&m.el, "[data-testid=timeline]")
            .remove(0)
            .get_bounding_client_rect()
            .height()
    };
    wait_until("labels are shown while expanded", || {
        !visible_labels(&m.el).is_empty()
    })
    .await;
    let tall = height();
    let toggle = all(&m.el, "[data-testid=timeline-toggle]").remove(0);
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("true"));
    toggle.click();
    wait_until("the labels fold away", || visible_labels(&m.el).is_empty()).await;
    assert!(!m.expanded.get_untracked());
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("false"));
    let compact = height();
    assert!(compact < tall, "compact {compact} px, expanded {tall} px");
    // Every dated event keeps its mark; the undated one is folded away (it
    // is still reached by Previous/Next and listed in the overview).
    assert_eq!(all(&m.el, "[data-testid=timeline-event]").len(), 6);
    let undated = all(&m.el, "[data-testid=timeline-undated]").remove(0);
    assert_eq!(undated.offset_height(), 0, "the undated list is hidden");
    toggle.click();
    wait_until("the labels come back", || !visible_labels(&m.el).is_empty()).await;
    assert!(undated.offset_height() > 0);
}
