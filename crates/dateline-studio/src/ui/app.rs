//! Dateline Studio's page: the toolbar (undo, redo, a new story, whether the
//! work is kept), then the start page or the editor; the work restored from
//! the browser's storage, and kept there as it changes.

use leptos::prelude::*;

use crate::ui::editor::Editor;
use crate::ui::start_page::StartPage;
use crate::ui::storage::{keep, load};
use crate::ui::work::Work;
use crate::Session;

/// The whole Studio.
#[component]
pub fn StudioApp() -> impl IntoView {
    let (restored, trouble) = match load() {
        Ok(session) => (session, None),
        Err(message) => (None, Some(message)),
    };
    let was_restored = restored.as_ref().is_some_and(|s| s.story.is_some());
    let work = Work::new(restored.unwrap_or_else(Session::default));
    let kept = RwSignal::new(trouble.clone());
    if let Some(message) = trouble {
        work.notes.set(vec![message]);
    } else if was_restored {
        work.notes.set(vec![
            "Your work from the last visit is back, as you left it.".into(),
        ]);
    }
    // Kept as it changes; the first run writes what was just read, which is harmless.
    Effect::new(move |_| {
        let outcome = work.session.with(keep);
        let message = outcome.err().map(|e| e.to_string());
        if kept.get_untracked() != message {
            kept.set(message);
        }
    });
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key().to_lowercase();
        let command = ev.ctrl_key() || ev.meta_key();
        if command && key == "z" && !ev.shift_key() {
            ev.prevent_default();
            work.undo();
        } else if command && ((key == "z" && ev.shift_key()) || key == "y") {
            ev.prevent_default();
            work.redo();
        } else if key == "escape" && work.placing.get_untracked().is_some() {
            work.placing.set(None);
            work.status.set("Placing cancelled.".into());
        }
    });
    on_cleanup(move || on_key.remove());
    let saved_note = move || {
        match kept.get() {
        Some(problem) => view! { <p class="st-kept st-warning" role="alert" data-testid="storage-problem">{problem}</p> }.into_any(),
        None => view! { <p class="st-kept" data-testid="kept">"Your work is kept in this browser as you go."</p> }.into_any(),
    }
    };
    view! {
        <header class="st-header">
            <h1>"Dateline Studio"</h1>
            <div class="st-toolbar" role="toolbar" aria-label="Editing">
                <button type="button" on:click=move |_| work.undo() disabled=move || !work.can_undo.get()
                    aria-keyshortcuts="Control+Z Meta+Z">"Undo"</button>
                <button type="button" on:click=move |_| work.redo() disabled=move || !work.can_redo.get()
                    aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">"Redo"</button>
                <Show when=move || !work.starting.get()>
                    <button type="button" on:click=move |_| work.starting.set(true)>"New story"</button>
                </Show>
                <a href="index.html">"The reader's map"</a>
            </div>
            {saved_note}
        </header>
        <main class="st-main">
            <Show when=move || !work.notes.with(Vec::is_empty)>
                <div class="st-notes" data-testid="notes">
                    <ul>{move || work.notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" class="st-dismiss" on:click=move |_| work.notes.set(Vec::new())>"Dismiss"</button>
                </div>
            </Show>
            {move || if work.starting.get() {
                view! { <StartPage work=work /> }.into_any()
            } else {
                view! { <Editor work=work /> }.into_any()
            }}
        </main>
        <div class="st-visually-hidden" aria-live="polite" data-testid="studio-status">{move || work.status.get()}</div>
    }
}
