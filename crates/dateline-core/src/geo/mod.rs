//! Web Mercator projection, viewports and marker grouping in pixel space.
//!
//! Geographic space ([`LonLat`], [`WorldPoint`], [`WorldBounds`]) is kept
//! apart from pixel space ([`ScreenPoint`], [`Size`]); a [`Viewport`] is the
//! only bridge between the two. Everything here is pure and runs natively.

pub mod bounds;
pub mod cluster_tree;
pub mod flight;
pub mod journey;
mod kdtree;
pub mod layer_reuse;
pub mod limits;
pub mod mercator;
pub mod screen;
pub mod viewport;
pub mod zoom;

pub use bounds::WorldBounds;
pub use cluster_tree::{
    spiderfy_offsets, ClusterId, ClusterItem, ClusterOptions, ClusterTree, MAX_CLUSTER_ZOOM,
};
pub use flight::{ease_in_out, Flight};
pub use journey::{Journey, Leg};
pub use layer_reuse::{LayerShift, ReusePolicy};
pub use limits::{constrain, constrain_within, min_zoom, MAX_ZOOM};
pub use mercator::{
    ground_distance_m, project, unproject, LonLat, WorldPoint, EARTH_CIRCUMFERENCE_M, MAX_LATITUDE,
};
pub use screen::{Insets, ScreenPoint, Size};
pub use viewport::{Viewport, CENTER_LIMIT, DEFAULT_FIT_MAX_ZOOM};
pub use zoom::{InvalidZoom, Zoom, TILE_SIZE};
