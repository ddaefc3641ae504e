//! Driving a [`StoryMap`](crate::ui::story_map::StoryMap) from outside: the
//! host page (or app) opens an event or the overview, and hears what the
//! reader opens.

use std::sync::Arc;

use leptos::prelude::*;

use crate::geo::{unproject, ScreenPoint};
use crate::selection::{Nav, Selection};
use crate::story::{EventSummary, Story};
use crate::ui::story_state::MapState;

/// The event a reader (or the host) opened (defined with the story's data
/// for scripts, which the map's state builds it from).
pub use crate::story::SelectedEvent;

/// Why a command to a map could not be carried out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ControlError {
    /// No event of the story has this id.
    #[error("The story has no event with the id “{0}”; use one of the ids in its events.")]
    UnknownEvent(String),
    /// No map is showing yet (its story is still loading, or failed).
    #[error("The map is not showing a story yet; wait until it is ready.")]
    NotReady,
}

/// A handle for commands to one map; `Copy`. Create it, pass it to
/// `<StoryMap control=…/>`, and call it from event handlers.
#[derive(Clone, Copy)]
pub struct StoryMapControl {
    target: StoredValue<Option<(u64, MapState)>>,
    next: StoredValue<u64>,
}

impl StoryMapControl {
    /// A control not attached to a map yet.
    pub fn new() -> StoryMapControl {
        StoryMapControl {
            target: StoredValue::new(None),
            next: StoredValue::new(0),
        }
    }

    /// Opens the event with this id: the map flies to its place and the
    /// panel shows it, as if the reader had chosen it (keyboard focus stays).
    pub fn select(&self, event_id: &str) -> Result<(), ControlError> {
        let state = self.state()?;
        let k = state
            .position_of(event_id)
            .ok_or_else(|| ControlError::UnknownEvent(event_id.to_string()))?;
        state.go(Selection::Event(k), Nav::FromHost);
        Ok(())
    }

    /// Shows the story's overview and the whole story on the map.
    pub fn overview(&self) -> Result<(), ControlError> {
        self.state()?.go(Selection::Overview, Nav::FromHost);
        Ok(())
    }

    /// The story shown.
    pub fn story(&self) -> Result<Arc<Story>, ControlError> {
        let data = self.state()?.data().ok_or(ControlError::NotReady)?;
        Ok(data.story.clone())
    }

    /// Every event of the story, in reading order.
    pub fn events(&self) -> Result<Vec<EventSummary>, ControlError> {
        let data = self.state()?.data().ok_or(ControlError::NotReady)?;
        Ok(data.summaries())
    }

    /// The event open now, if any.
    pub fn selected(&self) -> Result<Option<SelectedEvent>, ControlError> {
        Ok(self.state()?.selected_event())
    }

    /// Where on Earth the map shows the page point (`client_x`, `client_y`),
    /// as (longitude, latitude); `None` when the point is off the map. (Dateline
    /// Studio puts places where a person clicks or drops a marker.)
    pub fn lon_lat_at(
        &self,
        client_x: f64,
        client_y: f64,
    ) -> Result<Option<(f64, f64)>, ControlError> {
        let state = self.state()?;
        let viewport = state
            .widget
            .get_untracked()
            .and_then(|w| w.query_selector(".dl-viewport").ok().flatten());
        let (Some(view), Some(viewport)) = (state.camera.current(), viewport) else {
            return Ok(None);
        };
        let rect = viewport.get_bounding_client_rect();
        let (x, y) = (client_x - rect.left(), client_y - rect.top());
        if !(0.0..=rect.width()).contains(&x) || !(0.0..=rect.height()).contains(&y) {
            return Ok(None);
        }
        let world = view.screen_to_world(ScreenPoint { x, y });
        Ok(unproject(world).map(|p| (p.lon, p.lat)))
    }

    fn state(&self) -> Result<MapState, ControlError> {
        self.target
            .try_get_value()
            .flatten()
            .map(|(_, state)| state)
            .ok_or(ControlError::NotReady)
    }

    /// Points the control at `state` until the current owner is cleaned up.
    pub(crate) fn attach(&self, state: MapState) {
        let Some(id) = self.next.try_get_value() else {
            return;
        };
        self.next.set_value(id.wrapping_add(1));
        self.target.set_value(Some((id, state)));
        let target = self.target;
        on_cleanup(move || {
            // A newer map may have attached already (a story replaced).
            if target
                .try_with_value(|t| t.as_ref().map(|(i, _)| *i))
                .flatten()
                == Some(id)
            {
                target.set_value(None);
            }
        });
    }
}

impl Default for StoryMapControl {
    fn default() -> Self {
        StoryMapControl::new()
    }
}
