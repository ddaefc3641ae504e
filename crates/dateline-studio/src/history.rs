//! Undo and redo across every edit, by whole snapshots: a story is small,
//! and a snapshot cannot drift from the edit that made it. Typing in one
//! field is one step, not one per keystroke.

/// The states of a document, with the current one and what was undone.
#[derive(Debug, Clone)]
pub struct History<T> {
    past: Vec<T>,
    present: T,
    future: Vec<T>,
    /// What the last step changed, when further changes to it join that step.
    open_group: Option<String>,
    limit: usize,
}

impl<T: Clone + PartialEq> History<T> {
    /// A history starting at `present`, keeping at most `limit` steps back.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_studio::History;
    ///
    /// let mut h = History::new(String::from("A"), 100);
    /// h.record(String::from("Ab"), Some("title"));
    /// h.record(String::from("Abc"), Some("title"));
    /// h.record(String::from("Abc!"), None);
    /// assert_eq!(h.undo().map(String::as_str), Some("Abc"));
    /// assert_eq!(h.undo().map(String::as_str), Some("A"));
    /// assert_eq!(h.redo().map(String::as_str), Some("Abc"));
    /// ```
    pub fn new(present: T, limit: usize) -> History<T> {
        History {
            past: Vec::new(),
            present,
            future: Vec::new(),
            open_group: None,
            limit: limit.max(1),
        }
    }

    /// The current state.
    pub fn present(&self) -> &T {
        &self.present
    }

    /// Makes `next` the current state. With `group` (say, the field being
    /// typed in), a change to the same group as the step before joins that
    /// step; `None` always makes a step of its own. A change to nothing is
    /// not a step. Redo is lost, as in every editor.
    pub fn record(&mut self, next: T, group: Option<&str>) {
        if next == self.present {
            return;
        }
        let joins = group.is_some() && group.map(str::to_string) == self.open_group;
        if !joins {
            self.past.push(self.present.clone());
            if self.past.len() > self.limit {
                self.past.remove(0);
            }
        }
        self.present = next;
        self.future.clear();
        self.open_group = group.map(str::to_string);
    }

    /// Ends the current group: the next change, even to the same field, is a new step.
    pub fn close_group(&mut self) {
        self.open_group = None;
    }

    /// Goes one step back; the state it returns to, if there was one.
    pub fn undo(&mut self) -> Option<&T> {
        let previous = self.past.pop()?;
        self.future
            .push(std::mem::replace(&mut self.present, previous));
        self.open_group = None;
        Some(&self.present)
    }

    /// Goes one step forward again; the state, if something was undone.
    pub fn redo(&mut self) -> Option<&T> {
        let next = self.future.pop()?;
        self.past.push(std::mem::replace(&mut self.present, next));
        self.open_group = None;
        Some(&self.present)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::History;

    #[test]
    fn steps_groups_and_limits() {
        let mut h = History::new(0, 3);
        assert!(!h.can_undo() && !h.can_redo());
        assert_eq!(h.undo(), None);
        h.record(0, None);
        assert!(!h.can_undo(), "a change to nothing is not a step");
        for n in 1..=5 {
            h.record(n, None);
        }
        // Only three steps back are kept.
        let undone: Vec<Option<i32>> = (0..4).map(|_| h.undo().copied()).collect();
        assert_eq!(undone, [Some(4), Some(3), Some(2), None]);
        assert_eq!(*h.present(), 2);
        assert_eq!(h.redo(), Some(&3));
        h.record(10, None);
        assert!(!h.can_redo(), "a new edit drops what was undone");
        // A group joins one step; closing it starts another.
        h.record(11, Some("title"));
        h.record(12, Some("title"));
        h.close_group();
        h.record(13, Some("title"));
        assert_eq!(h.undo(), Some(&12));
        assert_eq!(h.undo(), Some(&10));
        // After an undo, typing in the same field is a new step.
        h.record(20, Some("title"));
        h.record(21, Some("summary"));
        assert_eq!(h.undo(), Some(&20));
    }
}
