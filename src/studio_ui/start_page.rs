//! The start page: draft a story from an article's text, open a story file
//! (picked or dropped), or start a new empty story.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::studio::{
    check_article, draft_article, empty_story, open_story, ArticleForm, Session, StartField,
};
use crate::studio_ui::gazetteer_fetch::gazetteer;
use crate::studio_ui::work::{Selected, Work};

/// Opens `file` as the work's story, or says why it cannot.
fn open_file(work: Work, file: web_sys::File, errors: RwSignal<Vec<String>>) {
    spawn_local(async move {
        let name = file.name();
        let text = match JsFuture::from(file.text()).await {
            Ok(text) => text.as_string().unwrap_or_default(),
            Err(_) => {
                errors.set(vec![format!(
                    "“{name}” could not be read; check the file and try again."
                )]);
                return;
            }
        };
        match open_story(&text, &name) {
            Ok(opened) => {
                errors.set(Vec::new());
                let mut notes = vec![format!("Opened {name}.")];
                notes.extend(opened.notices);
                work.replace(Session {
                    story: Some(opened.story),
                    ..Session::default()
                });
                work.notes.set(notes);
                work.status.set(format!("Opened {name}."));
            }
            Err(problems) => {
                let mut all = vec![format!("“{name}” cannot be opened as a story:")];
                all.extend(problems);
                errors.set(all);
            }
        }
    });
}

