//! Dateline Studio's core: the edits a person makes to a drafted or opened
//! story, and undo and redo across them. Pure, like the drafter; the page
//! around it is the next step of issue 12.

mod edit;
mod history;

pub use edit::{apply, drafts_left, export, EditError, EventField, StoryEdit};
pub use history::History;
