//! The gazetteer (`gazetteer.tsv`, about 5 MB) is fetched the first time a
//! draft is asked for, never before, and kept for the page's life.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::draft::gazetteer::Gazetteer;

/// Where the gazetteer is, next to the page.
const URL: &str = "gazetteer.tsv";

thread_local! {
    static LOADED: RefCell<Option<Rc<Gazetteer>>> = const { RefCell::new(None) };
}

/// The gazetteer, fetched and read once; or why it could not be.
pub async fn gazetteer() -> Result<Rc<Gazetteer>, String> {
    if let Some(g) = LOADED.with(|l| l.borrow().clone()) {
        return Ok(g);
    }
    let failed = |why: String| {
        format!("The place names ({URL}) could not be loaded: {why}. Reload the page and try again; the Studio's files must be served together.")
    };
    let window = web_sys::window().ok_or_else(|| failed("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(URL))
        .await
        .map_err(|e| failed(format!("{e:?}")))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| failed("not a response".into()))?;
    if !response.ok() {
        return Err(failed(format!("the server answered {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|e| failed(format!("{e:?}")))?)
        .await
        .map_err(|e| failed(format!("{e:?}")))?
        .as_string()
        .unwrap_or_default();
    let g = Rc::new(Gazetteer::parse(&text).map_err(|e| failed(e.to_string()))?);
    LOADED.with(|l| *l.borrow_mut() = Some(g.clone()));
    Ok(g)
}
