//! Dateline's reader: an embeddable, offline, accessible story map widget.
//!
//! The Leptos components (`ui`), the embedding (`embed`: markup, the
//! JavaScript API), the story loader (`load`) and panic reporting, compiled
//! for `wasm32`. What they decide lives in the pure crates below, re-exported
//! here so that `dateline::story::parse` and `dateline::geo` read as before:
//! [`dateline_story`] (the story and its importers) and [`dateline_core`]
//! (the map's logic).

pub use dateline_core::{
    basemap, captions, covered_markers, deeplink, fixed_point, geo, i18n, import, interaction,
    layout, markers, math, mount_options, selection, sorting, story, story_data, tiles, timeline,
};

#[cfg(test)]
mod css_minify;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
mod import_bundle;
#[cfg(target_arch = "wasm32")]
mod js_error;
#[cfg(target_arch = "wasm32")]
pub mod load;
#[cfg(target_arch = "wasm32")]
pub mod panic_report;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::control::{ControlError, SelectedEvent, StoryMapControl};
#[cfg(target_arch = "wasm32")]
pub use ui::options::{DeepLinks, MapOptions};
#[cfg(target_arch = "wasm32")]
pub use ui::story_map::StoryMap;
