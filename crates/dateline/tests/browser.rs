//! Component tests in headless Chromium (wasm-bindgen-test): widgets mounted
//! into real elements, read and clicked through the DOM.
#![cfg(target_arch = "wasm32")]

use dateline::embed::{mount, mount_with_source};
use dateline::load::StorySource;
use dateline::panic_report::show_crash;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;

use common::{document, sleep, wait_until};

wasm_bindgen_test_configure!(run_in_browser);

/// A host element of a fixed size, attached to the page.
fn host(width: u32, height: u32, inner_html: &str) -> HtmlElement {
    // Dates follow the page's language; these expectations are in English.
    document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "en")
        .unwrap();
    let el: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    el.set_attribute("data-dateline", "").unwrap();
    el.set_attribute("style", &format!("width:{width}px;height:{height}px"))
        .unwrap();
    el.set_inner_html(inner_html);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Waits until `selector` matches at least `n` elements inside `root`, and returns them.
async fn wait_for(root: &HtmlElement, selector: &str, n: u32) -> Vec<HtmlElement> {
    for _ in 0..500 {
        let list = root.query_selector_all(selector).unwrap();
        if list.length() >= n {
            return (0..list.length())
                .map(|i| list.item(i).unwrap().dyn_into().unwrap())
                .collect();
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {n} × {selector}");
}

/// Waits until the first element matching `selector` inside `root` reads `text`.
async fn wait_for_text(root: &HtmlElement, selector: &str, text: &str) {
    let reads = || {
        root.query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .is_some_and(|found| found == text)
    };
    wait_until(&format!("{selector} reads {text:?}"), reads).await;
}

fn labels(markers: &[HtmlElement]) -> Vec<String> {
    markers
        .iter()
        .map(|m| m.get_attribute("aria-label").unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn the_built_in_article_mounts_with_its_markers() {
    let el = host(1280, 720, "");
    mount(el.clone());
    let markers = wait_for(&el, "[data-testid=marker]", 3).await;
    let mut names = labels(&markers);
    names.sort();
    assert_eq!(
        names,
        vec![
            "Ashgabat: 2 events",
            "Moscow and Zhukovsky: 2 places, 4 events",
            "Vostochny Cosmodrome: 1 event",
        ]
    );
    assert!(markers.iter().all(|m| m.tag_name() == "BUTTON"));
    assert!(el.has_attribute("data-dateline-mounted"));
}

#[wasm_bindgen_test]
async fn a_cluster_opens_into_its_places_and_a_place_into_its_events() {
    let el = host(1280, 720, "");
    mount(el.clone());
    let markers = wait_for(&el, "[data-testid=marker]", 3).await;
    let cluster = markers
        .iter()
        .find(|m| m.get_attribute("data-kind").as_deref() == Some("cluster"))
        .unwrap();
    cluster.click();
    // The map zooms in until the two places have markers of their own.
    let zhukovsky = wait_for(
        &el,
        "[data-testid=marker][aria-label='Zhukovsky: 1 event']",
        1,
    )
    .await;
    wait_for(
        &el,
        "[data-testid=marker][aria-label='Moscow: 3 events']",
        1,
    )
    .await;
    zhukovsky[0].click();
    wait_for_text(&el, "[data-testid=panel-heading]", "Zhukovsky").await;
    assert_eq!(
        zhukovsky[0].get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let dates = wait_for(&el, "[data-testid=event-date]", 1).await;
    assert_eq!(dates[0].text_content().unwrap(), "August 2019");
}

#[wasm_bindgen_test]
async fn an_inline_story_is_read_from_its_script_child() {
    let el = host(
        600,
        400,
        r#"<script type="application/geo+json">{"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[2.35,48.86]},
             "properties":{"name":"Paris","title":"<b>Bold</b> claim","date":"1789-07-14"}}]}</script>"#,
    );
    mount(el.clone());
    let markers = wait_for(&el, "[data-testid=marker]", 1).await;
    assert_eq!(labels(&markers), vec!["Paris: 1 event"]);
    markers[0].click();
    let title = wait_for(&el, "[data-testid=event-title]", 1).await;
    // Text stays text: the markup is shown, not parsed.
    assert_eq!(title[0].text_content().unwrap(), "<b>Bold</b> claim");
    assert!(el.query_selector("b").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_invalid_story_shows_its_errors_inside_its_own_widget() {
    let good = host(600, 400, "");
    let bad = host(600, 400, "");
    mount(good.clone());
    mount_with_source(
        bad.clone(),
        StorySource::Inline(r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[200,10]},"properties":{"name":"Nowhere","events":[{"title":"x","date":"2019-13"}]}}]}"#.into()),
    );
    let error = wait_for(&bad, "[data-testid=story-error]", 1).await;
    assert_eq!(error[0].get_attribute("role").as_deref(), Some("alert"));
    let items = wait_for(&bad, "[data-testid=story-error-item]", 2).await;
    let text: Vec<String> = items.iter().map(|i| i.text_content().unwrap()).collect();
    assert!(text.iter().any(|t| t.contains("200")), "{text:?}");
    assert!(text.iter().any(|t| t.contains("2019-13")), "{text:?}");
    assert_eq!(wait_for(&good, "[data-testid=marker]", 3).await.len(), 3);
}

#[wasm_bindgen_test]
async fn a_crash_report_replaces_only_its_own_widget() {
    let crashed = host(600, 400, "");
    let healthy = host(600, 400, "");
    mount(crashed.clone());
    mount(healthy.clone());
    wait_for(&crashed, "[data-testid=marker]", 3).await;
    wait_for(&healthy, "[data-testid=marker]", 3).await;
    show_crash(&crashed, "index out of bounds");
    let message = crashed.text_content().unwrap();
    assert!(message.contains("stopped working") && message.contains("index out of bounds"));
    assert!(crashed.query_selector("[role=alert]").unwrap().is_some());
    assert_eq!(wait_for(&healthy, "[data-testid=marker]", 3).await.len(), 3);
}

#[wasm_bindgen_test]
async fn keyed_flags_wake_only_the_watchers_of_keys_that_change() {
    use dateline::ui::keyed_flags::KeyedFlags;
    use leptos::prelude::*;
    use std::collections::HashSet;

    // Mounting anything starts Leptos's executor, which runs effects.
    let anchor: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    leptos::mount::mount_to(anchor, || ()).forget();
    let owner = Owner::new();
    owner.set();
    let flags = KeyedFlags::<usize>::new();
    let watched: Vec<(Signal<bool>, StoredValue<u32>)> = (0..5)
        .map(|key| {
            let on = flags.watch(key);
            let runs = StoredValue::new(0u32);
            Effect::new(move |_| {
                on.get();
                runs.update_value(|n| *n += 1);
            });
            (on, runs)
        })
        .collect();
    let state = || -> Vec<(bool, u32)> {
        watched
            .iter()
            .map(|(on, runs)| (on.get_untracked(), runs.get_value()))
            .collect()
    };
    sleep(20).await;
    assert_eq!(state(), vec![(false, 1); 5]);

    flags.set(HashSet::from([2]));
    sleep(20).await;
    let mut want = vec![(false, 1); 5];
    want[2] = (true, 2);
    assert_eq!(state(), want, "only key 2 woke");

    // Moving the flag wakes the key it leaves and the key it reaches.
    flags.set(HashSet::from([3, 7]));
    sleep(20).await;
    want[2] = (false, 3);
    want[3] = (true, 2);
    assert_eq!(state(), want);

    // Setting the same set again wakes nobody.
    flags.set(HashSet::from([3, 7]));
    sleep(20).await;
    assert_eq!(state(), want);
    drop(owner);
}

#[wasm_bindgen_test]
async fn the_overview_lists_a_long_story_a_page_at_a_time() {
    let features: Vec<String> = (0..60)
        .map(|i| {
            format!(
                r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{},{}]}},
                "properties":{{"name":"Place {i}","title":"Event {i}","date":"2001-01-{:02}"}}}}"#,
                -100 + 3 * i,
                i % 20 - 10,
                1 + i % 28
            )
        })
        .collect();
    let story = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    );
    let el = host(1000, 600, "");
    mount_with_source(el.clone(), StorySource::Inline(story));
    let items = wait_for(&el, "[data-testid=story-list-item]", 25).await;
    assert_eq!(items.len(), 25, "the first page");
    let more = || -> HtmlElement {
        el.query_selector("[data-testid=story-list-more]")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap()
    };
    assert_eq!(
        more().text_content().unwrap(),
        "Show more events (25 of 60 listed)"
    );
    more().click();
    assert_eq!(
        wait_for(&el, "[data-testid=story-list-item]", 50)
            .await
            .len(),
        50
    );
    more().click();
    assert_eq!(
        wait_for(&el, "[data-testid=story-list-item]", 60)
            .await
            .len(),
        60
    );
    sleep(50).await;
    assert!(
        el.query_selector("[data-testid=story-list-more]")
            .unwrap()
            .is_none(),
        "no more to show"
    );
}

