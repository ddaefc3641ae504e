//! Work that waits until a burst of calls has gone quiet (a debounce).

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::tasks::Tasks;

/// Runs the last work it was given once no more has come for a while.
/// `Copy`, so event handlers and effects can hold it.
#[derive(Clone, Copy)]
pub struct Quiet {
    calls: StoredValue<u64>,
    tasks: Tasks,
}

impl Quiet {
    /// Nothing pending yet.
    pub fn new() -> Quiet {
        Quiet {
            calls: StoredValue::new(0),
            tasks: Tasks::current(),
        }
    }

    /// Runs `f` after `delay`, unless `after` is called again meanwhile (then
    /// only the later call's work runs) or the owner is gone.
    pub fn after(&self, delay: Duration, f: impl FnOnce() + 'static) {
        self.calls.update_value(|n| *n = n.wrapping_add(1));
        let (calls, this_call) = (self.calls, self.calls.get_value());
        self.tasks.timeout(delay, move || {
            if calls.try_get_value() == Some(this_call) {
                f();
            }
        });
    }
}

impl Default for Quiet {
    fn default() -> Self {
        Quiet::new()
    }
}
