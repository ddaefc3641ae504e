//! The work open in the Studio, as one `Copy` handle every component holds:
//! the session (article and story) with its undo history, what is selected,
//! whether a place waits to be put on the map, and what the page tells the
//! person. Every change goes through [`Work::edit`] or [`Work::replace`], so
//! undo, the saved copy and the preview always agree.

use leptos::prelude::*;
use serde_json::Value;

use crate::{
    apply, outline, problems, EditError, FieldProblem, History, PlaceRow, Session, StoryEdit,
};

/// How many steps undo goes back.
const UNDO_STEPS: usize = 200;

/// What the editor shows a form for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selected {
    /// The story's own fields.
    Story,
    /// A place, by id.
    Place(String),
    /// An event, by id.
    Event(String),
}

/// Handles to the work; `Copy`.
#[derive(Clone, Copy)]
pub struct Work {
    history: StoredValue<History<Session>>,
    /// The session now (the history's present).
    pub session: RwSignal<Session>,
    /// Whether there is a step to undo, and to redo.
    pub can_undo: RwSignal<bool>,
    /// Whether there is a step to redo.
    pub can_redo: RwSignal<bool>,
    /// The form shown.
    pub selected: RwSignal<Option<Selected>>,
    /// The place waiting for a click on the map, if any.
    pub placing: RwSignal<Option<String>>,
    /// What the live region says (edits refused, undo, copy).
    pub status: RwSignal<String>,
    /// Every problem of the story, by form and field.
    pub problems: Memo<Vec<FieldProblem>>,
    /// Whether the start page shows (work may be open behind it).
    pub starting: RwSignal<bool>,
    /// What the page tells the person about the work as a whole (an opened
    /// file's left-out slides, saved work that could not be read).
    pub notes: RwSignal<Vec<String>>,
}

impl Work {
    /// The work restored from `session`.
    pub fn new(session: Session) -> Work {
        let starting = session.story.is_none();
        let session_signal = RwSignal::new(session.clone());
        let problems = Memo::new(move |_| {
            session_signal.with(|s| s.story.as_ref().map(problems).unwrap_or_default())
        });
        Work {
            history: StoredValue::new(History::new(session, UNDO_STEPS)),
            session: session_signal,
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            selected: RwSignal::new(None),
            placing: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            problems,
            starting: RwSignal::new(starting),
            notes: RwSignal::new(Vec::new()),
        }
    }

    /// Makes `edit` to the story; typing in one field (`group`) is one undo step.
    pub fn edit(&self, edit: StoryEdit, group: Option<&str>) -> Result<(), EditError> {
        let Some(story) = self.session.with_untracked(|s| s.story.clone()) else {
            return Err(EditError::NotAStory);
        };
        let next =
            apply(&story, &edit).inspect_err(|e| self.status.set(capitalised(&e.to_string())))?;
        let mut session = self.session.get_untracked();
        session.story = Some(next);
        self.record(session, group);
        Ok(())
    }

    /// Replaces the whole session (a new draft, an opened file); undo brings the old one back.
    pub fn replace(&self, session: Session) {
        self.close_group();
        self.selected.set(None);
        self.placing.set(None);
        self.starting.set(session.story.is_none());
        self.record(session, None);
    }

    /// Keeps the start form's fields as typed (no story change).
    pub fn set_form(&self, update: impl FnOnce(&mut Session)) {
        let mut session = self.session.get_untracked();
        update(&mut session);
        self.record(session, Some("start-form"));
    }

    /// Ends a typing step (the field lost focus).
    pub fn close_group(&self) {
        self.history.update_value(History::close_group);
    }

    /// Goes one step back.
    pub fn undo(&self) {
        let back = self
            .history
            .try_update_value(|h| h.undo().cloned())
            .flatten();
        self.step(back, "Undone.");
    }

    /// Goes one step forward again.
    pub fn redo(&self) {
        let forward = self
            .history
            .try_update_value(|h| h.redo().cloned())
            .flatten();
        self.step(forward, "Redone.");
    }

    /// The story's places as the list shows them (tracked).
    pub fn places(&self) -> Vec<PlaceRow> {
        self.session
            .with(|s| s.story.as_ref().map(outline).unwrap_or_default())
    }

    /// The story now, if there is one.
    pub fn story(&self) -> Option<Value> {
        self.session.with(|s| s.story.clone())
    }

    fn step(&self, to: Option<Session>, said: &str) {
        let Some(session) = to else { return };
        if session.story.is_none() {
            self.starting.set(true);
        }
        self.session.set(session);
        self.update_flags();
        self.status.set(said.to_string());
    }

    fn record(&self, session: Session, group: Option<&str>) {
        self.history
            .update_value(|h| h.record(session.clone(), group));
        self.session.set(session);
        self.update_flags();
    }

    fn update_flags(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo.get_untracked() != undo {
            self.can_undo.set(undo);
        }
        if self.can_redo.get_untracked() != redo {
            self.can_redo.set(redo);
        }
    }
}

/// A message from the core as a sentence.
pub fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
