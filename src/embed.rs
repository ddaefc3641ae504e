//! Finding host elements, reading their options, and mounting a widget in each.
//!
//! A host is any element with `data-dateline`. Its story comes from, in order:
//! `data-story="URL"`, an inline `<script type="application/geo+json">` child,
//! or the built-in article. Options: `data-cooperative="off"` (see
//! [`MapOptions`]). `dateline-embed.js` starts one WebAssembly instance
//! per host (so a crash stays inside its widget) and names the host in the
//! global `__datelineTarget`; without it (Trunk's `index.html`) one instance
//! mounts every host on the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

use crate::load::StorySource;
use crate::panic_report;
use crate::ui::story_map::MapOptions;
use crate::ui::widget::Widget;

/// The attribute that marks an element as a Dateline host.
pub const HOST_ATTRIBUTE: &str = "data-dateline";
/// Set on a host once a widget is mounted in it; its value is the widget's id.
pub const MOUNTED_ATTRIBUTE: &str = "data-dateline-mounted";
const TARGET_GLOBAL: &str = "__datelineTarget";
const STYLE_ID: &str = "dateline-styles";
const STYLES: &str = concat!(
    include_str!("../assets/dateline.css"),
    include_str!("../assets/timeline.css")
);

/// Mounts a widget in the host named by the loader, or else in every host not yet mounted.
pub fn mount_hosts() {
    let Some(document) = document_opt() else {
        return;
    };
    ensure_styles(&document);
    for host in hosts(&document) {
        mount(host);
    }
}

/// Mounts one widget in `host`, reading its story source and options from the host's markup.
pub fn mount(host: HtmlElement) {
    let source = read_source(&host);
    let options = read_options(&host);
    mount_with(host, source, options);
}

/// Mounts one widget in `host` showing the story from `source`, with default options.
pub fn mount_with_source(host: HtmlElement, source: StorySource) {
    mount_with(host, source, MapOptions::default());
}

/// Mounts one widget in `host` showing the story from `source`.
pub fn mount_with(host: HtmlElement, source: StorySource, options: MapOptions) {
    if let Some(document) = document_opt() {
        ensure_styles(&document);
    }
    let id = widget_id(&host);
    // Best effort: a host that refuses attributes still gets its widget.
    let _ = host.set_attribute(MOUNTED_ATTRIBUTE, &id);
    host.set_text_content(None);
    panic_report::watch(&host);
    leptos::mount::mount_to(
        host,
        move || view! { <Widget source=source id=id options=options /> },
    )
    .forget();
}

/// Where the host's story comes from.
pub fn read_source(host: &HtmlElement) -> StorySource {
    if let Some(url) = host
        .get_attribute("data-story")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
    {
        return StorySource::Url(url);
    }
    let inline = host
        .query_selector("script[type='application/geo+json'], script[type='application/json']")
        .ok()
        .flatten()
        .and_then(|script| script.text_content());
    match inline {
        Some(text) => StorySource::Inline(text),
        None => StorySource::BuiltIn,
    }
}

/// The host's options: `data-cooperative="off"` (or `"false"`) lets a plain
/// wheel and one finger move the map without clicking it first.
pub fn read_options(host: &HtmlElement) -> MapOptions {
    let off = host
        .get_attribute("data-cooperative")
        .is_some_and(|v| matches!(v.trim(), "off" | "false" | "no"));
    MapOptions {
        cooperative_gestures: !off,
    }
}

fn hosts(document: &Document) -> Vec<HtmlElement> {
    let target = js_sys::Reflect::get(&js_sys::global(), &TARGET_GLOBAL.into())
        .ok()
        .and_then(|value| value.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        let _ = js_sys::Reflect::delete_property(&js_sys::global(), &TARGET_GLOBAL.into());
        return vec![target];
    }
    let selector = format!("[{HOST_ATTRIBUTE}]:not([{MOUNTED_ATTRIBUTE}])");
    let Ok(list) = document.query_selector_all(&selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The host's own id, or the next free `dateline-N`: unique on the page even
/// when several WebAssembly instances mount widgets.
fn widget_id(host: &HtmlElement) -> String {
    let own = host.id();
    if !own.is_empty() {
        return own;
    }
    let taken = document_opt()
        .and_then(|d| d.query_selector_all(&format!("[{MOUNTED_ATTRIBUTE}]")).ok())
        .map_or(0, |list| list.length());
    let mut n = taken + 1;
    while document_opt()
        .and_then(|d| d.get_element_by_id(&format!("dateline-{n}")))
        .is_some()
    {
        n += 1;
    }
    let id = format!("dateline-{n}");
    host.set_id(&id);
    id
}

/// The widget's CSS travels inside the WebAssembly, so an embed needs one script and no stylesheet.
fn ensure_styles(document: &Document) {
    if document.get_element_by_id(STYLE_ID).is_some() {
        return;
    }
    let Ok(style) = document.create_element("style") else {
        return;
    };
    style.set_id(STYLE_ID);
    style.set_text_content(Some(STYLES));
    if let Some(head) = document.head() {
        // Prepend, so the host page's own rules (same specificity) win.
        let _ = head.insert_before(&style, head.first_child().as_ref());
    }
}

fn document_opt() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}
