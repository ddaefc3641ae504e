//! Dateline Studio's page (`studio.html`), built as its own bundle by the
//! `dateline-studio` binary: components, one per file, around the pure
//! core in [`crate`]. The reader's bundle references none of it.

pub mod app;
pub mod article_pane;
pub mod editor;
pub mod event_form;
pub mod field;
pub mod gazetteer_fetch;
pub mod place_form;
pub mod placing;
pub mod preview;
pub mod review;
pub mod start_page;
pub mod storage;
pub mod story_form;
pub mod story_list;
pub mod take_away;
pub mod work;

use wasm_bindgen::JsCast;

/// Mounts the Studio in the element with id `id` (its content is replaced).
pub fn mount(id: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    root.set_text_content(None);
    dateline::panic_report::watch_studio(&root, storage::holds_work);
    // The Studio lives as long as the page.
    leptos::mount::mount_to(root, app::StudioApp).forget();
}
