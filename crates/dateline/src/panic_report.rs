//! Panics: logged to the console, and told to the reader inside the widgets of
//! this WebAssembly instance, instead of leaving a map that silently stopped;
//! in Dateline Studio, told above the Studio, which is then inert, with what
//! failed and whether the work is kept.
//!
//! `dateline-embed.js` gives every widget its own instance, so the widgets
//! listed here are exactly the ones a panic can have broken; the others on the
//! page keep working.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};

use web_sys::HtmlElement;

/// The Studio's root, and how to ask whether its work is kept.
type StudioRoot = Option<(HtmlElement, fn() -> bool)>;

thread_local! {
    static HOSTS: RefCell<Vec<HtmlElement>> = const { RefCell::new(Vec::new()) };
    static STUDIO: RefCell<StudioRoot> = const { RefCell::new(None) };
    static DOING: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Set by the panic hook: an instance that panicked is never used again.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Whether this instance has panicked.
pub fn panicked() -> bool {
    PANICKED.load(Ordering::Relaxed)
}

/// Installs the panic hook: console log first, then a message in each widget.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::Relaxed);
        console_error_panic_hook::hook(info);
        report(&info.to_string());
    }));
}

/// Registers a host element whose widget runs in this instance.
pub fn watch(host: &HtmlElement) {
    HOSTS.with(|hosts| {
        if let Ok(mut hosts) = hosts.try_borrow_mut() {
            hosts.push(host.clone());
        }
    });
}

/// Forgets a host whose widget was removed.
pub fn unwatch(host: &HtmlElement) {
    HOSTS.with(|hosts| {
        if let Ok(mut hosts) = hosts.try_borrow_mut() {
            hosts.retain(|h| h != host);
        }
    });
}

/// Registers Dateline Studio's root; `kept` says whether the work is in the
/// browser's storage (it is kept there as it changes).
pub fn watch_studio(root: &HtmlElement, kept: fn() -> bool) {
    STUDIO.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = Some((root.clone(), kept));
        }
    });
}

/// What the Studio is doing, said as its failure ("Drafting failed on this
/// text"), for the message a panic leaves; `None` when done.
pub fn doing(failure: Option<&'static str>) {
    DOING.with(|d| d.set(failure));
}

/// Panics if the page's address asks for it at `point` (`?test-panic=draft`
/// in the Studio, `?test-panic=open:<event id>` in a reader):
/// how the end-to-end tests see what a person sees after a real panic. A
/// page can only break itself this way.
pub fn test_panic_at(point: &str) {
    let asked = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.contains(&format!("test-panic={point}")));
    if asked {
        panic!("a test panic at {point}, asked for by the page's address");
    }
}

/// Replaces every watched widget with a readable message about `detail`,
/// and tells the Studio's user, if this is the Studio.
pub fn report(detail: &str) {
    HOSTS.with(|hosts| {
        if let Ok(hosts) = hosts.try_borrow() {
            for host in hosts.iter() {
                show_crash(host, detail);
            }
        }
    });
    STUDIO.with(|s| {
        if let Ok(s) = s.try_borrow() {
            if let Some((root, kept)) = s.as_ref() {
                let failure = DOING.with(Cell::get);
                show_studio_crash(root, failure, kept(), detail);
            }
        }
    });
}

/// Puts a message above the Studio saying what failed and whether the work
/// is kept, with a link that reloads the page, and makes the Studio inert
/// when its work is kept (its WebAssembly instance cannot be trusted after a
/// panic).
pub fn show_studio_crash(root: &HtmlElement, failure: Option<&str>, kept: bool, detail: &str) {
    let (Some(document), Some(parent)) = (root.owner_document(), root.parent_node()) else {
        return;
    };
    let (Ok(message), Ok(words), Ok(reload)) = (
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("a"),
    ) else {
        return;
    };
    message.set_class_name("st-crash");
    let _ = message.set_attribute("role", "alert");
    let _ = message.set_attribute("data-testid", "studio-crash");
    let failure = failure.unwrap_or("Dateline Studio stopped because of an internal error");
    let work = if kept {
        "your article and your work are kept in this browser"
    } else {
        "this browser could not keep your work: copy your article before you reload"
    };
    words.set_text_content(Some(&format!("{failure}; {work}. Details: {detail}")));
    let here = document
        .location()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let _ = reload.set_attribute("href", &here);
    reload.set_text_content(Some("Reload the Studio"));
    let _ = message.append_child(&words);
    let _ = message.append_child(&reload);
    if kept {
        // Unkept work stays selectable, to be copied out.
        let _ = root.set_attribute("inert", "");
    }
    let _ = parent.insert_before(&message, Some(root));
}

/// Replaces `host`'s content with a message saying the map stopped, and why.
pub fn show_crash(host: &HtmlElement, detail: &str) {
    let Some(document) = host.owner_document() else {
        return;
    };
    let Ok(message) = document.create_element("div") else {
        return;
    };
    message.set_class_name("dl-root dl-crash");
    let _ = message.set_attribute("role", "alert");
    let _ = message.set_attribute("data-testid", "crash");
    message.set_text_content(Some(&format!(
        "This map stopped working because of an internal error; \
         the rest of the page is not affected. Reloading the page may help. \
         Details: {detail}"
    )));
    host.set_text_content(None);
    let _ = host.append_child(&message);
}
