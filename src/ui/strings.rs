//! The widget's own words, in one place (the story's text comes from the story).

/// Loading message while the story is fetched and checked.
pub const LOADING: &str = "Loading the story…";
/// Attribution of the embedded basemap.
pub const ATTRIBUTION: &str = "Basemap: Natural Earth";
/// Label of the group of zoom buttons.
pub const MAP_CONTROLS: &str = "Map controls";
/// Zoom in button: accessible name and tooltip.
pub const ZOOM_IN: &str = "Zoom in";
/// Tooltip of the zoom-in button (with its key).
pub const ZOOM_IN_TIP: &str = "Zoom in (+)";
/// Zoom out button: accessible name.
pub const ZOOM_OUT: &str = "Zoom out";
/// Tooltip of the zoom-out button (with its key).
pub const ZOOM_OUT_TIP: &str = "Zoom out (−)";
/// Whole-story button: accessible name.
pub const WHOLE_STORY: &str = "Show the whole story";
/// Tooltip of the whole-story button (with its key).
pub const WHOLE_STORY_TIP: &str = "Show the whole story (Home)";
/// Label of the marker layer.
pub const PLACES_ON_MAP: &str = "Places on the map";
/// Close button of the panel.
pub const CLOSE_DETAILS: &str = "Close details";
/// The button that opens or folds a bottom sheet (its state is `aria-expanded`).
pub const PANEL_TOGGLE: &str = "Story details";
/// The button that shows or hides the timeline's titles and undated events.
pub const TIMELINE_TOGGLE: &str = "Titles";
/// Heading of an untitled story's overview.
pub const UNTITLED_STORY: &str = "The story";
/// Link to an event's source.
pub const READ_SOURCE: &str = "Read the source";
/// Said after a link that opens a new tab.
pub const OPENS_NEW_TAB: &str = " (opens in a new tab)";
/// Before the list of people in an event.
pub const PEOPLE: &str = "People: ";
/// The overview's button that opens the first event.
pub const START_STORY: &str = "Start the story";
/// Heading of the overview's list of events.
pub const EVENTS_IN_ORDER: &str = "Events in order";
/// The overview, as a place in the story.
pub const OVERVIEW: &str = "Overview";
/// Previous-event button.
pub const PREVIOUS_EVENT: &str = "Previous event";
/// Next-event button.
pub const NEXT_EVENT: &str = "Next event";
/// Hint after a one-finger swipe scrolled the page.
pub const TOUCH_HINT: &str = "Use two fingers to move the map";
/// Hint after a plain wheel scrolled the page (Apple platforms use ⌘).
pub const WHEEL_HINT: &str = "Use Ctrl + scroll to zoom the map";
/// [`WHEEL_HINT`] on Apple platforms.
pub const WHEEL_HINT_APPLE: &str = "Use ⌘ + scroll to zoom the map";

/// The map's accessible name, with how to use it from the keyboard.
pub fn map_label(title: &str) -> String {
    format!("Map of {title}. Arrow keys pan, plus and minus zoom, Home shows the whole story.")
}

/// An undated event in the timeline.
pub fn undated(title: &str) -> String {
    format!("Undated: {title}")
}

/// Announced when the overview opens.
pub fn overview_of(title: &str) -> String {
    format!("Overview: {title}")
}

/// The button that lengthens a long list of events.
pub fn show_more(shown: usize, total: usize) -> String {
    format!("Show more events ({shown} of {total} listed)")
}

/// Where the reader is: "3 of 7".
pub fn position(current: usize, total: usize) -> String {
    format!("{current} of {total}")
}

/// Shown when a link names an event the story does not have.
pub fn unknown_event(id: &str) -> String {
    format!(
        "The link names an event that is not in this story (“{id}”), so the story starts at its overview."
    )
}
