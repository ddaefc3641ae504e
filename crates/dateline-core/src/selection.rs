//! Where the reader is in the story, how they got there, and what each
//! change asks of the page: the link, keyboard focus, the view. Pure: the
//! component carries the answers out, so that marker, panel, timeline, map,
//! link and announcement always agree.

/// Where the reader is in the story, and so what the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    /// The story's overview: where it starts.
    #[default]
    Overview,
    /// One event, by index into the story's reading order (its place is shown).
    Event(usize),
    /// The panel is closed.
    Closed,
}

impl Selection {
    /// The event selected, if any.
    pub fn event(self) -> Option<usize> {
        match self {
            Selection::Event(k) => Some(k),
            _ => None,
        }
    }

    /// Whether the panel shows (the overview or an event).
    pub fn is_open(self) -> bool {
        self != Selection::Closed
    }
}

/// How a selection came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// Chosen by the reader (marker, list, timeline mark): a new history
    /// entry, and focus moves to the panel.
    Deliberate,
    /// Stepped through (previous/next, arrow keys): the history entry is
    /// replaced, focus stays.
    Step,
    /// Read from the page's link (load, Back): history is left alone.
    FromLink,
    /// Asked for by the host page (a script, `select()`): the link follows
    /// in place, focus stays where the page has it.
    FromHost,
}

/// What to do with the page's link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkWrite {
    /// Leave it.
    Keep,
    /// A new history entry, so Back returns to what was open before.
    Push,
    /// Change the current entry.
    Replace,
}

/// How the view moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// It stays.
    Stay,
    /// To the place of this event (index into the reading order).
    Event(usize),
    /// To the whole story.
    WholeStory,
}

/// Everything one change of selection asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The new selection; `None` if it is what is open already.
    pub select: Option<Selection>,
    /// What to do with the link.
    pub link: LinkWrite,
    /// Whether keyboard focus moves to the panel's heading.
    pub focus_panel: bool,
    /// Whether a notice about the link (an unknown event) goes away.
    pub clear_notice: bool,
    /// How the view moves.
    pub framing: Framing,
}

/// What going from `current` to `next` by `nav` asks for.
///
/// # Examples
///
/// ```
/// use dateline_core::selection::{change, Framing, LinkWrite, Nav, Selection};
///
/// let c = change(Selection::Overview, Selection::Event(2), Nav::Deliberate);
/// assert_eq!(c.select, Some(Selection::Event(2)));
/// assert_eq!((c.link, c.focus_panel, c.framing), (LinkWrite::Push, true, Framing::Event(2)));
/// // Choosing what is open again only moves focus to it.
/// let again = change(Selection::Event(2), Selection::Event(2), Nav::Deliberate);
/// assert_eq!((again.select, again.focus_panel), (None, true));
/// ```
pub fn change(current: Selection, next: Selection, nav: Nav) -> Change {
    let focus_panel = nav == Nav::Deliberate && next.is_open();
    if current == next {
        return Change {
            select: None,
            link: LinkWrite::Keep,
            focus_panel,
            clear_notice: false,
            framing: Framing::Stay,
        };
    }
    let link = match (nav, next) {
        (Nav::FromLink, _) => LinkWrite::Keep,
        (Nav::Deliberate, Selection::Event(_)) => LinkWrite::Push,
        _ => LinkWrite::Replace,
    };
    let framing = match next {
        Selection::Event(k) => Framing::Event(k),
        Selection::Overview => Framing::WholeStory,
        Selection::Closed => Framing::Stay,
    };
    Change {
        select: Some(next),
        link,
        focus_panel,
        clear_notice: nav != Nav::FromLink,
        framing,
    }
}

/// The selection a widget starts with: the event its link names, else the
/// event the host asked for, else the overview. An id that names no event
/// gives the overview and that id back, for a notice.
///
/// `position` finds an event id's index in the reading order.
pub fn initial(
    link: Option<&str>,
    asked: Option<&str>,
    position: impl Fn(&str) -> Option<usize>,
) -> (Selection, Option<String>) {
    match link.or(asked) {
        None => (Selection::Overview, None),
        Some(id) => match position(id) {
            Some(k) => (Selection::Event(k), None),
            None => (Selection::Overview, Some(id.to_string())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deliberate_choice_is_a_history_entry_and_takes_focus() {
        let c = change(Selection::Event(0), Selection::Event(3), Nav::Deliberate);
        assert_eq!(c.select, Some(Selection::Event(3)));
        assert_eq!(c.link, LinkWrite::Push);
        assert!(c.focus_panel && c.clear_notice);
        assert_eq!(c.framing, Framing::Event(3));
    }

    #[test]
    fn stepping_replaces_the_link_and_leaves_focus() {
        let c = change(Selection::Event(0), Selection::Event(1), Nav::Step);
        assert_eq!((c.link, c.focus_panel), (LinkWrite::Replace, false));
        let back = change(Selection::Event(0), Selection::Overview, Nav::Step);
        assert_eq!(
            (back.link, back.framing),
            (LinkWrite::Replace, Framing::WholeStory)
        );
    }

    #[test]
    fn a_link_changes_the_selection_but_not_the_link() {
        let c = change(Selection::Overview, Selection::Event(4), Nav::FromLink);
        assert_eq!(
            (c.select, c.link),
            (Some(Selection::Event(4)), LinkWrite::Keep)
        );
        assert!(!c.focus_panel && !c.clear_notice);
    }

    #[test]
    fn the_host_page_keeps_its_focus() {
        let c = change(Selection::Overview, Selection::Event(1), Nav::FromHost);
        assert_eq!((c.link, c.focus_panel), (LinkWrite::Replace, false));
        assert_eq!(c.framing, Framing::Event(1));
    }

    #[test]
    fn the_overview_shows_the_whole_story_and_closing_moves_nothing() {
        let c = change(Selection::Event(2), Selection::Overview, Nav::Deliberate);
        assert_eq!(
            (c.link, c.framing),
            (LinkWrite::Replace, Framing::WholeStory)
        );
        let closed = change(Selection::Event(2), Selection::Closed, Nav::Deliberate);
        assert_eq!((closed.framing, closed.focus_panel), (Framing::Stay, false));
        assert_eq!(closed.link, LinkWrite::Replace);
    }

    #[test]
    fn the_link_wins_over_the_asked_event_and_unknown_ids_come_back() {
        let position = |id: &str| ["a", "b", "c"].iter().position(|e| *e == id);
        assert_eq!(initial(None, None, position), (Selection::Overview, None));
        assert_eq!(
            initial(None, Some("b"), position),
            (Selection::Event(1), None)
        );
        assert_eq!(
            initial(Some("c"), Some("b"), position),
            (Selection::Event(2), None)
        );
        assert_eq!(
            initial(Some("zz"), Some("b"), position),
            (Selection::Overview, Some("zz".to_string()))
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(Selection::Event(5).event(), Some(5));
        assert_eq!(Selection::Overview.event(), None);
        assert!(Selection::Overview.is_open() && !Selection::Closed.is_open());
    }
}
