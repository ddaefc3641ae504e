//! Leptos components, one per file. They hold signals and wire events; the
//! decisions are calls into the pure core (`story`, `geo`, `markers`).

pub mod after_paint;
pub mod basemap_layer;
pub mod camera;
pub mod dates;
pub mod details_panel;
pub mod event_card;
pub mod focus;
pub mod gesture_hint;
pub mod gestures;
pub mod keyed_flags;
pub mod map_controls;
pub mod marker_button;
pub mod overview;
pub mod quiet;
pub mod size_observer;
pub mod story_errors;
pub mod story_map;
pub mod strings;
pub mod timeline;
pub mod widget;

/// Where the reader is in the story, and so what the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Selection {
    /// The story's overview: where it starts.
    #[default]
    Overview,
    /// One event, by index into the story's reading order (its place is shown).
    Event(usize),
    /// The panel is closed.
    Closed,
}
