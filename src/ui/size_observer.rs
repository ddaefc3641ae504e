//! Keeping a signal in step with an element's size.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{HtmlDivElement, ResizeObserver};

use crate::geo::Size;

/// Writes `element`'s client size into `size` now and whenever it is resized.
pub fn observe_size(element: NodeRef<leptos::html::Div>, size: RwSignal<Size>) {
    Effect::new(move |_| {
        let Some(el) = element.get() else {
            return;
        };
        let read = move |el: &HtmlDivElement| Size {
            width: f64::from(el.client_width()),
            height: f64::from(el.client_height()),
        };
        size.set(read(&el));
        let observed = el.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            let now = read(&observed);
            if size.get_untracked() != now {
                size.set(now);
            }
        });
        if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        // The widget lives as long as the page; the observer holds the closure.
        callback.forget();
    });
}
