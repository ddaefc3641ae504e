//! Work that can wait until the reader sees the result of their action.

use std::time::Duration;

use crate::ui::tasks::Tasks;

/// At the latest this long after the frame, idle or not, the work runs.
const IDLE_TIMEOUT: Duration = Duration::from_millis(200);

/// Runs `f` after the next frame has been painted, once the browser is idle
/// (or after [`IDLE_TIMEOUT`]): for work nobody waits for, such as writing
/// the link or turning captions, that would otherwise hold up that frame or
/// the input that follows it. Work the reader does wait for (focus, the
/// live region's words) uses [`Tasks::after_next_paint`], which does not wait
/// for idle time.
pub fn after_paint(tasks: Tasks, f: impl FnOnce() + 'static) {
    tasks.frame(move || tasks.idle(IDLE_TIMEOUT, f));
}
