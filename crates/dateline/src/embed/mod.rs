//! Finding host elements, reading their options, and mounting a widget in each.
//!
//! A host is any element with `data-dateline`. Its story comes from, in order:
//! `data-story="URL"`, an inline `<script type="application/geo+json">` child,
//! or the built-in article. Options: `data-cooperative="off"`. The embed
//! loader (`dateline-embed.js`) gives each host its own WebAssembly instance
//! and mounts it through [`js_api`]; without the loader (Trunk's
//! `index.html`) one instance mounts every host on the page.

pub mod host_events;
// The JavaScript API's exports; left out of bundles that are not the reader
// (the importers'), which would otherwise keep all of the reader's code.
#[cfg(feature = "js-api")]
pub mod js_api;

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

use crate::embed::host_events::HostEvents;
use crate::import::Format;
use crate::load::StorySource;
pub use crate::mount_options::EmbedOptions;
use crate::panic_report;
use crate::tiles::RasterTiles;
use crate::ui::control::StoryMapControl;
use crate::ui::options::{DeepLinks, MapOptions};
use crate::ui::widget::Widget;

/// The attribute that marks an element as a Dateline host.
pub const HOST_ATTRIBUTE: &str = "data-dateline";
/// Set on a host once a widget is mounted in it; its value is the widget's id.
pub const MOUNTED_ATTRIBUTE: &str = "data-dateline-mounted";
/// Set by `dateline-embed.js`: it mounts the widgets itself, one instance each.
const LOADER_GLOBAL: &str = "__datelineLoader";

/// A widget mounted in a host: what a script can still ask of it. Only
/// [`MountedWidget::destroy`] removes the widget; dropping this (or the
/// garbage collector taking a script's handle) leaves it on the page.
pub struct MountedWidget {
    host: HtmlElement,
    /// Unmounts the view and disposes of its reactive owner when dropped.
    unmount: Option<Box<dyn Any>>,
    /// The story shown; setting it loads another.
    pub source: Option<RwSignal<StorySource>>,
    /// Opens events and the overview.
    pub control: Option<StoryMapControl>,
}

impl MountedWidget {
    /// Removes the widget: its view, listeners, observers, timers and frames
    /// go, and the host is left empty and unmarked.
    pub fn destroy(&mut self) {
        // Dropping the handle unmounts the view and cleans up its owner.
        drop(self.unmount.take());
        self.source = None;
        self.control = None;
        panic_report::unwatch(&self.host);
        let _ = self.host.remove_attribute(MOUNTED_ATTRIBUTE);
        self.host.set_text_content(None);
    }
}

impl Drop for MountedWidget {
    fn drop(&mut self) {
        if let Some(handle) = self.unmount.take() {
            std::mem::forget(handle);
        }
    }
}

/// Mounts a widget in every host not yet mounted, unless the embed loader
/// is on the page (it mounts each host in an instance of its own).
pub fn mount_hosts() {
    let loader =
        js_sys::Reflect::get(&js_sys::global(), &LOADER_GLOBAL.into()).is_ok_and(|v| v.is_truthy());
    let Some(document) = document_opt().filter(|_| !loader) else {
        return;
    };
    for host in hosts(&document) {
        // These widgets live as long as the page.
        mount(host);
    }
}

/// Mounts one widget in `host`, reading its story source and options from the host's markup.
pub fn mount(host: HtmlElement) -> MountedWidget {
    let source = read_source(&host);
    let options = read_options(&host);
    mount_with(host, source, options)
}

/// Mounts one widget in `host` showing the story from `source`, with default options.
pub fn mount_with_source(host: HtmlElement, source: StorySource) -> MountedWidget {
    mount_with(host, source, EmbedOptions::default())
}

