//! Leptos components, one per file. They hold signals and wire events; the
//! decisions are calls into the pure core (`story`, `geo`, `markers`).

pub mod basemap_layer;
pub mod camera;
pub mod details_panel;
pub mod event_card;
pub mod focus;
pub mod gesture_hint;
pub mod gestures;
pub mod map_controls;
pub mod marker_button;
pub mod size_observer;
pub mod story_errors;
pub mod story_map;
pub mod widget;

/// What the details panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Selection {
    /// Nothing: the panel is closed.
    #[default]
    None,
    /// One place, by index into the story's places.
    Place(usize),
}
