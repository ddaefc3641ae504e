//! The page's URL hash as the widget's link (`#event=<id>`), when deep links
//! are on: read at the start and on Back/Forward, written as the reader moves.
//! The hash format is [`crate::deeplink`]'s.

use leptos::prelude::*;

use crate::deeplink;
use crate::selection::LinkWrite;
use crate::ui::after_paint::after_paint;
use crate::ui::tasks::Tasks;

/// Whether, and under which name, a map keeps its selection in the page's link.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DeepLinks {
    /// The page's URL is left alone, and never read.
    #[default]
    Off,
    /// `#event=<id>`: for a map alone on its page.
    On,
    /// `#<name>:event=<id>`, entries joined with `&`: for several maps on one page.
    Named(String),
}

impl DeepLinks {
    /// The namespace of the hash entry, if links are on.
    fn namespace(&self) -> Option<Option<&str>> {
        match self {
            DeepLinks::Off => None,
            DeepLinks::On => Some(None),
            DeepLinks::Named(name) => Some(Some(name.as_str())),
        }
    }

    /// The event id the page's link names for this map, if links are on.
    pub fn read(&self) -> Option<String> {
        let namespace = self.namespace()?;
        let hash = web_sys::window().and_then(|w| w.location().hash().ok())?;
        deeplink::read(&hash, namespace)
    }

    /// Writes `event` (or none) into the page's link, after the next paint:
    /// history calls take milliseconds the panel should not wait for.
    pub fn write(&self, tasks: Tasks, event: Option<String>, how: LinkWrite) {
        if how == LinkWrite::Keep || self.namespace().is_none() {
            return;
        }
        let links = self.clone();
        after_paint(tasks, move || {
            if let Some(namespace) = links.namespace() {
                write_now(namespace, event.as_deref(), how == LinkWrite::Push);
            }
        });
    }

    /// Calls `follow` whenever the page's link changes by Back, Forward or
    /// an edit, until the current owner is cleaned up. Nothing if links are off.
    pub fn follow(&self, follow: impl Fn() + Clone + 'static) {
        if self.namespace().is_none() {
            return;
        }
        let again = follow.clone();
        let popstate = window_event_listener(leptos::ev::popstate, move |_| follow());
        let hashchange = window_event_listener(leptos::ev::hashchange, move |_| again());
        on_cleanup(move || {
            popstate.remove();
            hashchange.remove();
        });
    }
}

fn write_now(namespace: Option<&str>, event: Option<&str>, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let next = deeplink::write(&hash, namespace, event);
    if next == hash.trim_start_matches('#') {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = if next.is_empty() {
        // No hash left: keep the path and query, drop the bare "#".
        let location = window.location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{next}")
    };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}
