//! Dateline Studio's core: the edits a person makes to a drafted or opened
//! story, undo and redo across them, the widget's validation placed next to
//! each field, where each event's sentences are in the article, and the
//! work as it is kept between visits. Pure,
//! like the drafter; the page around it is the next step of issue 12.

mod edit;
mod history;
mod problems;
mod session;
mod sources;

pub use edit::{apply, drafts_left, export, EditError, EventField, StoryEdit};
pub use history::History;
pub use problems::{problems, FieldProblem, Form};
pub use session::{restore, save, RestoreError, Session};
pub use sources::{source_spans, SourceSpans};