/// Mounts one widget in `host` showing the story from `source`.
pub fn mount_with(host: HtmlElement, source: StorySource, options: EmbedOptions) -> MountedWidget {
    let id = widget_id(&host);
    let deep_links = match (options.links, count_widgets() > 1) {
        (false, _) => DeepLinks::Off,
        (true, false) => DeepLinks::On,
        (true, true) => DeepLinks::Named(id.clone()),
    };
    let format = options.format;
    let map_options = MapOptions {
        cooperative_gestures: options.cooperative,
        deep_links,
        initial_event: options.event,
        language: options.language.or_else(|| host_language(&host)),
        raster: options.raster,
    };
    // Best effort: a host that refuses attributes still gets its widget.
    let _ = host.set_attribute(MOUNTED_ATTRIBUTE, &id);
    host.set_text_content(None);
    panic_report::watch(&host);
    let events = HostEvents::new(host.clone());
    // The signals are made inside the mount, so they belong to its owner.
    let handles = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = handles.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let source = RwSignal::new(source);
        let control = StoryMapControl::new();
        out.set(Some((source, control)));
        view! {
            <Widget
                source=source
                format=format
                id=id
                options=map_options
                control=control
                on_ready=events.on_ready()
                on_error=events.on_error()
                on_select=events.on_select()
            />
        }
    });
    let (source, control) = handles.take().unzip();
    MountedWidget {
        host,
        unmount: Some(Box::new(handle)),
        source,
        control,
    }
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
        .query_selector(
            "script[type='application/geo+json'], script[type='application/json'], script[type='text/csv']",
        )
        .ok()
        .flatten()
        .and_then(|script| script.text_content());
    match inline {
        Some(text) => StorySource::Inline(text),
        None => StorySource::BuiltIn,
    }
}

/// The host's options: `data-cooperative="off"` (or `"false"`) lets a plain
/// wheel and one finger move the map without clicking it first;
/// `data-event="<id>"` opens that event first; `data-links="off"` leaves the
/// page's URL alone; `data-format="csv"` (or an inline
/// `<script type="text/csv">`) says the story is a spreadsheet.
pub fn read_options(host: &HtmlElement) -> EmbedOptions {
    let off = |name: &str| {
        host.get_attribute(name)
            .is_some_and(|v| matches!(v.trim(), "off" | "false" | "no"))
    };
    // A bad tile address is the page author's to fix: said in the console,
    // and the map draws its own detail meanwhile.
    let raster = host.get_attribute("data-tiles").and_then(|template| {
        let credit = host
            .get_attribute("data-tiles-attribution")
            .unwrap_or_default();
        RasterTiles::new(&template, &credit)
            .map_err(|e| web_sys::console::error_1(&format!("Dateline: data-tiles: {e}").into()))
            .ok()
    });
    EmbedOptions {
        cooperative: !off("data-cooperative"),
        event: host
            .get_attribute("data-event")
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty()),
        raster,
        links: !off("data-links"),
        format: if host
            .get_attribute("data-format")
            .is_some_and(|f| f.trim().eq_ignore_ascii_case("csv"))
            || host
                .query_selector("script[type='text/csv']")
                .ok()
                .flatten()
                .is_some()
        {
            Format::Csv
        } else {
            Format::Detect
        },
        language: None,
    }
}

/// The language a host asks for: its `data-lang`, else the nearest `lang`
/// attribute around it (normally the page's `<html lang>`).
fn host_language(host: &HtmlElement) -> Option<String> {
    let own = host.get_attribute("data-lang");
    let around = || {
        host.closest("[lang]")
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("lang"))
    };
    own.or_else(around)
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
}

fn hosts(document: &Document) -> Vec<HtmlElement> {
    let selector = format!("[{HOST_ATTRIBUTE}]:not([{MOUNTED_ATTRIBUTE}])");
    let Ok(list) = document.query_selector_all(&selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// How many Dateline widgets the page has (or is about to have).
fn count_widgets() -> u32 {
    document_opt()
        .and_then(|d| {
            d.query_selector_all(&format!("[{HOST_ATTRIBUTE}], [{MOUNTED_ATTRIBUTE}]"))
                .ok()
        })
        .map_or(1, |list| list.length())
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

fn document_opt() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}
