//! Leptos components, one per file. They hold signals and wire events; the
//! decisions are calls into the pure core (`story`, `geo`, `markers`).

pub mod after_paint;
pub mod basemap_layer;
pub mod camera;
pub mod caption_widths;
pub mod control;
pub mod detail_layer;
pub mod detail_store;
pub mod details_panel;
pub mod event_card;
pub mod focus;
pub mod gesture_hint;
pub mod gestures;
pub mod keyed_flags;
pub mod label_layer;
pub mod link_sync;
pub mod locale;
pub mod map_controls;
pub mod map_view;
pub mod marker_button;
pub mod marker_layer;
pub mod media_view;
pub mod options;
pub mod overview;
pub mod quiet;
pub mod rich_text;
pub mod size_observer;
pub mod story_errors;
pub mod story_map;
pub mod story_state;
pub mod styles;
pub mod tasks;
pub mod timeline;
pub mod widget;

pub use crate::selection::Selection;
