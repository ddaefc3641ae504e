//! Keeping the work in the browser's storage (`localStorage`) as it changes,
//! and finding it again on the next visit. Storage may be missing (a
//! private window, a sandbox) or full: then the person is told, and the
//! page goes on working with the work in memory.

use crate::{restore, save, RestoreError, Session};

/// The storage key of the work.
const KEY: &str = "dateline-studio-work";
/// Where unreadable saved work is moved, so starting afresh does not overwrite it.
const SET_ASIDE_KEY: &str = "dateline-studio-unreadable";

/// Why the work could not be kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser gives this page no storage.
    #[error("This browser does not let the page keep your work (storage is off or blocked), so it is lost when the page closes. Download the story to keep it.")]
    Unavailable,
    /// Storage refused the work (full, or over its quota).
    #[error("Your latest changes could not be kept in this browser: its storage is full. Download the story to keep it, or free some space.")]
    Full,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The work kept from the last visit: none, or a message saying why it
/// cannot be read (it is then set aside, not lost).
pub fn load() -> Result<Option<Session>, String> {
    let Some(store) = storage() else {
        return Err(StorageError::Unavailable.to_string());
    };
    let Some(text) = store.get_item(KEY).ok().flatten() else {
        return Ok(None);
    };
    restore(&text).map(Some).map_err(|e: RestoreError| {
        let _ = store.set_item(SET_ASIDE_KEY, &text);
        let _ = store.remove_item(KEY);
        let mut message = e.to_string();
        if let Some(first) = message.get(..1) {
            message = first.to_uppercase() + message.get(1..).unwrap_or("");
        }
        format!("{message}. (The old copy is kept in this browser's storage as “{SET_ASIDE_KEY}”.)")
    })
}

/// Whether the browser's storage holds the work (what a panic's message says).
pub fn holds_work() -> bool {
    storage().is_some_and(|s| s.get_item(KEY).ok().flatten().is_some())
}

/// Keeps `session`.
pub fn keep(session: &Session) -> Result<(), StorageError> {
    let store = storage().ok_or(StorageError::Unavailable)?;
    store
        .set_item(KEY, &save(session))
        .map_err(|_| StorageError::Full)
}
