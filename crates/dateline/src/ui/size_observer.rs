//! Keeping a signal in step with an element's size.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{HtmlDivElement, ResizeObserver};

use crate::geo::Size;

/// Writes `element`'s client size into `size` now and whenever it is
/// resized. The observer is disconnected when the current owner is cleaned up.
pub fn observe_size(element: NodeRef<leptos::html::Div>, size: RwSignal<Size>) {
    // The observer and its callback, kept until cleanup (an observer holds
    // its callback only weakly on the Rust side).
    let observing = StoredValue::new_local(None::<(ResizeObserver, Closure<dyn FnMut()>)>);
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
            if size.try_get_untracked().is_some_and(|before| before != now) {
                size.set(now);
            }
        });
        if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
            if let Some(Some((old, _))) =
                observing.try_update_value(|slot| slot.replace((observer, callback)))
            {
                old.disconnect();
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some((observer, _callback))) = observing.try_update_value(Option::take) {
            observer.disconnect();
        }
    });
}
