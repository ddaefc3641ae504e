//! Dateline: an embeddable, offline, accessible story map widget.
//!
//! The pure core (`story`, `geo`, `basemap`) imports neither `leptos` nor
//! `web-sys` and is tested natively; the browser side lives in `ui`, `embed`
//! and `panic_report`, compiled for `wasm32` only.

pub mod basemap;
pub mod captions;
pub mod covered_markers;
#[cfg(test)]
mod css_minify;
pub mod deeplink;
pub mod draft;
pub mod fixed_point;
pub mod geo;
pub mod i18n;
pub mod import;
pub mod interaction;
pub mod layout;
pub mod markers;
pub mod math;
pub mod mount_options;
pub mod selection;
pub mod sorting;
pub mod story;
pub mod story_data;
pub mod studio;
pub mod tiles;
pub mod timeline;

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
pub mod studio_ui;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::control::{ControlError, SelectedEvent, StoryMapControl};
#[cfg(target_arch = "wasm32")]
pub use ui::options::{DeepLinks, MapOptions};
#[cfg(target_arch = "wasm32")]
pub use ui::story_map::StoryMap;
