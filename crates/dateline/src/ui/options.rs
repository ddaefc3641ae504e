//! How a map behaves: every switch, with its default beside it.

pub use crate::tiles::RasterTiles;
pub use crate::ui::link_sync::DeepLinks;

/// How a [`StoryMap`](crate::ui::story_map::StoryMap) behaves. The defaults
/// suit a map inside a page of text, in an app that owns the page's URL.
///
/// # Examples
///
/// ```no_run
/// use dateline::ui::options::{DeepLinks, MapOptions};
///
/// let options = MapOptions {
///     deep_links: DeepLinks::On,
///     initial_event: Some("kim-gift".to_string()),
///     ..MapOptions::default()
/// };
/// assert!(options.cooperative_gestures);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Plain wheel and one-finger swipes scroll the page until the map is
    /// clicked or focused (Ctrl/⌘ + wheel and two fingers always move it),
    /// so a map in an article does not trap the reader's scrolling.
    /// Default `true`; `data-cooperative="off"` or `cooperative: false` in
    /// the embed turns it off.
    pub cooperative_gestures: bool,
    /// Whether the map reads the page's URL hash (`#event=<id>`) at the
    /// start and on Back/Forward, and writes the open event into it.
    /// Default [`DeepLinks::Off`]: the map never touches the URL. The embed
    /// turns it on (named by the widget's id when the page has several).
    pub deep_links: DeepLinks,
    /// The id of the event to open first, instead of the overview (a link
    /// in the URL, when deep links are on, comes first). An id that names no
    /// event opens the overview with a notice saying so. Default `None`.
    pub initial_event: Option<String>,
    /// The language of the widget's own words and dates, as a BCP 47 tag
    /// (`ru`, `de-CH`): English, Russian, German, French, Spanish or Arabic
    /// (right to left), else English. Default `None`: the page's `<html lang>`.
    pub language: Option<String>,
    /// A newsroom's own XYZ raster tiles, drawn instead of the self-hosted
    /// detail and place names (`data-tiles` and `data-tiles-attribution` in
    /// the embed). Default `None`: the detail tiles beside the bundle.
    pub raster: Option<RasterTiles>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            cooperative_gestures: true,
            deep_links: DeepLinks::Off,
            initial_event: None,
            language: None,
            raster: None,
        }
    }
}
