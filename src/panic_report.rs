//! Panics: logged to the console, and told to the reader inside the widgets of
//! this WebAssembly instance, instead of leaving a map that silently stopped.
//!
//! `dateline-embed.js` gives every widget its own instance, so the widgets
//! listed here are exactly the ones a panic can have broken; the others on the
//! page keep working.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use web_sys::HtmlElement;

thread_local! {
    static HOSTS: RefCell<Vec<HtmlElement>> = const { RefCell::new(Vec::new()) };
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

/// Replaces every watched widget with a readable message about `detail`.
pub fn report(detail: &str) {
    HOSTS.with(|hosts| {
        if let Ok(hosts) = hosts.try_borrow() {
            for host in hosts.iter() {
                show_crash(host, detail);
            }
        }
    });
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
