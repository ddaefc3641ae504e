//! A set of keys ("selected", "caption shown") that many elements watch, each
//! for its own key. Changing the set wakes only the watchers of keys that
//! entered or left it: with one signal read by every marker or timeline mark,
//! each change would re-run all of them, and Leptos pays for every
//! subscription dropped in proportion to the signal's subscriber count.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use leptos::prelude::*;

struct Inner<K> {
    on: HashSet<K>,
    /// One trigger per watched key, with how many watchers hold it.
    watchers: HashMap<K, (ArcTrigger, usize)>,
}

/// A reactive set of keys; `Copy`, so views can hold it.
pub struct KeyedFlags<K: 'static> {
    inner: StoredValue<Inner<K>, LocalStorage>,
}

impl<K: 'static> Clone for KeyedFlags<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: 'static> Copy for KeyedFlags<K> {}

impl<K: Eq + Hash + Clone + Send + Sync + 'static> KeyedFlags<K> {
    /// An empty set.
    pub fn new() -> Self {
        KeyedFlags {
            inner: StoredValue::new_local(Inner {
                on: HashSet::new(),
                watchers: HashMap::new(),
            }),
        }
    }

    /// Whether `key` is in the set, as a signal that changes only with it.
    /// Call it where the watcher lives: it stops watching when that is cleaned up.
    pub fn watch(&self, key: K) -> Signal<bool> {
        let trigger = self
            .inner
            .try_update_value(|inner| {
                let entry = inner
                    .watchers
                    .entry(key.clone())
                    .or_insert_with(|| (ArcTrigger::new(), 0));
                entry.1 += 1;
                entry.0.clone()
            })
            .unwrap_or_else(ArcTrigger::new);
        let inner = self.inner;
        let forget = key.clone();
        on_cleanup(move || {
            inner.try_update_value(|inner| {
                if let Some((_, count)) = inner.watchers.get_mut(&forget) {
                    *count -= 1;
                    if *count == 0 {
                        inner.watchers.remove(&forget);
                    }
                }
            });
        });
        Signal::derive(move || {
            trigger.track();
            inner
                .try_with_value(|inner| inner.on.contains(&key))
                .unwrap_or(false)
        })
    }

    /// Makes `next` the set, waking the watchers of keys that changed.
    pub fn set(&self, next: HashSet<K>) {
        let changed: Vec<ArcTrigger> = self
            .inner
            .try_update_value(|inner| {
                let changed = inner
                    .on
                    .symmetric_difference(&next)
                    .filter_map(|key| inner.watchers.get(key).map(|(t, _)| t.clone()))
                    .collect();
                inner.on = next;
                changed
            })
            .unwrap_or_default();
        // Notified after the update, so watchers that run at once see the new set.
        for trigger in changed {
            trigger.notify();
        }
    }
}

impl<K: Eq + Hash + Clone + Send + Sync + 'static> Default for KeyedFlags<K> {
    fn default() -> Self {
        KeyedFlags::new()
    }
}
