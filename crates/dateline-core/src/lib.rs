//! Dateline's map logic, pure: geography and clustering ([`geo`]), the
//! embedded basemap and the detail tiles ([`basemap`], [`tiles`]), the
//! timeline's layout, markers, captions and layout decisions, selection and
//! interaction, deep links, languages ([`i18n`]), and what the reader's
//! options and story data mean. It builds on [`dateline_story`] and
//! [`dateline_math`] (re-exported as [`story`], [`import`], [`sorting`] and
//! [`math`]) and depends on no browser crate.

pub use dateline_math as math;
pub use dateline_story::{import, sorting, story};

pub mod basemap;
pub mod captions;
pub mod covered_markers;
pub mod deeplink;
pub mod fixed_point;
pub mod geo;
pub mod i18n;
pub mod interaction;
pub mod layout;
pub mod markers;
pub mod mount_options;
pub mod selection;
pub mod story_data;
pub mod tiles;
pub mod timeline;
