//! The widget's stylesheet, which travels inside the WebAssembly: a page
//! needs one script and no stylesheet.
//!
//! It is adopted as a constructed stylesheet (`adoptedStyleSheets`), which a
//! strict Content-Security-Policy (`style-src 'self'`) allows where a
//! `<style>` element is blocked, and which also reaches a host inside a
//! shadow root. Adopted sheets come after the page's own in the cascade, so
//! the theme's defaults are declared with no specificity on the root
//! (`:where(:root, :host)`): a page's value on `.dl-root` or any ancestor wins.

use std::cell::OnceCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element};

/// The rules: `assets/dateline.css` and `assets/timeline.css`, minified by `build.rs`.
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/dateline.min.css"));
/// Set on a document or shadow root that has the stylesheet, so that the
/// other widgets' WebAssembly instances do not add it again.
const MARK: &str = "__datelineStyles";
/// The `<style>` element used where constructed stylesheets are not supported.
const STYLE_ID: &str = "dateline-styles";

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Makes sure the document (or shadow root) that holds `element` has the
/// widget's stylesheet.
pub fn ensure_styles(element: &Element) {
    let root: JsValue = element.get_root_node().into();
    if js_sys::Reflect::get(&root, &MARK.into()).is_ok_and(|v| v.is_truthy()) {
        return;
    }
    let adopted = js_sys::Reflect::get(&root, &"adoptedStyleSheets".into())
        .ok()
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok());
    let sheet = SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(STYLES).ok()?;
            Some(sheet)
        })
        .clone()
    });
    let done = match (adopted, sheet) {
        (Some(list), Some(sheet)) => {
            // A new array: assigning is what makes the root take it up.
            let list = list.slice(0, list.length());
            list.push(&sheet);
            js_sys::Reflect::set(&root, &"adoptedStyleSheets".into(), &list).unwrap_or(false)
        }
        _ => append_style_element(element),
    };
    if done {
        let _ = js_sys::Reflect::set(&root, &MARK.into(), &JsValue::TRUE);
    }
}

/// The fallback for browsers without constructed stylesheets: a `<style>`
/// element first in the document's head, so the page's own rules win.
fn append_style_element(element: &Element) -> bool {
    let Some(document) = element.owner_document() else {
        return false;
    };
    if document.get_element_by_id(STYLE_ID).is_some() {
        return true;
    }
    let (Ok(style), Some(head)) = (document.create_element("style"), document.head()) else {
        return false;
    };
    style.set_id(STYLE_ID);
    style.set_text_content(Some(STYLES));
    head.insert_before(&style, head.first_child().as_ref())
        .is_ok()
}