/// On the web the geometry's functions are the browser's `Math`: the same
/// values as Rust's own (to rounding), with the arguments in the same order.
#[wasm_bindgen_test]
fn the_browsers_math_agrees_with_rusts() {
    use dateline::math;
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1.0);
    for x in [-2.5, -0.3, 0.0, 0.7, 1.0, 3.1] {
        for (name, ours, rusts) in [
            ("sin", math::sin(x), x.sin()),
            ("cos", math::cos(x), x.cos()),
            ("tan", math::tan(x), x.tan()),
            ("atan", math::atan(x), x.atan()),
            ("sinh", math::sinh(x), x.sinh()),
            ("cosh", math::cosh(x), x.cosh()),
            ("tanh", math::tanh(x), x.tanh()),
            ("exp", math::exp(x), x.exp()),
            ("exp2", math::exp2(x), x.exp2()),
            ("atan2", math::atan2(x, 0.5), x.atan2(0.5)),
            ("powf", math::powf(1.7, x), 1.7f64.powf(x)),
        ] {
            assert!(close(ours, rusts), "{name}({x}): {ours} against {rusts}");
        }
    }
    for x in [0.1, 1.0, 7.5] {
        assert!(close(math::ln(x), x.ln()), "ln({x})");
        assert!(close(math::log2(x), x.log2()), "log2({x})");
    }
    for x in [-0.9, 0.0, 0.6] {
        assert!(close(math::asin(x), x.asin()), "asin({x})");
        assert!(close(math::acos(x), x.acos()), "acos({x})");
    }
}
