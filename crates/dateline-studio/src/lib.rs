//! Dateline Studio's core: the edits a person makes to a drafted or opened
//! story, undo and redo across them, the widget's validation placed next to
//! each field, where each event's sentences are in the article, and the
//! work as it is kept between visits. Pure, like the drafter; the page is
//! `crate::ui`.

use dateline_draft as draft;
use dateline_story::{import, story};

#[cfg(target_arch = "wasm32")]
pub mod ui;

mod blank;
mod edit;
mod event_fields;
mod history;
mod open;
mod outline;
mod problems;
mod session;
mod sources;
mod start;
mod take_away;

pub use edit::{apply, drafts_left, export, EditError, StoryEdit};
pub use event_fields::{
    field_text, plain_summary, precision_of, with_precision, EventField, Precision,
};
pub use history::History;
pub use open::{canonical, empty_story, open_story, Opened};
pub use outline::{event_by_id, outline, place_by_id, place_of_event, EventRow, PlaceRow};
pub use problems::{problems, FieldProblem, Form};
pub use session::{restore, save, RestoreError, Session};
pub use sources::{segments, source_spans, Segment, SourceSpans};
pub use start::{check_article, draft_article, ArticleForm, StartError, StartField};
pub use take_away::{embed_code, STORY_FILE, WHERE_FILES_GO};
