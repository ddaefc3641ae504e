//! Taking the story away: **Download story** (`story.geojson`) and **Copy
//! embed code**, with where the files go, and a warning while drafts are left.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::work::Work;
use crate::{drafts_left, embed_code, export, STORY_FILE, WHERE_FILES_GO};

/// Starts a download of `text` as the file `name`.
fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/geo+json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has its own copy by the next task.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Some(())
}

/// Writes `text` to the clipboard; the promise's outcome comes back as a message.
async fn copy(text: String) -> Result<(), ()> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return Err(());
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).map_err(|_| ())?;
    let write: js_sys::Function = write.dyn_into().map_err(|_| ())?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &text.into())
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// The download and embed controls.
#[component]
pub fn TakeAway(
    /// The work.
    work: Work,
) -> impl IntoView {
    let drafts = Memo::new(move |_| {
        work.session
            .with(|s| s.story.as_ref().map(drafts_left).unwrap_or(0))
    });
    let problems = Memo::new(move |_| work.problems.with(Vec::len));
    let code = embed_code(STORY_FILE);
    let said = RwSignal::new(String::new());
    let save = move |_| {
        let Some(story) = work.story() else { return };
        let text = serde_json::to_string_pretty(&export(&story)).unwrap_or_default();
        match download(STORY_FILE, &text) {
            Some(()) => said.set(format!("Downloading {STORY_FILE}.")),
            None => said.set("The browser refused the download; try again, or copy the story from another browser.".into()),
        }
    };
    let copy_code = {
        let code = code.clone();
        move |_| {
            let code = code.clone();
            leptos::task::spawn_local(async move {
                match copy(code).await {
                    Ok(()) => said.set("Embed code copied.".into()),
                    Err(()) => said.set(
                        "The browser did not allow copying: select the code below and copy it."
                            .into(),
                    ),
                }
            });
        }
    };
    view! {
        <section class="st-take-away" aria-labelledby="take-away-heading">
            <h2 id="take-away-heading">"Take it away"</h2>
            <Show when=move || { drafts.get() > 0 }>
                <p class="st-warning" data-testid="drafts-warning">{move || {
                    let n = drafts.get();
                    let events = if n == 1 { "1 event is still a draft".to_string() } else { format!("{n} events are still drafts") };
                    format!("{events}: the file keeps them marked as drafts. Confirm them first if they are checked.")
                }}</p>
            </Show>
            <Show when=move || { problems.get() > 0 }>
                <p class="st-warning">{move || format!("The story has {} problem{} marked in the forms: the widget will refuse the file until they are fixed.", problems.get(), if problems.get() == 1 { "" } else { "s" })}</p>
            </Show>
            <div class="st-actions">
                <button type="button" class="st-primary" on:click=save>"Download story"</button>
                <button type="button" on:click=copy_code>"Copy embed code"</button>
            </div>
            <label for="embed-code">"Embed code"</label>
            <textarea id="embed-code" readonly rows="4" prop:value=code></textarea>
            <p class="st-hint">{WHERE_FILES_GO}</p>
            <p class="st-said" role="status">{move || said.get()}</p>
        </section>
    }
}
