//! Reading StoryMapJS files and spreadsheets in the importers' own bundle
//! (`dateline-import.js`, next to `dateline.js`), loaded the first time a
//! story needs it: a GeoJSON story's page never downloads the importers.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::js_error::js_message;

// The bundle's address is relative to this snippet, which wasm-bindgen
// writes to `snippets/<crate>/inline0.js` beside `dateline.js`. A failed load
// is forgotten, so the next story tries again.
#[wasm_bindgen(inline_js = r#"
let importer;
export function import_story(text, csv) {
  importer ??= import(new URL('../../dateline-import.js', import.meta.url).href)
    .then(async (m) => { await m.default(); return m; })
    .catch((e) => { importer = undefined; throw e; });
  return importer.then((m) => m.convert(text, csv));
}
"#)]
extern "C" {
    fn import_story(text: &str, csv: bool) -> js_sys::Promise;
}

/// Why the importers' bundle gave no answer: its files could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable(pub String);

/// The importers' answer for `text`, a spreadsheet if `csv`, else a
/// StoryMapJS file: `crate::import::wire` text, for `wire::decode`.
pub async fn read_elsewhere(text: &str, csv: bool) -> Result<String, Unavailable> {
    JsFuture::from(import_story(text, csv))
        .await
        .map_err(|e| Unavailable(js_message(&e)))?
        .as_string()
        .ok_or_else(|| Unavailable("its answer is not text".to_string()))
}
