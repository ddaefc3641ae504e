//! Timers, animation frames and idle callbacks of one widget. All that are
//! still pending when the widget is unmounted are cancelled, so none of its
//! code runs after it is gone.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::time::Duration;

use leptos::leptos_dom::helpers::{
    request_animation_frame_with_handle, set_timeout_with_handle, AnimationFrameRequestHandle,
    TimeoutHandle,
};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

enum Pending {
    Frame(AnimationFrameRequestHandle),
    Timeout(TimeoutHandle),
    Idle(u32),
}

impl Pending {
    fn cancel(&self) {
        match self {
            Pending::Frame(h) => h.cancel(),
            Pending::Timeout(h) => h.clear(),
            Pending::Idle(h) => {
                if let Some(window) = web_sys::window() {
                    window.cancel_idle_callback(*h);
                }
            }
        }
    }
}

#[derive(Default)]
struct Registry {
    next: Cell<u64>,
    pending: RefCell<HashMap<u64, Pending>>,
    closed: Cell<bool>,
}

impl Registry {
    fn cancel_all(&self) {
        self.closed.set(true);
        for (_, pending) in self.pending.borrow_mut().drain() {
            pending.cancel();
        }
    }

    /// Wraps `f` so that it runs only if it is still pending, and forgets it.
    fn runner(registry: Weak<Registry>, id: u64, f: impl FnOnce() + 'static) -> impl FnOnce() {
        move || {
            let Some(registry) = registry.upgrade() else {
                return;
            };
            let still = registry.pending.borrow_mut().remove(&id).is_some();
            if still && !registry.closed.get() {
                f();
            }
        }
    }
}

/// The deferred work of one widget; `Copy`, so handlers can hold it.
/// Create it in the widget's component: it is cancelled with that owner.
#[derive(Clone, Copy)]
pub struct Tasks {
    registry: StoredValue<Rc<Registry>, LocalStorage>,
}

impl Tasks {
    /// A registry owned by the current reactive owner.
    pub fn new() -> Tasks {
        let registry = StoredValue::new_local(Rc::new(Registry::default()));
        on_cleanup(move || {
            registry.try_with_value(|r| r.cancel_all());
        });
        Tasks { registry }
    }

    /// The widget's registry (provided by `StoryMap`), or a new one owned by
    /// the current owner when used alone.
    pub fn current() -> Tasks {
        use_context::<Tasks>().unwrap_or_default()
    }

    /// Runs `f` before the next repaint.
    pub fn frame(&self, f: impl FnOnce() + 'static) {
        self.schedule(f, |run| {
            request_animation_frame_with_handle(run)
                .ok()
                .map(Pending::Frame)
        });
    }

    /// Runs `f` once the next frame has been painted (in the frame after it).
    pub fn after_next_paint(&self, f: impl FnOnce() + 'static) {
        let tasks = *self;
        // A frame asked for inside a frame callback is the following one.
        self.frame(move || tasks.frame(f));
    }

    /// Runs `f` after `delay`.
    pub fn timeout(&self, delay: Duration, f: impl FnOnce() + 'static) {
        self.schedule(f, move |run| {
            set_timeout_with_handle(run, delay)
                .ok()
                .map(Pending::Timeout)
        });
    }

    /// Runs `f` once the browser is idle (or after `at_most`, idle or not);
    /// after a zero timeout where idle callbacks are not supported (Safari).
    pub fn idle(&self, at_most: Duration, f: impl FnOnce() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let has_idle =
            js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
        if !has_idle {
            self.timeout(Duration::ZERO, f);
            return;
        }
        self.schedule(f, move |run| {
            let once = Cell::new(Some(run));
            let callback = Closure::<dyn Fn()>::new(move || {
                if let Some(run) = once.take() {
                    run();
                }
            })
            .into_js_value();
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(u32::try_from(at_most.as_millis()).unwrap_or(u32::MAX));
            window
                .request_idle_callback_with_options(callback.unchecked_ref(), &options)
                .ok()
                .map(Pending::Idle)
        });
    }

    fn schedule(
        &self,
        f: impl FnOnce() + 'static,
        start: impl FnOnce(Box<dyn FnOnce()>) -> Option<Pending>,
    ) {
        let Some(registry) = self.registry.try_get_value() else {
            return;
        };
        if registry.closed.get() {
            return;
        }
        let id = registry.next.get();
        registry.next.set(id.wrapping_add(1));
        let run = Box::new(Registry::runner(Rc::downgrade(&registry), id, f));
        if let Some(pending) = start(run) {
            registry.pending.borrow_mut().insert(id, pending);
        }
    }

    /// How many are pending (for tests).
    pub fn pending(&self) -> usize {
        self.registry
            .try_with_value(|r| r.pending.borrow().len())
            .unwrap_or(0)
    }
}

impl Default for Tasks {
    fn default() -> Self {
        Tasks::new()
    }
}