/// The three ways to start.
#[component]
pub fn StartPage(
    /// The work.
    work: Work,
) -> impl IntoView {
    let form_errors = RwSignal::new(Vec::<(StartField, String)>::new());
    let file_errors = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let field = move |get: fn(&Session) -> String| Signal::derive(move || work.session.with(get));
    let errors_for = move |f: StartField| {
        Signal::derive(move || {
            form_errors.with(|e| {
                e.iter()
                    .filter(|(g, _)| *g == f)
                    .map(|(_, m)| m.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let draft_it = move |_| {
        let session = work.session.get_untracked();
        let form = ArticleForm {
            article: &session.article,
            published: &session.published,
            source_name: &session.source_name,
            source_url: &session.source_url,
        };
        let problems: Vec<(StartField, String)> = check_article(&form)
            .into_iter()
            .map(|(f, e)| (f, e.to_string()))
            .collect();
        form_errors.set(problems.clone());
        if let Some((first, _)) = problems.first() {
            let id = match first {
                StartField::Article => "article-text",
                StartField::Published => "published",
                StartField::SourceUrl => "source-url",
            };
            if let Some(el) = document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
            return;
        }
        busy.set(true);
        work.status.set("Drafting the story…".into());
        spawn_local(async move {
            let g = gazetteer().await;
            busy.set(false);
            let g = match g {
                Ok(g) => g,
                Err(e) => {
                    form_errors.set(vec![(StartField::Article, e)]);
                    return;
                }
            };
            let session = work.session.get_untracked();
            let form = ArticleForm {
                article: &session.article,
                published: &session.published,
                source_name: &session.source_name,
                source_url: &session.source_url,
            };
            match draft_article(&form, &g) {
                Ok(story) => {
                    let places = story["features"].as_array().map_or(0, Vec::len);
                    let to_review = story["features"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|f| f["properties"]["review"].is_string())
                        .count();
                    let said = format!(
                        "Drafted {places} places. {to_review} to review: they are listed first."
                    );
                    work.replace(Session {
                        story: Some(story),
                        ..session.clone()
                    });
                    work.notes.set(vec![said.clone()]);
                    work.status.set(said);
                }
                Err(problems) => form_errors.set(
                    problems
                        .into_iter()
                        .map(|(f, e)| (f, e.to_string()))
                        .collect(),
                ),
            }
        });
    };
    let picked = move |ev: web_sys::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            open_file(work, file, file_errors);
        }
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let over = RwSignal::new(false);
    let drag_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(true);
    };
    let dropped = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(work, file, file_errors);
        }
    };
    let new_empty = move |_| {
        work.replace(Session {
            story: Some(empty_story()),
            ..Session::default()
        });
        work.selected.set(Some(Selected::Place("new-place".into())));
        work.notes.set(vec![
            "A new story with one place: name it, put it on the map, and add its events.".into(),
        ]);
    };
    let has_work = move || work.session.with(|s| s.story.is_some());
    let input_text = move |set: fn(&mut Session, String)| {
        move |ev: web_sys::Event| {
            let text = event_target_value(&ev);
            work.set_form(|s| set(s, text));
        }
    };
    let problems_list = move |f: StartField, id: &'static str| {
        let list = errors_for(f);
        view! { <ul class="st-problems" id=id>{move || list.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }
    };
    let invalid = move |f: StartField| move || errors_for(f).with(|e| (!e.is_empty()).to_string());
    view! {
        <div class="st-start" class:st-drop-over=move || over.get() on:dragover=drag_over
            on:dragleave=move |_| over.set(false) on:drop=dropped data-testid="start">
            <Show when=has_work>
                <p><button type="button" on:click=move |_| work.starting.set(false)>"Back to the story"</button>
                    " Starting again replaces the story open now; Undo (Ctrl+Z) brings it back."</p>
            </Show>
            <section class="st-card" aria-labelledby="draft-heading">
                <h2 id="draft-heading">"Draft a story from an article"</h2>
                <div class="st-field">
                    <label for="article-text">"Article text"</label>
                    <textarea id="article-text" rows="12" prop:value=field(|s| s.article.clone())
                        aria-invalid=invalid(StartField::Article) aria-describedby="article-text-problems"
                        on:input=input_text(|s, t| s.article = t)></textarea>
                    {problems_list(StartField::Article, "article-text-problems")}
                </div>
                <div class="st-field">
                    <label for="published">"Published"</label>
                    <input id="published" type="date" prop:value=field(|s| s.published.clone())
                        aria-invalid=invalid(StartField::Published) aria-describedby="published-problems"
                        on:input=input_text(|s, t| s.published = t) />
                    {problems_list(StartField::Published, "published-problems")}
                </div>
                <div class="st-pair">
                    <div class="st-field">
                        <label for="source-name">"Source name (optional)"</label>
                        <input id="source-name" type="text" prop:value=field(|s| s.source_name.clone()) on:input=input_text(|s, t| s.source_name = t) />
                    </div>
                    <div class="st-field">
                        <label for="source-url">"Source URL (optional)"</label>
                        <input id="source-url" type="url" prop:value=field(|s| s.source_url.clone())
                            aria-invalid=invalid(StartField::SourceUrl) aria-describedby="source-url-problems"
                            on:input=input_text(|s, t| s.source_url = t) />
                        {problems_list(StartField::SourceUrl, "source-url-problems")}
                    </div>
                </div>
                <button type="button" class="st-primary" on:click=draft_it disabled=move || busy.get()>
                    {move || if busy.get() { "Drafting…" } else { "Draft the story" }}
                </button>
                <p class="st-hint">"Runs in this browser: the article is not sent anywhere. Place names: GeoNames (CC BY 4.0)."</p>
            </section>
            <section class="st-card" aria-labelledby="open-heading">
                <h2 id="open-heading">"Or open a story you have"</h2>
                <div class="st-field">
                    <label for="open-file">"Open a story file"</label>
                    <input id="open-file" type="file" accept=".geojson,.json,.csv,application/geo+json,application/json,text/csv"
                        aria-describedby="open-file-hint open-file-problems" on:change=picked />
                    <p class="st-hint" id="open-file-hint">"Dateline GeoJSON, StoryMapJS JSON or a spreadsheet (CSV). You can also drop the file on this page."</p>
                    <ul class="st-problems" id="open-file-problems" data-testid="open-problems">
                        {move || file_errors.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                </div>
                <button type="button" on:click=new_empty>"New empty story"</button>
            </section>
        </div>
    }
}
